"""Tables of the verification area.

- ``verifications``: a resident's current proof of home buurt, one row per
  resident. The vote rules count it only while its buurt is the resident's
  home buurt and its proof is one the municipality accepts.
- ``voting_code_batches`` and ``voting_codes``: the codes a municipality posts,
  one per adult, stored only as hashes.
- ``oidc_links``: an account linked once to a person at the municipality's
  OpenID provider (issuer and subject).
"""

from webapp.db import run_script


def v001_verifications(db):
    run_script(
        db,
        """
        CREATE TABLE voting_code_batches (
            id INTEGER PRIMARY KEY,
            buurt_id INTEGER NOT NULL REFERENCES buurten(id),
            label TEXT NOT NULL DEFAULT '',
            created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            voided_at TEXT
        );
        CREATE INDEX voting_code_batches_buurt ON voting_code_batches(buurt_id);
        CREATE TABLE voting_codes (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES voting_code_batches(id) ON DELETE CASCADE,
            code_hash TEXT NOT NULL UNIQUE,
            used_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            used_at TEXT,
            voided_at TEXT
        );
        CREATE INDEX voting_codes_batch ON voting_codes(batch_id);
        CREATE TABLE verifications (
            user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
            proof TEXT NOT NULL CHECK (proof IN ('coach', 'code', 'oidc')),
            buurt_id INTEGER NOT NULL REFERENCES buurten(id),
            verified_at TEXT NOT NULL,
            verified_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            code_id INTEGER REFERENCES voting_codes(id) ON DELETE SET NULL
        );
        CREATE INDEX verifications_proof ON verifications(proof);
        CREATE TABLE oidc_links (
            user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
            issuer TEXT NOT NULL,
            subject TEXT NOT NULL,
            linked_at TEXT NOT NULL,
            UNIQUE (issuer, subject)
        )
        """,
    )


def v201_voting_code_batch_attempt(db):
    # The form's one-time token: a batch form sent twice makes one batch.
    run_script(
        db,
        """
        ALTER TABLE voting_code_batches ADD COLUMN attempt TEXT;
        CREATE UNIQUE INDEX voting_code_batches_attempt ON voting_code_batches(attempt)
        """,
    )


def v301_postcodes(db):
    """The municipality's postcode table: a postcode (four digits, or four
    digits and two letters, written without a space) belongs to one buurt.
    The login of the municipality tells a resident's postcode; this table
    turns it into their buurt."""
    run_script(
        db,
        """
        CREATE TABLE postcodes (
            postcode TEXT PRIMARY KEY,
            buurt_id INTEGER NOT NULL REFERENCES buurten(id) ON DELETE CASCADE
        );
        CREATE INDEX postcodes_buurt ON postcodes(buurt_id)
        """,
    )


MIGRATIONS = (v001_verifications, v201_voting_code_batch_attempt, v301_postcodes)
