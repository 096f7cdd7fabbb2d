"""The plan's dates: an open step says when to do it, a done step when it was done.

"Done by 12 December" beside a "Done" button read as if the step were done
already; now an open step says "Do before ..." and a done one "Done on ...".
"""

import re

import pytest
from http_support import execute, page, post_form, query, sign_in, user_id


@pytest.fixture
def steps(app):
    """Fatima's plan: one open step with a date, one done step (done on 10 December 2026)."""
    fatima = user_id(app, "bewoner")
    execute(app, "DELETE FROM plan_goals WHERE resident_id = ?", (fatima,))
    execute(
        app,
        """INSERT INTO plan_goals (id, resident_id, title, by_coach, created_at)
           VALUES (900, ?, 'Werk vinden', 1, '2026-11-01T09:00:00Z')""",
        (fatima,),
    )
    execute(
        app,
        """INSERT INTO plan_steps (id, goal_id, text, due_date, by_coach, done_at, done_by_coach, created_at)
           VALUES (901, 900, 'Cv maken', '2030-12-12', 1, NULL, NULL, '2026-11-01T09:00:00Z'),
                  (902, 900, 'Profiel invullen', '2026-12-20', 0, '2026-12-10T11:00:00Z', 0,
                   '2026-11-01T09:00:00Z')""",
    )
    return {"open": 901, "done": 902}


def step_html(html, step_id):
    return re.search(rf'<li class="step[^"]*" id="step-{step_id}">(.*?)</li>', html, re.S).group(1)


def meta(html, step_id):
    found = re.search(r'<p class="step__meta">(.*?)</p>', step_html(html, step_id), re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", " ", found).split())


@pytest.mark.parametrize(("who", "path"), [("bewoner", "/plan"), ("coach", "/caseload/{fatima}")])
@pytest.mark.parametrize(
    ("lang", "open_text", "done_text"),
    [
        ("nl", "Doen voor 12 december 2030", "Klaar op 10 december"),
        ("en", "Do before 12 December 2030", "Done on 10 December"),
    ],
)
def test_open_steps_say_do_before_and_done_steps_done_on(
    app, client, steps, who, path, lang, open_text, done_text
):
    sign_in(client, who)
    client.get(f"/?lang={lang}")
    html = page(client.get(path.format(fatima=user_id(app, "bewoner"))))
    assert meta(html, steps["open"]).startswith(open_text)
    done = meta(html, steps["done"])
    assert done.startswith(done_text)  # "2026": the year only when it is not this year
    assert "12 december" not in done.lower() and "20 december" not in done.lower()
    # The open step never reads as done (the old "Klaar op 12 december" / "Done by").
    assert done_text.split()[0] not in meta(html, steps["open"])


def test_ticking_off_shows_the_day_it_was_done(app, client, steps):
    sign_in(client, "bewoner")
    assert (
        post_form(client, f"/plan/steps/{steps['open']}/done", {"done": "1"}, token_from="/plan").status_code
        == 303
    )
    done_at = query(app, "SELECT done_at FROM plan_steps WHERE id = ?", (steps["open"],))[0]["done_at"]
    assert done_at
    text = meta(page(client.get("/plan")), steps["open"])
    assert text.startswith("Klaar op ")
    assert "Doen voor" not in text


def test_every_step_has_the_same_controls_in_the_same_order(app, client, steps):
    sign_in(client, "bewoner")
    html = page(client.get("/plan"))

    def controls(step_id):
        actions = re.search(r'<div class="step__actions">(.*)</div>', step_html(html, step_id), re.S).group(1)
        # A form's action may end in the fragment of its error summary (#...-errors).
        found = re.findall(r'action="[^"]*/(done|change|delete)(?:#[^"]*)?"', actions)
        return found

    assert controls(steps["open"]) == controls(steps["done"]) == ["done", "change", "delete"]
