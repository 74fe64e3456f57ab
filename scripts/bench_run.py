"""`python scripts/bench_run.py [options]` is `python -m bench.run [options]` from the repository root."""

from _run import run_module

run_module("bench.run")
