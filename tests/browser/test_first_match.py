"""A first-time resident from the home page to a ranked list of jobs with reasons,
on a phone (390 x 844, touch), counting screens and taps: at most 8 and 20.

The person lives in one buurt, wants two kinds of work, can work Monday and
Tuesday, at most 12 hours, any distance, and there is nothing she cannot do.
How it is counted (issue 9): the home page and the list are screens, and so is
every full page load or htmx swap of ``#main`` in between; a tap is every
link, button, checkbox, radio button and text field touched (typing is free,
a drop-down is two taps). Every touch goes through ``Walk.tap``.
"""

import pytest
from browser_support import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    assert_tap_targets,
    csp_errors,
    nt,
    query,
    t,
)
from playwright.sync_api import expect

from webapp.domain.usernames import suggestion

pytestmark = pytest.mark.browser

MAX_SCREENS = 8
MAX_TAPS = 20
NAME = "Fatima El Amrani"
PASSWORD = "mijn eigen lange zin"
HOME_BUURT = "De Hoven"
KINDS = ("elderly", "errands")
DAYS = ("mon", "tue")
HOURS = "12"


class Walk:
    """Counts screens (main-frame page loads, htmx swaps of #main) and taps."""

    def __init__(self, page):
        self.page = page
        self.screens = []
        self.taps = []
        page.on("framenavigated", lambda frame: frame == page.main_frame and self.screens.append(frame.url))
        page.expose_function("__mainSwapped", lambda: self.screens.append("swap:" + page.url))
        # Runs only with JavaScript on, which is the only way htmx can swap.
        page.add_init_script(
            """document.addEventListener("htmx:afterSwap", (event) => {
                if (event.detail.target && event.detail.target.id === "main") { window.__mainSwapped(); }
            });"""
        )

    def tap(self, locator, why):
        expect(locator).to_be_visible()
        self.taps.append(why)
        locator.tap()

    def tap_choice(self, name, value):
        choice = self.page.locator(f"input[name='{name}'][value='{value}']")
        self.tap(self.page.locator("label.choice", has=choice), f"{name}={value}")
        expect(choice).to_be_checked()

    def type_into(self, locator, text, why):
        self.tap(locator, why)
        locator.fill(text)  # typing is free

    def report(self):
        return f"{len(self.screens)} screens: {self.screens}\n{len(self.taps)} taps: {self.taps}"


