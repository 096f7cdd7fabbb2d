"""Writing push subscriptions: a phone turns notifications on or off, a push service
says a subscription is gone, a push went out."""

from webapp.db import now_iso, write_transaction


def subscribe(db, user_id, endpoint, p256dh, auth, keep):
    """This browser's subscription is ``user_id``'s; only their newest ``keep`` stay."""
    with write_transaction(db):
        # One row per browser: a shared phone's next user takes it over.
        db.execute(
            """INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, created_at)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id,
                   p256dh = excluded.p256dh, auth = excluded.auth,
                   created_at = excluded.created_at, last_sent_at = NULL""",
            (user_id, endpoint, p256dh, auth, now_iso()),
        )
        # Old phones never unsubscribe: keep the newest few.
        db.execute(
            """DELETE FROM push_subscriptions WHERE user_id = ? AND id NOT IN (
                   SELECT id FROM push_subscriptions WHERE user_id = ?
                   ORDER BY created_at DESC, id DESC LIMIT ?)""",
            (user_id, user_id, keep),
        )


def unsubscribe(db, user_id, endpoint):
    db.execute("DELETE FROM push_subscriptions WHERE user_id = ? AND endpoint = ?", (user_id, endpoint))


def forget(db, subscription_id):
    """The push service says this subscription is gone."""
    db.execute("DELETE FROM push_subscriptions WHERE id = ?", (subscription_id,))


def mark_sent(db, subscription_id):
    db.execute("UPDATE push_subscriptions SET last_sent_at = ? WHERE id = ?", (now_iso(), subscription_id))
