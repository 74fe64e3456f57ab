"""Evaluation code for the checker: data locators and perturbations (not part of the package)."""
