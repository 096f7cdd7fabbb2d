"""Reading and writing coach contact in the database.

Writes that a person is told about ("sent", "planned", "saved") happen in one
``write_transaction`` before the answer goes out, so an acknowledged message,
step or appointment is never lost; a repeated form (same ``client_id``)
finds the first row instead of writing a second.
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from webapp.db import now_iso, one, rows, write_transaction
from webapp.domain import coaching as rules
from webapp.notifications import notify

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SQLITE_MAX_INTEGER = 2**63 - 1


def now_local():
    """Amsterdam wall-clock time, naive: how appointments are stored."""
    return datetime.now(AMSTERDAM).replace(tzinfo=None, second=0, microsecond=0)


def today_local():
    return now_local().date()


def valid_id(number):
    return isinstance(number, int) and 0 < number <= SQLITE_MAX_INTEGER


# --- people ----------------------------------------------------------------------

USER_COLUMNS = "id, username, display_name, role, coach_id, created_at"


def user_row(db, user_id):
    if not valid_id(user_id):
        return None
    return one(db, f"SELECT {USER_COLUMNS} FROM users WHERE id = ?", (user_id,))  # noqa: S608


def coach_of(db, resident):
    """The resident's coach with their contact details, or None."""
    if resident["coach_id"] is None:
        return None
    return one(
        db,
        """SELECT users.id, users.display_name, users.username, users.email,
                  COALESCE(coach_details.phone, '') AS phone,
                  COALESCE(coach_details.available, '') AS available
           FROM users LEFT JOIN coach_details ON coach_details.user_id = users.id
           WHERE users.id = ? AND users.role = 'coach'""",
        (resident["coach_id"],),
    )


def name_of(row):
    return row["display_name"] or row["username"]


# --- messages ----------------------------------------------------------------------


def thread_page(db, resident_id, before=None, limit=rules.MESSAGES_PER_PAGE):
    """Up to ``limit`` messages, oldest first, ending just before ``before``
    (or at the newest); and whether older ones exist."""
    if before is not None:
        found = rows(
            db,
            """SELECT * FROM messages WHERE resident_id = ? AND id < ?
               ORDER BY id DESC LIMIT ?""",
            (resident_id, before, limit + 1),
        )
    else:
        found = rows(
            db,
            "SELECT * FROM messages WHERE resident_id = ? ORDER BY id DESC LIMIT ?",
            (resident_id, limit + 1),
        )
    has_older = len(found) > limit
    return list(reversed(found[:limit])), has_older


def has_newer(db, resident_id, after):
    return one(db, "SELECT 1 FROM messages WHERE resident_id = ? AND id > ? LIMIT 1",
               (resident_id, after)) is not None  # fmt: skip


def messages_after(db, resident_id, after, limit=rules.MESSAGES_PER_PAGE):
    return rows(
        db,
        "SELECT * FROM messages WHERE resident_id = ? AND id > ? ORDER BY id LIMIT ?",
        (resident_id, after, limit),
    )


def thread_state(db, resident_id, viewer_is_coach):
    """(newest id, how many of the viewer's own messages are still unread).

    Both come from an index alone, so "anything new?" costs next to nothing;
    the second number changes when the other side reads.
    """
    newest = one(db, "SELECT COALESCE(MAX(id), 0) FROM messages WHERE resident_id = ?",
                 (resident_id,))[0]  # fmt: skip
    unread_mine = one(
        db,
        """SELECT COUNT(*) FROM messages
           WHERE resident_id = ? AND from_coach = ? AND read_at IS NULL""",
        (resident_id, int(viewer_is_coach)),
    )[0]
    return newest, unread_mine


def own_recent(db, resident_id, viewer_is_coach, up_to, count):
    """The viewer's last ``count`` messages up to id ``up_to`` (to refresh 'read')."""
    return rows(
        db,
        """SELECT * FROM messages WHERE resident_id = ? AND from_coach = ? AND id <= ?
           ORDER BY id DESC LIMIT ?""",
        (resident_id, int(viewer_is_coach), up_to, min(count, rules.MESSAGES_PER_PAGE)),
    )


def unread_for(db, resident_id, viewer_is_coach):
    """Messages from the other side that the viewer has not read yet."""
    return one(
        db,
        """SELECT COUNT(*) FROM messages
           WHERE resident_id = ? AND from_coach = ? AND read_at IS NULL""",
        (resident_id, int(not viewer_is_coach)),
    )[0]


