"""Who may open which page: the access matrix, privacy between residents,
CSRF on every state-changing route, security headers and htmx partials."""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from http_support import (
    DEMO_INTEREST_JOB,
    OTHER_JOB,
    SCRIPT,
    SQL,  # make_app: the fixture, with shared templates
    count,
    csrf_token,
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

from webapp.profile.steps import STEPS

STATIC = Path(__file__).resolve().parent.parent / "static"

RESIDENTS = ("bewoner", "bewoner2")
STAFF = ("coach", "gemeente", "buurtgroep", "toezicht")
EVERYONE = (None, *RESIDENTS, *STAFF)
STEP_KEYS = [step.key for step in STEPS]
HUGE_ID = "99999999999999999999"  # more than SQLite's largest integer


def login_redirect(next_path=None):
    return ("login", next_path)


def everyone(status, location=None):
    return {who: (status, location) for who in EVERYONE}


def resident_page(path, resident_status=200):
    """Anonymous: to the login page and back; staff: 403; residents: the page."""
    expected = {None: (303, login_redirect(path))}
    expected.update({who: (resident_status, None) for who in RESIDENTS})
    expected.update({who: (403, None) for who in STAFF})
    return expected


def board_page(path, board_status=200):
    """The oversight board's pages: anonymous to the login page, the board in, everyone else 403."""
    expected = {who: (403, None) for who in EVERYONE if who}
    expected[None] = (303, login_redirect(path))
    expected["toezicht"] = (board_status, None)
    return expected


def gemeente_page(path):
    """The municipality's pages: anonymous to the login page, the municipality in, everyone else 403."""
    expected = {who: (403, None) for who in EVERYONE if who}
    expected[None] = (303, login_redirect(path))
    expected["gemeente"] = (200, None)
    return expected


def logged_in_page(path):
    expected = {who: (200, None) for who in EVERYONE}
    expected[None] = (303, login_redirect(path))
    return expected


def only_anonymous(status, elsewhere):
    """A page for people who are not logged in; the others are sent on."""
    expected = {None: (status, None)}
    expected.update({who: (302, elsewhere.get(who, "/")) for who in EVERYONE if who})
    return expected


GET_ROUTES = {
    "/": everyone(200),
    "/login": only_anonymous(
        200,
        {
            "bewoner": "/jobs",
            "bewoner2": "/profile/start",
            "coach": "/caseload",
            "gemeente": "/gemeente",
            "buurtgroep": "/proposals",
            "toezicht": "/toezicht",
        },
    ),
    "/logout": {**everyone(200), None: (302, "/")},
    "/signup": only_anonymous(200, {}),
    "/activate": everyone(200),
    "/jobs": everyone(200),
    "/jobs?category=elderly&hours=20&area=w2&q=ouderen": everyone(200),
    f"/jobs/{OTHER_JOB}": everyone(200),
    "/jobs/999999": everyone(404),
    f"/jobs/{HUGE_ID}": everyone(404),
    "/jobs/abc": everyone(404),
    "/interests": resident_page("/interests"),
    "/profile": resident_page("/profile"),
    "/profile/start": resident_page("/profile/start"),
    **{f"/profile/{key}": resident_page(f"/profile/{key}") for key in STEP_KEYS},
    "/profile/work?from=overview": resident_page("/profile/work?from=overview"),
    "/profile/no-such-step": resident_page("/profile/no-such-step", resident_status=404),
    "/profile/export": logged_in_page("/profile/export"),
    "/profile/delete": logged_in_page("/profile/delete"),
    "/settings": everyone(200),
    "/help": everyone(200),
    "/healthz": everyone(200),
    "/no-such-page": everyone(404),
    "/toezicht": board_page("/toezicht"),
    f"/toezicht/jobs/{OTHER_JOB}/advice": board_page(f"/toezicht/jobs/{OTHER_JOB}/advice"),
    "/toezicht/jobs/999999/advice": board_page("/toezicht/jobs/999999/advice", 404),
    f"/toezicht/jobs/{HUGE_ID}/advice": everyone(404),
    **{path: gemeente_page(path) for path in ("/gemeente/impact", "/gemeente/impact/print")},
    **{path: gemeente_page(path) for path in ("/gemeente/impact.csv", "/gemeente/impact.ods")},
    "/open-data": everyone(200),
    "/open-data/no-such-set.csv": everyone(404),
    "/open-data/jobs.xlsx": everyone(404),
}


def _cases(routes):
    for path, expected in routes.items():
        for who, (status, location) in expected.items():
            yield pytest.param(path, who, status, location, id=f"{path}-{who or 'anonymous'}")


def check_location(response, location):
    if location is None:
        assert "Location" not in response.headers
        return
    target = urlsplit(response.headers["Location"])
    if isinstance(location, tuple):  # the login page, with or without a way back
        assert target.path == "/login"
        next_path = location[1]
        assert parse_qs(target.query).get("next") == ([next_path] if next_path else None)
    else:
        assert (target.path + ("#" + target.fragment if target.fragment else "")) == location


@pytest.mark.parametrize(("path", "who", "status", "location"), list(_cases(GET_ROUTES)))
def test_get_access(reader, path, who, status, location):
    sign_in(reader, who)
    response = reader.get(path)
    assert response.status_code == status
    check_location(response, location)


def _post_cases():
    interest = {"message": "Hallo"}
    step = {"answer": "12", "action": "save"}
    staff_403 = {who: (403, None) for who in STAFF}
    routes = [
        (
            f"/jobs/{OTHER_JOB}/interest",
            interest,
            {
                None: (303, login_redirect()),
                **{r: (303, f"/jobs/{OTHER_JOB}#interest") for r in RESIDENTS},
                **staff_403,
            },
        ),
        (
            "/jobs/999999/interest",
            interest,
            {None: (303, login_redirect()), **{r: (404, None) for r in RESIDENTS}, **staff_403},
        ),
        (
            f"/jobs/{HUGE_ID}/interest",  # no such URL: 404 before anything else
            interest,
            everyone(404),
        ),
        (
            f"/jobs/{DEMO_INTEREST_JOB}/interest/withdraw",
            {},
            {
                None: (303, login_redirect()),
                "bewoner": (303, f"/jobs/{DEMO_INTEREST_JOB}#interest"),
                "bewoner2": (404, None),
                **staff_403,
            },
        ),
        (
            "/jobs/999999/interest/withdraw",
            {},
            {None: (303, login_redirect()), **{r: (404, None) for r in RESIDENTS}, **staff_403},
        ),
        (
            "/profile/hours",
            step,
            {
                None: (303, login_redirect()),
                **{r: (303, "/profile/days") for r in RESIDENTS},
                **staff_403,
            },
        ),
        (
            "/profile/no-such-step",
            step,
            {None: (303, login_redirect()), **{r: (404, None) for r in RESIDENTS}, **staff_403},
        ),
        ("/profile/delete", {"sure": "y"}, {**everyone(200), None: (303, login_redirect())}),
        ("/logout", {}, everyone(303, "/")),
        ("/login", {"username": "bewoner", "password": "demo-wachtwoord"}, everyone(303, "/jobs")),
        (
            "/signup",
            {"username": "nieuwe.bewoner", "password": "een lange zin", "confirm": "een lange zin"},
            {**everyone(302, "/"), None: (303, "/profile/start")},
        ),
        (
            "/activate",
            {"code": "ABCD-EFGH-JKMN", "password": "een lange zin", "confirm": "een lange zin"},
            everyone(422),
        ),
        ("/settings/language", {"lang": "en", "plain": "0"}, everyone(303, "/settings")),
        (
            f"/toezicht/jobs/{OTHER_JOB}/advice",
            {"verdict": "agree", "reason": "Past goed.", "displacement": "Niemand doet dit nu."},
            {
                **{who: (403, None) for who in EVERYONE if who},
                None: (303, login_redirect()),
                "toezicht": (303, "/toezicht"),
            },
        ),
    ]
    answers = {
        "buurt": "4",
        "work": "green",
        "hours": "8",
        "days": "mon",
        "travel": "town",
        "limits": "early",
        "skills": "cooking",
        "languages": "nl",
    }
    for number, step in enumerate(STEPS):
        after = f"/profile/{STEPS[number + 1].key}" if number + 1 < len(STEPS) else "/profile"
        routes.append(
            (
                f"/profile/{step.key}",
                {"answer": answers[step.key], "action": "save"},
                {None: (303, login_redirect()), **{r: (303, after) for r in RESIDENTS}, **staff_403},
            )
        )
    for path, data, expected in routes:
        for who, (status, location) in expected.items():
            yield pytest.param(path, data, who, status, location, id=f"{path}-{who or 'anonymous'}")


@pytest.mark.parametrize(("path", "data", "who", "status", "location"), list(_post_cases()))
def test_post_access(client, path, data, who, status, location):
    sign_in(client, who)
    response = post_form(client, path, data)
    assert response.status_code == status
    check_location(response, location)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/jobs"),
        ("POST", "/settings"),
        ("POST", "/healthz"),
        ("POST", "/interests"),
    ],
)
def test_wrong_method_is_405_with_a_message(app, client, method, path):
    sign_in(client, "bewoner")
    response = client.open(path, method=method, data={"csrf_token": csrf_token(client)})
    assert response.status_code == 405
    assert t(app, "This does not work here") in page(response)


