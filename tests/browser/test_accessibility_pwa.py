"""Accessibility of what the app on the phone adds, in Dutch and plain Dutch:

the offline page and the "cannot be reached" page (online, and as the
service worker serves them), the
settings page with the notification switch as the script shows it, a job
page with the read-aloud button, the "you are offline" banner and an
interest waiting in the outbox, the messages with their read-aloud buttons
and a message waiting, a proposal with a vote waiting, the plan (the
resident's page and the coach's) read aloud, and the home-screen offer.

Each: axe-core finds no WCAG 2.2 AA violation at 390 x 844, nothing is
wider than 320 px, every tap target is at least 44 x 44 px; the offline
page's HTML passes the Nu HTML Checker.
"""

import pytest
from browser_support import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    assert_tap_targets,
    assert_valid_html,
    csp_errors,
    kept,
    log_in,
    open_job_without_interest,
    user_id,
    worker_ready,
)
from playwright.sync_api import expect
from proposal_support import OPEN_VOGELBUURT

pytestmark = pytest.mark.browser

VARIANTS = ("nl", "plain")
SPEECH = """
Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
  speak() {}, cancel() {}, getVoices() { return []; }, speaking: false, pending: false } });
"""


@pytest.fixture
def tab(browser, browser_context_args):
    contexts = []

    def make(**extra):
        context = browser.new_context(**{**browser_context_args, **extra})
        context.add_init_script(SPEECH)
        contexts.append(context)
        page = context.new_page()
        return page, csp_errors(page)

    yield make
    for context in contexts:
        context.close()


def plain(path, variant):
    return path + ("&" if "?" in path else "?") + "plain=1" if variant == "plain" else path


def check(page, problems, minimum_targets=3):
    """axe at 390 px; scroll and tap targets at 320 px; no CSP complaints."""
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_horizontal_scroll(page)
    assert_tap_targets(page, minimum_targets)
    page.set_viewport_size({"width": 390, "height": 844})
    assert problems == [], problems


@pytest.mark.parametrize("path", ["/offline", "/unreachable"])
@pytest.mark.parametrize("variant", VARIANTS)
def test_offline_page(tab, live_server, variant, path):
    page, problems = tab()
    page.goto(live_server.url + plain("/", variant))  # the choice is kept in the session
    page.goto(live_server.url + path)
    expect(page.locator("[data-retry]")).to_be_visible()
    check(page, problems)


@pytest.mark.parametrize("variant", VARIANTS)
def test_unreachable_page_as_served_online(tab, live_server, variant):
    page, problems = tab()
    page.goto(live_server.url + plain("/jobs", variant))
    worker_ready(page)
    page.context.route("**/jobs/999999", lambda route: route.abort("connectionreset"))
    page.goto(live_server.url + "/jobs/999999")
    expect(page.locator("body[data-offline-page='unreachable']")).to_have_count(1)
    expect(page.locator("a[data-retry]")).to_have_attribute("href", "/jobs/999999")
    check(page, problems)


@pytest.mark.parametrize("variant", VARIANTS)
def test_offline_page_as_served_offline(tab, live_server, variant):
    page, problems = tab()
    log_in(page, live_server.url, "bewoner")
    page.goto(live_server.url + plain("/jobs", variant))
    worker_ready(page)
    page.goto(live_server.url + "/jobs")
    page.context.set_offline(True)
    page.goto(live_server.url + "/jobs/999999")
    expect(page.locator("body[data-offline-page]")).to_have_count(1)
    check(page, problems)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("who", ["bewoner", "coach"])
def test_settings_with_the_notification_switch(tab, live_server, variant, who):
    page, problems = tab()
    log_in(page, live_server.url, who)
    page.goto(live_server.url + plain("/settings", variant))
    worker_ready(page)
    expect(page.locator("[data-push-action='on']")).to_be_visible()
    check(page, problems)
    page.locator("[data-push-action='on']").click()  # refused in headless Chromium
    expect(page.locator("[data-push-state='blocked']")).to_be_visible()
    check(page, problems)


