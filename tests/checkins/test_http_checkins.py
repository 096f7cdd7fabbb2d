"""The check-in: consent, the five questions, your own answers, what the coach
and the municipality may see (never one person's answers without a yes)."""

import json
import re

import pytest
from http_support import (
    SCRIPT,
    count,
    csrf_token,
    execute,
    page,
    query,
    scalar,
    sign_in,
    snapshot,
    t,
    user_id,
)

from webapp.checkins import labels, queries
from webapp.db import get_db

ANSWERS = {"health": "4", "contact": "2", "useful": "5", "money": "1", "happy": "3"}
CSRF_VALUE = re.compile(r'name="csrf_token" value="[^"]+"')
# What differs on every answer anyway: tokens, request ids, fresh client ids.
REQUEST_ID = re.compile(
    r'data-request-id="[^"]*"|data-rendered="[^"]*"|[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
)


def post(client, path, data):
    return client.post(path, data={**data, "csrf_token": csrf_token(client, "/settings")})


def last_answers_ago(app, username, days):
    """Move every answer of ``username`` ``days`` further into the past."""
    execute(
        app,
        "UPDATE checkins SET answered_on = date(answered_on, ?) WHERE user_id = ?",
        (f"-{days} days", user_id(app, username)),
    )


def test_demo_participant_has_questions_waiting(client, app):
    sign_in(client, "bewoner")
    body = page(client.get("/checkin"))
    assert t(app, "How healthy do you feel?") in body
    assert 'type="radio" name="health" value="5"' in body
    # A face AND a word for every answer.
    assert "#i-face-5" in body and t(app, "Very good") in body


def test_checkin_is_saved_once(client, app):
    sign_in(client, "bewoner")
    before = count(app, "checkins", "user_id = ?", (user_id(app, "bewoner"),))
    first = post(client, "/checkin", ANSWERS)
    assert first.status_code == 303 and first.headers["Location"].endswith("/checkin/answers")
    again = post(client, "/checkin", ANSWERS)  # tapped twice, or sent again later
    assert again.status_code == 303
    assert count(app, "checkins", "user_id = ?", (user_id(app, "bewoner"),)) == before + 1
    row = query(
        app, "SELECT * FROM checkins WHERE user_id = ? ORDER BY id DESC LIMIT 1", (user_id(app, "bewoner"),)
    )[0]
    assert (row["health"], row["contact"], row["useful"], row["money"], row["happy"]) == (4, 2, 5, 1, 3)
    body = page(client.get("/checkin"))
    assert t(app, "How healthy do you feel?") not in body  # not due: nothing to answer


@pytest.mark.parametrize(
    "bad",
    [
        {},
        {**ANSWERS, "health": "6"},
        {**ANSWERS, "money": "0"},
        {**ANSWERS, "happy": SCRIPT},
        {**ANSWERS, "useful": "'; DROP TABLE checkins; --"},
        {**ANSWERS, "contact": "x" * 10_000},
        {k: v for k, v in ANSWERS.items() if k != "money"},
    ],
)
def test_bad_answers_are_refused_with_a_message(client, app, bad):
    sign_in(client, "bewoner")
    stored = snapshot(app, "checkins")
    response = post(client, "/checkin", bad)
    assert response.status_code == 422
    assert "error-summary" in response.get_data(as_text=True)
    assert SCRIPT not in response.get_data(as_text=True)
    assert snapshot(app, "checkins") == stored


def test_checkin_needs_csrf(client, app):
    sign_in(client, "bewoner")
    response = client.post("/checkin", data=ANSWERS)
    assert response.status_code == 400
    assert count(app, "checkins", "answered_on = date('now')") == 0


def test_never_asked_is_sent_to_the_calm_question(client, app):
    sign_in(client, "bewoner2")
    response = client.get("/checkin")
    assert response.status_code == 303 and response.headers["Location"].endswith("/checkin/consent")
    assert t(app, "May we ask how you are doing?") in page(client.get("/profile"))
    stored = snapshot(app, "checkins")
    assert post(client, "/checkin", ANSWERS).status_code == 303
    assert snapshot(app, "checkins") == stored


