"""Tables for neighbourhood proposals, votes, comments and reports.

``MIGRATIONS`` lists them in the order they run; ``create_app`` hands every
area's list to ``webapp.db.migration_set``, so one ordered set owns the whole
schema. Append new ones at the end; a name, once released, never changes.
"""

from webapp.db import run_script
from webapp.domain.proposals import LIST_ORDER
from webapp.domain.proposals import STATUSES as PROPOSAL_STATUSES


def p001_settings(db):
    # Settings the municipality changes without a deploy. A missing key means
    # the default in code (webapp.domain.settings.DEFAULTS).
    run_script(
        db,
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL
        )
        """,
    )


def p002_proposals(db):
    statuses = ", ".join(f"'{status}'" for status in PROPOSAL_STATUSES)
    # The text is stored as the resident wrote it, in one language (``lang``).
    # ``threshold`` and ``deadline`` are fixed when the proposal opens, so a
    # later change of the settings never moves the goal of a running vote.
    # ``vote_count`` is kept by triggers on ``votes``: it always equals the
    # number of rows there, and the list never has to count them.
    run_script(
        db,
        f"""
        CREATE TABLE proposals (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            buurt_id INTEGER NOT NULL REFERENCES buurten(id),
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ({statuses})),
            lang TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
            category TEXT NOT NULL,
            title TEXT NOT NULL,
            tasks TEXT NOT NULL,
            problem TEXT NOT NULL,
            hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 40),
            partners TEXT NOT NULL DEFAULT '',
            unpaid_now TEXT NOT NULL DEFAULT 'unsure'
                CHECK (unpaid_now IN ('yes', 'no', 'unsure')),
            funding TEXT NOT NULL DEFAULT '',
            far_from_work TEXT NOT NULL DEFAULT 'unsure'
                CHECK (far_from_work IN ('yes', 'with_help', 'no', 'unsure')),
            threshold INTEGER CHECK (threshold IS NULL OR threshold > 0),
            opened_at TEXT,
            deadline TEXT,
            vote_count INTEGER NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
            decision_reason TEXT NOT NULL DEFAULT '',
            decision_payer TEXT NOT NULL DEFAULT '',
            decision_cents_per_year INTEGER
                CHECK (decision_cents_per_year IS NULL OR decision_cents_per_year > 0),
            decision_criteria TEXT NOT NULL DEFAULT '',
            decided_at TEXT,
            decided_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
            moderation TEXT NOT NULL DEFAULT 'visible'
                CHECK (moderation IN ('visible', 'hidden', 'removed')),
            form_token TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (author_id, form_token)
        );
        CREATE INDEX proposals_status_deadline ON proposals(status, deadline);
        CREATE INDEX proposals_buurt ON proposals(buurt_id);
        CREATE INDEX proposals_author ON proposals(author_id);
        CREATE TABLE proposal_events (
            id INTEGER PRIMARY KEY,
            proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            actor_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            from_status TEXT,
            to_status TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX proposal_events_proposal ON proposal_events(proposal_id, id)
        """,
    )


def p003_votes(db):
    # One vote per resident per proposal, enforced by the database itself.
    run_script(
        db,
        """
        CREATE TABLE votes (
            id INTEGER PRIMARY KEY,
            proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX votes_once ON votes(proposal_id, user_id);
        CREATE INDEX votes_user ON votes(user_id);
        CREATE INDEX votes_created ON votes(created_at);
        CREATE TRIGGER votes_count_ai AFTER INSERT ON votes BEGIN
            UPDATE proposals SET vote_count = vote_count + 1 WHERE id = new.proposal_id;
        END;
        CREATE TRIGGER votes_count_ad AFTER DELETE ON votes BEGIN
            UPDATE proposals SET vote_count = vote_count - 1 WHERE id = old.proposal_id;
        END
        """,
    )


def p004_comments_and_reports(db):
    # ``form_token`` makes a double-tapped "send" store one comment, not two.
    run_script(
        db,
        """
        CREATE TABLE proposal_comments (
            id INTEGER PRIMARY KEY,
            proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            parent_id INTEGER REFERENCES proposal_comments(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('comment', 'question', 'answer')),
            body TEXT NOT NULL,
            moderation TEXT NOT NULL DEFAULT 'visible'
                CHECK (moderation IN ('visible', 'hidden', 'removed')),
            form_token TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (author_id, form_token)
        );
        CREATE INDEX proposal_comments_proposal ON proposal_comments(proposal_id, id);
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            target_kind TEXT NOT NULL CHECK (target_kind IN ('proposal', 'comment')),
            target_id INTEGER NOT NULL,
            reporter_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            reason TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'off_topic')),
            created_at TEXT NOT NULL,
            resolved_at TEXT,
            UNIQUE (target_kind, target_id, reporter_id)
        );
        CREATE INDEX reports_target ON reports(target_kind, target_id, resolved_at);
        CREATE TABLE moderation_actions (
            id INTEGER PRIMARY KEY,
            target_kind TEXT NOT NULL CHECK (target_kind IN ('proposal', 'comment')),
            target_id INTEGER NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('restore', 'remove')),
            reason TEXT NOT NULL,
            actor_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX moderation_actions_target ON moderation_actions(target_kind, target_id)
        """,
    )


def p005_jobs_from_proposals_and_placements(db):
    # A job made from an approved proposal points back to it (and the proposal
    # to the job). A placement fills a place: triggers keep ``places_filled``
    # in step with the rows here. A resident who deletes their account keeps
    # their place filled (the row stays, without the person).
    run_script(
        db,
        """
        ALTER TABLE jobs ADD COLUMN proposal_id INTEGER REFERENCES proposals(id) ON DELETE SET NULL;
        CREATE INDEX jobs_proposal ON jobs(proposal_id);
        CREATE TABLE placements (
            id INTEGER PRIMARY KEY,
            job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            placed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            UNIQUE (job_id, user_id)
        );
        CREATE INDEX placements_user ON placements(user_id);
        CREATE TRIGGER placements_fill_ai AFTER INSERT ON placements BEGIN
            UPDATE jobs SET places_filled = places_filled + 1 WHERE id = new.job_id;
        END;
        CREATE TRIGGER placements_fill_ad AFTER DELETE ON placements BEGIN
            UPDATE jobs SET places_filled = MAX(places_filled - 1, 0) WHERE id = old.job_id;
        END
        """,
    )


def p006_list_order(db):
    # The list shows a resident's own wijk first, then what one can still act on,
    # newest first. With the wijk on the row and the status's place in that order
    # as a generated column, an index holds the order: a page of 5,000 proposals
    # reads 20 index entries instead of sorting them all.
    ranks = " ".join(f"WHEN '{status}' THEN {rank}" for rank, status in enumerate(LIST_ORDER))
    run_script(
        db,
        f"""
        ALTER TABLE proposals ADD COLUMN wijk_id INTEGER REFERENCES wijken(id);
        UPDATE proposals SET wijk_id = (SELECT wijk_id FROM buurten WHERE id = proposals.buurt_id);
        CREATE TRIGGER proposals_wijk_ai AFTER INSERT ON proposals BEGIN
            UPDATE proposals SET wijk_id = (SELECT wijk_id FROM buurten WHERE id = new.buurt_id)
            WHERE id = new.id;
        END;
        CREATE TRIGGER proposals_wijk_au AFTER UPDATE OF buurt_id ON proposals BEGIN
            UPDATE proposals SET wijk_id = (SELECT wijk_id FROM buurten WHERE id = new.buurt_id)
            WHERE id = new.id;
        END;
        ALTER TABLE proposals ADD COLUMN list_rank INTEGER
            GENERATED ALWAYS AS (CASE status {ranks} END) VIRTUAL;
        ALTER TABLE proposals ADD COLUMN listed INTEGER
            GENERATED ALWAYS AS (status != 'draft'
                AND NOT (status = 'withdrawn' AND opened_at IS NULL)
                AND moderation = 'visible') VIRTUAL;
        CREATE INDEX proposals_list_wijk
            ON proposals(listed, wijk_id, list_rank, created_at DESC, id DESC);
        CREATE INDEX proposals_list
            ON proposals(listed, list_rank, created_at DESC, id DESC, wijk_id)
        """,  # noqa: S608 - the statuses are our own constants
    )


def p007_comment_language(db):
    # Each comment and answer keeps the language it was written in, so a page
    # marks it (``lang``) and reads it aloud in that language. Comments written
    # before this had no choice: they take their proposal's language.
    run_script(
        db,
        """
        ALTER TABLE proposal_comments ADD COLUMN lang TEXT NOT NULL DEFAULT 'nl'
            CHECK (lang IN ('nl', 'en'));
        UPDATE proposal_comments
            SET lang = (SELECT lang FROM proposals WHERE proposals.id = proposal_comments.proposal_id)
        """,
    )


MIGRATIONS = (
    p001_settings,
    p002_proposals,
    p003_votes,
    p004_comments_and_reports,
    p005_jobs_from_proposals_and_placements,
    p006_list_order,
)

# Added after every area's first list had run in databases already in use:
# ``create_app`` hands these in after coaching's later ones, so a fresh
# database runs them in the same order as an upgraded one. Append here.
LATER_MIGRATIONS = (p007_comment_language,)
