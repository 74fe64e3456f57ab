"""align: translate, align and check figures and names across en/uk/ru news releases."""

# Semantic versioning; release X.Y.Z is tagged vX.Y.Z, which pre-commit `rev:` pins name.
__version__ = "0.1.0"
# The name on the package index (`pip install align-newsroom`); `align` there is another project.
DIST_NAME = "align-newsroom"
