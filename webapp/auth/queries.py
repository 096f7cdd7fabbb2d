"""Reading accounts and start codes."""

from webapp.auth.users import User
from webapp.db import one, rows


def load_user(db, user_id):
    """The user a session or "remember me" cookie names, if its version still holds."""
    try:
        ident, version = (int(part) for part in str(user_id).split(":"))
    except ValueError:
        return None
    row = one(db, "SELECT * FROM users WHERE id = ? AND auth_version = ?", (ident, version))
    return User(row) if row else None


def user_row(db, user_id):
    return one(db, "SELECT * FROM users WHERE id = ?", (user_id,))


def find_login(db, name):
    """A user by username or e-mail (both case-insensitive)."""
    name = (name or "").strip()
    return one(db, "SELECT * FROM users WHERE username = ? OR email = ?", (name, name))


def is_resident(db, user_id):
    row = one(db, "SELECT role FROM users WHERE id = ?", (user_id,))
    return row is not None and row["role"] == "resident"


def account_data(db, user_id):
    """The account, for "download all your data"."""
    user = user_row(db, user_id)
    return {
        "account": {
            key: user[key] for key in ("username", "email", "display_name", "role", "lang", "plain", "created_at")
        },
    }


def start_code_data(db, user_id):
    """When start codes were made and used (never the codes), for "download all your data"."""
    codes = rows(
        db,
        "SELECT created_at, expires_at, used_at FROM start_codes WHERE user_id = ?",
        (user_id,),
    )
    return {"start_codes": [dict(row) for row in codes]}
