"""Changing proposals: drafts, status changes, votes, decisions, comments, reports.

Every read-decide-write step runs in one ``write_transaction`` (BEGIN
IMMEDIATE): two requests at the same moment (two workers, a double tap)
are served one after the other, so a vote limit, a threshold or a status
check can never be passed twice. Every status change goes through
``_move``, which checks the rule and records the change for the timeline.
"""

from dataclasses import dataclass, replace

from webapp.db import one, rows, write_transaction
from webapp.domain import proposals as rules
from webapp.idempotency import recall_client_id, remember_client_id
from webapp.notifications.changes import notify
from webapp.proposals import queries

EDITABLE = (
    "buurt_id",
    "lang",
    "category",
    "title",
    "tasks",
    "problem",
    "hours",
    "partners",
    "unpaid_now",
    "funding",
    "far_from_work",
)


@dataclass
class Outcome:
    """What happened: ``code`` is 'done', 'unchanged' or the reason it was refused."""

    code: str
    proposal: object = None
    vote: object = None  # a vote or a vote taken back: the ``queries.VoteState`` read for it

    @property
    def ok(self):
        return self.code in ("done", "unchanged")


def _link(proposal_id):
    return f"/proposals/{proposal_id}"


def _move(db, proposal, to_status, who, actor_id, now, reason=""):
    """Change the status (inside the caller's transaction) and record it.

    Returns the proposal as it is now, without reading it again.
    """
    rules.check_move(proposal["status"], to_status, who)
    stamp = rules.stamp(now)
    moved = rows(
        db,
        "UPDATE proposals SET status = ?, updated_at = ? WHERE id = ? RETURNING *",
        (to_status, stamp, proposal["id"]),
    )[0]
    db.conn.execute(
        """INSERT INTO proposal_events (proposal_id, at, actor_id, from_status, to_status, reason)
           VALUES (?, ?, ?, ?, ?, ?)""",
        (proposal["id"], stamp, actor_id, proposal["status"], to_status, reason),
    )
    return {**dict(proposal), **dict(moved)}


def _counted(proposal, change):
    """The proposal after a vote row was added (+1) or removed (-1): the
    ``votes_count`` triggers changed ``vote_count`` by exactly that."""
    return {**dict(proposal), "vote_count": proposal["vote_count"] + change}


def _supporters(db, proposal):
    """The author and everyone who voted: they hear what happens next."""
    people = set(queries.voter_ids(db, proposal["id"]))
    if proposal["author_id"] is not None:
        people.add(proposal["author_id"])
    return people


# --- closing at the deadline ----------------------------------------------------


def _close(db, proposal, now):
    closed = _move(db, proposal, "closed", "system", None, now)
    notify(db, _supporters(db, proposal), "proposal_closed", _link(proposal["id"]))
    return closed


def close_expired(db, now, proposal_id=None):
    """Close open proposals whose deadline passed; returns how many closed.

    Called when a proposal or the list is read, and daily by the
    ``close-proposals`` command. A cheap indexed look first, so reading
    takes the write lock only when there is something to close.
    """
    where = "status = 'open' AND deadline <= ?"
    params = [rules.stamp(now)]
    if proposal_id is not None:
        where += " AND id = ?"
        params.append(proposal_id)
    if one(db, f"SELECT 1 FROM proposals WHERE {where} LIMIT 1", params) is None:  # noqa: S608
        return 0
    with write_transaction(db):
        due = rows(db, f"SELECT * FROM proposals WHERE {where}", params)  # noqa: S608
        for proposal in due:
            _close(db, proposal, now)
    return len(due)


# --- drafts and the author's steps ------------------------------------------------


def create_draft(db, author_id, values, form_token, now):
    """Save a new draft; the same form sent twice gives the same draft."""
    stamp = rules.stamp(now)
    columns = ", ".join(EDITABLE)
    marks = ", ".join("?" * len(EDITABLE))
    with write_transaction(db):
        db.conn.execute(
            f"""INSERT INTO proposals (author_id, form_token, created_at, updated_at, {columns})
                VALUES (?, ?, ?, ?, {marks})
                ON CONFLICT (author_id, form_token) DO NOTHING""",  # noqa: S608 - fixed names
            (author_id, form_token, stamp, stamp, *(values[name] for name in EDITABLE)),
        )
        found = one(db, "SELECT id FROM proposals WHERE author_id = ? AND form_token = ?", (author_id, form_token))
    return found[0]


