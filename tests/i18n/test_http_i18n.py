"""Language and plain language: where the choice comes from and where it is kept."""

import re

import pytest
from http_support import (
    DEMO_INTEREST_JOB,
    csrf_token,
    execute,
    log_in,
    page,
    post_form,
    query,
    sign_in,
    t,
)

HTML_LANG = re.compile(r'<html lang="([^"]+)">')


def lang_of(response):
    return HTML_LANG.search(page(response)).group(1)


def is_plain(response):
    return re.search(r'<body class="[^"]*\bis-plain\b', page(response)) is not None


def choice_of(app, username):
    return query(app, "SELECT lang, plain FROM users WHERE username = ?", (username,))[0]


def switch(client, lang="en", plain="0", next_path=None):
    data = {"lang": lang, "plain": plain}
    if next_path is not None:
        data["next"] = next_path
    return post_form(client, "/settings/language", data)


def set_cookie_named(response, name):
    found = [c for c in response.headers.getlist("Set-Cookie") if c.startswith(name + "=")]
    return found[0] if found else None


# --- the default ------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/jobs", "/login", "/settings", f"/jobs/{DEMO_INTEREST_JOB}"])
def test_dutch_is_the_default(reader, path):
    response = reader.get(path)
    assert lang_of(response) == "nl"
    assert not is_plain(response)


@pytest.mark.parametrize("who", ["bewoner", "coach"])
def test_dutch_is_the_default_for_an_account_without_a_choice(client, who):
    sign_in(client, who)
    assert lang_of(client.get("/")) == "nl"


def test_dutch_page_uses_the_dutch_catalog(app, reader):
    body = page(reader.get("/jobs"))
    assert t(app, "Find a job") in body
    assert t(app, "Show jobs") in body


def test_the_switcher_offers_english_on_a_dutch_page(reader):
    body = page(reader.get("/"))
    assert 'name="lang" value="en"' in body


# --- ?lang= and ?plain= on a URL -------------------------------------------------------


def test_lang_en_gives_english(reader):
    response = reader.get("/jobs?lang=en")
    assert lang_of(response) == "en"
    assert "Find a job" in page(response)
    assert "Show jobs" in page(response)


def test_lang_en_lasts_for_the_browser_session(reader):
    reader.get("/?lang=en")
    for path in ("/jobs", "/login", "/settings", f"/jobs/{DEMO_INTEREST_JOB}"):
        assert lang_of(reader.get(path)) == "en"


def test_lang_en_is_only_for_this_browser(reader_app, reader):
    reader.get("/?lang=en")
    assert lang_of(reader_app.test_client().get("/")) == "nl"


def test_lang_nl_switches_back(reader):
    reader.get("/?lang=en")
    assert lang_of(reader.get("/?lang=nl")) == "nl"
    assert lang_of(reader.get("/jobs")) == "nl"


@pytest.mark.parametrize("value", ["xx", "EN", "en-GB", "", "nl@plain", "<script>", "de"])
def test_unknown_lang_is_ignored(reader, value):
    response = reader.get("/", query_string={"lang": value})
    assert response.status_code == 200
    assert lang_of(response) == "nl"


def test_unknown_lang_keeps_the_earlier_choice(reader):
    reader.get("/?lang=en")
    assert lang_of(reader.get("/?lang=xx")) == "en"


def test_plain_1_switches_to_plain(app, reader):
    response = reader.get("/?plain=1")
    assert is_plain(response)
    assert lang_of(response) == "nl"
    assert t(app, "Plain language: on", plain=True) in page(response)


def test_plain_lasts_for_the_browser_session(reader):
    reader.get("/?plain=1")
    assert is_plain(reader.get("/jobs"))


def test_plain_0_switches_back(reader):
    reader.get("/?plain=1")
    assert not is_plain(reader.get("/?plain=0"))


@pytest.mark.parametrize("value", ["2", "yes", "", "true"])
def test_unknown_plain_is_ignored(reader, value):
    assert not is_plain(reader.get("/", query_string={"plain": value}))


def test_plain_english(reader):
    response = reader.get("/?lang=en&plain=1")
    assert lang_of(response) == "en"
    assert is_plain(response)


def test_a_get_with_lang_never_changes_the_account(app, client):
    sign_in(client, "bewoner")
    client.get("/?lang=en&plain=1")
    client.get("/jobs")
    assert choice_of(app, "bewoner") == {"lang": None, "plain": None}


