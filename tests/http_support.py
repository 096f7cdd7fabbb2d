"""Helpers shared by the HTTP tests (test_http_*.py), Flask test client only.

Expected texts come from the app's own translation (``t``): the Dutch
catalog is being filled in while these tests are written, and a string
without a translation is shown as its English msgid. ``t(app, "Save")`` is
"Opslaan" once translated and "Save" before that, so an assertion on it
holds in both states.
"""

import re
import secrets
from datetime import UTC, datetime

from flask_babel import gettext, ngettext
from markupsafe import escape

from webapp.auth.changes import open_session
from webapp.auth.sessions import token_hash
from webapp.db import connect, one
from webapp.seed.demo import DEMO_PASSWORD

SCRIPT = "<script>alert(1)</script>"
SQL = "'; DROP TABLE users; --"
LONG = "x" * 10_000
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')

# Elements that carry a message for the person: field errors, the error
# summary, error notices and the error page.
MESSAGE_ELEMENTS = re.compile(
    r'<(p|div|section)\b[^>]*class="(?:field__error|error-summary|notice notice--error|error-page)'
    r'[^"]*"[^>]*>(.*?)</\1>',
    re.S,
)


def t(app, msgid, lang="nl", plain=False, **values):
    """What the app shows for ``msgid`` (the reader's language), HTML-escaped."""
    query = f"/?lang={lang}&plain={int(plain)}"
    with app.test_request_context(query):
        app.preprocess_request()  # the ?lang= hook sets the choice
        return str(escape(gettext(msgid, **values)))


def t_isolated(app, msgid, isolated, lang="nl", plain=False, **values):
    """Like ``t``, with the ``isolated`` values (a dict) as a page shows a name
    someone wrote: in ``<bdi>``."""
    marks = {key: f"\x00{key}\x00" for key in isolated}
    text = t(app, msgid, lang, plain, **marks, **values)
    for key, value in isolated.items():
        text = text.replace(marks[key], f"<bdi>{escape(value)}</bdi>")
    return text


def nt(app, singular, plural, num, lang="nl", **values):
    with app.test_request_context(f"/?lang={lang}"):
        app.preprocess_request()
        return str(escape(ngettext(singular, plural, num, **values)))


def page(response):
    return response.get_data(as_text=True)


def messages(html):
    """The visible text of every message element on a page."""
    found = []
    for _tag, inner in MESSAGE_ELEMENTS.findall(html):
        text = " ".join(re.sub(r"<[^>]+>", " ", inner).split())
        if text:
            found.append(text)
    return found


def assert_escaped(html, text=SCRIPT):
    """``text`` never appears as markup; where it is shown, it is escaped."""
    assert text not in html


def csrf_token(client, path="/settings"):
    match = CSRF.search(page(client.get(path)))
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def log_in(client, username, password=DEMO_PASSWORD, **extra):
    """Log in through the real form (slow on purpose: the password hash)."""
    data = {"username": username, "password": password, "csrf_token": csrf_token(client, "/login")}
    data.update(extra)
    return client.post("/login", data=data)


def sign_in(client, username):
    """Be logged in as ``username`` without the password check (fast).

    Sets what Flask-Login's ``login_user`` puts in the session; the tests in
    test_http_auth.py go through the real form.
    """
    if username is None:
        return client
    db = connect(client.application.config["DATABASE"])
    try:
        row = one(db, "SELECT id FROM users WHERE username = ?", (username,))
        assert row, f"no user {username}"
        token = open_test_session(db, row["id"])
    finally:
        db.close()
    with client.session_transaction() as session:
        session["_user_id"] = token
        session["_fresh"] = True
    return client


def open_test_session(db, user_id, remember=False):
    """A login session's row, as ``webapp.auth.sessions.log_in`` makes it: its token."""
    token = secrets.token_urlsafe(32)
    open_session(db, user_id, token_hash(token), remember, ("phone", "Android", "Chrome"), datetime.now(UTC))
    return token


def post_form(client, path, data=None, token_from="/settings", **kwargs):  # noqa: S107
    """POST ``data`` with a valid CSRF token taken from a rendered page."""
    data = dict(data or {})
    data["csrf_token"] = csrf_token(client, token_from)
    return client.post(path, data=data, **kwargs)


def scalar(app, sql, params=()):
    db = connect(app.config["DATABASE"])
    try:
        return one(db, sql, params)[0]
    finally:
        db.close()


def query(app, sql, params=()):
    db = connect(app.config["DATABASE"])
    try:
        return [dict(row) for row in db.conn.execute(sql, params).fetchall()]
    finally:
        db.close()


def execute(app, sql, params=()):
    db = connect(app.config["DATABASE"])
    try:
        db.execute(sql, params)
    finally:
        db.close()


def count(app, table, where="1", params=()):
    return scalar(app, f"SELECT COUNT(*) FROM {table} WHERE {where}", params)  # noqa: S608


def user_id(app, username):
    return scalar(app, "SELECT id FROM users WHERE username = ?", (username,))


def snapshot(app, *tables):
    """Every row of ``tables``, to prove a failed request stored nothing."""
    return {table: query(app, f"SELECT * FROM {table} ORDER BY rowid") for table in tables}  # noqa: S608


DEMO_INTEREST_JOB = 1  # the job bewoner said she wants (seed: bezoek-ouderen, De Hoven)
OTHER_JOB = 2  # an open job nobody has shown interest in


def verify(app, username, proof="code", buurt_id=None):
    """Give ``username`` a proof of home buurt (their home buurt unless ``buurt_id``),
    so their votes count; the seed already verifies the demo's voters."""
    execute(
        app,
        """INSERT INTO verifications (user_id, proof, buurt_id, verified_at)
           SELECT users.id, ?, COALESCE(?, profiles.home_buurt_id), '2026-01-01T00:00:00Z'
           FROM users JOIN profiles ON profiles.user_id = users.id WHERE users.username = ?
           ON CONFLICT (user_id) DO UPDATE SET proof = excluded.proof, buurt_id = excluded.buurt_id""",
        (proof, buurt_id, username),
    )


def unverify(app, username):
    """Take ``username``'s proof of home buurt away: their new votes stop counting."""
    execute(
        app, "DELETE FROM verifications WHERE user_id = (SELECT id FROM users WHERE username = ?)", (username,)
    )
