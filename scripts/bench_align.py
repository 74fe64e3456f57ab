"""`python scripts/bench_align.py [options]` is `python -m bench.alignment [options]` from the repository root."""

from _run import run_module

run_module("bench.alignment")
