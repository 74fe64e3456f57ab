"""Evaluation code for the checker, not part of the package: data locators, perturbations,
baselines, tiny-model builders, and the benchmarks themselves (`python -m bench.<name>` from the
repository root; docs/benchmarks.md lists them)."""
