"""Neighbourhood proposals: their statuses, who may do what, and the vote rules.

Plain functions without Flask. Everything that depends on time takes ``now``
(an aware ``datetime``), so tests can move the clock. Stored times are ISO
strings such as ``2026-03-01T12:00:00Z``; ``parse_time`` reads them.
"""

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

STATUSES = (
    "draft",  # only the author sees it; can be changed
    "open",  # open for votes until the threshold or the deadline
    "with_gemeente",  # reached the threshold: the municipality reviews it
    "approved",  # a job draft exists; the municipality completes it
    "rejected",
    "changes_asked",  # back to the author, who changes it and sends it again
    "job_created",  # the job is published
    "withdrawn",  # the author stopped it
    "closed",  # the deadline passed below the threshold
)

# Who moves a proposal from one status to another: its author, the
# municipality, or the system (threshold reached, deadline passed).
TRANSITIONS = {
    ("draft", "open"): "author",
    ("draft", "withdrawn"): "author",
    ("open", "withdrawn"): "author",
    ("changes_asked", "withdrawn"): "author",
    ("changes_asked", "with_gemeente"): "author",
    ("open", "with_gemeente"): "system",
    ("open", "closed"): "system",
    ("with_gemeente", "approved"): "gemeente",
    ("with_gemeente", "rejected"): "gemeente",
    ("with_gemeente", "changes_asked"): "gemeente",
    ("approved", "job_created"): "gemeente",
}

# Statuses in which the municipality has answered; the author and the voters
# hear about each of these.
DECISIONS = ("approved", "rejected", "changes_asked")

# What the municipality checks on every proposal (Start Foundation's
# criteria for a good basisbaan, in short).
CRITERIA = (
    "new_paid_work",
    "far_from_work",
    "social_problem",
    "partners_funding",
    "no_displacement",
)

# The order of the list: what one can still act on first.
LIST_ORDER = (
    "open",
    "with_gemeente",
    "changes_asked",
    "approved",
    "job_created",
    "rejected",
    "closed",
    "withdrawn",
    "draft",
)

PUBLIC_STATUSES = tuple(status for status in STATUSES if status != "draft")

REPORTS_TO_HIDE = 3  # reports from different people before an item is hidden


class TransitionError(ValueError):
    """A status change that the rules do not allow."""


def mover(from_status, to_status):
    """'author', 'gemeente', 'system' or None when the change is not allowed."""
    return TRANSITIONS.get((from_status, to_status))


def check_move(from_status, to_status, who):
    if mover(from_status, to_status) != who:
        raise TransitionError(f"{who} cannot move a proposal from {from_status} to {to_status}")


# --- time ---------------------------------------------------------------------


def parse_time(text):
    """A stored ISO time as an aware datetime (UTC when no zone is given)."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def stamp(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def deadline_for(opened_at, voting_days):
    return opened_at + timedelta(days=voting_days)


def is_past_deadline(deadline, now):
    return deadline is not None and now >= parse_time(deadline)


def days_left(deadline, now):
    """Whole days until the deadline, rounded up (0 once it has passed)."""
    if deadline is None:
        return 0
    seconds = (parse_time(deadline) - now).total_seconds()
    return max(0, math.ceil(seconds / 86400))


def should_close(status, deadline, now):
    """An open proposal whose deadline passed closes (below the threshold)."""
    return status == "open" and is_past_deadline(deadline, now)


def reaches_threshold(vote_count, threshold):
    return threshold is not None and vote_count >= threshold


# --- who may see and do what -----------------------------------------------


def may_propose(role):
    return role in ("resident", "buurtgroep")


def may_see(status, opened_at, viewer_id, author_id):
    """Drafts (and drafts withdrawn before anyone saw them) are the author's own."""
    if status == "draft" or (status == "withdrawn" and opened_at is None):
        return viewer_id is not None and viewer_id == author_id
    return status in PUBLIC_STATUSES


def may_read_content(moderation, viewer_id, viewer_role, author_id):
    """Hidden or removed text stays readable for its author and the municipality."""
    if moderation == "visible":
        return True
    return viewer_role == "gemeente" or (viewer_id is not None and viewer_id == author_id)


def is_author(viewer_id, author_id):
    return viewer_id is not None and viewer_id == author_id


def may_edit(status, viewer_id, author_id):
    return is_author(viewer_id, author_id) and status in ("draft", "changes_asked")


def may_publish(status, viewer_id, author_id):
    return is_author(viewer_id, author_id) and status == "draft"


