"""/profile/start: the four questions that rank most on one screen, then the list
of jobs with "Answer 4 more questions for a better list"."""

import pytest
from http_support import SCRIPT, count, nt, page, post_form, query, sign_in, snapshot, t, user_id

from webapp.profile.steps import FIRST_STEPS, STEPS

FIRST = {"buurt": "4", "work": ["elderly", "green"], "hours": "12", "days": ["mon", "tue"]}


def profile(app, username="bewoner2"):
    rows = query(app, "SELECT * FROM profiles WHERE user_id = ?", (user_id(app, username),))
    return rows[0] if rows else None


def test_the_first_four_are_the_ones_that_rank_most():
    assert [step.key for step in FIRST_STEPS] == ["buurt", "work", "hours", "days"]


def test_the_start_page_asks_all_four_at_once(app, client):
    sign_in(client, "bewoner2")
    response = client.get("/profile/start")
    assert response.status_code == 200
    body = page(response)
    for step in FIRST_STEPS:
        assert t(app, str(step.question._args[0])) in body
        assert f'name="{step.key}"' in body
    assert body.count("<fieldset") == 4
    assert t(app, "Show the jobs that fit me") in body


def test_answering_the_four_goes_straight_to_the_ranked_list(app, client):
    sign_in(client, "bewoner2")
    response = post_form(client, "/profile/start", FIRST)
    assert response.status_code == 303
    assert response.headers["Location"] == "/jobs"
    row = profile(app)
    assert (row["home_buurt_id"], row["categories"], row["hours_max"], row["days"]) == (
        4,
        "elderly,green",
        12,
        "mon,tue",
    )
    body = page(client.get("/jobs"))
    assert t(app, "best fit first") in body
    assert t(app, "Why this fits you") in body
    assert (
        nt(
            app,
            "Answer %(num)d more question for a better list",
            "Answer %(num)d more questions for a better list",
            4,
        )
        in body
    )
    assert 'href="/profile/travel"' in body


def test_the_banner_counts_down_and_goes_when_all_are_answered(app, client):
    sign_in(client, "bewoner2")
    post_form(client, "/profile/start", FIRST)
    post_form(client, "/profile/travel", {"answer": "town", "action": "save"})
    post_form(client, "/profile/limits", {"action": "save"})  # nothing: she can do all of it
    body = page(client.get("/jobs"))
    assert (
        nt(
            app,
            "Answer %(num)d more question for a better list",
            "Answer %(num)d more questions for a better list",
            2,
        )
        in body
    )
    assert 'href="/profile/skills"' in body
    post_form(client, "/profile/skills", {"answer": "cooking", "action": "save"})
    post_form(client, "/profile/languages", {"answer": "nl", "action": "save"})
    body = page(client.get("/jobs"))
    assert "more-questions" not in body


def test_no_banner_before_any_answer_nor_for_others(reader_app, reader):
    sign_in(reader, "bewoner2")
    assert "more-questions" not in page(reader.get("/jobs"))
    sign_in(reader, "coach")
    assert "more-questions" not in page(reader.get("/jobs"))


def test_a_question_left_open_is_not_answered(app, client):
    sign_in(client, "bewoner2")
    response = post_form(client, "/profile/start", {"buurt": "4", "work": "elderly"})
    assert response.status_code == 303
    row = profile(app)
    assert (row["hours_max"], row["days"]) == (None, "")
    body = page(client.get("/profile"))
    assert t(app, "You answered %(answered)d of %(total)d questions.", answered=2, total=8) in body


def test_the_start_page_shows_what_was_answered_before(client):
    sign_in(client, "bewoner2")
    post_form(client, "/profile/start", FIRST)
    body = page(client.get("/profile/start"))
    for value in ("mon", "tue", "elderly", "green", "12"):
        assert f'value="{value}" checked' in body


def test_the_start_page_leaves_the_other_answers_alone(app, client):
    sign_in(client, "bewoner")
    before = profile(app, "bewoner")
    post_form(client, "/profile/start", {"buurt": "4", "work": "green", "hours": "8", "days": "fri"})
    after = profile(app, "bewoner")
    changed = {key for key in before if before[key] != after[key]}
    assert changed <= {"home_buurt_id", "categories", "hours_max", "days", "updated_at"}


@pytest.mark.parametrize(
    ("field", "value", "msgid"),
    [
        ("buurt", "999", "Choose one of the options in the list."),
        ("buurt", ["4", "5"], "Choose one answer, or skip this question."),
        ("hours", "7", "Choose one of the options in the list."),
        ("hours", SCRIPT, "Choose one of the options in the list."),
        ("work", ["elderly", "nope"], "Choose one of the options in the list."),
        ("days", ["mon"] * 51, "Choose one of the options in the list."),
    ],
)
def test_a_bad_answer_is_422_and_stores_nothing(reader_app, reader, field, value, msgid):
    sign_in(reader, "bewoner2")
    before = snapshot(reader_app, "profiles")
    response = post_form(reader, "/profile/start", {**FIRST, field: value})
    assert response.status_code == 422
    body = page(response)
    assert t(reader_app, msgid) in body
    assert f'id="{field}-error"' in body
    assert SCRIPT not in body
    assert snapshot(reader_app, "profiles") == before


def test_without_csrf_the_start_page_stores_nothing(reader_app, reader):
    sign_in(reader, "bewoner2")
    response = reader.post("/profile/start", data=FIRST)
    assert response.status_code == 400
    assert count(reader_app, "profiles", "user_id = ?", (user_id(reader_app, "bewoner2"),)) == 0


@pytest.mark.parametrize("who", [None, "coach"])
def test_only_a_resident_answers(reader, who):
    sign_in(reader, who)
    assert reader.get("/profile/start").status_code in (303, 403)


def test_the_step_pages_still_go_one_by_one_after_the_first_four(client):
    """The overview's "Change" and the banner use the step pages; they chain as before."""
    sign_in(client, "bewoner2")
    keys = [step.key for step in STEPS]
    response = post_form(client, "/profile/travel", {"answer": "town", "action": "save"})
    assert response.headers["Location"] == "/profile/" + keys[keys.index("travel") + 1]
