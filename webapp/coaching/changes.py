"""Changing coach contact: messages, appointments, the plan, interest answers,
new participants and the access log.

Writes that a person is told about ("sent", "planned", "saved") happen in one
``write_transaction`` before the answer goes out, so an acknowledged message,
step or appointment is never lost; a repeated form (same ``client_id``)
finds the first row instead of writing a second. Each function takes the
database first and returns what the page needs to say next.
"""

import re
import sqlite3
import unicodedata
from datetime import timedelta

from webapp.auth.changes import create_user
from webapp.coaching import queries
from webapp.db import now_iso, one, rows, write_transaction
from webapp.domain import availability as availability_rules
from webapp.domain import coaching as rules
from webapp.notifications.changes import notify


class NotYours(Exception):
    """The row is gone, or no longer the writer's to change (a reassignment a
    moment ago counts): the page answers as if it did not exist."""


# --- messages ----------------------------------------------------------------------


def mark_read(db, resident_id, viewer, viewer_is_coach):
    """The viewer has the thread in front of them: the other side's messages are read.

    Only writes when there is something unread, so an idle poll stays a read.
    A viewer who lost the thread a moment ago (a coach reassigned away) marks
    nothing: the rule is read again inside the write.
    """
    if not queries.unread_for(db, resident_id, viewer_is_coach):
        return 0
    stamp = now_iso()
    with write_transaction(db):
        if not _allowed(db, rules.may_read_thread, viewer, resident_id):
            return 0
        changed = db.execute(
            """UPDATE messages SET read_at = ?
               WHERE resident_id = ? AND from_coach = ? AND read_at IS NULL""",
            (stamp, resident_id, int(not viewer_is_coach)),
        ).rowcount
        _read_notifications(db, viewer.id, resident_id, viewer_is_coach, stamp)
    return changed


def _read_notifications(db, viewer_id, resident_id, viewer_is_coach, stamp):
    if viewer_is_coach:
        db.execute(
            """UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL
               AND kind = 'participant_message' AND link = ?""",
            (stamp, viewer_id, queries.participant_link(resident_id)),
        )
    else:
        db.execute(
            """UPDATE notifications SET read_at = ?
               WHERE user_id = ? AND read_at IS NULL AND kind = 'message'""",
            (stamp, viewer_id),
        )


class ThreadClosed(Exception):
    """The sender may no longer write in this thread (e.g. a new coach took over)."""


class ClientIdTaken(Exception):
    """The client id was used by this sender for something else."""


def post_message(db, resident_id, sender_id, sender_is_coach, body, client_key):
    """Store a message once; returns (message row, created).

    Check, write and notification share one write transaction: the coach of
    record is read again inside it, so a reassignment a moment earlier
    cannot let the old coach slip a message in.
    """
    with write_transaction(db):
        if client_key:
            earlier = one(
                db, "SELECT * FROM messages WHERE sender_id = ? AND client_id = ?", (sender_id, client_key)
            )
            if earlier is not None:
                if earlier["resident_id"] != resident_id:
                    raise ClientIdTaken()
                return earlier, False
        resident = one(db, "SELECT id, role, coach_id FROM users WHERE id = ?", (resident_id,))
        if resident is None or resident["role"] != "resident" or resident["coach_id"] is None:
            raise ThreadClosed()
        if sender_is_coach and resident["coach_id"] != sender_id:
            raise ThreadClosed()
        if not sender_is_coach and resident_id != sender_id:
            raise ThreadClosed()
        message_id = db.execute(
            """INSERT INTO messages (resident_id, sender_id, from_coach, body, client_id,
                                     created_at) VALUES (?, ?, ?, ?, ?, ?)""",
            (resident_id, sender_id, int(sender_is_coach), body, client_key, now_iso()),
        ).lastrowid
        if sender_is_coach:
            _notify_once(db, resident_id, "message", "/messages")
        else:
            _notify_once(db, resident["coach_id"], "participant_message", queries.participant_link(resident_id))
        return one(db, "SELECT * FROM messages WHERE id = ?", (message_id,)), True


