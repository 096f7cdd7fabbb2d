"""Browser tests of the app on the phone (Chromium, 390 x 844):

installable; readable offline after one visit (jobs, interests, messages,
the plan); an interest, a message and a vote written offline are each sent
once; the offline page for a page never seen; read aloud (a job, a message,
a proposal in another language, the plan); logging out wipes the phone (what
waits in the outbox stays for its writer); the
home-screen offer; notifications on/off; a new version of the service
worker takes over whole.

Offline is real: the test server counts the requests it gets, and none may
arrive while the browser is offline (Playwright's ``set_offline`` also
cuts the service worker's own fetches).
"""

import json
import re
import socket
import struct
import time

import pytest
from app_support import LiveServer
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
from playwright.sync_api import Error, expect
from proposal_support import OPEN_VOGELBUURT

pytestmark = pytest.mark.browser

RESIDENT = "bewoner"


class FlakyServer(LiveServer):
    """The live server, able to answer 503 to chosen paths (a server that is down),
    to cut the connection without an answer (a network that only seems to work),
    or to take its time."""

    def __init__(self, app):
        super().__init__(app)
        self.down = set()
        self.cut = set()
        self.slow = {}  # path: seconds before it is handled
        self.posts = []
        counting = self._server.app

        def wsgi(environ, start_response):
            path = environ.get("PATH_INFO", "")
            if environ["REQUEST_METHOD"] == "POST":
                self.posts.append(path)
            time.sleep(self.slow.get(path, 0))
            if path in self.cut:
                environ["werkzeug.socket"].shutdown(socket.SHUT_RDWR)
                raise ConnectionAbortedError("cut on purpose")
            if path in self.down:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"down"]
            return counting(environ, start_response)

        self._server.app = wsgi


# Sending from the outbox takes a token fetch and a post: on a busy CI machine more than 5 s.


@pytest.fixture
def server(make_app):
    live = FlakyServer(make_app()).start()
    yield live
    live.stop()


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


def go_offline(context):
    """Offline, and wait until the service worker knows it too (it is told a moment later)."""
    context.set_offline(True)
    for worker in context.service_workers:
        for _attempt in range(100):
            try:
                if worker.evaluate("navigator.onLine") is False:
                    break
            except Error:  # an old worker that has just been replaced
                break
            time.sleep(0.02)


def reached_offline(server, seen):
    """What reached the server since ``seen``, but the worker's own update check.

    Chromium checks for a new worker about a second after a page load, from
    the browser itself: Playwright's offline switch does not cover that
    fetch (of /sw.js and what it imports), and on a busy machine it can fall
    after the switch. A phone really offline would not reach the server at all.

    The same goes for the worker's Background Sync: the browser fires it on
    its own network state, which the switch does not change, and its first
    step asks ``/csrf`` who is logged in (a read, nothing sent). What must
    never get through while offline is the item itself: a POST.
    """
    worker_reads = ("/sw.js", "/static/js/outbox.js", "/csrf")
    return [path for path in server.requests[seen:] if path not in worker_reads]


def cached(page, path):
    return page.evaluate("(url) => caches.match(url).then(r => !!r)", path)


def outbox(page):
    return page.evaluate("BasisbaanOutbox.all()")


def before_time(msgid, locale="nl"):
    """The part of a banner text before its time."""
    return t(msgid, locale, time="{time}").split("{time}")[0].strip()


# --- installable --------------------------------------------------------------------


def png_size(data):
    return struct.unpack(">II", data[16:24])