@pytest.mark.parametrize(
    ("path", "target"),
    [
        (f"/jobs/{OTHER_JOB}/interest", f"/jobs/{OTHER_JOB}"),
        (f"/jobs/{OTHER_JOB}/interest/withdraw", f"/jobs/{OTHER_JOB}"),
        ("/settings/language", "/settings"),
    ],
)
def test_a_get_of_a_form_s_address_goes_to_its_page_not_405(client, path, target):
    """The address a form was sent to opens again (tests/test_http_open_again.py has them all)."""
    sign_in(client, "bewoner")
    response = client.get(path)
    assert response.status_code == 303
    assert response.headers["Location"] == target


def test_forbidden_page_explains_itself(reader_app, reader):
    sign_in(reader, "coach")
    response = reader.get("/profile")
    assert response.status_code == 403
    assert t(reader_app, "This page is not for you") in page(response)


def test_not_found_page_explains_itself(reader_app, reader):
    response = reader.get("/jobs/999999")
    assert t(reader_app, "We cannot find this page") in page(response)


def test_login_redirect_leads_back_after_logging_in(client):
    response = client.get("/profile/work?from=overview")
    login_page = response.headers["Location"]
    form = page(client.get(login_page))
    next_value = re.search(r'<input id="next" name="next" type="hidden" value="([^"]*)"', form).group(1)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    answer = client.post(
        "/login",
        data={"username": "bewoner", "password": "demo-wachtwoord", "next": next_value, "csrf_token": token},
    )
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/profile/work?from=overview"


