#!/usr/bin/env bash
# README's screenshots of the page, docs/img/page-user-196.png and docs/img/page-new-user.png:
#   1. without MODEL, trains `--preset rank` on ml-100k's u.data, holding out only 100 ratings
#      for train's test report (`--split random:0.001`; the default 10% would leave some of user
#      196's own ratings out of training, to come back at the top of their list; about two
#      minutes on a CPU),
#   2. starts `movierec serve` with that model and ml-100k's titles on a free port of 127.0.0.1,
#   3. drives the page in Debian's headless Chromium (org.movierec.server.PageScreenshots, a
#      program among the server module's test classes, run with their class path): shows user
#      196's list, then, on a fresh page, rates Star Wars 5, The Empire Strikes Back 5 and
#      Titanic 1 in the "from a few ratings" panel and asks for that new user's list,
#   4. saves both windows (1200x900) and prints both lists; it fails if the lists are the same or
#      the new user's list holds a movie they rated.
# The server is stopped on exit; every step is bounded in time.
#
# usage: scripts/page-screenshots.sh [MODEL]
#   ML100K=DIR overrides ../shared/datasets/ml-100k; MVN_FLAGS adds Maven flags (e.g. "-o
#   -Dmaven.repo.local=DIR") to the one Maven call that compiles the test classes and writes
#   their class path
# needs: app/target/movierec.jar (mvn -B -q install -DskipTests), java 17, curl, and Debian's
#   chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver; nothing is downloaded)
set -euo pipefail

model=${1:+$(realpath "$1")}
cd "$(dirname "$0")/.."
data=$(realpath "${ML100K:-../shared/datasets/ml-100k}")
jar=app/target/movierec.jar
out=docs/img
[ -f "$jar" ] || { echo "page-screenshots.sh: no $jar; build it with: mvn -B -q install -DskipTests" >&2; exit 1; }
[ -f "$data/u.item" ] || { echo "page-screenshots.sh: no ml-100k at $data (u.item missing)" >&2; exit 1; }
for tool in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$tool" ] || { echo "page-screenshots.sh: no $tool (apt-get install -y chromium chromium-driver)" >&2; exit 1; }
done

work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2> /dev/null; then
    kill -TERM "$server"
    wait "$server" 2> /dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$model" ]; then
  model=$work/rank.mrec
  echo "== training --preset rank on $data/u.data, 100 ratings held out"
  timeout 1800 java -jar "$jar" train --data "$data/u.data" --preset rank --split random:0.001 \
    --model "$model" > "$work/train.log" 2>&1 || { cat "$work/train.log" >&2; exit 1; }
  grep -E '^(trained|split|test RMSE)' "$work/train.log"
fi

echo "== compiling the server's test classes and writing their class path"
# shellcheck disable=SC2086 # MVN_FLAGS holds several flags
timeout 600 mvn -B -q ${MVN_FLAGS:-} -pl server test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath" > "$work/mvn.log" 2>&1 \
  || { cat "$work/mvn.log" >&2; exit 1; }

timeout 900 java -jar "$jar" serve --model "$model" --data "$data" --host 127.0.0.1 --port 0 \
  > "$work/serve.out" 2> "$work/serve.err" &
server=$!
url=
for _ in $(seq 1 240); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.out" 2> /dev/null | head -1 || true)
  if [ -n "$url" ] && curl -sf "${url}health/ready" > /dev/null; then
    break
  fi
  url=
  kill -0 "$server" 2> /dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.5
done
[ -n "$url" ] || { echo "page-screenshots.sh: the server was not ready in 120 s" >&2; exit 1; }
head -1 "$work/serve.out"

echo "== driving the page in headless Chromium"
mkdir -p "$out"
SE_OFFLINE=true timeout 300 java \
  -cp "server/target/test-classes:server/target/classes:$(cat "$work/classpath")" \
  org.movierec.server.PageScreenshots "$url" "$out"
ls -l "$out/page-user-196.png" "$out/page-new-user.png"
