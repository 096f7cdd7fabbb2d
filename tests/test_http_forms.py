"""Bad input on every form, repeated posts, export and delete.

Bad input gets a 4xx (never a 500) with a translated message, a script is
shown escaped, and nothing is stored half: the tables are compared before
and after.
"""

import io
import json
import re

import pytest
from http_support import (
    DEMO_INTEREST_JOB,
    LONG,
    OTHER_JOB,
    SCRIPT,
    SQL,
    count,
    csrf_token,
    execute,
    messages,
    nt,
    page,
    post_form,
    query,
    scalar,
    sign_in,
    snapshot,
    t,
    user_id,
)

from webapp.auth.changes import issue_start_code
from webapp.db import connect
from webapp.profile.steps import STEPS

ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
TOO_LONG = "This is too long. Use at most %(max)d characters."
CONTROL = "This text has characters we cannot save. Please type it again."
NOT_IN_LIST = "Choose one of the options in the list."
ACCOUNT_TABLES = ("users", "profiles", "interests", "start_codes")


def shows(app, response, msgid, **values):
    """The translated message is in one of the page's message elements."""
    expected = t(app, msgid, **values)
    shown = messages(page(response))
    assert any(expected in text for text in shown), (expected, shown)


# --- login ----------------------------------------------------------------

MISMATCH = "This username and password do not match. Check them and try again."

LOGIN_CASES = [
    ("", "", "Fill in your username."),
    ("", "", "Fill in your password."),
    ("bewoner", "", "Fill in your password."),
    (LONG, "demo-wachtwoord", TOO_LONG),
    ("bewoner", LONG, TOO_LONG),
    (SCRIPT, "demo-wachtwoord", MISMATCH),
    (SQL, SQL, MISMATCH),
    ("bewoner' --", "x", MISMATCH),
    ("bewoner", "' OR '1'='1", MISMATCH),
    ("bewoner", "wrong password", MISMATCH),
    ("nobody", "demo-wachtwoord", MISMATCH),
    ("bew\x00oner", "demo-wachtwoord", MISMATCH),
    ("   ", "   ", "Fill in your username."),
]


@pytest.mark.parametrize(("username", "password", "msgid"), LOGIN_CASES)
def test_bad_login(reader_app, reader, username, password, msgid):
    before = snapshot(reader_app, "users")
    response = post_form(reader, "/login", {"username": username, "password": password}, "/login")
    assert response.status_code == 422
    shows(reader_app, response, msgid, max=200)
    assert SCRIPT not in page(response)
    assert snapshot(reader_app, "users") == before
    assert reader.get("/interests").status_code == 303


def test_login_shows_the_typed_script_escaped(reader):
    response = post_form(reader, "/login", {"username": SCRIPT, "password": "x"}, "/login")
    assert ESCAPED_SCRIPT in page(response)


def test_login_never_echoes_the_password(reader):
    response = post_form(reader, "/login", {"username": "bewoner", "password": "geheim-123"}, "/login")
    assert "geheim-123" not in page(response)


def test_login_with_two_usernames_uses_the_first(client):
    response = post_form(
        client, "/login", {"username": ["bewoner", "coach"], "password": "demo-wachtwoord"}, "/login"
    )
    assert response.status_code == 303
    assert response.headers["Location"] == "/jobs"  # bewoner is a resident


# --- sign-up ----------------------------------------------------------------

GOOD_SIGNUP = {
    "display_name": "Anna",
    "username": "anna.jansen",
    "email": "anna@example.org",
    "password": "een lange zin",
}
USERNAME_RULES = "Use 3 to 40 letters or digits. You may also use . _ or -, but no spaces."
TAKEN = "Someone already uses this username or e-mail address. Choose another one."
NOT_EMAIL = "This is not an e-mail address. Check it, or leave it empty."

SIGNUP_CASES = [
    # Without a username one is made from the name: only without a usable name is it missing.
    ({"username": "", "display_name": ""}, "Choose a username.", {}),
    ({"username": "", "display_name": "A"}, "Choose a username.", {}),
    ({"username": "", "display_name": "محمد"}, "Choose a username.", {}),
    ({"username": "ab"}, USERNAME_RULES, {}),
    ({"username": "anna jansen"}, USERNAME_RULES, {}),
    ({"username": LONG}, USERNAME_RULES, {}),
    ({"username": SCRIPT}, USERNAME_RULES, {}),
    ({"username": SQL}, USERNAME_RULES, {}),
    ({"username": "bewoner"}, TAKEN, {}),
    ({"username": "BEWONER"}, TAKEN, {}),
    ({"email": "not-an-email"}, NOT_EMAIL, {}),
    ({"email": SCRIPT}, NOT_EMAIL, {}),
    ({"email": SQL}, NOT_EMAIL, {}),
    ({"email": LONG + "@example.org"}, TOO_LONG, {"max": 200}),
    ({"email": "coach@example.org"}, TAKEN, {}),
    ({"email": "COACH@Example.org"}, TAKEN, {}),
    ({"display_name": LONG}, TOO_LONG, {"max": 60}),
    ({"display_name": "An\x01na"}, CONTROL, {}),
    ({"password": ""}, "Choose a password.", {}),
    ({"password": "kort"}, "Use at least 8 characters.", {}),
    ({"password": LONG}, TOO_LONG, {"max": 200}),
]