def _notify_once(db, user_id, kind, link):
    """One unread notification per thread is enough: no pile of buzzes."""
    waiting = one(
        db,
        """SELECT 1 FROM notifications
           WHERE user_id = ? AND kind = ? AND link = ? AND read_at IS NULL LIMIT 1""",
        (user_id, kind, link),
    )
    if waiting is None:
        notify(db, [user_id], kind, link)


# --- the access log ---------------------------------------------------------------


def log_access(db, coach, resident_id, what):
    db.execute(
        """INSERT INTO access_log (resident_id, coach_id, coach_name, what, at)
           VALUES (?, ?, ?, ?, ?)""",
        (resident_id, coach.id, coach.name, what, now_iso()),
    )


# --- job interests -------------------------------------------------------------------


def answer_interest(db, coach, interest_id, resident_id, answer, reason):
    """The coach's answer to a job interest; the resident hears it once per change.

    The coach of record is read again inside the write: a coach reassigned
    away a moment ago (after the page's check) gets ``NotYours``, and nothing
    is stored. So does an interest that is gone or not this resident's.
    """
    with write_transaction(db):
        _still_allowed(db, coach, resident_id, rules.may_answer_interest)
        if one(db, "SELECT 1 FROM interests WHERE id = ? AND user_id = ?", (interest_id, resident_id)) is None:
            raise NotYours()
        changed = db.execute(
            """UPDATE interests SET coach_answer = ?, coach_reason = ?, answered_by = ?,
                   answered_at = ?
               WHERE id = ? AND user_id = ? AND NOT (coach_answer IS ? AND coach_reason = ?)""",
            (answer, reason, coach.id, now_iso(), interest_id, resident_id, answer, reason),
        ).rowcount
        if changed:
            notify(db, [resident_id], "interest_answer", "/interests")
    return changed


# --- the coach's own details ---------------------------------------------------------


def save_coach_details(db, coach_id, phone, availability):
    """The coach's phone and availability (``days``, ``start``, ``end``, ``note``,
    ``note_lang``, already checked), in one statement: all or nothing."""
    with write_transaction(db):
        _upsert_coach_details(db, coach_id, phone, availability)


def _upsert_coach_details(db, coach_id, phone, availability):
    db.execute(
        """INSERT INTO coach_details (user_id, phone, available_days, available_from, available_to,
                                      available_note, available_note_lang, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (user_id) DO UPDATE SET phone = excluded.phone,
               available_days = excluded.available_days, available_from = excluded.available_from,
               available_to = excluded.available_to, available_note = excluded.available_note,
               available_note_lang = excluded.available_note_lang, updated_at = excluded.updated_at""",
        (
            coach_id,
            phone,
            availability_rules.days_text(availability["days"]),
            availability_rules.clock_text(availability["start"]),
            availability_rules.clock_text(availability["end"]),
            availability["note"],
            availability["note_lang"],
            now_iso(),
        ),
    )


# --- appointments ----------------------------------------------------------------------


def _appointment_for(db, writer, appointment_id, rule):
    """The appointment and its resident as they are now, inside the caller's
    write transaction; ``NotYours`` when ``rule`` no longer lets ``writer`` at it."""
    appointment = one(db, "SELECT id, resident_id FROM appointments WHERE id = ?", (appointment_id,))
    if appointment is None:
        raise NotYours()
    resident = _still_allowed(db, writer, appointment["resident_id"], rule)
    return appointment, resident


def _tell_the_coach(db, resident):
    """The coach of today hears the answer, also when another coach planned it."""
    if resident["coach_id"]:
        notify(
            db,
            [resident["coach_id"]],
            "appointment_answer",
            f"{queries.participant_link(resident['id'])}#appointments",
        )