def may_resubmit(status, viewer_id, author_id):
    return is_author(viewer_id, author_id) and status == "changes_asked"


def may_withdraw(status, viewer_id, author_id):
    """Any time before the municipality reviews it (and while changes are asked)."""
    return is_author(viewer_id, author_id) and status in ("draft", "open", "changes_asked")


def may_decide(role, status):
    return role == "gemeente" and status == "with_gemeente"


def may_comment(role, status):
    """Anyone logged in, on a published proposal that has not been withdrawn."""
    return role is not None and status in PUBLIC_STATUSES and status != "withdrawn"


def may_answer(viewer_id, viewer_role, author_id):
    """The author and the municipality answer questions; answers are marked."""
    return viewer_role == "gemeente" or is_author(viewer_id, author_id)


def told_about_comment(kind, writer_id, proposal_author_id, parent_author_id=None):
    """Who hears about a new comment: the proposal's author about a question or
    comment; whoever wrote the first one about an answer. Never the writer."""
    told = {parent_author_id} if kind == "answer" else {proposal_author_id}
    return told - {writer_id, None}


def may_report(role):
    return role is not None


# --- votes --------------------------------------------------------------------


@dataclass(frozen=True)
class Voter:
    user_id: int
    role: str
    home_wijk: int | None  # the wijk of the resident's home buurt
    active_votes: int  # votes on proposals that are still open
    # A proof of home buurt that counts now (webapp.domain.verification.counts):
    # an accepted proof, for the buurt the resident lives in today.
    verified: bool = False


@dataclass(frozen=True)
class Ballot:
    """What the vote rules need to know about a proposal."""

    status: str
    wijk: int
    author_id: int | None
    deadline: str | None
    vote_count: int = 0
    threshold: int | None = None
    moderation: str = "visible"


def vote_refusal(voter, ballot, now, limit):
    """Why ``voter`` may not vote on ``ballot`` now, or None when they may.

    The reasons, in the order they are checked: 'not_resident', 'withdrawn',
    'closed' (not open, or past the deadline), 'hidden' (reported, until the
    municipality has looked), 'no_home_buurt', 'other_wijk', 'not_verified'
    (no proof of the home buurt that counts: one person, one vote),
    'own_proposal', 'limit'. A vote the resident already cast is not checked here: repeating
    it is allowed and changes nothing.
    """
    if voter.role != "resident":
        return "not_resident"
    if ballot.status == "withdrawn":
        return "withdrawn"
    if ballot.status != "open" or is_past_deadline(ballot.deadline, now):
        return "closed"
    if ballot.moderation != "visible":
        return "hidden"
    if voter.home_wijk is None:
        return "no_home_buurt"
    if voter.home_wijk != ballot.wijk:
        return "other_wijk"
    if not voter.verified:
        return "not_verified"
    if is_author(voter.user_id, ballot.author_id):
        return "own_proposal"
    if voter.active_votes >= limit:
        return "limit"
    return None


def unvote_refusal(ballot, now):
    """A vote can be taken back until the vote closes; 'closed' after that."""
    if ballot.status != "open" or is_past_deadline(ballot.deadline, now):
        return "closed"
    return None


def counts_against_limit(ballot, now):
    """A vote counts against the resident's limit while its proposal is open for votes."""
    return ballot.status == "open" and ballot.deadline is not None and not is_past_deadline(ballot.deadline, now)


def status_after_vote(ballot, vote_count):
    """'with_gemeente' when this vote reaches the threshold, else None."""
    if ballot.status == "open" and reaches_threshold(vote_count, ballot.threshold):
        return "with_gemeente"
    return None


# --- decisions ----------------------------------------------------------------


def decision_problems(decision, reason, criteria, payer, cents_per_year):
    """What is missing before the municipality can send this decision.

    Every decision carries a reason for residents. Approving needs every
    criterion ticked and says who pays and how much a year, so a supported
    proposal never ends in nothing.
    """
    problems = []
    if decision not in DECISIONS:
        return ["decision"]
    if not (reason or "").strip():
        problems.append("reason")
    if decision == "approved":
        if set(criteria or ()) != set(CRITERIA):
            problems.append("criteria")
        if not (payer or "").strip():
            problems.append("payer")
        if not cents_per_year or cents_per_year <= 0:
            problems.append("amount")
    return problems


def is_hidden_by_reports(open_reports):
    return open_reports >= REPORTS_TO_HIDE
