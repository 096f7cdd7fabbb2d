"""Client ids: a form that may arrive twice is stored once.

A resident on a bad connection taps twice, or writes offline and the outbox
sends later, perhaps from two places at once (Background Sync and the page).
So every form that writes something (an interest, a vote, a message) can carry
an id made on the phone, and the server keeps the first answer for it.

The contract, for any area that adopts it:

1. **Form.** A hidden field ``client_id`` (``ClientIdField`` below), rendered
   *empty*: ``<input type="hidden" name="client_id" value="">``. The page's
   JavaScript (``static/js/pwa.js``) fills a fresh UUID into every
   ``form[data-outbox] input[name=client_id]`` when the form appears; an id
   rendered by the server would make every page unique (no 304) and a cached
   copy read offline next week would carry an id already used. Without
   JavaScript the field stays empty and the route falls back to its natural
   key (one interest per person and job, one vote per person and proposal).
2. **Table.** A nullable ``client_id`` column, unique per owner: add it in a
   migration with ``run_script(db, client_id_column("votes", "user_id"))``.
3. **Route.** Inside ``write_transaction(db)``, first
   ``earlier = find_earlier(db, table, owner_column, owner_id, client_id)``.
   If there is one, answer exactly as the first time, from that row (same
   status, same page or partial) and change nothing, even if the item was
   changed since (a late retry of "I am interested" must not undo a later
   "take it back"). If the earlier row is about something else (another job,
   another thread), answer 409 with ``ID_USED_ELSEWHERE``. Otherwise write the
   row with the client id.
   Items that can be *deleted* (a vote taken back removes its row) keep
   their ids in the ``client_ids`` table instead: ``recall_client_id`` first,
   ``remember_client_id`` in the same transaction as the write.
4. **Outbox.** Mark the form ``data-outbox`` (see ``static/js/pwa.js``): it is
   queued in IndexedDB when the phone is offline and sent later, with a fresh
   CSRF token, only for the person logged in now.
"""

import re
import uuid

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField
from wtforms.validators import Optional, ValidationError

from webapp.db import now_iso, one

_UUID = re.compile(r"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", re.I)

ID_USED_ELSEWHERE = _l("This was already sent for something else. Load the page again and try once more.")


def parse_client_id(text):
    """The id in one spelling (lower case, with dashes); None if it is not a UUID."""
    if not isinstance(text, str) or not _UUID.match(text.strip()):
        return None
    return str(uuid.UUID(text.strip()))


def _check(form, field):
    if field.data and parse_client_id(field.data) is None:
        raise ValidationError(_l("This form is out of date. Load the page again and try once more."))


class ClientIdField(HiddenField):
    """The hidden ``client_id``: empty, or a UUID (normalised in ``.data``)."""

    def __init__(self, label="", validators=None, **kwargs):
        super().__init__(label, validators=[Optional(), _check, *(validators or [])], **kwargs)

    def post_validate(self, form, validation_stopped):
        if self.data and not self.errors:
            self.data = parse_client_id(self.data)


def client_id_column(table, owner_column):
    """The migration that adds ``client_id`` to ``table``, unique per owner."""
    for name in (table, owner_column):
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
            raise ValueError(f"not a plain SQL name: {name}")
    return f"""
        ALTER TABLE {table} ADD COLUMN client_id TEXT;
        CREATE UNIQUE INDEX {table}_client_id ON {table}({owner_column}, client_id)
            WHERE client_id IS NOT NULL
    """


def find_earlier(db, table, owner_column, owner_id, client_id, column="client_id"):
    """The row ``owner_id`` already stored under ``client_id``, or None.

    ``column``: where the table keeps the id (``form_token`` for a form
    that is rendered with its own random key)."""
    if not client_id:
        return None
    client_id_column(table, owner_column)  # the same check on the names
    client_id_column(table, column)
    return one(
        db,
        f"SELECT * FROM {table} WHERE {owner_column} = ? AND {column} = ?",  # noqa: S608
        (owner_id, client_id),
    )


def recall_client_id(db, user_id, client_id):
    """(kind, item_id) stored earlier for this person's ``client_id``, or None."""
    if not client_id:
        return None
    row = one(db, "SELECT kind, item_id FROM client_ids WHERE user_id = ? AND client_id = ?", (user_id, client_id))
    return (row["kind"], row["item_id"]) if row else None


def remember_client_id(db, user_id, client_id, kind, item_id):
    """Record that ``client_id`` did ``kind`` on ``item_id`` (inside the write's transaction).

    The primary key refuses a second record of the same id: call
    ``recall_client_id`` first, in the same ``write_transaction``.
    """
    if client_id:
        db.execute(
            "INSERT INTO client_ids (user_id, client_id, kind, item_id, created_at) VALUES (?, ?, ?, ?, ?)",
            (user_id, client_id, kind, item_id, now_iso()),
        )
