"""Appointments: the coach plans, moves, cancels; the resident answers; .ics; reminders."""

import uuid
from datetime import date, timedelta

import pytest
from http_support import (
    LONG,
    SCRIPT,
    count,
    execute,
    messages,
    page,
    post_form,
    query,
    scalar,
    sign_in,
    snapshot,
    t,
    user_id,
)

from webapp.coaching.changes import send_reminders
from webapp.coaching.queries import today_local
from webapp.db import connect

TOMORROW = today_local() + timedelta(days=1)


def plan_data(**changes):
    data = {
        "day": (today_local() + timedelta(days=3)).isoformat(),
        "time": "10:30",
        "minutes": "45",
        "kind": "place",
        "place": "Wijkcentrum, kamer 2",
        "note": "Neem je vragen mee.",
    }
    data.update(changes)
    return data


def plan(app, client, resident="bewoner", **changes):
    sign_in(client, "coach")
    return post_form(client, f"/caseload/{user_id(app, resident)}/appointments/new", plan_data(**changes))


def newest(app, resident="bewoner"):
    return query(
        app, "SELECT * FROM appointments WHERE resident_id = ? ORDER BY id DESC LIMIT 1", (user_id(app, resident),)
    )[0]


def notices(app, username, kind):
    return count(app, "notifications", "user_id = ? AND kind = ?", (user_id(app, username), kind))


# --- the coach plans ----------------------------------------------------------------


def test_the_coach_plans_and_the_resident_is_notified(app, client):
    response = plan(app, client)
    assert response.status_code == 303
    stored = newest(app)
    assert stored["starts_at"] == f"{(today_local() + timedelta(days=3)).isoformat()}T10:30"
    assert stored["status"] == "planned" and stored["coach_id"] == user_id(app, "coach")
    assert stored["place"] == "Wijkcentrum, kamer 2" and stored["minutes"] == 45
    assert response.headers["Location"].endswith(f"#appointment-{stored['id']}")
    assert notices(app, "bewoner", "appointment") == 1
    link = scalar(app, "SELECT link FROM notifications WHERE kind = 'appointment'")
    assert link == "/appointments"


def test_the_same_plan_form_twice_is_one_appointment(app, client):
    key = str(uuid.uuid4())
    before = count(app, "appointments")
    first = plan(app, client, client_id=key)
    second = plan(app, client, client_id=key)
    assert first.headers["Location"] == second.headers["Location"]
    assert count(app, "appointments") == before + 1
    assert notices(app, "bewoner", "appointment") == 1


def test_a_phone_appointment_needs_no_place(app, client):
    assert plan(app, client, kind="phone", place="").status_code == 303
    assert newest(app)["kind"] == "phone"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"day": (date.today() - timedelta(days=2)).isoformat()},
            "This day has passed. Choose today or a later day.",
        ),
        ({"day": ""}, "Choose a day."),
        ({"day": "morgen"}, "Choose a day."),
        ({"day": "2026-02-30"}, "Choose a day."),
        ({"time": "25:99"}, "Choose a time."),
        ({"time": ""}, "Choose a time."),
        ({"minutes": "600"}, "Choose one of the options in the list."),
        ({"kind": "video"}, "Choose one of the options in the list."),
        ({"place": ""}, "Say where you meet."),
        ({"place": LONG}, "This is too long. Use at most %(max)d characters."),
        ({"note": LONG}, "This is too long. Use at most %(max)d characters."),
        ({"client_id": "<script>"}, "This form is out of date. Please load the page again and try once more."),
    ],
)
def test_bad_plans_are_refused_with_a_message(app, client, changes, message):
    before = snapshot(app, "appointments", "notifications")
    response = plan(app, client, **changes)
    assert response.status_code == 422
    shown = " ".join(messages(page(response)))
    limits = {"place": 200, "note": 500}
    limit = next((limits[k] for k in changes if k in limits), 0)
    expected = t(app, message, max=limit) if "%(max)d" in message else t(app, message)
    assert expected in shown
    assert snapshot(app, "appointments", "notifications") == before


def test_a_script_in_the_note_is_shown_as_text(app, client):
    plan(app, client, note=SCRIPT)
    sign_in(client, "bewoner")
    body = page(client.get("/appointments"))
    assert SCRIPT not in body and "&lt;script&gt;" in body


def test_only_the_own_coach_plans(app, client):
    sign_in(client, "coach2")
    before = snapshot(app, "appointments")
    response = post_form(client, f"/caseload/{user_id(app, 'bewoner')}/appointments/new", plan_data())
    assert response.status_code == 404
    assert snapshot(app, "appointments") == before


