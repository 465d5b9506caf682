#!/usr/bin/env bash
# The model of BENCHMARKS.md's "Top-N over an ml-25m-shaped catalog": the seed network trained for
# one epoch on generated ratings of ml-25m's shape (162,541 users, 62,423 movies) whose catalog is
# every one of the 62,423 movies, so that a top-10 list scores the whole ml-25m catalog.
#
# usage: scripts/topn-bench-model.sh DIR   (after mvn -B -q install -DskipTests)
#   writes DIR/gen-25m/ (ratings.csv, movies.csv), DIR/probe.csv and DIR/seed-25m.mrec
#
# One million generated ratings leave about 15,000 movies of the Zipf-like tail unrated, and a
# model knows only rated movies, so one 3.5-star rating is appended for each unrated movie (by a
# user spread over the ids: user n*7919 mod 162,541 + 1 for the n-th such movie). Then 1,000
# ratings move to DIR/probe.csv as test ratings, at most one per user and per movie and only from
# users and movies with two or more ratings, so every user and movie stays in training. The model's
# quality does not matter to the timing, only its shape.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: scripts/topn-bench-model.sh DIR}
users=162541
movierec() { java -Xmx4g -jar app/target/movierec.jar "$@"; }
mkdir -p "$dir"
movierec generate --out "$dir/gen-25m" --users "$users" --movies 62423 --ratings 1000000 \
  --layout csv --seed 25
ratings="$dir/gen-25m/ratings.csv"
awk -F, -v users="$users" 'FNR == 1 { next }
  FILENAME ~ /ratings.csv$/ { rated[$2] = 1; next }
  !($1 in rated) { n++; printf "%d,%d,3.5,1577836800\n", (n * 7919) % users + 1, $1 }' \
  "$ratings" "$dir/gen-25m/movies.csv" >> "$ratings"
awk -F, -v probe="$dir/probe.csv" 'NR == FNR { if (FNR > 1) { u[$1]++; m[$2]++ } next }
  FNR == 1 { print; print > probe; next }
  taken < 1000 && u[$1] > 1 && m[$2] > 1 && !($1 in tu) && !($2 in tm) {
    tu[$1] = 1; tm[$2] = 1; taken++; print > probe; next }
  { print }' "$ratings" "$ratings" > "$ratings.tmp"
mv "$ratings.tmp" "$ratings"
movierec train --data "$dir/gen-25m" --test "$dir/probe.csv" --format csv --preset seed \
  --epochs 1 --set embedding_optimizer=lazy --model "$dir/seed-25m.mrec"