def update_draft(db, proposal_id, author_id, values, now):
    with write_transaction(db):
        proposal = queries.proposal_by_id(db, proposal_id)
        if proposal is None or not rules.may_edit(proposal["status"], author_id, proposal["author_id"]):
            return Outcome("not_editable", proposal)
        assignments = ", ".join(f"{name} = ?" for name in EDITABLE)
        db.conn.execute(
            f"UPDATE proposals SET {assignments}, updated_at = ? WHERE id = ?",  # noqa: S608
            (*(values[name] for name in EDITABLE), rules.stamp(now), proposal_id),
        )
    return Outcome("done", proposal)


def publish(db, proposal_id, author_id, settings, now):
    """Open a draft for votes, with today's threshold and voting period."""
    with write_transaction(db):
        proposal = queries.proposal_by_id(db, proposal_id)
        if proposal is None:
            return Outcome("unknown")
        if proposal["status"] == "open" and proposal["author_id"] == author_id:
            return Outcome("unchanged", proposal)  # published already: a repeat
        if not rules.may_publish(proposal["status"], author_id, proposal["author_id"]):
            return Outcome("not_allowed", proposal)
        deadline = rules.deadline_for(now, settings["voting_days"])
        db.conn.execute(
            "UPDATE proposals SET opened_at = ?, deadline = ?, threshold = ? WHERE id = ?",
            (rules.stamp(now), rules.stamp(deadline), settings["threshold"], proposal_id),
        )
        _move(db, proposal, "open", "author", author_id, now)
    return Outcome("done", proposal)


def withdraw(db, proposal_id, author_id, reason, now):
    with write_transaction(db):
        proposal = queries.proposal_by_id(db, proposal_id)
        if proposal is None:
            return Outcome("unknown")
        if proposal["status"] == "withdrawn":
            return Outcome("unchanged", proposal)
        if not rules.may_withdraw(proposal["status"], author_id, proposal["author_id"]):
            return Outcome("not_allowed", proposal)
        was_open = proposal["status"] == "open"
        _move(db, proposal, "withdrawn", "author", author_id, now, reason)
        if was_open:
            voters = set(queries.voter_ids(db, proposal_id)) - {author_id}
            notify(db, voters, "proposal_closed", _link(proposal_id))
    return Outcome("done", proposal)


def resubmit(db, proposal_id, author_id, reason, now):
    """After the municipality asked for changes, the author sends it back."""
    with write_transaction(db):
        proposal = queries.proposal_by_id(db, proposal_id)
        if proposal is None:
            return Outcome("unknown")
        if proposal["status"] == "with_gemeente" and proposal["author_id"] == author_id:
            return Outcome("unchanged", proposal)
        if not rules.may_resubmit(proposal["status"], author_id, proposal["author_id"]):
            return Outcome("not_allowed", proposal)
        _move(db, proposal, "with_gemeente", "author", author_id, now, reason)
    return Outcome("done", proposal)


def forget_settled_vote_ids(db):
    """Drop the client ids of votes on proposals no longer open; returns how many.

    They guard against a late retry casting a vote again; once voting has
    ended no vote can change, and a retry is refused as any vote would be.
    """
    with write_transaction(db):
        return db.execute(
            """DELETE FROM client_ids WHERE kind = 'vote'
               AND item_id IN (SELECT id FROM proposals WHERE status != 'open')"""
        ).rowcount


# --- votes --------------------------------------------------------------------------


