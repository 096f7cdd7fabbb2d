"""Writes for the municipality's login and the postcode table, one transaction each."""

from webapp.db import now_iso, one, write_transaction


class LinkError(Exception):
    """``taken``: this person's login belongs to another account;
    ``other``: this account is linked to another person's login."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def link(db, user_id, issuer, subject):
    """Link the account to the person at the provider, once. Linking again
    to the same person is fine (nothing changes)."""
    with write_transaction(db):
        by_subject = one(db, "SELECT user_id FROM oidc_links WHERE issuer = ? AND subject = ?", (issuer, subject))
        if by_subject is not None:
            if by_subject["user_id"] != user_id:
                raise LinkError("taken")
            return False
        if one(db, "SELECT 1 FROM oidc_links WHERE user_id = ?", (user_id,)) is not None:
            raise LinkError("other")
        db.conn.execute(
            "INSERT INTO oidc_links (user_id, issuer, subject, linked_at) VALUES (?, ?, ?, ?)",
            (user_id, issuer, subject, now_iso()),
        )
        return True


def verify(db, user_id, buurt_id):
    """Record that the municipality's login ties this resident to ``buurt_id``
    (it replaces an earlier proof: one row per resident)."""
    with write_transaction(db):
        db.conn.execute(
            """INSERT INTO verifications (user_id, proof, buurt_id, verified_at, verified_by, code_id)
               VALUES (?, 'oidc', ?, ?, NULL, NULL)
               ON CONFLICT (user_id) DO UPDATE SET proof = 'oidc', buurt_id = excluded.buurt_id,
                   verified_at = excluded.verified_at, verified_by = NULL, code_id = NULL""",
            (user_id, buurt_id, now_iso()),
        )


def replace_postcodes(db, pairs):
    """The uploaded table replaces the old one whole."""
    with write_transaction(db):
        db.conn.execute("DELETE FROM postcodes")
        db.conn.executemany("INSERT INTO postcodes (postcode, buurt_id) VALUES (?, ?)", pairs)
    return len(pairs)
