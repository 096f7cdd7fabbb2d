"""Browser tests of the app on the phone on a flaky line (Chromium, 390 x 844):
never a false alarm, nothing lost or doubled, every visited page kept.

One failed page load while online still shows the page (the worker tries
once more); two say "cannot be reached right now" with "Try again", never
"offline"; a saved copy says the same and its banner goes by itself; a
message, a vote and an interest whose answer was lost after the server
saved them are marked sent after the next answer (each stored once); a
failed poll never says "not sent" (online or offline); back online, the
banner and the notes go without a reload; a filter that cannot load says
"cannot reach"; pages of the first visit, opened before the worker took
over, read offline (not those marked no-store, which are not even fetched).

``context.route`` sees the page's and the service worker's requests: these
tests fail chosen requests (never a random share, so they always fail the
same way), and drop answers after the server saved (``route.fetch()`` lets
the request reach the server, then ``route.abort()`` loses its answer). The
database then says whether anything was lost or doubled.
"""

import re
import time
from urllib.parse import parse_qs

import pytest
from browser_support import (
    SENDING,
    job_with_interest,
    kept,
    log_in,
    open_job_without_interest,
    query,
    t,
    user_id,
    wait_until,
    worker_ready,
)
from playwright.sync_api import expect
from proposal_support import OPEN_VOGELBUURT

pytestmark = pytest.mark.browser

RESIDENT = "bewoner"
WAITING = "Waiting to be sent. We send it as soon as the connection works."


@pytest.fixture
def phone(browser, browser_context_args):
    """A fresh browser context (one phone); closed afterwards."""
    contexts = []

    def make(**extra):
        context = browser.new_context(**{**browser_context_args, **extra})
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


class Line:
    """A flaky line: fail the next ``n`` requests matching a rule, before they
    reach the server (``drop``) or after the server answered (``lose``)."""

    def __init__(self, context):
        self.context = context
        self.rules = []  # [method, path regex, how, count left, extra test on the body]
        self.failed = []  # (method, path, how) of each request failed
        context.route("**/*", self._handle)

    def drop(self, path, method="GET", times=1, body=None):
        self.rules.append([method, re.compile(path), "drop", times, body])

    def lose(self, path, method="POST", times=1, body=None):
        self.rules.append([method, re.compile(path), "lose", times, body])

    def heal(self):
        self.rules.clear()

    def count(self, how=None, path=""):
        return sum(1 for _m, p, h in self.failed if (how is None or h == how) and path in p)

    def wait_for(self, page, how, path, count=1, seconds=10):
        """Wait (letting the browser run) until ``count`` requests to ``path`` failed so."""
        deadline = time.monotonic() + seconds
        while self.count(how, path) < count:
            assert time.monotonic() < deadline, f"no {how} of {path} after {seconds} s: {self.failed}"
            page.wait_for_timeout(50)

    def _handle(self, route):
        request = route.request
        path = re.sub(r"^https?://[^/]+", "", request.url)
        for rule in self.rules:
            method, pattern, how, left, body = rule
            if left <= 0 or request.method != method or not pattern.search(path):
                continue
            if body is not None and not body(request.post_data or ""):
                continue
            rule[3] -= 1
            self.failed.append((request.method, path, how))
            if how == "lose":
                route.fetch()  # the server gets it and saves it; its answer is lost
            route.abort("connectionreset")
            return
        route.continue_()


def rows(server, sql, params=()):
    return query(server, sql, params)


def outbox(page):
    return page.evaluate("BasisbaanOutbox.all()")


# --- a failed page load is no reason to say "offline" ---------------------------------------------


def test_one_failed_page_load_online_still_shows_the_page(phone, live_server):
    context = phone()
    page = context.new_page()
    page.goto(live_server.url + "/jobs")
    worker_ready(page)
    line = Line(context)
    job = open_job_without_interest(live_server, RESIDENT)  # never opened on this phone
    line.drop(rf"^/jobs/{job['id']}$")
    page.goto(live_server.url + f"/jobs/{job['id']}")
    expect(page.locator("h1")).to_have_text(job["title_nl"])
    assert line.count("drop") == 1
    expect(page.locator("body[data-offline-page]")).to_have_count(0)
    expect(page.locator("[data-pwa-banner]")).to_have_count(0)


