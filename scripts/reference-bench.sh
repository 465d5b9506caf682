#!/usr/bin/env bash
# BENCHMARKS.md's comparisons with the shared PyTorch references, A B A B in one sitting. Each pair
# runs movierec's side (A) and then the reference (B) as whole processes, and prints both figures
# and their ratio with, next to each side, the 1-minute load average before and after it and the
# CPU time (user + sys, children included) and wall time of its process: a reader can tell a
# quiet figure from a loaded one, and a ratio measured while a neighbour took a core shows it.
#
# usage: scripts/reference-bench.sh seed|wide [PAIRS=3] [WARMUP=1]
#        scripts/reference-bench.sh custom PAIRS WARMUP 'COMMAND_A' 'COMMAND_B'
#   seed    the seed recipe on ml-100k u1, 50 epochs, one thread each (scripts/seed-bench.sh djl
#           against scripts/seed-bench.sh reference); figure: samples_per_s
#   wide    1M generated ratings over ml-25m-wide tables with lazy embedding updates, one epoch
#           (movierec train), against wide_reference.py's SparseAdam; figures: samples_per_second
#           and "sparse ratings_per_s"
#   custom  any two commands, each printing "samples_per_s N" (the last such line counts)
#   WARMUP pairs run first and are not counted. Needs app/target/movierec.jar (mvn install).
#   ML100K=DIR as for scripts/seed-bench.sh.
#
# Prints one Markdown table row per counted pair, then the median ratio and the load range.
set -euo pipefail
cd "$(dirname "$0")/.."
comparison=${1:?usage: scripts/reference-bench.sh seed|wide|custom [PAIRS] [WARMUP]}
pairs=${2:-3}
warmup=${3:-1}
out=target/reference-bench
mkdir -p "$out"

case "$comparison" in
  seed)
    side_a='scripts/seed-bench.sh djl "" 50'
    side_b='scripts/seed-bench.sh reference "" 50'
    figure_a='samples_per_s'
    figure_b='samples_per_s'
    ;;
  wide)
    data=$out/w1m
    if [ ! -f "$data/ratings.csv" ]; then
      java -jar app/target/movierec.jar generate --out "$data" --users 162541 --movies 62423 \
        --ratings 1000000 --layout csv --seed 1 > /dev/null
    fi
    side_a="java -Xmx2g -jar app/target/movierec.jar train --preset seed --set \
embedding_optimizer=lazy --set epochs=1 --split random:0.1 --json --data $data --model $out/ws.mrec"
    side_b='/usr/bin/python3 ../shared/bench/wide_reference.py'
    figure_a='"samples_per_second"'
    figure_b='sparse ratings_per_s'
    ;;
  custom)
    side_a=${4:?custom needs COMMAND_A and COMMAND_B}
    side_b=${5:?custom needs COMMAND_A and COMMAND_B}
    figure_a='samples_per_s'
    figure_b='samples_per_s'
    ;;
  *)
    echo "reference-bench.sh: unknown comparison '$comparison'; use seed, wide or custom" >&2
    exit 2
    ;;
esac
case "$pairs$warmup" in
  *[!0-9]*) echo "reference-bench.sh: PAIRS and WARMUP must be whole numbers" >&2; exit 2 ;;
esac
[ "$pairs" -ge 1 ] || { echo "reference-bench.sh: PAIRS must be at least 1" >&2; exit 2; }

load() { cut -d' ' -f1 /proc/loadavg; }

# run_side NAME COMMAND FIGURE LOG: runs one side and sets $figure, $cpu, $wall, $load_before and
# $load_after; exits naming the side and its log when the command fails or prints no figure.
run_side() {
  local name=$1 command=$2 key=$3 log=$4 times
  load_before=$(load)
  if ! { TIMEFORMAT='%R %U %S'; time bash -c "$command" > "$log" 2>&1; } 2> "$log.time"; then
    echo "reference-bench.sh: side $name failed: $command (output in $log)" >&2
    exit 1
  fi
  load_after=$(load)
  read -r wall user sys < <(tail -n 1 "$log.time")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  wall=$(awk -v w="$wall" 'BEGIN { printf "%.1f", w }')
  figure=$(grep -o "$key[\" :]*[0-9][0-9.]*" "$log" | tail -n 1 | grep -o '[0-9][0-9.]*$' || true)
  if [ -n "$figure" ]; then
    figure=$(awk -v f="$figure" 'BEGIN { printf "%.0f", f }')
  fi
  if [ -z "$figure" ]; then
    echo "reference-bench.sh: side $name printed no $key figure: $command (output in $log)" >&2
    exit 1
  fi
}

echo "comparison $comparison: A = $side_a"
echo "comparison $comparison: B = $side_b"
echo "| pair | A | load before-after, CPU, wall | B | load before-after, CPU, wall | A/B |"
echo "|---|---:|---|---:|---|---:|"
ratios=()
loads=()
for ((pair = 1 - warmup; pair <= pairs; pair++)); do
  run_side A "$side_a" "$figure_a" "$out/a.log"
  a=$figure a_side="$load_before-$load_after, $cpu s, $wall s"
  loads+=("$load_before" "$load_after")
  run_side B "$side_b" "$figure_b" "$out/b.log"
  b=$figure b_side="$load_before-$load_after, $cpu s, $wall s"
  loads+=("$load_before" "$load_after")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  if [ "$pair" -lt 1 ]; then
    label="warm-up"
  else
    label=$pair
    ratios+=("$ratio")
  fi
  printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$a" "$a_side" "$b" "$b_side" "$ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{ v[NR] = $1 }
  END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
range=$(printf '%s\n' "${loads[@]}" | sort -g | sed -n '1p;$p' | paste -sd' ')
echo "median A/B over $pairs pairs: ${median}x; load average ${range% *} to ${range#* }"
