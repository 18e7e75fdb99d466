"""Reference facts that rules compare a report with: plain data modules, no file reads at run time.

``fx`` holds approximate annual-average exchange rates (used by the ``currency-rate`` rule).
Facts here are outside knowledge, so a rule built on them reports warnings, never errors.
"""
