"""`python scripts/bench_names_real.py [options]` is `python -m bench.names_real [options]` from the repository root."""

from _run import run_module

run_module("bench.names_real")
