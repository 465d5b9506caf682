#!/usr/bin/env bash
# One side of BENCHMARKS.md's seed benchmark: the seed recipe for 50 epochs on ml-100k u1, either
# the PyTorch reference (../shared/bench/seed_reference.py, unchanged) or the DJL backend
# (SeedThroughputBench through the seed-bench profile), on the same files and with the same scope.
#
# usage: scripts/seed-bench.sh reference|djl [THREADS] [EPOCHS=50]
#   THREADS: intra-op threads (default: each side's own default, 1 on this machine for both)
#   ML100K=DIR overrides ../shared/datasets/ml-100k (relative to the repository root)
#   SEED_BENCH_SET="key=value ..." adds settings over the seed preset on the djl side
#     (e.g. training_step=engine or training_step=jvm; default training_step=auto)
#   SEED_BENCH_MVN="..." adds Maven options on the djl side (e.g. -o -Dmaven.repo.local=DIR)
#
# Both programs read the same renumbered copy of u1.base/u1.test: ids dense from 0 in order of
# first appearance in u1.base, test pairs whose user or movie is not in u1.base left out. The
# reference sizes its tables by max id + 1 over both files, the backend by distinct training ids;
# on these files both make 943 user rows and 1,650 movie rows. Each side first prints one "side"
# line with its libtorch version, thread counts and table sizes: the backend prints its own; for
# the reference this script asks the same interpreter, after the same torch.set_num_threads.
set -euo pipefail
cd "$(dirname "$0")/.."
side=${1:?usage: scripts/seed-bench.sh reference|djl [THREADS] [EPOCHS]}
threads=${2:-}
epochs=${3:-50}
data=${ML100K:-../shared/datasets/ml-100k}
out=backend-djl/target/seed-bench
[ -f "$data/u1.base" ] || { echo "seed-bench.sh: no ml-100k at $data (u1.base missing)" >&2; exit 1; }
mkdir -p "$out"
awk -F'\t' -v OFS='\t' -v base="$out/u1.base" -v test="$out/u1.test" '
  FNR == NR {
    if (!($1 in user)) user[$1] = users++
    if (!($2 in movie)) movie[$2] = movies++
    print user[$1], movie[$2], $3, $4 > base
    next
  }
  ($1 in user) && ($2 in movie) { print user[$1], movie[$2], $3, $4 > test }
' "$data/u1.base" "$data/u1.test"

case "$side" in
  reference)
    /usr/bin/python3 - "$out/u1.base" "$out/u1.test" "$threads" <<'PY'
import subprocess, sys, numpy as np, torch
if sys.argv[3]:
    torch.set_num_threads(int(sys.argv[3]))  # what seed_reference.py does with THREADS
tables = [int(max(np.loadtxt(f, dtype=np.int64, usecols=(c,)).max() for f in sys.argv[1:3])) + 1
          for c in (0, 1)]
debian = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-torch"],
                        capture_output=True, text=True).stdout or "?"
print(f"side reference engine PyTorch libtorch {torch.__version__} (Debian python3-torch {debian})"
      f" intra_op_threads {torch.get_num_threads()} interop_threads {torch.get_num_interop_threads()}"
      f" tables users {tables[0]} x 30 movies {tables[1]} x 30", flush=True)
PY
    exec /usr/bin/python3 ../shared/bench/seed_reference.py "$out/u1.base" "$out/u1.test" \
      "$epochs" $threads
    ;;
  djl)
    # shellcheck disable=SC2086 # SEED_BENCH_MVN holds several options
    exec mvn -q ${SEED_BENCH_MVN:-} -pl backend-djl -Pseed-bench -DskipTests test \
      -Dbench.train="$PWD/$out/u1.base" -Dbench.test="$PWD/$out/u1.test" \
      -Dbench.epochs="$epochs" -Dbench.threads="${threads:-0}" \
      -Dbench.set="${SEED_BENCH_SET:-training_step=auto}"
    ;;
  *)
    echo "seed-bench.sh: unknown side '$side'; use reference or djl" >&2
    exit 2
    ;;
esac
