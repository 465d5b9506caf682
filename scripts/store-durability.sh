#!/usr/bin/env bash
# BENCHMARKS.md's "Ratings store": durability of acknowledged ratings. Starts `movierec serve
# --store` on a fixed loopback port, drives it with 32 clients (20% writes: one rating each, to new
# users; 80% top-10 lists of ml-100k users) for 60 s, SIGKILLs the server at 20 s and 40 s and
# starts it again at once, then checks through GET /v1/users/{id}/ratings that every rating that
# got a 201 is stored exactly once with its stars. Then, after a warm-up of the restarted server,
# the same load without kills, and a write-heavy one, for the throughput figures; each load
# writes for users of its own and is verified the same way.
#
# usage: scripts/store-durability.sh MODEL sqlite|postgres [CLIENTS=32] [SECONDS=60] [WRITES=0.2]
#   sqlite: a new ratings.db in a temporary directory
#   postgres: a new PostgreSQL cluster of Debian's postgresql package on 127.0.0.1, run as the
#   user postgres, removed afterwards (apt-get install postgresql)
#   ML100K=DIR overrides ../shared/datasets/ml-100k (imported into the store first)
# needs: app/target/movierec.jar (mvn -B -q install -DskipTests), java 17, curl, python3
set -euo pipefail

model=$(realpath "${1:?usage: scripts/store-durability.sh MODEL sqlite|postgres [CLIENTS] [SECONDS] [WRITES]}")
kind=${2:?usage: scripts/store-durability.sh MODEL sqlite|postgres}
clients=${3:-32}
seconds=${4:-60}
writes=${5:-0.2}
cd "$(dirname "$0")/.."
root=$(pwd)
data=$(realpath "${ML100K:-../shared/datasets/ml-100k}")
jar=$root/app/target/movierec.jar
[ -f "$jar" ] || { echo "store-durability.sh: no $jar; build it with: mvn -B -q install -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
chmod 755 "$work"
server=
pg=
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2> /dev/null; then
    kill -KILL "$server"
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
  sqlite)
    store=$work/ratings.db
    ;;
  postgres)
    pg=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    [ -x "$pg/initdb" ] || { echo "store-durability.sh: no PostgreSQL; apt-get install postgresql" >&2; exit 1; }
    pgport=$(free_port)
    mkdir "$work/pg" && chown postgres "$work/pg"
    runuser -u postgres -- "$pg/initdb" -D "$work/pg" -A trust -U postgres > /dev/null
    runuser -u postgres -- "$pg/pg_ctl" -D "$work/pg" -w -l "$work/pg/log" \
      -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1" start > /dev/null
    runuser -u postgres -- "$pg/createdb" -h 127.0.0.1 -p "$pgport" -U postgres movierec
    store="jdbc:postgresql://127.0.0.1:$pgport/movierec?user=postgres"
    ;;
  *) echo "store-durability.sh: the store is sqlite or postgres, not $kind" >&2; exit 2 ;;
esac

echo "# $(date -u +%FT%TZ) $kind store, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$jar" import --data "$data" --store "$store" 2> /dev/null
port=$(free_port)
url=http://127.0.0.1:$port/

start_server() {
  java -Xmx1g -jar "$jar" serve --model "$model" --data "$data" --store "$store" --port "$port" \
    >> "$work/serve.out" 2>> "$work/serve.err" &
  server=$!
  for _ in $(seq 1 240); do
    if curl -sf "${url}health/ready" > /dev/null 2>&1; then
      return 0
    fi
    kill -0 "$server" 2> /dev/null || { cat "$work/serve.err" >&2; exit 1; }
    sleep 0.25
  done
  echo "store-durability.sh: the server did not come up in 60 s" >&2
  exit 1
}

start_server
# The load runs for $seconds s; the server is SIGKILLed at a third and at two thirds of it (the
# second kill waits until the first restart is serving) and started again at once each time.
java "$root/scripts/StoreLoad.java" load "$url" "$clients" "$writes" "$seconds" "$work/acked.log" 100000000 &
load=$!
began=$(date +%s)
restarts=0
for third in 1 2; do
  while [ $(( $(date +%s) - began )) -lt $((third * seconds / 3)) ] && kill -0 "$load" 2> /dev/null; do
    sleep 0.2
  done
  kill -0 "$load" 2> /dev/null || break
  kill -KILL "$server"
  sent=$(date +%s.%N)
  echo "# $(date -u +%T) SIGKILL to the server at $(( $(date +%s) - began )) s"
  wait "$server" 2> /dev/null || true
  echo "# the killed server exited $(python3 -c "print(round($(date +%s.%N) - $sent, 1))") s after the signal"
  killed=$sent
  start_server
  restarts=$((restarts + 1))
  echo "# $(date -u +%T) restart $restarts serving again $(python3 -c "print(round($(date +%s.%N) - $killed, 1))") s after the signal"
done
wait "$load"
echo "# $restarts restarts; verifying every acknowledged rating through the restarted server"
java "$root/scripts/StoreLoad.java" verify "$url" "$work/acked.log"

# The restarted server is a new JVM that has not compiled its hot code yet: its first minute
# under this load answers reads at a p99 of seconds, so warm it up first, as serve-loadtest.sh
# does; the warm-up's ratings are verified too, but its figures are not the throughput figures.
echo "# warm-up: the same load without kills for $seconds s, not counted; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java "$root/scripts/StoreLoad.java" load "$url" "$clients" "$writes" "$seconds" "$work/acked0.log" 130000000
java "$root/scripts/StoreLoad.java" verify "$url" "$work/acked0.log"
echo "# the same load without kills, for the throughput figures; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java "$root/scripts/StoreLoad.java" load "$url" "$clients" "$writes" "$seconds" "$work/acked2.log" 110000000
java "$root/scripts/StoreLoad.java" verify "$url" "$work/acked2.log"
echo "# write-heavy: 16 clients, half of their requests writes ($seconds s); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java "$root/scripts/StoreLoad.java" load "$url" 16 0.5 "$seconds" "$work/acked3.log" 120000000
java "$root/scripts/StoreLoad.java" verify "$url" "$work/acked3.log"
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
