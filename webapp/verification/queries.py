"""Reading proofs of home buurt: who is verified, for which buurt, and how votes were proved."""

from webapp.db import one, rows
from webapp.domain.verification import Verification, parse_proofs


def verification_of(db, user_id):
    """The resident's current proof of home buurt as the rules see it, or None."""
    row = one(db, "SELECT proof, buurt_id FROM verifications WHERE user_id = ?", (user_id,))
    return Verification(row["proof"], row["buurt_id"]) if row else None


def verification_row(db, user_id):
    """The whole row (when, by whom), for pages that show it; None when there is none."""
    return one(db, "SELECT * FROM verifications WHERE user_id = ?", (user_id,))


def accepted_proofs(db):
    """The proofs the municipality counts now (setting 'vote_proofs'), in PROOFS order."""
    row = one(db, "SELECT value FROM settings WHERE key = 'vote_proofs'")
    return parse_proofs(row[0] if row else None)


# --- voting codes (the codes helper) -------------------------------------------------------


def voting_code_batches(db):
    """Every batch, newest first, with how many codes it has, how many are used and voided."""
    return rows(
        db,
        """SELECT b.id, b.label, b.created_at, b.voided_at, b.buurt_id,
                  buurten.name AS buurt_name,
                  COUNT(c.id) AS codes,
                  COUNT(c.used_at) AS used,
                  SUM(c.voided_at IS NOT NULL AND c.used_at IS NULL) AS voided
           FROM voting_code_batches AS b
           JOIN buurten ON buurten.id = b.buurt_id
           LEFT JOIN voting_codes AS c ON c.batch_id = b.id
           GROUP BY b.id
           ORDER BY b.created_at DESC, b.id DESC""",
    )


def voting_code_batch(db, batch_id):
    return one(
        db,
        """SELECT b.*, buurten.name AS buurt_name FROM voting_code_batches AS b
           JOIN buurten ON buurten.id = b.buurt_id WHERE b.id = ?""",
        (batch_id,),
    )


def batch_code_hashes(db, batch_id):
    """The hashes of the codes of a batch that can still be used."""
    return {
        row[0]
        for row in rows(
            db,
            "SELECT code_hash FROM voting_codes WHERE batch_id = ? AND used_at IS NULL AND voided_at IS NULL",
            (batch_id,),
        )
    }


def buurt_of(db, buurt_id):
    return one(db, "SELECT id, name FROM buurten WHERE id = ?", (buurt_id,))


def home_buurt_of(db, user_id):
    return one(
        db,
        """SELECT buurten.id, buurten.name FROM profiles
           JOIN buurten ON buurten.id = profiles.home_buurt_id WHERE profiles.user_id = ?""",
        (user_id,),
    )


def code_verification_of(db, user_id):
    """The resident's verification with its buurt's name, or None."""
    return one(
        db,
        """SELECT v.proof, v.buurt_id, v.verified_at, buurten.name AS buurt_name
           FROM verifications AS v JOIN buurten ON buurten.id = v.buurt_id WHERE v.user_id = ?""",
        (user_id,),
    )
