"""Amounts of money as people type them, read as whole cents.

One reader for every amount in the product (a wage, an amount a year, the
minimum wage, a CSV cell). People write "32.000" in Dutch and "32,000" in
English, "14,71" and "14.71", with or without a euro sign. The rule that
makes this unambiguous: a dot or comma followed by exactly three digits
separates thousands; followed by one or two digits it is the decimal point.
Anything else (``1.2.3``, ``12,3456``, both signs as thousands) is refused
rather than guessed.
"""

import re

# Far above any amount the product asks for (a year's budget for one job),
# and short enough that a pasted number of a hundred digits is no amount.
MAX_CENTS = 100_000_000_00  # EUR 100 million
MAX_LENGTH = 40

_SIGNS = ("€", "eur", "euro", "euros")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
# Digits in groups split by one separator: a dot, a comma or a space.
_SHAPE = re.compile(r"[0-9]+(?:[., ][0-9]+)*")


class AmountError(ValueError):
    """Not an amount. ``reason``: 'shape', 'negative', 'zero' or 'too_large'."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def _strip_sign(text):
    lowered = text.lower()
    for sign in sorted(_SIGNS, key=len, reverse=True):
        if lowered.startswith(sign):
            return text[len(sign) :].strip()
        if lowered.endswith(sign):
            return text[: -len(sign)].strip()
    return text


def parse_amount(text, most=MAX_CENTS):
    """``text`` as a number of cents, ``None`` when empty; ``AmountError`` when it is no amount.

    Accepts "32.000", "32000", "32.000,50", "€ 32.000", "32,000.50",
    "14.71", "14,71", "€14,71", "32 000" and the Dutch "32.000,-". An
    amount is more than zero and at most ``most`` cents.
    """
    text = _SPACES.sub(" ", text or "").strip()
    if not text:
        return None
    if len(text) > MAX_LENGTH:
        raise AmountError("shape")
    if text[0] in "-−–":
        raise AmountError("negative")
    text = _strip_sign(text)
    if text[:1] in ("-", "−", "–"):
        raise AmountError("negative")
    if text.endswith((",-", ".-", ",—", ",–")):  # "€ 25,-": whole euros, written the Dutch way
        text = text[:-2].rstrip()
    if not _SHAPE.fullmatch(text):
        raise AmountError("shape")
    cents = _cents(text)
    if cents == 0:
        raise AmountError("zero")
    if cents > most:
        raise AmountError("too_large")
    return cents


def _cents(text):
    """Digits and separators (already of the right shape) as cents."""
    groups = re.split(r"[., ]", text)
    separators = re.findall(r"[., ]", text)
    if not separators:
        return int(text) * 100
    decimals = ""
    if len(groups[-1]) in (1, 2) and separators[-1] != " ":
        decimal_point = separators.pop()
        decimals = groups.pop()
        if decimal_point in separators:  # "1.234.5" or "1.2.3"
            raise AmountError("shape")
    if separators:
        # What is left separates thousands: one kind of separator, groups of three.
        if len(set(separators)) > 1 or not 1 <= len(groups[0]) <= 3 or groups[0].startswith("0"):
            raise AmountError("shape")
        if any(len(group) != 3 for group in groups[1:]):
            raise AmountError("shape")
    return int("".join(groups)) * 100 + int(decimals.ljust(2, "0") or 0)


def format_amount(cents, style="nl", decimals=False):
    """Cents as people of ``style`` ('nl' or 'en') write them, without a euro sign.

    The cents show when there are some, or always with ``decimals``. For
    plain text outside a request; pages use Babel's formats.
    """
    thousands, point = (".", ",") if style == "nl" else (",", ".")
    euros, rest = divmod(cents, 100)
    whole = f"{euros:,}".replace(",", thousands)
    if rest == 0 and not decimals:
        return whole
    return f"{whole}{point}{rest:02d}"
