"""Coach and resident side by side, two browser contexts at 390 x 844.

The coach makes an account with a start code; the resident activates it and
sends a message; the coach sees it appear without reloading, answers and
plans an appointment; the resident accepts it. Also: the thread without
JavaScript, and Enter to send.
"""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from browser_support import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    assert_tap_targets,
    csp_errors,
    log_in,
    nt,
    query,
    t,
)
from playwright.sync_api import expect

from webapp.coaching.queries import today_local

pytestmark = pytest.mark.browser

# ms: an open thread polls after 10 s, then less often while nothing is new (up to
# every 2 minutes; tests/browser/test_browser_poll.py); a page opened just before waits less.
POLL_WAIT = 75_000


def mark_no_reload(page):
    """A flag on the window: it is gone after any navigation or reload."""
    page.evaluate("window.bbStillHere = true")


def still_same_page(page):
    return page.evaluate("window.bbStillHere === true")


def test_coach_and_resident_side_by_side(browser, browser_context_args, live_server):
    base = live_server.url
    coach_context = browser.new_context(**browser_context_args)
    resident_context = browser.new_context(**browser_context_args)
    coach = coach_context.new_page()
    resident = resident_context.new_page()
    coach_problems, resident_problems = csp_errors(coach), csp_errors(resident)

    # The coach makes an account and gets a start code, large and as a QR code.
    log_in(coach, base, "coach")
    coach.goto(base + "/caseload")
    coach.locator("main a[href='/caseload/new']").click()
    coach.locator("#display_name").fill("Noor Visser")
    coach.locator("main form button[type=submit]").click()
    code = coach.locator(".start-code__code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    expect(coach.locator(".start-code__username")).to_have_text("noor.visser")
    expect(coach.locator(".start-code__qr svg")).to_be_visible()
    box = coach.locator(".start-code__qr svg").bounding_box()
    assert box["width"] >= 150  # big enough to scan from a phone
    font = coach.locator(".start-code__code").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert font >= 28

    # The coach opens the new participant's page and waits there.
    coach.locator("main .actions a", has_text="Noor Visser").click()
    expect(coach.locator("h1")).to_have_text("Noor Visser")
    expect(coach.locator("#thread-empty")).to_be_visible()
    mark_no_reload(coach)

    # The resident activates the account with the code and sends a message.
    resident.goto(base + "/activate")
    resident.locator("#code").fill(code.lower().replace("-", " "))
    resident.locator("#password").fill("mijn eigen lange zin")
    resident.locator("#confirm").fill("mijn eigen lange zin")
    resident.locator("main form button[type=submit]").click()
    expect(resident).to_have_url(re.compile(r"/profile/start$"))
    resident.locator("nav.main-nav a[href='/coach']").click()
    expect(resident.locator("#coach-name")).to_have_text("Sanne de Vries")
    mark_no_reload(resident)
    resident.locator("#body").fill("Hallo Sanne, ik ben Noor. Wanneer kunnen we praten?")
    resident.locator("#message-form button[type=submit]").click()
    mine = resident.locator("#thread-messages .message--mine")
    expect(mine).to_have_count(1)
    expect(mine).to_contain_text("Wanneer kunnen we praten?")
    expect(mine).to_contain_text(t("Not read yet"))
    expect(resident.locator("#body")).to_have_value("")
    assert still_same_page(resident)

    # The coach sees it appear without reloading.
    incoming = coach.locator("#thread-messages .message--theirs")
    expect(incoming).to_contain_text("Wanneer kunnen we praten?", timeout=POLL_WAIT)
    expect(coach.locator("#thread-empty")).to_have_count(0)
    assert still_same_page(coach)

    # The coach answers with the big button; the resident sees the answer and "read".
    coach.locator("#body").fill("Hoi Noor, welkom! Ik plan een afspraak voor ons.")
    coach.locator("#message-form button[type=submit]").click()
    expect(coach.locator("#thread-messages .message--mine")).to_contain_text("welkom")
    assert still_same_page(coach)
    expect(resident.locator("#thread-messages .message--theirs")).to_contain_text("welkom", timeout=POLL_WAIT)
    expect(mine).to_contain_text(t("Read"), timeout=POLL_WAIT)
    assert still_same_page(resident)

    # The coach plans an appointment.
    day = today_local() + timedelta(days=3)
    coach.locator("main a", has_text=t("Plan an appointment")).first.click()
    coach.locator("#day").fill(day.isoformat())
    coach.locator("#time").fill("10:30")
    coach.locator("#place").fill("Wijkcentrum De Hoven, kamer 2")
    coach.locator("main form button[type=submit]").click()
    card = coach.locator("#appointments ~ .appointment").first
    expect(card).to_contain_text("Wijkcentrum De Hoven, kamer 2")
    expect(card).to_contain_text(t("Waiting for an answer."))

    # The resident is told, opens the appointment and accepts it.
    resident.goto(base + "/notifications")
    planned = t("Your coach planned or changed an appointment.")
    resident.locator(".notification__open", has_text=planned).click()
    expect(resident).to_have_url(re.compile(r"/appointments$"))
    appointment = resident.locator(".appointment").first
    expect(appointment).to_contain_text("10:30")
    appointment.locator("button", has_text=t("Yes, this suits me")).click()
    expect(resident.locator(".appointment").first).to_contain_text(t("You accepted this appointment."))
    with resident.expect_download() as download:
        calendar = t("Add to my calendar")
        resident.locator(".appointment").first.locator("a", has_text=calendar).click()
    ics = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"DTSTART;TZID=Europe/Amsterdam:{day.strftime('%Y%m%d')}T103000" in ics

    coach.reload()
    expect(coach.locator("#appointments ~ .appointment").first).to_contain_text(t("Accepted."))
    assert coach_problems == [] and resident_problems == []
    coach_context.close()
    resident_context.close()


def test_enter_sends_and_shift_enter_makes_a_new_line(browser, browser_context_args, live_server):
    # With a physical keyboard (a mouse or touchpad: a fine pointer that hovers).
    desktop = {**browser_context_args, "is_mobile": False, "has_touch": False}
    context = browser.new_context(**desktop)
    page = context.new_page()
    log_in(page, live_server.url, "bewoner")
    page.goto(live_server.url + "/messages")
    expect(page.locator(".message-form__enter")).to_be_visible()
    before = page.locator("#thread-messages .message").count()
    box = page.locator("#body")
    box.click()
    box.type("Eerste regel")
    box.press("Shift+Enter")
    box.type("tweede regel")
    expect(page.locator("#thread-messages .message")).to_have_count(before)
    box.press("Enter")
    expect(page.locator("#thread-messages .message")).to_have_count(before + 1)
    last = page.locator("#thread-messages .message").last
    expect(last.locator(".message__body")).to_have_text("Eerste regel\ntweede regel")
    expect(page.locator("#body")).to_be_focused()
    expect(page.locator("#body")).to_have_value("")
    context.close()


def test_on_a_phone_enter_makes_a_new_line_and_the_button_sends(page, live_server):
    """390 x 844 with touch: no Shift on a phone's keyboard, so Enter never sends
    half a message; the hint about Enter is not shown."""
    log_in(page, live_server.url, "bewoner")
    page.goto(live_server.url + "/messages")
    assert page.evaluate("matchMedia('(hover: hover) and (pointer: fine)').matches") is False
    expect(page.locator(".message-form__enter")).to_be_hidden()
    before = page.locator("#thread-messages .message").count()
    box = page.locator("#body")
    box.tap()
    box.type("Eerste regel")
    box.press("Enter")
    box.type("tweede regel")
    page.wait_for_timeout(300)
    expect(page.locator("#thread-messages .message")).to_have_count(before)
    expect(box).to_have_value("Eerste regel\ntweede regel")
    page.locator("#message-form button[type=submit]").tap()
    expect(page.locator("#thread-messages .message")).to_have_count(before + 1)
    expect(page.locator("#thread-messages .message").last.locator(".message__body")).to_have_text(
        "Eerste regel\ntweede regel"
    )


def test_the_read_aloud_button_does_not_make_a_message_taller(page, live_server):
    """A compact icon button in the message's corner, a 44 px target with a name."""
    log_in(page, live_server.url, "bewoner")
    page.goto(live_server.url + "/messages")
    buttons = page.locator("#thread-messages .message .read-aloud")
    expect(buttons.first).to_be_visible()  # Chromium can speak: the buttons are there
    rows = page.locator("#thread-messages .message")
    assert buttons.count() == rows.count()
    name = t("Read aloud")
    for index in range(rows.count()):
        row = rows.nth(index)
        button = row.locator(".read-aloud")
        box = button.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44  # a full tap target
        assert box["width"] <= 56  # an icon, not a word
        # Its name starts with the visible word, then says which message (one name per button).
        expect(button).to_have_accessible_name(re.compile("^" + re.escape(name) + ": "))
        # Each row is no taller than its text: who, the message, the time (and "read").
        lines = row.evaluate(
            """row => Array.from(row.children).filter(c => !c.classList.contains('read-aloud'))
                      .reduce((sum, c) => sum + c.getBoundingClientRect().height, 0)"""
        )
        padding = row.evaluate(
            "row => { const s = getComputedStyle(row);"
            " return parseFloat(s.paddingTop) + parseFloat(s.paddingBottom)"
            " + parseFloat(s.borderTopWidth) + parseFloat(s.borderBottomWidth); }"
        )
        height = row.bounding_box()["height"]
        assert height <= max(lines + padding, 44 + 8) + 1, (index, height, lines)


def test_a_long_message_is_refused_in_place_and_kept(page, live_server):
    log_in(page, live_server.url, "bewoner")
    page.goto(live_server.url + "/messages")
    text = "Een heel lang verhaal. " * 100
    page.locator("#body").fill(text)
    page.locator("#message-form button[type=submit]").click()
    expect(page.locator("#message-form .error-summary")).to_be_visible()
    expect(page.locator("#body")).to_have_value(text.replace("\r\n", "\n"))
    assert urlpath(page.url) == "/messages"


def test_the_thread_works_without_javascript(browser, browser_context_args, live_server):
    context = browser.new_context(java_script_enabled=False, **browser_context_args)
    page = context.new_page()
    log_in(page, live_server.url, "bewoner")
    page.goto(live_server.url + "/coach")
    page.locator("#body").fill("Zonder JavaScript verstuurd")
    page.locator("#message-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/messages#message-\d+$"))
    expect(page.locator(".notice--success")).to_contain_text(t("Your message is sent."))
    expect(page.locator("#thread-messages")).to_contain_text("Zonder JavaScript verstuurd")
    stored = query(
        live_server, "SELECT COUNT(*) AS n FROM messages WHERE body = ?", ("Zonder JavaScript verstuurd",)
    )[0]["n"]
    assert stored == 1
    context.close()


