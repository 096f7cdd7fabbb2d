"""Reading accounts and start codes."""

from webapp.db import one, rows


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


def session_user(db, token_hash):
    """The person a session's token belongs to, with the session's facts; None when it is gone.

    One read through the unique index on ``token_hash`` (on every request).
    """
    return one(
        db,
        """SELECT users.*, sessions.id AS session_id, sessions.last_used AS session_last_used,
                  sessions.remember AS session_remember
           FROM sessions JOIN users ON users.id = sessions.user_id
           WHERE sessions.token_hash = ?""",
        (token_hash,),
    )


def sessions_of(db, user_id):
    """Where a person is logged in, the most recently used first."""
    return rows(
        db,
        """SELECT id, created_at, last_used, remember, device_kind, device_system, device_browser
           FROM sessions WHERE user_id = ? ORDER BY last_used DESC, id DESC""",
        (user_id,),
    )
