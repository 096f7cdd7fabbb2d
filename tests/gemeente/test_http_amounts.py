"""Amounts as the municipality types them: Dutch or English, one message per field."""

import html
import re

import pytest
from http_support import execute, messages, page, post_form, scalar, sign_in, snapshot, t
from proposal_support import WITH_GEMEENTE

from webapp.domain.proposals import CRITERIA

APPROVE = {
    "decision": "approved",
    "criteria": list(CRITERIA),
    "reason": "Een goed plan. De gemeente en de corporatie betalen.",
    "payer": "Gemeente Lindeveld en Thuis in Lindeveld",
}


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("32.000", 3_200_000),
        ("32000", 3_200_000),
        ("32.000,50", 3_200_050),
        ("€ 32.000", 3_200_000),
        ("32,000.50", 3_200_050),
        (" € 32 000 ", 3_200_000),
    ],
)
def test_an_amount_a_year_is_read_the_way_it_was_typed(app, client, typed, cents):
    sign_in(client, "gemeente")
    response = post_form(client, f"/gemeente/proposals/{WITH_GEMEENTE}", {**APPROVE, "amount": typed})
    assert response.status_code == 303, messages(page(response))
    assert scalar(app, "SELECT decision_cents_per_year FROM proposals WHERE id = ?", (WITH_GEMEENTE,)) == cents


@pytest.mark.parametrize("typed", ["veel", "1.2.3", "12,3456", "-5", ""])
def test_a_wrong_amount_gives_one_message_naming_the_field(app, client, typed):
    sign_in(client, "gemeente")
    response = post_form(client, f"/gemeente/proposals/{WITH_GEMEENTE}", {**APPROVE, "amount": typed})
    assert response.status_code == 422
    body = html.unescape(page(response))
    message = html.unescape(t(app, "How much a year: fill in an amount in euros, like 32,000."))
    assert message.startswith("Hoeveel per jaar") and "32.000" in message
    field_errors = re.findall(r'<p class="field__error" id="amount-error">(.*?)</p>', body, re.S)
    assert len(field_errors) == 1 and field_errors[0].count(message) == 1
    assert body.count(message) == 2  # the field, and the summary at the top
    assert [text for text in messages(body) if message in text]


def test_a_huge_amount_is_refused_saying_the_most(app, client):
    sign_in(client, "gemeente")
    response = post_form(client, f"/gemeente/proposals/{WITH_GEMEENTE}", {**APPROVE, "amount": "1.000.000.000"})
    assert response.status_code == 422
    shown = html.unescape(" ".join(messages(page(response))))
    assert "Hoeveel per jaar: " in shown and "€ 100.000.000,00" in shown


def test_the_hint_gives_examples_in_the_readers_way_of_writing(app, client):
    sign_in(client, "gemeente")
    dutch = html.unescape(page(client.get(f"/gemeente/proposals/{WITH_GEMEENTE}?lang=nl")))
    assert "32.000 of 32.000,50" in dutch
    english = html.unescape(page(client.get(f"/gemeente/proposals/{WITH_GEMEENTE}?lang=en")))
    assert "32,000 or 32,000.50" in english


def test_an_amount_shows_back_in_the_readers_language(app, client):
    sign_in(client, "gemeente")
    post_form(client, f"/gemeente/proposals/{WITH_GEMEENTE}", {**APPROVE, "amount": "32.000,50"})
    dutch = html.unescape(page(client.get(f"/gemeente/proposals/{WITH_GEMEENTE}?lang=nl")))
    assert "€\u00a032.000,50" in dutch
    english = html.unescape(page(client.get(f"/gemeente/proposals/{WITH_GEMEENTE}?lang=en")))
    assert "€32,000.50" in english


def test_a_job_wage_is_shown_back_in_the_form_the_readers_way(app, client):
    sign_in(client, "gemeente")
    job = scalar(app, "SELECT id FROM jobs WHERE status = 'open' ORDER BY id LIMIT 1")
    execute(app, "UPDATE jobs SET wage_cents = 152050 WHERE id = ?", (job,))
    assert 'value="1.520,50"' in page(client.get(f"/gemeente/jobs/{job}/edit?lang=nl"))
    assert 'value="1,520.50"' in page(client.get(f"/gemeente/jobs/{job}/edit?lang=en"))


@pytest.mark.parametrize(("typed", "cents"), [("€ 15,02", 1502), ("15.02", 1502), ("15,2", 1520)])
def test_the_minimum_wage_is_read_like_every_other_amount(app, client, typed, cents):
    sign_in(client, "gemeente")
    response = post_form(client, "/gemeente/settings/wage", {"valid_from": "2026-07-01", "amount": typed})
    assert response.status_code == 303
    assert scalar(app, "SELECT cents FROM minimum_wage WHERE valid_from = '2026-07-01'") == cents


def test_a_wrong_minimum_wage_gives_one_message(app, client):
    sign_in(client, "gemeente")
    before = snapshot(app, "minimum_wage")
    response = post_form(client, "/gemeente/settings/wage", {"valid_from": "2026-07-01", "amount": "14.7.1"})
    assert response.status_code == 422
    body = html.unescape(page(response))
    message = html.unescape(t(app, "Minimum wage: fill in an amount in euros, like 14.71."))
    assert "14,71" in message
    assert body.count(message) == 2  # the field, and the summary
    assert snapshot(app, "minimum_wage") == before
