"""Limits on what succeeds (webapp/limits.py): the answer past them is a 429 that
says when to try again, for a page and for htmx, and nobody else is affected."""

import re
import uuid

import pytest
from flask_babel import ngettext
from http_support import count, csrf_token, nt, page, post_form, scalar, sign_in, t, user_id

from webapp import limits

HTMX = {"HX-Request": "true"}
DONE = "You did this many times in a short while."
TRIED = "You tried many times in a short while."
NOT_SAVED = (
    "What you sent just now was not saved. Go back with the Back button of your browser: "
    "what you typed is still there."
)
PASSWORD = "een goed wachtwoord"  # noqa: S105
MINUTES = ("Try again in %(num)d minute.", "Try again in %(num)d minutes.")


def send(client, body="Hallo", client_id=None, headers=None, path="/messages"):
    data = {"body": body}
    if client_id:
        data["client_id"] = client_id
    return post_form(client, path, data, headers=headers or {})


def mine(app, username="bewoner"):
    return count(app, "messages", "sender_id = ?", (user_id(app, username),))


def retry_after(response):
    assert re.fullmatch(r"\d+", response.headers["Retry-After"])
    return int(response.headers["Retry-After"])


# --- messages --------------------------------------------------------------------


def test_the_message_past_the_limit_is_429_with_retry_after_and_nothing_stored(make_app):
    app = make_app(MESSAGE_LIMIT_PER_PERSON="3 per 10 minutes")
    client = sign_in(app.test_client(), "bewoner")
    before = mine(app)
    assert [send(client, f"Bericht {n}").status_code for n in range(3)] == [303] * 3
    response = send(client, "Nummer vier")
    assert response.status_code == 429
    assert 540 <= retry_after(response) <= 600
    assert mine(app) == before + 3
    body = page(response)
    assert t(app, "Please wait a little") in body
    assert t(app, DONE) in body
    assert nt(app, *MINUTES, 10) in body
    assert t(app, NOT_SAVED) in body
    assert "private, no-store" in response.headers["Cache-Control"]


@pytest.mark.parametrize(("lang", "plain"), [("nl", 0), ("nl", 1), ("en", 0), ("en", 1)])
def test_the_429_page_is_in_the_readers_language(make_app, lang, plain):
    app = make_app(MESSAGE_LIMIT_PER_PERSON="1 per hour")
    client = sign_in(app.test_client(), "bewoner")
    client.get(f"/?lang={lang}&plain={plain}")
    assert send(client).status_code == 303
    body = page(send(client, headers={"Referer": "http://localhost/messages"}))
    for msgid in (DONE, NOT_SAVED, "Please wait a little", "Back to where you were", "To the home page"):
        assert t(app, msgid, lang, bool(plain)) in body
    with app.test_request_context(f"/?lang={lang}&plain={plain}"):
        app.preprocess_request()
        assert ngettext(*MINUTES, 60) in body
    if lang == "nl":
        assert "Probeer het over 60 minuten" in body
    else:
        assert "Try again in 60 minutes." in body


def test_the_way_back_is_the_page_the_form_was_on(make_app):
    app = make_app(MESSAGE_LIMIT_PER_PERSON="1 per hour")
    client = sign_in(app.test_client(), "bewoner")
    send(client)
    response = post_form(client, "/messages", {"body": "x"}, headers={"Referer": "http://localhost/messages"})
    assert 'href="/messages" data-history-back' in page(response)
    elsewhere = post_form(client, "/messages", {"body": "x"}, headers={"Referer": "https://evil.example/messages"})
    assert "data-history-back" not in page(elsewhere)


def test_refused_forms_do_not_use_up_the_allowance(make_app):
    app = make_app(MESSAGE_LIMIT_PER_PERSON="2 per 10 minutes")
    client = sign_in(app.test_client(), "bewoner")
    assert [send(client, "").status_code for _ in range(5)] == [422] * 5
    assert [send(client).status_code for _ in range(2)] == [303, 303]
    assert send(client).status_code == 429


