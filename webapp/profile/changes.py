"""Writing a resident's profile, and deleting an account with everything in it."""

from webapp.db import now_iso, write_transaction


def save_answer(db, user_id, values):
    """Store one step's answers; the other answers stay as they are."""
    assignments = ", ".join(f"{name} = ?" for name in values)
    with write_transaction(db):
        db.execute(
            "INSERT INTO profiles (user_id, updated_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (user_id, now_iso()),
        )
        db.execute(
            f"UPDATE profiles SET {assignments}, updated_at = ? WHERE user_id = ?",  # noqa: S608 - names come from the step table
            (*values.values(), now_iso(), user_id),
        )


def delete_account(db, user_id):
    # Profile, interests and start codes go with it (ON DELETE CASCADE).
    db.execute("DELETE FROM users WHERE id = ?", (user_id,))
