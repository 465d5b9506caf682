#!/usr/bin/env bash
# BENCHMARKS.md's "Ratings store" freshness figures: starts `movierec serve --store` on a loopback
# port with ml-100k imported, then for USERS new users posts 5 ratings one by one (movies of the
# user's cold-start list) and asks for the list: it must hold none of them and differ from the
# cold-start list; prints p50/p99 from sending the last POST to receiving the updated list.
#
# usage: scripts/store-freshness.sh MODEL sqlite|postgres [USERS=200]
#   postgres: a throwaway cluster of Debian's postgresql package on 127.0.0.1 (apt-get install
#   postgresql), run as the user postgres; ML100K=DIR overrides ../shared/datasets/ml-100k
# needs: app/target/movierec.jar (mvn -B -q install -DskipTests), java 17, curl, python3
set -euo pipefail

model=$(realpath "${1:?usage: scripts/store-freshness.sh MODEL sqlite|postgres [USERS]}")
kind=${2:?usage: scripts/store-freshness.sh MODEL sqlite|postgres [USERS]}
users=${3:-200}
cd "$(dirname "$0")/.."
root=$(pwd)
data=$(realpath "${ML100K:-../shared/datasets/ml-100k}")
jar=$root/app/target/movierec.jar
[ -f "$jar" ] || { echo "store-freshness.sh: no $jar; build it with: mvn -B -q install -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
chmod 755 "$work"
server=
pg=
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2> /dev/null; then
    kill -TERM "$server"
    wait "$server" 2> /dev/null || true
  fi
  if [ -n "$pg" ]; then
    runuser -u postgres -- "$pg/pg_ctl" -D "$work/pg" -m fast stop > /dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

case "$kind" in
  sqlite) store=$work/ratings.db ;;
  postgres)
    pg=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    pgport=$(free_port)
    mkdir "$work/pg" && chown postgres "$work/pg"
    runuser -u postgres -- "$pg/initdb" -D "$work/pg" -A trust -U postgres > /dev/null
    runuser -u postgres -- "$pg/pg_ctl" -D "$work/pg" -w -l "$work/pg/log" \
      -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1" start > /dev/null
    runuser -u postgres -- "$pg/createdb" -h 127.0.0.1 -p "$pgport" -U postgres movierec
    store="jdbc:postgresql://127.0.0.1:$pgport/movierec?user=postgres"
    ;;
  *) echo "store-freshness.sh: the store is sqlite or postgres, not $kind" >&2; exit 2 ;;
esac

java -jar "$jar" import --data "$data" --store "$store" 2> /dev/null
port=$(free_port)
url=http://127.0.0.1:$port/
java -Xmx1g -jar "$jar" serve --model "$model" --data "$data" --store "$store" --port "$port" \
  > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 1 480); do
  curl -sf "${url}health/ready" > /dev/null 2>&1 && break
  kill -0 "$server" 2> /dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.25
done
echo "# $(date -u +%FT%TZ) $kind store, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java "$root/scripts/StoreLoad.java" fresh "$url" "$users"
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
