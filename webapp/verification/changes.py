"""Writing proofs of home buurt. One row per resident: a new proof replaces the old one."""

from webapp.db import now_iso, write_transaction
from webapp.domain.verification import PROOFS, Verification, counts
from webapp.verification import queries


def record(db, user_id, proof, buurt_id, by=None, code_id=None):
    """Write the proof inside a transaction the caller already holds (a start
    code redeemed, a voting code used): the proof and its cause stand or fall together."""
    if proof not in PROOFS:
        raise ValueError(proof)
    db.conn.execute(
        """INSERT INTO verifications (user_id, proof, buurt_id, verified_at, verified_by, code_id)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (user_id) DO UPDATE SET proof = excluded.proof, buurt_id = excluded.buurt_id,
               verified_at = excluded.verified_at, verified_by = excluded.verified_by,
               code_id = excluded.code_id""",
        (user_id, proof, buurt_id, now_iso(), by, code_id),
    )


def verify(db, user_id, proof, buurt_id, by=None, code_id=None):
    """Tie the resident to ``buurt_id`` with ``proof`` ('coach', 'code', 'oidc'), in one transaction.

    An upsert: verifying again (a coach after a move, a new code) replaces
    the earlier proof, so a resident always has at most one."""
    with write_transaction(db):
        record(db, user_id, proof, buurt_id, by, code_id)


def unverify(db, user_id, proof=None):
    """Take the proof back (only when it is ``proof``, if given); True when one was removed.

    Votes already cast stay: the proof only decides new votes."""
    with write_transaction(db):
        if proof is None:
            cursor = db.conn.execute("DELETE FROM verifications WHERE user_id = ?", (user_id,))
        else:
            cursor = db.conn.execute("DELETE FROM verifications WHERE user_id = ? AND proof = ?", (user_id, proof))
    return cursor.rowcount > 0


def coach_confirms(db, user_id, buurt_id, coach_id):
    """A coach confirms the buurt the resident lives in: "met by a coach".

    'done'; 'unchanged' when a proof that counts for this buurt is already
    there (a repeat, or a voting code: it stays); 'moved' when ``buurt_id`` is no longer the resident's home buurt
    (they changed it after the coach opened the page): nothing is written.
    """
    with write_transaction(db):
        home = db.conn.execute("SELECT home_buurt_id FROM profiles WHERE user_id = ?", (user_id,)).fetchone()
        if home is None or home[0] is None or home[0] != buurt_id:
            return "moved"
        row = db.conn.execute("SELECT proof, buurt_id FROM verifications WHERE user_id = ?", (user_id,)).fetchone()
        current = Verification(row[0], row[1]) if row else None
        if counts(current, queries.accepted_proofs(db), buurt_id):
            return "unchanged"
        record(db, user_id, "coach", buurt_id, by=coach_id)
    return "done"
