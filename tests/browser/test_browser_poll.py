"""The message poll on a fake clock: it backs off while nothing is new, comes
back quickly when something arrives or the person types, rests while the page
is hidden or the phone is offline, and a failed poll says nothing.

Playwright's ``page.clock`` runs the page's timers; the test steps simulated
time one second at a time and lets each poll's real request finish before the
next step, counting the requests the page makes for ``/poll``.
"""

import sqlite3

import pytest
from browser_support import log_in, query
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MINUTE = 60


class Poll:
    """Counts the page's polls and the simulated second each one started."""

    def __init__(self, page):
        self.page = page
        self.started = []  # simulated seconds since the clock was installed
        self.open = 0
        self.now = 0
        page.on("request", self._request)
        page.on("requestfinished", self._done)
        page.on("requestfailed", self._done)

    @staticmethod
    def _is_poll(request):
        return "/poll" in request.url

    def _request(self, request):
        if self._is_poll(request):
            self.started.append(self.now)
            self.open += 1

    def _done(self, request):
        if self._is_poll(request):
            self.open -= 1

    def settle(self):
        """Let a poll under way finish (real time), so its answer sets the next timer."""
        for _ in range(300):
            if not self.open:
                break
            self.page.wait_for_timeout(10)
        self.page.wait_for_timeout(15)

    def run(self, seconds):
        """Simulated seconds; returns how many polls started meanwhile."""
        before = len(self.started)
        for _ in range(seconds):
            self.now += 1
            self.page.clock.run_for(1000)
            if self.open:
                self.settle()
        return len(self.started) - before

    def gaps(self, since=0):
        times = [t for t in self.started if t >= since]
        return [later - earlier for earlier, later in zip(times, times[1:], strict=False)]


def open_thread(page, live_server):
    log_in(page, live_server.url, "bewoner")
    page.clock.install()
    page.goto(live_server.url + "/messages")
    expect(page.locator("#thread-poll")).to_have_count(1)
    return Poll(page)


def coach_writes(live_server, body):
    resident = query(live_server, "SELECT id, coach_id FROM users WHERE username = 'bewoner'")[0]
    connection = sqlite3.connect(live_server.app.config["DATABASE"])
    try:
        with connection:
            connection.execute(
                "INSERT INTO messages (resident_id, sender_id, from_coach, body, created_at) "
                "VALUES (?, ?, 1, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                (resident["id"], resident["coach_id"], body),
            )
    finally:
        connection.close()


def test_an_idle_thread_polls_less_and_less(page, live_server):
    poll = open_thread(page, live_server)
    assert poll.run(10 * MINUTE) <= 15
    # 10 s, then twice as long each time, and never more than 2 minutes apart.
    assert poll.started[0] <= 11
    gaps = poll.gaps()  # each step may end a second or two late: the request is real
    assert all(later >= earlier - 3 for earlier, later in zip(gaps, gaps[1:], strict=False)), gaps
    assert gaps[0] <= 22 and max(gaps) <= 123 and max(gaps) >= 60, gaps
    assert len(poll.started) >= 5


def test_a_new_message_or_typing_makes_it_quick_again(page, live_server):
    poll = open_thread(page, live_server)
    poll.run(5 * MINUTE)  # backed off by now
    assert poll.gaps()[-1] >= 60
    coach_writes(live_server, "Heb je morgen tijd?")
    waited = 0
    while not page.locator("#thread-messages .message--theirs", has_text="Heb je morgen tijd?").count():
        poll.run(5)
        waited += 5
        assert waited <= 125, "the message never came"
    arrived = poll.now
    poll.run(25)
    assert [t for t in poll.started if arrived < t <= arrived + 11], "no quick poll after a message arrived"
    # The message was added once, and the list kept its place (no reload).
    expect(page.locator("#thread-messages .message--theirs", has_text="Heb je morgen tijd?")).to_have_count(1)

    poll.run(5 * MINUTE)  # backed off again
    page.locator("#body").press_sequentially("Ja")
    typed = poll.now
    poll.run(12)
    assert [t for t in poll.started if typed < t <= typed + 11], "no quick poll while typing"


def test_no_polls_while_hidden_or_offline_and_one_at_once_after(page, live_server):
    poll = open_thread(page, live_server)
    page.evaluate("""() => {
        Object.defineProperty(document, 'hidden', {value: true, configurable: true});
        document.dispatchEvent(new Event('visibilitychange'));
    }""")
    assert poll.run(10 * MINUTE) == 0
    page.evaluate("""() => {
        Object.defineProperty(document, 'hidden', {value: false, configurable: true});
        document.dispatchEvent(new Event('visibilitychange'));
    }""")
    poll.settle()
    assert len(poll.started) == 1  # at once, without waiting for a timer

    page.context.set_offline(True)
    assert poll.run(10 * MINUTE) == 0
    page.context.set_offline(False)
    poll.settle()
    assert len(poll.started) == 2


def test_a_failed_poll_is_silent_and_counts_as_nothing_new(page, live_server):
    poll = open_thread(page, live_server)
    page.route("**/poll?*", lambda route: route.abort())
    assert poll.run(10 * MINUTE) <= 15
    assert max(poll.gaps()) >= 60  # backed off, as when nothing is new
    # Nothing says a message was not sent: no message was sent.
    expect(page.locator("[data-pwa-not-sent]")).to_have_count(0)
    expect(page.locator("main .notice--error, main .notice--warning")).to_have_count(0)


def test_look_for_new_messages_asks_at_once_and_without_javascript_reloads(page, live_server):
    poll = open_thread(page, live_server)
    coach_writes(live_server, "Kijk je even?")
    page.locator("#thread-check").click()
    poll.settle()
    assert len(poll.started) == 1
    expect(page.locator("#thread-messages .message--theirs", has_text="Kijk je even?")).to_have_count(1)
    assert page.evaluate("location.pathname") == "/messages"
