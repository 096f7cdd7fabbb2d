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


def votes_by_proof(db, accepted):
    """Votes cast on proposals, counted by the voter's proof as it is now.

    ``{'coach': n, 'code': n, 'oidc': n, 'none': n}``: 'none' holds the votes
    of people without a proof that counts now (none, a proof the municipality
    switched off, or a proof for a buurt they no longer live in). Votes
    already cast stay; this shows how many of them a proof stands behind.
    """
    found = {"coach": 0, "code": 0, "oidc": 0, "none": 0}
    marks = ",".join("?" * len(accepted)) or "NULL"
    for proof, number in rows(
        db,
        f"""SELECT CASE WHEN verifications.proof IN ({marks})
                        AND verifications.buurt_id = profiles.home_buurt_id
                   THEN verifications.proof ELSE 'none' END AS proof, COUNT(*)
            FROM votes
            LEFT JOIN verifications ON verifications.user_id = votes.user_id
            LEFT JOIN profiles ON profiles.user_id = votes.user_id
            GROUP BY 1""",  # noqa: S608 - only '?' marks
        tuple(accepted),
    ):
        found[proof] = number
    return found


def accepted_proofs(db):
    """The proofs the municipality counts now (setting 'vote_proofs'), in PROOFS order."""
    row = one(db, "SELECT value FROM settings WHERE key = 'vote_proofs'")
    return parse_proofs(row[0] if row else None)
