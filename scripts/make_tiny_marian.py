"""`python scripts/make_tiny_marian.py [options]` is `python -m bench.tiny_marian [options]` from the repository root."""

from _run import run_module

run_module("bench.tiny_marian")
