"""Login sessions kept on the server, behind Flask-Login.

Every login makes a row in ``sessions`` and a random token. The user's
``get_id()`` is that token (Flask-Login's "alternative tokens"), so both the
session cookie and the "remember me" cookie carry it; the table keeps only
its hash. A request loads the person through the token (one read of an
indexed key) and writes "last used" at most every ``SESSION_TOUCH_MINUTES``.
Logging out deletes the row: a copied cookie opens nothing afterwards. The
rules (when a session has ended, how a device is named) are in
``webapp/domain/sessions.py``.
"""

import hashlib
import secrets
import sqlite3
from datetime import UTC, datetime, timedelta

from flask import current_app, request, session
from flask_login import current_user, login_user, logout_user

from webapp.auth import changes, queries
from webapp.auth.users import User
from webapp.db import get_db
from webapp.domain import sessions as rules


def now():
    """The one clock of this module (tests move it)."""
    return datetime.now(UTC)


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def log_in(row, remember=False):
    """Log the person in ``row`` in on this device: a new session and its cookies.

    A session this browser had before (someone else's, or an older login)
    ends on the server too: no copy of its cookies goes on working.
    """
    if current_user.is_authenticated:
        changes.end_session(get_db(), current_user.id, current_user.session_id)
    token = secrets.token_urlsafe(32)
    session_id = changes.open_session(
        get_db(), row["id"], token_hash(token), remember, describe(request.user_agent.string), now()
    )
    user = User(row, token=token, session_id=session_id)
    login_user(user, remember=remember)
    return user


def log_out():
    """End this device's session on the server, then forget it in the browser.

    Its cookie and this device's "remember me" cookie open nothing any more,
    wherever they were copied to. The id of the person who was logged in, or None.
    """
    who = current_user.id if current_user.is_authenticated else None
    if who is not None:
        changes.end_session(get_db(), who, current_user.session_id)
    # Clear first: logout_user() leaves the note that tells Flask-Login to
    # delete the "remember me" cookie, which session.clear() would wipe.
    session.clear()
    logout_user()
    return who


def live_sessions(user_id):
    """Where a person is logged in now: sessions that have not ended by idling."""
    config = current_app.config
    moment = now()
    idle = timedelta(minutes=config["SESSION_IDLE_MINUTES"])
    return [
        row
        for row in queries.sessions_of(get_db(), user_id)
        if not rules.has_ended(
            _moment(row["last_used"]), bool(row["remember"]), moment, idle, config["REMEMBER_COOKIE_DURATION"]
        )
    ]


def load(token):
    """Flask-Login's user loader: the session's person, or None when it has ended."""
    if not token or not isinstance(token, str):
        return None
    db = get_db()
    row = queries.session_user(db, token_hash(token))
    if row is None:
        return None
    config = current_app.config
    moment = now()
    last_used = _moment(row["session_last_used"])
    if rules.has_ended(
        last_used,
        bool(row["session_remember"]),
        moment,
        timedelta(minutes=config["SESSION_IDLE_MINUTES"]),
        config["REMEMBER_COOKIE_DURATION"],
    ):
        changes.end_session(db, row["id"], row["session_id"])  # rare: once per ended session
        return None
    if rules.worth_writing(last_used, moment, timedelta(minutes=config["SESSION_TOUCH_MINUTES"])):
        try:
            changes.touch_session(db, row["session_id"], moment, row["id"])
        except sqlite3.OperationalError as error:  # the database is busy: "last used" can wait
            current_app.logger.warning("Could not note a session's use: %s", error)
    return User(row, token=token, session_id=row["session_id"])


def describe(user_agent):
    """(kind, system, browser) of the device a login came from, e.g. ('phone', 'Android', 'Chrome')."""
    if not user_agent:
        return ("", "", "")
    from ua_parser import parse  # its rules load on first use: only at a login

    found = parse(user_agent[:512])
    os_family = found.os.family if found.os else ""
    device_family = found.device.family if found.device else ""
    browser = rules.browser_name(found.user_agent.family if found.user_agent else "")
    system = rules.system_name(os_family, device_family)
    return (rules.device_kind(system, user_agent), system, browser)


def _moment(stamp):
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))
