"""The municipality's own tables: the overview's figures, kept up to date as
votes, verifications and profiles change, so the overview reads a few small
rows instead of counting every vote on every request.

Handed in last (``OVERVIEW_MIGRATIONS``). Append new ones at the end; a name,
once released, never changes.
"""

from webapp.db import run_script

# A voter's proof as the overview counts it, before the municipality's choice
# of accepted proofs: the proof if it is for the buurt they live in now, else
# 'none'. ``{user}`` is the voter's id (``new.user_id`` or ``old.user_id``).
_PROOF = """COALESCE((SELECT CASE WHEN verifications.buurt_id = profiles.home_buurt_id
                                  THEN verifications.proof ELSE 'none' END
                      FROM verifications
                      LEFT JOIN profiles ON profiles.user_id = verifications.user_id
                      WHERE verifications.user_id = {user}), 'none')"""


# One more vote for ``new.user_id`` (nothing when it is NULL): a known voter's
# count goes up; a new voter's row starts at 1, and only then is the proof looked up.
_ADD_VOTE = f"""UPDATE overview_voters SET votes = votes + 1 WHERE user_id = new.user_id;
            INSERT INTO overview_voters (user_id, votes, proof)
                SELECT new.user_id, 1, {_PROOF.format(user="new.user_id")}
                WHERE new.user_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM overview_voters WHERE user_id = new.user_id);"""  # noqa: S608


def _refresh_proof(user):
    return f"UPDATE overview_voters SET proof = {_PROOF.format(user=user)} WHERE user_id = {user};"  # noqa: S608


# Fills the counters from the tables they count: run once by j001 and again
# after a bulk insert that ran with the triggers dropped (webapp/seed/bulk.py).
# The counter tables must be empty and the overview triggers absent.
FILL_COUNTERS = f"""
        INSERT INTO overview_vote_days (day, votes)
            SELECT date(created_at), COUNT(*) FROM votes GROUP BY 1;
        INSERT INTO overview_voters (user_id, votes, proof)
            SELECT user_id, COUNT(*), 'none' FROM votes WHERE user_id IS NOT NULL GROUP BY user_id;
        UPDATE overview_voters SET proof = {_PROOF.format(user="overview_voters.user_id")};
        INSERT INTO overview_totals (name, value) VALUES
            ('voters', (SELECT COUNT(*) FROM overview_voters)),
            ('proof:coach', (SELECT COALESCE(SUM(votes), 0) FROM overview_voters WHERE proof = 'coach')),
            ('proof:code', (SELECT COALESCE(SUM(votes), 0) FROM overview_voters WHERE proof = 'code')),
            ('proof:oidc', (SELECT COALESCE(SUM(votes), 0) FROM overview_voters WHERE proof = 'oidc')),
            ('proof:none', (SELECT COALESCE(SUM(votes), 0) FROM overview_voters WHERE proof = 'none')
                           + (SELECT COUNT(*) FROM votes WHERE user_id IS NULL));
"""  # noqa: S608 - only our own fixed SQL is put in
COUNTER_TABLES = ("overview_vote_days", "overview_voters", "overview_totals")


# Residents who wait for a coach: the workspace's menu shows the number on
# every municipality page. ``{row}`` is ``users``, ``new`` or ``old``; the
# expression is 1 or 0.
_WAITING = "({row}.role = 'resident' AND {row}.coach_id IS NULL AND {row}.password_hash IS NOT NULL)"
FILL_WAITING = f"""INSERT INTO overview_totals (name, value)
    SELECT 'residents_waiting', COUNT(*) FROM users WHERE {_WAITING.format(row="users")}"""  # noqa: S608


def fill_counters(db):
    """Count the overview's figures from scratch into its empty counter tables."""
    run_script(db, FILL_COUNTERS)
    db.execute(FILL_WAITING)


