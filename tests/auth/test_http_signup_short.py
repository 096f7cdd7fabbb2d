"""Sign-up on one short screen (a username made from the name, the password once),
and where a resident lands after signing up or logging in."""

import re

import pytest
from http_support import count, csrf_token, log_in, page, post_form, query, scalar, sign_in, t

SHORT = {"display_name": "Anna de Vries", "username": "", "password": "een lange zin"}
TAKEN = "Someone already uses this username or e-mail address. Choose another one."


def usernames(app):
    return [
        row["username"] for row in query(app, "SELECT username FROM users WHERE display_name = 'Anna de Vries'")
    ]


def test_the_signup_page_asks_the_password_once(reader):
    body = page(reader.get("/signup"))
    assert 'type="password"' in body
    assert body.count('type="password"') == 1
    assert 'name="confirm"' not in body
    assert "data-show-password" in body
    assert 'data-username-from="display_name"' in body


def test_without_a_username_one_is_made_from_the_name(app, client):
    response = post_form(client, "/signup", SHORT, "/signup")
    assert response.status_code == 303
    assert response.headers["Location"] == "/profile/start"
    assert usernames(app) == ["anna.de.vries"]
    body = page(client.get("/profile/start"))
    assert t(app, "Welcome. Your account is ready. Your username is %(name)s.", name="anna.de.vries") in body


def test_the_next_person_with_the_same_name_gets_the_next_free_username(app):
    for number, password in enumerate(("een lange zin", "een andere zin", "nog een zin")):
        client = app.test_client()
        response = post_form(client, "/signup", {**SHORT, "password": password}, "/signup")
        assert response.status_code == 303, number
    assert sorted(usernames(app)) == ["anna.de.vries", "anna.de.vries2", "anna.de.vries3"]


def test_the_suggestion_the_page_filled_in_moves_on_when_taken(app):
    """The script fills in 'anna.de.vries'; for a second Anna that is taken: 'anna.de.vries2'."""
    post_form(app.test_client(), "/signup", SHORT, "/signup")
    other = app.test_client()
    response = post_form(
        other, "/signup", {**SHORT, "username": "anna.de.vries", "password": "een andere zin"}, "/signup"
    )
    assert response.status_code == 303
    assert sorted(usernames(app)) == ["anna.de.vries", "anna.de.vries2"]


def test_a_username_typed_by_hand_that_is_taken_is_still_refused(app, client):
    response = post_form(client, "/signup", {**SHORT, "username": "bewoner"}, "/signup")
    assert response.status_code == 422
    assert t(app, TAKEN) in page(response)
    assert usernames(app) == []


def test_an_email_address_in_use_is_refused_with_a_made_username(app, client):
    users = count(app, "users")
    response = post_form(client, "/signup", {**SHORT, "email": "coach@example.org"}, "/signup")
    assert response.status_code == 422
    assert t(app, TAKEN) in page(response)
    assert count(app, "users") == users


def _signup_form(client):
    """The CSRF token and the form's own random key, as the page gives them."""
    body = page(client.get("/signup"))
    token = re.search(r'name="csrf_token" value="([^"]+)"', body).group(1)
    attempt = re.search(r'name="attempt" type="hidden" value="([^"]+)"', body).group(1)
    return token, attempt


def _double_tap(app, data):
    client = app.test_client()
    token, attempt = _signup_form(client)
    cookie = client.get_cookie("session").value
    answers = []
    for _ in range(2):
        client.set_cookie("session", cookie)  # the browser has not seen an answer yet
        answers.append(client.post("/signup", data={**data, "csrf_token": token, "attempt": attempt}))
    return answers


@pytest.mark.parametrize("username", ["", "anna.de.vries"])  # left empty, or as the script filled it in
def test_a_double_tap_with_a_made_username_makes_one_account(app, username):
    answers = _double_tap(app, {**SHORT, "username": username})
    assert [answer.status_code for answer in answers] == [303, 303]
    assert usernames(app) == ["anna.de.vries"]


def test_two_people_with_the_same_name_and_password_get_two_accounts(app):
    """Same name, same password, no e-mail, a minute apart: not a double tap."""
    first, second = app.test_client(), app.test_client()
    for client in (first, second):
        token, attempt = _signup_form(client)
        response = client.post("/signup", data={**SHORT, "csrf_token": token, "attempt": attempt})
        assert response.status_code == 303
    assert sorted(usernames(app)) == ["anna.de.vries", "anna.de.vries2"]
    whose = [client.get("/profile/export").get_json()["account"]["username"] for client in (first, second)]
    assert whose == ["anna.de.vries", "anna.de.vries2"]


def test_the_account_keeps_only_a_hash_of_the_form_key(app):
    client = app.test_client()
    token, attempt = _signup_form(client)
    client.post("/signup", data={**SHORT, "csrf_token": token, "attempt": attempt})
    stored = scalar(app, "SELECT signup_key FROM users WHERE username = 'anna.de.vries'")
    assert stored and attempt not in stored and len(stored) == 64


def test_the_password_rules_still_hold(app, client):
    response = post_form(client, "/signup", {**SHORT, "password": "kort"}, "/signup")
    assert response.status_code == 422
    assert t(app, "Use at least 8 characters.") in page(response)
    assert usernames(app) == []


def test_signup_without_csrf_is_refused(app, client):
    response = client.post("/signup", data=SHORT)
    assert response.status_code == 400
    assert usernames(app) == []


# --- where a resident lands after logging in ---------------------------------------


def test_a_resident_with_an_empty_profile_lands_on_the_questions(client):
    response = log_in(client, "bewoner2")
    assert response.status_code == 303
    assert response.headers["Location"] == "/profile/start"


def test_a_resident_with_answers_lands_on_the_jobs(client):
    response = log_in(client, "bewoner")
    assert response.headers["Location"] == "/jobs"


def test_next_still_wins_over_the_questions(client):
    response = log_in(client, "bewoner2", next="/proposals")
    assert response.headers["Location"] == "/proposals"


def test_after_the_first_answers_a_resident_lands_on_the_jobs(app, client):
    sign_in(client, "bewoner2")
    post_form(client, "/profile/start", {"work": "elderly"})
    client.post("/logout", data={"csrf_token": csrf_token(client)})
    other = app.test_client()
    assert log_in(other, "bewoner2").headers["Location"] == "/jobs"


@pytest.mark.parametrize(("who", "start"), [("coach", "/caseload"), ("gemeente", "/gemeente")])
def test_staff_land_on_their_own_start(client, who, start):
    # Issue 11 moved staff from the residents' home page to their own start.
    assert log_in(client, who).headers["Location"] == start


def test_a_made_username_logs_in(app, client):
    post_form(client, "/signup", SHORT, "/signup")
    other = app.test_client()
    response = log_in(other, "anna.de.vries", password="een lange zin")
    assert response.status_code == 303
    assert scalar(app, "SELECT role FROM users WHERE username = 'anna.de.vries'") == "resident"