def test_installable_with_real_icons_and_a_controlling_worker(phone, server):
    page = phone().new_page()
    page.goto(server.url + "/")
    worker_ready(page)
    page.reload()
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == server.url + "/sw.js"
    cdp = page.context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert [e for e in errors if e["errorId"] != "in-incognito"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert manifest["url"] == server.url + "/manifest.webmanifest"
    parsed = json.loads(manifest["data"])
    assert parsed["display"] == "standalone"
    # The check above is lenient: the icons must really be their size.
    sizes = set()
    for icon in parsed["icons"]:
        width, height = png_size(page.request.get(server.url + icon["src"]).body())
        assert f"{width}x{height}" == icon["sizes"]
        sizes.add((icon["sizes"], icon["purpose"]))
    assert sizes == {(size, purpose) for size in ("192x192", "512x512") for purpose in ("any", "maskable")}


# --- offline reading ----------------------------------------------------------------


def test_after_one_visit_the_pages_read_offline(phone, server):
    page = phone().new_page()
    log_in(page, server.url, RESIDENT)  # lands on /jobs
    worker_ready(page)
    job = job_with_interest(server, RESIDENT)
    page.goto(server.url + f"/jobs/{job['id']}")
    page.goto(server.url + "/messages")
    page.goto(server.url + "/plan")
    page.goto(server.url + "/interests")
    kept(page)
    for path in ("/jobs", f"/jobs/{job['id']}", "/messages", "/plan", "/interests"):
        assert cached(page, server.url + path), path

    seen = len(server.requests)
    go_offline(page.context)
    page.goto(server.url + "/jobs")
    expect(page.locator("#results .job-card").first).to_be_visible()
    banner = page.locator("[data-pwa-banner]")
    expect(banner).to_contain_text(before_time("You are offline. This page is from %(time)s."))
    expect(banner).to_contain_text(re.compile(r"\d{1,2}:\d\d"))  # the time it was made
    page.goto(server.url + f"/jobs/{job['id']}")
    expect(page.locator("h1")).to_have_text(job["title_nl"])
    expect(banner).to_be_visible()
    page.goto(server.url + "/interests")
    expect(page.locator("main")).to_contain_text(job["title_nl"])
    page.goto(server.url + "/messages")
    newest = query(
        server,
        "SELECT body FROM messages WHERE resident_id = ? ORDER BY id DESC LIMIT 1",
        (user_id(server, RESIDENT),),
    )[0]["body"]
    expect(page.locator("#thread-messages")).to_contain_text(newest)
    expect(banner).to_be_visible()
    page.goto(server.url + "/plan")
    goal = query(
        server,
        "SELECT title FROM plan_goals WHERE resident_id = ? ORDER BY id LIMIT 1",
        (user_id(server, RESIDENT),),
    )[0]["title"]
    expect(page.locator(".goal__title").first).to_have_text(goal)
    assert reached_offline(server, seen) == [], "requests reached the server while offline"

    page.context.set_offline(False)
    page.goto(server.url + "/interests")
    expect(page.locator("[data-pwa-banner]")).to_have_count(0)


def test_a_page_never_seen_shows_the_offline_page(phone, server):
    page = phone().new_page()
    page.goto(server.url + "/jobs")
    worker_ready(page)
    seen = len(server.requests)
    go_offline(page.context)
    unseen = open_job_without_interest(server, RESIDENT)["id"]
    page.goto(server.url + f"/jobs/{unseen}")
    expect(page.locator("h1")).to_have_text(t("You are offline"))
    expect(page.locator("main")).to_contain_text(t("Pages you opened before still work without internet."))
    expect(page.locator("[data-retry]")).to_be_visible()
    expect(page.locator("[data-pwa-banner]")).to_have_count(0)
    page.locator("main a[href='/jobs']").click()
    expect(page.locator("#results .job-card").first).to_be_visible()
    assert reached_offline(server, seen) == []


def test_the_offline_page_follows_the_language_switch(phone, server):
    page = phone().new_page()
    page.goto(server.url + "/jobs")
    worker_ready(page)
    page.locator(".language-menu summary").click()
    page.locator(".language-bar button[name=plain][value='1']").click()
    expect(page.locator("body")).to_have_class(re.compile("is-plain"))
    wait_until(
        page,
        """() => caches.keys().then(names => caches.open(names.find(n => n.startsWith('bb-static-'))))
             .then(cache => cache.match('/offline'))
             .then(r => !!r && r.headers.get('Content-Language') === 'nl-x-plain')""",
    )
    go_offline(page.context)
    page.goto(server.url + "/jobs/999999")
    expect(page.locator("h1")).to_have_text(t("You are offline", "nl@plain"))
    expect(page.locator("body")).to_have_class(re.compile("is-plain"))


# --- writing offline: the outbox ------------------------------------------------------------


def test_an_interest_written_offline_is_sent_once(phone, server):
    page = phone().new_page()
    log_in(page, server.url, RESIDENT)
    worker_ready(page)
    job = open_job_without_interest(server, RESIDENT)
    page.goto(server.url + f"/jobs/{job['id']}")
    seen = len(server.requests)

    go_offline(page.context)
    page.reload()
    page.locator("#message").fill("Ik kan op maandag beginnen.")
    page.locator("#interest button[type=submit]").click()
    waiting = page.locator("[data-outbox-item]")
    expect(waiting).to_contain_text(t("Waiting to be sent. We send it as soon as the connection works."))
    expect(waiting).to_contain_text("Ik kan op maandag beginnen.")
    expect(page.locator("#interest form")).to_be_hidden()
    [item] = outbox(page)
    assert item["user"] == str(user_id(server, RESIDENT)) and "csrf_token" not in item["body"]
    # A reload while offline still shows it waiting.
    page.reload()
    expect(page.locator("[data-outbox-item]")).to_be_visible()
    assert reached_offline(server, seen) == []

    page.context.set_offline(False)  # Background Sync and the online event both try
    expect(page.locator("#interest")).to_contain_text(
        t("Your coach can now see that you want this job."), timeout=SENDING
    )
    page.wait_for_timeout(1500)  # room for a second, wrong, post
    assert server.posts.count(f"/jobs/{job['id']}/interest") == 1
    rows = query(
        server, "SELECT * FROM interests WHERE job_id = ? AND user_id = ?", (job["id"], user_id(server, RESIDENT))
    )
    assert len(rows) == 1
    assert rows[0]["message"] == "Ik kan op maandag beginnen." and rows[0]["client_id"] == item["id"]
    assert outbox(page) == []


def test_a_message_written_offline_is_sent_once(phone, server):
    page = phone().new_page()
    log_in(page, server.url, RESIDENT)
    worker_ready(page)
    page.goto(server.url + "/messages")
    kept(page)
    resident = user_id(server, RESIDENT)
    seen = len(server.requests)

    go_offline(page.context)
    page.reload()
    text = "Ik ben morgen wat later. De bus rijdt niet."
    page.locator("#message-form textarea").fill(text)
    page.locator("#message-form button[type=submit]").click()
    waiting = page.locator("[data-outbox-item]")
    expect(waiting).to_contain_text(t("Waiting to be sent. We send it as soon as the connection works."))
    expect(waiting).to_contain_text(text)
    # data-outbox="keep": the form stays, empty, with a new id, for the next message.
    expect(page.locator("#message-form textarea")).to_have_value("")
    expect(page.locator("#message-form")).to_be_visible()
    [item] = outbox(page)
    assert item["user"] == str(resident) and "csrf_token" not in item["body"]
    assert page.locator("#message-form input[name=client_id]").input_value() not in ("", item["id"])
    page.reload()  # still waiting after a reload offline
    expect(page.locator("[data-outbox-item]")).to_contain_text(text)
    assert reached_offline(server, seen) == []
    # The next message, being typed when the phone comes back online, stays in the box.
    page.locator("#message-form textarea").fill("Nog niet klaar")

    page.context.set_offline(False)  # Background Sync and the online event both try
    sent = page.locator("#thread-messages .message__body", has_text=text)
    expect(sent).to_have_count(1, timeout=SENDING)
    expect(page.locator("[data-outbox-item]")).to_have_count(0)
    page.wait_for_timeout(1500)  # room for a second, wrong, post
    assert server.posts.count("/messages") == 1
    rows = query(server, "SELECT * FROM messages WHERE resident_id = ? AND body = ?", (resident, text))
    assert len(rows) == 1 and rows[0]["client_id"] == item["id"] and rows[0]["sender_id"] == resident
    expect(sent).to_have_count(1)  # the poll and the send may both bring it: shown once
    expect(page.locator("#message-form textarea")).to_have_value("Nog niet klaar")
    assert outbox(page) == []


def vote_count(server, proposal_id):
    return query(server, "SELECT vote_count FROM proposals WHERE id = ?", (proposal_id,))[0]["vote_count"]


def test_a_vote_cast_offline_is_sent_once(phone, server):
    page = phone().new_page()
    log_in(page, server.url, RESIDENT)
    worker_ready(page)
    page.goto(server.url + f"/proposals/{OPEN_VOGELBUURT}")
    kept(page)
    before = vote_count(server, OPEN_VOGELBUURT)
    seen = len(server.requests)

    go_offline(page.context)
    page.reload()
    box = page.locator(f"#vote-{OPEN_VOGELBUURT}")
    box.locator("form[data-outbox] button[type=submit]").click()
    expect(box.locator("[data-outbox-item]")).to_contain_text(
        t("Waiting to be sent. We send it as soon as the connection works.")
    )
    expect(box.locator("form[data-outbox]")).to_be_hidden()
    [item] = outbox(page)
    assert item["url"] == f"/proposals/{OPEN_VOGELBUURT}/vote" and "csrf_token" not in item["body"]
    page.reload()
    expect(box.locator("[data-outbox-item]")).to_be_visible()
    assert reached_offline(server, seen) == []

    page.context.set_offline(False)
    expect(box).to_contain_text(t("Thank you. Your vote counts."), timeout=SENDING)
    expect(box).to_contain_text(t("You voted for this proposal."))
    page.wait_for_timeout(1500)  # room for a second, wrong, post
    assert server.posts.count(f"/proposals/{OPEN_VOGELBUURT}/vote") == 1
    voter = user_id(server, RESIDENT)
    assert (
        len(query(server, "SELECT * FROM votes WHERE proposal_id = ? AND user_id = ?", (OPEN_VOGELBUURT, voter)))
        == 1
    )
    assert vote_count(server, OPEN_VOGELBUURT) == before + 1
    remembered = query(
        server, "SELECT kind, item_id FROM client_ids WHERE user_id = ? AND client_id = ?", (voter, item["id"])
    )
    assert [tuple(row) for row in remembered] == [("vote", OPEN_VOGELBUURT)]
    assert outbox(page) == []


def test_when_the_server_is_down_the_outbox_waits(phone, server):
    """Online, but the server answers 503 (restarting): queued, sent on the next page load."""
    page = phone().new_page()
    log_in(page, server.url, RESIDENT)
    worker_ready(page)
    job = open_job_without_interest(server, RESIDENT)
    page.goto(server.url + f"/jobs/{job['id']}")
    server.down.add(f"/jobs/{job['id']}/interest")
    page.locator("#interest button[type=submit]").click()
    expect(page.locator("[data-outbox-item]")).to_be_visible()
    assert len(outbox(page)) == 1
    server.down.clear()
    page.reload()  # the next page load sends it
    expect(page.locator("#interest")).to_contain_text(
        t("You said you want this job. Your coach can see it."), timeout=SENDING
    )
    assert (
        len(
            query(
                server,
                "SELECT * FROM interests WHERE job_id = ? AND user_id = ?",
                (job["id"], user_id(server, RESIDENT)),
            )
        )
        == 1
    )
    assert outbox(page) == []


def test_a_page_loaded_while_the_outbox_sends_shows_what_was_sent(phone, server):
    """Another tab (or the worker) is sending an interest when this one reloads:
    the page waits for that send, so it does not offer the job again."""
    context = phone()
    page = context.new_page()
    log_in(page, server.url, RESIDENT)
    worker_ready(page)
    job = open_job_without_interest(server, RESIDENT)
    path = f"/jobs/{job['id']}"
    page.goto(server.url + path)
    kept(page)
    sender = context.new_page()
    sender.goto(server.url + path)
    server.slow[path + "/interest"] = 2
    sender.evaluate(
        """([url, user, csrf, page]) => {
            const item = {id: crypto.randomUUID(), user: user, url: url, page: page, created: Date.now(),
                          body: "message=", target: "#interest", swap: "innerHTML"};
            BasisbaanOutbox.put(item).then(() => { BasisbaanOutbox.flush(csrf); });
        }""",
        [path + "/interest", str(user_id(server, RESIDENT)), "/csrf", path],
    )
    deadline = time.monotonic() + SENDING / 1000
    while path + "/interest" not in server.posts:  # the post is on its way, and takes 2 s
        assert time.monotonic() < deadline
        time.sleep(0.05)
    response = page.reload()
    assert t("You said you want this job. Your coach can see it.") in response.text()
    assert (
        len(
            query(
                server,
                "SELECT * FROM interests WHERE job_id = ? AND user_id = ?",
                (job["id"], user_id(server, RESIDENT)),
            )
        )
        == 1
    )


def test_a_lost_connection_queues_the_interest(phone, server):
    """The phone says it is online but the request dies (htmx:sendError): queued, then
    Background Sync sends it as soon as the server can be reached."""
    page = phone().new_page()
    log_in(page, server.url, RESIDENT)
    worker_ready(page)
    job = open_job_without_interest(server, RESIDENT)
    page.goto(server.url + f"/jobs/{job['id']}")
    path = f"/jobs/{job['id']}/interest"
    server.cut.add(path)
    page.locator("#interest button[type=submit]").click()
    expect(page.locator("[data-outbox-item]")).to_be_visible()
    server.cut.clear()
    go_offline(page.context)  # the next chance to send comes with the network
    page.context.set_offline(False)
    expect(page.locator("#interest")).to_contain_text(
        t("Your coach can now see that you want this job."), timeout=SENDING
    )
    assert (
        len(
            query(
                server,
                "SELECT * FROM interests WHERE job_id = ? AND user_id = ?",
                (job["id"], user_id(server, RESIDENT)),
            )
        )
        == 1
    )


def test_a_failed_htmx_request_says_so(phone, server):
    page = phone().new_page()
    log_in(page, server.url, RESIDENT)
    worker_ready(page)
    job = job_with_interest(server, RESIDENT)
    page.goto(server.url + f"/jobs/{job['id']}")
    server.cut.add(f"/jobs/{job['id']}/interest/withdraw")
    page.locator("#interest button[type=submit]").click()
    note = page.locator("[data-pwa-not-sent]")
    # The phone is online: it says Basisbaan could not be reached, never "you are offline".
    expect(note).to_contain_text(
        t("We cannot reach Basisbaan right now, so this was not sent. Try again in a moment.")
    )
    assert (
        query(
            server,
            "SELECT status FROM interests WHERE job_id = ? AND user_id = ?",
            (job["id"], user_id(server, RESIDENT)),
        )[0]["status"]
        == "open"
    )
    server.cut.clear()


def test_a_plain_form_offline_says_so_instead_of_a_browser_error(phone, server):
    page = phone().new_page()
    log_in(page, server.url, RESIDENT)
    worker_ready(page)
    page.goto(server.url + "/interests")
    go_offline(page.context)
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("[data-pwa-not-sent]")).to_contain_text(
        t("You are offline, so this was not sent. Try again when you have internet.")
    )
    expect(page).to_have_url(server.url + "/interests")


