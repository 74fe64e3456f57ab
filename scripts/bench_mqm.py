"""`python scripts/bench_mqm.py [options]` is `python -m bench.mqm [options]` from the repository root."""

from _run import run_module

run_module("bench.mqm")
