"""Comments read aloud in their own language (WCAG 3.1.2), the "stay logged in"
box as big a target as every other choice, and the help page, on the phone
(Chromium, 390 x 844), in Dutch and plain Dutch."""

import pytest
from browser_support import assert_no_axe_violations, assert_no_horizontal_scroll, query, t
from playwright.sync_api import expect
from proposal_support import OPEN_DE_HOVEN
from test_pwa_browser import SPEECH_STUB

pytestmark = pytest.mark.browser

VARIANTS = [("nl", False), ("nl@plain", True)]


@pytest.fixture
def context(browser, browser_context_args):
    opened = browser.new_context(**browser_context_args)
    yield opened
    opened.close()


@pytest.mark.parametrize(("locale", "plain"), VARIANTS)
def test_comments_are_read_aloud_each_in_its_own_language(context, shared_live_server, locale, plain):
    server = shared_live_server
    comments = query(
        server,
        """SELECT id, body, lang FROM proposal_comments
           WHERE proposal_id = ? AND moderation = 'visible' ORDER BY id""",
        (OPEN_DE_HOVEN,),
    )
    assert {row["lang"] for row in comments} == {"nl", "en"}  # the demo's English one on a Dutch proposal
    context.add_init_script(SPEECH_STUB)
    page = context.new_page()
    page.goto(server.url + f"/proposals/{OPEN_DE_HOVEN}?plain={int(plain)}")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    english = next(row for row in comments if row["lang"] == "en")
    expect(page.locator(f"#comment-{english['id']}-body")).to_have_attribute("lang", "en")
    button = page.locator("#comments-title + button.read-aloud")
    expect(button).to_have_text(t("Read the questions and comments aloud", locale))
    expect(page.locator("button.read-aloud")).to_have_count(2)  # the proposal's and this one
    button.click()
    expect(button).to_have_text(t("Stop reading", locale))
    for _ in range(40):
        page.evaluate("window.__finish()")
    spoken = page.evaluate("window.__spoken")
    for row in comments:
        said = [item for item in spoken if item["text"] in row["body"]]
        assert said, f"{row['body']!r} was not read"
        voice = "en-GB" if row["lang"] == "en" else "nl-NL"
        assert {item["lang"] for item in said} == {voice}, row["body"]
    # Who wrote it is in the page's language.
    assert {"text": t("A resident", locale), "lang": "nl-NL"} in [
        {"text": item["text"].split(" · ")[0], "lang": item["lang"]} for item in spoken
    ]


@pytest.mark.parametrize("width", [390, 320])
def test_the_stay_logged_in_box_is_a_44px_target(context, shared_live_server, width):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(shared_live_server.url + "/login")
    box = page.locator("#remember")
    target = page.locator("label[for=remember]")
    size = target.bounding_box()
    assert size["height"] >= 44 and size["width"] >= 44, size
    assert box.evaluate("(el) => el.closest('label') !== null")  # the whole card ticks it
    expect(box).not_to_be_checked()
    # A tap at the card's far right edge, away from the box and the words.
    target.tap(position={"x": size["width"] - 4, "y": size["height"] / 2})
    expect(box).to_be_checked()
    assert_no_horizontal_scroll(page, width)


@pytest.mark.parametrize(("locale", "plain"), VARIANTS)
def test_help_is_in_every_footer_and_clean(context, shared_live_server, locale, plain):
    page = context.new_page()
    page.goto(shared_live_server.url + f"/jobs?plain={int(plain)}")
    link = page.locator("footer a[href='/help']")
    expect(link).to_have_text(t("Need help?", locale))
    link.click()
    expect(page.locator("h1")).to_have_text(t("Need help?", locale))
    expect(page.locator("a[href^='tel:']")).to_be_visible()
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 844})
    assert_no_horizontal_scroll(page, 320)
