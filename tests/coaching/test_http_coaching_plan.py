"""The shared plan: coach and resident write goals and steps and tick steps done."""

import uuid

import pytest
from http_support import (
    LONG,
    SCRIPT,
    count,
    messages,
    page,
    post_form,
    query,
    scalar,
    sign_in,
    snapshot,
    t,
    t_isolated,
    user_id,
)


def goals_of(app, username):
    return query(app, "SELECT * FROM plan_goals WHERE resident_id = ? ORDER BY id", (user_id(app, username),))


def add_goal(client, title, who="bewoner", app=None, client_id=None):
    sign_in(client, who)
    path = "/plan/goals"
    if who != "bewoner":
        path = f"/caseload/{user_id(app, 'bewoner')}/plan/goals"
    data = {"goal-title": title}
    if client_id:
        data["goal-client_id"] = client_id
    return post_form(client, path, data)


def add_step(client, goal_id, text, due="", client_id=None):
    data = {f"step{goal_id}-text": text, f"step{goal_id}-due": due}
    if client_id:
        data[f"step{goal_id}-client_id"] = client_id
    return post_form(client, f"/plan/goals/{goal_id}/steps", data)


def test_the_resident_adds_a_goal_and_the_coach_sees_it(app, client):
    response = add_goal(client, "Fietsen leren")
    assert response.status_code == 303
    goal = goals_of(app, "bewoner")[-1]
    assert goal["title"] == "Fietsen leren" and goal["by_coach"] == 0
    assert response.headers["Location"] == f"/plan#goal-{goal['id']}"
    sign_in(client, "coach")
    shown = page(client.get(f"/caseload/{user_id(app, 'bewoner')}"))
    assert "Fietsen leren" in shown
    assert t_isolated(app, "Written by %(name)s", {"name": "Fatima"}) in shown


def test_the_coach_adds_a_goal_and_the_resident_sees_who_wrote_it(app, client):
    response = add_goal(client, "Sollicitatie oefenen", "coach", app)
    assert response.status_code == 303
    goal = goals_of(app, "bewoner")[-1]
    assert goal["by_coach"] == 1
    assert response.headers["Location"] == f"/caseload/{user_id(app, 'bewoner')}#goal-{goal['id']}"
    sign_in(client, "bewoner")
    shown = page(client.get("/plan"))
    assert "Sollicitatie oefenen" in shown and t(app, "Written by your coach") in shown


def test_the_same_goal_form_twice_is_one_goal(app, client):
    key = str(uuid.uuid4())
    before = len(goals_of(app, "bewoner"))
    add_goal(client, "Eén keer", client_id=key)
    add_goal(client, "Eén keer", client_id=key)
    assert len(goals_of(app, "bewoner")) == before + 1


@pytest.mark.parametrize(
    ("title", "message"),
    [("", "Write the goal first."), (LONG, "This is too long. Use at most %(max)d characters.")],
)  # noqa: E501
def test_a_bad_goal_is_refused(app, client, title, message):
    before = snapshot(app, "plan_goals")
    response = add_goal(client, title)
    assert response.status_code == 422
    assert t(app, message, max=200) in " ".join(messages(page(response)))
    assert snapshot(app, "plan_goals") == before


def test_a_bad_goal_from_the_coach_shows_the_participant_page_again(app, client):
    response = add_goal(client, "", "coach", app)
    assert response.status_code == 422
    assert t(app, "Write the goal first.") in " ".join(messages(page(response)))
    assert "Fatima" in page(response)


def test_steps_with_a_date_and_ticking_by_both(app, client):
    add_goal(client, "Werk vinden")
    goal = goals_of(app, "bewoner")[-1]["id"]
    response = add_step(client, goal, "Cv maken", "2027-01-15")
    assert response.status_code == 303
    step = query(app, "SELECT * FROM plan_steps WHERE goal_id = ?", (goal,))[0]
    assert step["due_date"] == "2027-01-15" and step["done_at"] is None
    assert response.headers["Location"] == f"/plan#step-{step['id']}"
    sign_in(client, "coach")
    assert post_form(client, f"/plan/steps/{step['id']}/done", {"done": "1"}).status_code == 303
    first = scalar(app, "SELECT done_at FROM plan_steps WHERE id = ?", (step["id"],))
    assert first and scalar(app, "SELECT done_by_coach FROM plan_steps WHERE id = ?", (step["id"],)) == 1
    post_form(client, f"/plan/steps/{step['id']}/done", {"done": "1"})  # a double tap
    assert scalar(app, "SELECT done_at FROM plan_steps WHERE id = ?", (step["id"],)) == first
    sign_in(client, "bewoner")
    assert post_form(client, f"/plan/steps/{step['id']}/done", {"done": "0"}).status_code == 303
    assert scalar(app, "SELECT done_at FROM plan_steps WHERE id = ?", (step["id"],)) is None


