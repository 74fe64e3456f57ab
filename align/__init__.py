"""align: translate, align and check figures and names across en/uk/ru news releases."""

__version__ = "0.1.0"
