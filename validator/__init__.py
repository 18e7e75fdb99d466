"""validator: fact-checking and consistency checks for the numbers in written reports."""

__version__ = "0.1.0"
