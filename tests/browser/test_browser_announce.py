"""What a screen reader hears beyond what axe checks (issue 12, points 1, 2 and 5).

- A filter change on /jobs and /proposals updates one status that stays in the
  page (a live region added anew is not read out), with only the count.
- A refused form: the focus is on its messages and the title starts with "Error:".
- Buttons that repeat (read aloud, the charts' tables) each have their own name.

Each in standard Dutch and in plain Dutch.
"""

import re

import pytest
from browser_support import csp_errors, log_in, t, user_id
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from webapp.seed.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

LOCALES = {"nl": "nl", "plain": "nl@plain"}
ERRORS = ".error-summary, .notice--error[role=alert]"
SPEECH = """
Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
  speak() {}, cancel() {}, getVoices() { return []; }, speaking: false, pending: false } });
"""


@pytest.fixture
def tab(browser, browser_context_args):
    """A fresh phone that can speak (so the read-aloud buttons are there)."""
    contexts = []

    def make():
        context = browser.new_context(**browser_context_args)
        context.add_init_script(SPEECH)
        contexts.append(context)
        page = context.new_page()
        return page, csp_errors(page)

    yield make
    for context in contexts:
        context.close()


def choose_language(page, server, variant):
    page.goto(server.url + ("/?lang=nl&plain=1" if variant == "plain" else "/?lang=nl&plain=0"))


# --- 1. the count after a filter ------------------------------------------------------------


def heading_text(page):
    return " ".join(page.locator("#results-title").inner_text().split())


@pytest.mark.parametrize("variant", LOCALES)
@pytest.mark.parametrize(
    ("who", "path", "field", "value", "order"),
    [
        ("bewoner", "/jobs", "#category", "elderly", "best fit first"),
        ("bewoner", "/proposals", "#status", "with_gemeente", None),
    ],
    ids=["jobs", "proposals"],
)
def test_a_filter_updates_the_one_status_beside_the_filters(
    tab, live_server, variant, who, path, field, value, order
):
    page, problems = tab()
    log_in(page, live_server.url, who)
    choose_language(page, live_server, variant)
    page.goto(live_server.url + path)
    status = page.locator("#results-status")
    expect(status).to_have_attribute("role", "status")
    assert page.locator("#results #results-status").count() == 0, "the status must stay outside #results"
    assert page.locator("#results").get_attribute("aria-live") is None
    expect(status).to_have_text(heading_text(page))
    before = status.inner_text()
    if order:
        assert t(order, LOCALES[variant]) in before
    page.evaluate(
        "() => { document.getElementById('results-status').__same = true;"
        " document.getElementById('results').__old = true; }"
    )
    page.locator("details.filter-fold > summary").click()
    page.locator(field).select_option(value)
    page.wait_for_function("() => document.querySelector('#results').__old === undefined")
    # The same element, with new words: the count (and the order) only.
    assert page.evaluate("document.getElementById('results-status').__same === true"), "the status was replaced"
    expect(page.locator("#results-status")).to_have_count(1)
    expect(status).to_have_text(heading_text(page))
    assert status.inner_text() != before
    assert re.fullmatch(r"\d+ [^\d]+", status.inner_text()), status.inner_text()
    assert page.locator("#results").get_attribute("aria-live") is None
    assert problems == []


# --- 2. focus and title after a refused form ------------------------------------------------


def assert_refused(page, variant):
    expect(page.locator(ERRORS).first).to_be_visible()
    # htmx shows the answer at its swap and app.js moves focus at the settle after it.
    focus = f"() => !!document.activeElement && document.activeElement.matches({ERRORS!r})"
    try:
        page.wait_for_function(focus, timeout=5000)
    except PlaywrightTimeoutError:
        focused = page.evaluate("document.activeElement && document.activeElement.outerHTML.slice(0, 120)")
        raise AssertionError(f"focus stayed on {focused}") from None
    prefix = t("Error:", LOCALES[variant]) + " "
    assert prefix.startswith("Fout:")
    assert page.title().startswith(prefix), page.title()


def send(page, form_selector):
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.locator(form_selector).locator("button[type=submit]").first.click()
    page.wait_for_load_state()
    return posted.value.status


@pytest.mark.parametrize("variant", LOCALES)
def test_a_wrong_password(tab, live_server, variant):
    page, _problems = tab()
    choose_language(page, live_server, variant)
    page.goto(live_server.url + "/login")
    page.locator("#username").fill("bewoner")
    page.locator("#password").fill("not-" + DEMO_PASSWORD)
    assert send(page, "main form") == 422
    assert_refused(page, variant)


@pytest.mark.parametrize("variant", LOCALES)
def test_a_sign_up_with_errors(tab, live_server, variant):
    page, _problems = tab()
    choose_language(page, live_server, variant)
    page.goto(live_server.url + "/signup")
    assert send(page, "main form") == 422
    assert_refused(page, variant)


@pytest.mark.parametrize("variant", LOCALES)
def test_a_profile_step_saved_with_nothing_chosen(tab, live_server, variant):
    page, _problems = tab()
    log_in(page, live_server.url, "bewoner")
    choose_language(page, live_server, variant)
    page.goto(live_server.url + "/profile/work")
    page.evaluate(
        "() => document.querySelectorAll('main form input[type=checkbox]').forEach(b => { b.checked = false; })"
    )
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.locator("main form button[value=save]").click()
    page.wait_for_load_state()
    assert posted.value.status == 422
    assert_refused(page, variant)


