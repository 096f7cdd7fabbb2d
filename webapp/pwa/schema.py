"""Tables for the app on the phone: client ids for writing offline, push subscriptions.

``MIGRATIONS`` lists them in the order they run; ``create_app`` hands every
area's list to ``webapp.db.migration_set``, so one ordered set owns the whole
schema. Append new ones at the end; a name, once released, never changes.
"""

from webapp.db import run_script
from webapp.idempotency import client_id_column


def pwa_001_interest_client_ids(db):
    # "I am interested" written offline is sent later, maybe twice (Background
    # Sync and the page both try). The form's client id finds the first answer.
    run_script(db, client_id_column("interests", "user_id"))


def pwa_002_push_subscriptions(db):
    # One row per browser (its endpoint): a shared phone that turns
    # notifications on for the next person moves the row to that person.
    # Only the endpoint and its two public keys; nothing about the phone.
    run_script(
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


def pwa_003_client_ids(db):
    # Client ids of items that can disappear (a vote taken back is deleted):
    # without a record, a late retry of the first vote would cast it again.
    # See webapp.idempotency (remember_client_id, recall_client_id).
    run_script(
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


MIGRATIONS = (
    pwa_001_interest_client_ids,
    pwa_002_push_subscriptions,
    pwa_003_client_ids,
)