def test_a_page_that_cannot_be_reached_says_so_and_offers_to_try_again(phone, live_server):
    context = phone()
    page = context.new_page()
    page.goto(live_server.url + "/jobs")
    worker_ready(page)
    line = Line(context)
    job = open_job_without_interest(live_server, RESIDENT)
    path = f"/jobs/{job['id']}?plain=0"
    line.drop(rf"^/jobs/{job['id']}", times=2)  # the load and its one retry
    page.goto(live_server.url + path)
    expect(page.locator("h1")).to_have_text(t("Basisbaan cannot be reached right now"))
    expect(page.locator("body[data-offline-page='unreachable']")).to_have_count(1)
    expect(page.locator("main")).not_to_contain_text(t("You are offline"))
    again = page.locator("a[data-retry]")
    expect(again).to_have_text(t("Try again"))
    expect(again).to_have_attribute("href", path)
    assert line.count("drop") == 2
    again.click()  # the line works again
    expect(page.locator("h1")).to_have_text(job["title_nl"])


def test_a_saved_page_that_cannot_be_reached_says_so_not_offline(phone, live_server):
    context = phone()
    page = context.new_page()
    page.goto(live_server.url + "/jobs")
    worker_ready(page)
    page.goto(live_server.url + "/proposals")
    kept(page)
    line = Line(context)
    line.drop(r"^/jobs$", times=2)
    page.goto(live_server.url + "/jobs")
    expect(page.locator("#results .job-card").first).to_be_visible()
    banner = page.locator("[data-pwa-banner]")
    expect(banner).to_contain_text(
        t("We cannot reach Basisbaan right now. This page is from %(time)s.", time="{time}").split("{time}")[0]
    )
    expect(banner).not_to_contain_text(t("You are offline. This page is from %(time)s.", time="").strip())
    # Basisbaan answers again: the banner goes by itself (the page looks again after a few seconds).
    page.evaluate("window.__same = true")
    expect(banner).to_have_count(0, timeout=SENDING)
    assert page.evaluate("window.__same") is True  # no reload


# --- writing on a flaky line: nothing lost or doubled, no false "not sent" -------------------------


def client_id_of(form_body):
    return parse_qs(form_body).get("client_id", [""])[0]


def send_message(page, text):
    page.locator("#message-form textarea").fill(text)
    button = page.locator("#message-form button[type=submit]")
    # Away from the bottom edge, where the bar of main places comes back when the field loses focus.
    button.evaluate("b => b.scrollIntoView({ block: 'center' })")
    button.click()


BY_THE_POLL = 3_500  # ms: well before pwa.js looks again by itself (5 s)


def poll_in_the_background(page):
    """What the thread's poll does, started by a script (no event of the person's)."""
    # A script's click on "look for new messages": the poll's own fetch, no event of the person's.
    page.evaluate("() => document.querySelector('[data-poll-now]').click()")


