"""Web Push rules: where we send, what a push may say, when a subscription is gone.

Plain functions without Flask, tested on their own (tests/test_push_rules.py).
"""

import base64
import binascii
from urllib.parse import urlsplit

# The push services of the browsers our residents use. A subscription names
# the URL we POST to; accepting any URL would let anyone make the server
# send requests into the municipality's own network.
PUSH_SERVICES = (
    "fcm.googleapis.com",  # Chrome, Android, Samsung Internet, Edge on Android
    "android.googleapis.com",
    "updates.push.services.mozilla.com",  # Firefox
    ".push.apple.com",  # Safari on iPhone (installed app) and Mac
    ".notify.windows.com",  # Edge on Windows
)

# The push service answers these when the browser unsubscribed or the
# subscription expired: the row is useless and goes.
GONE = frozenset({404, 410})

MAX_ENDPOINT = 1024
DEFAULT_LINK = "/notifications"


def _host_allowed(host, hosts):
    return any(host == entry or (entry.startswith(".") and host.endswith(entry)) for entry in hosts)


def as_hosts(value):
    """A setting that may be a comma-separated string (from the environment) or a list."""
    if isinstance(value, str):
        value = value.split(",")
    return tuple(entry.strip().lower() for entry in value or () if entry and entry.strip())


def endpoint_problem(url, hosts=PUSH_SERVICES, insecure_hosts=()):
    """None when we may send to ``url``; otherwise what is wrong with it.

    https on port 443 (written or not) of one of ``hosts`` only.

    ``insecure_hosts`` may be reached over plain http (a test's stand-in push
    service on 127.0.0.1); everything else must be https to a known service.
    """
    if not isinstance(url, str) or not url or len(url) > MAX_ENDPOINT:
        return "length"
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return "characters"
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port  # raises ValueError on a bad port
    except ValueError:
        return "not a URL"
    if parts.username or parts.password or not host:
        return "host"
    if parts.scheme == "http" and host in as_hosts(insecure_hosts):
        return None
    if parts.scheme != "https":
        return "scheme"
    if not _host_allowed(host, as_hosts(hosts)):
        return "host"
    # Only the push service's own port: another port on the same host may be
    # something else entirely (an admin console, a test service).
    if port not in (None, 443):
        return "port"
    return None


def _base64url(text):
    if not isinstance(text, str) or not text or len(text) > 200:
        return None
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None


def keys_problem(p256dh, auth):
    """None when the subscription's keys have the shape RFC 8291 gives them."""
    public = _base64url(p256dh)
    if public is None or len(public) != 65 or public[0] != 4:
        return "p256dh"
    secret = _base64url(auth)
    if secret is None or len(secret) != 16:
        return "auth"
    return None


def safe_link(link):
    """Only a path on this site opens when the push is tapped."""
    if isinstance(link, str) and link.startswith("/") and not link.startswith("//") and "\\" not in link:
        return link
    return DEFAULT_LINK


def payload(text, link, kind, notification_id, lang):
    """What the service worker shows: the kind's text, never private content."""
    return {
        "title": "Basisbaan",
        "body": str(text),
        "url": safe_link(link),
        "tag": kind,
        "id": notification_id,
        "lang": lang,
    }


def is_gone(status):
    return status in GONE


def service_name(endpoint):
    """The push service's host, for logs: the whole endpoint is a secret address."""
    try:
        return urlsplit(endpoint).hostname or "?"
    except (ValueError, AttributeError):
        return "?"
