# ruff: noqa: E501 - the rows of the story read best one to a line
"""`flask --app webapp retention [--dry-run]` on the demo data, with a fixed ``--now``.

One resident, "oldtimer", made in 2028 and last seen in March 2028: with 26
months they are inactive from May 2030. The demo's own people were made today
and stay active (``NOW`` is before their period ends).
"""

import logging
from datetime import UTC, datetime

import pytest
from http_support import (
    count,
    csrf_token,
    execute,
    log_in,
    page,
    post_form,
    query,
    scalar,
    sign_in,
    snapshot,
    t,
    user_id,
)
from proposal_support import CLOSED, OPEN_DE_HOVEN, WITH_GEMEENTE

from webapp.auth.users import hash_password

WARN_AT = "2030-04-10T08:00"  # 22 days before the period ends: the warning
NAMED = "2030-05-10"  # never sooner than 30 days after the warning
REMOVE_AT = "2030-05-11T08:00"
PASSWORD = "oud-wachtwoord-1"  # noqa: S105 - a test's own


@pytest.fixture
def old(app):
    """The id of a resident of the coach, inactive since March 2028, with a bit of everything."""
    coach = user_id(app, "coach")
    execute(
        app,
        """INSERT INTO users (username, email, display_name, password_hash, role, coach_id, created_at)
           VALUES ('oldtimer', 'old@example.org', 'Olga Oldenburg', ?, 'resident', ?, '2028-01-05T10:00:00Z')""",
        (hash_password(PASSWORD), coach),
    )
    me = user_id(app, "oldtimer")
    for sql, params in [
        (
            "INSERT INTO profiles (user_id, home_buurt_id, skills, updated_at) VALUES (?, 1, 'cooking', '2028-01-06T10:00:00Z')",
            (me,),
        ),
        (
            "INSERT INTO messages (resident_id, sender_id, from_coach, body, created_at) VALUES (?, ?, 0, 'Hallo coach', '2028-03-01T10:00:00Z')",
            (me, me),
        ),
        (
            "INSERT INTO messages (resident_id, sender_id, from_coach, body, created_at) VALUES (?, ?, 1, 'Hallo Olga', '2028-03-01T11:00:00Z')",
            (me, coach),
        ),
        (
            "INSERT INTO plan_goals (resident_id, title, written_by, by_coach, created_at) VALUES (?, 'Fietsen leren', ?, 0, '2028-01-07T10:00:00Z')",
            (me, me),
        ),
        (
            "INSERT INTO votes (proposal_id, user_id, created_at) VALUES (?, ?, '2028-03-02T10:00:00Z')",
            (OPEN_DE_HOVEN, me),
        ),
        (
            "INSERT INTO votes (proposal_id, user_id, created_at) VALUES (?, ?, '2028-03-02T10:00:00Z')",
            (CLOSED, me),
        ),
        (
            "INSERT INTO votes (proposal_id, user_id, created_at) VALUES (?, ?, '2028-03-02T10:00:00Z')",
            (WITH_GEMEENTE, me),
        ),
        ("INSERT INTO last_active (user_id, at) VALUES (?, '2028-02-01T10:00:00Z')", (me,)),
    ]:
        execute(app, sql, params)
    # The demo's people were made today: in this story they used the app lately.
    execute(
        app,
        """INSERT INTO last_active (user_id, at) SELECT id, '2030-04-01T10:00:00Z' FROM users WHERE id != ?
           ON CONFLICT (user_id) DO UPDATE SET at = excluded.at""",
        (me,),
    )
    return me


def run(app, now, *extra):
    result = app.test_cli_runner().invoke(args=["retention", "--now", now, *extra])
    assert result.exit_code == 0, result.output
    return result.output


def votes_of(app, proposal_id):
    return scalar(app, "SELECT vote_count FROM proposals WHERE id = ?", (proposal_id,))


def account(app, me):
    return query(app, "SELECT * FROM users WHERE id = ?", (me,))[0]


