"""Voting codes a municipality posts, one per adult: plain rules, no Flask, no database.

A voting code looks and hashes exactly like a start code (``startcodes``):
12 characters without look-alikes, about 60 bits, typed in any case with or
without spaces and dashes, stored only as a hash.

The plain codes exist only in the answer right after a batch is made. The
page carries them as one hidden field (``pack``) so the CSV and the letters
can be made from it; the server checks every code against its stored hash
before it shows it again (``unpack``), so nobody can make letters of codes
that are not in the batch.
"""

import csv
import io

from webapp.domain import exports, startcodes

MAX_CODES = 1000  # per batch: the page that carries them stays under the upload limit
MAX_ADULTS = 20  # at one address
MAX_ADDRESS = 80  # characters
MAX_FILE_BYTES = 200 * 1024

new_code = startcodes.new_code
normalise = startcodes.normalise
code_hash = startcodes.code_hash


def new_codes(number):
    """``number`` different codes, shown as ABCD-EFGH-JKMN."""
    codes = []
    seen = set()
    while len(codes) < number:
        code = new_code()
        if code not in seen:
            seen.add(code)
            codes.append(code)
    return codes


class AddressError(ValueError):
    """The uploaded file cannot be used. ``problems`` is a list of (line, reason)
    with reason one of 'columns', 'address', 'adults', 'too_many_adults',
    'address_too_long'; or ``reason`` is 'empty', 'too_big', 'too_many_codes',
    'not_text' for the file as a whole."""

    def __init__(self, reason, problems=()):
        super().__init__(reason)
        self.reason = reason
        self.problems = list(problems)


def _is_header(cells):
    return len(cells) >= 2 and not cells[1].strip().isdigit() and cells[0].strip().lower() in ("address", "adres")


def parse_addresses(data):
    """Rows of ``address, adults`` (a CSV file, comma or semicolon, an optional
    header line) as a list of (address, adults). Raises ``AddressError`` when
    any line is wrong, so nothing is made from half a file."""
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_BYTES:
            raise AddressError("too_big")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise AddressError("not_text") from None
    if len(data.encode("utf-8")) > MAX_FILE_BYTES:
        raise AddressError("too_big")
    if "\x00" in data:
        raise AddressError("not_text")
    lines = data.splitlines()
    sample = "\n".join(lines[:5])
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    found = []
    problems = []
    for number, cells in enumerate(csv.reader(lines, delimiter=delimiter), start=1):
        if not any(cell.strip() for cell in cells):
            continue
        if number == 1 and _is_header(cells):
            continue
        if len(cells) != 2:
            problems.append((number, "columns"))
            continue
        address = " ".join(cells[0].split())
        adults = cells[1].strip()
        if not address:
            problems.append((number, "address"))
        elif len(address) > MAX_ADDRESS:
            problems.append((number, "address_too_long"))
        elif not adults.isdigit() or not adults.isascii() or int(adults) < 1:
            problems.append((number, "adults"))
        elif int(adults) > MAX_ADULTS:
            problems.append((number, "too_many_adults"))
        else:
            found.append((address, int(adults)))
    if problems:
        raise AddressError("lines", problems)
    if not found:
        raise AddressError("empty")
    if sum(adults for _address, adults in found) > MAX_CODES:
        raise AddressError("too_many_codes")
    return found


def letters_for(addresses):
    """One (address, code) per adult at each address."""
    codes = iter(new_codes(sum(adults for _address, adults in addresses)))
    return [(address, next(codes)) for address, adults in addresses for _ in range(adults)]


def pack(letters):
    """(address, code) pairs as one text for a hidden field: a CSV without header."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(letters)
    return out.getvalue()


def unpack(text):
    """The pairs ``pack`` made, or None if the text is not such a list."""
    if not isinstance(text, str) or not text.strip():
        return None
    letters = []
    for cells in csv.reader(text.splitlines()):
        if len(cells) != 2 or normalise(cells[1]) is None or len(cells[0]) > MAX_ADDRESS:
            return None
        letters.append((cells[0], cells[1]))
    if len(letters) > MAX_CODES:
        return None
    return letters


def mail_merge_csv(letters, buurt_name):
    """The file for a mail merge: address, buurt, code; a header line first.

    A cell that starts with a formula sign gets a leading quote, so a
    spreadsheet shows it as text (``exports.safe_cell``)."""
    safe = exports.safe_cell
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["address", "buurt", "code"])
    for address, code in letters:
        writer.writerow([safe(address), safe(buurt_name), code])
    return out.getvalue()