def walk_to_the_first_match(page, base, js):
    walk = Walk(page)
    page.goto(base + "/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    # Home: "Make an account".
    walk.tap(page.locator("main a[href='/signup']"), "make an account")
    expect(page).to_have_url(base + "/signup")

    # Sign-up on one screen: the name, the password once; the username comes from the name.
    walk.type_into(page.locator("#display_name"), NAME, "name")
    if js:
        expect(page.locator("#username")).to_have_value(suggestion(NAME))
    else:
        expect(page.locator("#username")).to_have_value("")
    walk.type_into(page.locator("#password"), PASSWORD, "password")
    walk.tap(page.locator("main form button[type=submit]"), "make my account")

    # Straight to the four questions that rank most, on one screen.
    expect(page).to_have_url(base + "/profile/start")
    expect(page.locator(".notice--success")).to_contain_text(suggestion(NAME))
    buurt = page.locator("label.choice", has_text=HOME_BUURT)
    walk.tap(buurt, "buurt")
    expect(buurt.locator("input")).to_be_checked()
    for kind in KINDS:
        walk.tap_choice("work", kind)
    walk.tap_choice("hours", HOURS)
    for day in DAYS:
        walk.tap_choice("days", day)
    walk.tap(page.locator("main form button[type=submit]"), "show the jobs")

    # The ranked list, with reasons, and the way to the other questions.
    expect(page).to_have_url(base + "/jobs")
    expect(page.locator("#results-title")).to_contain_text(t("best fit first"))
    first = page.locator("#results .job-card").first
    expect(first).to_contain_text(t("Why this fits you"))
    expect(page.locator(".more-questions")).to_contain_text(
        nt("Answer %(num)d more question for a better list", "Answer %(num)d more questions for a better list", 4)
    )
    return walk


def the_rest_from_the_banner(page, base, walk):
    """Any distance, nothing she cannot do, skills and languages skipped: 8 of 8 is not
    the point; 6 answered and "Nothing: I can do all of this" shown is."""
    walk.tap(page.locator(".more-questions a"), "better list")
    expect(page).to_have_url(base + "/profile/travel")
    walk.tap_choice("answer", "town")
    walk.tap(page.locator("button[name=action][value=save]"), "save travel")
    expect(page).to_have_url(base + "/profile/limits")
    expect(page.locator("input[name=answer]:checked")).to_have_count(0)
    walk.tap(page.locator("button[name=action][value=save]"), "save: nothing")
    expect(page).to_have_url(base + "/profile/skills")
    page.goto(base + "/profile")
    expect(page.locator("main")).to_contain_text(t("Nothing: I can do all of this"))
    expect(page.locator("#profile-progress")).to_have_attribute("value", "6")


def _one_account_made_from_the_name(server):
    rows = query(server, "SELECT username, role FROM users WHERE display_name = ?", (NAME,))
    assert [tuple(row) for row in rows] == [(suggestion(NAME), "resident")]


def _check(walk):
    print(walk.report())  # the figures, for the closing note (pytest -s)
    assert len(walk.screens) <= MAX_SCREENS, walk.report()
    assert len(walk.taps) <= MAX_TAPS, walk.report()


def test_first_match_with_javascript(page, live_server):
    problems = csp_errors(page)
    base = live_server.url
    walk = walk_to_the_first_match(page, base, js=True)
    _check(walk)
    assert (len(walk.screens), len(walk.taps)) == (4, 11), walk.report()
    the_rest_from_the_banner(page, base, walk)
    _one_account_made_from_the_name(live_server)
    assert problems == [], "CSP violations:\n" + "\n".join(problems)


def test_first_match_without_javascript(browser, browser_context_args, live_server):
    context = browser.new_context(java_script_enabled=False, **browser_context_args)
    try:
        page = context.new_page()
        base = live_server.url
        walk = walk_to_the_first_match(page, base, js=False)
        _check(walk)
        the_rest_from_the_banner(page, base, walk)
        _one_account_made_from_the_name(live_server)
    finally:
        context.close()


def test_the_script_suggests_what_the_server_would(page, live_server):
    """static/js/app.js and webapp/domain/usernames.py make the same username."""
    page.goto(live_server.url + "/signup")
    for name in (
        "Anna",
        "Anna de Vries",
        "Zoë",
        "Çağla Öztürk",
        "Jean-Luc",
        "O'Brien",
        "Jo",
        "A",
        "محمد",
        "x" * 80,
    ):
        page.locator("#display_name").fill(name)
        expect(page.locator("#username")).to_have_value(suggestion(name))
    # A username typed by hand stays, whatever the name becomes.
    page.locator("#username").fill("mijn.eigen.naam")
    page.locator("#display_name").fill("Piet")
    expect(page.locator("#username")).to_have_value("mijn.eigen.naam")


def test_the_password_can_be_shown_and_hidden(page, live_server):
    page.goto(live_server.url + "/signup")
    password = page.locator("#password")
    button = page.locator("button.show-password")
    expect(button).to_have_text(t("Show password"))
    expect(button).to_have_attribute("aria-controls", "password")
    password.fill(PASSWORD)
    button.tap()
    expect(password).to_have_attribute("type", "text")
    expect(button).to_have_text(t("Hide password"))
    button.tap()
    expect(password).to_have_attribute("type", "password")
    expect(password).to_have_value(PASSWORD)


def test_the_screens_of_the_walk_are_accessible(page, live_server):
    """axe at 390 x 844, no horizontal scroll and 44 px targets at 320 px, on the
    sign-up (with its show button), the first questions and the list with its banner."""
    base = live_server.url

    def check():
        page.set_viewport_size({"width": 390, "height": 844})
        assert_no_axe_violations(page)
        page.set_viewport_size({"width": 320, "height": 640})
        assert_no_horizontal_scroll(page)
        assert_tap_targets(page)
        page.set_viewport_size({"width": 390, "height": 844})

    page.goto(base + "/signup")
    page.locator("#display_name").fill(NAME)
    page.locator("#password").fill(PASSWORD)
    expect(page.locator("button.show-password")).to_be_visible()
    check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(base + "/profile/start")
    check()
    page.locator("label.choice", has_text=HOME_BUURT).click()
    page.locator("label.choice", has=page.locator("input[name=work][value=elderly]")).click()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(base + "/jobs")
    expect(page.locator(".more-questions a")).to_be_visible()
    check()