def test_saying_yes_then_answering(client, app):
    sign_in(client, "bewoner2")
    response = post(client, "/checkin/consent", {"answer": "yes", "share": "no"})
    assert response.status_code == 303 and response.headers["Location"].endswith("/checkin")
    assert post(client, "/checkin", ANSWERS).status_code == 303
    assert count(app, "checkins", "user_id = ?", (user_id(app, "bewoner2"),)) == 1
    # The question on the profile is asked once: answered, it is gone.
    assert t(app, "May we ask how you are doing?") not in page(client.get("/profile"))


@pytest.mark.parametrize(
    "bad", [{}, {"answer": "maybe"}, {"answer": "yes", "share": "perhaps"}, {"answer": SCRIPT}]
)
def test_bad_consent_is_refused(client, app, bad):
    sign_in(client, "bewoner2")
    response = post(client, "/checkin/consent", bad)
    assert response.status_code == 422
    assert count(app, "checkin_consent", "user_id = ?", (user_id(app, "bewoner2"),)) == 0


def test_consent_needs_csrf(client, app):
    sign_in(client, "bewoner2")
    assert client.post("/checkin/consent", data={"answer": "yes"}).status_code == 400
    assert count(app, "checkin_consent", "user_id = ?", (user_id(app, "bewoner2"),)) == 0


def test_consent_repeat_changes_nothing(client, app):
    sign_in(client, "bewoner2")
    post(client, "/checkin/consent", {"answer": "no"})
    first = snapshot(app, "checkin_consent")
    post(client, "/checkin/consent", {"answer": "no"})
    assert snapshot(app, "checkin_consent") == first


def test_withdrawing_asks_about_earlier_answers(client, app):
    sign_in(client, "bewoner")
    me = user_id(app, "bewoner")
    assert t(app, "You say no. What do we do with your earlier answers?") in page(client.get("/checkin/consent"))
    # Without an answer to that question, nothing changes.
    assert post(client, "/checkin/consent", {"answer": "no"}).status_code == 422
    assert scalar(app, "SELECT answer FROM checkin_consent WHERE user_id = ?", (me,)) == "yes"
    kept = count(app, "checkins", "user_id = ?", (me,))
    assert post(client, "/checkin/consent", {"answer": "no", "past": "keep"}).status_code == 303
    assert count(app, "checkins", "user_id = ?", (me,)) == kept > 0
    assert post(client, "/checkin/consent", {"answer": "no", "past": "delete"}).status_code == 303
    assert count(app, "checkins", "user_id = ?", (me,)) == 0
    assert scalar(app, "SELECT answer FROM checkin_consent WHERE user_id = ?", (me,)) == "no"
    # Saying no: no questions, even when sent.
    assert post(client, "/checkin", ANSWERS).status_code == 409
    assert count(app, "checkins", "user_id = ?", (me,)) == 0


def test_own_answers_page_and_delete(client, app):
    sign_in(client, "bewoner")
    me = user_id(app, "bewoner")
    body = page(client.get("/checkin/answers"))
    assert t(app, "All your answers") in body
    assert body.count("<tr>") == count(app, "checkins", "user_id = ?", (me,)) + 1
    refused = post(client, "/checkin/answers/delete", {})
    assert refused.status_code == 422 and count(app, "checkins", "user_id = ?", (me,)) > 0
    assert client.post("/checkin/answers/delete", data={"sure": "y"}).status_code == 400  # no CSRF
    done = post(client, "/checkin/answers/delete", {"sure": "y"})
    assert done.status_code == 303
    assert count(app, "checkins", "user_id = ?", (me,)) == 0
    assert scalar(app, "SELECT answer FROM checkin_consent WHERE user_id = ?", (me,)) == "yes"
    assert post(client, "/checkin/answers/delete", {"sure": "y"}).status_code == 303  # a repeat is fine
    assert client.get("/checkin/answers/delete").status_code == 303


def test_answers_are_in_the_data_export(client, app):
    sign_in(client, "bewoner")
    data = json.loads(client.get("/profile/export").get_data(as_text=True))
    me = user_id(app, "bewoner")
    assert data["checkin_consent"]["answer"] == "yes"
    assert len(data["checkins"]) == count(app, "checkins", "user_id = ?", (me,)) > 0
    assert set(data["checkins"][0]) >= {"answered_on", "health", "contact", "useful", "money", "happy"}
    assert t(app, "Your answers about how you are doing") in page(client.get("/profile/data"))


