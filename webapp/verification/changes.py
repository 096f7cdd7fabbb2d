"""Writing proofs of home buurt. One row per resident: a new proof replaces the old one."""

from webapp.db import now_iso, one, write_transaction
from webapp.domain import coaching as coaching_rules
from webapp.domain import votingcodes
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


class NotTheirCoach(Exception):
    """The coach is no longer the resident's coach (reassigned a moment ago)."""


def _still_their_coach(db, user_id, coach):
    """Inside the write: ``coach`` (a ``coaching_rules.Person``) is the resident's coach of today."""
    row = db.conn.execute("SELECT id, role, coach_id FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None or not coaching_rules.may_open_participant(coach, coaching_rules.Person(*row)):
        raise NotTheirCoach()


def unverify(db, user_id, proof=None, coach=None):
    """Take the proof back (only when it is ``proof``, if given); True when one was removed.

    With ``coach``, only while they are the resident's coach (``NotTheirCoach``).
    Votes already cast stay: the proof only decides new votes."""
    with write_transaction(db):
        if coach is not None:
            _still_their_coach(db, user_id, coach)
        if proof is None:
            cursor = db.conn.execute("DELETE FROM verifications WHERE user_id = ?", (user_id,))
        else:
            cursor = db.conn.execute("DELETE FROM verifications WHERE user_id = ? AND proof = ?", (user_id, proof))
    return cursor.rowcount > 0


def coach_confirms(db, user_id, buurt_id, coach):
    """A coach confirms the buurt the resident lives in: "met by a coach".

    'done'; 'unchanged' when a proof that counts for this buurt is already
    there (a repeat, or a voting code: it stays); 'moved' when ``buurt_id`` is no longer the resident's home buurt
    (they changed it after the coach opened the page): nothing is written.
    ``coach`` (a ``coaching_rules.Person``) must still be the resident's coach,
    read inside the write (``NotTheirCoach``).
    """
    with write_transaction(db):
        _still_their_coach(db, user_id, coach)
        home = db.conn.execute("SELECT home_buurt_id FROM profiles WHERE user_id = ?", (user_id,)).fetchone()
        if home is None or home[0] is None or home[0] != buurt_id:
            return "moved"
        row = db.conn.execute("SELECT proof, buurt_id FROM verifications WHERE user_id = ?", (user_id,)).fetchone()
        current = Verification(row[0], row[1]) if row else None
        if counts(current, queries.accepted_proofs(db), buurt_id):
            return "unchanged"
        record(db, user_id, "coach", buurt_id, by=coach.id)
    return "done"


# --- voting codes (the codes helper) -------------------------------------------------------


def make_voting_code_batch(db, buurt_id, letters, label, created_by, attempt):
    """Store a batch with the hashes of the codes in ``letters`` ((address, code)
    pairs); return its id, or None if this form (``attempt``) made one before.
    The plain codes and the addresses are not stored."""
    now = now_iso()
    with write_transaction(db):
        if one(db, "SELECT 1 FROM voting_code_batches WHERE attempt = ?", (attempt,)):
            return None
        batch_id = db.execute(
            """INSERT INTO voting_code_batches (buurt_id, label, created_by, created_at, attempt)
               VALUES (?, ?, ?, ?, ?)""",
            (buurt_id, label, created_by, now, attempt),
        ).lastrowid
        db.conn.executemany(
            "INSERT INTO voting_codes (batch_id, code_hash) VALUES (?, ?)",
            [(batch_id, votingcodes.code_hash(code)) for _address, code in letters],
        )
    return batch_id


def void_voting_code_batch(db, batch_id):
    """Void a batch and its unused codes; True if the batch exists. Again is harmless."""
    now = now_iso()
    with write_transaction(db):
        if one(db, "SELECT 1 FROM voting_code_batches WHERE id = ?", (batch_id,)) is None:
            return False
        db.execute(
            "UPDATE voting_code_batches SET voided_at = ? WHERE id = ? AND voided_at IS NULL",
            (now, batch_id),
        )
        db.execute(
            "UPDATE voting_codes SET voided_at = ? WHERE batch_id = ? AND voided_at IS NULL AND used_at IS NULL",
            (now, batch_id),
        )
    return True


def void_voting_code(db, code):
    """Void one code by what is printed on its letter.

    Returns 'voided' (now or before), 'used' (a resident used it already: that
    stays) or 'unknown'."""
    if votingcodes.normalise(code) is None:
        return "unknown"
    digest = votingcodes.code_hash(code)
    with write_transaction(db):
        row = one(db, "SELECT id, used_at, voided_at FROM voting_codes WHERE code_hash = ?", (digest,))
        if row is None:
            return "unknown"
        if row["used_at"]:
            return "used"
        if not row["voided_at"]:
            db.execute("UPDATE voting_codes SET voided_at = ? WHERE id = ?", (now_iso(), row["id"]))
    return "voided"


class VotingCodeError(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # 'unknown', 'used' or 'voided'


def redeem_voting_code(db, user_id, code, now=None):
    """Use a voting code once: the resident is verified for the code's buurt,
    which becomes their home buurt. Returns the buurt's id.

    The code is taken with one conditional UPDATE inside a write transaction,
    so of many requests at the same moment exactly one gets it."""
    if votingcodes.normalise(code) is None:
        raise VotingCodeError("unknown")
    digest = votingcodes.code_hash(code)
    now = now or now_iso()
    with write_transaction(db):
        row = one(
            db,
            """SELECT c.id, c.used_at, c.voided_at, b.buurt_id, b.voided_at AS batch_voided
               FROM voting_codes AS c JOIN voting_code_batches AS b ON b.id = c.batch_id
               WHERE c.code_hash = ?""",
            (digest,),
        )
        if row is None:
            raise VotingCodeError("unknown")
        taken = db.conn.execute(
            """UPDATE voting_codes SET used_by = ?, used_at = ?
               WHERE id = ? AND used_at IS NULL AND voided_at IS NULL""",
            (user_id, now, row["id"]),
        ).rowcount
        if taken != 1 or row["batch_voided"]:
            raise VotingCodeError("used" if row["used_at"] or (taken != 1 and not row["voided_at"]) else "voided")
        record(db, user_id, "code", row["buurt_id"], code_id=row["id"])
        db.execute(
            """INSERT INTO profiles (user_id, home_buurt_id, updated_at) VALUES (?, ?, ?)
               ON CONFLICT (user_id) DO UPDATE SET home_buurt_id = excluded.home_buurt_id,
                   updated_at = excluded.updated_at""",
            (user_id, row["buurt_id"], now),
        )
    return row["buurt_id"]