def test_htmx_request_without_login_is_told_to_load_the_login_page(client):
    before = count(client.application, "interests")  # the demo has a few (coaching seed)
    response = client.post(
        f"/jobs/{OTHER_JOB}/interest",
        data={"csrf_token": csrf_token(client)},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 401
    assert urlsplit(response.headers["HX-Redirect"]).path == "/login"
    assert count(client.application, "interests") == before


# --- drafts and closed jobs ---------------------------------------------------


@pytest.mark.parametrize(("who", "status"), [(None, 404), ("bewoner", 404), ("coach", 404), ("gemeente", 200)])
def test_a_draft_job_is_only_for_the_municipality(app, client, who, status):
    execute(app, "UPDATE jobs SET status = 'draft' WHERE id = ?", (OTHER_JOB,))
    sign_in(client, who)
    assert client.get(f"/jobs/{OTHER_JOB}").status_code == status


def test_a_draft_job_is_not_listed(app, client):
    title = scalar(app, "SELECT title_nl FROM jobs WHERE id = ?", (OTHER_JOB,))
    assert title in page(client.get("/jobs?area=b4"))
    execute(app, "UPDATE jobs SET status = 'draft' WHERE id = ?", (OTHER_JOB,))
    assert title not in page(client.get("/jobs?area=b4"))


def test_nobody_can_say_interested_in_a_draft(app, client):
    execute(app, "UPDATE jobs SET status = 'draft' WHERE id = ?", (OTHER_JOB,))
    sign_in(client, "bewoner2")
    response = post_form(client, f"/jobs/{OTHER_JOB}/interest", {"message": ""})
    assert response.status_code == 404
    assert count(app, "interests", "job_id = ?", (OTHER_JOB,)) == 0


def test_a_closed_job_is_public_but_takes_no_interest(app, client):
    execute(app, "UPDATE jobs SET status = 'closed' WHERE id = ?", (OTHER_JOB,))
    sign_in(client, "bewoner2")
    assert client.get(f"/jobs/{OTHER_JOB}").status_code == 200
    response = post_form(client, f"/jobs/{OTHER_JOB}/interest", {"message": "Hallo"})
    assert response.status_code == 409
    assert t(app, "This job is closed. You cannot react to it any more.") in " ".join(messages(page(response)))
    assert count(app, "interests", "job_id = ?", (OTHER_JOB,)) == 0


def test_a_closed_job_with_htmx_says_why_in_the_box(app, client):
    execute(app, "UPDATE jobs SET status = 'closed' WHERE id = ?", (OTHER_JOB,))
    sign_in(client, "bewoner2")
    response = post_form(
        client, f"/jobs/{OTHER_JOB}/interest", {"message": "Hallo"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 409
    body = page(response)
    assert "<html" not in body
    assert t(app, "This job is closed. You cannot react to it any more.") in body


# --- a resident never sees another resident's things ------------------------

DEMO_MESSAGE_PART = "kennismaken"  # from bewoner's message to her coach


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/jobs",
        f"/jobs/{DEMO_INTEREST_JOB}",
        "/interests",
        "/profile",
        "/profile/buurt",
        "/profile/work",
        "/profile/skills",
        "/profile/export",
        "/settings",
        "/profile/delete",
    ],
)
def test_bewoner2_never_sees_bewoners_message(reader, path):
    sign_in(reader, "bewoner2")
    body = page(reader.get(path))
    assert DEMO_MESSAGE_PART not in body
    assert "Fatima" not in body


def test_bewoner_does_see_her_own_message(reader):
    sign_in(reader, "bewoner")
    assert DEMO_MESSAGE_PART in page(reader.get("/interests"))
    assert DEMO_MESSAGE_PART in page(reader.get(f"/jobs/{DEMO_INTEREST_JOB}"))


def test_bewoner2s_interest_list_is_empty(reader_app, reader):
    sign_in(reader, "bewoner2")
    body = page(reader.get("/interests"))
    assert t(reader_app, "You have not chosen a job yet.") in body
    title = scalar(reader_app, "SELECT title_nl FROM jobs WHERE id = ?", (DEMO_INTEREST_JOB,))
    assert title not in body


def test_bewoner2s_job_page_does_not_show_bewoners_interest(reader_app, reader):
    sign_in(reader, "bewoner2")
    body = page(reader.get(f"/jobs/{DEMO_INTEREST_JOB}"))
    assert t(reader_app, "You said you want this job. Your coach can see it.") not in body
    assert t(reader_app, "I want this job") in body


def test_bewoner2s_profile_shows_none_of_bewoners_answers(reader_app, reader):
    sign_in(reader, "bewoner2")
    body = page(reader.get("/profile"))
    assert "De Hoven" not in body  # bewoner's buurt
    assert t(reader_app, "At most %(num)d hours a week", num=20) not in body
    assert t(reader_app, "You answered %(answered)d of %(total)d questions.", answered=0, total=8) in body


@pytest.mark.parametrize("key", STEP_KEYS)
def test_bewoner2s_steps_have_nothing_ticked(reader, key):
    sign_in(reader, "bewoner2")
    assert " checked" not in page(reader.get(f"/profile/{key}"))


@pytest.mark.parametrize("key", ["buurt", "work", "hours", "days", "travel", "skills"])
def test_bewoners_steps_show_her_answers(reader, key):
    sign_in(reader, "bewoner")
    assert " checked" in page(reader.get(f"/profile/{key}"))


def test_bewoner2s_export_holds_only_her_own_data(reader):
    sign_in(reader, "bewoner2")
    data = reader.get("/profile/export").get_json()
    assert data["account"]["username"] == "bewoner2"
    assert data["profile"] is None
    assert data["interests"] == []
    text = reader.get("/profile/export").get_data(as_text=True)
    assert 'bewoner"' not in text.replace("bewoner2", "")
    assert DEMO_MESSAGE_PART not in text
    assert "Fatima" not in text


def test_bewoner2s_answers_never_change_bewoners_profile(app, client):
    before = query(app, "SELECT * FROM profiles WHERE user_id = ?", (user_id(app, "bewoner"),))
    sign_in(client, "bewoner2")
    assert post_form(client, "/profile/travel", {"answer": "town", "action": "save"}).status_code == 303
    after = query(app, "SELECT * FROM profiles WHERE user_id = ?", (user_id(app, "bewoner"),))
    assert after == before


def test_bewoner2_cannot_withdraw_bewoners_interest(app, client):
    sign_in(client, "bewoner2")
    response = post_form(client, f"/jobs/{DEMO_INTEREST_JOB}/interest/withdraw")
    assert response.status_code == 404
    assert scalar(app, "SELECT status FROM interests WHERE user_id = ?", (user_id(app, "bewoner"),)) == "open"


def test_bewoner2s_interest_is_her_own_row(app, client):
    sign_in(client, "bewoner2")
    post_form(client, f"/jobs/{DEMO_INTEREST_JOB}/interest", {"message": "Ook ik"})
    rows = query(app, "SELECT user_id, message FROM interests WHERE job_id = ? ORDER BY id", (DEMO_INTEREST_JOB,))
    assert len(rows) == 2
    assert rows[0]["message"].endswith("kennismaken?")
    assert rows[1] == {"user_id": user_id(app, "bewoner2"), "message": "Ook ik"}


# --- CSRF: every state-changing route refuses a POST without a token --------


CSRF_CASES = [
    # (who, path, data, tables that must not change)
    ("bewoner2", f"/jobs/{OTHER_JOB}/interest", {"message": "Hallo"}, ("interests",)),
    ("bewoner", f"/jobs/{DEMO_INTEREST_JOB}/interest/withdraw", {}, ("interests",)),
    ("bewoner2", "/profile/hours", {"answer": "12", "action": "save"}, ("profiles",)),
    ("bewoner", "/profile/hours", {"answer": "12", "action": "save"}, ("profiles",)),
    ("bewoner", "/profile/delete", {"sure": "y"}, ("users", "profiles", "interests")),
    ("bewoner", "/settings/language", {"lang": "en", "plain": "1"}, ("users",)),
    (None, "/settings/language", {"lang": "en", "plain": "1"}, ("users",)),
    (
        None,
        "/signup",
        {"username": "nieuw", "password": "een lange zin", "confirm": "een lange zin"},
        ("users",),
    ),
    (None, "/login", {"username": "bewoner", "password": "demo-wachtwoord"}, ("users",)),
    (
        None,
        "/activate",
        {"code": "ABCD-EFGH-JKMN", "password": "een lange zin", "confirm": "een lange zin"},
        ("users", "start_codes"),
    ),
    ("bewoner", "/logout", {}, ("users",)),
    (
        "toezicht",
        f"/toezicht/jobs/{OTHER_JOB}/advice",
        {"verdict": "object", "reason": "Dit doet een bedrijf al.", "displacement": "Bedrijf X."},
        ("advices", "notifications"),
    ),
    ("gemeente", f"/gemeente/jobs/{OTHER_JOB}/publish", {"reason": "Toch nodig."}, ("jobs", "advice_overrides")),
]


def _csrf_params():
    for who, path, data, tables in CSRF_CASES:
        for token in (None, "", "not-a-token"):
            yield pytest.param(who, path, data, tables, token, id=f"{path}-{who or 'anonymous'}-{token!r}")


@pytest.mark.parametrize(("who", "path", "data", "tables", "token"), list(_csrf_params()))
def test_post_without_valid_csrf_token_is_400_and_stores_nothing(app, client, who, path, data, tables, token):
    sign_in(client, who)
    client.get("/settings")  # the session has a CSRF secret, as after any page
    before = snapshot(app, *tables)
    form = dict(data)
    if token is not None:
        form["csrf_token"] = token
    response = client.post(path, data=form)
    assert response.status_code == 400
    assert t(app, "Please try again") in page(response)
    assert snapshot(app, *tables) == before
    assert "lang=" not in response.headers.get("Set-Cookie", "")


def test_a_token_from_another_session_is_refused(app, client):
    other = app.test_client()
    token = csrf_token(other)
    sign_in(client, "bewoner2")
    client.get("/settings")
    response = client.post(f"/jobs/{OTHER_JOB}/interest", data={"csrf_token": token})
    assert response.status_code == 400
    assert count(app, "interests", "user_id = ?", (user_id(app, "bewoner2"),)) == 0


def test_logout_without_token_keeps_you_logged_in(client):
    sign_in(client, "bewoner")
    client.post("/logout", data={})
    assert client.get("/interests").status_code == 200


def test_login_without_token_does_not_log_in(client):
    client.post("/login", data={"username": "bewoner", "password": "demo-wachtwoord"})
    assert client.get("/interests").status_code == 303


def test_csrf_failure_with_htmx_is_the_error_partial(app, client):
    sign_in(client, "bewoner2")
    response = client.post(f"/jobs/{OTHER_JOB}/interest", data={"message": "x"}, headers={"HX-Request": "true"})
    assert response.status_code == 400
    body = page(response)
    assert "<html" not in body
    assert t(app, "Please try again") in body


# --- security headers and no inline code on any page ------------------------

PAGES = [
    (None, "/"),
    (None, "/login"),
    (None, "/signup"),
    (None, "/activate"),
    (None, "/jobs"),
    (None, f"/jobs/{DEMO_INTEREST_JOB}"),
    (None, "/settings"),
    (None, "/healthz"),
    (None, "/jobs?category=nope"),
    (None, "/no-such-page"),
    (None, "/jobs?page=999"),
    ("bewoner", "/"),
    ("bewoner", "/jobs"),
    ("bewoner", f"/jobs/{DEMO_INTEREST_JOB}"),
    ("bewoner", f"/jobs/{OTHER_JOB}"),
    ("bewoner", "/interests"),
    ("bewoner", "/profile"),
    ("bewoner", "/profile/start"),
    ("bewoner", "/profile/export"),
    ("bewoner", "/profile/delete"),
    ("bewoner", "/settings"),
    ("bewoner", "/logout"),
    ("bewoner2", "/"),
    ("bewoner2", "/jobs"),
    ("coach", "/profile"),
    ("gemeente", "/"),
    ("toezicht", "/toezicht"),
    ("toezicht", f"/toezicht/jobs/{OTHER_JOB}/advice"),
    ("bewoner", "/jobs?lang=en"),
    ("bewoner", "/jobs?plain=1"),
    *[("bewoner", f"/profile/{key}") for key in STEP_KEYS],
]


@pytest.mark.parametrize(("who", "path"), PAGES)
def test_security_headers(reader, who, path):
    sign_in(reader, who)
    response = reader.get(path)
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I)
STYLE_ELEMENT = re.compile(r"<style\b", re.I)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.I)
EVENT_ATTRIBUTE = re.compile(r"\son[a-z]+\s*=", re.I)


