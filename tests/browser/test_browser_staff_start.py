"""Staff on a phone (issue 11, points 1 and 2), Chromium at 390 x 844.

Each role lands on its own start after logging in (a ``next`` still wins);
the caseload is compact: at most 120 px per participant, at least 4 whole
participants on the first screen between the header and the bar at the
bottom, no horizontal scroll at 320 px, axe clean; anyone in two taps.
"""

import re

import pytest
from browser_support import assert_no_axe_violations, assert_no_horizontal_scroll, csp_errors, log_in
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ROW_MAX = 120
FIRST_SCREEN_MIN = 4


@pytest.mark.parametrize(
    ("who", "start"),
    [
        ("coach", "/caseload"),
        ("gemeente", "/gemeente"),
        ("buurtgroep", "/proposals"),
        ("bewoner", "/jobs"),
        ("bewoner2", "/profile/start"),
    ],
)
def test_each_role_lands_on_its_own_start(page, live_server, who, start):
    log_in(page, live_server.url, who)
    expect(page).to_have_url(re.compile(re.escape(start) + r"$"))
    if who == "buurtgroep":  # the group's own proposals come first
        mine = page.locator("#mine-title").bounding_box()
        assert mine["y"] < page.locator("#results").bounding_box()["y"]


@pytest.mark.parametrize("who", ["coach", "gemeente", "buurtgroep", "bewoner"])
def test_a_next_on_the_login_still_wins(page, live_server, who):
    log_in(page, live_server.url, who, first_path="/login?next=/notifications")
    expect(page).to_have_url(re.compile(r"/notifications$"))


FIRST_SCREEN = """() => {
  const bar = document.querySelector('.main-nav').getBoundingClientRect().top;
  const rows = [...document.querySelectorAll('.caseload-item')].map((row) => row.getBoundingClientRect());
  return {bar, heights: rows.map((box) => box.height),
          whole: rows.filter((box) => box.top >= 0 && box.bottom <= bar).length};
}"""


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_caseload_is_compact_on_a_phone(page, live_server, lang):
    problems = csp_errors(page)
    log_in(page, live_server.url, "coach")
    page.goto(f"{live_server.url}/caseload?lang={lang}")
    measured = page.evaluate(FIRST_SCREEN)
    assert len(measured["heights"]) == 30
    assert max(measured["heights"]) <= ROW_MAX, measured["heights"]
    assert measured["whole"] >= FIRST_SCREEN_MIN, measured
    # The search is on top, above every participant.
    assert page.locator("#q").bounding_box()["y"] < page.locator(".caseload-item").first.bounding_box()["y"]
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_horizontal_scroll(page, 320)
    assert max(page.evaluate(FIRST_SCREEN)["heights"]) <= ROW_MAX + 30  # narrower: a line may wrap
    assert problems == []


def test_the_search_answers_as_you_type(page, live_server):
    log_in(page, live_server.url, "coach")
    page.goto(live_server.url + "/caseload")
    page.evaluate("window.bbStillHere = true")
    page.locator("#q").press_sequentially("fati", delay=50)
    expect(page.locator(".caseload-item")).to_have_count(1)
    expect(page.locator(".caseload-item__name")).to_have_text("Fatima")
    assert page.evaluate("window.bbStillHere === true")  # no page load
    expect(page).to_have_url(re.compile(r"/caseload\?q=fati$"))
    expect(page.locator("#q")).to_be_focused()
    assert_no_axe_violations(page)
    page.locator(".caseload-item__link").click()  # the second tap
    expect(page.locator("h1")).to_have_text("Fatima")


def test_anyone_in_two_taps_with_the_a_to_z_jump(page, live_server):
    log_in(page, live_server.url, "coach")
    page.goto(live_server.url + "/caseload")
    jump = page.locator("nav.az a")
    ranges = jump.count()
    assert ranges >= 2
    for index in range(ranges):
        page.goto(live_server.url + "/caseload")
        page.locator("nav.az a").nth(index).click()  # tap one
        bar = page.locator(".main-nav").bounding_box()["y"]
        rows = page.locator(".caseload-item")
        assert rows.count() >= 1
        last = rows.nth(rows.count() - 1).bounding_box()
        assert last["y"] + last["height"] <= bar, "every name of the range is on the screen"
    rows.first.locator("a").click()  # tap two
    expect(page).to_have_url(re.compile(r"/caseload/\d+$"))


def test_without_javascript_the_search_is_a_plain_form(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, "coach")
    page.goto(live_server.url + "/caseload")
    page.locator("#q").fill("henk")
    page.locator("form[role=search] button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/caseload\?q=henk$"))
    expect(page.locator(".caseload-item__name")).to_have_text(["Henk"])
    context.close()