@pytest.mark.parametrize(("change", "msgid", "values"), SIGNUP_CASES)
def test_bad_signup(reader_app, reader, change, msgid, values):
    before = snapshot(reader_app, "users")
    response = post_form(reader, "/signup", {**GOOD_SIGNUP, **change}, "/signup")
    assert response.status_code == 422
    shows(reader_app, response, msgid, **values)
    assert SCRIPT not in page(response)
    assert snapshot(reader_app, "users") == before
    assert reader.get("/profile").status_code == 303


def test_signup_shows_the_typed_script_escaped(reader):
    response = post_form(reader, "/signup", {**GOOD_SIGNUP, "display_name": SCRIPT, "username": "x"}, "/signup")
    assert ESCAPED_SCRIPT in page(response)


def test_good_signup_makes_one_resident(app, client):
    response = post_form(client, "/signup", GOOD_SIGNUP, "/signup")
    assert response.status_code == 303
    assert response.headers["Location"] == "/profile/start"
    rows = query(app, "SELECT role, email, display_name, coach_id FROM users WHERE username = ?", ("anna.jansen",))
    assert rows == [{"role": "resident", "email": "anna@example.org", "display_name": "Anna", "coach_id": None}]


def test_signup_without_email_stores_null(app, client):
    post_form(client, "/signup", {**GOOD_SIGNUP, "email": ""}, "/signup")
    assert scalar(app, "SELECT email IS NULL FROM users WHERE username = 'anna.jansen'") == 1


def test_two_signups_without_email_both_work(app, client):
    post_form(client, "/signup", {**GOOD_SIGNUP, "email": ""}, "/signup")
    other = app.test_client()
    response = post_form(other, "/signup", {**GOOD_SIGNUP, "email": "", "username": "piet"}, "/signup")
    assert response.status_code == 303
    assert count(app, "users", "email IS NULL AND username IN ('anna.jansen', 'piet')") == 2


def test_a_script_as_display_name_is_stored_as_text(app, client):
    post_form(client, "/signup", {**GOOD_SIGNUP, "display_name": SCRIPT}, "/signup")
    assert scalar(app, "SELECT display_name FROM users WHERE username = 'anna.jansen'") == SCRIPT
    for path in ("/", "/settings", "/profile", "/jobs"):
        assert SCRIPT not in page(client.get(path))


# --- activate -----------------------------------------------------------------

UNKNOWN_CODE = "This start code is not right. Check it, or ask your coach for a new one."
GOOD_PASSWORD = {"password": "een lange zin", "confirm": "een lange zin"}

ACTIVATE_CASES = [
    ({"code": ""}, "Fill in your start code.", {}),
    ({"code": LONG}, TOO_LONG, {"max": 40}),
    ({"code": SCRIPT}, UNKNOWN_CODE, {}),
    ({"code": SQL}, UNKNOWN_CODE, {}),
    ({"code": "ABCD-EFGH-JKMN"}, UNKNOWN_CODE, {}),
    ({"code": "ABCD-EFGH-JKM0"}, UNKNOWN_CODE, {}),  # 0 is not in the alphabet
    ({"code": "ABCD-EFGH"}, UNKNOWN_CODE, {}),
    ({"code": "ABCD-EFGH-JKMN", "password": "", "confirm": ""}, "Choose a password.", {}),
    (
        {"code": "ABCD-EFGH-JKMN", "password": "kort", "confirm": "kort"},
        "Use at least 8 characters.",
        {},
    ),
    (
        {"code": "ABCD-EFGH-JKMN", "confirm": "iets anders"},
        "The two passwords are not the same.",
        {},
    ),
]


@pytest.mark.parametrize(("change", "msgid", "values"), ACTIVATE_CASES)
def test_bad_activate(reader_app, reader, change, msgid, values):
    before = snapshot(reader_app, "users", "start_codes")
    response = post_form(reader, "/activate", {**GOOD_PASSWORD, **change}, "/activate")
    assert response.status_code == 422
    shows(reader_app, response, msgid, **values)
    assert SCRIPT not in page(response)
    assert snapshot(reader_app, "users", "start_codes") == before