# --- move and cancel ------------------------------------------------------------------


def test_moving_resets_the_answer_and_notifies(app, client):
    plan(app, client)
    appointment = newest(app)
    execute(
        app, "UPDATE appointments SET status = 'accepted', reminded_at = 'x' WHERE id = ?", (appointment["id"],)
    )
    day = (today_local() + timedelta(days=5)).isoformat()
    response = post_form(client, f"/appointments/{appointment['id']}/move", plan_data(day=day))
    assert response.status_code == 303
    moved = newest(app)
    assert moved["starts_at"] == f"{day}T10:30"
    assert moved["status"] == "planned" and moved["reminded_at"] is None
    assert notices(app, "bewoner", "appointment") == 2
    # The same move again changes nothing and buzzes nobody.
    post_form(client, f"/appointments/{appointment['id']}/move", plan_data(day=day))
    assert notices(app, "bewoner", "appointment") == 2


def test_the_move_form_shows_the_appointment(app, client):
    plan(app, client, place="Bibliotheek")
    response = client.get(f"/appointments/{newest(app)['id']}/move")
    assert response.status_code == 200
    assert 'value="Bibliotheek"' in page(response)


def test_cancelling_twice_is_one_cancellation(app, client):
    plan(app, client)
    appointment = newest(app)
    for _ in range(2):
        response = post_form(client, f"/appointments/{appointment['id']}/cancel")
        assert response.status_code == 303
    assert newest(app)["status"] == "cancelled"
    assert notices(app, "bewoner", "appointment") == 2  # planned, cancelled


def test_a_past_appointment_cannot_be_moved(app, client):
    plan(app, client)
    appointment = newest(app)
    execute(app, "UPDATE appointments SET starts_at = '2020-01-01T10:00' WHERE id = ?", (appointment["id"],))
    response = post_form(client, f"/appointments/{appointment['id']}/move", plan_data())
    assert response.status_code == 409
    assert newest(app)["starts_at"] == "2020-01-01T10:00"


# --- the resident answers ---------------------------------------------------------------


def test_accepting_notifies_the_coach_once(app, client):
    plan(app, client)
    appointment = newest(app)
    sign_in(client, "bewoner")
    for _ in range(2):
        response = post_form(client, f"/appointments/{appointment['id']}/accept")
        assert response.status_code == 303
    assert newest(app)["status"] == "accepted"
    assert notices(app, "coach", "appointment_answer") == 1
    assert t(app, "You accepted this appointment.") in page(client.get("/appointments"))


def test_asking_another_time_needs_a_reason(app, client):
    plan(app, client)
    appointment = newest(app)
    sign_in(client, "bewoner")
    path = f"/appointments/{appointment['id']}/another-time"
    assert client.get(path).status_code == 200
    empty = post_form(client, path, {"reason": "  "})
    assert empty.status_code == 422
    assert t(app, "Write a short reason, so your coach can choose another time.") in " ".join(
        messages(page(empty))
    )
    long = post_form(client, path, {"reason": "x" * 301})
    assert long.status_code == 422
    assert newest(app)["status"] == "planned"
    ok = post_form(client, path, {"reason": "Dinsdag werk ik."})
    assert ok.status_code == 303
    assert newest(app)["status"] == "other_time" and newest(app)["reason"] == "Dinsdag werk ik."
    post_form(client, path, {"reason": "Dinsdag werk ik."})  # a retry
    assert notices(app, "coach", "appointment_answer") == 1
    sign_in(client, "coach")
    shown = page(client.get(f"/caseload/{user_id(app, 'bewoner')}"))
    assert "Dinsdag werk ik." in shown and t(app, "Asks for another time:") in shown


def test_a_cancelled_appointment_cannot_be_accepted(app, client):
    plan(app, client)
    appointment = newest(app)
    post_form(client, f"/appointments/{appointment['id']}/cancel")
    sign_in(client, "bewoner")
    response = post_form(client, f"/appointments/{appointment['id']}/accept")
    assert response.status_code == 409
    assert newest(app)["status"] == "cancelled"
    assert t(app, "This appointment has passed or was cancelled. You cannot answer it any more.") in page(response)


def test_another_resident_cannot_answer(app, client):
    plan(app, client)
    appointment = newest(app)
    sign_in(client, "bewoner2")
    assert post_form(client, f"/appointments/{appointment['id']}/accept").status_code == 404
    assert client.get(f"/appointments/{appointment['id']}/another-time").status_code == 404
    assert newest(app)["status"] == "planned"


