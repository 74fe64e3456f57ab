"""`python scripts/bench_names.py [options]` is `python -m bench.names [options]` from the repository root."""

from _run import run_module

run_module("bench.names")
