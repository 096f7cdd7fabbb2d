"""Past a limit on successes (webapp/limits.py): the notice or page says when to try
again, and the text typed in the form is not lost, with and without JavaScript."""

import pytest
from app_support import LiveServer
from browser_support import (
    SENDING,
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    csp_errors,
    kept,
    log_in,
    query,
    t,
    worker_ready,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DONE = "You did this many times in a short while."


class CountingServer(LiveServer):
    """The live server, noting every POST's path."""

    def __init__(self, app):
        super().__init__(app)
        self.posts = []
        inner = self._server.app

        def wsgi(environ, start_response):
            if environ["REQUEST_METHOD"] == "POST":
                self.posts.append(environ.get("PATH_INFO", ""))
            return inner(environ, start_response)

        self._server.app = wsgi


@pytest.fixture
def limited_server(make_app):
    server = CountingServer(make_app(MESSAGE_LIMIT_PER_PERSON="1 per 10 minutes")).start()
    yield server
    server.stop()


def stored(server, body):
    return query(server, "SELECT COUNT(*) AS n FROM messages WHERE body = ?", (body,))[0]["n"]


def test_htmx_shows_the_notice_and_the_text_stays_in_the_box(page, limited_server):
    errors = csp_errors(page)
    log_in(page, limited_server.url, "bewoner")
    page.goto(limited_server.url + "/messages")
    page.locator("#body").fill("De eerste mag")
    page.locator("#message-form button[type=submit]").click()
    expect(page.locator("#thread-messages")).to_contain_text("De eerste mag")

    text = "Deze tekst blijft staan,\nook na de weigering."
    page.locator("#body").fill(text)
    page.locator("#message-form button[type=submit]").click()
    notice = page.locator("[data-too-many]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(t(DONE))
    expect(notice).to_contain_text(t("It was not sent. What you typed is still here."))
    expect(page.locator("#body")).to_have_value(text)
    # The notice sits right above the form, once, and the thread is untouched.
    assert page.locator("[data-too-many] + #message-form").count() == 1
    page.locator("#message-form button[type=submit]").click()
    expect(page.locator("[data-too-many]")).to_have_count(1)
    assert stored(limited_server, text) == 0
    assert page.locator("#thread-messages [data-too-many]").count() == 0
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_horizontal_scroll(page)
    assert errors == []


def test_without_javascript_the_page_says_not_sent_and_back_keeps_the_text(
    browser, browser_context_args, limited_server
):
    context = browser.new_context(java_script_enabled=False, **browser_context_args)
    page = context.new_page()
    log_in(page, limited_server.url, "bewoner")
    page.goto(limited_server.url + "/messages")
    page.locator("#body").fill("De eerste mag")
    page.locator("#message-form button[type=submit]").click()
    expect(page.locator(".notice--success")).to_contain_text(t("Your message is sent."))

    page.locator("#body").fill("Niet kwijt")
    page.locator("#message-form button[type=submit]").click()
    expect(page.locator("#error h1")).to_contain_text(t("Please wait a little"))
    expect(page.locator("#error")).to_contain_text(t(DONE))
    expect(page.locator("#error a[data-history-back]")).to_have_attribute("href", "/messages")
    page.go_back()
    expect(page.locator("#body")).to_have_value("Niet kwijt")
    assert stored(limited_server, "Niet kwijt") == 0
    context.close()


def test_the_outbox_keeps_a_message_refused_by_the_limit_and_does_not_hammer(page, limited_server):
    """Written offline, sent when back online, answered 429: it stays in the outbox,
    the notice shows above its "waiting" note, and nobody retries in a tight loop."""
    log_in(page, limited_server.url, "bewoner")
    worker_ready(page)
    page.goto(limited_server.url + "/messages")
    kept(page)
    page.locator("#body").fill("De eerste mag")
    page.locator("#message-form button[type=submit]").click()
    expect(page.locator("#thread-messages")).to_contain_text("De eerste mag")

    page.context.set_offline(True)
    text = "Geschreven zonder internet"
    page.locator("#body").fill(text)
    page.locator("#message-form button[type=submit]").click()
    expect(page.locator("[data-outbox-item]")).to_contain_text(text)
    posts = len(limited_server.posts)

    page.context.set_offline(False)
    notice = page.locator("[data-too-many]")
    expect(notice).to_be_visible(timeout=SENDING)
    expect(notice).to_contain_text(t(DONE))
    assert page.locator("[data-too-many] + [data-outbox-item]").count() == 1
    page.wait_for_timeout(4000)
    assert page.evaluate("BasisbaanOutbox.all()")[0]["body"].count("Geschreven") == 1
    expect(page.locator("[data-outbox-item]")).to_contain_text(text)
    # The page and Background Sync may each try once; then they wait for Retry-After.
    assert 1 <= limited_server.posts[posts:].count("/messages") <= 3
    assert stored(limited_server, text) == 0