def j001_overview_counters(db):
    # overview_vote_days: votes per day (date(created_at)), anonymised votes too.
    # overview_voters: each person with a vote, how many, and their proof now.
    # overview_totals: 'voters' (rows in overview_voters) and 'proof:<proof>'
    # (votes per proof; votes without a voter count under 'proof:none').
    # The triggers keep all three in the same transaction as the change.
    run_script(
        db,
        """
        CREATE TABLE overview_vote_days (
            day TEXT PRIMARY KEY,
            votes INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE overview_voters (
            user_id INTEGER PRIMARY KEY,
            votes INTEGER NOT NULL,
            proof TEXT NOT NULL
        );
        CREATE TABLE overview_totals (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID
        """,
    )
    run_script(db, FILL_COUNTERS)
    run_script(
        db,
        f"""
        -- The totals follow overview_voters.
        CREATE TRIGGER overview_voters_ai AFTER INSERT ON overview_voters BEGIN
            UPDATE overview_totals SET value = value + 1 WHERE name = 'voters';
            UPDATE overview_totals SET value = value + new.votes WHERE name = 'proof:' || new.proof;
        END;
        CREATE TRIGGER overview_voters_votes_au AFTER UPDATE OF votes ON overview_voters
        WHEN old.proof = new.proof BEGIN
            UPDATE overview_totals SET value = value + new.votes - old.votes WHERE name = 'proof:' || new.proof;
        END;
        CREATE TRIGGER overview_voters_proof_au AFTER UPDATE ON overview_voters
        WHEN old.proof IS NOT new.proof BEGIN
            UPDATE overview_totals SET value = value - old.votes WHERE name = 'proof:' || old.proof;
            UPDATE overview_totals SET value = value + new.votes WHERE name = 'proof:' || new.proof;
        END;
        CREATE TRIGGER overview_voters_ad AFTER DELETE ON overview_voters BEGIN
            UPDATE overview_totals SET value = value - 1 WHERE name = 'voters';
            UPDATE overview_totals SET value = value - old.votes WHERE name = 'proof:' || old.proof;
        END;

        -- Votes: the day, the voter (or 'proof:none' for a vote without one).
        CREATE TRIGGER overview_votes_ai AFTER INSERT ON votes BEGIN
            INSERT INTO overview_vote_days (day, votes) VALUES (date(new.created_at), 1)
                ON CONFLICT (day) DO UPDATE SET votes = votes + 1;
        END;
        CREATE TRIGGER overview_votes_ad AFTER DELETE ON votes BEGIN
            UPDATE overview_vote_days SET votes = votes - 1 WHERE day = date(old.created_at);
        END;
        CREATE TRIGGER overview_votes_day_au AFTER UPDATE OF created_at ON votes
        WHEN date(old.created_at) IS NOT date(new.created_at) BEGIN
            UPDATE overview_vote_days SET votes = votes - 1 WHERE day = date(old.created_at);
            INSERT INTO overview_vote_days (day, votes) VALUES (date(new.created_at), 1)
                ON CONFLICT (day) DO UPDATE SET votes = votes + 1;
        END;

        CREATE TRIGGER overview_votes_voter_ai AFTER INSERT ON votes WHEN new.user_id IS NOT NULL BEGIN
            {_ADD_VOTE}
        END;
        CREATE TRIGGER overview_votes_anonymous_ai AFTER INSERT ON votes WHEN new.user_id IS NULL BEGIN
            UPDATE overview_totals SET value = value + 1 WHERE name = 'proof:none';
        END;
        CREATE TRIGGER overview_votes_voter_ad AFTER DELETE ON votes WHEN old.user_id IS NOT NULL BEGIN
            UPDATE overview_voters SET votes = votes - 1 WHERE user_id = old.user_id;
            DELETE FROM overview_voters WHERE user_id = old.user_id AND votes <= 0;
        END;
        CREATE TRIGGER overview_votes_anonymous_ad AFTER DELETE ON votes WHEN old.user_id IS NULL BEGIN
            UPDATE overview_totals SET value = value - 1 WHERE name = 'proof:none';
        END;
        -- A vote that changes voter (anonymising sets user_id NULL): out, then in.
        CREATE TRIGGER overview_votes_voter_au AFTER UPDATE OF user_id ON votes
        WHEN old.user_id IS NOT new.user_id BEGIN
            UPDATE overview_voters SET votes = votes - 1 WHERE user_id = old.user_id;
            DELETE FROM overview_voters WHERE user_id = old.user_id AND votes <= 0;
            UPDATE overview_totals SET value = value - 1
                WHERE name = 'proof:none' AND old.user_id IS NULL;
            {_ADD_VOTE}
            UPDATE overview_totals SET value = value + 1
                WHERE name = 'proof:none' AND new.user_id IS NULL;
        END;

        -- A voter's proof changes with their verification and where they live.
        CREATE TRIGGER overview_verifications_ai AFTER INSERT ON verifications BEGIN
            {_refresh_proof("new.user_id")}
        END;
        CREATE TRIGGER overview_verifications_au AFTER UPDATE ON verifications BEGIN
            {_refresh_proof("old.user_id")}
            {_refresh_proof("new.user_id")}
        END;
        CREATE TRIGGER overview_verifications_ad AFTER DELETE ON verifications BEGIN
            {_refresh_proof("old.user_id")}
        END;
        CREATE TRIGGER overview_profiles_ai AFTER INSERT ON profiles BEGIN
            {_refresh_proof("new.user_id")}
        END;
        CREATE TRIGGER overview_profiles_au AFTER UPDATE OF user_id, home_buurt_id ON profiles BEGIN
            {_refresh_proof("old.user_id")}
            {_refresh_proof("new.user_id")}
        END;
        CREATE TRIGGER overview_profiles_ad AFTER DELETE ON profiles BEGIN
            {_refresh_proof("old.user_id")}
        END;

        -- The places in open jobs, summed from the index alone.
        CREATE INDEX jobs_status_places ON jobs(status, places, places_filled)
        """,  # noqa: S608 - only our own fixed SQL is put in
    )


