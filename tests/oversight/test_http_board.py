"""The oversight board (issue 17, "The board"): its workspace, its advice on a
job, the publish gate, the advice on the job page and the municipality's
notification. The access matrix for these pages is in tests/test_http_access.py."""

import csv
import html

import pytest
from flask_babel import ngettext
from http_support import (
    OTHER_JOB,
    SCRIPT,
    SQL,
    count,
    execute,
    page,
    post_form,
    query,
    scalar,
    sign_in,
    t,
    user_id,
)
from oversight_support import advice_not_required, advise

from webapp.domain.jobs import CSV_COLUMNS, REQUIRED_TEXTS

GOOD = {"verdict": "agree", "reason": "Niemand doet dit werk nu.", "displacement": "Geen bedrijf in de buurt."}
OBJECT = {
    "verdict": "object",
    "reason": "Dit werk doet de schoonmaakdienst al.",
    "displacement": "Schoonmaakbedrijf Glans heeft dit contract.",
}
ADVICE = f"/toezicht/jobs/{OTHER_JOB}/advice"
PUBLISH = f"/gemeente/jobs/{OTHER_JOB}/publish"


def has(app, body, msgid, **values):
    return html.unescape(t(app, msgid, **values)) in html.unescape(body)


def make_draft(app, job_id=OTHER_JOB):
    """An open job of the demo made a draft again, without the board's advice."""
    execute(app, "UPDATE jobs SET status = 'draft' WHERE id = ?", (job_id,))
    execute(app, "DELETE FROM advices WHERE job_id = ?", (job_id,))


def status(app, job_id=OTHER_JOB):
    return scalar(app, "SELECT status FROM jobs WHERE id = ?", (job_id,))


# --- the role ------------------------------------------------------------------------


def test_create_user_makes_a_board_account(app):
    result = app.test_cli_runner().invoke(
        args=["create-user", "--role", "toezicht", "--username", "raad2", "--password", "een lange zin"]
    )
    assert result.exit_code == 0, result.output
    assert scalar(app, "SELECT role FROM users WHERE username = 'raad2'") == "toezicht"


def test_the_demo_board_logs_in_and_lands_on_its_workspace(app, client):
    token = post_form(client, "/login", {"username": "toezicht", "password": "demo-wachtwoord"})
    assert token.status_code == 303 and token.headers["Location"] == "/toezicht"
    body = page(client.get("/toezicht"))
    assert 'href="/toezicht"' in body and 'aria-current="page"' in body
    assert 'href="/toezicht/objections"' in body


def test_the_demo_s_open_jobs_carry_an_advice(app):
    assert count(app, "jobs", "status = 'open' AND id NOT IN (SELECT job_id FROM advices)") == 0
    assert count(app, "advices") > 0


# --- the workspace -----------------------------------------------------------------------


def test_the_workspace_counts_and_lists_the_drafts_waiting(app, client):
    waiting = count(app, "jobs", "status = 'draft' AND id NOT IN (SELECT job_id FROM advices)")
    make_draft(app)
    sign_in(client, "toezicht")
    body = page(client.get("/toezicht"))
    with app.test_request_context("/?lang=nl"):
        lead = ngettext("%(num)d job waits for your advice.", "%(num)d jobs wait for your advice.", waiting + 1)
    assert lead in body
    assert ADVICE in body.split('id="advised-title"')[0]


def test_an_advised_draft_moves_to_its_own_list(app, client):
    make_draft(app)
    sign_in(client, "toezicht")
    assert post_form(client, ADVICE, GOOD).status_code == 303
    body = page(client.get("/toezicht"))
    waiting, advised = body.split('id="advised-title"')[0], body.split('id="advised-title"')[1]
    assert ADVICE not in waiting.split('id="waiting-title"')[1]
    assert ADVICE in advised.split('id="recent-title"')[0]


# --- the advice form ----------------------------------------------------------------------


def test_the_form_shows_the_job_s_texts_and_the_criteria(app, client):
    sign_in(client, "toezicht")
    body = page(client.get(ADVICE))
    title = scalar(app, "SELECT title_nl FROM jobs WHERE id = ?", (OTHER_JOB,))
    tasks = scalar(app, "SELECT tasks_nl FROM jobs WHERE id = ?", (OTHER_JOB,))
    assert html.escape(title) in body and html.escape(tasks) in body
    assert has(app, body, "It takes no work away from regular jobs or local businesses")
    assert 'name="verdict"' in body and 'name="displacement"' in body and 'name="conditions"' in body


