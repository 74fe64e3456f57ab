"""`python scripts/bench_check.py [options]` is `python -m bench.check [options]` from the repository root."""

from _run import run_module

run_module("bench.check")