def test_the_coach_cannot_answer_for_the_resident(app, client):
    plan(app, client)
    response = post_form(client, f"/appointments/{newest(app)['id']}/accept")
    assert response.status_code == 403


def test_the_appointments_page_lists_coming_and_earlier(app, client):
    sign_in(client, "bewoner")
    body = page(client.get("/appointments"))
    assert t(app, "Coming up") in body and t(app, "Earlier") in body
    assert "We praten over de baan" in body  # the seeded coming appointment


# --- the calendar file -------------------------------------------------------------------


def test_the_resident_downloads_an_ics_in_amsterdam_time(app, client):
    plan(app, client, time="09:15")
    appointment = newest(app)
    sign_in(client, "bewoner")
    response = client.get(f"/appointments/{appointment['id']}.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert "attachment" in response.headers["Content-Disposition"]
    text = page(response)
    day = appointment["starts_at"][:10].replace("-", "")
    assert f"DTSTART;TZID=Europe/Amsterdam:{day}T091500" in text
    assert f"DTEND;TZID=Europe/Amsterdam:{day}T100000" in text
    assert "LOCATION:Wijkcentrum\\, kamer 2" in text
    assert "Sanne de Vries" in text


@pytest.mark.parametrize(
    ("who", "status"), [("coach", 200), ("bewoner2", 404), ("coach2", 404), ("gemeente", 404), ("buurtgroep", 404)]
)
def test_who_may_download_the_ics(app, client, who, status):
    plan(app, client)
    appointment = newest(app)
    sign_in(client, who)
    assert client.get(f"/appointments/{appointment['id']}.ics").status_code == status


def test_anonymous_is_sent_to_log_in_for_the_ics(app, client):
    plan(app, client)
    appointment = newest(app)
    fresh = app.test_client()
    response = fresh.get(f"/appointments/{appointment['id']}.ics")
    assert response.status_code == 303 and "/login" in response.headers["Location"]


def test_an_unknown_appointment_is_404(client):
    sign_in(client, "bewoner")
    for path in ("/appointments/999999.ics", "/appointments/99999999999999999999999.ics"):
        assert client.get(path).status_code == 404
    assert post_form(client, "/appointments/999999/accept").status_code == 404


# --- reminders -------------------------------------------------------------------------------


def reminders(app, day=None):
    db = connect(app.config["DATABASE"])
    try:
        return send_reminders(db, day or today_local())
    finally:
        db.close()


def test_a_reminder_the_day_before_and_never_twice(app, client):
    resident = user_id(app, "bewoner")
    execute(app, "DELETE FROM appointments")
    plan(app, client, day=TOMORROW.isoformat())
    plan(app, client, day=TOMORROW.isoformat(), resident="bewoner2", time="15:00")
    plan(app, client, day=(TOMORROW + timedelta(days=1)).isoformat())
    assert reminders(app) == 2
    assert reminders(app) == 0
    assert notices(app, "bewoner", "appointment_reminder") == 1
    assert count(app, "appointments", "reminded_at IS NOT NULL") == 2
    assert (
        scalar(
            app, "SELECT link FROM notifications WHERE kind = 'appointment_reminder' AND user_id = ?", (resident,)
        )
        == "/appointments"
    )


def test_no_reminder_for_a_cancelled_appointment(app, client):
    execute(app, "DELETE FROM appointments")
    plan(app, client, day=TOMORROW.isoformat())
    post_form(client, f"/appointments/{newest(app)['id']}/cancel")
    assert reminders(app) == 0


def test_a_moved_appointment_is_reminded_again(app, client):
    execute(app, "DELETE FROM appointments")
    plan(app, client, day=TOMORROW.isoformat())
    assert reminders(app) == 1
    appointment = newest(app)
    post_form(
        client,
        f"/appointments/{appointment['id']}/move",
        plan_data(day=(TOMORROW + timedelta(days=1)).isoformat()),
    )
    assert reminders(app, TOMORROW) == 1


def test_the_command_runs_and_says_how_many(app, client):
    execute(app, "DELETE FROM appointments")
    plan(app, client, day=TOMORROW.isoformat())
    runner = app.test_cli_runner()
    first = runner.invoke(args=["send-reminders"])
    assert first.exit_code == 0 and "Reminders sent: 1" in first.output
    assert "Reminders sent: 0" in runner.invoke(args=["send-reminders"]).output
    bad = runner.invoke(args=["send-reminders", "--today", "gisteren"])
    assert bad.exit_code != 0
    other_day = runner.invoke(args=["send-reminders", "--today", today_local().isoformat()])
    assert "Reminders sent: 0" in other_day.output
