"""`python scripts/bench_translate.py [options]` is `python -m bench.translate [options]` from the repository root."""

from _run import run_module

run_module("bench.translate")