# --- read aloud -----------------------------------------------------------------------------------

SPEECH_STUB = """
window.__spoken = []; window.__cancelled = 0;
const stub = {
  speaking: false, pending: false, paused: false,
  speak(u) { window.__spoken.push({ text: u.text, lang: u.lang }); window.__current = u; },
  cancel() { window.__cancelled += 1; window.__current = null; },
  getVoices() { return []; }, pause() {}, resume() {},
  addEventListener() {}, removeEventListener() {}
};
Object.defineProperty(window, 'speechSynthesis', { value: stub, configurable: true });
window.__finish = () => { const u = window.__current; if (u && u.onend) { u.onend(new Event('end')); } };
"""


@pytest.mark.parametrize(("lang", "voice"), [("nl", "nl-NL"), ("en", "en-GB")])
def test_read_aloud_speaks_sentence_by_sentence_in_the_page_language(phone, server, lang, voice):
    context = phone()
    context.add_init_script(SPEECH_STUB)
    page = context.new_page()
    job = open_job_without_interest(server, RESIDENT)
    page.goto(server.url + f"/jobs/{job['id']}?lang={lang}")
    button = page.locator("button.read-aloud")
    expect(button).to_have_count(1)
    locale = "nl" if lang == "nl" else "en"
    expect(button).to_have_text(t("Read aloud", locale))
    button.click()
    expect(button).to_have_text(t("Stop reading", locale))
    spoken = page.evaluate("window.__spoken")
    assert spoken == [{"text": job[f"title_{lang}"], "lang": voice}]
    for _ in range(3):
        page.evaluate("window.__finish()")
    spoken = page.evaluate("window.__spoken")
    assert len(spoken) == 4 and all(item["lang"] == voice for item in spoken)
    assert spoken[1]["text"] in job[f"summary_{lang}"]
    assert spoken[2]["text"] == t("What you do", locale)
    tasks = job[f"tasks_{lang}"]
    assert spoken[3]["text"] in tasks and len(spoken[3]["text"]) < len(tasks)  # one sentence
    button.click()
    expect(button).to_have_text(t("Read aloud", locale))
    assert page.evaluate("window.__cancelled") >= 1
    page.evaluate("window.__finish()")
    assert len(page.evaluate("window.__spoken")) == 4  # stopped means stopped


