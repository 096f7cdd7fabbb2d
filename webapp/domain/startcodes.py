"""One-time start codes that a coach hands to a resident.

A code is 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
shown in groups of four: about 60 bits, far beyond guessing under a rate
limit. Only a hash is stored, so a copy of the database reveals no codes.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 12
VALID_DAYS = 14


def new_code():
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, LENGTH, 4))


def normalise(text):
    """What the person typed, as a bare code; None if it cannot be one."""
    if not isinstance(text, str):
        return None
    bare = "".join(ch for ch in text.upper() if ch not in " -.\t")
    if len(bare) != LENGTH or any(ch not in ALPHABET for ch in bare):
        return None
    return bare


def code_hash(code):
    bare = normalise(code)
    if bare is None:
        raise ValueError("not a start code")
    return hashlib.sha256(bare.encode("ascii")).hexdigest()


def expiry(issued_at, days=VALID_DAYS):
    return issued_at + timedelta(days=days)


def state(expires_at, used_at, now):
    """'usable', 'used' or 'expired' for a stored code."""
    if used_at:
        return "used"
    if now >= datetime.fromisoformat(expires_at):
        return "expired"
    return "usable"
