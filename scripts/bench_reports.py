"""`python scripts/bench_reports.py [options]` is `python -m bench.reports [options]` from the repository root."""

from _run import run_module

run_module("bench.reports")
