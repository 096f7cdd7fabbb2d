"""The logged-in person (Flask-Login's user) and passwords; shared by routes, CLI and seed."""

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
    return bool(row and row["password_hash"] and check_password_hash(row["password_hash"], password))


def hash_password(password):
    return generate_password_hash(password)
