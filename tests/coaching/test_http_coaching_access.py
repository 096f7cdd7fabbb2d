"""Who may open and send what in coaching: every new route x anonymous, the resident,
another resident, their own coach, another coach and the municipality; CSRF on every POST.

The subject is ``bewoner`` (Fatima), in the caseload of ``coach``. ``bewoner2`` is
another resident of the same coach; ``coach2`` coaches other people.
"""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from http_support import (
    execute,
    post_form,
    scalar,
    sign_in,
    snapshot,
    user_id,
)

from webapp.coaching.queries import today_local

WHO = (None, "bewoner", "bewoner2", "coach", "coach2", "gemeente")
LOGIN = "login"
TABLES = (
    "messages",
    "appointments",
    "plan_goals",
    "plan_steps",
    "interests",
    "users",
    "start_codes",
    "coach_details",
    "coach_changes",
    "access_log",
    "notifications",
)


def ids(app):
    fatima = user_id(app, "bewoner")
    return {
        "fatima": fatima,
        "appointment": scalar(
            app,
            "SELECT id FROM appointments WHERE resident_id = ? AND status = 'planned' ORDER BY starts_at DESC",
            (fatima,),
        ),
        "goal": scalar(app, "SELECT id FROM plan_goals WHERE resident_id = ? ORDER BY id", (fatima,)),
        "step": scalar(
            app,
            "SELECT plan_steps.id FROM plan_steps JOIN plan_goals "
            "ON plan_goals.id = goal_id WHERE resident_id = ?",
            (fatima,),
        ),
        "interest": scalar(app, "SELECT id FROM interests WHERE user_id = ?", (fatima,)),
        "coach2": user_id(app, "coach2"),
    }


def expect(**statuses):
    """Fill in a row of the matrix; anonymous always goes to the login page."""
    row = {None: LOGIN}
    row.update({who: statuses.get(who) for who in WHO[1:]})
    missing = [who for who, status in row.items() if status is None]
    assert not missing, missing
    return row


RESIDENT_PAGE = expect(bewoner=200, bewoner2=200, coach=403, coach2=403, gemeente=403)
COACH_PAGE = expect(bewoner=403, bewoner2=403, coach=200, coach2=200, gemeente=403)
PARTICIPANT = expect(bewoner=403, bewoner2=403, coach=200, coach2=404, gemeente=403)
RESIDENT_ONLY = expect(bewoner=200, bewoner2=404, coach=403, coach2=403, gemeente=403)
BOTH = expect(bewoner=200, bewoner2=404, coach=200, coach2=404, gemeente=404)
MUNICIPALITY = expect(bewoner=403, bewoner2=403, coach=403, coach2=403, gemeente=200)

GET_ROUTES = [
    ("/coach", RESIDENT_PAGE),
    ("/messages", RESIDENT_PAGE),
    ("/messages/poll?after=0&unread=0", RESIDENT_PAGE),
    ("/appointments", RESIDENT_PAGE),
    ("/plan", RESIDENT_PAGE),
    ("/appointments/{appointment}/another-time", RESIDENT_ONLY),
    ("/appointments/{appointment}.ics", BOTH),
    ("/caseload", COACH_PAGE),
    ("/caseload?q=fat", COACH_PAGE),
    ("/caseload/new", COACH_PAGE),
    ("/caseload/details", COACH_PAGE),
    ("/caseload/{fatima}", PARTICIPANT),
    ("/caseload/{fatima}/messages", PARTICIPANT),
    ("/caseload/{fatima}/messages/poll?after=0&unread=0", PARTICIPANT),
    ("/caseload/{fatima}/appointments/new", PARTICIPANT),
    ("/caseload/{fatima}/export", PARTICIPANT),
    ("/appointments/{appointment}/move", PARTICIPANT),
    ("/caseload/999999", expect(bewoner=403, bewoner2=403, coach=404, coach2=404, gemeente=403)),
    ("/gemeente/caseloads", MUNICIPALITY),
    ("/gemeente/caseloads?q=fatima", MUNICIPALITY),
    ("/gemeente/caseloads/{fatima}", MUNICIPALITY),
    ("/gemeente/caseloads/999999", expect(bewoner=403, bewoner2=403, coach=403, coach2=403, gemeente=404)),
]


def _params(routes, with_data=False):
    for route in routes:
        path, matrix = route[0], route[-1]
        for who, status in matrix.items():
            values = (path, route[1], who, status) if with_data else (path, who, status)
            yield pytest.param(*values, id=f"{path}-{who or 'anonymous'}")


def check(response, status):
    if status == LOGIN:
        assert response.status_code == 303
        assert urlsplit(response.headers["Location"]).path == "/login"
    else:
        assert response.status_code == status


@pytest.mark.parametrize(("path", "who", "status"), list(_params(GET_ROUTES)))
def test_get_access(reader_app, reader, path, who, status):
    sign_in(reader, who)
    check(reader.get(path.format(**ids(reader_app))), status)


def plan_data():
    return {
        "day": (today_local() + timedelta(days=4)).isoformat(),
        "time": "11:00",
        "minutes": "30",
        "kind": "phone",
        "place": "",
        "note": "",
    }


