"""Every coaching page, in Dutch and in plain Dutch, as resident, coach and municipality:

- axe-core finds no WCAG 2.2 AA violation;
- no horizontal scroll at 320 CSS px;
- every tap target is at least 44 x 44 CSS px;
- the raw HTML passes the Nu HTML Checker and has no inline style or script.

The checks and their reports come from test_accessibility.py; this file only
lists the coaching pages. Some cases send a form first (a 422 with messages,
or the start code page), so the pages get their own server and database.
"""

import re
import shutil
from dataclasses import dataclass
from datetime import timedelta

import pytest
from app_support import LiveServer
from browser_support import (
    PageCase,
    PageChecks,
    Tabs,
    assert_the_page_we_want,
    assert_valid_html,
    log_in,
    send_with_errors,
    urlpath,
    with_plain,
)

from webapp.coaching.queries import today_local
from webapp.seed.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

LATER = (today_local() + timedelta(days=5)).isoformat()


@dataclass(frozen=True)
class Case(PageCase):
    form_selector: str = "main form[method=post]"
    expect_error: bool = True
    action: str | None = None  # where the form posts, when not to the page itself


def _cases():
    resident, henk, coach, gemeente = "bewoner", "bewoner2", "coach", "gemeente"
    return [
        Case("my-coach", resident, "/coach"),
        Case("my-coach-new", henk, "/coach"),
        Case("messages", resident, "/messages"),
        Case("messages-too-long", resident, "/messages", 422, {"body": "x" * 2001}, "#message-form"),
        Case("appointments", resident, "/appointments"),
        Case("another-time", resident, "/appointments/{appointment}/another-time"),
        Case("another-time-empty", resident, "/appointments/{appointment}/another-time", 422, {}),
        Case("plan", resident, "/plan"),
        Case(
            "plan-empty-goal", resident, "/plan", 422, {"goal-title": ""}, "#new-goal form", action="/plan/goals"
        ),
        Case("interests", resident, "/interests"),
        Case("caseload", coach, "/caseload"),
        Case("caseload-search", coach, "/caseload?q=fat"),
        Case("participant", coach, "/caseload/{fatima}"),
        Case("participant-messages", coach, "/caseload/{fatima}/messages"),
        Case("appointment-new", coach, "/caseload/{fatima}/appointments/new"),
        Case(
            "appointment-new-empty",
            coach,
            "/caseload/{fatima}/appointments/new",
            422,
            {"day": "", "time": "", "place": ""},
        ),
        Case("appointment-move", coach, "/appointments/{appointment}/move"),
        Case("new-participant", coach, "/caseload/new"),
        Case("new-participant-empty", coach, "/caseload/new", 422, {"display_name": ""}),
        Case("start-code", coach, "/caseload/new", 200, {"display_name": "Noor Visser"}, expect_error=False),
        Case("details", coach, "/caseload/details"),
        Case("caseloads", gemeente, "/gemeente/caseloads"),
        Case("caseloads-search", gemeente, "/gemeente/caseloads?q=fatima"),
        Case("caseload-change", gemeente, "/gemeente/caseloads/{fatima}"),
    ]


CASES = _cases()
VARIANTS = ("nl", "plain")
PARAMS = [
    pytest.param(case, variant, id=f"{case.who}-{case.name}-{variant}") for case in CASES for variant in VARIANTS
]
USERS = sorted({case.who for case in CASES})


@pytest.fixture(scope="module")
def coaching_server(tmp_path_factory, seeded_template, build_app):
    folder = tmp_path_factory.mktemp("coaching-a11y")
    shutil.copy(seeded_template, folder / "basisbaan.db")
    server = LiveServer(build_app(folder)).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def ids(coaching_server):
    import sqlite3

    connection = sqlite3.connect(coaching_server.app.config["DATABASE"])
    try:
        fatima = connection.execute("SELECT id FROM users WHERE username = 'bewoner'").fetchone()[0]
        appointment = connection.execute(
            "SELECT id FROM appointments WHERE resident_id = ? AND status = 'planned'", (fatima,)
        ).fetchone()[0]
    finally:
        connection.close()
    return {"fatima": fatima, "appointment": appointment}