def test_another_person_is_not_affected(make_app):
    app = make_app(MESSAGE_LIMIT_PER_PERSON="2 per 10 minutes", COACH_MESSAGE_LIMIT_PER_PERSON="2 per 10 minutes")
    first = sign_in(app.test_client(), "bewoner")
    for _ in range(2):
        send(first)
    assert send(first).status_code == 429
    assert send(sign_in(app.test_client(), "bewoner2")).status_code == 303
    coach = sign_in(app.test_client(), "coach")
    resident = user_id(app, "bewoner")
    assert send(coach, path=f"/caseload/{resident}/messages").status_code == 303


def test_the_coach_has_a_limit_of_their_own(make_app):
    app = make_app(COACH_MESSAGE_LIMIT_PER_PERSON="2 per 10 minutes")
    coach = sign_in(app.test_client(), "coach")
    path = f"/caseload/{user_id(app, 'bewoner')}/messages"
    assert [send(coach, path=path).status_code for _ in range(3)] == [303, 303, 429]


def test_a_repeat_of_a_sent_message_is_answered_past_the_limit_and_not_counted(make_app):
    app = make_app(MESSAGE_LIMIT_PER_PERSON="2 per 10 minutes")
    client = sign_in(app.test_client(), "bewoner")
    key = str(uuid.uuid4())
    first = send(client, "Eén keer", client_id=key)
    assert first.status_code == 303
    # The outbox sends it again (the answer was lost): the first answer, not a 429, not counted.
    for _ in range(3):
        again = send(client, "Eén keer", client_id=key)
        assert again.status_code == 303
        assert again.headers["Location"] == first.headers["Location"]
    assert send(client, "Twee").status_code == 303  # the repeats left this one
    assert send(client, "Drie").status_code == 429
    assert send(client, "Eén keer", client_id=key).status_code == 303


def test_htmx_gets_a_notice_before_the_form_and_the_form_stays(make_app):
    app = make_app(MESSAGE_LIMIT_PER_PERSON="1 per 10 minutes")
    client = sign_in(app.test_client(), "bewoner")
    assert send(client, headers=HTMX).status_code == 200
    response = send(client, "Bewaar mij", headers=HTMX)
    assert response.status_code == 429
    assert retry_after(response) > 0
    assert response.headers["HX-Retarget"] == "this"
    assert response.headers["HX-Reswap"] == "beforebegin"
    assert "HX-Request" in response.headers["Vary"]
    body = page(response)
    assert body.lstrip().startswith('<div class="notice notice--error" role="alert" data-too-many>')
    assert "<html" not in body and "<form" not in body  # the form on the page is left alone
    assert t(app, DONE) in body and nt(app, *MINUTES, 10) in body
    assert t(app, "It was not sent. What you typed is still here.") in body


# --- every write that is limited ------------------------------------------------------


def _first_open_proposal(app):
    return scalar(app, "SELECT id FROM proposals WHERE status = 'open' ORDER BY id LIMIT 1")


def _goal(app):
    return scalar(
        app, "SELECT id FROM plan_goals WHERE resident_id = ? ORDER BY id LIMIT 1", (user_id(app, "bewoner"),)
    )


def _appointment(app):
    return scalar(
        app, "SELECT id FROM appointments WHERE resident_id = ? ORDER BY id LIMIT 1", (user_id(app, "bewoner"),)
    )


def _job(app):
    return scalar(app, "SELECT id FROM jobs ORDER BY id LIMIT 1")


# (setting, who, the URL of the write)
WRITES = [
    ("MESSAGE_LIMIT_PER_PERSON", "bewoner", lambda app: "/messages"),
    ("COACH_MESSAGE_LIMIT_PER_PERSON", "coach", lambda app: f"/caseload/{user_id(app, 'bewoner')}/messages"),
    ("COMMENT_LIMIT_PER_PERSON", "bewoner", lambda app: f"/proposals/{_first_open_proposal(app)}/comments"),
    ("PROPOSAL_LIMIT_PER_PERSON", "bewoner", lambda app: "/proposals/new"),
    ("REPORT_LIMIT_PER_PERSON", "bewoner", lambda app: f"/proposals/{_first_open_proposal(app)}/report"),
    ("INTEREST_LIMIT_PER_PERSON", "bewoner", lambda app: f"/jobs/{_job(app)}/interest"),
    ("INTEREST_LIMIT_PER_PERSON", "bewoner", lambda app: f"/jobs/{_job(app)}/interest/withdraw"),
    ("PLAN_LIMIT_PER_PERSON", "bewoner", lambda app: "/plan/goals"),
    ("PLAN_LIMIT_PER_PERSON", "coach", lambda app: f"/caseload/{user_id(app, 'bewoner')}/plan/goals"),
    ("PLAN_LIMIT_PER_PERSON", "bewoner", lambda app: f"/plan/goals/{_goal(app)}/steps"),
    ("APPOINTMENT_LIMIT_PER_PERSON", "coach", lambda app: f"/caseload/{user_id(app, 'bewoner')}/appointments/new"),
    ("APPOINTMENT_LIMIT_PER_PERSON", "bewoner", lambda app: f"/appointments/{_appointment(app)}/another-time"),
]


