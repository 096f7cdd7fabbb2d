"""Browser tests at 390x844: the municipality types amounts the Dutch way."""

import re

import pytest
from browser_support import csp_errors, log_in, query, t
from playwright.sync_api import expect

from webapp.domain.proposals import CRITERIA

pytestmark = pytest.mark.browser


@pytest.fixture
def municipality(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    problems = csp_errors(page)
    log_in(page, live_server.url, "gemeente")
    yield page
    assert problems == [], "CSP violations:\n" + "\n".join(problems)
    context.close()


def _decide(page, amount):
    for code in CRITERIA:
        box = page.locator(f"input[name=criteria][value={code}]")
        if not box.is_checked():
            page.locator("label.choice", has=box).click()
    page.locator("label.choice", has=page.locator("input[name=decision][value=approved]")).click()
    page.locator("#reason").fill("Een goed plan. De gemeente betaalt.")
    page.locator("#payer").fill("Gemeente Lindeveld")
    page.locator("#amount").fill(amount)
    page.locator(".decision-form button[type=submit]").click()


def test_an_amount_a_year_typed_the_dutch_way_is_taken(municipality, live_server):
    page = municipality
    proposal_id = query(live_server, "SELECT id FROM proposals WHERE status = 'with_gemeente' LIMIT 1")[0][0]
    page.goto(live_server.url + f"/gemeente/proposals/{proposal_id}")
    expect(page.locator("#amount-hint")).to_contain_text("32.000 of 32.000,50")
    # Ambiguous: one message, naming the field, with a Dutch example.
    _decide(page, "1.2.3")
    message = t("How much a year: fill in an amount in euros, like 32,000.")
    expect(page.locator("#amount-error")).to_have_text(re.compile(re.escape(message)))
    assert page.locator("#amount-error").inner_text().count(message) == 1
    expect(page.locator(".error-summary li")).to_have_count(1)
    expect(page.locator("#amount")).to_have_value("1.2.3")  # what was typed stays
    _decide(page, "€ 32.000")
    expect(page).to_have_url(re.compile(r"/gemeente/jobs/\d+/edit$"))
    row = query(live_server, "SELECT decision_cents_per_year FROM proposals WHERE id = ?", (proposal_id,))[0]
    assert row[0] == 3_200_000
    page.goto(live_server.url + f"/gemeente/proposals/{proposal_id}")
    expect(page.locator("section.decision")).to_contain_text("€\u00a032.000,00")


def test_the_hint_is_written_the_english_way_on_an_english_page(municipality, live_server):
    page = municipality
    proposal_id = query(live_server, "SELECT id FROM proposals WHERE status = 'with_gemeente' LIMIT 1")[0][0]
    page.goto(live_server.url + f"/gemeente/proposals/{proposal_id}?lang=en")
    expect(page.locator("#amount-hint")).to_contain_text("32,000 or 32,000.50")


def test_a_minimum_wage_with_a_comma_is_taken_and_shown_back_in_dutch(municipality, live_server):
    page = municipality
    page.goto(live_server.url + "/gemeente/settings")
    page.locator("#valid_from").fill("2026-07-01")
    page.locator("#amount").fill("€ 15,02")
    page.get_by_role("button", name=t("Add this minimum wage")).click()
    expect(page.locator(".notice--success")).to_contain_text(t("The new minimum wage is saved."))
    expect(page.get_by_role("table", name=t("Minimum wage"))).to_contain_text("€\u00a015,02")
    row = query(live_server, "SELECT cents FROM minimum_wage WHERE valid_from = '2026-07-01'")[0]
    assert row[0] == 1502
