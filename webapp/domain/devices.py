"""Browsers a person logged in from before: OWASP's "device cookies".

A browser gets a device cookie after a successful login: the account and a
random nonce, signed by the app. A login attempt that carries one for the
account typed is counted against that device's own allowance, not against
the account's allowance for unknown devices nor against its address. So
guessing from elsewhere, even from the same address behind a proxy, locks
out only unknown devices: the owner, on a phone that logged in before,
still gets in with the right password. See
https://owasp.org/www-community/Slow_Down_Online_Guessing_Attacks_with_Device_Cookies

The cookie holds a short list of ``[user_id, nonce]`` entries, newest first:
a phone shared by a family keeps one for each person who logs in on it.
These rules read and change that list; signing it is the web layer's work.
"""

KEEP = 5  # entries one browser keeps; the oldest goes first
NONCE_LENGTHS = range(16, 65)


def entries(payload):
    """The well-formed ``(user_id, nonce)`` entries of a cookie's payload.

    A signed payload came from us, but an older version may have written
    another shape: whatever is not a list of [int, str] pairs is ignored.
    """
    if not isinstance(payload, list):
        return []
    found = []
    for entry in payload[:KEEP]:
        if (
            isinstance(entry, list | tuple)
            and len(entry) == 2
            and type(entry[0]) is int
            and entry[0] > 0
            and isinstance(entry[1], str)
            and len(entry[1]) in NONCE_LENGTHS
        ):
            found.append((entry[0], entry[1]))
    return found


def nonce_for(kept, user_id):
    """This browser's nonce for ``user_id``, or None: an unknown device for that account."""
    if user_id is None:
        return None
    for owner, nonce in kept:
        if owner == user_id:
            return nonce
    return None


def remember(kept, user_id, nonce, keep=KEEP):
    """The list after ``user_id`` logged in with a new ``nonce``: newest first,
    one entry per account, at most ``keep``."""
    others = [[owner, old] for owner, old in kept if owner != user_id]
    return [[user_id, nonce], *others][:keep]
