"""What waits in the phone's outbox when a session ends (Chromium, 390 x 844).

It stays, held for the person who wrote it: another person logging in on the
same phone neither sees nor sends it; the writer, back, gets it sent once
and is told so.
"""

import sqlite3

import pytest
from browser_support import SENDING, job_with_interest, kept, log_in, query, t, user_id, worker_ready
from playwright.sync_api import expect
from test_pwa_browser import FlakyServer, go_offline, outbox

pytestmark = pytest.mark.browser

RESIDENT = "bewoner"
SOMEONE_ELSE = "bewoner2"
TEXT = "Geschreven in de bus, verstuurd na het inloggen."


@pytest.fixture
def server(make_app):
    live = FlakyServer(make_app()).start()
    yield live
    live.stop()


def log_out(page, server):
    page.goto(server.url + "/settings")
    page.locator("main form[action='/logout'] button").click()
    page.wait_for_selector("body[data-logged-out][data-pwa-forgotten]")


def stored(server, text):
    return query(server, "SELECT sender_id FROM messages WHERE body = ?", (text,))


def test_a_message_waiting_at_logout_is_sent_for_its_writer_only(browser, browser_context_args, server):
    context = browser.new_context(**browser_context_args)
    try:
        page = context.new_page()
        log_in(page, server.url, RESIDENT)
        worker_ready(page)
        page.goto(server.url + "/messages")
        kept(page)

        # Written offline; back online Basisbaan is down, so it still waits at logout.
        go_offline(context)
        page.reload()
        page.locator("#message-form textarea").fill(TEXT)
        page.locator("#message-form button[type=submit]").click()
        expect(page.locator("[data-outbox-item]")).to_contain_text(TEXT)
        server.down.add("/messages")
        context.set_offline(False)
        log_out(page, server)
        server.down.clear()
        [item] = outbox(page)
        assert item["user"] == str(user_id(server, RESIDENT)) and item["held"] is True
        for path in ("/messages", "/settings"):  # the kept pages go all the same
            assert not page.evaluate("(url) => caches.match(url).then(r => !!r)", server.url + path), path

        # Someone else on this phone: not sent, not shown.
        posts = server.posts.count("/messages")
        log_in(page, server.url, SOMEONE_ELSE)
        page.goto(server.url + "/messages")
        page.wait_for_timeout(1500)
        expect(page.locator("[data-outbox-item]")).to_have_count(0)
        expect(page.locator("main")).not_to_contain_text(TEXT)
        expect(page.locator("[data-pwa-held-sent]")).to_have_count(0)
        assert server.posts.count("/messages") == posts
        assert stored(server, TEXT) == []
        assert len(outbox(page)) == 1
        log_out(page, server)

        # The writer is back: sent once, and told so.
        log_in(page, server.url, RESIDENT)
        note = page.locator("[data-pwa-held-sent]")
        expect(note).to_have_text(
            t("You wrote 1 thing before you were logged out. It waited on this phone and is sent now."),
            timeout=SENDING,
        )
        page.wait_for_timeout(1500)  # room for a second, wrong, post
        assert [row["sender_id"] for row in stored(server, TEXT)] == [user_id(server, RESIDENT)]
        assert server.posts.count("/messages") == posts + 1
        assert outbox(page) == []
        page.goto(server.url + "/messages")
        expect(page.locator("#thread-messages .message__body", has_text=TEXT)).to_have_count(1)
        expect(page.locator("[data-outbox-item]")).to_have_count(0)
    finally:
        context.close()


def test_basisbaans_own_503_keeps_the_message_waiting(browser, browser_context_args, server):
    """A locked database answers 503 with Basisbaan-Not-Saved: the message waits
    in the outbox and is sent once the database writes again."""
    context = browser.new_context(**browser_context_args)
    try:
        page = context.new_page()
        log_in(page, server.url, RESIDENT)
        page.goto(server.url + "/messages")
        server.app.config["DATABASE_BUSY_TIMEOUT"] = 50
        other = sqlite3.connect(server.app.config["DATABASE"], isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            page.locator("#message-form textarea").fill("Tijdens het slot")
            page.locator("#message-form button[type=submit]").click()
            expect(page.locator("[data-outbox-item]")).to_contain_text("Tijdens het slot")
            assert stored(server, "Tijdens het slot") == []
            # Sent again while still locked: not sent, but Basisbaan answered (no
            # "cannot reach Basisbaan"), and the item stays.
            state = page.evaluate("BasisbaanOutbox.flush('/csrf')")
            assert state["failed"] and state["reached"] and not state["unreachable"], state
            assert len(outbox(page)) == 1
        finally:
            other.execute("ROLLBACK")
            other.close()
        sent = page.locator("#thread-messages .message__body", has_text="Tijdens het slot")
        expect(sent).to_have_count(1, timeout=SENDING)
        assert len(stored(server, "Tijdens het slot")) == 1
    finally:
        context.close()


def test_a_form_without_the_outbox_shows_the_not_saved_notice(browser, browser_context_args, server):
    """An htmx form that does not wait in the outbox (taking an interest back):
    Basisbaan's notice shows above it, and the form is still there to try again."""
    context = browser.new_context(**browser_context_args)
    try:
        page = context.new_page()
        log_in(page, server.url, RESIDENT)
        job = job_with_interest(server, RESIDENT)
        page.goto(server.url + f"/jobs/{job['id']}")
        server.app.config["DATABASE_BUSY_TIMEOUT"] = 50
        other = sqlite3.connect(server.app.config["DATABASE"], isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            page.locator("#interest form button[type=submit]").click()
            notice = page.locator("[data-not-saved]")
            expect(notice).to_have_text(
                t(
                    "Basisbaan could not save this right now. Nothing was saved. "
                    "What you wrote is still here. Try again in a minute."
                )
            )
            expect(page.locator("#interest form button[type=submit]")).to_be_visible()
        finally:
            other.execute("ROLLBACK")
            other.close()
        page.locator("#interest form button[type=submit]").click()
        expect(page.locator("[data-not-saved]")).to_have_count(0)
        expect(page.locator("#interest")).to_contain_text(
            t("You took back your interest. You can still change your mind.")
        )
    finally:
        context.close()