def test_the_warning_comes_first_and_names_a_date(app, old):
    output = run(app, WARN_AT)
    assert "warned 1" in output
    row = account(app, old)
    assert row["retention_removal_on"] == NAMED and row["retention_warned_at"].startswith("2030-04-10")
    assert count(app, "notifications", "user_id = ? AND kind = 'retention_warning'", (old,)) == 1
    assert row["anonymised_at"] is None
    run(app, WARN_AT)  # a second daily run warns no twice
    assert count(app, "notifications", "user_id = ? AND kind = 'retention_warning'", (old,)) == 1


def test_nobody_is_removed_without_a_warning(app, old):
    run(app, REMOVE_AT)  # first run long after: a warning, not a removal
    assert account(app, old)["anonymised_at"] is None
    assert account(app, old)["retention_removal_on"] == "2030-06-10"


def test_the_dry_run_changes_nothing_and_counts_right(app, old):
    run(app, WARN_AT)
    tables = ("users", "votes", "messages", "plan_goals", "profiles", "proposals", "notifications")
    before = snapshot(app, *tables)
    output = run(app, REMOVE_AT, "--dry-run")
    assert snapshot(app, *tables) == before
    assert "nothing changed" in output
    for words in (
        "residents anonymised 1",
        "messages 2",
        "votes kept 2",
        "votes withdrawn 1",
        "plan goals 1",
        "profiles 1",
    ):
        assert words in output


def test_the_real_run_anonymises_and_logs_one_line(app, old, caplog):
    run(app, WARN_AT)
    closed, gemeente, open_ = votes_of(app, CLOSED), votes_of(app, WITH_GEMEENTE), votes_of(app, OPEN_DE_HOVEN)
    caplog.clear()
    with caplog.at_level(logging.INFO):
        output = run(app, REMOVE_AT)
    assert "residents anonymised 1" in output
    lines = [record.getMessage() for record in caplog.records if record.getMessage().startswith("Retention")]
    assert len(lines) == 1 and "votes withdrawn 1" in lines[0]
    row = account(app, old)
    assert row["username"] == f"former-{old}" and row["display_name"] == "" and row["email"] is None
    assert row["password_hash"] is None and row["anonymised_at"].startswith("2030-05-11")
    for table, where in [
        ("messages", "resident_id = ?"),
        ("plan_goals", "resident_id = ?"),
        ("profiles", "user_id = ?"),
        ("votes", "user_id = ?"),
        ("sessions", "user_id = ?"),
        ("notifications", "user_id = ?"),
    ]:
        assert count(app, table, where, (old,)) == 0, table
    # Closed results never change; a vote on an open proposal is withdrawn.
    assert (votes_of(app, CLOSED), votes_of(app, WITH_GEMEENTE)) == (closed, gemeente)
    assert count(app, "votes", "proposal_id = ?", (CLOSED,)) == closed
    assert votes_of(app, OPEN_DE_HOVEN) == open_ - 1
    run(app, REMOVE_AT)  # the next day's run leaves the former account alone
    assert account(app, old)["username"] == f"former-{old}"


def test_a_former_participant_cannot_log_in(app, old, client):
    assert log_in(client, "oldtimer", PASSWORD).status_code == 303  # the password works before
    client.post("/logout", data={"csrf_token": csrf_token(client, "/settings")})
    execute(app, "UPDATE last_active SET at = '2028-02-01T10:00:00Z' WHERE user_id = ?", (old,))
    execute(app, "DELETE FROM sessions WHERE user_id = ?", (old,))
    run(app, WARN_AT)
    run(app, REMOVE_AT)
    for name in ("oldtimer", f"former-{old}", "old@example.org"):
        response = log_in(app.test_client(), name, PASSWORD)
        assert response.status_code != 303, name


