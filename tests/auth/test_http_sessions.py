"""Sessions kept on the server: a copied cookie stops working when its session ends.

Every test copies the cookies a browser holds (the session cookie and the
"remember me" cookie) and replays them in a fresh client after logging out,
a new password or start code, "Log out there", "Log out everywhere else" or
a long rest: each replay gets the login page.
"""

import sqlite3

import pytest
from http_support import (
    DEMO_PASSWORD,
    csrf_token,
    execute,
    log_in,
    page,
    post_form,
    query,
    scalar,
    t,
    user_id,
)

from webapp.auth.changes import issue_start_code
from webapp.db import connect

ANDROID = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36"
)
WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0"
)
NEW_PASSWORD = "mijn nieuwe wachtwoord"
PAGE = "/messages"  # a resident's page that needs a login


def logged_in(app, username="bewoner", remember=True, agent=ANDROID):
    client = app.test_client()
    client.environ_base["HTTP_USER_AGENT"] = agent
    answer = log_in(client, username, remember="y" if remember else "")
    assert answer.status_code == 303
    return client


def copies(client):
    """The cookies someone could copy from this browser."""
    found = {"session": client.get_cookie("session").value}
    remember = client.get_cookie("remember_token")
    if remember is not None:
        found["remember_token"] = remember.value
    return found


def replay(app, name, value):
    """Only this one cookie, in a browser of its own: what does PAGE answer?"""
    other = app.test_client()
    other.set_cookie(name, value)
    return other.get(PAGE)


def refused(answer):
    return answer.status_code == 303 and answer.headers["Location"].startswith("/login")


def assert_all_refused(app, cookies):
    for name, value in cookies.items():
        assert refused(replay(app, name, value)), name


def assert_all_work(app, cookies):
    for name, value in cookies.items():
        assert replay(app, name, value).status_code == 200, name


def session_ids(app, username="bewoner"):
    return [
        row["id"]
        for row in query(app, "SELECT id FROM sessions WHERE user_id = ? ORDER BY id", (user_id(app, username),))
    ]


# --- logging out --------------------------------------------------------------------------


def test_copied_cookies_work_until_logout_and_never_after(app):
    client = logged_in(app)
    cookies = copies(client)
    assert set(cookies) == {"session", "remember_token"}
    assert_all_work(app, cookies)  # a copy is as good as the original ...
    assert post_form(client, "/logout").status_code == 303
    assert_all_refused(app, cookies)  # ... until the person logs out
    assert session_ids(app) == []


def test_logout_ends_only_this_devices_session(app):
    phone, computer = logged_in(app), logged_in(app, agent=WINDOWS)
    kept = copies(computer)
    post_form(phone, "/logout")
    assert_all_work(app, kept)
    assert len(session_ids(app)) == 1


def test_a_login_makes_a_session_with_a_hash_of_its_token_only(app):
    client = logged_in(app)
    row = query(app, "SELECT * FROM sessions")[0]
    cookies = copies(client)
    for value in cookies.values():
        assert row["token_hash"] not in value
    assert (row["device_kind"], row["device_system"], row["device_browser"]) == ("phone", "Android", "Chrome")
    assert row["remember"] == 1
    assert row["user_id"] == user_id(app, "bewoner")


# --- a new password or start code --------------------------------------------------------------


def _code(app, username, created_by=None):
    db = connect(app.config["DATABASE"])
    try:
        code, _expires = issue_start_code(db, user_id(app, username), created_by=created_by)
    finally:
        db.close()
    return code


def test_a_new_password_ends_every_other_session_and_keeps_the_one_that_set_it(app):
    stolen = copies(logged_in(app, "bewoner2"))
    code = _code(app, "bewoner2")
    assert_all_refused(app, stolen)  # the coach's new code already ends them
    stolen = copies(logged_in(app, "bewoner2"))  # a login with the old password, before the code is used
    device = app.test_client()
    answer = post_form(
        device, "/activate", {"code": code, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}, "/activate"
    )
    assert answer.status_code == 303
    assert_all_refused(app, stolen)
    assert device.get(PAGE).status_code == 200  # the device that chose the password stays in
    assert len(session_ids(app, "bewoner2")) == 1


