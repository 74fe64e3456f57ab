"""`python scripts/bench_align_hard.py [options]` is `python -m bench.alignment_hard [options]` from the repository root."""

from _run import run_module

run_module("bench.alignment_hard")
