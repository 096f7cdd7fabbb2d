"""Reading proposals, votes, comments and the municipality's settings."""

from dataclasses import dataclass
from datetime import UTC, datetime

from webapp.db import one, rows
from webapp.domain import proposals as rules
from webapp.domain import settings as settings_rules
from webapp.domain import similarity
from webapp.domain import verification as verification_rules
from webapp.domain.verification import Verification

SQLITE_MAX_INTEGER = 2**63 - 1

PROPOSAL_COLUMNS = """proposals.*, buurten.name AS buurt_name, wijken.name AS wijk_name,
    authors.display_name AS author_name, authors.role AS author_role"""
PROPOSAL_JOINS = """JOIN buurten ON buurten.id = proposals.buurt_id
    JOIN wijken ON wijken.id = buurten.wijk_id
    LEFT JOIN users AS authors ON authors.id = proposals.author_id"""

# Published, and not taken out by the municipality: what lists show.
LISTED = "proposals.listed = 1"


def now_utc():
    return datetime.now(UTC).replace(microsecond=0)


def read_settings(db):
    stored = {row[0]: row[1] for row in rows(db, "SELECT key, value FROM settings")}
    return settings_rules.read(stored)


def minimum_wages(db):
    return rows(db, "SELECT valid_from, cents FROM minimum_wage ORDER BY valid_from DESC")


def proposal_by_id(db, proposal_id):
    if not 0 < proposal_id <= SQLITE_MAX_INTEGER:  # a longer number in a URL is no proposal
        return None
    return one(
        db,
        f"SELECT {PROPOSAL_COLUMNS} FROM proposals {PROPOSAL_JOINS} WHERE proposals.id = ?",  # noqa: S608
        (proposal_id,),
    )


def ballot(row):
    return rules.Ballot(
        status=row["status"],
        wijk=row["wijk_id"],
        author_id=row["author_id"],
        deadline=row["deadline"],
        vote_count=row["vote_count"],
        threshold=row["threshold"],
        moderation=row["moderation"],
    )


def home_wijk(db, user_id):
    row = one(
        db,
        """SELECT buurten.wijk_id FROM profiles JOIN buurten ON buurten.id = profiles.home_buurt_id
           WHERE profiles.user_id = ?""",
        (user_id,),
    )
    return row[0] if row else None


def active_votes(db, user_id, now):
    """Votes on proposals that are still open (they count against the limit)."""
    # CROSS JOIN keeps the resident's few votes as the outer loop (SQLite does
    # not reorder it), instead of walking every open proposal.
    return one(
        db,
        """SELECT COUNT(*) FROM votes CROSS JOIN proposals ON proposals.id = votes.proposal_id
           WHERE votes.user_id = ? AND proposals.status = 'open' AND proposals.deadline > ?""",
        (user_id, rules.stamp(now)),
    )[0]


def home_and_proof(db, user_id):
    """(home wijk, home buurt, the proof of home buurt or None) in one read."""
    row = one(
        db,
        """SELECT buurten.wijk_id, profiles.home_buurt_id, verifications.proof, verifications.buurt_id
           FROM profiles JOIN buurten ON buurten.id = profiles.home_buurt_id
           LEFT JOIN verifications ON verifications.user_id = profiles.user_id
           WHERE profiles.user_id = ?""",
        (user_id,),
    )
    if row is None:
        return None, None, None
    proof = Verification(row[2], row[3]) if row[2] is not None else None
    return row[0], row[1], proof


def voter(db, user, now, settings=None):
    """The vote rules' view of a logged-in user (None when nobody is logged in).

    ``settings`` (already read by the caller, or read here) says which proofs
    count; the resident is verified when their proof counts for the buurt
    they live in now (``webapp.domain.verification.counts``)."""
    if user is None or not user.is_authenticated:
        return None
    if user.role != "resident":
        return rules.Voter(user.id, user.role, None, 0)
    settings = settings if settings is not None else read_settings(db)
    wijk, buurt, proof = home_and_proof(db, user.id)
    verified = verification_rules.counts(proof, settings[settings_rules.PROOFS_KEY], buurt)
    return rules.Voter(user.id, user.role, wijk, active_votes(db, user.id, now), verified)


def has_voted(db, proposal_id, user_id):
    found = one(db, "SELECT 1 FROM votes WHERE proposal_id = ? AND user_id = ?", (proposal_id, user_id))
    return found is not None


@dataclass
class VoteState:
    """What a vote box needs about one person and one proposal.

    A vote POST fills in what its transaction already read; ``complete_vote_state``
    reads only what is still missing, so nothing is read twice. None: not read yet.
    """

    proposal: object
    voter: object = None  # the vote rules' view of the person (None also when anonymous)
    voted: bool | None = None
    settings: dict | None = None
    refusal: str | None = None  # the vote rules' answer, when they already ran