def test_a_good_code_with_a_bad_password_stays_usable(app, client):
    with app.app_context():
        db = connect(app.config["DATABASE"])
        code, _expires = issue_start_code(db, user_id(app, "bewoner2"))
        db.close()
    before = snapshot(app, "users", "start_codes")
    response = post_form(client, "/activate", {"code": code, "password": "kort", "confirm": "kort"}, "/activate")
    assert response.status_code == 422
    assert snapshot(app, "users", "start_codes") == before
    again = post_form(client, "/activate", {"code": code, **GOOD_PASSWORD}, "/activate")
    assert again.status_code == 303


def test_activate_link_with_a_script_is_escaped(reader):
    response = reader.get("/activate?code=" + SCRIPT)
    assert response.status_code == 200
    assert SCRIPT not in page(response)


def test_activate_link_fills_in_the_code(reader):
    assert 'value="ABCD-EFGH-JKMN"' in page(reader.get("/activate?code=ABCD-EFGH-JKMN"))


# --- "I want this job" -----------------------------------------------------------

INTEREST_CASES = [
    ("x" * 501, TOO_LONG, {"max": 500}),
    (LONG, TOO_LONG, {"max": 500}),
    ("Hallo\x00", CONTROL, {}),
    ("Hallo\x1b[31m", CONTROL, {}),
]


@pytest.mark.parametrize(("message", "msgid", "values"), INTEREST_CASES)
def test_bad_interest_message(reader_app, reader, message, msgid, values):
    sign_in(reader, "bewoner2")
    before = snapshot(reader_app, "interests")
    response = post_form(reader, f"/jobs/{OTHER_JOB}/interest", {"message": message})
    assert response.status_code == 422
    shows(reader_app, response, msgid, **values)
    assert snapshot(reader_app, "interests") == before


@pytest.mark.parametrize(("message", "msgid", "values"), INTEREST_CASES)
def test_bad_message_on_an_existing_interest_says_why_and_keeps_the_old_one(
    reader_app, reader, message, msgid, values
):
    sign_in(reader, "bewoner")
    before = snapshot(reader_app, "interests")
    response = post_form(reader, f"/jobs/{DEMO_INTEREST_JOB}/interest", {"message": message})
    assert response.status_code == 422
    shows(reader_app, response, msgid, **values)
    assert snapshot(reader_app, "interests") == before


def test_a_message_of_500_characters_is_fine(app, client):
    sign_in(client, "bewoner2")
    response = post_form(client, f"/jobs/{OTHER_JOB}/interest", {"message": "x" * 500})
    assert response.status_code == 303
    assert scalar(app, "SELECT length(message) FROM interests WHERE job_id = ?", (OTHER_JOB,)) == 500


def test_an_empty_message_is_fine(app, client):
    sign_in(client, "bewoner2")
    response = post_form(client, f"/jobs/{OTHER_JOB}/interest", {"message": ""})
    assert response.status_code == 303
    assert scalar(app, "SELECT message FROM interests WHERE job_id = ?", (OTHER_JOB,)) == ""


def test_a_script_message_is_stored_as_text_and_shown_escaped(app, client):
    sign_in(client, "bewoner2")
    post_form(client, f"/jobs/{OTHER_JOB}/interest", {"message": SCRIPT})
    assert scalar(app, "SELECT message FROM interests WHERE job_id = ?", (OTHER_JOB,)) == SCRIPT
    for path in (f"/jobs/{OTHER_JOB}", "/interests"):
        body = page(client.get(path))
        assert SCRIPT not in body
        assert ESCAPED_SCRIPT in body


def test_an_sql_message_is_just_text(app, client):
    users = count(app, "users")
    sign_in(client, "bewoner2")
    post_form(client, f"/jobs/{OTHER_JOB}/interest", {"message": SQL})
    assert scalar(app, "SELECT message FROM interests WHERE job_id = ?", (OTHER_JOB,)) == SQL
    assert count(app, "users") == users


def test_two_messages_in_one_post_store_the_first(app, client):
    sign_in(client, "bewoner2")
    response = post_form(client, f"/jobs/{OTHER_JOB}/interest", {"message": ["een", "twee"]})
    assert response.status_code == 303
    assert [
        row["message"] for row in query(app, "SELECT message FROM interests WHERE job_id = ?", (OTHER_JOB,))
    ] == ["een"]


@pytest.mark.parametrize("job", ["999999", "0", "99999999999999999999"])
def test_interest_in_an_unknown_job_is_404_with_a_message(app, client, job):
    sign_in(client, "bewoner2")
    before = snapshot(app, "interests")
    response = post_form(client, f"/jobs/{job}/interest", {"message": "Hallo"})
    assert response.status_code == 404
    shows(app, response, "We cannot find this page")
    assert snapshot(app, "interests") == before