def speaking_page(phone, server, who=None):
    context = phone()
    context.add_init_script(SPEECH_STUB)
    page = context.new_page()
    if who:
        log_in(page, server.url, who)
    return page


def test_a_message_is_read_aloud(phone, server):
    page = speaking_page(phone, server, RESIDENT)
    page.goto(server.url + "/messages")
    first = page.locator("#thread-messages .message").first
    expect(page.locator("#thread-messages button.read-aloud")).to_have_count(
        page.locator("#thread-messages .message").count()
    )
    body = first.locator(".message__body").inner_text()
    button = first.locator("button.read-aloud")
    expect(button).to_have_text(t("Read aloud"))
    button.click()
    expect(button).to_have_text(t("Stop reading"))
    spoken = page.evaluate("window.__spoken")
    assert len(spoken) == 1 and spoken[0]["lang"] == "nl-NL"
    assert body.startswith(spoken[0]["text"]) and len(spoken[0]["text"]) < len(body)  # one sentence
    page.evaluate("window.__finish()")
    assert body.endswith(page.evaluate("window.__spoken")[1]["text"])


def test_a_new_message_can_be_read_aloud_too(phone, server):
    page = speaking_page(phone, server, RESIDENT)
    page.goto(server.url + "/messages")
    before = page.locator("#thread-messages button.read-aloud")
    expect(before.first).to_be_visible()
    count = before.count()
    page.locator("#message-form textarea").fill("Tot morgen.")
    page.locator("#message-form button[type=submit]").click()
    expect(page.locator("#thread-messages .message__body", has_text="Tot morgen.")).to_have_count(1)
    expect(page.locator("#thread-messages button.read-aloud")).to_have_count(count + 1)


