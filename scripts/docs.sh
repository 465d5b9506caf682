#!/usr/bin/env bash
# Keeps the documentation equal to the code.
#   scripts/docs.sh config          regenerate docs/configuration.md from Keys (movierec config --reference)
#   scripts/docs.sh check [FILE...] run every runnable shell block of README.md and docs/*.md; fail on the first that fails
#   scripts/docs.sh write [FILE...] the same, and rewrite the output shown under each `$ command` with what it printed
# Needs app/target/movierec.jar (mvn -B -q install -DskipTests). Blocks run in a scratch directory per
# file (kept under target/docs-run/), with `movierec` on the PATH as `java -jar app/target/movierec.jar`.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=app/target/movierec.jar
if [ ! -f "$jar" ]; then
  echo "scripts/docs.sh: $jar is missing; build it first with: mvn -B -q install -DskipTests" >&2
  exit 2
fi
mode=${1:-}
case "$mode" in
  config)
    tmp=$(mktemp docs/configuration.md.XXXXXX)
    java -Doffline=true -Dai.djl.offline=true -jar "$jar" config --reference > "$tmp"
    mv "$tmp" docs/configuration.md
    echo "wrote docs/configuration.md"
    ;;
  check|write)
    shift
    exec java scripts/RunnableDocs.java "$mode" "$jar" "$@"
    ;;
  *)
    echo "usage: scripts/docs.sh config | check [FILE...] | write [FILE...]" >&2
    exit 2
    ;;
esac
