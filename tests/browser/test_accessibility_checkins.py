"""The check-in in Chromium: every new page in Dutch and plain Dutch passes axe,
has no horizontal scroll at 320 px and big enough tap targets (``PageChecks``),
and a participant answers the five questions in plain Dutch with read aloud.

A server of its own: answering changes what the demo's Fatima sees next."""

import json
import re
import shutil

import pytest
from app_support import LiveServer
from browser_support import (
    PageCase,
    PageChecks,
    assert_valid_html,
    csp_errors,
    log_in,
    own_server_pages,
    t,
    wait_until,
    with_plain,
)
from playwright.sync_api import expect

from webapp.seed.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

WHO = ("bewoner", "bewoner2", "gemeente")
CASES = [
    PageCase("checkin", "bewoner", "/checkin"),
    PageCase("checkin-empty", "bewoner", "/checkin", 422, {}),
    PageCase("answers", "bewoner", "/checkin/answers"),
    PageCase("consent-withdraw", "bewoner", "/checkin/consent"),
    PageCase("consent-first-empty", "bewoner2", "/checkin/consent", 422, {}),
    PageCase("consent-first", "bewoner2", "/checkin/consent"),
    PageCase("profile-asks-once", "bewoner2", "/profile"),
]
VARIANTS = ("nl", "plain")
PARAMS = [
    pytest.param(case, variant, id=f"{case.who}-{case.name}-{variant}") for case in CASES for variant in VARIANTS
]

# Speech that only listens: what would be said is kept in window.spoken.
SPEECH = """
window.spoken = [];
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
  speak(u) { window.spoken.push(u.text); setTimeout(function () { u.onend && u.onend(); }, 0); },
  cancel() {}, getVoices() { return []; }, speaking: false, pending: false } });
"""


@pytest.fixture(scope="module")
def checkin_server(tmp_path_factory, seeded_template, build_app):
    folder = tmp_path_factory.mktemp("checkins")
    shutil.copy(seeded_template, folder / "basisbaan.db")
    server = LiveServer(build_app(folder)).start()
    yield server
    server.stop()


tabs, visit = own_server_pages("checkin_server", WHO)


class TestPages(PageChecks):
    """axe, 320 px and tap targets on every case above."""


def test_a_checkin_in_plain_dutch_with_read_aloud(browser, browser_context_args, live_server):
    context = browser.new_context(**browser_context_args)
    context.add_init_script(SPEECH)
    page = context.new_page()
    problems = csp_errors(page)
    log_in(page, live_server.url, "bewoner")
    page.goto(live_server.url + "/checkin?plain=1")
    button = page.locator("h1 + button.read-aloud")
    expect(button).to_be_visible()
    button.click()
    # The last words read are the last answer's: wait for them, not for a count.
    last = t("Very happy", "nl@plain")
    wait_until(page, f"() => window.spoken.join(' ').includes({json.dumps(last)})", seconds=30)
    spoken = " ".join(page.evaluate("window.spoken"))
    for msgid in ("How happy are you?", "Very happy", "How much do you worry about money?", "Not at all"):
        assert t(msgid, "nl@plain") in spoken
    # Every answer is a face and a word: the radio's name is the word.
    for word in ("Very bad", "Very good"):
        expect(page.get_by_role("radio", name=t(word, "nl@plain")).first).to_be_visible()
    for question, value in (("health", 4), ("contact", 2), ("useful", 5), ("money", 3), ("happy", 4)):
        page.locator(f"input[name={question}][value='{value}']").check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/checkin/answers$"), timeout=20_000)
    expect(page.locator(".notice--success")).to_contain_text(
        t("Thank you. Your answers are saved. Only you see them.", "nl@plain")
    )
    expect(page.locator("main dl")).to_contain_text(t("Happy", "nl@plain"))
    assert not problems
    context.close()


def test_html_is_valid(checkin_server, tmp_path):
    """The raw HTML of every case above (a GET each) passes the Nu HTML Checker."""
    pages = {}
    for who in WHO:
        client = checkin_server.app.test_client()
        body = client.get("/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', body).group(1)
        answer = client.post("/login", data={"username": who, "password": DEMO_PASSWORD, "csrf_token": token})
        assert answer.status_code == 303
        for case in (case for case in CASES if case.who == who and case.form is None):
            for variant in VARIANTS:
                response = client.get(with_plain(case.path, variant))
                assert response.status_code == case.status, case.path
                pages[f"{who}-{case.name}-{variant}.html"] = response.get_data(as_text=True)
    assert_valid_html(pages, tmp_path)