def test_a_proposal_is_read_aloud_each_part_in_its_own_language(phone, server):
    proposal = query(server, "SELECT * FROM proposals WHERE id = ?", (OPEN_VOGELBUURT,))[0]
    assert proposal["lang"] == "en"  # written in English, read on a Dutch page
    page = speaking_page(phone, server)
    page.goto(server.url + f"/proposals/{OPEN_VOGELBUURT}")
    button = page.locator("h1 + button.read-aloud")
    expect(button).to_have_text(t("Read aloud"))
    button.click()
    for _ in range(10):
        page.evaluate("window.__finish()")
    spoken = page.evaluate("window.__spoken")
    assert spoken[0] == {"text": proposal["title"], "lang": "en-GB"}
    assert spoken[1] == {"text": t("What the worker would do"), "lang": "nl-NL"}
    tasks = [item for item in spoken if item["text"] in proposal["tasks"]]
    assert len(tasks) == 2 and {item["lang"] for item in tasks} == {"en-GB"}  # sentence by sentence
    assert {"text": t("The problem in the neighbourhood"), "lang": "nl-NL"} in spoken
    assert spoken[-1]["lang"] == "en-GB" and spoken[-1]["text"] in proposal["problem"]
    assert all(item["text"] != t("Vote for this proposal") for item in spoken)