def cast_vote(db, proposal_id, user, now, client_id=None):
    """One vote per resident: checks and write in one write transaction.

    Idempotent: a vote that is already there answers 'unchanged', whatever
    happened to the proposal since. So does a repeat of the same client id
    (the outbox trying again), even after the vote was taken back: a late
    retry must not cast it again. A client id used for something else is
    'id_used_elsewhere'. The vote that reaches the threshold sends the
    proposal to the municipality, in the same transaction.

    The outcome carries what the vote box needs (``outcome.vote``), as read
    and changed here: the settings, the voter, whether they voted, the rules'
    refusal. The page reads none of it again.
    """
    with write_transaction(db):
        earlier = recall_client_id(db, user.id, client_id)
        proposal = queries.proposal_by_id(db, proposal_id)
        if proposal is None or not rules.may_see(
            proposal["status"], proposal["opened_at"], user.id, proposal["author_id"]
        ):
            return Outcome("unknown")
        settings = queries.read_settings(db)
        if earlier == ("vote", proposal_id):
            return Outcome("unchanged", proposal, queries.VoteState(proposal, settings=settings))
        if earlier is not None:
            return Outcome("id_used_elsewhere", proposal, queries.VoteState(proposal, settings=settings))
        if rules.should_close(proposal["status"], proposal["deadline"], now):
            proposal = _close(db, proposal, now)
        if queries.has_voted(db, proposal_id, user.id):
            # Remembered too: a lost answer retried after taking the vote back changes nothing.
            remember_client_id(db, user.id, client_id, "vote", proposal_id)
            return Outcome("unchanged", proposal, queries.VoteState(proposal, voted=True, settings=settings))
        voter = queries.voter(db, user, now, settings)
        refusal = rules.vote_refusal(voter, queries.ballot(proposal), now, settings["vote_limit"])
        if refusal:
            return Outcome(
                refusal,
                proposal,
                queries.VoteState(proposal, voter, voted=False, settings=settings, refusal=refusal),
            )
        db.conn.execute(
            "INSERT INTO votes (proposal_id, user_id, created_at) VALUES (?, ?, ?)",
            (proposal_id, user.id, rules.stamp(now)),
        )
        remember_client_id(db, user.id, client_id, "vote", proposal_id)
        proposal = _counted(proposal, +1)
        if rules.status_after_vote(queries.ballot(proposal), proposal["vote_count"]):
            proposal = _move(db, proposal, "with_gemeente", "system", None, now)
            notify(db, _supporters(db, proposal), "proposal_threshold", _link(proposal_id))
        counted = rules.counts_against_limit(queries.ballot(proposal), now)
        voter = replace(voter, active_votes=voter.active_votes + counted)
    return Outcome("done", proposal, queries.VoteState(proposal, voter, voted=True, settings=settings))


def take_back_vote(db, proposal_id, user, now):
    """Take a vote back while the vote is open; 'unchanged' when there is none.

    ``outcome.vote`` says whether the person's vote stands; the page reads
    the rest of the vote box (after the change) itself.
    """
    with write_transaction(db):
        proposal = queries.proposal_by_id(db, proposal_id)
        if proposal is None or not rules.may_see(
            proposal["status"], proposal["opened_at"], user.id, proposal["author_id"]
        ):
            return Outcome("unknown")
        if rules.should_close(proposal["status"], proposal["deadline"], now):
            proposal = _close(db, proposal, now)
        if not queries.has_voted(db, proposal_id, user.id):
            return Outcome("unchanged", proposal, queries.VoteState(proposal, voted=False))
        refusal = rules.unvote_refusal(queries.ballot(proposal), now)
        if refusal:
            return Outcome(refusal, proposal, queries.VoteState(proposal, voted=True))
        db.conn.execute("DELETE FROM votes WHERE proposal_id = ? AND user_id = ?", (proposal_id, user.id))
        proposal = _counted(proposal, -1)
    return Outcome("done", proposal, queries.VoteState(proposal, voted=False))


# --- the municipality's decision ----------------------------------------------------


