"""The home page, the health check, and the error pages every area shares."""

from urllib.parse import urlsplit

from flask import current_app, make_response, render_template, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from webapp import limits
from webapp.db import get_db
from webapp.jobs.queries import list_jobs
from webapp.main import bp, queries
from webapp.profile.queries import resident_profile
from webapp.web import NO_STORE, is_htmx, safe_next

HOME_JOBS = 4


@bp.get("/")
def home():
    db = get_db()
    profile = resident_profile(db, current_user)
    wants = {"q": "", "category": None, "buurt": None, "wijk": None, "hours_max": None}
    result = list_jobs(db, profile, wants, "", 1, HOME_JOBS)
    return render_template("main/home.html", profile=profile, **result)


@bp.get("/help")
def help_page():
    """How to reach the municipality and get a start code: open to everyone."""
    config = current_app.config
    opens, _, closes = config["HELP_HOURS"].partition("-")
    return render_template(
        "main/help.html",
        phone=config["HELP_PHONE"].strip(),
        dial="".join(c for c in config["HELP_PHONE"] if c.isdigit() or c == "+"),
        days=config["HELP_DAYS"].replace(",", " ").split(),
        opens=opens.strip(),
        closes=closes.strip(),
    )


@bp.get("/healthz")
def healthz():
    try:
        queries.ping(get_db())
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        current_app.logger.exception("health check failed")
        return {"status": "error"}, 503
    return {"status": "ok"}


def _error_page(status, kind):
    template = "errors/_error.html" if is_htmx() else "errors/error.html"
    return render_template(template, status=status, kind=kind), status


def _came_from():
    """The page the form was sent from (this site's only), or None."""
    sent_from = urlsplit(request.referrer or "")
    if sent_from.netloc != request.host:
        return None
    return safe_next(sent_from.path + (f"?{sent_from.query}" if sent_from.query else ""), None)


def too_many(error):
    """429: how long to wait (rounded up), as words and as ``Retry-After``.

    A limit on successes (webapp/limits.py) says "you did this many times";
    one on failed tries (logging in, codes) says "you tried many times".
    htmx gets a notice put in before the form that was sent, so the form and
    what was typed in it stay as they are.
    """
    seconds = limits.seconds_to_wait()
    unit, amount = limits.wait_in_words(seconds)
    context = {
        "status": 429,
        "kind": "too_many_done" if limits.was_a_success_limit(error) else "too_many",
        "wait_unit": unit,
        "wait": amount,
        "back": _came_from(),
    }
    if is_htmx():
        response = make_response(render_template("errors/_too_many_notice.html", **context), 429)
        response.headers["HX-Retarget"] = "this"
        response.headers["HX-Reswap"] = "beforebegin"
    else:
        response = make_response(render_template("errors/error.html", **context), 429)
    response.headers["Retry-After"] = str(seconds)
    response.headers["Cache-Control"] = NO_STORE
    response.vary.add("HX-Request")
    return response


def register_error_pages(app):
    for status, kind in (
        (400, "bad_request"),
        (403, "forbidden"),
        (404, "not_found"),
        (405, "not_allowed"),
        (413, "too_large"),
        (500, "server"),
    ):
        app.register_error_handler(status, lambda _e, s=status, k=kind: _error_page(s, k))
    app.register_error_handler(429, too_many)
    app.register_error_handler(CSRFError, lambda _e: _error_page(400, "csrf"))
