#!/usr/bin/env bash
# Reproduces docs/results.md's test figures: cross-validates the seed and tuned presets and the bias baseline on
# ml-100k's predefined folds u1..u5 (the popularity baseline's lists measured beside them), trains
# the tuned recipe once on u1 for its learning curves, writes every run's JSON and the two reports
# (report.md and PNG plots) into docs/results/, and prints the Markdown tables. Seeded: a rerun on
# a CPU prints the same numbers.
#
# usage: scripts/results.sh [ML100K_DIR]   (default: ../shared/datasets/ml-100k, from the repo root)
# needs: app/target/movierec.jar (mvn -B -q package -DskipTests), java 17, jq
set -euo pipefail

data=../shared/datasets/ml-100k
if [ $# -gt 0 ]; then
  data=$(cd "$1" && pwd)
fi
cd "$(dirname "$0")/.."
out=docs/results
jar=app/target/movierec.jar

[ -f "$jar" ] || { echo "results.sh: no $jar; build it with: mvn -B -q package -DskipTests" >&2; exit 1; }
command -v jq > /dev/null || { echo "results.sh: needs jq (apt-get install jq)" >&2; exit 1; }
[ -f "$data/u1.base" ] || { echo "results.sh: no ml-100k at $data (u1.base missing)" >&2; exit 1; }

mkdir -p "$out"
model=$(mktemp -d)
trap 'rm -rf "$model"' EXIT

cv() {
  local name=$1
  shift
  echo "results.sh: cv $name on u1..u5 ..." >&2
  java -jar "$jar" cv --data "$data" --predefined --json "$@" > "$out/cv-$name.json"
}

cv seed --preset seed
rm -rf "$out/tuned-cv" "$out/tuned-u1"
cv tuned --preset tuned --report "$out/tuned-cv"
cv baseline --config examples/baseline.properties
echo "results.sh: train tuned on u1 for the learning curves ..." >&2
java -jar "$jar" train --data "$data/u1.base" --test "$data/u1.test" --preset tuned \
  --model "$model/tuned-u1.mrec" --report "$out/tuned-u1" >&2

# Four decimals, trailing zeros kept; jq has no printf.
f4='def f4: (. * 10000 | round) as $n | "\($n / 10000 | floor).\($n % 10000 | tostring | "000" + . | .[-4:])";'

echo "| recipe | RMSE | MAE | precision@10 | recall@10 | NDCG@10 | MAP@10 | hit rate@10 | coverage@10 |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|"
for name in seed tuned baseline; do
  jq -r --arg name "$name" "$f4"' "| \($name) | \(.mean_rmse | f4) ± \(.std_rmse | f4) | \(.mean_mae | f4) ± \(.std_mae | f4) | \(.mean_precision | f4) | \(.mean_recall | f4) | \(.mean_ndcg | f4) | \(.mean_map | f4) | \(.mean_hit_rate | f4) | \(.mean_coverage | f4) |"' \
    "$out/cv-$name.json"
done
# The popularity baseline ranks from each fold's training ratings alone, so every cv run measures
# the same lists; the tuned run's figures stand for all.
for kind in most_rated best_rated; do
  jq -r --arg kind "$kind" "$f4"' .["mean_" + $kind] as $m | "| popularity: \($kind | sub("_"; " ")) | - | - | \($m.precision | f4) | \($m.recall | f4) | \($m.ndcg | f4) | \($m.map | f4) | \($m.hit_rate | f4) | \($m.coverage | f4) |"' \
    "$out/cv-tuned.json"
done
echo
echo "| recipe | u1 | u2 | u3 | u4 | u5 | epochs kept |"
echo "|---|---:|---:|---:|---:|---:|---|"
for name in seed tuned baseline; do
  jq -r --arg name "$name" "$f4"' "| \($name) | \([.folds[].rmse | f4] | join(" | ")) | \(if .backend == "baseline" then "-" else [.folds[].training.bestEpoch | tostring] | join(", ") end) |"' \
    "$out/cv-$name.json"
done