@pytest.mark.parametrize(("lang", "plain"), [("en", False), ("nl", False)])
def test_the_coach_and_the_municipality_see_a_former_participant(app, old, lang, plain):
    run(app, WARN_AT)
    run(app, REMOVE_AT)
    former = t(app, "Former participant", lang, plain)
    assert former in {"Former participant", "Oud-deelnemer"}
    coach = sign_in(app.test_client(), "coach")
    coach.get(f"/?lang={lang}&plain={int(plain)}")
    caseload = page(coach.get("/caseload?q="))
    assert former in caseload and "Olga" not in caseload
    assert t(app, "Account removed for privacy", lang, plain) in caseload
    participant = page(coach.get(f"/caseload/{old}"))
    assert former in participant and "Olga" not in participant and f"former-{old}" not in participant
    gemeente = sign_in(app.test_client(), "gemeente")
    gemeente.get(f"/?lang={lang}&plain={int(plain)}")
    change = page(gemeente.get(f"/gemeente/caseloads/{old}"))
    assert former in change and "Olga" not in change


def test_the_resident_and_the_coach_see_the_warning(app, old):
    run(app, WARN_AT)
    resident = sign_in(app.test_client(), "oldtimer")
    home = page(resident.get("/?lang=en&plain=0"))
    assert "Your account will be removed on 10 May 2030" in home
    assert "Your benefit stays the same." in home
    assert 'action="/still-here"' in home
    coach = sign_in(app.test_client(), "coach")
    coach.get("/?lang=en&plain=0")
    assert "Account will be removed on 10 May 2030" in page(coach.get("/caseload"))
    assert "Account will be removed on 10 May 2030." in page(coach.get(f"/caseload/{old}"))


def test_others_see_no_warning(app, old):
    run(app, WARN_AT)
    home = page(sign_in(app.test_client(), "bewoner").get("/?lang=en&plain=0"))
    assert "will be removed" not in home and 'action="/still-here"' not in home


def test_i_am_still_here_keeps_the_account(app, old, monkeypatch):
    from webapp.retention import routes

    monkeypatch.setattr(routes, "now", lambda: datetime(2030, 4, 15, 9, 0, tzinfo=UTC))
    run(app, WARN_AT)
    resident = sign_in(app.test_client(), "oldtimer")
    execute(
        app, "UPDATE last_active SET at = '2028-02-01T10:00:00Z' WHERE user_id = ?", (old,)
    )  # as if only warned
    for _ in range(2):  # idempotent
        response = post_form(resident, "/still-here", token_from="/")
        assert response.status_code == 303
    row = account(app, old)
    assert row["retention_warned_at"] is None
    assert scalar(app, "SELECT at FROM last_active WHERE user_id = ?", (old,)) == "2030-04-15T09:00:00Z"
    assert "will be removed" not in page(resident.get("/?lang=en&plain=0"))
    execute(app, "DELETE FROM sessions WHERE user_id = ?", (old,))
    run(app, REMOVE_AT)
    assert account(app, old)["anonymised_at"] is None


def test_i_am_still_here_needs_the_csrf_token(app, old):
    resident = sign_in(app.test_client(), "oldtimer")
    assert resident.post("/still-here").status_code == 400
    assert resident.get("/still-here").status_code == 303


def test_a_log_in_after_the_warning_keeps_the_account_and_withdraws_it(app, old):
    run(app, WARN_AT)
    execute(app, "UPDATE last_active SET at = '2030-04-20T10:00:00Z' WHERE user_id = ?", (old,))
    output = run(app, REMOVE_AT)
    assert "residents anonymised 0" in output and "warnings withdrawn 1" in output
    row = account(app, old)
    assert row["anonymised_at"] is None and row["retention_warned_at"] is None


@pytest.mark.parametrize(
    "exception",
    [
        "INSERT INTO appointments (resident_id, starts_at, created_at, updated_at) VALUES (:me, '2030-06-01T10:00', '2028-01-01T00:00:00Z', '2028-01-01T00:00:00Z')",
        "INSERT INTO interests (user_id, job_id, status, created_at, updated_at) VALUES (:me, (SELECT id FROM jobs WHERE status = 'open' LIMIT 1), 'open', '2028-01-01T00:00:00Z', '2028-01-01T00:00:00Z')",
        "INSERT INTO placements (job_id, user_id, created_at) VALUES ((SELECT id FROM jobs WHERE status = 'open' LIMIT 1), :me, '2028-01-01T00:00:00Z')",
    ],
    ids=["coming appointment", "open interest", "current placement"],
)
def test_the_exceptions_keep_the_account(app, old, exception):
    execute(app, exception, {"me": old})
    run(app, WARN_AT)
    run(app, REMOVE_AT)
    row = account(app, old)
    assert row["anonymised_at"] is None and row["retention_warned_at"] is None


