"""Checks where the write happens (issue 14, point 5).

Every write that depends on who may do it reads that rule again inside its
own write transaction (BEGIN IMMEDIATE). Each case here lets the page's own
check pass, then changes the facts with a second connection just before the
write transaction starts (the resident moves to another coach, loses their
coach, a goal is removed, a proposal withdrawn, a job closed), and finds
nothing stored and a 404 or 409.
"""

import contextlib
import importlib
import sqlite3
from datetime import timedelta

import pytest
from http_support import (
    DEMO_INTEREST_JOB,
    OTHER_JOB,
    count,
    csrf_token,
    execute,
    scalar,
    sign_in,
    snapshot,
    user_id,
)

from webapp.coaching.queries import today_local
from webapp.db import connect, write_transaction

WATCHED = (
    "interests",
    "messages",
    "appointments",
    "plan_goals",
    "plan_steps",
    "start_codes",
    "verifications",
    "proposal_comments",
    "notifications",
)

STAMP = "2026-01-01T00:00:00Z"
LATER = (today_local() + timedelta(days=3)).isoformat()


def _insert(app, sql, params):
    db = connect(app.config["DATABASE"])
    try:
        return db.execute(sql, params).lastrowid
    finally:
        db.close()


def _facts(app):
    """What every case needs: bewoner (coach's), an open interest, an appointment,
    a goal with a step and an empty goal, and bewoner's home buurt."""
    bewoner = user_id(app, "bewoner")
    coach = user_id(app, "coach")
    execute(
        app,
        "UPDATE interests SET coach_answer = NULL, coach_reason = '' WHERE user_id = ? AND job_id = ?",
        (bewoner, DEMO_INTEREST_JOB),
    )
    interest = scalar(
        app, "SELECT id FROM interests WHERE user_id = ? AND job_id = ?", (bewoner, DEMO_INTEREST_JOB)
    )
    appointment = _insert(
        app,
        """INSERT INTO appointments (resident_id, coach_id, starts_at, minutes, kind, place, note,
               created_at, updated_at) VALUES (?, ?, ?, 45, 'place', 'Wijkcentrum', '', ?, ?)""",
        (bewoner, coach, f"{LATER}T10:00", STAMP, STAMP),
    )
    goal = _insert(
        app,
        "INSERT INTO plan_goals (resident_id, title, written_by, by_coach, created_at) VALUES (?, ?, ?, 1, ?)",
        (bewoner, "Fietsen leren", coach, STAMP),
    )
    empty_goal = _insert(
        app,
        "INSERT INTO plan_goals (resident_id, title, written_by, by_coach, created_at) VALUES (?, ?, ?, 1, ?)",
        (bewoner, "Zwemmen", coach, STAMP),
    )
    step = _insert(
        app,
        "INSERT INTO plan_steps (goal_id, text, written_by, by_coach, created_at) VALUES (?, ?, ?, 1, ?)",
        (goal, "Een fiets lenen", coach, STAMP),
    )
    home = scalar(app, "SELECT home_buurt_id FROM profiles WHERE user_id = ?", (bewoner,))
    return {
        "r": bewoner,
        "interest": interest,
        "appointment": appointment,
        "goal": goal,
        "empty_goal": empty_goal,
        "step": step,
        "home": home,
    }


def _appointment_form():
    return {"day": LATER, "time": "11:30", "minutes": "30", "kind": "place", "place": "Bibliotheek", "note": ""}


# --- what changes between the page's check and the write ----------------------------------


def to_other_coach(app, facts):
    execute(app, "UPDATE users SET coach_id = ? WHERE id = ?", (user_id(app, "coach2"), facts["r"]))


def no_coach(app, facts):
    execute(app, "UPDATE users SET coach_id = NULL WHERE id = ?", (facts["r"],))


def goal_removed(app, facts):
    execute(app, "DELETE FROM plan_goals WHERE id = ?", (facts["goal"],))


def step_removed(app, facts):
    execute(app, "DELETE FROM plan_steps WHERE id = ?", (facts["step"],))


def proposal_withdrawn(app, facts):
    execute(app, "UPDATE proposals SET status = 'withdrawn' WHERE id = 1")


def job_closed(app, facts):
    execute(app, "UPDATE jobs SET status = 'closed' WHERE id = ?", (OTHER_JOB,))


