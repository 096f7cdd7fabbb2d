"""Bulk inserts without the per-row counter triggers.

The overview's counters (``overview_*``, webapp/gemeente/schema.py) and each
proposal's ``vote_count`` are kept by triggers, one small update per inserted
row. For a million votes and 700,000 residents that is most of the seed's
time. ``counters_paused`` drops those triggers, lets the bulk insert run, then
counts every counter again in a few set-based statements (the same ones the
migration that made them uses) and puts the triggers back exactly as they
were (their SQL is read from ``sqlite_master`` before they are dropped).
"""

from contextlib import contextmanager

from webapp.gemeente import schema as overview

# Triggers that only keep counters. The full-text index, the jobs' version,
# a proposal's wijk and a job's filled places are kept per row as before.
COUNTER_TRIGGERS = """SELECT name, sql FROM sqlite_master
    WHERE type = 'trigger' AND (name LIKE 'overview\\_%' ESCAPE '\\'
                                OR name IN ('votes_count_ai', 'votes_count_ad'))
    ORDER BY rowid"""

REFILL_VOTE_COUNTS = """UPDATE proposals SET vote_count =
    (SELECT COUNT(*) FROM votes WHERE votes.proposal_id = proposals.id)"""


def counter_triggers(db):
    return db.conn.execute(COUNTER_TRIGGERS).fetchall()


@contextmanager
def counters_paused(db):
    """Run the block with the counter triggers dropped; then recount and restore them."""
    saved = counter_triggers(db)
    with db.atomic():
        for name, _ in saved:
            db.conn.execute(f'DROP TRIGGER "{name}"')
    try:
        yield
    finally:
        with db.atomic():
            recount(db)
            for _, sql in saved:
                db.conn.execute(sql)


def recount(db):
    """Count vote_count and the overview's counters from scratch (triggers dropped)."""
    db.conn.execute(REFILL_VOTE_COUNTS)
    for table in overview.COUNTER_TABLES:
        db.conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
    overview.fill_counters(db)
