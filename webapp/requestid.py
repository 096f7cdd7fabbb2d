"""A short id for every request, to find it in the log.

Every answer carries it as ``X-Request-ID``; every line the app logs while
answering carries it (``[AB12CD34]``, a ``logging.Filter`` on the app's logger
and on Flask's handler); the 500, 503 and 429 pages show it in words ("If
you call us, mention this code: AB12CD34"), so the help desk can find what
went wrong without a stack trace ever reaching a phone.

The id is ours: 8 characters from 31 capital letters and digits that cannot
be mistaken for each other when read aloud or typed (no 0/O, 1/I/L), chosen
at random: 31**8 is about 850 billion, so two requests with one id are rare
even in years of log, and the time of the call narrows it down anyway. An ``X-Request-ID`` that comes in
is taken over only from a trusted proxy (``TRUSTED_PROXIES`` > 0) and only
when it is short and safe (8 to 16 of ``A-Z a-z 0-9 _ -``): anything else
could put other text in our log, or a code too long to read out on the
phone. (nginx's ``$request_id`` is 32 characters: it is not taken; log our
answer's header there instead, ``$upstream_http_x_request_id``.)
"""

import logging
import re
import secrets

from flask import current_app, has_request_context, request
from flask.logging import default_handler

HEADER = "X-Request-ID"
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 8
_SAFE = re.compile(r"[A-Za-z0-9_-]{8,16}\Z")
_KEY = "basisbaan.request_id"  # kept in the WSGI environ: one per request, whatever the app context
NO_REQUEST = "-"
LOG_FORMAT = "[%(asctime)s] %(levelname)s [%(request_id)s] in %(module)s: %(message)s"


def new_id():
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def request_id():
    """This request's id (made on first use), or "-" outside a request."""
    if not has_request_context():
        return NO_REQUEST
    environ = request.environ
    found = environ.get(_KEY)
    if found is None:
        sent = request.headers.get(HEADER, "")
        trusted = int(current_app.config.get("TRUSTED_PROXIES") or 0) > 0
        found = sent if trusted and _SAFE.match(sent) else new_id()
        environ[_KEY] = found
    return found


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record, for the formatter to print."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = request_id()
        return True


FILTER = RequestIdFilter()


def init_app(app):
    # On the logger: every record the app logs gets the id, whichever handler
    # prints it (Flask's own, gunicorn's, a test's). On Flask's handler too,
    # for records of child loggers that reach it, and its format prints the id.
    # Under gunicorn the app's logger keeps Flask's handler (gunicorn sets up
    # only its own loggers), so its error log shows the same lines.
    app.logger.addFilter(FILTER)
    default_handler.addFilter(FILTER)
    default_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    level = app.config.get("LOG_LEVEL")
    if level and not app.debug:
        app.logger.setLevel(str(level).upper())
    app.add_template_global(request_id, "request_id")

    @app.after_request
    def send_request_id(response):
        response.headers[HEADER] = request_id()
        return response
