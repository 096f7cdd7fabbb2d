"""Tables for the app on the phone: client ids for writing offline, push subscriptions.

Registered on the shared ``webapp.db.migrations`` set (imported at the end of
``webapp/db.py``), so one ordered list of migrations owns the whole schema.
"""

from webapp.db import _run, migrations
from webapp.idempotency import client_id_column


@migrations()
def pwa_001_interest_client_ids(db):
    # "I am interested" written offline is sent later, maybe twice (Background
    # Sync and the page both try). The form's client id finds the first answer.
    _run(db, client_id_column("interests", "user_id"))


@migrations()
def pwa_002_push_subscriptions(db):
    # One row per browser (its endpoint): a shared phone that turns
    # notifications on for the next person moves the row to that person.
    # Only the endpoint and its two public keys; nothing about the phone.
    _run(
        db,
        """
        CREATE TABLE push_subscriptions (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            endpoint TEXT NOT NULL UNIQUE,
            p256dh TEXT NOT NULL,
            auth TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_sent_at TEXT
        );
        CREATE INDEX push_subscriptions_user ON push_subscriptions(user_id)
        """,
    )


@migrations()
def pwa_003_client_ids(db):
    # Client ids of items that can disappear (a vote taken back is deleted):
    # without a record, a late retry of the first vote would cast it again.
    # See webapp.idempotency (remember_client_id, recall_client_id).
    _run(
        db,
        """
        CREATE TABLE client_ids (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            client_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            item_id INTEGER,
            created_at TEXT NOT NULL,
            PRIMARY KEY (user_id, client_id)
        ) WITHOUT ROWID
        """,
    )
