"""`python scripts/bench_mqm_figures.py [options]` is `python -m bench.mqm_figures [options]` from the repository root."""

from _run import run_module

run_module("bench.mqm_figures")