@pytest.mark.parametrize(
    ("text", "due", "message"),
    [
        ("", "", "Write the step first."),
        ("Stap", "15-01-2027", "Choose a day, or leave this empty."),
        ("Stap", "2027-02-30", "Choose a day, or leave this empty."),
    ],
)
def test_a_bad_step_is_refused(app, client, text, due, message):
    add_goal(client, "Doel")
    goal = goals_of(app, "bewoner")[-1]["id"]
    before = snapshot(app, "plan_steps")
    response = add_step(client, goal, text, due)
    assert response.status_code == 422
    assert t(app, message) in " ".join(messages(page(response)))
    assert snapshot(app, "plan_steps") == before


def test_a_script_in_a_step_is_text(app, client):
    add_goal(client, SCRIPT)
    goal = goals_of(app, "bewoner")[-1]["id"]
    add_step(client, goal, SCRIPT)
    body = page(client.get("/plan"))
    assert SCRIPT not in body and "&lt;script&gt;" in body


@pytest.mark.parametrize("value", ["", "2", "ja", SCRIPT])
def test_a_tick_must_say_done_or_not(app, client, value):
    add_goal(client, "Doel")
    goal = goals_of(app, "bewoner")[-1]["id"]
    add_step(client, goal, "Stap")
    step = scalar(app, "SELECT id FROM plan_steps WHERE goal_id = ?", (goal,))
    assert post_form(client, f"/plan/steps/{step}/done", {"done": value}).status_code == 400


@pytest.mark.parametrize("who", ["bewoner2", "coach2", "gemeente", "buurtgroep"])
def test_nobody_else_touches_the_plan(app, client, who):
    add_goal(client, "Privé doel")
    goal = goals_of(app, "bewoner")[-1]["id"]
    add_step(client, goal, "Privé stap")
    step = scalar(app, "SELECT id FROM plan_steps WHERE goal_id = ?", (goal,))
    before = snapshot(app, "plan_goals", "plan_steps")
    sign_in(client, who)
    assert add_step(client, goal, "Inbraak").status_code == 404
    assert post_form(client, f"/plan/steps/{step}/done", {"done": "1"}).status_code == 404
    assert post_form(client, f"/plan/steps/{step}/delete").status_code == 404
    assert post_form(client, f"/plan/goals/{goal}/delete").status_code == 404
    assert snapshot(app, "plan_goals", "plan_steps") == before
    if who == "bewoner2":
        assert "Privé doel" not in page(client.get("/plan"))


def test_removing_a_step_then_its_goal(app, client):
    add_goal(client, "Weg ermee")
    goal = goals_of(app, "bewoner")[-1]["id"]
    add_step(client, goal, "Stap")
    step = scalar(app, "SELECT id FROM plan_steps WHERE goal_id = ?", (goal,))
    response = post_form(client, f"/plan/goals/{goal}/delete")
    assert response.status_code == 409  # it still has a step
    assert t(app, "This goal still has steps. Remove the steps first.") in page(response)
    assert post_form(client, f"/plan/steps/{step}/delete").status_code == 303
    assert post_form(client, f"/plan/goals/{goal}/delete").status_code == 303
    assert count(app, "plan_goals", "id = ?", (goal,)) == 0


def test_plan_writes_need_a_token(app, client):
    sign_in(client, "bewoner")
    before = snapshot(app, "plan_goals")
    assert client.post("/plan/goals", data={"goal-title": "Zonder token"}).status_code == 400
    assert snapshot(app, "plan_goals") == before


def test_the_coach_page_of_the_resident_summarises_the_plan(app, client):
    sign_in(client, "bewoner")
    body = page(client.get("/coach"))
    first = goals_of(app, "bewoner")[0]["title"]
    assert first in body


# --- changing what was written -------------------------------------------------------------


