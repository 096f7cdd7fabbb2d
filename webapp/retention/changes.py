"""Writes for retention: anonymise a resident (each in one transaction), warn
them 30 days before, and "I am still here"."""

from dataclasses import dataclass, field
from datetime import UTC

from webapp.db import one, write_transaction
from webapp.domain import objections as objection_rules
from webapp.domain import retention as rules
from webapp.notifications.changes import notify
from webapp.retention import queries


def stamp(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# What anonymising removes. A vote on an open proposal is withdrawn; any other
# vote stays, without its voter, so a closed vote's result never changes.
# Proposals and comments they published stay (others voted on them and
# answered them), with no author: they never showed a resident's name.
_REMOVE = """
DELETE FROM votes WHERE user_id = :id
    AND proposal_id IN (SELECT id FROM proposals WHERE status = 'open');
UPDATE votes SET user_id = NULL WHERE user_id = :id;
DELETE FROM messages WHERE resident_id = :id;
UPDATE messages SET sender_id = NULL WHERE sender_id = :id;
DELETE FROM plan_goals WHERE resident_id = :id;
UPDATE plan_goals SET written_by = NULL WHERE written_by = :id;
UPDATE plan_steps SET written_by = NULL WHERE written_by = :id;
DELETE FROM appointments WHERE resident_id = :id;
DELETE FROM interests WHERE user_id = :id;
DELETE FROM profiles WHERE user_id = :id;
DELETE FROM verifications WHERE user_id = :id;
DELETE FROM oidc_links WHERE user_id = :id;
UPDATE voting_codes SET used_by = NULL WHERE used_by = :id;
DELETE FROM push_subscriptions WHERE user_id = :id;
DELETE FROM sessions WHERE user_id = :id;
DELETE FROM last_active WHERE user_id = :id;
DELETE FROM start_codes WHERE user_id = :id;
DELETE FROM notifications WHERE user_id = :id;
DELETE FROM client_ids WHERE user_id = :id;
DELETE FROM checkins WHERE user_id = :id;
DELETE FROM checkin_consent WHERE user_id = :id;
DELETE FROM access_log WHERE resident_id = :id;
DELETE FROM coach_changes WHERE resident_id = :id;
DELETE FROM new_accounts WHERE user_id = :id;
DELETE FROM reports WHERE reporter_id = :id;
DELETE FROM proposals WHERE author_id = :id AND status = 'draft';
UPDATE proposals SET author_id = NULL, form_token = NULL WHERE author_id = :id;
UPDATE proposal_comments SET author_id = NULL, form_token = NULL WHERE author_id = :id;
UPDATE proposal_events SET actor_id = NULL WHERE actor_id = :id;
UPDATE objections SET user_id = NULL, public_name = '', contact = NULL, client_id = NULL WHERE user_id = :id
"""

_FORGET_ACCOUNT = """
UPDATE users SET username = :username, email = NULL, display_name = '', password_hash = NULL,
       signup_key = NULL, lang = NULL, plain = NULL, auth_version = auth_version + 1,
       retention_warned_at = NULL, retention_removal_on = NULL,
       anonymised_at = :now
WHERE id = :id
"""


def _remove_personal_data(db, user_id):
    for statement in _REMOVE.split(";"):
        db.execute(statement, {"id": user_id})


def anonymise(db, user_id, now):
    """Make this account a former participant (inside the caller's transaction)."""
    _remove_personal_data(db, user_id)
    db.execute(_FORGET_ACCOUNT, {"id": user_id, "username": rules.former_username(user_id), "now": stamp(now)})


def delete_account(db, user_id):
    """A resident deletes their own account: the same rule for what stays
    (anonymous votes on closed proposals, their published texts without a
    name), then the account itself goes."""
    with write_transaction(db):
        _remove_personal_data(db, user_id)
        db.execute("DELETE FROM users WHERE id = ?", (user_id,))


def still_here(db, user_id, now):
    """The resident says they still use Basisbaan: it counts as activity and the
    warning goes. A repeat changes nothing but the time."""
    with write_transaction(db):
        db.execute(
            """INSERT INTO last_active (user_id, at) VALUES (?, ?)
               ON CONFLICT (user_id) DO UPDATE SET at = excluded.at""",
            (user_id, stamp(now)),
        )
        db.execute(
            "UPDATE users SET retention_warned_at = NULL, retention_removal_on = NULL WHERE id = ?", (user_id,)
        )


@dataclass
class Report:
    residents: int = 0
    objection_contacts: int = 0
    warned: int = 0
    warnings_withdrawn: int = 0
    counts: dict = field(default_factory=dict)

    def add(self, changes):
        for key, value in changes.items():
            self.counts[key] = self.counts.get(key, 0) + value

    def line(self):
        parts = [f"residents anonymised {self.residents}"]
        parts += [f"{key.replace('_', ' ')} {value}" for key, value in self.counts.items()]
        parts += [f"warned {self.warned}", f"warnings withdrawn {self.warnings_withdrawn}"]
        parts += [f"objection contacts erased {self.objection_contacts}"]
        return ", ".join(parts)


KINDS = (
    "messages",
    "votes_kept",
    "votes_withdrawn",
    "plan_goals",
    "appointments",
    "interests",
    "profiles",
    "proposals",
    "comments",
)


def run(db, now, now_local, months, dry_run=False):
    """One daily run: anonymise who is due, warn who will be due within 30 days,
    take back warnings that activity has answered. Returns a ``Report``."""
    report = Report(counts=dict.fromkeys(KINDS, 0))
    for user_id, resident in queries.resident_facts(db, now, now_local).items():
        if rules.is_due(resident, now, months):
            if dry_run:
                report.residents += 1
                report.add(queries.what_changes(db, user_id))
                continue
            with write_transaction(db):
                # Read again under the write lock: a log-in a moment ago keeps the account.
                again = queries.resident_facts(db, now, now_local, only=user_id).get(user_id)
                if again is None or not rules.is_due(again, now, months):
                    continue
                report.add(queries.what_changes(db, user_id))
                anonymise(db, user_id, now)
            report.residents += 1
        elif rules.needs_warning(resident, now, months):
            report.warned += 1
            if not dry_run:
                warn(db, user_id, rules.removal_date(resident, now, months), now)
        elif rules.warning_is_stale(resident):
            report.warnings_withdrawn += 1
            if not dry_run:
                with write_transaction(db):
                    db.execute(
                        "UPDATE users SET retention_warned_at = NULL, retention_removal_on = NULL WHERE id = ?",
                        (user_id,),
                    )
    report.objection_contacts = erase_old_objection_contacts(db, now, dry_run)
    return report


def warn(db, user_id, removal_on, now):
    """Warn the resident (in the app, and by push through the notification) and their coach."""
    with write_transaction(db):
        db.execute(
            "UPDATE users SET retention_warned_at = ?, retention_removal_on = ? WHERE id = ?",
            (stamp(now), removal_on.isoformat(), user_id),
        )
        notify(db, [user_id], "retention_warning", "/")


def erase_old_objection_contacts(db, now, dry_run=False):
    """The contact details of objections decided ``CONTACT_KEPT_DAYS`` ago or
    longer (webapp/domain/objections.py): how many; erased unless ``dry_run``."""
    before = stamp(objection_rules.contact_erased_before(now))
    kept = "contact IS NOT NULL AND decided_at < ?"
    count = one(db, f"SELECT COUNT(*) FROM objections WHERE {kept}", (before,))[0]  # noqa: S608 - fixed SQL
    if count and not dry_run:
        with write_transaction(db):
            db.execute(f"UPDATE objections SET contact = NULL WHERE {kept}", (before,))  # noqa: S608 - fixed SQL
    return count
