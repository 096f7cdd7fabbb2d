"""A coach's availability in one language (issue 11, point 7): the coach chooses
days and times, the resident reads them in their own language, bad input is
refused with a message and stores nothing."""

import re
import sqlite3

import pytest
from http_support import LONG, SCRIPT, messages, page, post_form, query, sign_in, snapshot, t
from test_db import EARLIER_SCHEMA

from webapp import migrations as all_migrations
from webapp.coaching.formatting import availability_text
from webapp.db import connect, init_database

DUTCH_WORDS = re.compile(
    r"\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|tot en met|van \d)\b", re.IGNORECASE
)
ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
GOOD = {
    "phone": "020 123 45 67",
    "days": ["mon", "tue", "wed", "fri"],
    "available_from": "9:00",
    "available_to": "16:30",
}


def coach_card(html):
    found = re.search(r'<section class="card coach-card".*?</section>', html, re.S)
    assert found, "no coach card"
    # Spaces of every kind as one (Babel keeps "9:00 AM" together with a narrow no-break space).
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(0)).split())


# --- the words, as a plain function --------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "days", "start", "end", "expected"),
    [
        ("en", ["mon", "tue", "wed", "thu"], "09:00", "17:00", "Monday to Thursday, 9:00 AM to 5:00 PM"),
        (
            "nl",
            ["mon", "tue", "wed", "thu"],
            "09:00",
            "17:00",
            "maandag tot en met donderdag, van 09:00 tot 17:00",
        ),
        ("en", ["tue", "thu"], "", "", "Tuesday and Thursday"),
        ("nl", ["tue", "thu"], "", "", "dinsdag en donderdag"),
        (
            "en",
            ["mon", "tue", "wed", "sat"],
            "08:30",
            "12:00",
            "Monday to Wednesday and Saturday, 8:30 AM to 12:00 PM",
        ),
        ("nl", ["sun"], "10:00", "11:15", "zondag, van 10:00 tot 11:15"),
        ("en", [], "09:00", "17:00", ""),
    ],
)
def test_availability_in_the_readers_language(app, lang, days, start, end, expected):
    with app.test_request_context(f"/?lang={lang}"):
        app.preprocess_request()
        # Babel keeps "9:00 AM" together with a narrow no-break space.
        assert availability_text(days, start, end).replace("\u202f", " ") == expected


def test_plain_dutch_says_the_same_days(app):
    with app.test_request_context("/?lang=nl&plain=1"):
        app.preprocess_request()
        assert (
            availability_text(["mon", "tue", "wed"], "09:00", "12:00")
            == "maandag tot en met woensdag, van 09:00 tot 12:00"
        )


# --- where the resident sees the coach -------------------------------------------------------


@pytest.mark.parametrize("plain", [0, 1])
def test_the_english_coach_page_has_english_days_and_no_dutch(app, client, plain):
    sign_in(client, "bewoner")
    card = coach_card(page(client.get(f"/coach?lang=en&plain={plain}")))
    assert "Monday to Thursday, 9:00 AM to 5:00 PM" in card
    assert not DUTCH_WORDS.search(card), card


def test_the_dutch_coach_page_has_dutch_days(app, client):
    sign_in(client, "bewoner")
    card = coach_card(page(client.get("/coach?lang=nl")))
    assert "maandag tot en met donderdag, van 09:00 tot 17:00" in card


def test_what_a_coach_saves_is_shown_in_english_and_in_dutch(app, client):
    sign_in(client, "coach")
    assert post_form(client, "/caseload/details?lang=nl", GOOD).status_code == 303
    sign_in(client, "bewoner")
    english = coach_card(page(client.get("/coach?lang=en")))
    assert "Monday to Wednesday and Friday, 9:00 AM to 4:30 PM" in english
    assert not DUTCH_WORDS.search(english)
    dutch = coach_card(page(client.get("/coach?lang=nl")))
    assert "maandag tot en met woensdag en vrijdag, van 09:00 tot 16:30" in dutch


def test_the_note_is_shown_as_written_and_marked_with_its_language(app, client):
    sign_in(client, "coach")
    data = {**GOOD, "available_note": "Niet in de schoolvakanties"}
    assert post_form(client, "/caseload/details?lang=nl", data).status_code == 303
    sign_in(client, "bewoner")
    assert '<span lang="nl" dir="auto">Niet in de schoolvakanties</span>' in page(client.get("/coach?lang=en"))