@pytest.mark.parametrize("variant", LOCALES)
def test_the_first_questions_with_an_answer_we_do_not_know(tab, live_server, variant):
    page, _problems = tab()
    log_in(page, live_server.url, "bewoner")
    choose_language(page, live_server, variant)
    page.goto(live_server.url + "/profile/start")
    page.evaluate(
        "() => { const box = document.querySelector("
        "'main form input[type=radio], main form input[type=checkbox]');"
        " box.value = 'no-such-answer';"
        " box.checked = true; }"
    )
    assert send(page, "main form") == 422
    assert_refused(page, variant)


@pytest.mark.parametrize("variant", LOCALES)
def test_an_htmx_answer_with_errors_marks_the_title_and_its_fix_unmarks_it(tab, live_server, variant):
    page, _problems = tab()
    choose_language(page, live_server, variant)
    page.goto(live_server.url + "/jobs")
    title = page.title()
    prefix = t("Error:", LOCALES[variant]) + " "
    assert not title.startswith(prefix)
    page.locator("details.filter-fold > summary").click()
    page.evaluate("() => document.getElementById('category').add(new Option('?', 'no-such-kind'))")
    page.locator("#category").select_option("no-such-kind")
    expect(page.locator("#results .notice--error")).to_be_visible()
    expect(page).to_have_title(prefix + title)
    expect(page.locator("#results-status")).to_have_text(t("Check the filters", LOCALES[variant]))
    page.locator("#category").select_option("elderly")
    expect(page.locator("#results .notice--error")).to_have_count(0)
    expect(page).to_have_title(title)


@pytest.mark.parametrize("variant", LOCALES)
def test_a_message_refused_by_htmx_focuses_its_summary_and_marks_the_title(tab, live_server, variant):
    page, _problems = tab()
    log_in(page, live_server.url, "bewoner")
    choose_language(page, live_server, variant)
    page.goto(live_server.url + "/messages")
    page.evaluate("() => { window.__stillHere = true; }")
    page.locator("#message-form textarea").fill("Een heel lang verhaal. " * 100)
    page.locator("#message-form button[type=submit]").click()
    expect(page.locator("#message-form .error-summary")).to_be_visible()
    assert page.evaluate("window.__stillHere === true"), "not an htmx answer"
    assert_refused(page, variant)


# --- 5. unique names for repeated buttons ---------------------------------------------------


def computed_names(page):
    """Every button's and summary's accessible name in <main>, as Chromium's
    accessibility tree has it (the same the screen reader gets)."""
    cdp = page.context.new_cdp_session(page)
    try:
        tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    names = []
    for node in tree:
        role = node.get("role", {}).get("value")
        if node.get("ignored") or role not in ("button", "DisclosureTriangle"):
            continue
        names.append(node.get("name", {}).get("value", ""))
    return names


def assert_unique(page, names):
    repeated = sorted({name for name in names if names.count(name) > 1})
    assert not repeated, (page.url, repeated)


def coach_thread(server):
    return f"/caseload/{user_id(server, 'bewoner')}/messages"


def participant(server):
    return f"/caseload/{user_id(server, 'bewoner')}"


PAGES = [
    ("bewoner", lambda s: "/messages", True),
    ("bewoner", lambda s: "/coach", True),
    ("coach", coach_thread, True),
    ("coach", participant, True),
    ("gemeente", lambda s: "/gemeente", False),
]


@pytest.mark.parametrize("variant", LOCALES)
@pytest.mark.parametrize(
    ("who", "path", "reads_aloud"), PAGES, ids=["messages", "coach", "coach-thread", "participant", "gemeente"]
)
def test_repeated_buttons_have_names_of_their_own(tab, live_server, variant, who, path, reads_aloud):
    page, problems = tab()
    log_in(page, live_server.url, who)
    choose_language(page, live_server, variant)
    page.goto(live_server.url + path(live_server))
    locale = LOCALES[variant]
    if reads_aloud:
        buttons = page.locator("#thread-messages button.read-aloud")
        expect(buttons.first).to_be_visible()
        assert buttons.count() >= 2
        # The name starts with the words on the button (WCAG 2.5.3) and says what it reads.
        named = re.compile("^" + re.escape(t("Read aloud", locale)) + ": .+, .+")
        for index in range(buttons.count()):
            expect(buttons.nth(index)).to_have_text(t("Read aloud", locale))
            expect(buttons.nth(index)).to_have_accessible_name(named)
        names = [name for name in computed_names(page) if name.startswith(t("Read aloud", locale))]
        assert any(t("message from %(name)s", locale, name="").strip() in name for name in names), names
    else:
        tables = page.locator("main summary", has_text=t("The numbers as a table", locale))
        expect(tables).to_have_count(5)  # status, weeks, proofs, jobs, interests
        names = [name for name in computed_names(page) if name.startswith(t("The numbers as a table", locale))]
        assert len(names) == 5 and t("Votes per week", locale) in " ".join(names), names
        assert t("Votes by proof", locale) in " ".join(names), names
    if who != "coach" or "messages" in path(live_server):
        # Every button and summary of these pages (the participant page repeats
        # "Change" for each step of the plan: its read-aloud buttons are checked above).
        assert_unique(page, computed_names(page))
    assert_unique(page, [name for name in computed_names(page) if name.startswith(t("Read aloud", locale))])
    assert problems == []


def test_the_stop_button_keeps_its_context(tab, live_server):
    page, _problems = tab()
    log_in(page, live_server.url, "bewoner")
    page.goto(live_server.url + "/messages")
    button = page.locator("#thread-messages button.read-aloud").first
    expect(button).to_have_accessible_name(re.compile("^" + re.escape(t("Read aloud")) + ": .+, "))
    about = button.get_attribute("aria-label")[len(t("Read aloud")) :]
    button.click()
    expect(button).to_have_text(t("Stop reading"))
    expect(button).to_have_accessible_name(t("Stop reading") + about)
    button.click()
    expect(button).to_have_accessible_name(t("Read aloud") + about)