@pytest.mark.parametrize("variant", VARIANTS)
def test_job_page_offline_with_read_aloud_and_a_waiting_interest(tab, live_server, variant):
    page, problems = tab()
    log_in(page, live_server.url, "bewoner")
    worker_ready(page)
    job = open_job_without_interest(live_server, "bewoner")
    page.goto(live_server.url + plain(f"/jobs/{job['id']}", variant))
    page.goto(live_server.url + f"/jobs/{job['id']}")
    page.context.set_offline(True)
    page.reload()
    page.locator("#message").fill("Ik kan maandag beginnen.")
    page.locator("#interest button[type=submit]").click()
    expect(page.locator("[data-outbox-item]")).to_be_visible()
    expect(page.locator("[data-pwa-banner]")).to_be_visible()
    expect(page.locator("button.read-aloud")).to_be_visible()
    check(page, problems)
    page.locator("button.read-aloud").click()  # now "Stop reading"
    check(page, problems)


@pytest.mark.parametrize("variant", VARIANTS)
def test_messages_offline_with_read_aloud_and_a_waiting_message(tab, live_server, variant):
    page, problems = tab()
    log_in(page, live_server.url, "bewoner")
    worker_ready(page)
    page.goto(live_server.url + plain("/messages", variant))
    page.goto(live_server.url + "/messages")
    kept(page)
    page.context.set_offline(True)
    page.reload()
    page.locator("#message-form textarea").fill("Ik ben morgen wat later.")
    page.locator("#message-form button[type=submit]").click()
    expect(page.locator("[data-outbox-item]")).to_be_visible()
    expect(page.locator("[data-pwa-banner]")).to_be_visible()
    buttons = page.locator("#thread-messages button.read-aloud")
    expect(buttons).to_have_count(page.locator("#thread-messages .message").count())
    check(page, problems)
    buttons.last.click()  # now "Stop reading"
    check(page, problems)


@pytest.mark.parametrize("variant", VARIANTS)
def test_proposal_offline_with_read_aloud_and_a_waiting_vote(tab, live_server, variant):
    page, problems = tab()
    log_in(page, live_server.url, "bewoner")
    worker_ready(page)
    path = f"/proposals/{OPEN_VOGELBUURT}"
    page.goto(live_server.url + plain(path, variant))
    page.goto(live_server.url + path)
    kept(page)
    page.context.set_offline(True)
    page.reload()
    box = page.locator(f"#vote-{OPEN_VOGELBUURT}")
    box.locator("form[data-outbox] button[type=submit]").click()
    expect(box.locator("[data-outbox-item]")).to_be_visible()
    expect(page.locator("h1 + button.read-aloud")).to_be_visible()
    check(page, problems)
    page.locator("h1 + button.read-aloud").click()
    check(page, problems)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("who", ["bewoner", "coach"])
def test_the_plan_with_read_aloud(tab, live_server, variant, who):
    page, problems = tab()
    log_in(page, live_server.url, who)
    path = "/plan" if who == "bewoner" else f"/caseload/{user_id(live_server, 'bewoner')}"
    page.goto(live_server.url + plain(path, variant))
    button = page.locator("h1[data-read-aloud] + button.read-aloud, h2#plan + button.read-aloud")
    expect(button).to_have_count(1)
    check(page, problems)
    button.click()
    check(page, problems)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_home_screen_offer(tab, live_server, variant):
    page, problems = tab()
    log_in(page, live_server.url, "bewoner")  # the offer is for residents
    page.goto(live_server.url + plain("/", variant))
    page.close()
    page = page.context.new_page()  # the second visit
    problems = csp_errors(page)
    page.goto(live_server.url + "/jobs")
    expect(page.locator(".install-prompt")).to_be_visible()
    check(page, problems)


def test_offline_page_html_is_valid(live_server, tmp_path):
    client = live_server.app.test_client()
    pages = {}
    for variant in VARIANTS:
        client.get(plain("/", variant))
        pages[f"offline-{variant}.html"] = client.get("/offline").get_data(as_text=True)
        pages[f"unreachable-{variant}.html"] = client.get("/unreachable").get_data(as_text=True)
    assert_valid_html(pages, tmp_path)
