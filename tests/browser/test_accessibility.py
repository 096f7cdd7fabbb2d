"""Every page, in Dutch and in plain Dutch, anonymous and as a resident:

- axe-core finds no WCAG 2.2 AA violation (``test_axe``);
- no horizontal scroll at 320 CSS px (``test_no_horizontal_scroll_at_320px``);
- every tap target is at least 44 x 44 CSS px (``test_tap_targets``);
- the raw HTML passes the Nu HTML Checker, run once for all pages
  (``test_html_is_valid``).

The pages only look, so they share one server (``shared_live_server``) and
one login (the resident's cookies are saved once and loaded per page).
"""

import re
from dataclasses import dataclass, field

import pytest
from browser_support import (
    PageCase,
    PageChecks,
    Tabs,
    assert_the_page_we_want,
    assert_valid_html,
    job_with_interest,
    log_in,
    open_job_without_interest,
    send_with_errors,
    urlpath,
    with_plain,
)

from webapp.seed.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

ANON = "anon"
RESIDENT = "bewoner"
STEPS = ("buurt", "work", "hours", "days", "travel", "limits", "skills", "languages")


@dataclass(frozen=True)
class Case(PageCase):
    # With ``form``: every box is unticked and the form's first submit button
    # sent; ``button`` is that button's name/value.
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
        Case("help", ANON, "/help"),
        Case("privacy", ANON, "/privacy"),
        Case("accessibility", ANON, "/accessibility"),
        Case("not-found", ANON, "/no-such-page", 404),
        Case(
            "login-wrong-password",
            ANON,
            "/login",
            error,
            {"username": "bewoner", "password": "not-" + DEMO_PASSWORD},
        ),
        Case("signup-empty", ANON, "/signup", error, {}),
    ]
    # /login and /signup send a logged-in resident on, so they are anonymous only.
    resident = [
        Case("home", RESIDENT, "/"),
        Case("jobs", RESIDENT, "/jobs"),
        Case("jobs-elderly", RESIDENT, "/jobs?category=elderly"),
        Case("job", RESIDENT, "/jobs/{job}"),
        Case("job-with-interest", RESIDENT, "/jobs/{interest_job}"),
        Case("activate", RESIDENT, "/activate"),
        Case("settings", RESIDENT, "/settings"),
        Case("sessions", RESIDENT, "/settings/sessions"),
        Case("help", RESIDENT, "/help"),
        Case("privacy", RESIDENT, "/privacy"),
        Case("accessibility", RESIDENT, "/accessibility"),
        Case("not-found", RESIDENT, "/no-such-page", 404),
        Case("logout", RESIDENT, "/logout"),
        Case("interests", RESIDENT, "/interests"),
        Case("profile", RESIDENT, "/profile"),
        Case("profile-start", RESIDENT, "/profile/start"),
        *[Case(f"profile-{key}", RESIDENT, f"/profile/{key}") for key in STEPS],
        Case("profile-delete", RESIDENT, "/profile/delete"),
        Case("profile-data", RESIDENT, "/profile/data"),
        Case("profile-step-nothing-chosen", RESIDENT, "/profile/work", error, {}, {"action": "save"}),
        Case("profile-delete-not-ticked", RESIDENT, "/profile/delete", error, {}),
    ]
    return anon + resident


CASES = _cases()
VARIANTS = ("nl", "plain")
PARAMS = [
    pytest.param(case, variant, id=f"{case.who}-{case.name}-{variant}") for case in CASES for variant in VARIANTS
]


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

    def _visit(case, variant, width=None, bypass_csp=False):
        page, problems = tabs(case.who, variant, width, bypass_csp)
        path = paths(case)
        url = shared_live_server.url + with_plain(path, variant)
        status = tabs.load(page, url, problems)
        assert urlpath(page.url) == path.split("?")[0], f"{path} sent us to {page.url}"
        if case.form is None:
            assert status == case.status, f"{path} answered {status}"
        else:
            send_with_errors(page, "main form[method=post]", case.form, case.status, untick=True)
        assert_the_page_we_want(page, variant, problems)
        return page

    return _visit


class TestPages(PageChecks):
    """axe, 320 px and tap targets on every case above."""


# --- HTML validation --------------------------------------------------------


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
                path = with_plain(paths(case), variant)
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


def test_html_is_valid(shared_live_server, paths, tmp_path):
    pages = _raw_pages(shared_live_server.app, paths)
    assert len(pages) == len(CASES) * len(VARIANTS)
    assert_valid_html(pages, tmp_path)
