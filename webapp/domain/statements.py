"""The statements the law asks for, as plain rules: the status of the Dutch
accessibility statement (toegankelijkheidsverklaring, A-E), security.txt
(RFC 9116), and the periods the privacy page names.
"""

import re
from datetime import UTC, date, timedelta

# The Dutch model's compliance statuses. The municipality gives one from its
# own evaluation; the app never picks one for it.
STATUSES = ("A", "B", "C", "D", "E")

# RFC 9116 2.5.5: Expires "less than a year into the future".
MOST_DAYS_AHEAD = 365


def accessibility_status(text):
    """The letter the municipality set, or None while it has not (or set no letter A-E)."""
    letter = (text or "").strip().upper()
    return letter if letter in STATUSES else None


def statement_date(text):
    """The statement's day (YYYY-MM-DD), or None while not filled in or not a real day."""
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        return None


_EMAIL = re.compile(r"[^@\s:/]+@[^@\s/]+\.[^@\s/]+")


def contact_uri(text):
    """A contact as a URI: an e-mail address gets ``mailto:``; https and mailto
    stay as they are; anything else (empty, http, a phone number) is None."""
    text = (text or "").strip()
    if _EMAIL.fullmatch(text):
        return f"mailto:{text}"
    if text.startswith("mailto:") and _EMAIL.fullmatch(text[len("mailto:") :]):
        return text
    if text.startswith("https://") and len(text) > len("https://") and not any(c.isspace() for c in text):
        return text
    return None


def security_txt_expires(now, days):
    """When security.txt expires: ``days`` ahead, at least 1 and less than a year."""
    days = max(1, min(int(days), MOST_DAYS_AHEAD - 1))
    return (now.astimezone(UTC) + timedelta(days=days)).replace(microsecond=0)


def security_txt(contact, expires, canonical, languages=("nl", "en"), policy=None):
    """The text of /.well-known/security.txt (RFC 9116), one field a line."""
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        f"Preferred-Languages: {', '.join(languages)}",
        f"Canonical: {canonical}",
    ]
    if policy:
        lines.append(f"Policy: {policy}")
    return "\n".join(lines) + "\n"


def idle_hours(minutes):
    """SESSION_IDLE_MINUTES as whole hours for a sentence (rounded up)."""
    return max(1, -(-int(minutes) // 60))
