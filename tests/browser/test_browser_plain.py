"""Plain language all the way down, as a phone shows it (390x844, touch)."""

import pytest
from browser_support import assert_no_axe_violations, assert_no_horizontal_scroll, log_in, query, t
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_plain_dutch_job_page_is_plain_all_the_way_down(page, shared_live_server):
    server = shared_live_server
    sql = "SELECT * FROM jobs WHERE category = 'caretaker' AND status = 'open' ORDER BY id LIMIT 1"
    job = query(server, sql)[0]
    page.goto(server.url + f"/jobs/{job['id']}?lang=nl&plain=1")
    expect(page.locator("main h1")).to_have_text(job["title_plain_nl"])
    expect(page.locator("main .lead")).to_have_text(job["plain_nl"])
    details = page.locator("#job-details")
    expect(details.locator("> p").first).to_have_text(job["tasks_plain_nl"])
    expect(details).to_contain_text(job["team_plain_nl"])
    expect(details).to_contain_text(job["problem_plain_nl"])
    expect(page.locator("main .job-card__category")).to_have_text(t("Neighbourhood caretaker", "nl@plain"))
    expect(details).to_contain_text("per week: maandag, dinsdag")
    assert_no_axe_violations(page)


def test_the_buurt_question_explains_buurt_and_wijk_in_english(page, shared_live_server):
    server = shared_live_server
    log_in(page, server.url, "bewoner2")
    page.goto(server.url + "/profile/buurt?lang=en&plain=1")
    hint = page.locator("#buurt-and-wijk")
    expect(hint).to_contain_text("neighbourhood (buurt)")
    expect(hint).to_contain_text("district (wijk)")
    expect(page.locator("fieldset.choices")).to_have_attribute("aria-describedby", "step-hint buurt-and-wijk")
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_horizontal_scroll(page)
