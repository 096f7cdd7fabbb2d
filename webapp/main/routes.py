"""The home page, the health check, and the error pages every area shares."""

import sqlite3
from urllib.parse import urlsplit

from flask import Response, abort, current_app, make_response, render_template, request, url_for
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from webapp import limits
from webapp.db import cannot_write, connect, get_db
from webapp.jobs.queries import list_jobs
from webapp.main import bp, changes, queries, statements
from webapp.profile.queries import resident_profile
from webapp.retention import queries as retention_queries
from webapp.web import NO_STORE, is_htmx, safe_next

HOME_JOBS = 4


@bp.get("/")
def home():
    db = get_db()
    profile = resident_profile(db, current_user)
    wants = {"q": "", "category": None, "buurt": None, "wijk": None, "hours_max": None}
    result = list_jobs(db, profile, wants, "", 1, HOME_JOBS)
    removal_on = None
    if current_user.is_authenticated and current_user.is_resident:
        removal_on = retention_queries.warning_of(db, current_user.id)
    return render_template("main/home.html", profile=profile, removal_on=removal_on, **result)


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


@bp.get("/privacy")
def privacy():
    """What Basisbaan stores, who sees it, how long, and your rights: open to everyone."""
    return render_template("main/privacy.html", **statements.privacy_facts(current_app.config))


@bp.get("/accessibility")
def accessibility():
    """The accessibility statement (the Dutch model), completed from the settings."""
    return render_template("main/accessibility.html", **statements.accessibility_facts(current_app.config))


@bp.get("/.well-known/security.txt")
def security_txt():
    """RFC 9116: whom to tell about a vulnerability. A 404 until SECURITY_CONTACT is set."""
    text = statements.security_txt(current_app.config, url_for("main.security_txt", _external=True))
    if text is None:
        abort(404)
    response = Response(text, mimetype="text/plain")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


# What /healthz says about each check: a word, never the error itself (no
# paths, no SQL, no versions for whoever asks).
_HEALTH_WORDS = {"locked": "locked", "full": "disk full", "disk": "disk error", None: "error"}


@bp.get("/healthz")
def healthz():
    """Can the database answer, and can a write be stored now? 503 when not."""
    checks = {"database": "ok", "write": "ok"}
    try:
        queries.ping(get_db())
    except Exception as error:  # noqa: BLE001 - any failure means "not healthy"
        current_app.logger.exception("health check: the database does not answer")
        checks["database"] = _HEALTH_WORDS[cannot_write(error)]
        checks["write"] = "not checked"
    else:
        checks["write"] = _write_check()
    healthy = all(value == "ok" for value in checks.values())
    return {"status": "ok" if healthy else "error", **checks}, 200 if healthy else 503


def _write_check():
    # Its own connection with a short wait: a check that hangs as long as a
    # page would is no check. The write is committed (a rolled-back one stays
    # in memory and proves nothing about the disk).
    config = current_app.config
    try:
        db = connect(config["DATABASE"], config["HEALTH_BUSY_TIMEOUT"])
    except Exception as error:  # noqa: BLE001
        current_app.logger.exception("health check: cannot open the database")
        return _HEALTH_WORDS[cannot_write(error)]
    try:
        changes.touch_health(db)
    except Exception as error:  # noqa: BLE001
        current_app.logger.warning("health check: the database cannot write: %s", error)
        return _HEALTH_WORDS[cannot_write(error)]
    finally:
        db.close()
    return "ok"


def _error_page(status, kind):
    # One line per error page, with the request's id (webapp/requestid.py);
    # a 500's exception is in the log already (Flask logs it as an error).
    if status != 500:
        current_app.logger.info("%s %s answered %s (%s)", request.method, request.path, status, kind)
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
    current_app.logger.info(
        "%s %s answered 429 (%s)", request.method, request.path, getattr(error, "description", "")
    )
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
    app.register_error_handler(sqlite3.OperationalError, _not_saved)


# Basisbaan's own "not saved, try again" (a 503 from a proxy has no such
# header): static/js/outbox.js keeps the item and sends it again later.
NOT_SAVED_HEADER = "Basisbaan-Not-Saved"


def _not_saved(error):
    """The database cannot write right now (locked, disk full): 503, never 500.

    Every write is one transaction (``write_transaction``), so nothing was
    stored half. Any other database error is a bug: on to the 500 page.
    """
    reason = cannot_write(error)
    if reason is None:
        raise error
    current_app.logger.warning("not saved, the database cannot write (%s): %s", reason, error)
    template = "errors/_not_saved.html" if is_htmx() else "errors/error.html"
    try:
        body = render_template(template, status=503, kind="not_saved")
    except sqlite3.Error:  # the page itself needs the database (who is logged in)
        body = render_template("errors/_not_saved.html")
    response = make_response(body, 503)
    response.headers["Retry-After"] = str(current_app.config["UNAVAILABLE_RETRY_AFTER"])
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("HX-Request")
    response.headers[NOT_SAVED_HEADER] = "1"
    return response