def test_messages_on_a_flaky_line_arrive_once_and_say_only_what_is_true(phone, live_server):
    context = phone()
    page = context.new_page()
    log_in(page, live_server.url, RESIDENT)
    worker_ready(page)
    page.goto(live_server.url + "/messages")
    kept(page)
    line = Line(context)
    resident = user_id(live_server, RESIDENT)
    texts = ["Eén: de bus was te laat.", "Twee: ik ben er om tien uur.", "Drie: tot straks."]
    thread = page.locator("#thread-messages")
    not_sent = page.locator("[data-pwa-not-sent]")

    # 1. The answer is lost after the server saved it: it waits in the outbox, with no red note.
    first = page.locator("#message-form input[name=client_id]").input_value()
    line.lose(r"^/messages$")
    # Its repeats fail too, for now (Background Sync tries at once, then waits minutes).
    line.drop(r"^/messages$", method="POST", times=99, body=lambda b: client_id_of(b) == first)
    send_message(page, texts[0])
    waiting = page.locator("[data-outbox-item]")
    expect(waiting).to_contain_text(t(WAITING))
    expect(waiting).to_contain_text(texts[0])
    assert [item["id"] for item in outbox(page)] == [first]
    # 2. A poll in the background fails: no note about a message not sent, no banner.
    line.drop(r"^/messages/poll|^/messages\?", times=1)
    poll_in_the_background(page)
    page.wait_for_timeout(300)
    expect(not_sent).to_have_count(0)
    expect(page.locator("[data-pwa-banner]")).to_have_count(0)
    expect(page.locator(".notice--error")).to_have_count(0)
    expect(waiting).to_have_count(1)

    # 3. The next message goes through, and so does the first, again: the server answers
    # the repeat with the first result, and the first is marked sent.
    line.wait_for(page, "drop", "/messages")  # Background Sync tried at once; its next try is minutes away
    line.heal()
    send_message(page, texts[1])
    for text in texts[:2]:
        expect(thread.locator(".message__body", has_text=text)).to_have_count(1, timeout=SENDING)
    expect(waiting).to_have_count(0, timeout=SENDING)
    expect(not_sent).to_have_count(0)

    # 4. A message whose request never left: waits, then goes with the next answer.
    third = page.locator("#message-form input[name=client_id]").input_value()
    line.drop(r"^/messages$", method="POST", times=99, body=lambda b: client_id_of(b) == third)
    send_message(page, texts[2])
    expect(waiting).to_contain_text(texts[2])
    expect(not_sent).to_have_count(0)
    line.heal()
    poll_in_the_background(page)  # an answer from Basisbaan: send what waits
    # Sooner than the page's own next look (5 s after the message waited): the poll's answer sent it.
    expect(thread.locator(".message__body", has_text=texts[2])).to_have_count(1, timeout=BY_THE_POLL)
    expect(waiting).to_have_count(0)
    assert outbox(page) == []

    page.wait_for_timeout(500)  # room for a wrong, second post
    for text in texts:
        saved = rows(live_server, "SELECT * FROM messages WHERE sender_id = ? AND body = ?", (resident, text))
        assert len(saved) == 1, text
    expect(page.locator("[data-pwa-banner]")).to_have_count(0)
    expect(page.locator(".notice--error")).to_have_count(0)


def go_offline(context):
    """Offline, and wait until the service worker knows it too."""
    context.set_offline(True)
    for worker in context.service_workers:
        for _attempt in range(100):
            if worker.evaluate("navigator.onLine") is False:
                break
            time.sleep(0.02)


def test_back_online_the_banner_and_notes_go_by_themselves(phone, live_server):
    context = phone()
    page = context.new_page()
    log_in(page, live_server.url, RESIDENT)
    worker_ready(page)
    page.goto(live_server.url + "/messages")
    kept(page)
    go_offline(context)
    page.reload()
    banner = page.locator("[data-pwa-banner]")
    expect(banner).to_contain_text(
        t("You are offline. This page is from %(time)s.", time="{time}").split("{time}")[0].strip()
    )
    text = "Ik kom morgen iets later."
    send_message(page, text)
    waiting = page.locator("[data-outbox-item]")
    expect(waiting).to_contain_text(t(WAITING))
    poll_in_the_background(page)  # fails: the phone is offline
    page.wait_for_timeout(300)
    expect(page.locator("[data-pwa-not-sent]")).to_have_count(0)
    expect(page.locator(".notice--error")).to_have_count(0)
    page.evaluate("window.__same = true")

    context.set_offline(False)
    expect(page.locator("#thread-messages .message__body", has_text=text)).to_have_count(1, timeout=SENDING)
    expect(waiting).to_have_count(0)
    expect(banner).to_have_count(0)
    expect(page.locator(".notice--error")).to_have_count(0)
    assert page.evaluate("window.__same") is True  # no reload needed
    resident = user_id(live_server, RESIDENT)
    saved = rows(live_server, "SELECT id FROM messages WHERE sender_id = ? AND body = ?", (resident, text))
    assert len(saved) == 1


