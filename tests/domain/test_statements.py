"""The rules behind the statements: the accessibility status, contacts as
URIs, and security.txt's Expires (RFC 9116: less than a year ahead)."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from webapp.domain import statements

NOW = datetime(2026, 3, 1, 12, 30, 15, 123456, tzinfo=UTC)


@pytest.mark.parametrize(("text", "status"), [("A", "A"), (" b ", "B"), ("e", "E")])
def test_a_status_letter_counts(text, status):
    assert statements.accessibility_status(text) == status


@pytest.mark.parametrize("text", ["", "  ", "F", "AA", "voldoet", None])
def test_no_status_until_the_municipality_gives_a_letter(text):
    assert statements.accessibility_status(text) is None


def test_a_statement_date_is_a_real_day():
    assert statements.statement_date("2026-02-27") == date(2026, 2, 27)
    assert statements.statement_date("2026-02-30") is None
    assert statements.statement_date("") is None


@pytest.mark.parametrize(
    ("text", "uri"),
    [
        ("security@lindeveld.nl", "mailto:security@lindeveld.nl"),
        ("mailto:privacy@lindeveld.nl", "mailto:privacy@lindeveld.nl"),
        ("https://lindeveld.nl/privacy", "https://lindeveld.nl/privacy"),
    ],
)
def test_a_contact_becomes_a_uri(text, uri):
    assert statements.contact_uri(text) == uri


@pytest.mark.parametrize("text", ["", "http://lindeveld.nl", "020 123 4567", "mailto:", "https://", "https://a b"])
def test_a_contact_that_is_no_address_is_none(text):
    assert statements.contact_uri(text) is None


@pytest.mark.parametrize("days", [1, 180, 364, 365, 1000])
def test_expires_is_in_the_future_and_less_than_a_year_ahead(days):
    expires = statements.security_txt_expires(NOW, days)
    assert NOW < expires < NOW + timedelta(days=365)
    assert expires.microsecond == 0


def test_expires_is_the_days_asked_for_when_they_fit():
    assert statements.security_txt_expires(NOW, 180) == (NOW + timedelta(days=180)).replace(microsecond=0)
    assert statements.security_txt_expires(NOW, 0) == (NOW + timedelta(days=1)).replace(microsecond=0)


def test_security_txt_has_one_field_a_line_in_utc():
    amsterdam = timezone(timedelta(hours=1))
    text = statements.security_txt(
        "mailto:security@lindeveld.nl",
        datetime(2026, 9, 1, 13, 0, tzinfo=amsterdam),
        "https://basisbaan.lindeveld.nl/.well-known/security.txt",
    )
    assert text.splitlines() == [
        "Contact: mailto:security@lindeveld.nl",
        "Expires: 2026-09-01T12:00:00Z",
        "Preferred-Languages: nl, en",
        "Canonical: https://basisbaan.lindeveld.nl/.well-known/security.txt",
    ]
    assert text.endswith("\n")


def test_security_txt_names_a_policy_when_there_is_one():
    text = statements.security_txt(
        "mailto:a@b.nl", NOW, "https://x/.well-known/security.txt", policy="https://x/p"
    )
    assert "Policy: https://x/p\n" in text


@pytest.mark.parametrize(("minutes", "hours"), [(720, 12), (60, 1), (61, 2), (5, 1)])
def test_idle_time_in_whole_hours(minutes, hours):
    assert statements.idle_hours(minutes) == hours
