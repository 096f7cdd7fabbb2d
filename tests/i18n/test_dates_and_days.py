"""Dates and days as our readers write them: the day before the month in
English too ("2 December 2026"), and Dutch days small inside a sentence."""

import re
from datetime import date

import pytest
from http_support import page, query, sign_in

from webapp import labels
from webapp.templating import date_iso

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_FIRST = re.compile(rf"\b({MONTHS}) \d{{1,2}}, \d{{4}}")
DAY_FIRST = re.compile(rf"\b\d{{1,2}} ({MONTHS}) \d{{4}}")
DUTCH_DAYS = ("Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag")


@pytest.mark.parametrize(
    ("query_string", "expected"),
    [
        ("lang=en&plain=0", "2 December 2026"),
        ("lang=en&plain=1", "2 December 2026"),
        ("lang=nl&plain=0", "2 december 2026"),
        ("lang=nl&plain=1", "2 december 2026"),
    ],
)
def test_a_date_puts_the_day_first_in_every_language(app, query_string, expected):
    with app.test_request_context(f"/?{query_string}"):
        app.preprocess_request()
        assert date_iso("2026-12-02") == expected
        assert date_iso("2026-12-02T10:00:00Z") == expected


def english_pages(app):
    job = query(
        app, "SELECT id FROM jobs WHERE status = 'open' AND start_date > ? LIMIT 1", (date.today().isoformat(),)
    )
    proposal = query(app, "SELECT id FROM proposals WHERE opened_at IS NOT NULL ORDER BY id LIMIT 1")
    decided = query(app, "SELECT id FROM proposals WHERE decided_at IS NOT NULL ORDER BY id LIMIT 1")
    return [
        f"/jobs/{job[0]['id']}",
        f"/proposals/{proposal[0]['id']}",
        f"/proposals/{decided[0]['id']}",
        "/notifications",
        "/coach",
        "/appointments",
        "/plan",
    ]


@pytest.mark.parametrize("plain", ["0", "1"])
def test_english_pages_never_write_the_month_first(app, client, plain):
    sign_in(client, "bewoner")
    seen_a_date = False
    for path in english_pages(app):
        response = client.get(path, query_string={"lang": "en", "plain": plain})
        if response.status_code in (301, 302, 303, 404):
            continue
        html = page(response)
        assert not MONTH_FIRST.search(html), (path, MONTH_FIRST.search(html).group(0))
        seen_a_date |= bool(DAY_FIRST.search(html))
    assert seen_a_date


def test_the_job_page_writes_dutch_days_small_inside_the_sentence(app, client):
    job = query(app, "SELECT id, days FROM jobs WHERE status = 'open' AND days LIKE 'mon,tue%' LIMIT 1")[0]
    html = page(client.get(f"/jobs/{job['id']}?lang=nl&plain=1"))
    assert re.search(r"uur per week: maandag, dinsdag", html)
    assert not any(f": {day}" in html or f", {day}" in html or f"en {day}" in html for day in DUTCH_DAYS)


def test_the_job_page_keeps_english_capitals(app, client):
    job = query(app, "SELECT id FROM jobs WHERE status = 'open' AND days LIKE 'mon,tue%' LIMIT 1")[0]
    assert "a week: Monday, Tuesday" in page(client.get(f"/jobs/{job['id']}?lang=en"))


@pytest.mark.parametrize(
    ("lang", "start", "expected"),
    [
        ("nl", False, "maandag, woensdag en zaterdag"),
        ("nl", True, "Maandag, woensdag en zaterdag"),
        ("en", False, "Monday, Wednesday, and Saturday"),
        ("en", True, "Monday, Wednesday, and Saturday"),
    ],
)
def test_day_names_in_a_sentence(app, lang, start, expected):
    with app.test_request_context(f"/?lang={lang}"):
        app.preprocess_request()
        assert labels.day_names(("sat", "mon", "wed"), start_of_sentence=start) == expected