def test_a_file_where_text_belongs_is_400(app, client):
    sign_in(client, "bewoner2")
    before = snapshot(app, "interests")
    response = client.post(
        f"/jobs/{OTHER_JOB}/interest",
        data={"message": (io.BytesIO(b"Hallo"), "brief.txt"), "csrf_token": csrf_token(client)},
    )
    assert response.status_code == 400
    shows(app, response, "We could not read this")
    assert snapshot(app, "interests") == before


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/login", "username"),
        ("/signup", "username"),
        ("/activate", "code"),
        ("/settings/language", "lang"),
        ("/profile/delete", "sure"),
        ("/profile/hours", "answer"),
    ],
)
def test_a_file_in_any_form_is_400_and_stores_nothing(app, client, path, field):
    sign_in(client, "bewoner2")
    before = snapshot(app, *ACCOUNT_TABLES)
    data = {
        **GOOD_SIGNUP,
        "code": "ABCD-EFGH-JKMN",
        "lang": "en",
        "plain": "0",
        "sure": "y",
        "answer": "12",
        "action": "save",
        "csrf_token": csrf_token(client),
    }
    data[field] = (io.BytesIO(b"12"), "a.txt")
    response = client.post(path, data=data)
    assert response.status_code == 400
    assert snapshot(app, *ACCOUNT_TABLES) == before


def test_a_too_large_post_is_413_with_a_message(reader_app, reader):
    response = reader.post("/login", data={"username": "x" * 300_000, "csrf_token": "x"})
    assert response.status_code == 413
    shows(reader_app, response, "This is too much at once")


# --- the profile steps ------------------------------------------------------------

ONE = "Choose one answer, or skip this question."
AT_LEAST_ONE = "Choose at least one answer, or skip this question."
SINGLE = [step.key for step in STEPS if not step.many]
MANY = [step.key for step in STEPS if step.many]
BAD_ANSWERS = [LONG, SCRIPT, SQL, "999", "-1", "1.5", "elderly,green", " 12", "\x00"]


def _step_cases():
    for step in STEPS:
        for answer in BAD_ANSWERS:
            yield pytest.param(step.key, answer, NOT_IN_LIST, id=f"{step.key}-{answer[:12]!r}")
        missing = ONE if not step.many else AT_LEAST_ONE
        if step.key != "limits":  # "nothing" is an answer there: "I can do all of it"
            yield pytest.param(step.key, None, missing, id=f"{step.key}-missing")
        if not step.many:
            yield pytest.param(step.key, [], ONE, id=f"{step.key}-empty-list")
        known = {
            "buurt": "4",
            "hours": "20",
            "travel": "town",
            "work": "elderly",
            "days": "mon",
            "limits": "early",
            "skills": "cooking",
            "languages": "nl",
        }[step.key]
        if not step.many:
            yield pytest.param(step.key, [known, known], ONE, id=f"{step.key}-two")
        yield pytest.param(
            step.key, [known, SCRIPT], ONE if not step.many else NOT_IN_LIST, id=f"{step.key}-known-and-script"
        )
        yield pytest.param(step.key, [known] * 51, NOT_IN_LIST, id=f"{step.key}-51-answers")


@pytest.mark.parametrize("who", ["bewoner", "bewoner2"])
@pytest.mark.parametrize(("key", "answer", "msgid"), list(_step_cases()))
def test_bad_profile_answer(reader_app, reader, who, key, answer, msgid):
    sign_in(reader, who)
    before = snapshot(reader_app, "profiles")
    data = {"action": "save"}
    if answer is not None:
        data["answer"] = answer
    response = post_form(reader, f"/profile/{key}", data)
    assert response.status_code == 422
    shows(reader_app, response, msgid)
    assert SCRIPT not in page(response)
    assert snapshot(reader_app, "profiles") == before


@pytest.mark.parametrize("key", [step.key for step in STEPS])
@pytest.mark.parametrize("action", [None, "", "delete", SCRIPT])
def test_unknown_profile_action_is_400(reader_app, reader, key, action):
    sign_in(reader, "bewoner")
    before = snapshot(reader_app, "profiles")
    data = {"answer": "20"}
    if action is not None:
        data["action"] = action
    response = post_form(reader, f"/profile/{key}", data)
    assert response.status_code == 400
    shows(reader_app, response, "We could not read this")
    assert snapshot(reader_app, "profiles") == before


@pytest.mark.parametrize("key", ["nope", SCRIPT, "buurt_id", "home_buurt_id", "..%2Fexport"])
def test_unknown_profile_step_is_404(reader_app, reader, key):
    sign_in(reader, "bewoner")
    before = snapshot(reader_app, "profiles")
    for response in (
        reader.get(f"/profile/{key}"),
        post_form(reader, f"/profile/{key}", {"answer": "1", "action": "save"}),
    ):
        assert response.status_code == 404
        assert SCRIPT not in page(response)
    assert snapshot(reader_app, "profiles") == before