POST_ROUTES = [
    ("/messages", {"body": "Hallo"}, expect(bewoner=303, bewoner2=303, coach=403, coach2=403, gemeente=403)),
    (
        "/caseload/{fatima}/messages",
        {"body": "Hallo"},
        expect(bewoner=403, bewoner2=403, coach=303, coach2=404, gemeente=403),
    ),
    (
        "/appointments/{appointment}/accept",
        {},
        expect(bewoner=303, bewoner2=404, coach=403, coach2=403, gemeente=403),
    ),
    (
        "/appointments/{appointment}/another-time",
        {"reason": "Dan kan ik niet."},
        expect(bewoner=303, bewoner2=404, coach=403, coach2=403, gemeente=403),
    ),
    (
        "/caseload/{fatima}/appointments/new",
        "plan",
        expect(bewoner=403, bewoner2=403, coach=303, coach2=404, gemeente=403),
    ),
    (
        "/appointments/{appointment}/move",
        "plan",
        expect(bewoner=403, bewoner2=403, coach=303, coach2=404, gemeente=403),
    ),
    (
        "/appointments/{appointment}/cancel",
        {},
        expect(bewoner=403, bewoner2=403, coach=303, coach2=404, gemeente=403),
    ),
    (
        "/plan/goals",
        {"goal-title": "Doel"},
        expect(bewoner=303, bewoner2=303, coach=403, coach2=403, gemeente=403),
    ),
    (
        "/caseload/{fatima}/plan/goals",
        {"goal-title": "Doel"},
        expect(bewoner=403, bewoner2=403, coach=303, coach2=404, gemeente=403),
    ),
    (
        "/plan/goals/{goal}/steps",
        {"step{goal}-text": "Stap"},
        expect(bewoner=303, bewoner2=404, coach=303, coach2=404, gemeente=404),
    ),
    (
        "/plan/steps/{step}/done",
        {"done": "1"},
        expect(bewoner=303, bewoner2=404, coach=303, coach2=404, gemeente=404),
    ),
    (
        "/plan/steps/{step}/change",
        {"step{step}change-text": "Anders"},
        expect(bewoner=303, bewoner2=404, coach=303, coach2=404, gemeente=404),
    ),
    (
        "/plan/goals/{goal}/change",
        {"goal{goal}change-title": "Anders"},
        expect(bewoner=303, bewoner2=404, coach=303, coach2=404, gemeente=404),
    ),
    ("/plan/steps/{step}/delete", {}, expect(bewoner=303, bewoner2=404, coach=303, coach2=404, gemeente=404)),
    (
        "/plan/goals/{empty_goal}/delete",
        {},
        expect(bewoner=303, bewoner2=404, coach=303, coach2=404, gemeente=404),
    ),
    (
        "/caseload/{fatima}/interests/{interest}",
        {"interest{interest}-answer": "talk"},
        expect(bewoner=403, bewoner2=403, coach=303, coach2=404, gemeente=403),
    ),
    ("/caseload/{fatima}/start-code", {}, expect(bewoner=403, bewoner2=403, coach=200, coach2=404, gemeente=403)),
    (
        "/caseload/new",
        {"display_name": "Nieuwe Deelnemer"},
        expect(bewoner=403, bewoner2=403, coach=200, coach2=200, gemeente=403),
    ),
    (
        "/caseload/details",
        {"phone": "020 123 45 67", "days": "mon"},
        expect(bewoner=403, bewoner2=403, coach=303, coach2=303, gemeente=403),
    ),
    (
        "/gemeente/caseloads/{fatima}",
        {"coach": "{coach2}"},
        expect(bewoner=403, bewoner2=403, coach=403, coach2=403, gemeente=303),
    ),
]


def _fill(app, path, data):
    values = ids(app)
    values["empty_goal"] = execute_goal(app, values["fatima"])
    data = plan_data() if data == "plan" else data
    filled = {key.format(**values): value.format(**values) for key, value in data.items()}
    return path.format(**values), filled


def execute_goal(app, resident):
    execute(
        app,
        "INSERT INTO plan_goals (resident_id, title, by_coach, created_at) "
        "VALUES (?, 'Leeg doel', 1, '2026-01-01T00:00:00Z')",
        (resident,),
    )
    return scalar(app, "SELECT MAX(id) FROM plan_goals")


@pytest.mark.parametrize(("path", "data", "who", "status"), list(_params(POST_ROUTES, True)))
def test_post_access(app, client, path, data, who, status):
    path, data = _fill(app, path, data)
    sign_in(client, who)
    before = snapshot(app, *TABLES) if status not in (200, 303) else None
    check(post_form(client, path, data), status)
    if before is not None:
        after = snapshot(app, *TABLES)
        # Refused: nothing changed (rendering the token page may log nothing either).
        assert after == before


@pytest.mark.parametrize(("path", "data"), [(route[0], route[1]) for route in POST_ROUTES])
def test_every_post_needs_a_csrf_token(app, client, path, data):
    path, data = _fill(app, path, data)
    who = {"/gemeente": "gemeente", "/caseload": "coach", "/appointments/{": "coach"}
    user = next((name for prefix, name in who.items() if path.startswith(prefix.split("{")[0])), "bewoner")
    if path.endswith(("/accept", "/another-time")):
        user = "bewoner"
    sign_in(client, user)
    before = snapshot(app, *TABLES)
    response = client.post(path, data=data)
    assert response.status_code == 400
    assert snapshot(app, *TABLES) == before


def test_a_coach_never_reads_another_coachs_participant(app, client):
    sign_in(client, "coach2")
    fatima = user_id(app, "bewoner")
    for path in (f"/caseload/{fatima}", f"/caseload/{fatima}/messages", f"/caseload/{fatima}/export"):
        response = client.get(path)
        assert response.status_code == 404
        assert "Moet ik iets meenemen" not in response.get_data(as_text=True)
    listed = client.get("/caseload").get_data(as_text=True)
    assert "Fatima" not in listed and f"/caseload/{fatima}" not in listed
