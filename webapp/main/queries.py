"""What the health check asks the database."""

from webapp.db import one


def ping(db):
    """Raises when the database cannot answer."""
    one(db, "SELECT 1")
