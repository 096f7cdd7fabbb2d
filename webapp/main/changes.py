"""The health check's write."""

from webapp.db import now_iso, write_transaction


def touch_health(db):
    """Store one small write, committed: raises when the database cannot write
    (locked past the connection's busy timeout, disk full, read-only)."""
    with write_transaction(db):
        db.execute("UPDATE health_checks SET checked_at = ? WHERE id = 1", (now_iso(),))