def test_a_get_with_lang_never_changes_an_accounts_choice(app, client):
    execute(app, "UPDATE users SET lang = 'en', plain = 0 WHERE username = 'bewoner'")
    sign_in(client, "bewoner")
    assert lang_of(client.get("/?lang=nl&plain=1")) == "nl"
    assert choice_of(app, "bewoner") == {"lang": "en", "plain": 0}


def test_a_get_with_lang_sets_no_cookie(reader):
    response = reader.get("/?lang=en&plain=1")
    assert set_cookie_named(response, "lang") is None
    assert set_cookie_named(response, "plain") is None


# --- the switcher (POST /settings/language) ------------------------------------------------


def test_switch_when_logged_in_saves_to_the_account(app, client):
    sign_in(client, "bewoner")
    response = switch(client, "en", "1")
    assert response.status_code == 303
    assert choice_of(app, "bewoner") == {"lang": "en", "plain": 1}


def test_switch_when_logged_in_sets_no_cookie(client):
    sign_in(client, "bewoner")
    response = switch(client, "en", "1")
    assert set_cookie_named(response, "lang") is None


def test_switch_when_logged_in_applies_on_a_new_device(app, client):
    sign_in(client, "bewoner")
    switch(client, "en", "1")
    other = app.test_client()
    log_in(other, "bewoner")
    response = other.get("/jobs")
    assert lang_of(response) == "en"
    assert is_plain(response)


def test_switch_when_logged_out_sets_cookies(app, client):
    users = query(app, "SELECT lang, plain FROM users")
    response = switch(client, "en", "1")
    assert response.status_code == 303
    lang = set_cookie_named(response, "lang")
    plain = set_cookie_named(response, "plain")
    assert lang.startswith("lang=en;")
    assert plain.startswith("plain=1;")
    for cookie in (lang, plain):
        assert "HttpOnly" in cookie
        assert "SameSite=Lax" in cookie
        assert "Max-Age=31536000" in cookie
    assert query(app, "SELECT lang, plain FROM users") == users


def test_the_cookie_choice_applies_on_later_visits(app, client):
    switch(client, "en", "1")
    client.delete_cookie("session")  # a new browser session, same cookies
    response = client.get("/jobs")
    assert lang_of(response) == "en"
    assert is_plain(response)


def test_switch_goes_back_to_the_page(client):
    response = switch(client, "en", "0", "/jobs?category=elderly")
    assert response.headers["Location"] == "/jobs?category=elderly"


@pytest.mark.parametrize(
    "target", ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)"]
)
def test_switch_never_goes_off_site(client, target):
    response = switch(client, "en", "0", target)
    assert response.headers["Location"] == "/settings"


def test_switch_beats_an_earlier_lang_in_the_url(client):
    """The switcher on a page opened with ?lang=en: choosing Dutch must stick."""
    client.get("/jobs?lang=en&category=elderly")
    response = switch(client, "nl", "0", "/jobs?lang=en&category=elderly")
    followed = client.get(response.headers["Location"])
    assert lang_of(followed) == "nl"
    assert "category=elderly" in response.headers["Location"]


def test_switch_beats_an_earlier_plain_in_the_url(client):
    client.get("/jobs?plain=1")
    response = switch(client, "nl", "0", "/jobs?plain=1")
    assert not is_plain(client.get(response.headers["Location"]))


def test_switch_beats_the_session_choice(app, client):
    sign_in(client, "bewoner")
    client.get("/?lang=en")
    switch(client, "nl", "0", "/")
    assert lang_of(client.get("/")) == "nl"
    assert choice_of(app, "bewoner") == {"lang": "nl", "plain": 0}


@pytest.mark.parametrize(
    "data",
    [
        {"lang": "xx", "plain": "0"},
        {"lang": "en", "plain": "2"},
        {"lang": "en"},
        {"plain": "1"},
        {},
        {"lang": "EN", "plain": "0"},
        {"lang": "<script>alert(1)</script>", "plain": "0"},
        {"lang": "en", "plain": "true"},
    ],
)
def test_switch_with_a_bad_value_is_400_and_stores_nothing(app, client, data):
    sign_in(client, "bewoner")
    response = post_form(client, "/settings/language", data)
    assert response.status_code == 400
    assert t(app, "We could not read this") in page(response)
    assert "<script>alert(1)</script>" not in page(response)
    assert choice_of(app, "bewoner") == {"lang": None, "plain": None}