def test_the_period_comes_from_the_settings(make_app):
    app = make_app(RETENTION_MONTHS=120)
    execute(
        app,
        """INSERT INTO users (username, role, created_at) VALUES ('oldtimer', 'resident', '2028-01-05T10:00:00Z')""",
    )
    assert "warned 0" in run(app, WARN_AT)


def test_deleting_ones_own_account_follows_the_same_rule(app, old):
    closed, open_ = votes_of(app, CLOSED), votes_of(app, OPEN_DE_HOVEN)
    resident = sign_in(app.test_client(), "oldtimer")
    response = post_form(resident, "/profile/delete", {"sure": "y"}, token_from="/profile/delete")
    assert response.status_code == 200, page(response)
    assert count(app, "users", "id = ?", (old,)) == 0
    assert votes_of(app, CLOSED) == closed and count(app, "votes", "proposal_id = ?", (CLOSED,)) == closed
    assert votes_of(app, OPEN_DE_HOVEN) == open_ - 1
    assert count(app, "messages", "resident_id = ?", (old,)) == 0


def _objection(app, contact, decided_at, user=None, public_name=""):
    job = scalar(app, "SELECT id FROM jobs WHERE status = 'open' LIMIT 1")
    decision = "not_upheld" if decided_at else None
    execute(
        app,
        """INSERT INTO objections (job_id, ground, text, user_id, public_name, contact, created_at, answer_due,
                                   decision, decision_reason, decided_at)
           VALUES (?, 'no_displacement', 'De bakker op de hoek doet dit al.', ?, ?, ?, '2030-01-02T10:00:00Z',
                   '2030-01-30', ?, ?, ?)""",
        (job, user, public_name, contact, decision, "Geen verdringing." if decision else None, decided_at),
    )
    return scalar(app, "SELECT MAX(id) FROM objections")


def test_an_objectors_contact_goes_90_days_after_the_decision_and_the_objection_stays(app):
    old_answer = _objection(app, "bakker@example.org", "2030-02-01T10:00:00Z")  # 99 days before REMOVE_AT
    new_answer = _objection(app, "06 12345678", "2030-03-01T10:00:00Z")  # 71 days before
    waiting = _objection(app, "wacht@example.org", None)
    assert "objection contacts erased 1" in run(app, REMOVE_AT, "--dry-run")
    assert scalar(app, "SELECT contact FROM objections WHERE id = ?", (old_answer,)) == "bakker@example.org"
    assert "objection contacts erased 1" in run(app, REMOVE_AT)
    found = query(
        app, "SELECT id, contact FROM objections WHERE id IN (?, ?, ?)", (old_answer, new_answer, waiting)
    )
    contacts = {row["id"]: row["contact"] for row in found}
    assert contacts == {old_answer: None, new_answer: "06 12345678", waiting: "wacht@example.org"}
    assert (
        scalar(app, "SELECT text FROM objections WHERE id = ?", (old_answer,))
        == "De bakker op de hoek doet dit al."
    )


def test_anonymising_takes_the_name_off_an_objection_but_keeps_the_objection(app, old):
    number = _objection(app, None, None, user=old, public_name="Olga Oldenburg")
    run(app, WARN_AT)
    run(app, REMOVE_AT)
    row = query(app, "SELECT user_id, public_name, text FROM objections WHERE id = ?", (number,))[0]
    assert (row["user_id"], row["public_name"], row["text"]) == (None, "", "De bakker op de hoek doet dit al.")
