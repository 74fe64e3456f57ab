"""`python scripts/build_number_tables.py [options]` is `python -m tools.build_number_tables [options]` from the repository root."""

from _run import run_module

run_module("tools.build_number_tables")
