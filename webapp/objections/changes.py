"""Writing objections and the board's decisions: each one transaction."""

from dataclasses import dataclass
from datetime import timedelta

from webapp.db import one, write_transaction
from webapp.domain import objections as rules
from webapp.domain.proposals import stamp
from webapp.notifications.changes import notify
from webapp.objections import queries


@dataclass
class Outcome:
    """``code``: 'done', 'repeat' (stored before: the first answer), or why not:
    'closed' (the item takes no objections now), 'contact_limit', 'decided'."""

    code: str
    objection_id: int | None = None

    @property
    def ok(self):
        return self.code in ("done", "repeat")


@dataclass
class NewObjection:
    kind: str  # 'proposal' or 'job'
    item_id: int
    ground: str
    text: str
    user_id: int | None = None
    public_name: str = ""
    contact: str | None = None
    client_id: str | None = None


def _item(db, kind, item_id):
    if kind == "proposal":
        found = queries.proposal(db, item_id)
        allowed = found is not None and rules.may_object_to_proposal(found["status"], found["moderation"])
        return found, allowed
    found = queries.job(db, item_id)
    return found, found is not None and rules.may_object_to_job(found["status"])


def _link(kind, item_id):
    return f"/proposals/{item_id}" if kind == "proposal" else f"/jobs/{item_id}"


def _listeners(db, kind, item, objector_id, actor_id):
    """The objector, the proposal's author and voters, and the municipality."""
    proposal_id = item["id"] if kind == "proposal" else item["proposal_id"]
    author_id, voters = None, []
    if proposal_id is not None:
        origin = queries.proposal(db, proposal_id)
        if origin is not None:
            author_id = origin["author_id"]
            voters = queries.voter_ids(db, proposal_id)
    return rules.who_hears(objector_id, author_id, voters, queries.gemeente_ids(db), actor_id)


def make(db, new, now):
    """Store an objection once: a repeat (same form token, or the same text on
    the same item from the same person) gives the first one's number."""
    column = f"{new.kind}_id"
    with write_transaction(db):
        natural = (column, new.item_id, new.user_id, new.contact, new.text)
        earlier = queries.earlier(db, new.client_id, natural)
        if earlier is not None:
            return Outcome("repeat", earlier["id"])
        item, allowed = _item(db, new.kind, new.item_id)
        if item is None:
            return Outcome("unknown")
        if not allowed:
            return Outcome("closed")
        if new.contact is not None:
            since = stamp(now - timedelta(days=1))
            if rules.over_contact_limit(queries.contact_count_since(db, new.contact, since)):
                return Outcome("contact_limit")
        settings = queries.read_settings(db)
        objection_id = db.conn.execute(
            f"""INSERT INTO objections ({column}, ground, text, user_id, public_name, contact, client_id,
                                        created_at, answer_due)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",  # noqa: S608 - fixed names
            (
                new.item_id,
                new.ground,
                new.text,
                new.user_id,
                new.public_name,
                new.contact,
                new.client_id,
                stamp(now),
                rules.answer_due(now, settings["objection_days"]),
            ),
        ).lastrowid
        heard = _listeners(db, new.kind, item, None, new.user_id)
        notify(db, heard, "objection_new", _link(new.kind, new.item_id))
    return Outcome("done", objection_id)


def decide(db, objection_id, decision, reason, board_id, now):
    """The board's answer: final once given (it becomes precedent)."""
    with write_transaction(db):
        found = one(db, "SELECT * FROM objections WHERE id = ?", (objection_id,))
        if found is None:
            return Outcome("unknown")
        if not rules.may_change_decision(found["decision"]):
            same = found["decision"] == decision and found["decision_reason"] == reason
            return Outcome("repeat" if same else "decided", objection_id)
        db.conn.execute(
            """UPDATE objections SET decision = ?, decision_reason = ?, decided_by = ?, decided_at = ?
               WHERE id = ?""",
            (decision, reason, board_id, stamp(now), objection_id),
        )
        kind = "proposal" if found["proposal_id"] is not None else "job"
        item_id = found["proposal_id"] if kind == "proposal" else found["job_id"]
        item = queries.proposal(db, item_id) if kind == "proposal" else queries.job(db, item_id)
        if item is not None:
            heard = _listeners(db, kind, item, found["user_id"], board_id)
            notify(db, heard, "objection_decided", f"/decisions/objection-{objection_id}")
    return Outcome("done", objection_id)