@pytest.mark.parametrize("who", [RESIDENT, "coach"])
def test_the_plan_is_read_aloud_without_its_buttons(phone, server, who):
    page = speaking_page(phone, server, who)
    resident = user_id(server, RESIDENT)
    page.goto(server.url + ("/plan" if who == RESIDENT else f"/caseload/{resident}"))
    heading = page.locator("h1, h2#plan").filter(has_text=t("Our plan")).first
    button = heading.locator("xpath=following-sibling::*[1]")
    expect(button).to_have_text(t("Read aloud"))
    button.click()
    for _ in range(20):
        page.evaluate("window.__finish()")
    spoken = [item["text"] for item in page.evaluate("window.__spoken")]
    goals = query(server, "SELECT id, title FROM plan_goals WHERE resident_id = ? ORDER BY id", (resident,))
    expected = [t("Our plan")]
    for goal in goals:
        expected.append(goal["title"])
        for step in query(
            server, "SELECT text, done_at FROM plan_steps WHERE goal_id = ? ORDER BY id", (goal["id"],)
        ):
            if step["done_at"]:
                expected.append(t("Done:"))  # a line of its own (it is hidden from sight)
            expected.append(step["text"])
    assert spoken == expected


def test_no_read_aloud_button_without_speech(phone, server):
    context = phone()
    context.add_init_script("delete window.speechSynthesis; delete Window.prototype.speechSynthesis;")
    page = context.new_page()
    page.goto(server.url + f"/jobs/{open_job_without_interest(server, RESIDENT)['id']}")
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_function("() => document.readyState === 'complete'")
    assert page.evaluate("'speechSynthesis' in window") is False
    expect(page.locator("button.read-aloud")).to_have_count(0)


def test_no_read_aloud_button_without_javascript(phone, server):
    page = phone(java_script_enabled=False).new_page()
    page.goto(server.url + f"/jobs/{open_job_without_interest(server, RESIDENT)['id']}")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("button.read-aloud")).to_have_count(0)
    expect(page.locator("button", has_text=t("Read aloud"))).to_have_count(0)


# --- shared phones ---------------------------------------------------------------------------------


def test_logging_out_wipes_the_persons_copies_and_holds_their_outbox(phone, server):
    page = phone().new_page()
    log_in(page, server.url, RESIDENT)
    worker_ready(page)
    mine = job_with_interest(server, RESIDENT)
    waiting = open_job_without_interest(server, RESIDENT)
    page.goto(server.url + f"/jobs/{mine['id']}")
    page.goto(server.url + "/interests")
    page.goto(server.url + f"/jobs/{waiting['id']}")
    # Written offline; the server is down when the phone is back, so it waits.
    server.down.add(f"/jobs/{waiting['id']}/interest")
    go_offline(page.context)
    page.reload()
    page.locator("#interest button[type=submit]").click()
    expect(page.locator("[data-outbox-item]")).to_be_visible()
    page.context.set_offline(False)
    page.goto(server.url + "/settings")
    assert len(outbox(page)) == 1
    assert cached(page, server.url + "/interests")

    page.locator("main form[action='/logout'] button").click()
    page.wait_for_selector("body[data-logged-out][data-pwa-forgotten]")
    # What waits stays, held for this person only (test_pwa_session_end_browser.py).
    [item] = outbox(page)
    assert item["user"] == str(user_id(server, RESIDENT)) and item["held"] is True
    for path in ("/interests", f"/jobs/{mine['id']}", f"/jobs/{waiting['id']}", "/settings", "/jobs"):
        assert not cached(page, server.url + path), path
    assert page.evaluate("localStorage.getItem('htmx-history-cache')") is None

    # The next person on this phone, offline, sees nothing of the first.
    log_in(page, server.url, "bewoner2")
    go_offline(page.context)
    page.goto(server.url + "/interests")
    expect(page.locator("h1")).to_have_text(t("You are offline"))
    expect(page.locator("body")).not_to_contain_text(mine["title_nl"])
    server.down.clear()