@pytest.mark.parametrize(("setting", "who", "url"), WRITES, ids=[f"{w[0]}-{i}" for i, w in enumerate(WRITES)])
def test_every_limited_write_is_refused_when_its_allowance_is_used(make_app, setting, who, url):
    """With no allowance left (0), the write is refused before it runs; another
    setting at 0 leaves it alone (the route is wired to its own setting)."""
    app = make_app(**{setting: "0 per day"})
    client = sign_in(app.test_client(), who)
    path = url(app)
    assert "None" not in path
    response = post_form(client, path, {})
    assert response.status_code == 429
    assert t(app, DONE) in page(response)
    other = "SIGNUPS_PER_ADDRESS" if setting != "SIGNUPS_PER_ADDRESS" else "MESSAGE_LIMIT_PER_PERSON"
    app_other = make_app(**{other: "0 per day"})
    assert post_form(sign_in(app_other.test_client(), who), url(app_other), {}).status_code != 429


# --- sign-ups from one address ------------------------------------------------------


def _sign_up(client, name, address="10.0.0.1"):
    token = csrf_token(client, "/signup")
    return client.post(
        "/signup",
        data={
            "username": name,
            "password": "een goed wachtwoord",
            "confirm": "een goed wachtwoord",
            "csrf_token": token,
        },
        environ_base={"REMOTE_ADDR": address},
    )


def test_successful_signups_from_one_address_are_limited(make_app):
    app = make_app(SIGNUPS_PER_ADDRESS="2 per 10 minutes")
    users = count(app, "users")
    answers = [_sign_up(app.test_client(), f"nieuw{n}").status_code for n in range(3)]
    assert answers == [303, 303, 429]
    assert count(app, "users") == users + 2
    refused = _sign_up(app.test_client(), "nieuw9")
    assert retry_after(refused) > 0
    assert t(app, DONE) in page(refused)
    # Another address signs up as before.
    assert _sign_up(app.test_client(), "elders", address="10.0.0.2").status_code == 303


def test_failed_signups_do_not_use_up_the_allowance_of_successes(make_app):
    app = make_app(SIGNUPS_PER_ADDRESS="1 per 10 minutes")
    for _ in range(3):
        assert _sign_up(app.test_client(), "x").status_code == 422  # too short a name
    assert _sign_up(app.test_client(), "nieuwkomer").status_code == 303


# --- failed tries say so, with the right wait ---------------------------------------------


def test_too_many_failed_tries_say_how_long_to_wait(make_app):
    app = make_app(SIGNUP_LIMIT_PER_ADDRESS="1 per hour")
    client = app.test_client()
    assert _sign_up(client, "x").status_code == 422
    response = _sign_up(client, "x")
    assert response.status_code == 429
    body = page(response)
    assert t(app, "Too many tries") in body and t(app, TRIED) in body
    assert nt(app, *MINUTES, 60) in body
    assert t(app, DONE) not in body
    assert 3500 <= retry_after(response) <= 3600


# --- how long, in words -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (1, ("minutes", 1)),
        (59, ("minutes", 1)),
        (60, ("minutes", 1)),
        (61, ("minutes", 2)),
        (600, ("minutes", 10)),
        (90 * 60, ("minutes", 90)),
        (90 * 60 + 1, ("hours", 2)),
        (23 * 3600 + 5, ("hours", 24)),
    ],
)
def test_the_wait_is_rounded_up_and_never_zero(seconds, words):
    assert limits.wait_in_words(seconds) == words
