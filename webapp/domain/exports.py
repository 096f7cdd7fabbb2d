"""Cells for a spreadsheet: text a spreadsheet would run as a formula is kept text.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
may be run as a formula when someone opens a CSV or OpenDocument file (OWASP:
CSV injection). Every export writes its text cells through ``safe_cell``: such
a cell gets a leading apostrophe, so the spreadsheet shows it as text.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that starts like a formula, with an apostrophe in front; anything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values):
    return [safe_cell(value) for value in values]