def test_an_advice_is_stored_and_the_municipality_hears_without_its_text(app, client):
    make_draft(app)
    before = count(app, "notifications", "kind = 'advice_given'")
    sign_in(client, "toezicht")
    response = post_form(client, ADVICE, {**OBJECT, "conditions": "wordt genegeerd"})
    assert response.status_code == 303 and response.headers["Location"] == "/toezicht"
    row = query(app, "SELECT * FROM advices WHERE job_id = ?", (OTHER_JOB,))[0]
    assert row["verdict"] == "object" and row["reason"] == OBJECT["reason"]
    assert row["displacement"] == OBJECT["displacement"] and row["conditions"] == ""
    assert row["advised_by"] == user_id(app, "toezicht")
    told = query(app, "SELECT user_id, link FROM notifications WHERE kind = 'advice_given'")
    assert len(told) == before + 1
    assert told[-1] == {"user_id": user_id(app, "gemeente"), "link": f"/gemeente/jobs/{OTHER_JOB}/edit"}


def test_the_same_advice_twice_is_one_advice(app, client):
    make_draft(app)
    sign_in(client, "toezicht")
    assert post_form(client, ADVICE, GOOD).status_code == 303
    response = post_form(client, ADVICE, GOOD, follow_redirects=True)
    assert has(app, page(response), "You gave this advice already. Nothing changed.")
    assert count(app, "advices", "job_id = ?", (OTHER_JOB,)) == 1
    assert count(app, "notifications", "kind = 'advice_given'") == 1
    # A changed mind is a new advice, and the newest counts.
    assert post_form(client, ADVICE, OBJECT).status_code == 303
    assert count(app, "advices", "job_id = ?", (OTHER_JOB,)) == 2


