"""Writing a resident's profile, and deleting an account with everything in it."""

from webapp.db import now_iso, one, write_transaction
from webapp.domain.vocab import split_codes
from webapp.retention import changes as retention


def save_answers(db, user_id, values, nothing_chosen=None):
    """Store some steps' answers (column -> value); the other answers stay as they are.

    ``nothing_chosen`` maps each saved step's key to True when the resident
    saved it with nothing chosen as their answer, else False.
    """
    nothing_chosen = nothing_chosen or {}
    with write_transaction(db):
        db.execute(
            "INSERT INTO profiles (user_id, updated_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (user_id, now_iso()),
        )
        if nothing_chosen:
            row = one(db, "SELECT nothing_chosen FROM profiles WHERE user_id = ?", (user_id,))
            keys = set(split_codes(row["nothing_chosen"]))
            keys |= {key for key, chosen in nothing_chosen.items() if chosen}
            keys -= {key for key, chosen in nothing_chosen.items() if not chosen}
            values = {**values, "nothing_chosen": ",".join(sorted(keys))}
        assignments = ", ".join(f"{name} = ?" for name in values)
        db.execute(
            f"UPDATE profiles SET {assignments}, updated_at = ? WHERE user_id = ?",  # noqa: S608 - names come from the step table
            (*values.values(), now_iso(), user_id),
        )


def delete_account(db, user_id):
    """The same rule as anonymising an inactive account (webapp/retention):
    votes on closed proposals stay as anonymous counts, votes on open ones are
    withdrawn; then the account and everything else of it goes."""
    retention.delete_account(db, user_id)
