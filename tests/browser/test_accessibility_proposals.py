"""Every new page of proposals and the municipality's workspace, in Dutch and plain
Dutch, for the people who see it: axe-core finds no WCAG 2.2 AA violation, no
horizontal scroll at 320 px, tap targets of at least 44 px, and valid HTML
(the Nu HTML Checker, run once for all pages). Same checks as
test_accessibility.py, whose helpers this file reuses.
"""

import re
from dataclasses import dataclass

import pytest
from browser_support import (
    PageCase,
    PageChecks,
    Tabs,
    assert_the_page_we_want,
    assert_valid_html,
    log_in,
    query,
    send_with_errors,
    urlpath,
    with_plain,
)

from webapp.seed.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

ANON = "anon"
WHO = ("bewoner", "bewoner2", "buurtgroep", "gemeente")


@dataclass(frozen=True)
class Case(PageCase):
    # A page reached by a POST that the page itself does not offer (the vote of someone
    # without a home buurt): post to ``post`` with the page's CSRF token.
    post: str | None = None


def _cases():
    return [
        Case("list", ANON, "/proposals"),
        Case("list-filtered", ANON, "/proposals?status=open&area=w2"),
        Case("open", ANON, "/proposals/1"),
        Case("rejected", ANON, "/proposals/10"),
        Case("became-a-job", ANON, "/proposals/6"),
        Case("closed", ANON, "/proposals/12"),
        Case("list", "bewoner", "/proposals"),
        Case("voted", "bewoner", "/proposals/1"),
        Case("can-vote", "bewoner", "/proposals/3"),
        Case("own", "bewoner", "/proposals/2"),
        Case("approved", "bewoner", "/proposals/5"),
        Case("new", "bewoner", "/proposals/new"),
        Case("new-empty", "bewoner", "/proposals/new", 422, {"title": "", "tasks": ""}),
        Case("report", "bewoner", "/proposals/1/report"),
        Case("report-comment", "bewoner", "/proposals/1/report?comment=3"),
        Case("job-from-proposal", "bewoner", "/jobs/{job_created_job}"),
        Case("no-home", "bewoner2", "/proposals/3"),
        Case("no-home-vote", "bewoner2", "/proposals/3", 409, post="/proposals/3/vote"),
        Case("list-mine", "buurtgroep", "/proposals"),
        Case("draft", "buurtgroep", "/proposals/7"),
        Case("edit-draft", "buurtgroep", "/proposals/7/edit"),
        Case("changes-asked", "buurtgroep", "/proposals/8"),
        Case("withdraw", "buurtgroep", "/proposals/1/withdraw"),
        Case("answer", "buurtgroep", "/proposals/1"),
        Case("overview", "gemeente", "/gemeente"),
        Case("queue", "gemeente", "/gemeente/proposals"),
        Case("review", "gemeente", "/gemeente/proposals/4"),
        Case("review-empty", "gemeente", "/gemeente/proposals/4", 422, {"reason": ""}),
        Case("decided", "gemeente", "/gemeente/proposals/10"),
        Case("jobs", "gemeente", "/gemeente/jobs"),
        Case("jobs-drafts", "gemeente", "/gemeente/jobs?status=draft"),
        Case("job-new", "gemeente", "/gemeente/jobs/new"),
        Case("job-edit", "gemeente", "/gemeente/jobs/{approved_job}/edit"),
        Case("job-new-empty", "gemeente", "/gemeente/jobs/new", 422, {"title_nl": ""}),
        Case("placements", "gemeente", "/gemeente/jobs/1/placements"),
        Case("reports", "gemeente", "/gemeente/reports"),
        Case("settings", "gemeente", "/gemeente/settings"),
        Case("proposal-as-gemeente", "gemeente", "/proposals/1"),
    ]


CASES = _cases()
VARIANTS = ("nl", "plain")
PARAMS = [
    pytest.param(case, variant, id=f"{case.who}-{case.name}-{variant}") for case in CASES for variant in VARIANTS
]


