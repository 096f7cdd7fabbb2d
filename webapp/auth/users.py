"""The logged-in person (Flask-Login's user) and passwords; shared by routes, CLI and seed."""

import functools
import secrets

from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash


class User(UserMixin):
    """A person, as logged in through one session (``webapp/auth/sessions.py``).

    ``token`` is the session's random token: Flask-Login's "alternative
    token" (``get_id``), which the session cookie and the "remember me"
    cookie carry. Deleting the session's row ends both.
    """

    def __init__(self, row, token=None, session_id=None):
        self.id = row["id"]
        self.username = row["username"]
        self.email = row["email"]
        self.display_name = row["display_name"]
        self.role = row["role"]
        self.lang = row["lang"]
        self.plain = None if row["plain"] is None else bool(row["plain"])
        self.coach_id = row["coach_id"]
        self.token = token
        self.session_id = session_id

    def get_id(self):
        return self.token

    @property
    def name(self):
        return self.display_name or self.username

    @property
    def is_resident(self):
        return self.role == "resident"


def check_password(row, password):
    """Whether ``password`` is this account's. Without an account (an unknown
    name) or without a password (not activated yet, or only the municipality's
    login), a made-up hash is checked instead: every answer costs one hash
    check, so the time taken does not tell which names exist."""
    stored = row["password_hash"] if row else None
    if not stored:
        check_password_hash(_dummy_hash(), password)
        return False
    return check_password_hash(stored, password)


@functools.cache
def _dummy_hash():
    """A hash of a random password, with the same method and cost as real
    ones; made once per process."""
    return generate_password_hash(secrets.token_urlsafe(16))


def hash_password(password):
    return generate_password_hash(password)