def test_a_coachs_new_start_code_ends_every_session(app):
    cookies = copies(logged_in(app, "bewoner"))
    coach = logged_in(app, "coach", agent=WINDOWS)
    resident = user_id(app, "bewoner")
    answer = post_form(coach, f"/caseload/{resident}/start-code", token_from=f"/caseload/{resident}")
    assert answer.status_code == 200
    assert_all_refused(app, cookies)
    assert coach.get("/caseload").status_code == 200  # the coach's own session goes on


def test_deleting_the_account_deletes_its_sessions(app):
    client = logged_in(app)
    logged_in(app, agent=WINDOWS)
    post_form(client, "/profile/delete", {"sure": "y"})
    assert scalar(app, "SELECT COUNT(*) FROM sessions") == 0


# --- where you are logged in --------------------------------------------------------------------


def test_the_page_lists_each_device_and_marks_this_one(app):
    logged_in(app, agent=WINDOWS)
    phone = logged_in(app)
    answer = phone.get("/settings/sessions")
    assert answer.status_code == 200
    assert "no-store" in answer.headers["Cache-Control"]
    html = page(answer)
    assert t(app, "%(system)s phone", system="Android") + ", Chrome" in html
    assert t(app, "%(system)s computer", system="Windows") + ", Edge" in html
    assert html.count(t(app, "This device")) == 1
    assert html.count(t(app, "Log out there")) == 1
    assert t(app, "Log out everywhere else") in html
    assert t(app, "today") in html  # "last used today, 14:02"


def test_the_settings_page_links_to_it(app):
    client = logged_in(app)
    assert 'href="/settings/sessions"' in page(client.get("/settings"))


def test_the_page_needs_a_login(client):
    answer = client.get("/settings/sessions")
    assert refused(answer)


def test_log_out_there_ends_that_session_only(app):
    computer = logged_in(app, agent=WINDOWS)
    theirs = copies(computer)
    phone = logged_in(app)
    other_id = session_ids(app)[0]
    answer = post_form(phone, f"/settings/sessions/{other_id}/logout", token_from="/settings/sessions")
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/settings/sessions"
    assert t(app, "You are logged out on that device.") in page(phone.get("/settings/sessions"))
    assert_all_refused(app, theirs)
    assert phone.get(PAGE).status_code == 200


def test_log_out_there_twice_answers_calmly(app):
    logged_in(app, agent=WINDOWS)
    phone = logged_in(app)
    other_id = session_ids(app)[0]
    post_form(phone, f"/settings/sessions/{other_id}/logout", token_from="/settings/sessions")
    again = post_form(phone, f"/settings/sessions/{other_id}/logout", token_from="/settings/sessions")
    assert again.status_code == 303
    html = page(phone.get("/settings/sessions"))
    assert t(app, "You were already logged out on that device.") in html
    never = post_form(phone, "/settings/sessions/999999/logout", token_from="/settings/sessions")
    assert never.status_code == 303


def test_somebody_elses_session_is_a_404_and_stays(app):
    theirs = copies(logged_in(app, "bewoner2"))
    their_id = session_ids(app, "bewoner2")[0]
    mine = logged_in(app, "bewoner")
    answer = post_form(mine, f"/settings/sessions/{their_id}/logout", token_from="/settings/sessions")
    assert answer.status_code == 404
    assert_all_work(app, theirs)
    assert f"/settings/sessions/{their_id}/logout" not in page(mine.get("/settings/sessions"))


def test_log_out_there_needs_the_form_token(app):
    logged_in(app, agent=WINDOWS)
    phone = logged_in(app)
    other_id = session_ids(app)[0]
    assert phone.post(f"/settings/sessions/{other_id}/logout").status_code == 400
    assert len(session_ids(app)) == 2


def test_log_out_there_on_this_device_is_a_logout(app):
    phone = logged_in(app)
    cookies = copies(phone)
    answer = post_form(phone, f"/settings/sessions/{session_ids(app)[0]}/logout", token_from="/settings/sessions")
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/"
    assert_all_refused(app, cookies)