def first_step(app):
    return query(
        app,
        """SELECT plan_steps.* FROM plan_steps JOIN plan_goals ON plan_goals.id = goal_id
                          WHERE resident_id = ? ORDER BY plan_steps.id LIMIT 1""",
        (user_id(app, "bewoner"),),
    )[0]


def change_step(client, step_id, text, due=""):
    return post_form(
        client,
        f"/plan/steps/{step_id}/change",
        {f"step{step_id}change-text": text, f"step{step_id}change-due": due},
    )


def test_the_coach_rewords_a_step_and_the_resident_sees_who_did(app, client):
    step = first_step(app)
    sign_in(client, "coach")
    response = change_step(client, step["id"], "Het profiel samen invullen", "2027-01-15")
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"#step-{step['id']}")
    changed = first_step(app)
    assert (changed["text"], changed["due_date"], changed["changed_by_coach"]) == (
        "Het profiel samen invullen",
        "2027-01-15",
        1,
    )
    assert changed["by_coach"] == step["by_coach"]  # who wrote it first stays
    sign_in(client, "bewoner")
    shown = page(client.get("/plan"))
    assert "Het profiel samen invullen" in shown
    assert t(app, "Changed by your coach, %(when)s", when="").rstrip(", ") in shown


def test_the_resident_rewords_a_goal(app, client):
    goal = goals_of(app, "bewoner")[0]
    sign_in(client, "bewoner")
    data = {f"goal{goal['id']}change-title": "Werk vinden voor 20 uur"}
    assert post_form(client, f"/plan/goals/{goal['id']}/change", data).status_code == 303
    changed = goals_of(app, "bewoner")[0]
    assert changed["title"] == "Werk vinden voor 20 uur" and changed["changed_by_coach"] == 0


def test_the_same_change_twice_is_one_change(app, client):
    step = first_step(app)
    sign_in(client, "bewoner")
    change_step(client, step["id"], "Nieuwe tekst")
    once = first_step(app)
    assert change_step(client, step["id"], "Nieuwe tekst").status_code == 303
    assert first_step(app) == once  # not even a new time stamp


def test_a_change_to_nothing_new_changes_nothing(app, client):
    step = first_step(app)
    sign_in(client, "bewoner")
    assert change_step(client, step["id"], step["text"], step["due_date"] or "").status_code == 303
    assert first_step(app) == step


@pytest.mark.parametrize(
    ("text", "due", "msgid"),
    [
        ("", "", "Write the step first."),
        ("   ", "", "Write the step first."),
        (LONG, "", "This is too long. Use at most %(max)d characters."),
        ("Stap", "15-01-2027", "Choose a day, or leave this empty."),
    ],
)
def test_a_bad_change_keeps_the_step_and_says_why(app, client, text, due, msgid):
    step = first_step(app)
    sign_in(client, "bewoner")
    response = change_step(client, step["id"], text, due)
    assert response.status_code == 422
    expected = t(app, msgid, max=200)
    assert any(expected in shown for shown in messages(page(response)))
    assert f'id="step{step["id"]}change-text"' in page(response)  # the form is there, open again
    assert first_step(app) == step


def test_a_script_in_a_change_is_stored_as_text_and_escaped(app, client):
    step = first_step(app)
    sign_in(client, "bewoner")
    change_step(client, step["id"], SCRIPT)
    assert first_step(app)["text"] == SCRIPT
    assert SCRIPT not in page(client.get("/plan"))


@pytest.mark.parametrize("who", ["bewoner2", "coach2", "gemeente"])
def test_nobody_else_changes_the_plan(app, client, who):
    step = first_step(app)
    goal = goals_of(app, "bewoner")[0]
    before = snapshot(app, "plan_goals", "plan_steps")
    sign_in(client, who)
    assert change_step(client, step["id"], "Van iemand anders").status_code == 404
    data = {f"goal{goal['id']}change-title": "Van iemand anders"}
    assert post_form(client, f"/plan/goals/{goal['id']}/change", data).status_code == 404
    assert snapshot(app, "plan_goals", "plan_steps") == before


def test_changing_an_unknown_step_is_404(client):
    sign_in(client, "bewoner")
    assert change_step(client, 999999, "x").status_code == 404
    assert post_form(client, "/plan/goals/999999/change", {"goal999999change-title": "x"}).status_code == 404