def test_a_buurt_that_does_not_exist_is_refused(app, client):
    sign_in(client, "bewoner2")
    assert scalar(app, "SELECT COUNT(*) FROM buurten WHERE id = 999") == 0
    response = post_form(client, "/profile/buurt", {"answer": "999", "action": "save"})
    assert response.status_code == 422
    assert count(app, "profiles", "user_id = ?", (user_id(app, "bewoner2"),)) == 0


@pytest.mark.parametrize(
    ("key", "answer", "column", "stored"),
    [
        ("buurt", "5", "home_buurt_id", 5),
        ("hours", "16", "hours_max", 16),
        ("travel", "town", "travel", "town"),
        ("work", ["green", "elderly"], "categories", "elderly,green"),
        ("days", ["fri", "mon"], "days", "mon,fri"),
        ("limits", [], "limits", ""),
        ("skills", ["cooking"], "skills", "cooking"),
        ("languages", ["tr", "nl"], "languages", "nl,tr"),
    ],
)
def test_good_profile_answer_is_stored(app, client, key, answer, column, stored):
    sign_in(client, "bewoner2")
    response = post_form(client, f"/profile/{key}", {"answer": answer, "action": "save"})
    assert response.status_code == 303
    assert (
        scalar(
            app,
            f"SELECT {column} FROM profiles WHERE user_id = ?",  # noqa: S608
            (user_id(app, "bewoner2"),),
        )
        == stored
    )


