"""Help for everyone: a "Need help?" link in every page's footer, to a plain
public page with the municipality's phone number, opening hours and how to
get a start code."""

import re

import pytest
from http_support import page, sign_in, t

from webapp.config import load_environment

PAGES = ("/", "/jobs", "/proposals", "/login", "/activate", "/settings", "/no-such-page")
LOGGED_IN_PAGES = ("/", "/jobs", "/proposals", "/settings", "/profile", "/messages", "/no-such-page")


def footer(html):
    found = re.search(r'<footer class="site-footer">(.*?)</footer>', html, re.S)
    assert found, "the page has no footer"
    return found.group(1)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_links_to_help_when_logged_out(reader_app, path):
    html = page(reader_app.test_client().get(path))
    assert re.search(r'<a href="/help">.*?' + re.escape(t(reader_app, "Need help?")) + "</a>", footer(html))


@pytest.mark.parametrize(
    ("who", "path"),
    [("bewoner", p) for p in LOGGED_IN_PAGES] + [("coach", "/caseload"), ("gemeente", "/gemeente")],
)
def test_every_page_links_to_help_when_logged_in(reader_app, who, path):
    client = reader_app.test_client()
    sign_in(client, who)
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert '<a href="/help">' in footer(page(response))


def test_the_link_says_hulp_nodig_in_dutch_and_need_help_in_english(reader_app):
    client = reader_app.test_client()
    assert "Hulp nodig?" in footer(page(client.get("/jobs?lang=nl")))
    assert "Need help?" in footer(page(client.get("/jobs?lang=en")))


def test_help_shows_the_configured_phone_and_hours(make_app):
    app = make_app(HELP_PHONE="14 0123", HELP_DAYS="mon,wed", HELP_HOURS="08:30-12:15")
    html = page(app.test_client().get("/help?lang=nl"))
    assert '<a class="button button--primary" href="tel:140123">' in html
    assert t(app, "Call %(phone)s", phone="14 0123") in html
    hours = re.search(r"Bellen kan op ([^<]*)\.</p>", html).group(1)
    assert "maandag" in hours and "woensdag" in hours and "dinsdag" not in hours
    assert "08:30" in hours and "12:15" in hours


def test_help_settings_come_from_the_environment(make_app, monkeypatch):
    app = make_app()
    monkeypatch.setenv("BASISBAAN_HELP_PHONE", "0800 0000")
    monkeypatch.setenv("BASISBAAN_HELP_HOURS", "10:00-14:00")
    load_environment(app)
    html = page(app.test_client().get("/help?lang=en"))
    assert "tel:08000000" in html and "0800 0000" in html
    assert "10:00" in html and ("2:00" in html or "14:00" in html)


def test_help_tells_how_to_get_a_start_code_plainly(reader_app):
    client = reader_app.test_client()
    response = client.get("/help?plain=1")
    assert response.status_code == 200
    html = page(response)
    assert t(reader_app, "How do I get a start code?", plain=True) in html
    assert t(reader_app, "Your coach gives you the code.", plain=True) in html
    assert '<a href="/activate">' in html
    title = re.search(r"<title[^>]*>([^<]*)</title>", html).group(1)
    assert title.startswith(t(reader_app, "Need help?", plain=True))


def test_help_without_hours_or_phone_says_nothing_wrong(make_app):
    app = make_app(HELP_PHONE="", HELP_DAYS="", HELP_HOURS="")
    response = app.test_client().get("/help")
    assert response.status_code == 200
    assert "tel:" not in page(response)
    assert t(app, "No coach yet? Call the municipality. They find a coach for you.") in page(response)