def test_coach_sees_only_that_a_checkin_is_due(client, app):
    sign_in(client, "coach")
    fatima = user_id(app, "bewoner")
    body = page(client.get(f"/caseload/{fatima}"))
    assert 'id="checkin"' in body
    assert t(app, "Only %(name)s sees the answers.", name="Fatima").split("Fatima")[0] in body
    assert "table--answers" not in body


def test_coach_sees_answers_only_when_shared(client, app):
    fatima = user_id(app, "bewoner")
    sign_in(client, "bewoner")
    post(client, "/checkin/consent", {"answer": "yes", "share": "yes"})
    sign_in(client, "coach")
    assert "table--answers" in page(client.get(f"/caseload/{fatima}"))
    sign_in(client, "bewoner")
    post(client, "/checkin/consent", {"answer": "yes", "share": "no"})
    sign_in(client, "coach")
    assert "table--answers" not in page(client.get(f"/caseload/{fatima}"))


def test_coach_sees_nothing_without_a_yes(client, app):
    sign_in(client, "coach")
    henk = user_id(app, "bewoner2")
    assert 'id="checkin"' not in page(client.get(f"/caseload/{henk}"))


@pytest.mark.parametrize("path", ["/checkin", "/checkin/consent", "/checkin/answers"])
@pytest.mark.parametrize("who", ["coach", "gemeente", "buurtgroep", "toezicht"])
def test_staff_never_open_a_participants_checkin(reader, path, who):
    sign_in(reader, who)
    assert reader.get(path).status_code == 403


@pytest.mark.parametrize("path", ["/checkin", "/checkin/consent", "/checkin/answers"])
def test_anonymous_goes_to_login(reader, path):
    response = reader.get(path)
    assert response.status_code == 303 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("who", [None, "bewoner", "coach", "buurtgroep", "toezicht"])
def test_figures_are_for_the_municipality_only(reader, who):
    sign_in(reader, who)
    assert reader.get("/gemeente/impact").status_code in ((303,) if who is None else (403,))


def checkin_figures(client):
    """The check-in part of the programme for the council."""
    body = page(client.get("/gemeente/impact"))
    found = re.search(r'<section class="checkin-impact".*?</section>', body, re.S)
    assert found, "the programme shows the check-in averages"
    return found.group(0)


def _shown_figures(table):
    figures = [*table.cells.values(), *table.row_totals.values(), *table.column_totals.values(), table.grand_total]
    return [figure for figure in figures if figure is not None]


def test_municipality_never_sees_single_answers(client, app):
    """Every figure on the page is an average of at least 10 people, with its count."""
    with app.app_context():
        db = get_db()
        tables = queries.impact_tables(db)
    shown = [figure for table in tables.values() for figure in _shown_figures(table)]
    assert shown, "the demo has enough participants for some figures"
    assert all(figure.people >= 10 for figure in shown)
    sign_in(client, "gemeente")
    body = checkin_figures(client)
    people = [int(n) for n in re.findall(r"<td>(\d+)</td>", body)]
    assert people and min(people) >= 10
    assert "Fatima" not in body and "bewoner" not in body


def test_municipality_sees_a_notice_when_too_few_answered(client, app):
    execute(app, "DELETE FROM checkins WHERE user_id != ?", (user_id(app, "bewoner"),))
    sign_in(client, "gemeente")
    body = checkin_figures(client)
    assert body.count(t(app, "Too few people answered to show this table.")) == 2
    assert "table--figures" not in body