def vote_count(server, proposal_id):
    return rows(server, "SELECT vote_count FROM proposals WHERE id = ?", (proposal_id,))[0]["vote_count"]


def test_a_vote_whose_answer_was_lost_is_marked_sent_once_basisbaan_answers(phone, live_server):
    context = phone()
    page = context.new_page()
    log_in(page, live_server.url, RESIDENT)
    worker_ready(page)
    path = f"/proposals/{OPEN_VOGELBUURT}"
    page.goto(live_server.url + path)
    before = vote_count(live_server, OPEN_VOGELBUURT)
    line = Line(context)
    box = page.locator(f"#vote-{OPEN_VOGELBUURT}")
    vote_id = box.locator("form[data-outbox] input[name=client_id]").input_value()
    line.lose(path + "/vote$")
    line.drop(path + "/vote$", method="POST", times=99, body=lambda b: client_id_of(b) == vote_id)
    box.locator("form[data-outbox] button[type=submit]").click()
    expect(box.locator("[data-outbox-item]")).to_contain_text(t(WAITING))
    expect(page.locator(".notice--error")).to_have_count(0)
    assert vote_count(live_server, OPEN_VOGELBUURT) == before + 1  # saved, though the phone did not hear it

    # Background Sync tried at once (or the page, 5 s later); its own next try is minutes away.
    line.wait_for(page, "drop", path + "/vote")
    line.heal()  # the page looks again a few seconds later, and sends the vote once more
    expect(box).to_contain_text(t("Thank you. Your vote counts."), timeout=SENDING)
    expect(box.locator("[data-outbox-item]")).to_have_count(0)
    assert outbox(page) == []
    voter = user_id(live_server, RESIDENT)
    votes = rows(
        live_server, "SELECT * FROM votes WHERE proposal_id = ? AND user_id = ?", (OPEN_VOGELBUURT, voter)
    )
    assert len(votes) == 1
    assert vote_count(live_server, OPEN_VOGELBUURT) == before + 1


def test_an_interest_whose_answer_was_lost_is_marked_sent_once(phone, live_server):
    context = phone()
    page = context.new_page()
    log_in(page, live_server.url, RESIDENT)
    worker_ready(page)
    job = open_job_without_interest(live_server, RESIDENT)
    path = f"/jobs/{job['id']}/interest"
    page.goto(live_server.url + f"/jobs/{job['id']}")
    line = Line(context)
    form = page.locator("#interest form[data-outbox]")
    interest_id = form.locator("input[name=client_id]").input_value()
    line.lose(path + "$")
    line.drop(path + "$", method="POST", times=99, body=lambda b: client_id_of(b) == interest_id)
    page.locator("#message").fill("Ik kan op dinsdag.")
    form.locator("button[type=submit]").click()
    expect(page.locator("[data-outbox-item]")).to_contain_text(t(WAITING))
    expect(page.locator(".notice--error")).to_have_count(0)
    line.wait_for(page, "drop", path)
    line.heal()
    expect(page.locator("#interest")).to_contain_text(
        t("Your coach can now see that you want this job."), timeout=SENDING
    )
    expect(page.locator("[data-outbox-item]")).to_have_count(0)
    saved = rows(
        live_server,
        "SELECT * FROM interests WHERE job_id = ? AND user_id = ?",
        (job["id"], user_id(live_server, RESIDENT)),
    )
    assert len(saved) == 1 and saved[0]["client_id"] == interest_id and saved[0]["message"] == "Ik kan op dinsdag."


# --- the first visit's pages, opened before the service worker took over ---------------------------


# The worker cannot start yet (on a slow line it takes a while): pages load without it
# until the tab's localStorage says "start".
NO_WORKER_YET = """
if (!localStorage.getItem('start-worker')) {
  ServiceWorkerContainer.prototype.register = () => Promise.reject(new Error('not yet'));
}
"""