def test_log_out_everywhere_else(app):
    others = [copies(logged_in(app, agent=WINDOWS)), copies(logged_in(app))]
    phone = logged_in(app)
    answer = post_form(phone, "/settings/sessions/logout-others", token_from="/settings/sessions")
    assert answer.status_code == 303
    for cookies in others:
        assert_all_refused(app, cookies)
    assert phone.get(PAGE).status_code == 200
    assert len(session_ids(app)) == 1
    again = post_form(phone, "/settings/sessions/logout-others", token_from="/settings/sessions")
    assert again.status_code == 303
    assert t(app, "You are not logged in anywhere else.") in page(phone.get("/settings/sessions"))


def test_a_get_of_the_forms_addresses_goes_to_the_page(app):
    phone = logged_in(app)
    assert phone.get("/settings/sessions/logout-others").headers["Location"] == "/settings/sessions"
    assert phone.get("/settings/sessions/5/logout").headers["Location"] == "/settings/sessions"


# --- a session at rest ------------------------------------------------------------------------------


def _rest(app, hours, username="bewoner"):
    execute(
        app,
        "UPDATE sessions SET last_used = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?) WHERE user_id = ?",
        (f"-{hours * 60} minutes", user_id(app, username)),
    )


def test_a_session_without_remember_me_ends_after_its_idle_time(app):
    cookies = copies(logged_in(app, remember=False))
    _rest(app, 11)
    assert_all_work(app, cookies)
    _rest(app, 12.1)
    assert_all_refused(app, cookies)
    assert session_ids(app) == []  # the ended session is cleared when it is met


def test_a_remembered_device_rests_as_long_as_its_cookie_lasts(app):
    cookies = copies(logged_in(app))
    _rest(app, 24 * 89)
    assert_all_work(app, cookies)
    _rest(app, 24 * 91)
    assert_all_refused(app, cookies)


def test_the_idle_time_is_a_setting(make_app):
    app = make_app(SESSION_IDLE_MINUTES=30)
    cookies = copies(logged_in(app, remember=False))
    _rest(app, 0.6)
    assert_all_refused(app, cookies)


def test_an_ended_session_is_not_listed(app):
    logged_in(app, remember=False, agent=WINDOWS)
    _rest(app, 13)
    phone = logged_in(app)
    html = page(phone.get("/settings/sessions"))
    assert "Edge" not in html
    assert t(app, "Log out everywhere else") not in html


# --- a page view stays a read -------------------------------------------------------------------------


def _data_version(connection):
    return connection.execute("PRAGMA data_version").fetchone()[0]


def test_two_page_views_within_minutes_write_nothing(app):
    client = logged_in(app)
    watcher = sqlite3.connect(app.config["DATABASE"])
    try:
        before = _data_version(watcher)
        assert client.get(PAGE).status_code == 200
        assert client.get("/settings").status_code == 200
        assert _data_version(watcher) == before  # no other connection committed anything
    finally:
        watcher.close()


def test_last_used_is_written_after_a_few_minutes(app):
    client = logged_in(app)
    _rest(app, 0.1)  # six minutes ago
    old = scalar(app, "SELECT last_used FROM sessions")
    client.get(PAGE)
    assert scalar(app, "SELECT last_used FROM sessions") > old


@pytest.mark.parametrize("path", ["/settings/sessions", "/settings/sessions/logout-others"])
def test_the_pages_work_without_a_user_agent(app, path):
    client = logged_in(app, agent="")
    assert client.get(path, follow_redirects=True).status_code == 200
    assert t(app, "A device we do not know") in page(client.get("/settings/sessions"))


def test_forms_on_the_page_carry_a_token(app):
    logged_in(app, agent=WINDOWS)
    phone = logged_in(app)
    assert csrf_token(phone, "/settings/sessions")


def test_logging_in_again_on_a_device_ends_its_earlier_session(app):
    client = logged_in(app, "bewoner")
    before = copies(client)
    post_form(client, "/login", {"username": "bewoner2", "password": DEMO_PASSWORD})
    assert_all_refused(app, before)
    assert session_ids(app, "bewoner") == []