@pytest.fixture(scope="module")
def states(browser, browser_context_args, coaching_server):
    """Each user logs in once; their cookies are loaded into every context."""
    saved = {}
    for who in USERS:
        context = browser.new_context(**browser_context_args)
        log_in(context.new_page(), coaching_server.url, who)
        saved[who] = context.storage_state()
        context.close()
    return saved


@pytest.fixture(scope="module")
def tabs(browser, browser_context_args, states):
    opened = Tabs(browser, browser_context_args, states.get)
    yield opened
    opened.close()


@pytest.fixture
def visit(tabs, coaching_server, ids):
    def _visit(case, variant, width=None, bypass_csp=False):
        page, problems = tabs(case.who, variant, width, bypass_csp)
        path = case.path.format(**ids)
        url = coaching_server.url + with_plain(path, variant)
        status = tabs.load(page, url, problems)
        assert status == 200, f"{path}: {status}"
        assert urlpath(page.url) == path.split("?")[0]
        if case.form is not None:
            send_with_errors(page, case.form_selector, case.form, case.status, error_shown=case.expect_error)
        assert_the_page_we_want(page, variant, problems)
        return page

    return _visit


class TestPages(PageChecks):
    """axe, 320 px and tap targets on every case above."""


# --- HTML validation ------------------------------------------------------------------


def _csrf(text):
    match = re.search(r'name="csrf_token" value="([^"]+)"', text)
    assert match, "no CSRF token on the page"
    return match.group(1)


def _raw_pages(app, ids):
    pages = {}
    for variant in VARIANTS:
        for who in USERS:
            client = app.test_client()
            answer = client.post(
                "/login",
                data={
                    "username": who,
                    "password": DEMO_PASSWORD,
                    "csrf_token": _csrf(client.get("/login").get_data(as_text=True)),
                },
            )
            assert answer.status_code == 303
            for case in (case for case in CASES if case.who == who):
                path = with_plain(case.path.format(**ids), variant)
                response = client.get(path)
                if case.form is not None:
                    text = response.get_data(as_text=True)
                    data = {**_prefilled(text, case), **case.form, "csrf_token": _csrf(text)}
                    target = with_plain(case.action, variant) if case.action else path
                    response = client.post(target, data=data)
                assert response.status_code == case.status, f"{path}: {response.status_code}"
                pages[f"{who}-{case.name}-{variant}.html"] = response.get_data(as_text=True)
    return pages


def _prefilled(text, case):
    """Hidden fields and defaults the browser would send along (client id, kind, minutes)."""
    hidden = r'<input[^>]*name="([^"]+)"[^>]*type="hidden"[^>]*value="([^"]*)"'
    data = dict(re.findall(hidden, text))
    if "appointments/new" in case.path:
        data.update({"kind": "place", "minutes": "45", "day": LATER, "time": "10:00"})
    return data


def test_html_is_valid(coaching_server, ids, tmp_path):
    pages = _raw_pages(coaching_server.app, ids)
    assert len(pages) == len(CASES) * len(VARIANTS)
    assert_valid_html(pages, tmp_path)


def test_every_case_is_a_page_that_exists(coaching_server, ids):
    """Guards the list above: a renamed route must not silently drop out of the checks."""
    rules = {rule.rule for rule in coaching_server.app.url_map.iter_rules()}
    for case in CASES:
        path = case.path.split("?")[0].format(**ids)
        assert any(re.fullmatch(re.sub(r"<[^>]+>", r"[^/]+", rule), path) for rule in rules), path


def test_the_cases_cover_every_coaching_page():
    covered = {re.sub(r"\{\w+\}", "<>", case.path.split("?")[0]) for case in CASES}
    pages = {
        "/coach",
        "/messages",
        "/appointments",
        "/appointments/<>/another-time",
        "/plan",
        "/caseload",
        "/caseload/<>",
        "/caseload/<>/messages",
        "/caseload/<>/appointments/new",
        "/appointments/<>/move",
        "/caseload/new",
        "/caseload/details",
        "/gemeente/caseloads",
        "/gemeente/caseloads/<>",
    }
    assert pages <= covered, pages - covered