def coach_proof(app, facts):
    execute(
        app,
        """INSERT INTO verifications (user_id, proof, buurt_id, verified_at, verified_by)
           VALUES (?, 'coach', ?, ?, ?)
           ON CONFLICT (user_id) DO UPDATE SET proof = 'coach', buurt_id = excluded.buurt_id""",
        (facts["r"], facts["home"], STAMP, user_id(app, "coach")),
    )


def no_proof(app, facts):
    execute(app, "DELETE FROM verifications WHERE user_id = ?", (facts["r"],))


# (name, who, module whose write_transaction is used, path, form, meddle, status, prepare)
CASES = [
    (
        "coach answers an interest",
        "coach",
        "webapp.coaching.changes",
        "/caseload/{r}/interests/{interest}",
        lambda f: {f"interest{f['interest']}-answer": "talk"},
        to_other_coach,
        404,
        None,
    ),
    (
        "coach sends a message",
        "coach",
        "webapp.coaching.changes",
        "/caseload/{r}/messages",
        lambda f: {"body": "Hallo, hoe gaat het?"},
        to_other_coach,
        409,
        None,
    ),
    (
        "resident sends a message",
        "bewoner",
        "webapp.coaching.changes",
        "/messages",
        lambda f: {"body": "Hallo Sanne"},
        no_coach,
        409,
        None,
    ),
    (
        "coach plans an appointment",
        "coach",
        "webapp.coaching.changes",
        "/caseload/{r}/appointments/new",
        lambda f: _appointment_form(),
        to_other_coach,
        404,
        None,
    ),
    (
        "coach moves an appointment",
        "coach",
        "webapp.coaching.changes",
        "/appointments/{appointment}/move",
        lambda f: _appointment_form(),
        to_other_coach,
        404,
        None,
    ),
    (
        "coach cancels an appointment",
        "coach",
        "webapp.coaching.changes",
        "/appointments/{appointment}/cancel",
        lambda f: {},
        to_other_coach,
        404,
        None,
    ),
    (
        "coach adds a goal",
        "coach",
        "webapp.coaching.changes",
        "/caseload/{r}/plan/goals",
        lambda f: {"goal-title": "Werk vinden"},
        to_other_coach,
        404,
        None,
    ),
    (
        "coach adds a step",
        "coach",
        "webapp.coaching.changes",
        "/plan/goals/{goal}/steps",
        lambda f: {f"step{f['goal']}-text": "Bellen", f"step{f['goal']}-due": ""},
        to_other_coach,
        404,
        None,
    ),
    (
        "coach changes a goal",
        "coach",
        "webapp.coaching.changes",
        "/plan/goals/{goal}/change",
        lambda f: {f"goal{f['goal']}change-title": "Anders"},
        to_other_coach,
        404,
        None,
    ),
    (
        "coach changes a step",
        "coach",
        "webapp.coaching.changes",
        "/plan/steps/{step}/change",
        lambda f: {f"step{f['step']}change-text": "Anders", f"step{f['step']}change-due": ""},
        to_other_coach,
        404,
        None,
    ),
    (
        "coach ticks a step",
        "coach",
        "webapp.coaching.changes",
        "/plan/steps/{step}/done",
        lambda f: {"done": "1"},
        to_other_coach,
        404,
        None,
    ),
    (
        "coach removes a step",
        "coach",
        "webapp.coaching.changes",
        "/plan/steps/{step}/delete",
        lambda f: {},
        to_other_coach,
        404,
        None,
    ),
    (
        "coach removes a goal",
        "coach",
        "webapp.coaching.changes",
        "/plan/goals/{empty_goal}/delete",
        lambda f: {},
        to_other_coach,
        404,
        None,
    ),
    (
        "resident adds a step to a goal removed a moment ago",
        "bewoner",
        "webapp.coaching.changes",
        "/plan/goals/{goal}/steps",
        lambda f: {f"step{f['goal']}-text": "Bellen", f"step{f['goal']}-due": ""},
        goal_removed,
        404,
        None,
    ),
    (
        "resident ticks a step removed a moment ago",
        "bewoner",
        "webapp.coaching.changes",
        "/plan/steps/{step}/done",
        lambda f: {"done": "1"},
        step_removed,
        404,
        None,
    ),
    (
        "coach makes a start code",
        "coach",
        "webapp.auth.changes",
        "/caseload/{r}/start-code",
        lambda f: {},
        to_other_coach,
        404,
        None,
    ),
    (
        "coach confirms the home buurt",
        "coach",
        "webapp.verification.changes",
        "/caseload/{r}/verify",
        lambda f: {"buurt": str(f["home"])},
        to_other_coach,
        404,
        no_proof,
    ),
    (
        "coach takes the confirmation back",
        "coach",
        "webapp.verification.changes",
        "/caseload/{r}/verify/undo",
        lambda f: {},
        to_other_coach,
        404,
        coach_proof,
    ),
    (
        "resident comments on a proposal withdrawn a moment ago",
        "bewoner",
        "webapp.proposals.changes",
        "/proposals/1/comments",
        lambda f: {"kind": "question", "body": "Wanneer begint het?", "form_token": "c" * 32},
        proposal_withdrawn,
        409,
        None,
    ),
    (
        "resident shows interest in a job closed a moment ago",
        "bewoner",
        "webapp.jobs.changes",
        f"/jobs/{OTHER_JOB}/interest",
        lambda f: {"message": ""},
        job_closed,
        409,
        None,
    ),
]


