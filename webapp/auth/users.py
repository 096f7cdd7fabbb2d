"""The logged-in person (Flask-Login's user) and passwords; shared by routes, CLI and seed."""

from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash


class User(UserMixin):
    def __init__(self, row):
        self.id = row["id"]
        self.username = row["username"]
        self.email = row["email"]
        self.display_name = row["display_name"]
        self.role = row["role"]
        self.lang = row["lang"]
        self.plain = None if row["plain"] is None else bool(row["plain"])
        self.coach_id = row["coach_id"]
        self.auth_version = row["auth_version"]

    def get_id(self):
        # The version changes with the password, so other devices' sessions
        # and "remember me" cookies stop working after a reset.
        return f"{self.id}:{self.auth_version}"

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
