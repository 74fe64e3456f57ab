"""`python scripts/bench_scale.py [options]` is `python -m bench.scale [options]` from the repository root."""

from _run import run_module

run_module("bench.scale")