def test_pages_opened_before_the_worker_took_over_read_offline(phone, live_server):
    context = phone()
    context.add_init_script(NO_WORKER_YET)
    page = context.new_page()
    log_in(page, live_server.url, RESIDENT)  # /login, then /jobs
    job = job_with_interest(live_server, RESIDENT)
    for path in ("/jobs", f"/jobs/{job['id']}", "/profile/data", f"/proposals/{OPEN_VOGELBUURT}"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
    assert page.evaluate("navigator.serviceWorker.controller") is None
    listed = page.evaluate("JSON.parse(sessionStorage.getItem('bb-earlier')).map(e => e.path)")
    assert listed == ["/jobs", f"/jobs/{job['id']}", "/profile/data", f"/proposals/{OPEN_VOGELBUURT}"]
    private = live_server.requests.count("/profile/data")
    page.evaluate("localStorage.setItem('start-worker', '1')")
    page.goto(live_server.url + "/interests")  # the worker starts here, and takes over
    worker_ready(page)
    for path in ("/jobs", f"/jobs/{job['id']}", f"/proposals/{OPEN_VOGELBUURT}", "/interests"):
        wait_until(page, f"() => caches.match('{live_server.url}{path}').then(r => !!r)")
    # "Your data" is marked no-store: never kept, not even fetched again.
    assert not page.evaluate(f"caches.match('{live_server.url}/profile/data').then(r => !!r)")
    assert live_server.requests.count("/profile/data") == private
    wait_until(page, "() => sessionStorage.getItem('bb-earlier') === null")  # handed over, and done

    go_offline(context)
    page.goto(live_server.url + f"/jobs/{job['id']}")
    expect(page.locator("h1")).to_have_text(job["title_nl"])
    page.goto(live_server.url + f"/proposals/{OPEN_VOGELBUURT}")
    title = rows(live_server, "SELECT title FROM proposals WHERE id = ?", (OPEN_VOGELBUURT,))[0]["title"]
    expect(page.locator("h1")).to_have_text(title)
    page.goto(live_server.url + "/jobs")
    expect(page.locator("#results .job-card").first).to_be_visible()
    expect(page.locator("body[data-offline-page]")).to_have_count(0)


def test_the_first_visits_list_is_for_the_person_who_made_it(phone, live_server):
    context = phone()
    context.add_init_script(NO_WORKER_YET)
    page = context.new_page()
    log_in(page, live_server.url, RESIDENT)
    page.goto(live_server.url + "/interests")
    page.wait_for_load_state("load")
    listed = page.evaluate("JSON.parse(sessionStorage.getItem('bb-earlier') || '[]').map(e => e.path)")
    assert "/interests" in listed
    page.goto(live_server.url + "/settings")
    page.locator("main form[action='/logout'] button").click()
    page.wait_for_selector("body[data-logged-out]")
    # Logged out: the list holds nothing of hers (the next person's worker never fetches her pages).
    listed = page.evaluate("JSON.parse(sessionStorage.getItem('bb-earlier') || '[]')")
    assert all(entry["user"] == "" for entry in listed)


def test_a_filter_that_cannot_load_says_cannot_reach_then_clears(phone, live_server):
    """A GET the person asked for sent nothing: never "not sent"; the banner says
    Basisbaan cannot be reached, and goes with the next answer."""
    context = phone()
    page = context.new_page()
    page.goto(live_server.url + "/jobs")
    expect(page.locator("#results .job-card").first).to_be_visible()
    line = Line(context)
    line.drop(r"^/jobs\?")
    page.locator(".filter-fold summary").click()
    page.locator("#q").fill("tuin")  # typed: the person's own event
    banner = page.locator("[data-pwa-banner]")
    expect(banner).to_contain_text(
        t("We cannot reach Basisbaan right now. This page is from %(time)s.", time="{time}").split("{time}")[0]
    )
    expect(page.locator("[data-pwa-not-sent]")).to_have_count(0)
    assert line.count("drop") == 1
    page.locator("#q").fill("bus")  # the line works again
    expect(banner).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/jobs\?.*q=bus"))
