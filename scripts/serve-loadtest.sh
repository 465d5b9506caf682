#!/usr/bin/env bash
# BENCHMARKS.md's "Serving over HTTP under load": starts `movierec serve` on a free loopback port
# with model A, then
#   1. warms it up (20 s of the same load, not counted),
#   2. drives it with `movierec loadtest` (64 clients, 60 s): every answer checked against the
#      library's answer of the model file it names,
#   3. the same with a reload every second, alternating between A and B,
#   4. sends a truncated copy of A (written into the model directory, the only one reloads read)
#      to POST /admin/reload and asks for a list right after,
#   5. stops the server with SIGTERM and prints its exit code.
# Around each load it forces a full collection in the server (jcmd GC.run) and reads the old
# generation from /metrics and the resident set from /proc: what outlives the requests.
#
# The server runs with its default limits (docs/serving.md); both models must sit in one
# directory, which the server is given as its model_dir.
#
# usage: scripts/serve-loadtest.sh MODEL_A MODEL_B [THREADS=64] [SECONDS=60]
#   ML100K=DIR overrides ../shared/datasets/ml-100k (titles for the server)
# needs: app/target/movierec.jar (mvn -B -q install -DskipTests), java 17 with jcmd, curl
set -euo pipefail

model_a=$(realpath "${1:?usage: scripts/serve-loadtest.sh MODEL_A MODEL_B [THREADS] [SECONDS]}")
model_b=$(realpath "${2:?usage: scripts/serve-loadtest.sh MODEL_A MODEL_B [THREADS] [SECONDS]}")
threads=${3:-64}
seconds=${4:-60}
cd "$(dirname "$0")/.."
data=${ML100K:-../shared/datasets/ml-100k}
jar=app/target/movierec.jar
[ -f "$jar" ] || { echo "serve-loadtest.sh: no $jar; build it with: mvn -B -q install -DskipTests" >&2; exit 1; }
[ -f "$data/u.item" ] || { echo "serve-loadtest.sh: no ml-100k at $data (u.item missing)" >&2; exit 1; }

work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2> /dev/null; then
    kill -TERM "$server"
    wait "$server" || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A fresh admin token, in a file only this user reads, as the server's --config.
umask 077
echo "admin_token = $(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')" > "$work/serve.properties"
token=$(sed 's/.*= //' "$work/serve.properties")
models=$(dirname "$model_a")
[ "$(dirname "$model_b")" = "$models" ] || { echo "serve-loadtest.sh: put both models in one directory" >&2; exit 1; }
echo "model_dir = $models" >> "$work/serve.properties"

java -Xmx1g -jar "$jar" serve --model "$model_a" --data "$data" --port 0 \
  --config "$work/serve.properties" > "$work/serve.out" 2> "$work/serve.err" &
server=$!
url=
for _ in $(seq 1 240); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.out" 2> /dev/null | head -1 || true)
  if [ -n "$url" ] && curl -sf "${url}health/ready" > /dev/null; then
    break
  fi
  kill -0 "$server" 2> /dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.5
done
[ -n "$url" ] || { echo "serve-loadtest.sh: the server did not come up in 120 s" >&2; exit 1; }
head -1 "$work/serve.out"

# The server's old generation and resident set after a full collection.
retained() {
  jcmd "$server" GC.run > /dev/null
  local old rss
  old=$(curl -s "${url}metrics" | awk '/^jvm_memory_used_bytes\{.*Old Gen/ { printf "%.1f", $NF / 1048576 }')
  rss=$(awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$server/status")
  echo "server after a full GC: old generation $old MiB, resident set $rss MiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

loadtest() {
  java -Xmx1g -jar "$jar" loadtest --url "$url" --threads "$threads" "$@"
}

echo "== warm-up, 20 s (not counted)"
loadtest --duration 20 --model "$model_a" > /dev/null
retained
echo "== $threads clients, $seconds s"
loadtest --duration "$seconds" --model "$model_a"
retained
echo "== $threads clients, $seconds s, a reload every second alternating the two files"
loadtest --duration "$seconds" --model "$model_a" --model "$model_b" --reload-every 1000 \
  --config "$work/serve.properties"
retained

echo "== a truncated model file sent to reload"
before=$(curl -s "${url}health/ready")
truncated=$(mktemp -p "$models" truncated-XXXXXX.mrec)
head -c 400000 "$model_a" > "$truncated"
name=$(basename "$truncated")
echo "\$ curl -s -X POST ${url}admin/reload -H 'Authorization: Bearer \$TOKEN' -H 'Content-Type: application/json' -d '{\"model\": \"$name\"}'"
curl -s -X POST "${url}admin/reload" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d "{\"model\": \"$name\"}"
rm -f "$truncated"
echo
echo "before: $before"
echo "after:  $(curl -s "${url}health/ready")"
echo "\$ curl -s '${url}v1/users/1/recommendations?top=3'"
curl -s "${url}v1/users/1/recommendations?top=3"
echo

echo "== SIGTERM"
kill -TERM "$server"
status=0
wait "$server" || status=$?
server=
tail -2 "$work/serve.out"
echo "server exit code $status"