def test_skip_stores_nothing(app, client):
    sign_in(client, "bewoner2")
    response = post_form(client, "/profile/buurt", {"answer": SCRIPT, "action": "skip"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/profile/work"
    assert count(app, "profiles", "user_id = ?", (user_id(app, "bewoner2"),)) == 0


def test_saving_one_step_keeps_the_other_answers(app, client):
    sign_in(client, "bewoner")
    before = query(app, "SELECT * FROM profiles WHERE user_id = ?", (user_id(app, "bewoner"),))[0]
    post_form(client, "/profile/hours", {"answer": "36", "action": "save"})
    after = query(app, "SELECT * FROM profiles WHERE user_id = ?", (user_id(app, "bewoner"),))[0]
    assert after["hours_max"] == 36
    changed = {key for key in before if before[key] != after[key]}
    assert changed <= {"hours_max", "updated_at"}


def test_last_step_goes_to_the_overview_with_a_message(app, client):
    sign_in(client, "bewoner2")
    response = post_form(client, "/profile/languages", {"answer": "nl", "action": "save"})
    assert response.headers["Location"] == "/profile"
    assert t(app, "Saved. You can change your answers at any time.") in page(client.get("/profile"))


def test_from_overview_goes_back_to_the_overview(client):
    sign_in(client, "bewoner")
    response = post_form(client, "/profile/hours", {"answer": "8", "action": "save", "from": "overview"})
    assert response.headers["Location"] == "/profile"


# --- delete your account -----------------------------------------------------------


@pytest.mark.parametrize("sure", [None, "", ["", ""]])
def test_delete_without_confirmation_deletes_nothing(reader_app, reader, sure):
    sign_in(reader, "bewoner")
    before = snapshot(reader_app, *ACCOUNT_TABLES)
    data = {} if sure is None else {"sure": sure}
    response = post_form(reader, "/profile/delete", data)
    assert response.status_code == 422
    shows(reader_app, response, "Tick the box if you are sure.")
    assert snapshot(reader_app, *ACCOUNT_TABLES) == before
    assert reader.get("/interests").status_code == 200


def test_delete_with_confirmation_removes_everything(app, client):
    bewoner = user_id(app, "bewoner")
    with app.app_context():
        db = connect(app.config["DATABASE"])
        issue_start_code(db, bewoner)
        db.close()
    for table in ("profiles", "interests", "start_codes"):
        assert count(app, table, "user_id = ?", (bewoner,)) == 1
    sign_in(client, "bewoner")
    response = post_form(client, "/profile/delete", {"sure": "y"})
    assert response.status_code == 200
    assert t(app, "Your account is deleted") in page(response)
    assert count(app, "users", "id = ?", (bewoner,)) == 0
    for table in ("profiles", "interests", "start_codes"):
        assert count(app, table, "user_id = ?", (bewoner,)) == 0


def test_delete_leaves_the_others_alone(app, client):
    users = count(app, "users")
    sign_in(client, "bewoner")
    post_form(client, "/profile/delete", {"sure": "y"})
    assert count(app, "users") == users - 1
    assert count(app, "users", "username IN ('bewoner2', 'coach', 'gemeente')") == 3
    assert count(app, "jobs", "id = ?", (DEMO_INTEREST_JOB,)) == 1


def test_after_delete_you_are_logged_out(client):
    sign_in(client, "bewoner")
    post_form(client, "/profile/delete", {"sure": "y"})
    assert client.get("/interests").status_code == 303


def test_deleting_twice_is_harmless(app, client):
    sign_in(client, "bewoner")
    post_form(client, "/profile/delete", {"sure": "y"})
    users = count(app, "users")
    response = post_form(client, "/profile/delete", {"sure": "y"})
    assert response.status_code == 303
    assert count(app, "users") == users


def test_a_coach_may_delete_their_own_account(app, client):
    sign_in(client, "coach")
    response = post_form(client, "/profile/delete", {"sure": "y"})
    assert response.status_code == 200
    assert count(app, "users", "username = 'coach'") == 0
    # the residents stay, without a coach
    assert scalar(app, "SELECT coach_id FROM users WHERE username = 'bewoner'") is None


# --- export ------------------------------------------------------------------


def test_export_is_a_json_download(reader):
    sign_in(reader, "bewoner")
    response = reader.get("/profile/export")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"] == 'attachment; filename="basisbaan-bewoner.json"'


def test_export_holds_account_profile_and_interests(reader_app, reader):
    sign_in(reader, "bewoner")
    data = json.loads(reader.get("/profile/export").get_data(as_text=True))
    assert set(data) >= {"account", "profile", "interests"}
    assert data["account"]["username"] == "bewoner"
    assert data["account"]["display_name"] == "Fatima"
    assert data["account"]["role"] == "resident"
    assert data["profile"]["hours_max"] == 20
    assert data["profile"]["categories"] == ["elderly", "carehome"]
    assert data["profile"]["home_buurt_id"] == scalar(reader_app, "SELECT id FROM buurten WHERE name = 'De Hoven'")
    assert [item["job_id"] for item in data["interests"]] == [DEMO_INTEREST_JOB]
    assert data["interests"][0]["message"].endswith("kennismaken?")


def test_export_has_no_password_hash(reader):
    sign_in(reader, "bewoner")
    text = reader.get("/profile/export").get_data(as_text=True)
    assert "password" not in text
    assert "scrypt" not in text
    assert "pbkdf2" not in text
    assert "auth_version" not in text


def test_export_has_no_start_code_hash(app, client):
    with app.app_context():
        db = connect(app.config["DATABASE"])
        issue_start_code(db, user_id(app, "bewoner"))
        db.close()
    code_hash = scalar(app, "SELECT code_hash FROM start_codes")
    sign_in(client, "bewoner")
    text = client.get("/profile/export").get_data(as_text=True)
    assert code_hash not in text


def test_export_shows_new_interests_and_messages(client):
    sign_in(client, "bewoner")
    post_form(client, f"/jobs/{OTHER_JOB}/interest", {"message": SCRIPT})
    data = client.get("/profile/export").get_json()
    assert [item["job_id"] for item in data["interests"]] == [DEMO_INTEREST_JOB, OTHER_JOB]
    assert data["interests"][1]["message"] == SCRIPT


def test_export_of_a_coach_has_no_profile(reader):
    sign_in(reader, "coach")
    data = reader.get("/profile/export").get_json()
    assert data["account"]["username"] == "coach"
    assert data["profile"] is None
    assert data["interests"] == []


# --- repeated posts -----------------------------------------------------------------


def test_interest_twice_is_one_row(app, client):
    sign_in(client, "bewoner2")
    first = post_form(client, f"/jobs/{OTHER_JOB}/interest", {"message": "Hallo"})
    second = post_form(client, f"/jobs/{OTHER_JOB}/interest", {"message": "Hallo"})
    assert first.status_code == second.status_code == 303
    assert first.headers["Location"] == second.headers["Location"]
    assert count(app, "interests", "job_id = ? AND user_id = ?", (OTHER_JOB, user_id(app, "bewoner2"))) == 1


def test_interest_twice_with_htmx_gives_the_same_box(app, client):
    sign_in(client, "bewoner2")
    token = csrf_token(client)
    answers = [
        client.post(
            f"/jobs/{OTHER_JOB}/interest",
            headers={"HX-Request": "true"},
            data={"message": "Hallo", "csrf_token": token},
        )
        for _ in range(2)
    ]
    assert [answer.status_code for answer in answers] == [200, 200]

    def without_tokens(html):
        return re.sub(r'name="csrf_token" value="[^"]+"', "", html)

    assert without_tokens(page(answers[0])) == without_tokens(page(answers[1]))
    assert count(app, "interests", "job_id = ?", (OTHER_JOB,)) == 1


def test_a_second_interest_updates_the_message(app, client):
    sign_in(client, "bewoner")
    post_form(client, f"/jobs/{DEMO_INTEREST_JOB}/interest", {"message": "Nieuw bericht"})
    rows = query(app, "SELECT message, status FROM interests WHERE job_id = ?", (DEMO_INTEREST_JOB,))
    assert rows == [{"message": "Nieuw bericht", "status": "open"}]


def test_withdraw_twice_is_fine(app, client):
    sign_in(client, "bewoner")
    first = post_form(client, f"/jobs/{DEMO_INTEREST_JOB}/interest/withdraw")
    second = post_form(client, f"/jobs/{DEMO_INTEREST_JOB}/interest/withdraw")
    assert first.status_code == second.status_code == 303
    rows = query(app, "SELECT status FROM interests WHERE job_id = ?", (DEMO_INTEREST_JOB,))
    assert rows == [{"status": "withdrawn"}]


def test_interest_after_withdraw_reopens_the_same_row(app, client):
    row_id = scalar(app, "SELECT id FROM interests WHERE job_id = ?", (DEMO_INTEREST_JOB,))
    sign_in(client, "bewoner")
    post_form(client, f"/jobs/{DEMO_INTEREST_JOB}/interest/withdraw")
    post_form(client, f"/jobs/{DEMO_INTEREST_JOB}/interest", {"message": "Toch wel"})
    rows = query(app, "SELECT id, status, message FROM interests WHERE job_id = ?", (DEMO_INTEREST_JOB,))
    assert rows == [{"id": row_id, "status": "open", "message": "Toch wel"}]


def test_withdrawn_interest_is_shown_as_withdrawn(app, client):
    sign_in(client, "bewoner")
    post_form(client, f"/jobs/{DEMO_INTEREST_JOB}/interest/withdraw")
    assert t(app, "You took back your interest.") in page(client.get("/interests"))
    assert t(app, "You took back your interest. You can still change your mind.") in page(
        client.get(f"/jobs/{DEMO_INTEREST_JOB}")
    )


def test_same_profile_answer_twice_is_one_row(app, client):
    sign_in(client, "bewoner2")
    for _ in range(2):
        assert post_form(client, "/profile/hours", {"answer": "12", "action": "save"}).status_code == 303
    assert query(app, "SELECT hours_max FROM profiles WHERE user_id = ?", (user_id(app, "bewoner2"),)) == [
        {"hours_max": 12}
    ]


def _double_tap(app, data):
    """The same sign-up form sent twice from one browser, before any answer."""
    client = app.test_client()
    token = csrf_token(client, "/signup")
    cookie = client.get_cookie("session").value
    answers = []
    for _ in range(2):
        client.set_cookie("session", cookie)  # the browser has not seen an answer yet
        answers.append(client.post("/signup", data={**data, "csrf_token": token}))
        answers[-1].session_cookie = client.get_cookie("session").value
    return answers


def test_double_signup_makes_one_account(app):
    users = count(app, "users")
    answers = _double_tap(app, GOOD_SIGNUP)
    assert count(app, "users") == users + 1
    assert [answer.status_code for answer in answers] == [303, 303]
    assert {answer.headers["Location"] for answer in answers} == {"/profile/start"}


def test_double_signup_logs_in_with_both_answers(app):
    for answer in _double_tap(app, GOOD_SIGNUP):
        client = app.test_client()
        client.set_cookie("session", answer.session_cookie)
        assert client.get("/profile").status_code == 200
        assert "anna.jansen" in page(client.get("/settings"))


def test_same_username_with_another_password_is_somebody_else(app, client):
    post_form(client, "/signup", GOOD_SIGNUP, "/signup")
    other = app.test_client()
    response = post_form(other, "/signup", {**GOOD_SIGNUP, "password": "een andere zin"}, "/signup")
    assert response.status_code == 422
    shows(app, response, TAKEN)
    assert other.get("/profile").status_code == 303


def test_signup_again_after_ten_minutes_is_refused(app, client):
    post_form(client, "/signup", GOOD_SIGNUP, "/signup")
    execute(app, "UPDATE users SET created_at = '2020-01-01T00:00:00Z' WHERE username = 'anna.jansen'")
    other = app.test_client()
    response = post_form(other, "/signup", GOOD_SIGNUP, "/signup")
    assert response.status_code == 422
    assert other.get("/profile").status_code == 303


def test_signup_never_opens_a_fresh_coach_account(app):
    """Same username, e-mail and password as the coach (made minutes ago): still refused."""
    other = app.test_client()
    response = post_form(
        other,
        "/signup",
        {
            **GOOD_SIGNUP,
            "username": "coach",
            "email": "coach@example.org",
            "password": "demo-wachtwoord",
        },
        "/signup",
    )
    assert response.status_code == 422
    shows(app, response, TAKEN)
    assert other.get("/profile/export").status_code == 303


def test_double_signup_needs_the_same_email(app, client):
    post_form(client, "/signup", GOOD_SIGNUP, "/signup")
    other = app.test_client()
    response = post_form(other, "/signup", {**GOOD_SIGNUP, "email": "iemand@example.org"}, "/signup")
    assert response.status_code == 422
    assert other.get("/profile").status_code == 303


def test_signup_with_an_existing_email_does_not_take_over_that_account(app):
    other = app.test_client()
    response = post_form(
        other,
        "/signup",
        {
            **GOOD_SIGNUP,
            "username": "nieuwe.coach",
            "email": "coach@example.org",
            "password": "demo-wachtwoord",
        },
        "/signup",
    )
    assert response.status_code == 422
    assert other.get("/settings").status_code == 200
    assert "coach" not in page(other.get("/settings")).split('id="main"')[1].split("</main>")[0]


# --- the job filters (GET /jobs) -------------------------------------------------------

FILTER_NOTICE = "One of the filters has a value we do not know. Choose again from the list."

BAD_FILTERS = [
    ("q=" + "x" * 101, TOO_LONG, {"max": 100}),
    ("q=" + LONG, TOO_LONG, {"max": 100}),
    ("q=%00", CONTROL, {}),
    ("category=nope", NOT_IN_LIST, {}),
    ("category=" + SCRIPT, NOT_IN_LIST, {}),
    ("category=" + SQL, NOT_IN_LIST, {}),
    ("hours=abc", NOT_IN_LIST, {}),
    ("hours=7", NOT_IN_LIST, {}),
    ("hours=-8", NOT_IN_LIST, {}),
    ("area=b999", NOT_IN_LIST, {}),
    ("area=w999", NOT_IN_LIST, {}),
    ("area=bx", NOT_IN_LIST, {}),
    ("area=4", NOT_IN_LIST, {}),
    ("area=" + SCRIPT, NOT_IN_LIST, {}),
    ("sort=" + SCRIPT, None, {}),
    ("page=abc", None, {}),
    ("page=0", None, {}),
    ("page=-1", None, {}),
    ("page=1.5", None, {}),
    ("page=99999999999999999999", None, {}),
]


@pytest.mark.parametrize(("query_string", "msgid", "values"), BAD_FILTERS)
@pytest.mark.parametrize("who", [None, "bewoner"])
def test_bad_job_filter_is_400_with_a_message(reader_app, reader, who, query_string, msgid, values):
    sign_in(reader, who)
    response = reader.get("/jobs?" + query_string)
    assert response.status_code == 400
    body = page(response)
    assert t(reader_app, FILTER_NOTICE) in body
    if msgid:
        shows(reader_app, response, msgid, **values)
    assert SCRIPT not in body


@pytest.mark.parametrize(
    "text", [SCRIPT, SQL, '"', "AND OR NOT *", "NEAR(a b)", "title_nl:x", "ouderen*", "^", "-", "'"]
)
def test_search_text_is_never_syntax(reader_app, reader, text):
    users = count(reader_app, "users")
    response = reader.get("/jobs", query_string={"q": text})
    assert response.status_code == 200
    assert SCRIPT not in page(response)
    assert count(reader_app, "users") == users


def test_search_text_is_shown_escaped(reader):
    body = page(reader.get("/jobs", query_string={"q": SCRIPT}))
    assert f'value="{ESCAPED_SCRIPT}"' in body


def test_a_page_after_the_last_is_404_with_a_message(reader_app, reader):
    response = reader.get("/jobs?page=99")
    assert response.status_code == 404
    assert t(reader_app, "This page has no jobs.") in page(response)


def test_two_categories_use_the_first(reader_app, reader):
    body = page(reader.get("/jobs?category=green&category=elderly&sort=new"))
    green = [row["title_nl"] for row in query(reader_app, "SELECT title_nl FROM jobs WHERE category = 'green'")]
    elderly = [
        row["title_nl"] for row in query(reader_app, "SELECT title_nl FROM jobs WHERE category = 'elderly'")
    ]
    assert green and elderly
    assert all(title in body for title in green)
    assert not any(title in body for title in elderly)


def test_a_good_filter_narrows_the_list(reader_app, reader):
    body = page(reader.get("/jobs?hours=8"))
    small = scalar(reader_app, "SELECT COUNT(*) FROM jobs WHERE hours <= 8 AND status = 'open'")
    assert small > 0
    assert nt(reader_app, "%(num)d job found", "%(num)d jobs found", small) in body


def test_no_results_says_so(reader_app, reader):
    response = reader.get("/jobs", query_string={"q": "zzzzzzzz"})
    assert response.status_code == 200
    assert t(reader_app, "No jobs match these filters. Try fewer filters or other words.") in page(response)
