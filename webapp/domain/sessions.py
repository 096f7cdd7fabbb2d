"""Login sessions: when one has ended, when its "last used" is worth writing,
and how a device is named on the page that lists them ("Android phone, Chrome").

Plain rules, no Flask and no database: the accounts area
(``webapp/auth/sessions.py``) asks them on every request.
"""

from datetime import timedelta

PHONE, TABLET, COMPUTER = "phone", "tablet", "computer"

# What the user-agent parser calls a browser, and the name people know it by.
_BROWSERS = {
    "Chrome Mobile": "Chrome",
    "Chrome Mobile iOS": "Chrome",
    "Chrome Mobile WebView": "Chrome",
    "Mobile Safari": "Safari",
    "Mobile Safari UI/WKWebView": "Safari",
    "Firefox Mobile": "Firefox",
    "Firefox iOS": "Firefox",
    "Edge Mobile": "Edge",
    "Opera Mobile": "Opera",
    "HeadlessChrome": "Chrome",
    "Chromium": "Chromium",
}

# Operating systems by the name people know; Apple's devices are named for themselves.
_SYSTEMS = {"Mac OS X": "Mac", "Chrome OS": "ChromeOS", "Ubuntu": "Linux", "Fedora": "Linux"}
_COMPUTERS = {"Windows", "Mac", "Linux", "ChromeOS"}

# Long enough for any real name, short enough for one line on a phone.
NAME_LENGTH = 40


def has_ended(last_used, remember, now, idle, remembered_idle):
    """True when a session was not used for longer than it may stay idle.

    ``idle`` holds for a session without "stay logged in"; a remembered
    device may rest for ``remembered_idle`` (as long as its cookie lasts).
    """
    return now - last_used > (remembered_idle if remember else idle)


def worth_writing(last_used, now, every):
    """Write "last used" at most once every ``every``: most page views stay a read.

    A clock that went back (``last_used`` in the future) is written too, so it heals.
    """
    return now - last_used >= every or last_used > now + timedelta(minutes=1)


def browser_name(family):
    """'Chrome Mobile' -> 'Chrome'; '' when the parser did not know it."""
    if not family or family == "Other":
        return ""
    return _BROWSERS.get(family, family)[:NAME_LENGTH]


def system_name(os_family, device_family):
    """'Android', 'iPhone', 'iPad', 'Windows', 'Mac', 'Linux' ...; '' when unknown."""
    if os_family in ("iOS", "iPadOS"):
        return "iPad" if device_family == "iPad" else "iPhone"
    if not os_family or os_family == "Other":
        return ""
    return _SYSTEMS.get(os_family, os_family)[:NAME_LENGTH]


def device_kind(system, user_agent):
    """Phone, tablet or computer, as far as the browser tells; '' when it does not.

    Android browsers say "Mobile" on a phone and leave it out on a tablet
    (Google's advice to sites); iPhone and iPad say what they are.
    """
    if system == "iPhone":
        return PHONE
    if system == "iPad":
        return TABLET
    if system == "Android":
        return PHONE if "Mobile" in (user_agent or "") else TABLET
    if system in _COMPUTERS:
        return COMPUTER
    return ""
