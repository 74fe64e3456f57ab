"""`python scripts/make_tiny_nllb.py [options]` is `python -m bench.tiny_nllb [options]` from the repository root."""

from _run import run_module

run_module("bench.tiny_nllb")
