"""What the health check asks the database."""

from webapp.db import one


def ping(db):
    """Raises when the database cannot answer (it reads the file: ``SELECT 1`` would not)."""
    one(db, "SELECT checked_at FROM health_checks")
