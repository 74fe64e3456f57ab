"""`python scripts/bench_startup.py [options]` is `python -m bench.startup [options]` from the repository root."""

from _run import run_module

run_module("bench.startup")
