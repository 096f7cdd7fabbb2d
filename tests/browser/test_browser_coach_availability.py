"""A coach sets when they are available on a phone (390 x 844): days as
checkboxes, two time fields, a note; a wrong answer shows its summary on the
first screen; the resident then reads the days in English. Axe clean, no
horizontal scroll at 320 px, tap targets of 44 px."""

import re

import pytest
from browser_support import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    assert_tap_targets,
    csp_errors,
    log_in,
    query,
    t,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def in_viewport(page, selector):
    return page.evaluate(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
        }""",
        selector,
    )


def send(page):
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return posted.value.status


def test_a_coach_sets_days_and_times_on_a_phone(page, live_server):
    problems = csp_errors(page)
    log_in(page, live_server.url, "coach")
    page.goto(live_server.url + "/caseload/details")
    form = page.locator("main form")
    expect(form.get_by_label(t("Monday"))).to_be_checked()
    assert_no_axe_violations(page)
    assert_tap_targets(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 390, "height": 844})

    # The end before the start: refused, the summary on the first screen.
    form.locator("[name=available_from]").fill("17:00")
    form.locator("[name=available_to]").fill("09:00")
    assert send(page) == 422
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text(t("The end time must be later than the start time."))
    assert in_viewport(page, ".error-summary")
    assert_no_axe_violations(page)

    # No day and no note: refused too; nothing stored in between.
    ticked = page.locator("main form input[type=checkbox]:checked")
    while ticked.count():
        ticked.first.uncheck()
    page.locator("main form [name=available_from]").fill("")
    page.locator("main form [name=available_to]").fill("")
    assert send(page) == 422
    expect(page.locator(".error-summary")).to_contain_text(t("Choose at least one day, or write a note."))
    stored = query(
        live_server,
        "SELECT available_days, available_from, available_to FROM coach_details "
        "WHERE user_id = (SELECT id FROM users WHERE username = 'coach')",
    )
    assert tuple(stored[0]) == ("mon tue wed thu", "09:00", "17:00")

    # Saturday morning: saved.
    page.locator("main form").get_by_label(t("Saturday")).check()
    page.locator("main form [name=available_from]").fill("10:00")
    page.locator("main form [name=available_to]").fill("12:30")
    assert send(page) == 303
    expect(page).not_to_have_url(re.compile(r"/caseload/details"))
    assert problems == []


def test_the_resident_reads_the_days_in_english(page, live_server):
    log_in(page, live_server.url, "bewoner")
    page.goto(live_server.url + "/coach?lang=en")
    card = page.locator(".coach-card")
    expect(card).to_contain_text("Monday to Thursday")
    assert not re.search(r"(?i)maandag|donderdag|tot en met", card.inner_text())
    assert_no_axe_violations(page)