def accept_appointment(db, writer, appointment_id):
    with write_transaction(db):
        _appointment, resident = _appointment_for(db, writer, appointment_id, rules.may_answer_appointment)
        changed = db.execute(
            """UPDATE appointments SET status = 'accepted', reason = '', updated_at = ?
               WHERE id = ? AND status != 'accepted' AND status != 'cancelled'""",
            (now_iso(), appointment_id),
        ).rowcount
        if changed:
            _tell_the_coach(db, resident)
    return changed


def ask_another_time(db, writer, appointment_id, reason):
    with write_transaction(db):
        _appointment, resident = _appointment_for(db, writer, appointment_id, rules.may_answer_appointment)
        changed = db.execute(
            """UPDATE appointments SET status = 'other_time', reason = ?, updated_at = ?
               WHERE id = ? AND status != 'cancelled'
               AND NOT (status = 'other_time' AND reason = ?)""",
            (reason, now_iso(), appointment_id, reason),
        ).rowcount
        if changed:
            _tell_the_coach(db, resident)
    return changed


def read_appointment_notifications(db, user_id):
    db.execute(
        """UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL
           AND kind IN ('appointment', 'appointment_reminder')""",
        (now_iso(), user_id),
    )


def plan_appointment(db, coach_id, resident_id, values, key):
    """Plan once per client id (a retry gets the first one's id); the resident hears it.

    ``values``: starts_at, minutes, kind, place, note. Raises ``NotYours`` when
    the participant moved to another coach a moment ago.
    """
    with write_transaction(db):
        if key:
            earlier = one(db, "SELECT id FROM appointments WHERE coach_id = ? AND client_id = ?", (coach_id, key))
            if earlier is not None:
                return earlier["id"]
        _still_allowed(db, rules.Person(coach_id, "coach"), resident_id, rules.may_plan_appointment)
        stamp = now_iso()
        appointment_id = db.execute(
            """INSERT INTO appointments (resident_id, coach_id, starts_at, minutes, kind, place,
                   note, client_id, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                resident_id,
                coach_id,
                values["starts_at"],
                values["minutes"],
                values["kind"],
                values["place"],
                values["note"],
                key,
                stamp,
                stamp,
            ),
        ).lastrowid
        notify(db, [resident_id], "appointment", "/appointments")
    return appointment_id


def move_appointment(db, coach, appointment_id, values):
    """A new time or place: planned again, to be answered again and reminded again.

    Raises ``NotYours`` when the participant moved to another coach a moment ago."""
    with write_transaction(db):
        appointment, _resident = _appointment_for(db, coach, appointment_id, rules.may_plan_appointment)
        changed = db.execute(
            """UPDATE appointments SET starts_at = ?, minutes = ?, kind = ?, place = ?,
                   note = ?, status = 'planned', reason = '', reminded_at = NULL,
                   updated_at = ?
               WHERE id = ? AND status != 'cancelled'
               AND NOT (starts_at = ? AND minutes = ? AND kind = ? AND place = ?
                        AND note = ?)""",
            (*values.values(), now_iso(), appointment_id, *values.values()),
        ).rowcount
        if changed:
            notify(db, [appointment["resident_id"]], "appointment", "/appointments")
    return changed


def cancel_appointment(db, coach, appointment_id):
    with write_transaction(db):
        appointment, _resident = _appointment_for(db, coach, appointment_id, rules.may_plan_appointment)
        changed = db.execute(
            """UPDATE appointments SET status = 'cancelled', updated_at = ?
               WHERE id = ? AND status != 'cancelled'""",
            (now_iso(), appointment_id),
        ).rowcount
        if changed:
            notify(db, [appointment["resident_id"]], "appointment", "/appointments")
    return changed


def send_reminders(db, today):
    """Notify each resident with an appointment tomorrow; never twice for one.

    Marking and notifying share one write transaction, and only rows still
    unmarked are marked: two runs at the same moment remind once.
    """
    tomorrow = today + timedelta(days=1)
    with write_transaction(db):
        due = [
            row
            for row in rows(
                db,
                """SELECT id, resident_id, starts_at, status, reminded_at FROM appointments
                   WHERE reminded_at IS NULL AND starts_at >= ? AND starts_at < ?""",
                (tomorrow.isoformat(), (tomorrow + timedelta(days=1)).isoformat()),
            )
            if rules.reminder_due(row["starts_at"], row["status"], row["reminded_at"], today)
        ]
        stamp = now_iso()
        for row in due:
            db.execute("UPDATE appointments SET reminded_at = ? WHERE id = ?", (stamp, row["id"]))
            notify(db, [row["resident_id"]], "appointment_reminder", "/appointments")
    return len(due)


# --- the plan ----------------------------------------------------------------------------
# ``writer`` is the ``rules.Person`` writing. Each change reads the resident
# again inside its transaction, so a reassignment counts at once.


def _allowed(db, rule, writer, resident_id):
    """The resident's row as it is now if ``rule(writer, resident)`` holds, else None.

    Called inside a write transaction (BEGIN IMMEDIATE holds the write lock),
    so no reassignment can slip in between this read and the write after it.
    """
    row = one(db, "SELECT id, role, coach_id FROM users WHERE id = ?", (resident_id,))
    if row is None or not rule(rules.person(writer), rules.person(row)):
        return None
    return row


def _still_allowed(db, writer, resident_id, rule=rules.may_write_plan):
    """The resident's row, or ``NotYours`` (the page answers 404)."""
    row = _allowed(db, rule, writer, resident_id)
    if row is None:
        raise NotYours()
    return row


def _plan_row_of(db, table, row_id, resident_id):
    """A goal or step of this resident's plan, read inside the write; ``NotYours`` if gone."""
    if table == "plan_goals":
        sql = "SELECT * FROM plan_goals WHERE id = ? AND resident_id = ?"
    else:
        sql = """SELECT plan_steps.* FROM plan_steps JOIN plan_goals ON plan_goals.id = plan_steps.goal_id
                 WHERE plan_steps.id = ? AND plan_goals.resident_id = ?"""
    row = one(db, sql, (row_id, resident_id))
    if row is None:
        raise NotYours()
    return row


def _write_once(db, writer, table, resident_id, key, row):
    """Add a goal or step once per client id: a double tap or a retry gets the first one's id.

    A step's goal must still be this resident's (it may have gone a moment ago)."""
    with write_transaction(db):
        earlier = key and one(
            db,
            f"SELECT id FROM {table} WHERE written_by = ? AND client_id = ?",  # noqa: S608
            (writer.id, key),
        )
        if earlier:
            return earlier["id"]
        _still_allowed(db, writer, resident_id)
        if "goal_id" in row:
            _plan_row_of(db, "plan_goals", row["goal_id"], resident_id)
        row = {
            **row,
            "written_by": writer.id,
            "by_coach": int(writer.role == "coach"),
            "client_id": key,
            "created_at": now_iso(),
        }
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        return db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values())).lastrowid  # noqa: S608


