"""Reading a person's notifications."""

from webapp.db import one, rows


def unread_count(db, user_id):
    return one(db, "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", (user_id,))[0]


def latest(db, user_id):
    """The newest 100, unread first."""
    return rows(
        db,
        """SELECT * FROM notifications WHERE user_id = ?
           ORDER BY read_at IS NULL DESC, created_at DESC, id DESC LIMIT 100""",
        (user_id,),
    )


def notification_of(db, notification_id, user_id):
    """One notification, only if it is this person's."""
    return one(
        db,
        "SELECT * FROM notifications WHERE id = ? AND user_id = ?",
        (notification_id, user_id),
    )


def personal_data(db, user_id):
    """This person's notifications, for "download all your data"."""
    notices = rows(
        db,
        "SELECT kind, link, created_at, read_at FROM notifications WHERE user_id = ?",
        (user_id,),
    )
    return {"notifications": [dict(row) for row in notices]}