@pytest.mark.parametrize(("who", "path"), PAGES)
def test_no_inline_script_or_style(reader, who, path):
    sign_in(reader, who)
    body = page(reader.get(path))
    assert not INLINE_SCRIPT.search(body)
    assert not STYLE_ELEMENT.search(body)
    assert not STYLE_ATTRIBUTE.search(body)
    assert not EVENT_ATTRIBUTE.search(body)


@pytest.mark.parametrize("path", ["/jobs", "/jobs?category=nope", "/jobs?page=999", "/no-such-page"])
def test_no_inline_code_in_htmx_partials(reader, path):
    body = page(reader.get(path, headers={"HX-Request": "true"}))
    assert not INLINE_SCRIPT.search(body)
    assert not STYLE_ATTRIBUTE.search(body)


def test_error_pages_have_no_inline_code(reader_app, reader):
    sign_in(reader, "coach")
    # Not a resident's page (403); a log-out without its token (400).
    for response, status in ((reader.get("/profile"), 403), (reader.post("/logout", data={}), 400)):
        body = page(response)
        assert response.status_code == status
        assert not INLINE_SCRIPT.search(body)
        assert not STYLE_ATTRIBUTE.search(body)


def test_healthz(reader):
    response = reader.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok", "write": "ok"}
    assert response.mimetype == "application/json"