def complete_vote_state(db, state, user, now):
    if state.settings is None:
        state.settings = read_settings(db)
    if state.voter is None:
        state.voter = voter(db, user, now, state.settings)
    if state.voted is None:
        state.voted = state.voter is not None and has_voted(db, state.proposal["id"], state.voter.user_id)
    return state


def voted_among(db, user_id, proposal_ids):
    if not proposal_ids:
        return set()
    marks = ",".join("?" * len(proposal_ids))
    return {
        row[0]
        for row in rows(
            db,
            f"SELECT proposal_id FROM votes WHERE user_id = ? AND proposal_id IN ({marks})",  # noqa: S608 - only '?' marks
            (user_id, *proposal_ids),
        )
    }


def voter_ids(db, proposal_id):
    return [row[0] for row in rows(db, "SELECT user_id FROM votes WHERE proposal_id = ?", (proposal_id,))]


def list_page(db, *, first_wijk=None, buurt=None, wijk=None, status=None, page=1, per_page=20):
    """One page of published proposals: the reader's own wijk first, then what
    one can still act on, newest first. Returns ``(rows, total)``.

    Read through the ``proposals_list*`` indexes: the own wijk's part and the
    rest are two ordered index ranges, so a page never sorts the whole table.
    """
    where, params = ["listed = 1"], []
    if buurt is not None:
        where.append("buurt_id = ?")
        params.append(buurt)
    if wijk is not None:
        where.append("wijk_id = ?")
        params.append(wijk)
    if status is not None:
        where.append("list_rank = ?")
        params.append(rules.LIST_ORDER.index(status))
    condition = " AND ".join(where)
    order = "ORDER BY list_rank, created_at DESC, id DESC"

    def ids(extra, extra_params, limit, offset):
        return [
            row[0]
            for row in rows(
                db,
                f"SELECT id FROM proposals WHERE {condition}{extra} {order} LIMIT ? OFFSET ?",  # noqa: S608 - fixed SQL
                (*params, *extra_params, limit, offset),
            )
        ]

    total = one(db, f"SELECT COUNT(*) FROM proposals WHERE {condition}", params)[0]  # noqa: S608
    offset = (page - 1) * per_page
    if first_wijk is None or wijk is not None:
        found = ids("", (), per_page, offset)
    else:
        own = one(
            db,
            f"SELECT COUNT(*) FROM proposals WHERE {condition} AND wijk_id = ?",  # noqa: S608
            (*params, first_wijk),
        )[0]
        found = []
        if offset < own:
            found = ids(" AND wijk_id = ?", (first_wijk,), per_page, offset)
        if len(found) < per_page:
            found += ids(" AND wijk_id != ?", (first_wijk,), per_page - len(found), max(0, offset - own))
    return by_ids(db, found), total


# What a card on the list shows (no long texts).
CARD_COLUMNS = """proposals.id, proposals.title, proposals.lang, proposals.category,
    proposals.status, proposals.moderation, proposals.buurt_id, proposals.wijk_id,
    proposals.author_id, proposals.vote_count, proposals.threshold, proposals.deadline,
    proposals.opened_at, buurten.name AS buurt_name, wijken.name AS wijk_name"""


def by_ids(db, ids):
    """List rows for ``ids``, in that order."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    found = {
        row["id"]: row
        for row in rows(
            db,
            f"""SELECT {CARD_COLUMNS} FROM proposals
                JOIN buurten ON buurten.id = proposals.buurt_id
                JOIN wijken ON wijken.id = proposals.wijk_id
                WHERE proposals.id IN ({marks})""",  # noqa: S608 - only '?' marks
            ids,
        )
    }
    return [found[i] for i in ids if i in found]


def authored_by(db, user_id, limit=20):
    """A person's own proposals, drafts included, newest first."""
    return rows(
        db,
        f"""SELECT {PROPOSAL_COLUMNS} FROM proposals {PROPOSAL_JOINS}
            WHERE proposals.author_id = ? ORDER BY proposals.updated_at DESC,
            proposals.id DESC LIMIT ?""",  # noqa: S608
        (user_id, limit),
    )


def events(db, proposal_id):
    return rows(
        db,
        """SELECT proposal_events.*, users.role AS actor_role, users.display_name AS actor_name
           FROM proposal_events LEFT JOIN users ON users.id = proposal_events.actor_id
           WHERE proposal_id = ? ORDER BY proposal_events.id""",
        (proposal_id,),
    )


def comments(db, proposal_id):
    """Questions and comments, each with its answers: ``[(comment, [answers])]``."""
    found = rows(
        db,
        """SELECT proposal_comments.*, users.role AS author_role,
                  users.display_name AS author_name
           FROM proposal_comments LEFT JOIN users ON users.id = proposal_comments.author_id
           WHERE proposal_id = ? ORDER BY proposal_comments.id""",
        (proposal_id,),
    )
    answers = {}
    for row in found:
        if row["parent_id"] is not None:
            answers.setdefault(row["parent_id"], []).append(row)
    return [(row, answers.get(row["id"], [])) for row in found if row["parent_id"] is None]