def add_goal(db, writer, resident_id, title, key):
    """The new goal's id."""
    return _write_once(db, writer, "plan_goals", resident_id, key, {"resident_id": resident_id, "title": title})


def add_step(db, writer, resident_id, goal_id, text, due_date, key):
    """The new step's id."""
    return _write_once(
        db, writer, "plan_steps", resident_id, key, {"goal_id": goal_id, "text": text, "due_date": due_date}
    )


def remove_goal(db, writer, goal_id, resident_id):
    """True when the goal went; False when it still has steps."""
    with write_transaction(db):
        _still_allowed(db, writer, resident_id)
        _plan_row_of(db, "plan_goals", goal_id, resident_id)
        # A goal goes only when its steps are gone: one tap never wipes out
        # what two people wrote together.
        removed = db.execute(
            """DELETE FROM plan_goals WHERE id = ?
               AND NOT EXISTS (SELECT 1 FROM plan_steps WHERE goal_id = ?)""",
            (goal_id, goal_id),
        ).rowcount
    return bool(removed)


def _change(db, writer, table, row_id, resident_id, values):
    """Reword a goal or step; the same change sent twice is one change."""
    with write_transaction(db):
        _still_allowed(db, writer, resident_id)
        current = _plan_row_of(db, table, row_id, resident_id)
        if all(current[name] == value for name, value in values.items()):
            return
        values = {**values, "changed_at": now_iso(), "changed_by_coach": int(writer.role == "coach")}
        assignments = ", ".join(f"{name} = ?" for name in values)
        db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", (*values.values(), row_id))  # noqa: S608