def j002_overview_indexes(db):
    # The proposals per status (listed ones and drafts) and the open interests
    # per job, each counted from an index alone.
    run_script(
        db,
        """
        CREATE INDEX proposals_listed_status ON proposals(listed, status);
        CREATE INDEX interests_status_job ON interests(status, job_id)
        """,
    )


def j003_residents_waiting(db):
    # Counting them took 117 ms in a city of 700,000 accounts (most without a
    # coach): the count is kept as accounts change instead.
    new, old = _WAITING.format(row="new"), _WAITING.format(row="old")
    change = "UPDATE overview_totals SET value = value + ({delta}) WHERE name = 'residents_waiting';"
    run_script(
        db,
        f"""
        {FILL_WAITING};
        CREATE TRIGGER overview_waiting_ai AFTER INSERT ON users WHEN {new} BEGIN
            {change.format(delta="1")}
        END;
        CREATE TRIGGER overview_waiting_ad AFTER DELETE ON users WHEN {old} BEGIN
            {change.format(delta="-1")}
        END;
        CREATE TRIGGER overview_waiting_au AFTER UPDATE OF role, coach_id, password_hash ON users
            WHEN {new} != {old} BEGIN
            {change.format(delta=f"{new} - {old}")}
        END
        """,
    )


OVERVIEW_MIGRATIONS = (j001_overview_counters, j002_overview_indexes, j003_residents_waiting)


# --- issue 18: the programme for the council (/gemeente/impact) ---------------------------
# Handed in last (``IMPACT_MIGRATIONS``).


def s001_jobs_impact_index(db):
    # /gemeente/impact reads every published job's category, buurt and places:
    # from this index alone, not from the wide jobs rows (all their texts).
    run_script(db, "CREATE INDEX jobs_impact ON jobs(status, category, buurt_id, places, places_filled)")


def s002_placements_impact_index(db):
    # ... and every placement's start, from this index alone.
    run_script(db, "CREATE INDEX placements_impact ON placements(job_id, user_id, created_at)")


# What the programme for the council is made of: a change to any of it makes
# the page's figures anew (webapp/gemeente/routes.py: _impact_body); until then
# each worker shows what it made, for the day.
IMPACT_SOURCES = (
    ("jobs", "INSERT"),
    ("jobs", "DELETE"),
    ("jobs", "UPDATE OF status, category, buurt_id, places, places_filled, hours, wage_cents"),
    ("placements", "INSERT"),
    ("placements", "UPDATE"),
    ("placements", "DELETE"),
    ("job_partners", "INSERT"),
    ("job_partners", "UPDATE"),
    ("job_partners", "DELETE"),
    ("bijstand_amount", "INSERT"),
    ("bijstand_amount", "UPDATE"),
    ("bijstand_amount", "DELETE"),
    ("minimum_wage", "INSERT"),
    ("minimum_wage", "UPDATE"),
    ("minimum_wage", "DELETE"),
    ("settings", "INSERT"),
    ("settings", "UPDATE"),
    ("settings", "DELETE"),
    ("buurten", "UPDATE OF wijk_id"),
    ("wijken", "UPDATE OF name"),
)


def s003_impact_figures_version(db):
    script = "INSERT INTO counters (name, value) VALUES ('impact_figures', 1);\n"
    for table, event in IMPACT_SOURCES:
        name = f"impact_figures_{table}_{event.split()[0].lower()}"
        script += (
            f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN\n"  # noqa: S608 - fixed names
            "    UPDATE counters SET value = value + 1 WHERE name = 'impact_figures';\nEND;\n"
        )
    run_script(db, script)


IMPACT_MIGRATIONS = (s001_jobs_impact_index, s002_placements_impact_index, s003_impact_figures_version)
