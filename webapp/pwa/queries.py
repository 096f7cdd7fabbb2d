"""Reading push subscriptions and the notifications they carry."""

from webapp.db import rows
from webapp.domain import push as rules


def notifications_to_push(db, notification_ids):
    """Each notification with its person's language, oldest first."""
    marks = ", ".join("?" for _ in notification_ids)
    return rows(
        db,
        f"""SELECT notifications.id, notifications.user_id, kind, link, users.lang, users.plain
            FROM notifications JOIN users ON users.id = notifications.user_id
            WHERE notifications.id IN ({marks}) ORDER BY notifications.id""",  # noqa: S608
        list(notification_ids),
    )


def subscriptions_of(db, user_id):
    return rows(db, "SELECT * FROM push_subscriptions WHERE user_id = ?", (user_id,))


def personal_data(db, user_id):
    """Phones with notifications on, for "download all your data": the push
    service, not its secret address."""
    phones = rows(
        db,
        "SELECT endpoint, created_at, last_sent_at FROM push_subscriptions WHERE user_id = ?",
        (user_id,),
    )
    return {
        "push_subscriptions": [
            {
                "service": rules.service_name(row["endpoint"]),
                "created_at": row["created_at"],
                "last_sent_at": row["last_sent_at"],
            }
            for row in phones
        ],
    }