def change_goal(db, writer, goal_id, resident_id, title):
    _change(db, writer, "plan_goals", goal_id, resident_id, {"title": title})


def change_step(db, writer, step_id, resident_id, text, due_date):
    _change(db, writer, "plan_steps", step_id, resident_id, {"text": text, "due_date": due_date})


def tick_step(db, writer, step_id, resident_id, done):
    """Done (True) or open again (False): the same answer twice is one change."""
    with write_transaction(db):
        _still_allowed(db, writer, resident_id)
        _plan_row_of(db, "plan_steps", step_id, resident_id)
        if done:
            db.execute(
                """UPDATE plan_steps SET done_at = ?, done_by_coach = ?
                   WHERE id = ? AND done_at IS NULL""",
                (now_iso(), int(writer.role == "coach"), step_id),
            )
        else:
            db.execute("UPDATE plan_steps SET done_at = NULL, done_by_coach = NULL WHERE id = ?", (step_id,))


def remove_step(db, writer, step_id, resident_id):
    with write_transaction(db):
        _still_allowed(db, writer, resident_id)
        _plan_row_of(db, "plan_steps", step_id, resident_id)
        db.execute("DELETE FROM plan_steps WHERE id = ?", (step_id,))


# --- new participants --------------------------------------------------------------------


class UsernameTaken(Exception):
    pass


def username_from(name, taken):
    """'Anna de Vries' -> 'anna.de.vries' (or 'anna.de.vries2' when taken)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", plain.lower())
    base = ".".join(words)[:30].strip(".") or "deelnemer"
    if len(base) < 3:
        base = f"deelnemer.{base}"
    candidate, number = base, 1
    while taken(candidate):
        number += 1
        candidate = f"{base}{number}"
    return candidate


def create_participant(db, coach_id, name, wanted, key):
    """The account for this form, made once: (user id, made now). A repeat finds the
    first (and gets a new code); a wanted username in use raises ``UsernameTaken``."""
    with write_transaction(db):
        earlier = key and one(
            db, "SELECT user_id FROM new_accounts WHERE client_id = ? AND coach_id = ?", (key, coach_id)
        )
        if earlier:
            return earlier["user_id"], False

        def taken(candidate):
            return one(db, "SELECT 1 FROM users WHERE username = ?", (candidate,)) is not None

        if wanted and taken(wanted):
            raise UsernameTaken()
        username = wanted or username_from(name, taken)
        try:
            user_id = create_user(db, username=username, role="resident", display_name=name, coach_id=coach_id)
        except sqlite3.IntegrityError:
            raise UsernameTaken() from None
        stamp = now_iso()
        if key:
            db.execute(
                "INSERT INTO new_accounts (client_id, coach_id, user_id, created_at) VALUES (?, ?, ?, ?)",
                (key, coach_id, user_id, stamp),
            )
        db.execute(
            """INSERT INTO coach_changes (resident_id, old_coach_id, new_coach_id, changed_by, at)
               VALUES (?, NULL, ?, ?, ?)""",
            (user_id, coach_id, coach_id, stamp),
        )
    return user_id, True
