"""An answer is an answer: saving "nothing" where that means something counts,
a skipped question does not, and where "nothing" means nothing the step says so."""

import pytest
from http_support import count, page, post_form, query, scalar, sign_in, t, user_id

from webapp.profile.steps import STEPS

NOTHING = "Nothing: I can do all of this"
NOTHING_ALLOWED = [step.key for step in STEPS if step.nothing is not None]
NOTHING_REFUSED = [step.key for step in STEPS if step.nothing is None]
# One good answer for every step of bewoner2 (an empty profile), buurt by id.
GOOD = {
    "buurt": "4",
    "work": ["elderly", "green"],
    "hours": "12",
    "days": ["mon", "tue"],
    "travel": "town",
    "limits": ["early"],
    "skills": ["cooking"],
    "languages": ["nl"],
}


def answered(client):
    """'You answered N of 8 questions.' as shown on the overview: N."""
    body = page(client.get("/profile"))
    for number in range(len(STEPS) + 1):
        if (
            t(client.application, "You answered %(answered)d of %(total)d questions.", answered=number, total=8)
            in body
        ):
            return number
    raise AssertionError("no count on the overview")


def profile(app, username="bewoner2"):
    rows = query(app, "SELECT * FROM profiles WHERE user_id = ?", (user_id(app, username),))
    return rows[0] if rows else None


def save(client, key, answer, **extra):
    data = {"action": "save", **extra}
    if answer is not None:
        data["answer"] = answer
    return post_form(client, f"/profile/{key}", data)


def test_only_the_limits_step_takes_nothing_as_an_answer():
    assert NOTHING_ALLOWED == ["limits"]


def test_choosing_nothing_about_limits_is_an_answer(app, client):
    sign_in(client, "bewoner2")
    response = save(client, "limits", None)
    assert response.status_code == 303
    assert response.headers["Location"] == "/profile/skills"
    row = profile(app)
    assert row["limits"] == ""
    assert row["nothing_chosen"] == "limits"
    assert answered(client) == 1
    body = page(client.get("/profile"))
    assert t(app, NOTHING) in body


def test_the_whole_profile_with_nothing_she_cannot_do_is_8_of_8(app, client):
    sign_in(client, "bewoner2")
    for step in STEPS:
        answer = None if step.key == "limits" else GOOD[step.key]
        assert save(client, step.key, answer).status_code == 303
    assert answered(client) == 8
    assert t(app, "Not answered yet") not in page(client.get("/profile"))


def test_skipping_limits_leaves_it_unanswered(app, client):
    sign_in(client, "bewoner2")
    response = post_form(client, "/profile/limits", {"action": "skip"})
    assert response.status_code == 303
    assert profile(app) is None
    assert answered(client) == 0
    assert t(app, NOTHING) not in page(client.get("/profile"))


def test_skipping_after_choosing_nothing_keeps_the_answer(app, client):
    sign_in(client, "bewoner2")
    save(client, "limits", None)
    post_form(client, "/profile/limits", {"action": "skip"})
    assert answered(client) == 1


def test_choosing_something_after_nothing_shows_the_choice(app, client):
    sign_in(client, "bewoner2")
    save(client, "limits", None)
    save(client, "limits", ["early"])
    row = profile(app)
    assert (row["limits"], row["nothing_chosen"]) == ("early", "")
    body = page(client.get("/profile"))
    assert t(app, NOTHING) not in body
    assert answered(client) == 1
    # And back to nothing: the answer is "nothing" again, not "not answered".
    save(client, "limits", None)
    row = profile(app)
    assert (row["limits"], row["nothing_chosen"]) == ("", "limits")
    assert t(app, NOTHING) in page(client.get("/profile"))


def test_the_limits_step_comes_back_with_nothing_ticked(client):
    sign_in(client, "bewoner2")
    save(client, "limits", None)
    body = page(client.get("/profile/limits"))
    assert "checked" not in body.split('id="step-hint"')[1].split("</fieldset>")[0]


@pytest.mark.parametrize("key", NOTHING_REFUSED)
def test_nothing_chosen_elsewhere_is_a_translated_error_and_counts_for_nothing(app, client, key):
    sign_in(client, "bewoner2")
    response = save(client, key, None)
    assert response.status_code == 422
    step = next(step for step in STEPS if step.key == key)
    msgid = (
        "Choose at least one answer, or skip this question."
        if step.many
        else "Choose one answer, or skip this question."
    )
    assert t(app, msgid) in page(response)
    assert t(app, msgid) != msgid  # translated, not the English source
    assert count(app, "profiles", "user_id = ?", (user_id(app, "bewoner2"),)) == 0
    assert answered(client) == 0


@pytest.mark.parametrize("key", NOTHING_REFUSED)
def test_every_other_step_counts_once_answered(app, client, key):
    sign_in(client, "bewoner2")
    assert save(client, key, GOOD[key]).status_code == 303
    assert answered(client) == 1


def test_the_caseload_counts_nothing_as_an_answer_too(app):
    """The coach's page uses the same count (completeness)."""
    from webapp.db import connect
    from webapp.profile.queries import completeness, profile_row

    client = app.test_client()
    sign_in(client, "bewoner2")
    save(client, "limits", None)
    db = connect(app.config["DATABASE"])
    try:
        assert completeness(profile_row(db, user_id(app, "bewoner2"))) == (1, 8)
    finally:
        db.close()


def test_download_names_the_questions_answered_with_nothing(client):
    sign_in(client, "bewoner2")
    save(client, "limits", None)
    data = client.get("/profile/export").get_json()
    assert data["profile"]["nothing_chosen"] == ["limits"]
    assert data["profile"]["limits"] == []


def test_an_earlier_profile_still_counts_its_answers(app, client):
    """Profiles stored before nothing_chosen existed (the demo's bewoner) keep their count."""
    sign_in(client, "bewoner")
    row = profile(app, "bewoner")
    expected = sum(1 for step in STEPS if row[step.column] not in (None, ""))
    assert expected > 0
    assert answered(client) == expected
    assert scalar(app, "SELECT nothing_chosen FROM profiles WHERE user_id = ?", (user_id(app, "bewoner"),)) == ""


def test_the_coach_sees_nothing_as_her_answer_too(app, client):
    sign_in(client, "bewoner2")
    save(client, "limits", None)
    coach = app.test_client()
    sign_in(coach, "coach")
    body = page(coach.get(f"/caseload/{user_id(app, 'bewoner2')}"))
    assert t(app, NOTHING) in body
