"""Writing accounts and start codes; shared by routes, the CLI, coaching and the seed."""

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta

from webapp.auth.queries import find_login, user_row
from webapp.auth.users import check_password, hash_password
from webapp.db import now_iso, one, write_transaction
from webapp.domain import coaching as coaching_rules
from webapp.domain import startcodes, usernames
from webapp.verification import changes as verification_changes


def create_user(
    db,
    *,
    username,
    role,
    display_name="",
    email=None,
    password=None,
    password_hash=None,
    coach_id=None,
    lang=None,
    plain=None,
    signup_key=None,
):
    if password is not None:
        password_hash = hash_password(password)
    cursor = db.execute(
        """INSERT INTO users (username, email, display_name, password_hash, role,
                              coach_id, lang, plain, created_at, signup_key)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            username.strip(),
            email or None,
            display_name.strip(),
            password_hash,
            role,
            coach_id,
            lang,
            plain,
            now_iso(),
            signup_key,
        ),
    )
    return cursor.lastrowid


def signup_key(attempt):
    """What an account keeps of its sign-up form's random key (a hash), or None."""
    return hashlib.sha256(attempt.encode()).hexdigest() if attempt else None


def sign_up(db, *, username, display_name, email, password, attempt=None):
    """A new resident's account: its id, or None when the name is somebody else's.

    Without a username (None) the first free one made from ``display_name``
    is taken: 'anna', else 'anna2' ... ``attempt`` is the form's random key:
    a double tap sends the same one and finds its own account under any of
    those names, while another Anna with the same password gets the next one.
    """
    made = not username
    names = usernames.candidates(usernames.from_name(display_name)) if made else [username]
    password_hash = hash_password(password)  # slow on purpose: once, not per name
    for name in names:
        try:
            return create_user(
                db,
                username=name,
                role="resident",
                display_name=display_name,
                email=email,
                password_hash=password_hash,
                signup_key=signup_key(attempt),
            )
        except sqlite3.IntegrityError:
            # A made name without the form's key cannot tell a double tap from
            # somebody else: it never opens an existing account.
            if not (made and not attempt):
                same = _same_signup_again(db, name, email, password, signup_key(attempt) if made else None)
                if same is not None:
                    return same
            if email and find_login(db, email) is not None:
                return None  # the e-mail address is somebody else's: no name helps
    return None


def _same_signup_again(db, username, email, password, key=None):
    """A double tap sends the form twice: the second finds the first's account.

    It counts as the same sign-up only if it is a resident's account of a few
    minutes old with the same e-mail address and password; anything else is
    somebody else's name (sign-up never opens a coach's account). For a
    username made from the name, the form's key (its hash, ``key``) must
    match too: the same name and password may well be two people.
    """
    row = find_login(db, username)
    if not row or row["role"] != "resident":
        return None
    if key is not None and row["signup_key"] != key:
        return None
    if (row["email"] or "").lower() != (email or "").strip().lower():
        return None
    created = datetime.fromisoformat(row["created_at"].replace("Z", "+00:00"))
    if datetime.now(UTC) - created > timedelta(minutes=10):
        return None
    if not check_password(row, password):
        return None
    return row["id"]


class NotTheirCoach(Exception):
    """The coach asking for a start code is no longer the resident's coach."""


def issue_start_code(db, user_id, created_by=None, days=startcodes.VALID_DAYS, coach=None):
    """A new code for ``user_id``; older unused codes stop working.

    With ``coach`` (a ``webapp.domain.coaching.Person``), the code is made
    only while that coach is the resident's coach of today, read inside the
    write: a code lets its holder set the password, so a coach reassigned
    away a moment ago must not get one (``NotTheirCoach``).

    A coach hands a new code to someone who lost their password or their
    phone: every session of that person ends, wherever it was.
    """
    code = startcodes.new_code()
    issued = datetime.now(UTC).replace(microsecond=0)
    expires = startcodes.expiry(issued, days)
    with write_transaction(db):
        if coach is not None:
            resident = one(db, "SELECT id, role, coach_id FROM users WHERE id = ?", (user_id,))
            if resident is None or not coaching_rules.may_open_participant(coach, coaching_rules.person(resident)):
                raise NotTheirCoach()
        db.execute(
            "UPDATE start_codes SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
            (now_iso(), user_id),
        )
        db.execute(
            """INSERT INTO start_codes (user_id, code_hash, created_by, created_at, expires_at)
               VALUES (?, ?, ?, ?, ?)""",
            (user_id, startcodes.code_hash(code), created_by, issued.isoformat(), expires.isoformat()),
        )
        end_all_sessions(db, user_id)
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
        # A new password: no session made with the old one goes on. The
        # device that used the code logs in afresh (a new session).
        end_all_sessions(db, row["user_id"])
        _met_by_coach(db, row["user_id"], row["created_by"])
        return user_row(db, row["user_id"])


def _met_by_coach(db, user_id, issuer_id):
    """A start code a coach handed over in person proves the home buurt the
    resident has now: "met by a coach". Without a home buurt yet, the coach
    confirms it later on the participant page."""
    found = one(
        db,
        """SELECT profiles.home_buurt_id FROM users AS issuers, profiles
           WHERE issuers.id = ? AND issuers.role = 'coach' AND profiles.user_id = ?
             AND profiles.home_buurt_id IS NOT NULL""",
        (issuer_id, user_id),
    )
    if found is not None:
        verification_changes.record(db, user_id, "coach", found[0], by=issuer_id)


# Login sessions (``webapp/auth/sessions.py`` makes the tokens and asks the rules).


# Activity outlives the session (webapp/domain/retention.py: an unused account is anonymised).
NOTE_ACTIVE = """INSERT INTO last_active (user_id, at) VALUES (?, ?)
                 ON CONFLICT (user_id) DO UPDATE SET at = excluded.at"""


def open_session(db, user_id, token_hash, remember, device, now):
    """A new login session; ``device`` is (kind, system, browser). Returns its id."""
    stamp = _stamp(now)
    with write_transaction(db):
        # A log-in is activity: it keeps the account (webapp/domain/retention.py).
        db.execute(
            NOTE_ACTIVE,
            (user_id, stamp),
        )
        return db.execute(
            """INSERT INTO sessions (token_hash, user_id, created_at, last_used, remember,
                                     device_kind, device_system, device_browser)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (token_hash, user_id, stamp, stamp, int(bool(remember)), *device),
        ).lastrowid


def touch_session(db, session_id, now, user_id=None):
    with write_transaction(db):
        db.execute("UPDATE sessions SET last_used = ? WHERE id = ?", (_stamp(now), session_id))
        if user_id is not None:
            # Using the app is activity, and lasts after the session is gone.
            db.execute(
                NOTE_ACTIVE,
                (user_id, _stamp(now)),
            )


def end_session(db, user_id, session_id):
    """Log out one of a person's sessions.

    'ended', or 'gone' when it had ended already (a repeat, or it timed out),
    or 'not yours' when it is somebody else's (nothing changes).
    """
    with write_transaction(db):
        cursor = db.execute("DELETE FROM sessions WHERE id = ? AND user_id = ?", (session_id, user_id))
        if cursor.rowcount:
            return "ended"
        other = one(db, "SELECT 1 FROM sessions WHERE id = ?", (session_id,))
    return "not yours" if other else "gone"


def end_other_sessions(db, user_id, keep_id):
    """Log out everywhere but this session: how many ended."""
    with write_transaction(db):
        cursor = db.execute("DELETE FROM sessions WHERE user_id = ? AND id != ?", (user_id, keep_id))
    return cursor.rowcount


def end_all_sessions(db, user_id):
    """Inside the caller's transaction (a new password, a new start code)."""
    db.execute("DELETE FROM sessions WHERE user_id = ?", (user_id,))


def _stamp(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
