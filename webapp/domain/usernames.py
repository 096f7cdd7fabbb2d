"""A username made from the name a resident gives when signing up.

``static/js/app.js`` makes the same suggestion while the person types, so
what the sign-up form shows is what the server would choose: keep both in
step (``tests/domain/test_usernames.py`` holds the cases).
"""

import re
import unicodedata

from webapp.domain.retention import is_former

MAX_BASE = 30  # room for a number behind it; a username has at most 40 characters
MIN_LENGTH = 3
TRIES = 20

_NOT_LETTER_OR_DIGIT = re.compile(r"[^a-z0-9]+")

# What a username may be: plain letters, digits and . _ - (so nothing invisible
# or look-alike can hide in it: see webapp.domain.names).
VALID = re.compile(r"^[A-Za-z0-9._-]{3,40}$")


def is_valid(username):
    # "former-<number>" is kept for anonymised accounts (webapp.domain.retention).
    return isinstance(username, str) and VALID.match(username) is not None and not is_former(username)


def from_name(name):
    """'Anna de Vries' -> 'anna.de.vries'; 'Zoë' -> 'zoe'. '' when nothing usable is left."""
    bare = "".join(
        ch for ch in unicodedata.normalize("NFD", name or "") if not unicodedata.category(ch).startswith("M")
    )
    base = _NOT_LETTER_OR_DIGIT.sub(".", bare.lower()).strip(".")
    return base[:MAX_BASE].rstrip(".")


def candidates(base):
    """The usernames to try, in order: 'anna', 'anna2', 'anna3' ...; a base too
    short for a username gets a number at once ('jo1', 'jo2' ...)."""
    if len(base) < MIN_LENGTH - 1:
        return []  # one letter says too little to build on
    if len(base) >= MIN_LENGTH:
        return [base] + [f"{base}{number}" for number in range(2, TRIES + 1)]
    return [f"{base}{number}" for number in range(1, TRIES + 1)]


def suggestion(name):
    """The username suggested for ``name``, or '' when none can be made."""
    found = candidates(from_name(name))
    return found[0] if found else ""
