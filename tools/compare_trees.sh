#!/bin/bash
# Same-run comparison of benchmark numbers between two checkouts of align (a restructure must not
# change any of them). Usage, from the repository root:
#   tools/compare_trees.sh OLD_TREE NEW_TREE OUT_DIR
# Each tree runs its own benchmarks: `python -m bench.<name>` where bench/ has it, else the older
# scripts/bench_<name>.py. Data: $ALIGN_FLORES_DIR and $ALIGN_BIO_MQM_DIR (default ../shared/data).
# Compare the outputs with diff, ignoring the speed columns (docs/bench/restructure.md).
set -u
old=$(cd "$1" && pwd); new=$(cd "$2" && pwd); out=$3
mkdir -p "$out"
root=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-$root/.venv/bin/python}
export ALIGN_FLORES_DIR=${ALIGN_FLORES_DIR:-$root/../shared/data/flores200-devtest}
export ALIGN_BIO_MQM_DIR=${ALIGN_BIO_MQM_DIR:-$root/../shared/data/bio-mqm-enru}
run_in() {  # tree label module script args...
  local tree=$1 label=$2 module=$3 script=$4; shift 4
  if [ -f "$tree/bench/${module#bench.}.py" ]; then
    (cd "$tree" && PYTHONPATH="$tree" "$PY" -m "$module" "$@")
  else
    (cd "$tree" && PYTHONPATH="$tree" "$PY" "scripts/$script" "$@")
  fi > "$out/$label" 2>&1
  echo "rc=$?" >> "$out/$label"
}
while read -r name module script args; do
  # shellcheck disable=SC2086
  run_in "$old" "$name.old" "$module" "$script" $args
  # shellcheck disable=SC2086
  run_in "$new" "$name.new" "$module" "$script" $args
done <<'LIST'
check bench.check bench_check.py
names bench.names bench_names.py
names_real bench.names_real bench_names_real.py --seed 7
mqm bench.mqm bench_mqm.py --verdicts docs/bench/mqm_verdicts.tsv
split bench.split bench_split.py
align bench.alignment bench_align.py --no-timing
align_hard bench.alignment_hard bench_align_hard.py --systems align-none,gale-church --no-timing
samples bench.samples bench_samples.py --embedder none
LIST