@pytest.fixture(scope="session")
def ids(shared_live_server):
    server = shared_live_server
    found = {
        "job_created_job": query(server, "SELECT job_id FROM proposals WHERE id = 6")[0][0],
        "approved_job": query(server, "SELECT job_id FROM proposals WHERE id = 5")[0][0],
    }
    return lambda case: case.path.format(**found)


@pytest.fixture(scope="session")
def states(browser, browser_context_args, shared_live_server):
    """Each person logs in once; every test loads their cookies into a new context."""
    found = {}
    for who in WHO:
        context = browser.new_context(**browser_context_args)
        log_in(context.new_page(), shared_live_server.url, who)
        found[who] = context.storage_state()
        context.close()
    return found


@pytest.fixture(scope="module")
def tabs(browser, browser_context_args, states):
    opened = Tabs(browser, browser_context_args, lambda who: None if who == ANON else states[who])
    yield opened
    opened.close()


POST_FORM = """([action, token]) => {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = action;
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'csrf_token';
    input.value = token;
    form.appendChild(input);
    document.body.appendChild(form);
    form.submit();
}"""


@pytest.fixture
def visit(tabs, shared_live_server, ids):
    def _visit(case, variant, width=None, bypass_csp=False):
        page, problems = tabs(case.who, variant, width, bypass_csp)
        path = ids(case)
        url = shared_live_server.url + with_plain(path, variant)
        status = tabs.load(page, url, problems)
        assert urlpath(page.url) == path.split("?")[0], f"{path} sent us to {page.url}"
        if case.post:
            token = page.locator("input[name=csrf_token]").first.get_attribute("value")
            with page.expect_response(lambda r: r.request.method == "POST") as posted:
                page.evaluate(POST_FORM, [case.post, token])
            assert posted.value.status == case.status
            page.wait_for_load_state()
        elif case.form is None:
            assert status == case.status, f"{path} answered {status}"
        else:
            send_with_errors(page, "main form[method=post][novalidate]", case.form, case.status, button="last")
        assert_the_page_we_want(page, variant, problems)
        return page

    return _visit


class TestPages(PageChecks):
    """axe, 320 px and tap targets on every case above."""


def _raw_pages(app, ids):
    """The raw HTML of every case, as the server sends it."""
    pages = {}
    for variant in VARIANTS:
        for who in (ANON, *WHO):
            client = app.test_client()
            if who != ANON:
                token = _csrf(client.get("/login").get_data(as_text=True))
                answer = client.post(
                    "/login", data={"username": who, "password": DEMO_PASSWORD, "csrf_token": token}
                )
                assert answer.status_code == 303
            for case in (case for case in CASES if case.who == who):
                path = with_plain(ids(case), variant)
                response = client.get(path)
                if case.post:
                    response = client.post(case.post, data={"csrf_token": _csrf(response.get_data(as_text=True))})
                elif case.form is not None:
                    body = response.get_data(as_text=True)
                    data = {**_form_values(body), **case.form, "csrf_token": _csrf(body)}
                    response = client.post(path, data=data)
                assert response.status_code == case.status, f"{path}: {response.status_code}"
                pages[f"{who}-{case.name}-{variant}.html"] = response.get_data(as_text=True)
    return pages


def _csrf(body):
    match = re.search(r'name="csrf_token" value="([^"]+)"', body)
    assert match, "no CSRF token on the page"
    return match.group(1)


def _form_values(body):
    """The hidden fields of the main form (its form token), so the POST is like a browser's."""
    main = body.split("<main", 1)[1]
    return dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="(form_token)"[^>]*value="([^"]*)"', main)[:1])


def test_html_is_valid(shared_live_server, ids, tmp_path):
    pages = _raw_pages(shared_live_server.app, ids)
    assert len(pages) == len(CASES) * len(VARIANTS)
    assert_valid_html(pages, tmp_path)