def test_polls_rest_while_the_tab_is_hidden(page, live_server):
    log_in(page, live_server.url, "bewoner")
    page.goto(live_server.url + "/messages")
    page.evaluate("""() => {
        Object.defineProperty(document, 'hidden', {value: true, configurable: true});
        document.dispatchEvent(new Event('visibilitychange'));
    }""")
    live_server.requests.clear()
    page.wait_for_timeout(11_000)  # past the first poll's time
    assert not [path for path in live_server.requests if path.endswith("/poll")]
    page.evaluate("""() => {
        Object.defineProperty(document, 'hidden', {value: false, configurable: true});
        document.dispatchEvent(new Event('visibilitychange'));
    }""")
    page.wait_for_timeout(500)
    assert [path for path in live_server.requests if path.endswith("/poll")]


def urlpath(url):
    return re.sub(r"^https?://[^/]+", "", url).split("?")[0].split("#")[0]


def test_my_coach_without_a_coach_explains_the_wait(page, live_server):
    """Henk as if he signed up on his own: /coach and /messages say in two
    sentences that the municipality gives a coach, and how long that takes;
    no empty thread, no message box that goes nowhere."""
    import sqlite3

    connection = sqlite3.connect(live_server.app.config["DATABASE"])
    with connection:
        henk = connection.execute("SELECT id FROM users WHERE username = 'bewoner2'").fetchone()[0]
        connection.execute("UPDATE users SET coach_id = NULL WHERE id = ?", (henk,))
        connection.execute("DELETE FROM messages WHERE resident_id = ?", (henk,))
        connection.execute("DELETE FROM appointments WHERE resident_id = ?", (henk,))
    connection.close()
    problems = csp_errors(page)
    log_in(page, live_server.url, "bewoner2")
    wait = nt(
        "The municipality gives you a coach within about %(num)d working day, and you hear it here in the app.",
        "The municipality gives you a coach within about %(num)d working days, and you hear it here in the app.",
        5,
    )
    for path in ("/coach", "/messages"):
        page.goto(live_server.url + path)
        notice = page.locator("#no-coach")
        expect(notice).to_be_visible()
        expect(notice).to_have_text(f"{t('You do not have a coach yet.')} {wait}")
        assert notice.bounding_box()["y"] < 844  # on the first screen
        expect(page.locator("#message-form")).to_have_count(0)
        expect(page.locator("#thread-empty")).to_have_count(0)
        for untrue in (
            t("Messages with %(name)s", name=t("Your coach")),
            t("You have no appointments coming up. Your coach plans them with you."),
            t("There is nothing in the plan yet. Add a first goal together."),
        ):
            expect(page.locator("main")).not_to_contain_text(untrue)
        assert_no_axe_violations(page)
        assert_tap_targets(page, minimum=3)
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + "/coach")
    assert_no_horizontal_scroll(page)
    assert problems == []