def test_municipality_sees_averages_of_enough_people(client, app):
    # 12 participants answer in the same quarter: their average shows, with 12 people.
    ids = [
        row["id"]
        for row in query(app, "SELECT id FROM users WHERE username LIKE 'deelnemer%' ORDER BY id LIMIT 12")
    ]
    execute(app, "DELETE FROM checkins")
    execute(app, "DELETE FROM placements")  # all 12 before a basisbaan
    for number, uid in enumerate(ids):
        execute(app, "INSERT OR REPLACE INTO checkin_consent VALUES (?, 'yes', 0, '2026-01-01T00:00:00Z')", (uid,))
        execute(
            app,
            "INSERT INTO checkins (user_id, answered_on, health, contact, useful, money, happy, created_at)"
            " VALUES (?, '2026-02-02', ?, 3, 3, 3, 3, '2026-02-02T10:00:00Z')",
            (uid, 1 + number % 5),
        )
    sign_in(client, "gemeente")
    body = checkin_figures(client)
    assert "table--figures" in body
    assert "<td>12</td>" in body
    health = sum(1 + n % 5 for n in range(12)) / 12
    assert f"<td>{health:.1f}</td>" in body
    # One more person with an odd answer in another quarter: that cell is hidden,
    # and so is every total that would give it away.
    execute(
        app,
        "INSERT INTO checkins (user_id, answered_on, health, contact, useful, money, happy, created_at)"
        " VALUES (?, '2026-05-02', 5, 5, 5, 5, 5, '2026-05-02T10:00:00Z')",
        (ids[0],),
    )
    body = checkin_figures(client)
    assert "<td>13</td>" not in body and "<td>1</td>" not in body


def _normalised(html):
    return REQUEST_ID.sub("", CSRF_VALUE.sub("", html))


PAGES_OF_A_PARTICIPANT = [
    "/jobs",
    "/jobs/1",
    "/interests",
    "/proposals",
    "/messages",
    "/notifications",
    "/settings",
]


def test_saying_no_changes_nothing_else(client, app):
    henk = user_id(app, "bewoner2")
    sign_in(client, "bewoner2")
    before = {
        path: (r.status_code, _normalised(r.get_data(as_text=True)))
        for path in PAGES_OF_A_PARTICIPANT
        for r in [client.get(path)]
    }
    sign_in(client, "coach")
    coach_before = _normalised(page(client.get(f"/caseload/{henk}")))
    tables = ("notifications", "messages", "interests", "profiles", "users", "votes")
    stored = snapshot(app, *tables)
    sign_in(client, "bewoner2")
    answered = post(client, "/checkin/consent", {"answer": "no"})
    assert answered.status_code == 303
    assert t(app, "We will not ask you. Nothing else changes for you.") in page(
        client.get(answered.headers["Location"])
    )
    after = {
        path: (r.status_code, _normalised(r.get_data(as_text=True)))
        for path in PAGES_OF_A_PARTICIPANT
        for r in [client.get(path)]
    }
    assert after == before
    assert snapshot(app, *tables) == stored
    sign_in(client, "coach")
    assert _normalised(page(client.get(f"/caseload/{henk}"))) == coach_before


def test_resident_without_coach_is_told_kindly(client, app):
    sign_in(client, "bewoner2")
    execute(app, "UPDATE users SET coach_id = NULL WHERE username = 'bewoner2'")
    assert t(app, "These questions are for people who have a coach. You do not have a coach yet.") in page(
        client.get("/checkin")
    )
    assert post(client, "/checkin/consent", {"answer": "yes"}).status_code == 403
    assert count(app, "checkin_consent", "user_id = ?", (user_id(app, "bewoner2"),)) == 0


def test_answers_leave_with_the_account(client, app):
    sign_in(client, "bewoner")
    me = user_id(app, "bewoner")
    post(client, "/profile/delete", {"sure": "y"})
    assert count(app, "checkins", "user_id = ?", (me,)) == 0
    assert count(app, "checkin_consent", "user_id = ?", (me,)) == 0


def test_due_again_after_three_months(client, app):
    sign_in(client, "bewoner")
    post(client, "/checkin", ANSWERS)
    assert t(app, "How healthy do you feel?") not in page(client.get("/checkin"))
    last_answers_ago(app, "bewoner", 93)
    assert t(app, "How healthy do you feel?") in page(client.get("/checkin"))


@pytest.mark.parametrize(("lang", "plain"), [("nl", False), ("nl", True), ("en", False), ("en", True)])
def test_the_five_answers_to_a_question_are_five_different_words(app, lang, plain):
    """The word is the radio's name and what read aloud says: two alike would
    be two answers nobody can tell apart."""
    with app.test_request_context(f"/?lang={lang}&plain={int(plain)}"):
        app.preprocess_request()  # the ?lang= hook sets the choice
        for question, words in labels.ANSWERS.items():
            shown = [str(word) for word in words]
            assert len(set(shown)) == len(shown), (question, shown)