def test_switch_with_a_bad_value_sets_no_cookie(client):
    response = post_form(client, "/settings/language", {"lang": "xx", "plain": "0"})
    assert response.status_code == 400
    assert set_cookie_named(response, "lang") is None


def test_settings_page_shows_the_current_choice(reader):
    body = page(reader.get("/settings?lang=en&plain=1"))
    assert re.search(r'name="lang" value="en" checked', body)
    assert re.search(r'name="plain" value="1" checked', body)


# --- logging in and the choice -----------------------------------------------------------


def test_after_login_the_accounts_choice_applies(app, client):
    execute(app, "UPDATE users SET lang = 'en', plain = 1 WHERE username = 'bewoner'")
    client.get("/?lang=nl&plain=0")
    log_in(client, "bewoner")
    response = client.get("/jobs")
    assert lang_of(response) == "en"
    assert is_plain(response)


def test_after_login_without_an_account_choice_the_session_choice_stays(app, client):
    client.get("/?lang=en")
    log_in(client, "bewoner")
    assert lang_of(client.get("/jobs")) == "en"
    assert choice_of(app, "bewoner") == {"lang": None, "plain": None}


def test_a_cookie_choice_becomes_the_accounts_at_login(app, client):
    switch(client, "en", "1")
    log_in(client, "bewoner")
    assert choice_of(app, "bewoner") == {"lang": "en", "plain": 1}


def test_a_cookie_choice_never_overwrites_the_accounts(app, client):
    execute(app, "UPDATE users SET lang = 'nl', plain = 0 WHERE username = 'bewoner'")
    switch(client, "en", "1")
    log_in(client, "bewoner")
    assert choice_of(app, "bewoner") == {"lang": "nl", "plain": 0}
    assert lang_of(client.get("/")) == "nl"


def test_a_bad_cookie_is_ignored(app, client):
    client.set_cookie("lang", "xx")
    client.set_cookie("plain", "7")
    response = client.get("/")
    assert lang_of(response) == "nl"
    assert not is_plain(response)
    log_in(client, "bewoner")
    assert choice_of(app, "bewoner") == {"lang": None, "plain": None}


# --- translated content ----------------------------------------------------------------


def test_error_messages_follow_the_language(app, client):
    client.get("/?lang=en")
    response = post_form(client, "/signup", {"username": "ab"}, "/signup")
    assert "Use 3 to 40 letters or digits." in page(response)


def test_error_pages_follow_the_language(reader):
    reader.get("/?lang=en")
    assert "We cannot find this page" in page(reader.get("/jobs/999999"))


def test_job_texts_follow_the_language(app, reader):
    job = query(app, "SELECT title_nl, title_en FROM jobs WHERE id = ?", (DEMO_INTEREST_JOB,))[0]
    assert job["title_nl"] in page(reader.get(f"/jobs/{DEMO_INTEREST_JOB}"))
    assert job["title_en"] in page(reader.get(f"/jobs/{DEMO_INTEREST_JOB}?lang=en"))


def test_money_is_written_the_dutch_way_in_dutch(reader):
    body = page(reader.get(f"/jobs/{DEMO_INTEREST_JOB}"))
    assert re.search(r"€\s?\d+,\d\d", body)


def test_money_is_written_the_english_way_in_english(reader):
    body = page(reader.get(f"/jobs/{DEMO_INTEREST_JOB}?lang=en"))
    assert re.search(r"€\d+\.\d\d", body)


def test_the_switcher_keeps_its_csrf_token_and_way_back(reader):
    body = page(reader.get("/jobs?category=elderly"))
    forms = re.findall(r'<form method="post" action="/settings/language".*?</form>', body, re.S)
    assert len(forms) >= 2
    for form in forms:
        assert 'name="csrf_token"' in form
        assert 'name="next" value="/jobs?category=elderly"' in form


def test_the_switcher_escapes_the_way_back(reader):
    body = page(reader.get("/jobs", query_string={"q": '"><script>alert(1)</script>'}))
    assert "<script>alert(1)</script>" not in body


def test_csrf_token_from_a_page_in_english_works(client):
    client.get("/?lang=en")
    token = csrf_token(client)
    response = client.post("/settings/language", data={"lang": "nl", "plain": "0", "csrf_token": token})
    assert response.status_code == 303
