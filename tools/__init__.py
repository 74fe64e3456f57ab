"""Build-time generators of the repository's data files; never imported by the align package."""