@pytest.mark.parametrize(
    ("data", "msgid"),
    [
        ({**GOOD, "verdict": ""}, "Choose agree, agree with conditions, or object."),
        ({**GOOD, "verdict": "maybe"}, "Choose one of the options in the list."),
        ({**GOOD, "reason": "   "}, "Write your reason. Everyone can read it on the job page."),
        ({**GOOD, "displacement": ""}, "Write what you found about paid jobs and local businesses."),
        ({**GOOD, "verdict": "agree_with_conditions"}, "Write the conditions, or choose another advice."),
        ({**GOOD, "reason": "x" * 2001}, "This is too long. Use at most %(max)d characters."),
        ({**GOOD, "displacement": "a\x00b"}, None),
        ({**GOOD, "reason": SCRIPT}, None),
        ({**GOOD, "reason": SQL, "verdict": SQL}, "Choose one of the options in the list."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_stores_nothing(app, client, data, msgid):
    sign_in(client, "toezicht")
    before = count(app, "advices")
    response = post_form(client, ADVICE, data)
    if data["reason"] == SCRIPT:  # text is text: stored as typed, shown escaped
        assert response.status_code == 303
        assert SCRIPT not in page(client.get(f"/jobs/{OTHER_JOB}"))
        return
    assert response.status_code == 422
    body = page(response)
    assert 'id="advice-form-errors"' in body
    if msgid:
        assert has(app, body, msgid, max=2000)
    assert count(app, "advices") == before


def test_a_closed_job_takes_no_advice(app, client):
    execute(app, "UPDATE jobs SET status = 'closed' WHERE id = ?", (OTHER_JOB,))
    sign_in(client, "toezicht")
    before = count(app, "advices")
    assert has(app, page(client.get(ADVICE)), "This job is closed. You cannot give advice on it any more.")
    assert post_form(client, ADVICE, GOOD).status_code == 409
    assert count(app, "advices") == before


def test_an_unknown_job_is_404(client):
    sign_in(client, "toezicht")
    assert post_form(client, "/toezicht/jobs/999999/advice", GOOD).status_code == 404


# --- the publish gate ----------------------------------------------------------------------


def test_without_an_advice_the_job_is_not_published(app, client):
    make_draft(app)
    sign_in(client, "gemeente")
    edit = page(client.get(f"/gemeente/jobs/{OTHER_JOB}/edit"))
    assert has(app, edit, "The oversight board has not given its advice yet. You can publish after its advice.")
    response = post_form(client, PUBLISH)
    assert response.status_code == 409
    assert has(app, page(response), "The job is not published yet. The oversight board gives its advice first.")
    assert status(app) == "draft"


def test_after_an_agreeing_advice_the_job_is_published(app, client):
    make_draft(app)
    advise(app, OTHER_JOB, "agree_with_conditions", conditions="Alleen door de week.")
    sign_in(client, "gemeente")
    assert post_form(client, PUBLISH).status_code == 303
    assert status(app) == "open"
    assert count(app, "advice_overrides") == 0
    body = page(client.get(f"/jobs/{OTHER_JOB}"))
    assert has(app, body, "The oversight board agrees with this job, with conditions.")
    assert "Alleen door de week." in body


def test_against_an_objection_only_with_a_public_reason(app, client):
    make_draft(app)
    advise(app, OTHER_JOB, "object", reason=OBJECT["reason"])
    sign_in(client, "gemeente")
    edit = page(client.get(f"/gemeente/jobs/{OTHER_JOB}/edit"))
    assert 'name="reason"' in edit and has(app, edit, "Publish against the advice")
    response = post_form(client, PUBLISH, {"reason": "  "})
    assert response.status_code == 409
    assert has(
        app, page(response), "The board objects to this job. Write your public reason to publish it anyway."
    )
    assert status(app) == "draft" and count(app, "advice_overrides") == 0
    reason = "De buurt heeft dit werk hard nodig. Het bedrijf stopt in januari."
    assert post_form(client, PUBLISH, {"reason": reason}).status_code == 303
    assert status(app) == "open"
    stored = query(app, "SELECT job_id, reason, decided_by FROM advice_overrides")
    assert stored == [{"job_id": OTHER_JOB, "reason": reason, "decided_by": user_id(app, "gemeente")}]
    # Everyone reads both on the job page, logged in or not.
    client.post("/logout", data={})
    body = page(client.get(f"/jobs/{OTHER_JOB}"))
    assert has(app, body, "The oversight board objects to this job.")
    assert html.escape(OBJECT["reason"]) in body and reason in body
    assert has(app, body, "Published against the advice")


def test_a_too_long_public_reason_is_refused_with_a_message(app, client):
    make_draft(app)
    advise(app, OTHER_JOB, "object")
    sign_in(client, "gemeente")
    response = post_form(client, PUBLISH, {"reason": "x" * 2001})
    assert response.status_code == 422
    assert has(app, page(response), "This is too long. Use at most %(max)d characters.", max=2000)
    assert status(app) == "draft"


def test_with_the_setting_off_a_job_is_published_without_advice(app, client):
    make_draft(app)
    advice_not_required(app)
    sign_in(client, "gemeente")
    assert post_form(client, PUBLISH).status_code == 303
    assert status(app) == "open"


def test_with_the_setting_off_an_objection_still_needs_a_reason(app, client):
    make_draft(app)
    advice_not_required(app)
    advise(app, OTHER_JOB, "object")
    sign_in(client, "gemeente")
    assert post_form(client, PUBLISH).status_code == 409
    assert status(app) == "draft"


def test_the_setting_is_on_by_default_and_the_municipality_turns_it_off(app, client):
    sign_in(client, "gemeente")
    assert '<input checked class="check__input" id="advice_required"' in page(client.get("/gemeente/settings"))
    data = {
        "threshold": "25",
        "voting_days": "42",
        "vote_limit": "5",
        "coach_days": "5",
        "objection_days": "28",
        "vote_proofs": ["coach"],
    }
    assert post_form(client, "/gemeente/settings", data).status_code == 303
    assert scalar(app, "SELECT value FROM settings WHERE key = 'advice_required'") == "0"


# --- the import --------------------------------------------------------------------------


def _csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for number in range(rows):
            row = {name: "" for name in CSV_COLUMNS}
            row.update(
                {
                    "category": "errands",
                    "buurt": "de-hoven",
                    "employer": "Buurthuis De Wissel",
                    "hours": "16",
                    "days": "mon",
                    "places": "1",
                    **{name: f"{name} {number}" for name in REQUIRED_TEXTS},
                }
            )
            writer.writerow(row)
    return str(path)


def test_imported_open_jobs_wait_for_the_board_as_drafts(app, tmp_path):
    before = count(app, "jobs", "status = 'draft'")
    result = app.test_cli_runner().invoke(args=["import-jobs", _csv(tmp_path / "jobs.csv", 3)])
    assert result.exit_code == 0, result.output
    assert "Imported 3 jobs: 0 open, 3 drafts." in result.output
    assert "3 jobs wait for the oversight board's advice before they can be published." in result.output
    assert count(app, "jobs", "status = 'draft'") == before + 3
