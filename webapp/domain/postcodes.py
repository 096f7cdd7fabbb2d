"""Dutch postcodes and the buurt they belong to: plain rules, no Flask, no database.

A postcode is four digits and two letters ("1011 AB"). The municipality's
table may list whole postcodes or only their four digits; a whole postcode
wins over its four digits."""

import re

_POSTCODE = re.compile(r"^([1-9][0-9]{3})([A-Z]{2})?$")
MAX_ROWS = 20000


def normalize(text):
    """'1011 ab' -> '1011AB', '1011' -> '1011'; None when it is no postcode."""
    cleaned = re.sub(r"\s+", "", str(text or "")).upper()
    return cleaned if _POSTCODE.match(cleaned) else None


def lookup_keys(text):
    """The keys to look up in the table, most precise first: ('1011AB', '1011')."""
    postcode = normalize(text)
    if postcode is None:
        return ()
    return (postcode, postcode[:4]) if len(postcode) == 6 else (postcode,)


def parse_rows(rows, buurt_ids):
    """The (postcode, buurt id) pairs from CSV rows "postcode,buurt".

    ``buurt_ids`` maps a buurt's key or name (lower case) to its id. A first
    row that is a header is skipped. Returns (pairs, bad_line_numbers); a
    postcode listed twice keeps its last buurt."""
    pairs = {}
    bad = []
    for number, row in enumerate(rows, start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if number == 1 and cells and cells[0].lower() == "postcode":
            continue
        postcode = normalize(cells[0]) if cells else None
        buurt = buurt_ids.get(cells[1].lower()) if len(cells) >= 2 else None
        if postcode is None or buurt is None or len(cells) > 2:
            bad.append(number)
            continue
        pairs[postcode] = buurt
    return sorted(pairs.items()), bad
