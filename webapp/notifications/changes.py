"""Writing notifications: new ones (from every area), and marking them read."""

from flask import current_app, has_app_context

from webapp.db import now_iso
from webapp.domain import notifications as rules


def notify(db, user_ids, kind, link=""):
    """Tell each of ``user_ids`` that something happened (in the caller's transaction).

    Whoever else hears of new notifications is told their ids: ``create_app``
    lists them in ``app.extensions["notification_listeners"]`` (the phones'
    push, ``webapp.pwa.push.schedule``, which sends the kind's text only).
    """
    rules.check_kind(kind)
    created = now_iso()
    ids = []
    with db.atomic():  # joins the caller's transaction if one is open
        for user_id in sorted(set(user_ids)):
            ids.append(
                db.conn.execute(
                    "INSERT INTO notifications (user_id, kind, link, created_at) VALUES (?, ?, ?, ?)",
                    (user_id, kind, link, created),
                ).lastrowid
            )
    # Without an app (a unit test on a bare connection) nobody else listens.
    if has_app_context():
        for listener in current_app.extensions.get("notification_listeners", ()):
            listener(db, ids)


def mark_read(db, notification_id):
    db.execute(
        "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ?",
        (now_iso(), notification_id),
    )


def mark_all_read(db, user_id):
    db.execute(
        "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
        (now_iso(), user_id),
    )