def comment_by_id(db, proposal_id, comment_id):
    if not 0 < comment_id <= SQLITE_MAX_INTEGER:
        return None
    return one(
        db,
        "SELECT * FROM proposal_comments WHERE id = ? AND proposal_id = ?",
        (comment_id, proposal_id),
    )


def similar_items(db, buurt_id, text, exclude_id=None, limit=5):
    """Published proposals and open jobs in the same buurt that look like ``text``.

    Returns ``(proposals, jobs)``: rows, most similar first.
    """
    candidates = rows(
        db,
        f"""SELECT {PROPOSAL_COLUMNS} FROM proposals {PROPOSAL_JOINS}
            WHERE proposals.buurt_id = ? AND proposals.id != ? AND {LISTED}
              AND proposals.status NOT IN ('withdrawn', 'closed', 'rejected')""",  # noqa: S608
        (buurt_id, exclude_id or 0),
    )
    by_id = {row["id"]: row for row in candidates}
    found = similarity.most_similar(
        text, [(row["id"], f"{row['title']} {row['tasks']}") for row in candidates], limit
    )
    job_rows = rows(
        db,
        """SELECT jobs.*, buurten.name AS buurt_name FROM jobs
           JOIN buurten ON buurten.id = jobs.buurt_id
           WHERE jobs.buurt_id = ? AND jobs.status = 'open'""",
        (buurt_id,),
    )
    jobs_by_id = {row["id"]: row for row in job_rows}
    found_jobs = similarity.most_similar(
        text,
        [
            (row["id"], f"{row['title_nl']} {row['title_en']} {row['summary_nl']} {row['summary_en']}")
            for row in job_rows
        ],
        limit,
    )
    return [by_id[key] for key, _s in found], [jobs_by_id[key] for key, _s in found_jobs]


def proposal_text(row_or_values):
    return f"{row_or_values['title']} {row_or_values['tasks']} {row_or_values['problem']}"


def proposal_origin(db, proposal_id):
    """The proposal a job came from (for "proposed by residents of ..."), or None."""
    return one(
        db,
        """SELECT proposals.id, proposals.vote_count, buurten.name AS buurt_name FROM proposals
           JOIN buurten ON buurten.id = proposals.buurt_id WHERE proposals.id = ?""",
        (proposal_id,),
    )


def job_made(db, job_id):
    """The job a proposal became: enough to link to it."""
    return one(db, "SELECT id, status, title_nl, title_en FROM jobs WHERE id = ?", (job_id,))


def is_placed(db, job_id, user_id):
    """Whether this person has a place in this job."""
    found = one(db, "SELECT 1 FROM placements WHERE job_id = ? AND user_id = ?", (job_id, user_id))
    return found is not None


def wijk_name(db, wijk_id):
    return one(db, "SELECT name FROM wijken WHERE id = ?", (wijk_id,))[0]


def home_buurt(db, user_id):
    row = one(db, "SELECT home_buurt_id FROM profiles WHERE user_id = ?", (user_id,))
    return row[0] if row else None


def open_report_count(db, kind, target_id):
    return one(
        db,
        """SELECT COUNT(*) FROM reports
           WHERE target_kind = ? AND target_id = ? AND resolved_at IS NULL""",
        (kind, target_id),
    )[0]


def has_reported(db, kind, target_id, user_id):
    found = one(
        db,
        "SELECT 1 FROM reports WHERE target_kind = ? AND target_id = ? AND reporter_id = ?",
        (kind, target_id, user_id),
    )
    return found is not None


def personal_data(db, user_id):
    """Everything about proposals a person wrote or did, for "download all your data"."""

    def listed(sql):
        return [dict(row) for row in rows(db, sql, (user_id,))]

    return {
        "proposals": listed(
            """SELECT id, status, lang, category, title, tasks, problem, hours, partners,
                      unpaid_now, funding, far_from_work, opened_at, deadline, created_at
               FROM proposals WHERE author_id = ? ORDER BY id"""
        ),
        "votes": listed(
            """SELECT votes.proposal_id, proposals.title, votes.created_at FROM votes
               JOIN proposals ON proposals.id = votes.proposal_id
               WHERE votes.user_id = ? ORDER BY votes.id"""
        ),
        "comments": listed(
            """SELECT proposal_id, kind, body, lang, moderation, created_at FROM proposal_comments
               WHERE author_id = ? ORDER BY id"""
        ),
        "reports": listed(
            "SELECT target_kind, target_id, reason, created_at FROM reports WHERE reporter_id = ? ORDER BY id"
        ),
        "placements": listed(
            """SELECT placements.job_id, jobs.title_nl, jobs.title_en, placements.created_at
               FROM placements JOIN jobs ON jobs.id = placements.job_id
               WHERE placements.user_id = ? ORDER BY placements.id"""
        ),
    }