def mark_read(db, resident_id, viewer_is_coach, viewer_id):
    """The viewer has the thread in front of them: the other side's messages are read.

    Only writes when there is something unread, so an idle poll stays a read.
    """
    if not unread_for(db, resident_id, viewer_is_coach):
        return 0
    stamp = now_iso()
    with write_transaction(db):
        changed = db.execute(
            """UPDATE messages SET read_at = ?
               WHERE resident_id = ? AND from_coach = ? AND read_at IS NULL""",
            (stamp, resident_id, int(not viewer_is_coach)),
        ).rowcount
        _read_notifications(db, viewer_id, resident_id, viewer_is_coach, stamp)
    return changed


def _read_notifications(db, viewer_id, resident_id, viewer_is_coach, stamp):
    if viewer_is_coach:
        db.execute(
            """UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL
               AND kind = 'participant_message' AND link = ?""",
            (stamp, viewer_id, participant_link(resident_id)),
        )
    else:
        db.execute(
            """UPDATE notifications SET read_at = ?
               WHERE user_id = ? AND read_at IS NULL AND kind = 'message'""",
            (stamp, viewer_id),
        )


def participant_link(resident_id):
    return f"/caseload/{resident_id}"


class ThreadClosed(Exception):
    """The sender may no longer write in this thread (e.g. a new coach took over)."""


class ClientIdTaken(Exception):
    """The client id was used by this sender for something else."""


def post_message(db, resident_id, sender_id, sender_is_coach, body, client_key):
    """Store a message once; returns (message row, created).

    Check, write and notification share one write transaction: the coach of
    record is read again inside it, so a reassignment a moment earlier
    cannot let the old coach slip a message in.
    """
    with write_transaction(db):
        if client_key:
            earlier = one(db, "SELECT * FROM messages WHERE sender_id = ? AND client_id = ?",
                          (sender_id, client_key))  # fmt: skip
            if earlier is not None:
                if earlier["resident_id"] != resident_id:
                    raise ClientIdTaken()
                return earlier, False
        resident = one(db, "SELECT id, role, coach_id FROM users WHERE id = ?", (resident_id,))
        if resident is None or resident["role"] != "resident" or resident["coach_id"] is None:
            raise ThreadClosed()
        if sender_is_coach and resident["coach_id"] != sender_id:
            raise ThreadClosed()
        if not sender_is_coach and resident_id != sender_id:
            raise ThreadClosed()
        message_id = db.execute(
            """INSERT INTO messages (resident_id, sender_id, from_coach, body, client_id,
                                     created_at) VALUES (?, ?, ?, ?, ?, ?)""",
            (resident_id, sender_id, int(sender_is_coach), body, client_key, now_iso()),
        ).lastrowid
        if sender_is_coach:
            _notify_once(db, resident_id, "message", "/messages")
        else:
            _notify_once(db, resident["coach_id"], "participant_message",
                         participant_link(resident_id))  # fmt: skip
        return one(db, "SELECT * FROM messages WHERE id = ?", (message_id,)), True


def _notify_once(db, user_id, kind, link):
    """One unread notification per thread is enough: no pile of buzzes."""
    waiting = one(
        db,
        """SELECT 1 FROM notifications
           WHERE user_id = ? AND kind = ? AND link = ? AND read_at IS NULL LIMIT 1""",
        (user_id, kind, link),
    )
    if waiting is None:
        notify(db, [user_id], kind, link)


# --- access log --------------------------------------------------------------------


def log_access(db, coach, resident_id, what):
    db.execute(
        """INSERT INTO access_log (resident_id, coach_id, coach_name, what, at)
           VALUES (?, ?, ?, ?, ?)""",
        (resident_id, coach.id, coach.name, what, now_iso()),
    )


def access_log(db, resident_id, limit=None):
    sql = """SELECT coach_id, coach_name, what, at FROM access_log
             WHERE resident_id = ? ORDER BY id DESC"""
    if limit:
        return rows(db, sql + " LIMIT ?", (resident_id, limit))
    return rows(db, sql, (resident_id,))


def stamp_to_datetime(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def local_date_of(stamp):
    return stamp_to_datetime(stamp).astimezone(AMSTERDAM).date()


def iso_day(value):
    return value.isoformat() if isinstance(value, date) else value