def test_back_after_logging_out_does_not_show_the_last_page(phone, server):
    page = phone().new_page()
    log_in(page, server.url, RESIDENT)
    job = job_with_interest(server, RESIDENT)
    page.goto(server.url + "/interests")
    expect(page.locator("main")).to_contain_text(job["title_nl"])
    page.goto(server.url + "/settings")
    page.locator("main form[action='/logout'] button").click()
    page.wait_for_selector("body[data-logged-out][data-pwa-forgotten]")
    page.go_back()  # the settings page
    page.go_back()  # the interests page
    expect(page).to_have_url(re.compile(r"/login\?next=(%2F|/)interests"))
    expect(page.locator("main")).not_to_contain_text(job["title_nl"])


def test_someone_elses_outbox_is_never_sent_under_my_name(phone, server):
    page = phone().new_page()
    page.goto(server.url + "/jobs")
    worker_ready(page)
    job = open_job_without_interest(server, "bewoner2")
    page.evaluate(
        """(job) => BasisbaanOutbox.put({ id: crypto.randomUUID(), user: '999', url: `/jobs/${job}/interest`,
             body: 'message=niet+van+mij', target: '', swap: '', page: `/jobs/${job}`, created: Date.now() })""",
        job["id"],
    )
    log_in(page, server.url, "bewoner2")
    page.goto(server.url + "/jobs")
    page.wait_for_timeout(500)
    assert f"/jobs/{job['id']}/interest" not in server.posts
    assert len(outbox(page)) == 1


# --- the home-screen offer ------------------------------------------------------------------------


