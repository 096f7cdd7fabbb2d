"""Small helpers shared by the route modules."""

from functools import wraps
from urllib.parse import urlsplit

from flask import current_app, make_response, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter, RequestRedirect


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


# --- a form's URL opened again: a GET beside every POST-only URL -----------------------

AGAIN = ".again"  # the endpoint of the GET added beside a POST-only view ends so


def form_lives_on(target):
    """Where a GET of this POST-only view's URL sends the person: the page its form
    lives on. ``target`` is an endpoint (given those of the URL's values it takes)
    or a function of the URL's values that returns a URL (asked only for someone
    logged in). Without it, the nearest page above the URL is used:
    ``/caseload/3/interests/7`` goes to ``/caseload/3``."""

    def mark(view):
        view.form_page = target
        return view

    return mark


def answer_get_on_post_urls(app):
    """Every URL that only takes a POST also answers a GET, with a 303 to the page
    its form lives on. A refused form is shown at the URL it was sent to, and that
    address can be reloaded, shared or opened from the history: never a 405.
    Call it after every blueprint is registered."""
    with_get = {rule.rule for rule in app.url_map.iter_rules() if "GET" in rule.methods}
    views = {}
    for rule in list(app.url_map.iter_rules()):
        if rule.rule in with_get:
            continue
        view = views.setdefault(rule.endpoint, _to_form_page(rule.endpoint))
        app.add_url_rule(rule.rule, endpoint=rule.endpoint + AGAIN, view_func=view, methods=["GET"])
        with_get.add(rule.rule)


def _to_form_page(endpoint):
    def again(**values):
        target = getattr(current_app.view_functions[endpoint], "form_page", None)
        if callable(target) and current_user.is_authenticated:
            url = target(**values)
        elif isinstance(target, str):
            takes = {name for rule in current_app.url_map.iter_rules(target) for name in rule.arguments}
            url = url_for(target, **{name: value for name, value in values.items() if name in takes})
        else:
            url = page_above(request.path)
        return redirect(url, code=303)

    return again


def page_above(path):
    """The nearest path above ``path`` that shows a page (a GET of a view of its own)."""
    adapter = current_app.create_url_adapter(request)
    parts = path.rstrip("/").split("/")
    while len(parts) > 1:
        parts.pop()
        candidate = "/".join(parts) or "/"
        try:
            endpoint, _values = adapter.match(candidate, method="GET")
        except RequestRedirect:
            return candidate
        except HTTPException:
            continue
        if not endpoint.endswith(AGAIN):
            return candidate
    return "/"
