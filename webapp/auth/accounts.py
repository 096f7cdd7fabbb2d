"""Accounts and start codes in the database; shared by routes and the CLI."""

from datetime import UTC, datetime

from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from webapp.db import now_iso, one, write_transaction
from webapp.domain import startcodes


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


def load_user(db, user_id):
    try:
        ident, version = (int(part) for part in str(user_id).split(":"))
    except ValueError:
        return None
    row = one(db, "SELECT * FROM users WHERE id = ? AND auth_version = ?", (ident, version))
    return User(row) if row else None


def find_login(db, name):
    """A user by username or e-mail (both case-insensitive)."""
    name = (name or "").strip()
    return one(db, "SELECT * FROM users WHERE username = ? OR email = ?", (name, name))


def check_password(row, password):
    return bool(row and row["password_hash"] and check_password_hash(row["password_hash"], password))


def hash_password(password):
    return generate_password_hash(password)


def create_user(db, *, username, role, display_name="", email=None, password=None,
                password_hash=None, coach_id=None, lang=None, plain=None):  # fmt: skip
    if password is not None:
        password_hash = hash_password(password)
    cursor = db.execute(
        """INSERT INTO users (username, email, display_name, password_hash, role,
                              coach_id, lang, plain, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (username.strip(), email or None, display_name.strip(), password_hash, role,
         coach_id, lang, plain, now_iso()),
    )  # fmt: skip
    return cursor.lastrowid


def issue_start_code(db, user_id, created_by=None, days=startcodes.VALID_DAYS):
    """A new code for ``user_id``; older unused codes stop working."""
    code = startcodes.new_code()
    issued = datetime.now(UTC).replace(microsecond=0)
    expires = startcodes.expiry(issued, days)
    with write_transaction(db):
        db.execute(
            "UPDATE start_codes SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
            (now_iso(), user_id),
        )
        db.execute(
            """INSERT INTO start_codes (user_id, code_hash, created_by, created_at, expires_at)
               VALUES (?, ?, ?, ?, ?)""",
            (user_id, startcodes.code_hash(code), created_by, issued.isoformat(),
             expires.isoformat()),
        )  # fmt: skip
    return code, expires


class StartCodeError(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # 'unknown', 'used' or 'expired'


def redeem_start_code(db, code, password):
    """Use a code once: set the password and return the user's row.

    Check and write share one write transaction, so a code can never be
    used twice, not even by two requests at the same moment.
    """
    if startcodes.normalise(code) is None:
        raise StartCodeError("unknown")
    digest = startcodes.code_hash(code)
    new_hash = hash_password(password)  # slow on purpose: before taking the lock
    now = datetime.now(UTC)
    with write_transaction(db):
        row = one(db, "SELECT * FROM start_codes WHERE code_hash = ?", (digest,))
        if row is None:
            raise StartCodeError("unknown")
        status = startcodes.state(row["expires_at"], row["used_at"], now)
        if status != "usable":
            raise StartCodeError(status)
        db.execute("UPDATE start_codes SET used_at = ? WHERE id = ?", (now_iso(), row["id"]))
        db.execute(
            """UPDATE users SET password_hash = ?, auth_version = auth_version + 1
               WHERE id = ?""",
            (new_hash, row["user_id"]),
        )
        return one(db, "SELECT * FROM users WHERE id = ?", (row["user_id"],))
