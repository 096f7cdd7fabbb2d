"""Logging in and out, "remember me", rate limits, start codes and sign-up."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from http_support import (
    DEMO_PASSWORD,
    SCRIPT,
    count,
    csrf_token,
    execute,
    log_in,
    messages,
    nt,
    page,
    post_form,
    scalar,
    sign_in,
    t,
    user_id,
)

from webapp.auth.changes import create_user, issue_start_code
from webapp.db import connect

MISMATCH = "This username and password do not match. Check them and try again."
TOO_MANY = "Too many tries"
NEW_PASSWORD = "mijn nieuwe wachtwoord"


def set_cookies(response):
    return response.headers.getlist("Set-Cookie")


def cookie(response, name):
    found = [c for c in set_cookies(response) if c.startswith(name + "=")]
    return found[0] if found else None


def is_logged_in(client):
    return client.get("/profile/export").status_code == 200


# --- logging in -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "home"),
    [
        ("bewoner", "/jobs"),
        ("BEWONER", "/jobs"),
        ("  bewoner  ", "/jobs"),
        ("coach", "/caseload"),
        ("coach@example.org", "/caseload"),
        ("COACH@Example.ORG", "/caseload"),
        ("gemeente", "/gemeente"),
    ],
)
def test_login_by_username_or_email(client, name, home):
    response = log_in(client, name)
    assert response.status_code == 303
    assert response.headers["Location"] == home
    assert is_logged_in(client)


def test_login_as_who_you_said(client):
    log_in(client, "COACH@example.org")
    assert client.get("/profile/export").get_json()["account"]["username"] == "coach"


def test_wrong_password_is_422_with_a_message(app, client):
    response = log_in(client, "bewoner", "verkeerd")
    assert response.status_code == 422
    assert any(t(app, MISMATCH) in text for text in messages(page(response)))
    assert not is_logged_in(client)


def test_wrong_password_message_in_english(app, client):
    client.get("/?lang=en")
    response = log_in(client, "bewoner", "verkeerd")
    assert MISMATCH in page(response)


def test_unknown_user_gets_the_same_message(app, client):
    known = page(log_in(client, "bewoner", "verkeerd"))
    unknown = page(log_in(client, "niemand", "verkeerd"))
    assert t(app, MISMATCH) in known
    assert t(app, MISMATCH) in unknown


def test_password_is_case_sensitive(client):
    assert log_in(client, "bewoner", DEMO_PASSWORD.upper()).status_code == 422


def test_an_account_without_password_cannot_log_in(app, client):
    """A resident made by a coach has no password until the start code is used."""
    with app.app_context():
        db = connect(app.config["DATABASE"])
        create_user(db, username="nog.geen.wachtwoord", role="resident")
        db.close()
    assert log_in(client, "nog.geen.wachtwoord", "").status_code == 422
    assert log_in(client, "nog.geen.wachtwoord", "iets").status_code == 422


@pytest.mark.parametrize("target", ["/profile/work", "/jobs/3?x=1", "/settings#language"])
def test_next_on_this_site_is_followed(client, target):
    response = log_in(client, "bewoner", next=target)
    assert response.headers["Location"] == target


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "https://evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
        "http://localhost/jobs",
        "///evil.example",
        "\\\\evil.example",
        " //evil.example",
        "/\tevil.example",
        "jobs",
        "data:text/html,x",
    ],
)
def test_next_off_site_is_ignored(client, target):
    response = log_in(client, "bewoner", next=target)
    assert response.status_code == 303
    assert response.headers["Location"] == "/jobs"


@pytest.mark.parametrize("target", ["//evil.example", "https://evil.example", "/\\evil.example"])
def test_next_off_site_is_ignored_when_already_logged_in(client, target):
    sign_in(client, "coach")
    response = client.get("/login", query_string={"next": target})
    assert response.headers["Location"] == "/caseload"


def test_next_is_carried_through_the_form_escaped(reader):
    body = page(reader.get("/login", query_string={"next": '/jobs"><script>alert(1)</script>'}))
    assert SCRIPT not in body
    assert 'value="/jobs&#34;&gt;&lt;script&gt;' in body


def test_logged_in_visit_to_login_goes_home(client):
    sign_in(client, "bewoner")
    response = client.get("/login")
    assert urlsplit(response.headers["Location"]).path == "/jobs"


# --- remember me ----------------------------------------------------------------------


def test_remember_me_sets_a_long_lived_cookie(client):
    response = log_in(client, "bewoner", remember="y")
    remember = cookie(response, "remember_token")
    assert remember
    assert "Expires=" in remember
    assert "HttpOnly" in remember
    assert "SameSite=Lax" in remember


def test_remember_cookie_lasts_about_90_days(client):
    remember = cookie(log_in(client, "bewoner", remember="y"), "remember_token")
    expires = remember.split("Expires=")[1].split(";")[0]
    moment = datetime.strptime(expires, "%a, %d %b %Y %H:%M:%S GMT").replace(tzinfo=UTC)
    assert timedelta(days=89) < moment - datetime.now(UTC) <= timedelta(days=90, minutes=1)


def test_without_remember_me_no_remember_cookie(client):
    response = log_in(client, "bewoner")
    assert cookie(response, "remember_token") is None


def test_session_cookie_has_no_expiry(client):
    """Without "remember me" the login ends with the browser."""
    session = cookie(log_in(client, "bewoner"), "session")
    assert "Expires=" not in session


def test_remember_cookie_alone_logs_you_in(app, client):
    log_in(client, "bewoner", remember="y")
    token = client.get_cookie("remember_token").value
    fresh = app.test_client()
    fresh.set_cookie("remember_token", token)
    assert fresh.get("/interests").status_code == 200


def test_a_forged_remember_cookie_does_nothing(app):
    fresh = app.test_client()
    fresh.set_cookie("remember_token", f"{user_id(app, 'bewoner')}:1|forged")
    assert fresh.get("/interests").status_code == 303


# --- logging out ------------------------------------------------------------------------


def test_logout_clears_the_session(client):
    log_in(client, "bewoner")
    response = post_form(client, "/logout")
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    assert client.get("/interests").status_code == 303


def test_logout_says_so(app, client):
    log_in(client, "bewoner")
    post_form(client, "/logout")
    assert t(app, "You are logged out. See you soon.") in page(client.get("/"))


def test_logout_clears_the_remember_cookie(app, client):
    log_in(client, "bewoner", remember="y")
    response = post_form(client, "/logout")
    cleared = cookie(response, "remember_token")
    assert cleared and ("Max-Age=0" in cleared or "1970" in cleared)
    assert client.get("/interests").status_code == 303


def test_logout_forgets_the_session_language(client):
    log_in(client, "bewoner")
    client.get("/?lang=en")
    post_form(client, "/logout")
    assert '<html lang="nl">' in page(client.get("/"))


def test_get_logout_only_asks(app, client):
    log_in(client, "bewoner")
    response = client.get("/logout")
    assert response.status_code == 200
    assert t(app, "Do you share this phone with others? Then log out when you are done.") in page(response)
    assert is_logged_in(client)


def test_a_copied_session_cookie_stops_working_when_the_password_changes(app, client):
    """A new password ends every session made before it (tests/auth/test_http_sessions.py has the rest)."""
    log_in(client, "bewoner2")
    stolen = client.get_cookie("session").value
    with app.app_context():
        db = connect(app.config["DATABASE"])
        code, _expires = issue_start_code(db, user_id(app, "bewoner2"))
        db.close()
    other = app.test_client()
    post_form(other, "/activate", {"code": code, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}, "/activate")
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert thief.get("/interests").status_code == 303


# --- a deleted account ----------------------------------------------------------------


def _delete(app, username):
    execute(app, "DELETE FROM users WHERE username = ?", (username,))


def test_a_deleted_user_cannot_log_in(app, client):
    _delete(app, "bewoner")
    response = log_in(client, "bewoner")
    assert response.status_code == 422
    assert t(app, MISMATCH) in page(response)


def test_a_deleted_users_session_stops_working(app, client):
    log_in(client, "bewoner")
    assert client.get("/interests").status_code == 200
    _delete(app, "bewoner")
    assert client.get("/interests").status_code == 303


def test_a_deleted_users_remember_cookie_stops_working(app, client):
    log_in(client, "bewoner", remember="y")
    token = client.get_cookie("remember_token").value
    _delete(app, "bewoner")
    fresh = app.test_client()
    fresh.set_cookie("remember_token", token)
    assert fresh.get("/interests").status_code == 303


def test_deleting_through_the_page_ends_the_remember_cookie_too(app, client):
    log_in(client, "bewoner", remember="y")
    token = client.get_cookie("remember_token").value
    post_form(client, "/profile/delete", {"sure": "y"})
    fresh = app.test_client()
    fresh.set_cookie("remember_token", token)
    assert fresh.get("/interests").status_code == 303


def test_a_new_account_never_gets_a_deleted_accounts_id(app, client):
    old_id = user_id(app, "bewoner")
    log_in(client, "bewoner", remember="y")
    token = client.get_cookie("remember_token").value
    post_form(client, "/profile/delete", {"sure": "y"})
    newcomer = app.test_client()
    post_form(
        newcomer,
        "/signup",
        {"username": "nieuwkomer", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
        "/signup",
    )
    assert user_id(app, "nieuwkomer") != old_id
    fresh = app.test_client()
    fresh.set_cookie("remember_token", token)
    assert fresh.get("/interests").status_code == 303


# --- rate limits --------------------------------------------------------------------


def _attempt(client, username, password="verkeerd", address="10.0.0.1"):  # noqa: S107
    token = csrf_token(client, "/login")
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token},
        environ_base={"REMOTE_ADDR": address},
    )


def test_fourth_failed_login_for_one_account_is_429_from_any_address(make_app):
    app = make_app(LOGIN_LIMIT_PER_ACCOUNT="3 per 15 minutes")
    client = app.test_client()
    for number in range(3):
        assert _attempt(client, "bewoner", address=f"10.0.0.{number}").status_code == 422
    response = _attempt(client, "bewoner", address="10.9.9.9")
    assert response.status_code == 429
    assert t(app, TOO_MANY) in page(response)
    assert t(app, "You tried many times in a short while.") in page(response)
    assert nt(app, "Try again in %(num)d minute.", "Try again in %(num)d minutes.", 15) in page(response)
    assert t(app, "Or ask your coach for help.") in page(response)


def test_a_locked_account_stays_locked_with_the_right_password(make_app):
    app = make_app(LOGIN_LIMIT_PER_ACCOUNT="3 per 15 minutes")
    client = app.test_client()
    for _ in range(3):
        _attempt(client, "bewoner")
    assert _attempt(client, "bewoner", DEMO_PASSWORD, "10.9.9.9").status_code == 429
    assert not is_logged_in(client)


def test_the_account_limit_ignores_case_and_spaces(make_app):
    app = make_app(LOGIN_LIMIT_PER_ACCOUNT="3 per 15 minutes")
    client = app.test_client()
    for name in ("bewoner", "BEWONER", " Bewoner "):
        assert _attempt(client, name).status_code == 422
    assert _attempt(client, "bewoner").status_code == 429


def test_the_account_limit_counts_username_and_email_together(make_app):
    app = make_app(LOGIN_LIMIT_PER_ACCOUNT="3 per 15 minutes")
    client = app.test_client()
    for name in ("coach", "coach@example.org", "COACH"):
        assert _attempt(client, name).status_code == 422
    assert _attempt(client, "coach@example.org").status_code == 429


def test_the_account_limit_leaves_other_accounts_alone(make_app):
    app = make_app(LOGIN_LIMIT_PER_ACCOUNT="3 per 15 minutes")
    client = app.test_client()
    for _ in range(4):
        _attempt(client, "bewoner")
    assert _attempt(client, "bewoner2").status_code == 422
    assert _attempt(client, "bewoner2", DEMO_PASSWORD).status_code == 303


def test_fourth_failed_login_from_one_address_is_429_across_accounts(make_app):
    app = make_app(LOGIN_LIMIT_PER_ADDRESS="3 per 15 minutes")
    client = app.test_client()
    for name in ("bewoner", "niemand", "coach"):
        assert _attempt(client, name, address="10.0.0.7").status_code == 422
    response = _attempt(client, "gemeente", address="10.0.0.7")
    assert response.status_code == 429
    assert t(app, TOO_MANY) in page(response)


def test_the_address_limit_leaves_other_addresses_alone(make_app):
    app = make_app(LOGIN_LIMIT_PER_ADDRESS="3 per 15 minutes")
    client = app.test_client()
    for name in ("niemand1", "niemand2", "niemand3", "niemand4"):
        _attempt(client, name, address="10.0.0.7")
    assert _attempt(client, "niemand5", address="10.0.0.8").status_code == 422


def test_successful_logins_do_not_count(make_app):
    app = make_app(LOGIN_LIMIT_PER_ACCOUNT="3 per 15 minutes", LOGIN_LIMIT_PER_ADDRESS="3 per 15 minutes")
    for _ in range(3):
        assert _attempt(app.test_client(), "bewoner", DEMO_PASSWORD).status_code == 303
    client = app.test_client()
    assert [_attempt(client, "bewoner").status_code for _ in range(4)] == [422, 422, 422, 429]


def test_looking_at_the_login_page_does_not_count(make_app):
    app = make_app(LOGIN_LIMIT_PER_ADDRESS="3 per 15 minutes")
    client = app.test_client()
    for _ in range(10):
        assert client.get("/login").status_code == 200
    assert _attempt(client, "bewoner").status_code == 422


def test_rate_limited_answer_says_when_to_try_again(make_app):
    app = make_app(LOGIN_LIMIT_PER_ACCOUNT="3 per 15 minutes")
    client = app.test_client()
    for _ in range(3):
        _attempt(client, "bewoner")
    response = _attempt(client, "bewoner")
    assert 0 < int(response.headers["Retry-After"]) <= 900


def test_rate_limited_answer_with_htmx_is_the_error_partial(make_app):
    app = make_app(LOGIN_LIMIT_PER_ACCOUNT="3 per 15 minutes")
    client = app.test_client()
    for _ in range(3):
        _attempt(client, "bewoner")
    token = csrf_token(client, "/login")
    response = client.post(
        "/login",
        data={"username": "bewoner", "password": "x", "csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 429
    assert "<html" not in page(response)
    assert t(app, TOO_MANY) in page(response)


def test_the_default_limit_stops_guessing(make_app):
    """The production default: five tries per account in 15 minutes."""
    from webapp.config import Config

    app = make_app(LOGIN_LIMIT_PER_ACCOUNT=Config.LOGIN_LIMIT_PER_ACCOUNT)
    client = app.test_client()
    answers = [_attempt(client, "bewoner", address=f"10.1.0.{n}").status_code for n in range(7)]
    assert answers == [422] * 5 + [429] * 2


def _activate(client, code="NOPE", address="10.0.0.1", password=NEW_PASSWORD):
    token = csrf_token(client, "/activate")
    return client.post(
        "/activate",
        data={"code": code, "password": password, "confirm": password, "csrf_token": token},
        environ_base={"REMOTE_ADDR": address},
    )


def test_fourth_failed_activation_from_one_address_is_429(make_app):
    app = make_app(ACTIVATE_LIMIT_PER_ADDRESS="3 per 15 minutes")
    client = app.test_client()
    for _ in range(3):
        assert _activate(client).status_code == 422
    response = _activate(client)
    assert response.status_code == 429
    assert t(app, TOO_MANY) in page(response)


def test_the_activate_limit_leaves_other_addresses_alone(make_app):
    app = make_app(ACTIVATE_LIMIT_PER_ADDRESS="3 per 15 minutes")
    client = app.test_client()
    for _ in range(4):
        _activate(client)
    assert _activate(client, address="10.0.0.2").status_code == 422


def test_a_good_activation_does_not_count(make_app):
    app = make_app(ACTIVATE_LIMIT_PER_ADDRESS="3 per 15 minutes")
    codes = [_new_code(app, f"bewoner-{n}") for n in range(3)]
    for code in codes:
        assert _activate(app.test_client(), code).status_code == 303
    client = app.test_client()
    assert [_activate(client).status_code for _ in range(4)] == [422, 422, 422, 429]


def test_a_locked_address_cannot_activate_even_a_good_code(make_app):
    app = make_app(ACTIVATE_LIMIT_PER_ADDRESS="3 per 15 minutes")
    code = _new_code(app, "nieuw")
    client = app.test_client()
    for _ in range(3):
        _activate(client)
    assert _activate(client, code).status_code == 429
    assert scalar(app, "SELECT used_at FROM start_codes") is None


def test_fourth_failed_signup_from_one_address_is_429(make_app):
    app = make_app(SIGNUP_LIMIT_PER_ADDRESS="3 per 15 minutes")
    client = app.test_client()
    for _ in range(3):
        assert post_form(client, "/signup", {"username": "x"}, "/signup").status_code == 422
    response = post_form(client, "/signup", {"username": "x"}, "/signup")
    assert response.status_code == 429
    assert t(app, TOO_MANY) in page(response)


# --- start codes -----------------------------------------------------------------------


def _new_code(app, username=None, user=None, role="resident"):
    """A start code for an existing user, or for a new account without a password."""
    with app.app_context():
        db = connect(app.config["DATABASE"])
        try:
            if user is None:
                user = create_user(db, username=username, role=role)
            code, _expires = issue_start_code(db, user)
        finally:
            db.close()
    return code


def test_activate_sets_the_password_and_logs_in(app, client):
    code = _new_code(app, "nieuwe.bewoner")
    response = _activate(client, code)
    assert response.status_code == 303
    assert response.headers["Location"] == "/profile/start"
    assert client.get("/profile/export").get_json()["account"]["username"] == "nieuwe.bewoner"


def test_activate_says_the_username(app, client):
    response = _activate(client, _new_code(app, "nieuwe.bewoner"))
    body = page(client.get(response.headers["Location"]))
    assert t(app, "Your password is saved. Your username is %(name)s.", name="nieuwe.bewoner") in body


def test_the_new_password_works_for_logging_in(app, client):
    _activate(client, _new_code(app, "nieuwe.bewoner"))
    assert log_in(app.test_client(), "nieuwe.bewoner", NEW_PASSWORD).status_code == 303


def test_a_code_may_be_typed_in_lowercase_with_spaces(app, client):
    code = _new_code(app, "nieuwe.bewoner")
    typed = code.lower().replace("-", " ")
    assert _activate(client, typed).status_code == 303


def test_a_code_for_a_coach_goes_to_the_caseload(app, client):
    response = _activate(client, _new_code(app, "nieuwe.coach", role="coach"))
    assert response.status_code == 303
    assert response.headers["Location"] == "/caseload"


def test_a_code_works_only_once(app, client):
    code = _new_code(app, "nieuwe.bewoner")
    assert _activate(client, code).status_code == 303
    other = app.test_client()
    response = _activate(other, code, password="een ander wachtwoord")
    assert response.status_code == 422
    assert t(app, "This start code was already used. Ask your coach for a new one.") in page(response)
    assert not is_logged_in(other)
    assert log_in(app.test_client(), "nieuwe.bewoner", NEW_PASSWORD).status_code == 303


def test_an_expired_code_fails_with_a_message(app, client):
    code = _new_code(app, "nieuwe.bewoner")
    past = (datetime.now(UTC) - timedelta(minutes=1)).replace(microsecond=0).isoformat()
    execute(app, "UPDATE start_codes SET expires_at = ?", (past,))
    response = _activate(client, code)
    assert response.status_code == 422
    assert t(app, "This start code is too old. Codes work for 14 days. Ask your coach for a new one.") in page(
        response
    )
    assert scalar(app, "SELECT password_hash FROM users WHERE username = 'nieuwe.bewoner'") is None


def test_a_code_is_valid_for_14_days(app):
    _new_code(app, "nieuwe.bewoner")
    created, expires = (
        datetime.fromisoformat(value) for value in query_one(app, "SELECT created_at, expires_at FROM start_codes")
    )
    assert expires - created == timedelta(days=14)


def query_one(app, sql):
    db = connect(app.config["DATABASE"])
    try:
        return tuple(db.conn.execute(sql).fetchone())
    finally:
        db.close()


def test_a_new_code_makes_the_older_one_stop_working(app, client):
    bewoner2 = user_id(app, "bewoner2")
    old = _new_code(app, user=bewoner2)
    new = _new_code(app, user=bewoner2)
    response = _activate(client, old)
    assert response.status_code == 422
    assert messages(page(response))
    assert log_in(app.test_client(), "bewoner2", NEW_PASSWORD).status_code == 422
    assert _activate(app.test_client(), new).status_code == 303


def test_a_code_resets_a_forgotten_password(app, client):
    code = _new_code(app, user=user_id(app, "bewoner"))
    _activate(client, code)
    assert log_in(app.test_client(), "bewoner", DEMO_PASSWORD).status_code == 422
    assert log_in(app.test_client(), "bewoner", NEW_PASSWORD).status_code == 303


def test_a_reset_ends_sessions_on_other_devices(app, client):
    log_in(client, "bewoner", remember="y")
    remember = client.get_cookie("remember_token").value
    _activate(app.test_client(), _new_code(app, user=user_id(app, "bewoner")))
    assert client.get("/interests").status_code == 303
    fresh = app.test_client()
    fresh.set_cookie("remember_token", remember)
    assert fresh.get("/interests").status_code == 303


def test_activating_while_logged_in_as_someone_else_switches_account(app, client):
    sign_in(client, "coach")
    _activate(client, _new_code(app, "nieuwe.bewoner"))
    assert client.get("/profile/export").get_json()["account"]["username"] == "nieuwe.bewoner"


def test_a_failed_activation_stores_nothing(app, client):
    code = _new_code(app, "nieuwe.bewoner")
    response = _activate(client, code, password="kort")
    assert response.status_code == 422
    assert scalar(app, "SELECT used_at FROM start_codes") is None
    assert scalar(app, "SELECT password_hash FROM users WHERE username = 'nieuwe.bewoner'") is None


def test_a_start_code_is_stored_only_as_a_hash(app):
    code = _new_code(app, "nieuwe.bewoner")
    stored = scalar(app, "SELECT code_hash FROM start_codes")
    assert code not in stored
    assert code.replace("-", "") not in stored


# --- open sign-up off ----------------------------------------------------------------


def test_signup_closed_is_404_with_an_explanation(make_app):
    app = make_app(OPEN_SIGNUP=False)
    response = app.test_client().get("/signup")
    assert response.status_code == 404
    body = page(response)
    assert (
        t(app, "In this municipality your coach makes your account. You get a start code from your coach.") in body
    )
    assert 'href="/activate"' in body


def test_signup_closed_refuses_a_post_and_stores_nothing(make_app):
    app = make_app(OPEN_SIGNUP=False)
    client = app.test_client()
    users = count(app, "users")
    response = post_form(
        client, "/signup", {"username": "nieuw", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    )
    assert response.status_code == 404
    assert count(app, "users") == users


@pytest.mark.parametrize("path", ["/", "/login"])
def test_signup_closed_hides_the_link(make_app, path):
    app = make_app(OPEN_SIGNUP=False)
    assert 'href="/signup"' not in page(app.test_client().get(path))


@pytest.mark.parametrize("path", ["/", "/login"])
def test_signup_open_shows_the_link(reader, path):
    assert 'href="/signup"' in page(reader.get(path))