def test_the_home_screen_offer_comes_once_on_the_second_visit(phone, server):
    context = phone()
    first = context.new_page()  # each tab is a visit of its own (sessionStorage)
    log_in(first, server.url, "bewoner")
    first.wait_for_function(
        "() => document.readyState === 'complete' && localStorage.getItem('bb-visits') === '1'"
    )
    expect(first.locator(".install-prompt")).to_have_count(0)
    first.close()

    second = context.new_page()
    second.goto(server.url + "/jobs")
    offer = second.locator(".install-prompt")
    expect(offer).to_be_visible(timeout=15_000)  # a resident's list takes longer on a busy machine
    # At the end of the page, after the list: it never splits a page.
    expect(second.locator("main > .install-prompt:last-child")).to_have_count(1)
    assert second.evaluate(
        "document.querySelector('#results').compareDocumentPosition(document.querySelector('.install-prompt'))"
        " & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    expect(offer.locator("h2")).to_have_text(t("Put Basisbaan on your home screen"))
    # Instructions, or the browser's own install button where it offers one: never both.
    shown = offer.locator("[data-install='how']:visible, [data-install='yes']:visible")
    expect(shown).to_have_count(1)
    offer.locator("[data-install='no']").click()
    expect(offer).to_have_count(0)
    assert second.evaluate("document.activeElement.id") == "main"
    second.goto(server.url + "/")
    expect(second.locator(".install-prompt")).to_have_count(0)
    second.close()

    third = context.new_page()
    third.goto(server.url + "/")
    third.wait_for_function("() => document.readyState === 'complete'")
    expect(third.locator(".install-prompt")).to_have_count(0)


def test_the_offer_is_not_repeated_when_ignored(phone, server):
    context = phone()
    for visit in range(4):
        tab = context.new_page()
        if visit == 0:
            log_in(tab, server.url, "bewoner")
        else:
            tab.goto(server.url + "/")
        tab.wait_for_function("() => document.readyState === 'complete'")
        expect(tab.locator(".install-prompt")).to_have_count(1 if visit == 1 else 0)
        tab.close()


@pytest.mark.parametrize("who", [None, "coach", "gemeente"])
def test_the_offer_is_for_residents_only(phone, server, who):
    context = phone()
    for visit in range(3):
        tab = context.new_page()
        if visit == 0 and who:
            log_in(tab, server.url, who)
        else:
            tab.goto(server.url + "/proposals")
        tab.wait_for_function("() => document.readyState === 'complete'")
        tab.wait_for_timeout(200)
        expect(tab.locator(".install-prompt")).to_have_count(0)
        tab.close()


# --- notifications on/off -----------------------------------------------------------------------------


def test_notification_settings_without_javascript_say_the_list_works(phone, server):
    page = phone(java_script_enabled=False).new_page()
    log_in(page, server.url, RESIDENT)
    page.goto(server.url + "/settings")
    section = page.locator(".push-settings")
    expect(section.locator("[data-push-state='none']")).to_be_visible()
    expect(section.locator("button")).to_have_count(2)
    expect(section.locator("button:visible")).to_have_count(0)


def test_turning_notifications_on_shows_what_happened(phone, server):
    page = phone().new_page()
    log_in(page, server.url, RESIDENT)
    page.goto(server.url + "/settings")
    worker_ready(page)
    section = page.locator(".push-settings")
    expect(section.locator("[data-push-state='off']")).to_be_visible()
    expect(section.locator("[data-push-state='none']")).to_be_hidden()
    on = section.locator("[data-push-action='on']")
    expect(on).to_have_text(t("Turn on notifications"))
    on.click()
    # Headless Chromium refuses permission: the page says it is blocked, and why.
    expect(section.locator("[data-push-state='blocked']")).to_be_visible()
    expect(on).to_be_hidden()


def test_a_push_service_that_fails_is_reported(phone, server):
    context = phone()
    context.grant_permissions(["notifications"], origin=server.url)
    page = context.new_page()
    log_in(page, server.url, RESIDENT)
    page.goto(server.url + "/settings")
    worker_ready(page)
    section = page.locator(".push-settings")
    section.locator("[data-push-action='on']").click()
    # Headless Chromium has no push service to subscribe at: never silent.
    expect(section.locator("[data-push-state='failed']")).to_be_visible()
    expect(section.locator("[data-push-action='on']")).to_be_visible()
    assert query(server, "SELECT COUNT(*) AS n FROM push_subscriptions")[0]["n"] == 0


# --- a new version ----------------------------------------------------------------------------------------


def test_a_new_version_takes_over_whole(phone, server):
    from webapp.pwa import routes

    page = phone().new_page()
    log_in(page, server.url, RESIDENT)
    worker_ready(page)
    old = page.evaluate("caches.keys()")
    assert sorted(name.rsplit("-", 1)[0] for name in old) == ["bb-pages", "bb-static"]
    version = old[0].rsplit("-", 1)[1]
    with server.app.test_request_context("/"):
        source = routes._service_worker_source()
    make_source = routes._service_worker_source
    routes._service_worker_source = lambda: source.replace(version, "0000new00000", 1)
    try:
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        wait_until(
            page,
            """() => navigator.serviceWorker.getRegistration().then(r => !!r.active
                 && r.active.state === 'activated' && !r.installing && !r.waiting)
               .then(done => done && caches.keys())
               .then(n => !!n && n.length === 2 && n.every(x => x.endsWith('-0000new00000')))""",
        )
        # The page saved by the old version came along (fetched again, not copied).
        wait_until(
            page,
            "() => caches.open('bb-pages-0000new00000').then(c => c.match(location.origin + '/jobs'))"
            ".then(r => !!r)",
        )
        go_offline(page.context)
        page.goto(server.url + "/jobs")
        expect(page.locator("#results .job-card").first).to_be_visible()
        expect(page.locator("[data-pwa-banner]")).to_be_visible()
    finally:
        routes._service_worker_source = make_source


# --- a push becomes a notification ------------------------------------------------------------------------


def test_a_notification_reaches_the_phone_and_shows_its_kind_text(phone, make_app):
    """Server -> stand-in push service (decrypted there) -> the browser's service worker."""
    from push_support import Phone, StandIn, add_route, subscribe

    from webapp.labels import NOTIFICATION

    stand_in = StandIn()
    live = LiveServer(add_route(make_app())).start()
    try:
        context = phone()
        context.grant_permissions(["notifications"], origin=live.url)
        page = context.new_page()
        log_in(page, live.url, RESIDENT)
        worker_ready(page)
        device = Phone(stand_in.url + "/push/this-phone")
        subscribe(live.app, RESIDENT, device)
        assert page.request.get(live.url + "/test-notify?who=bewoner&kind=message&link=/messages").ok
        [push] = stand_in.wait(1)
        cdp = context.new_cdp_session(page)
        registrations = []
        cdp.on("ServiceWorker.workerRegistrationUpdated", lambda e: registrations.extend(e["registrations"]))
        cdp.send("ServiceWorker.enable")
        while not registrations:
            page.wait_for_timeout(50)
        cdp.send(
            "ServiceWorker.deliverPushMessage",
            {
                "origin": live.url,
                "registrationId": registrations[0]["registrationId"],
                "data": json.dumps(device.read(push)),
            },
        )
        shown = "() => navigator.serviceWorker.ready.then(r => r.getNotifications())"
        wait_until(page, shown + ".then(all => all.length > 0)")
        [shown] = page.evaluate(
            shown + ".then(all => all.map(n => ({ title: n.title, body: n.body, data: n.data, tag: n.tag,"
            " icon: n.icon })))"
        )
        with live.app.test_request_context("/"):
            text = str(NOTIFICATION["message"])
        assert shown["title"] == "Basisbaan" and shown["body"] == text and shown["tag"] == "message"
        assert shown["data"]["url"] == "/messages" and isinstance(shown["data"]["id"], int)
        assert "/static/icons/icon-192.png" in shown["icon"]
    finally:
        live.stop()
        stand_in.stop()