def test_healthz_needs_no_session(reader):
    response = reader.get("/healthz")
    assert "Set-Cookie" not in response.headers


def test_session_cookie_is_httponly_and_lax(client):
    cookie = log_in_cookie(client)
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def log_in_cookie(client):
    token = csrf_token(client, "/login")
    response = client.post(
        "/login", data={"username": "bewoner", "password": "demo-wachtwoord", "csrf_token": token}
    )
    return [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")][0]


def test_static_files_are_cached_long(reader):
    html = page(reader.get("/"))
    css = re.search(r'href="(/static/css/app\.css\?v=[0-9a-f]+)"', html).group(1)
    response = reader.get(css)
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    response.close()


@pytest.mark.parametrize("name", ["js/pwa.js", "js/outbox.js", "js/app.js", "css/app.css"])
def test_our_scripts_and_stylesheet_go_out_without_their_comments(reader, name):
    source = (STATIC / name).read_text(encoding="utf-8")
    assert "/*" in source  # the source explains itself
    response = reader.get(f"/static/{name}?v=1")
    served = response.get_data(as_text=True)
    assert response.status_code == 200 and "/*" not in served
    assert len(served) < 0.9 * len(source)
    assert "immutable" in response.headers["Cache-Control"]
    again = reader.get(f"/static/{name}?v=1", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_files_already_small_go_out_as_they_are(reader):
    name = "js/htmx-2.0.11.min.js"
    assert reader.get(f"/static/{name}").data == (STATIC / name).read_bytes()


@pytest.mark.parametrize("path", ["/static/js/nope.js", "/static/../webapp/db.py", "/static/js/../../README.md"])
def test_no_file_outside_static_is_served(reader, path):
    assert reader.get(path).status_code == 404


# --- htmx ---------------------------------------------------------------------


def test_jobs_with_htmx_is_only_the_results(reader):
    response = reader.get("/jobs", headers={"HX-Request": "true"})
    body = page(response)
    assert response.status_code == 200
    assert "<html" not in body
    assert re.match(r'\s*<section\b[^>]*\bid="results"', body)


def test_jobs_without_htmx_is_the_whole_page(reader):
    body = page(reader.get("/jobs"))
    assert "<html" in body
    assert 'id="results"' in body


@pytest.mark.parametrize("headers", [{}, {"HX-Request": "true"}])
def test_jobs_vary_on_hx_request(reader, headers):
    response = reader.get("/jobs", headers=headers)
    assert "HX-Request" in response.headers["Vary"]


@pytest.mark.parametrize("headers", [{}, {"HX-Request": "true"}])
def test_jobs_error_varies_on_hx_request_too(reader, headers):
    response = reader.get("/jobs?category=nope", headers=headers)
    assert response.status_code == 400
    assert "HX-Request" in response.headers["Vary"]


def test_history_restore_gets_the_whole_page(reader):
    response = reader.get("/jobs", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in page(response)


def test_htmx_results_follow_the_filters(reader_app, reader):
    body = page(reader.get("/jobs?area=b4", headers={"HX-Request": "true"}))
    titles = [row["title_nl"] for row in query(reader_app, "SELECT title_nl FROM jobs WHERE buurt_id = 4")]
    others = [row["title_nl"] for row in query(reader_app, "SELECT title_nl FROM jobs WHERE buurt_id = 7")]
    assert all(title in body for title in titles)
    assert not any(title in body for title in others)


def test_htmx_bad_filter_is_the_partial_with_the_message(reader_app, reader):
    response = reader.get("/jobs?category=nope", headers={"HX-Request": "true"})
    body = page(response)
    assert response.status_code == 400
    assert "<html" not in body
    assert t(reader_app, "One of the filters has a value we do not know. Choose again from the list.") in body


def test_htmx_interest_is_the_interest_box(app, client):
    sign_in(client, "bewoner2")
    response = post_form(
        client, f"/jobs/{OTHER_JOB}/interest", {"message": "Hallo"}, headers={"HX-Request": "true"}
    )
    body = page(response)
    assert response.status_code == 200
    assert "<html" not in body
    assert re.match(r'\s*<section\b[^>]*\bid="interest"', body)
    assert t(app, "Your coach can now see that you want this job.") in body
    assert "HX-Request" in response.headers["Vary"]
    assert count(app, "interests", "user_id = ?", (user_id(app, "bewoner2"),)) == 1


def test_htmx_withdraw_is_the_interest_box(app, client):
    sign_in(client, "bewoner")
    response = post_form(client, f"/jobs/{DEMO_INTEREST_JOB}/interest/withdraw", headers={"HX-Request": "true"})
    body = page(response)
    assert response.status_code == 200
    assert re.match(r'\s*<section\b[^>]*\bid="interest"', body)
    assert t(app, "You took back your interest in this job.") in body


def test_htmx_interest_error_is_the_box_with_the_message(app, client):
    sign_in(client, "bewoner2")
    response = post_form(
        client, f"/jobs/{OTHER_JOB}/interest", {"message": "x" * 501}, headers={"HX-Request": "true"}
    )
    body = page(response)
    assert response.status_code == 422
    assert "<html" not in body
    assert t(app, "This is too long. Use at most %(max)d characters.", max=500) in body
    assert count(app, "interests", "user_id = ?", (user_id(app, "bewoner2"),)) == 0


def test_htmx_not_found_is_the_error_partial(reader_app, reader):
    response = reader.get("/jobs/999999", headers={"HX-Request": "true"})
    body = page(response)
    assert response.status_code == 404
    assert "<html" not in body
    assert t(reader_app, "We cannot find this page") in body


def test_plain_post_of_interest_goes_back_to_the_job(app, client):
    sign_in(client, "bewoner2")
    response = post_form(client, f"/jobs/{OTHER_JOB}/interest", {"message": "Hallo"})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/jobs/{OTHER_JOB}#interest"
    followed = page(client.get(response.headers["Location"]))
    assert t(app, "Your coach can now see that you want this job.") in followed


def test_withdraw_from_the_interest_list_goes_back_to_the_list(client):
    sign_in(client, "bewoner")
    response = post_form(client, f"/jobs/{DEMO_INTEREST_JOB}/interest/withdraw", {"next": "/interests"})
    assert response.headers["Location"] == "/interests"


@pytest.mark.parametrize("target", ["//evil.example", "https://evil.example", "/\\evil.example"])
def test_withdraw_never_goes_off_site(client, target):
    sign_in(client, "bewoner")
    response = post_form(client, f"/jobs/{DEMO_INTEREST_JOB}/interest/withdraw", {"next": target})
    assert response.headers["Location"] == f"/jobs/{DEMO_INTEREST_JOB}#interest"


# --- every route, whatever it is sent: never a 500 ------------------------------------

SAMPLE_VALUES = {
    "IntegerConverter": ["1", "2", "999999", HUGE_ID],
    "UnicodeConverter": ["x", "buurt", SCRIPT_PATH := "%3Cscript%3Ealert(1)%3C%2Fscript%3E"],
    "PathConverter": ["css/app.css", "nope.txt"],
}


def _sample_urls(app, method):
    """Each of the app's routes for ``method``, with every argument filled in a few ways."""
    urls = []
    for rule in app.url_map.iter_rules():
        if method not in rule.methods:
            continue
        converters = {name: type(converter).__name__ for name, converter in rule._converters.items()}
        path = rule.rule
        variants = [path]
        for name, kind in converters.items():
            pattern = re.compile(r"<[^>]*\b" + re.escape(name) + ">")
            variants = [
                pattern.sub(value, variant) for variant in variants for value in SAMPLE_VALUES.get(kind, ["x"])
            ]
        urls.extend(variants)
    return sorted(set(urls))


@pytest.mark.parametrize("who", EVERYONE)
def test_no_get_route_answers_500(reader_app, reader, who):
    reader_app.config["PROPAGATE_EXCEPTIONS"] = False
    sign_in(reader, who)
    for url in _sample_urls(reader_app, "GET"):
        for query_string in ("", "?page=abc&lang=xx&plain=7&q=%00&next=//evil.example"):
            response = reader.get(url + query_string)
            assert response.status_code < 500, url + query_string
            if response.mimetype != "application/vnd.oasis.opendocument.spreadsheet":  # bytes, not a page
                assert SCRIPT not in page(response), url
            response.close()


@pytest.mark.parametrize("who", EVERYONE)
def test_no_post_route_answers_500_to_junk(app, client, who):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    for url in _sample_urls(app, "POST"):
        sign_in(client, who)
        junk = {
            "answer": [SCRIPT, "1"],
            "message": SQL,
            "username": SCRIPT,
            "lang": "xx",
            "sure": "",
            "action": "save",
            "code": SQL,
            "next": "//evil.example",
        }
        response = post_form(client, url, junk)
        assert response.status_code < 500, url
        assert SCRIPT not in page(response), url


def test_a_server_error_is_a_translated_page(make_app):
    app = make_app()
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert t(app, "Sorry, something went wrong") in page(response)
    assert "RuntimeError" not in page(response)


def test_healthz_says_when_the_database_is_gone(make_app, tmp_path):
    app = make_app()
    app.config["DATABASE"] = str(tmp_path)  # a folder: SQLite cannot open it
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "database": "disk error", "write": "not checked"}
    assert str(tmp_path) not in response.get_data(as_text=True)  # no paths for whoever asks