def decide(db, proposal_id, gemeente_id, decision, reason, criteria, payer, cents, now):
    """Approve, reject or ask for changes. Approving makes a job draft, linked both ways."""
    with write_transaction(db):
        proposal = queries.proposal_by_id(db, proposal_id)
        if proposal is None:
            return Outcome("unknown")
        if proposal["status"] == decision and proposal["decided_by"] == gemeente_id:
            return Outcome("unchanged", proposal)  # the same form sent twice
        if not rules.may_decide("gemeente", proposal["status"]):
            return Outcome("not_allowed", proposal)
        if rules.decision_problems(decision, reason, criteria, payer, cents):
            return Outcome("incomplete", proposal)
        chosen = ",".join(code for code in rules.CRITERIA if code in set(criteria))
        approved = decision == "approved"
        db.conn.execute(
            """UPDATE proposals SET decision_reason = ?, decision_payer = ?,
                   decision_cents_per_year = ?, decision_criteria = ?, decided_at = ?,
                   decided_by = ? WHERE id = ?""",
            (
                reason.strip(),
                payer.strip() if approved else "",
                cents if approved else None,
                chosen,
                rules.stamp(now),
                gemeente_id,
                proposal_id,
            ),
        )
        _move(db, proposal, decision, "gemeente", gemeente_id, now, reason.strip())
        if approved:
            job_id = _job_draft(db, proposal, payer.strip(), now)
            db.conn.execute("UPDATE proposals SET job_id = ? WHERE id = ?", (job_id, proposal_id))
        voters = set(queries.voter_ids(db, proposal_id))
        author = {proposal["author_id"]} - {None}
        if decision == "changes_asked":
            notify(db, author, "proposal_changes_asked", _link(proposal_id))
            notify(db, voters - author, "proposal_decision", _link(proposal_id))
        else:
            notify(db, voters | author, "proposal_decision", _link(proposal_id))
    return Outcome("done", proposal)


def _job_draft(db, proposal, payer, now):
    """A job draft from the proposal: the municipality completes and publishes it.

    The proposal is written in one language (``lang``); only that language's
    texts start filled. The other language stays empty, so the job form marks
    it "to translate" and publishing waits until someone did
    (``jobs.missing_to_publish``): a copy would pass that check and show a
    Dutch title on an English page. Who pays becomes the job's funding; the
    employer and the days are asked on the job form.
    """
    lang = proposal["lang"]
    text = {
        "title": proposal["title"][:120],
        "summary": proposal["tasks"][:500],
        "tasks": proposal["tasks"],
        "problem": proposal["problem"],
        "team": proposal["partners"],
    }
    values = {f"{field}_{lang}": value for field, value in text.items()}
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    cursor = db.conn.execute(
        f"""INSERT INTO jobs (status, category, buurt_id, employer, funding, hours, places,
                proposal_id, created_at, {columns})
            VALUES ('draft', ?, ?, '', ?, ?, 1, ?, ?, {marks})""",  # noqa: S608 - fixed names
        (
            proposal["category"],
            proposal["buurt_id"],
            payer[:200],
            proposal["hours"],
            proposal["id"],
            rules.stamp(now),
            *values.values(),
        ),
    )
    return cursor.lastrowid


def job_published(db, job, gemeente_id, now):
    """The job made from a proposal is open: the proposal became a job; voters hear it."""
    if job["proposal_id"] is None:
        return
    proposal = queries.proposal_by_id(db, job["proposal_id"])
    if proposal is None or proposal["status"] != "approved":
        return
    _move(db, proposal, "job_created", "gemeente", gemeente_id, now)
    notify(db, _supporters(db, proposal), "job_published", f"/jobs/{job['id']}")


# --- comments and reports -----------------------------------------------------------


class CommentRefused(Exception):
    """The proposal no longer takes this comment (withdrawn, gone, or an answer
    from someone who may not answer): read inside the write, nothing stored."""


