"""The first screen shows something to do (issue 9, point 9).

At 390 x 844 (a phone, touch) the header on top and the bar of main places at
the bottom take at most 15% of the height together, and the first job,
proposal, message, notification or participant starts above the bar.
"""

import pytest
from browser_support import assert_no_horizontal_scroll, log_in, nt, t
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

HEIGHT = 844
MENU_SHARE = 0.15

# (who, page, the first thing to do on it)
MAIN_PAGES = {
    None: [("/jobs", "#results .job-card"), ("/proposals", "#results .proposal-card")],
    "bewoner": [
        ("/jobs", "#results .job-card"),
        ("/proposals", "#results .proposal-card"),
        ("/coach", "main section, main .card"),
        ("/messages", ".thread__list .message"),
        ("/notifications", "main h1 + *"),
        ("/interests", "main article.card"),
    ],
    "coach": [("/caseload", ".caseload-item"), ("/notifications", "main h1 + *")],
}

MENU = """() => {
  const header = document.querySelector('.site-header').getBoundingClientRect();
  const bar = document.querySelector('.main-nav').getBoundingClientRect();
  return {header: header.bottom, barTop: bar.top, bar: bar.height,
          position: getComputedStyle(document.querySelector('.main-nav')).position};
}"""


def first_screen(page, base, path, first):
    page.goto(base + path)
    menu = page.evaluate(MENU)
    assert menu["position"] == "fixed", "the main places stay at the bottom of the screen"
    assert menu["barTop"] + menu["bar"] <= HEIGHT + 1
    taken = menu["header"] + menu["bar"]
    assert taken <= MENU_SHARE * HEIGHT, f"{path}: header and menu take {taken:.0f} px of {HEIGHT}"
    item = page.locator(first).first
    expect(item).to_be_visible()
    top = item.bounding_box()["y"]
    assert top < menu["barTop"], f"{path}: the first item starts at {top:.0f} px, under the bar"


@pytest.mark.parametrize("who", list(MAIN_PAGES))
@pytest.mark.parametrize("variant", ["nl", "en-plain"])
def test_the_first_item_is_on_the_first_screen(page, live_server, who, variant):
    if who:
        log_in(page, live_server.url, who)
    else:
        page.goto(live_server.url + "/")
    if variant == "en-plain":
        page.goto(live_server.url + "/?lang=en&plain=1")
    for path, first in MAIN_PAGES[who]:
        first_screen(page, live_server.url, path, first)


def test_each_place_in_the_bar_is_a_full_tap_target_and_the_page_is_not_hidden(page, live_server):
    log_in(page, live_server.url, "bewoner")
    page.goto(live_server.url + "/jobs")
    places = page.locator(".main-nav a")
    expect(places).to_have_count(5)
    for box in (places.nth(i).bounding_box() for i in range(5)):
        assert box["width"] >= 44 and box["height"] >= 44, box
    # Scrolled to the end, the footer sits above the bar, not under it.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    footer = page.locator(".site-footer a").last.bounding_box()
    bar = page.locator(".main-nav").bounding_box()
    assert footer["y"] + footer["height"] <= bar["y"]
    for width, height in ((320, 640), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        assert_no_horizontal_scroll(page, width)


def test_filters_are_folded_and_say_how_many_are_on(page, live_server):
    page.goto(live_server.url + "/jobs")
    fold = page.locator("details.filter-fold")
    expect(fold).not_to_have_attribute("open", "")
    expect(page.locator("#q")).to_be_hidden()
    expect(fold.locator("summary")).to_have_text(t("Filter"))
    page.goto(live_server.url + "/jobs?category=elderly&q=ouderen")
    expect(fold.locator("summary")).to_contain_text(nt("%(num)d on", "%(num)d on", 2))
    expect(page.locator("#q")).to_be_hidden()
    fold.locator("summary").click()
    expect(page.locator("#q")).to_have_value("ouderen")
    page.goto(live_server.url + "/proposals")
    expect(page.locator("details.filter-fold")).not_to_have_attribute("open", "")
    expect(page.locator("#status")).to_be_hidden()


def test_the_language_switch_is_one_small_control_that_opens(page, live_server):
    page.goto(live_server.url + "/jobs")
    switch = page.locator(".language-bar button[name=plain]")
    expect(switch).to_be_hidden()
    page.locator(".language-menu summary").click()
    expect(switch).to_be_visible()
    expect(switch).to_have_text(t("Plain language: off"))
    switch.click()
    page.locator(".language-menu summary").click()
    expect(switch).to_have_text(t("Plain language: on", "nl@plain"))