def test_the_form_shows_what_is_stored(app, client):
    sign_in(client, "coach")
    post_form(client, "/caseload/details", {**GOOD, "available_note": "Bel gerust"})
    html = page(client.get("/caseload/details"))
    for day in ("mon", "tue", "wed", "fri"):
        assert f'value="{day}" checked' in html
    assert 'value="thu" checked' not in html
    assert 'value="09:00"' in html and 'value="16:30"' in html and 'value="Bel gerust"' in html
    assert 'type="time"' in html


def test_saving_twice_keeps_one_row(app, client):
    sign_in(client, "coach")
    post_form(client, "/caseload/details", GOOD)
    count = len(snapshot(app, "coach_details")["coach_details"])
    assert post_form(client, "/caseload/details", GOOD).status_code == 303
    rows = query(
        app,
        "SELECT available_days, available_from, available_to FROM coach_details "
        "WHERE user_id = (SELECT id FROM users WHERE username = 'coach')",
    )
    assert [tuple(row.values()) for row in rows] == [("mon tue wed fri", "09:00", "16:30")]
    assert len(snapshot(app, "coach_details")["coach_details"]) == count


# --- bad input: a message, a 4xx, nothing stored -----------------------------------------------


@pytest.mark.parametrize(
    ("data", "msgid"),
    [
        (
            {"days": ["mon"], "available_from": "17:00", "available_to": "9:00"},
            "The end time must be later than the start time.",
        ),
        (
            {"days": ["mon"], "available_from": "9:00", "available_to": "9:00"},
            "The end time must be later than the start time.",
        ),
        ({"days": ["mon"], "available_from": "9:00"}, "Fill in both times, or leave both empty."),
        ({"days": ["mon"], "available_to": "17:00"}, "Fill in both times, or leave both empty."),
        ({}, "Choose at least one day, or write a note."),
        ({"available_note": "   "}, "Choose at least one day, or write a note."),
        ({"available_from": "9:00", "available_to": "17:00"}, "Choose the days for these times."),
        ({"days": ["mon"], "available_from": "negen", "available_to": "17:00"}, "Write a time like 9:00."),
        ({"days": ["mon"], "available_from": "25:00", "available_to": "26:00"}, "Write a time like 9:00."),
        ({"days": ["mon"], "available_from": SCRIPT, "available_to": "17:00"}, "Write a time like 9:00."),
        ({"days": ["mon", "someday"]}, "Choose one of the options in the list."),
        ({"days": ["mon"], "available_note": LONG}, None),
        ({"days": ["mon"], "phone": "bel me"}, "Use digits, spaces and + only. For example: 020 123 45 67."),
    ],
)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bad_availability_is_refused_with_a_message_and_nothing_stored(app, client, data, msgid, lang):
    sign_in(client, "coach")
    before = snapshot(app, "coach_details")
    response = post_form(client, f"/caseload/details?lang={lang}", data)
    assert response.status_code == 422
    shown = messages(page(response))
    assert shown, "no message"
    if msgid:
        expected = t(app, msgid, lang)
        assert any(expected in message for message in shown), shown
    assert snapshot(app, "coach_details") == before
    assert SCRIPT not in page(response)


# --- the migration keeps the free text as the note ---------------------------------------------


def test_the_old_free_text_becomes_the_note(tmp_path):
    earlier = tmp_path / "earlier.db"
    connection = sqlite3.connect(earlier)
    connection.executescript(EARLIER_SCHEMA.read_text())
    connection.execute(
        "INSERT INTO users (id, username, role, created_at) "
        "VALUES (5, 'oude.coach', 'coach', '2026-01-01T00:00:00Z')"
    )
    connection.execute(
        "INSERT INTO coach_details (user_id, phone, available, updated_at) "
        "VALUES (5, '020 1', 'Maandag en dinsdag', '2026-01-01T00:00:00Z')"
    )
    connection.commit()
    connection.close()
    init_database(earlier, all_migrations())
    db = connect(earlier)
    row = db.execute(
        "SELECT phone, available_note, available_note_lang, available_days, available_from, available_to "
        "FROM coach_details WHERE user_id = 5"
    ).fetchone()
    db.close()
    assert tuple(row) == ("020 1", "Maandag en dinsdag", "nl", "", "", "")


def test_the_database_refuses_a_time_that_is_not_a_time(db):
    coach = db.execute("SELECT id FROM users WHERE username = 'coach'").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE coach_details SET available_from = '9 uur' WHERE user_id = ?", (coach,))
