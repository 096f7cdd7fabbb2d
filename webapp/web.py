"""Small helpers shared by the route modules."""

from functools import wraps
from urllib.parse import urlsplit

from flask import make_response, render_template, request
from werkzeug.routing import IntegerConverter


def is_htmx():
    # A history restore wants the whole page back, not a fragment.
    return request.headers.get("HX-Request") == "true" and not request.headers.get("HX-History-Restore-Request")


def page_or_partial(page_template, partial_template, status=200, **context):
    """The partial for htmx, the full page otherwise; caches must know."""
    template = partial_template if is_htmx() else page_template
    response = make_response(render_template(template, **context), status)
    response.vary.add("HX-Request")
    return response


# The service worker keeps every other page a person opens (for reading
# offline); it skips any answer marked ``no-store``. An answer built in a
# helper (not a whole view) sets ``Cache-Control: NO_STORE`` itself.
NO_STORE = "private, no-store"


def no_store(view):
    """Pages with a password, a one-time code or someone else's data: no browser
    cache, no shared cache, no offline copy."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        response = make_response(view(*args, **kwargs))
        response.headers["Cache-Control"] = NO_STORE
        return response

    return wrapped


def is_safe_next(target):
    """Only paths on this site: no scheme, no host, no '//' or backslash tricks."""
    if not target or not isinstance(target, str):
        return False
    if any(ch in target for ch in "\\\r\n\t") or not target.startswith("/"):
        return False
    if target.startswith("//"):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def safe_next(target, default):
    return target if is_safe_next(target) else default


class DatabaseIdConverter(IntegerConverter):
    """``<int:...>`` limited to SQLite's integers (a longer number is no row)."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", 2**63 - 1)
        super().__init__(url_map, *args, **kwargs)
