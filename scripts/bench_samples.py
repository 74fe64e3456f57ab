"""`python scripts/bench_samples.py [options]` is `python -m bench.samples [options]` from the repository root."""

from _run import run_module

run_module("bench.samples")