@contextlib.contextmanager
def facts_change_before_the_write(monkeypatch, module_name, change):
    """The first write transaction in ``module_name`` starts only after ``change()``
    ran on another connection; ``seen`` holds the tables as they were right then."""
    module = importlib.import_module(module_name)
    real = module.write_transaction
    seen = {}

    @contextlib.contextmanager
    def hooked(db):
        if not seen:
            seen.update(change())
        with real(db) as inside:
            yield inside

    monkeypatch.setattr(module, "write_transaction", hooked)
    yield seen
    monkeypatch.setattr(module, "write_transaction", real)


def test_the_write_transaction_takes_the_write_lock_first(app):
    """BEGIN IMMEDIATE: a second writer waits, so a check inside cannot go stale."""
    first, second = connect(app.config["DATABASE"]), connect(app.config["DATABASE"])
    second.conn.execute("PRAGMA busy_timeout = 0")
    try:
        with write_transaction(first), pytest.raises(sqlite3.OperationalError, match="locked"):
            second.conn.execute("BEGIN IMMEDIATE")
    finally:
        first.close()
        second.close()


@pytest.mark.parametrize(
    ("who", "module", "path", "form", "change", "status", "prepare"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_a_change_between_check_and_write_stores_nothing(
    app, client, monkeypatch, who, module, path, form, change, status, prepare
):
    facts = _facts(app)
    if prepare:
        prepare(app, facts)
    sign_in(client, who)
    token = csrf_token(client)

    def meddle():
        change(app, facts)
        return snapshot(app, *WATCHED)

    with facts_change_before_the_write(monkeypatch, module, meddle) as seen:
        response = client.post(path.format(**facts), data={**form(facts), "csrf_token": token})
    assert seen, "the write transaction was never reached"
    assert response.status_code == status
    assert snapshot(app, *WATCHED) == seen


def test_a_thread_is_not_marked_read_by_a_coach_reassigned_a_moment_ago(app, client, monkeypatch):
    facts = _facts(app)
    execute(
        app,
        "INSERT INTO messages (resident_id, sender_id, from_coach, body, created_at) VALUES (?, ?, 0, ?, ?)",
        (facts["r"], facts["r"], "Ben je er?", STAMP),
    )
    sign_in(client, "coach")
    with facts_change_before_the_write(
        monkeypatch, "webapp.coaching.changes", lambda: to_other_coach(app, facts) or {"moved": True}
    ):
        client.get(f"/caseload/{facts['r']}/messages")
    assert count(app, "messages", "resident_id = ? AND read_at IS NULL", (facts["r"],)) >= 1


def test_an_answer_to_an_appointment_tells_the_coach_of_today(app, client, monkeypatch):
    facts = _facts(app)
    sign_in(client, "bewoner")
    token = csrf_token(client)
    with facts_change_before_the_write(
        monkeypatch, "webapp.coaching.changes", lambda: to_other_coach(app, facts) or {"moved": True}
    ):
        response = client.post(f"/appointments/{facts['appointment']}/accept", data={"csrf_token": token})
    assert response.status_code == 303
    answers = "user_id = ? AND kind = 'appointment_answer'"
    assert count(app, "notifications", answers, (user_id(app, "coach2"),)) == 1
    assert count(app, "notifications", answers, (user_id(app, "coach"),)) == 0
