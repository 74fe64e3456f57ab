"""`python scripts/bench_split.py [options]` is `python -m bench.split [options]` from the repository root."""

from _run import run_module

run_module("bench.split")