def add_comment(db, proposal_id, author, kind, body, form_token, now, parent_id=None, lang="nl"):
    """A comment, question or answer in ``lang``; the same form sent twice stores one.

    ``author`` is the writer (``id`` and ``role``). The rules (``may_comment``,
    ``may_answer``) are asked again inside the write, on the proposal as it
    is now: a proposal withdrawn a moment after the page's check takes
    nothing (``CommentRefused``). A repeat of a stored form still finds it.
    """
    author_id = author.id
    with write_transaction(db):
        found = one(
            db, "SELECT id FROM proposal_comments WHERE author_id = ? AND form_token = ?", (author_id, form_token)
        )
        if found is not None:
            return found[0]
        proposal = queries.proposal_by_id(db, proposal_id)
        if (
            proposal is None
            or not rules.may_see(proposal["status"], proposal["opened_at"], author_id, proposal["author_id"])
            or not rules.may_comment(author.role, proposal["status"])
            or (kind == "answer" and not rules.may_answer(author_id, author.role, proposal["author_id"]))
        ):
            raise CommentRefused()
        cursor = db.conn.execute(
            """INSERT INTO proposal_comments
                   (proposal_id, author_id, parent_id, kind, body, lang, form_token, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (author_id, form_token) DO NOTHING""",
            (proposal_id, author_id, parent_id, kind, body, lang, form_token, rules.stamp(now)),
        )
        found = one(
            db, "SELECT id FROM proposal_comments WHERE author_id = ? AND form_token = ?", (author_id, form_token)
        )
        if cursor.rowcount:  # not for the same form sent twice
            parent = parent_id and one(db, "SELECT author_id FROM proposal_comments WHERE id = ?", (parent_id,))
            told = rules.told_about_comment(
                kind, author_id, proposal["author_id"], parent["author_id"] if parent else None
            )
            notify(
                db,
                told,
                "proposal_answer" if kind == "answer" else "proposal_comment",
                f"{_link(proposal_id)}#comment-{found[0]}",
            )
    return found[0]


def report(db, kind, target_id, reporter_id, reason, now):
    """Report once per person; the third open report hides the item until reviewed."""
    table = {"proposal": "proposals", "comment": "proposal_comments"}[kind]
    with write_transaction(db):
        cursor = db.conn.execute(
            """INSERT INTO reports (target_kind, target_id, reporter_id, reason, created_at)
               VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
            (kind, target_id, reporter_id, reason, rules.stamp(now)),
        )
        if not cursor.rowcount:
            return Outcome("unchanged")
        if rules.is_hidden_by_reports(queries.open_report_count(db, kind, target_id)):
            db.conn.execute(
                f"UPDATE {table} SET moderation = 'hidden' WHERE id = ? AND moderation = 'visible'",  # noqa: S608, E501 - fixed names
                (target_id,),
            )
    return Outcome("done")


def moderate(db, kind, target_id, action, reason, gemeente_id, now):
    """Restore or remove a reported item, with a reason; its reports are then settled."""
    table = {"proposal": "proposals", "comment": "proposal_comments"}[kind]
    state = {"restore": "visible", "remove": "removed"}[action]
    with write_transaction(db):
        item = one(
            db,
            f"SELECT id, author_id, moderation FROM {table} WHERE id = ?",  # noqa: S608
            (target_id,),
        )
        if item is None:
            return Outcome("unknown")
        if item["moderation"] == state and not queries.open_report_count(db, kind, target_id):
            return Outcome("unchanged")
        stamp = rules.stamp(now)
        db.conn.execute(
            f"UPDATE {table} SET moderation = ? WHERE id = ?",  # noqa: S608
            (state, target_id),
        )
        db.conn.execute(
            """UPDATE reports SET resolved_at = ?
               WHERE target_kind = ? AND target_id = ? AND resolved_at IS NULL""",
            (stamp, kind, target_id),
        )
        db.conn.execute(
            """INSERT INTO moderation_actions (target_kind, target_id, action, reason, actor_id, at)
               VALUES (?, ?, ?, ?, ?, ?)""",
            (kind, target_id, action, reason, gemeente_id, stamp),
        )
        if action == "remove" and item["author_id"] is not None:
            proposal_id = target_id
            if kind == "comment":
                proposal_id = one(db, "SELECT proposal_id FROM proposal_comments WHERE id = ?", (target_id,))[0]
            notify(db, [item["author_id"]], "content_removed", _link(proposal_id))
    return Outcome("done")
