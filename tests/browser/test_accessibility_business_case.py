"""The business case of a job, in Dutch and plain Dutch: on the public job
page (a case that closes and one that does not) and the municipality's forms
(partners on the job's page, the bijstand in the settings). axe-core finds no
WCAG 2.2 AA violation, no horizontal scroll at 320 px, tap targets of at least
44 px, text spacing and 200% text, and valid HTML. One test reads a case in
plain Dutch as a resident sees it: the bar with every number as text beside it.
"""

import re
import shutil
import sqlite3
from dataclasses import dataclass

import pytest
from app_support import LiveServer
from browser_support import (
    ANON,
    PageCase,
    PageChecks,
    assert_valid_html,
    own_server_pages,
    with_plain,
)
from playwright.sync_api import expect

from webapp.seed.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

WHO = ("gemeente",)
FIRST_FORM = "main form[method=post][novalidate]"


@dataclass(frozen=True)
class Case(PageCase):
    selector: str = FIRST_FORM


CASES = [
    Case("job-covered", ANON, "/jobs/{covered}"),
    Case("job-missing", ANON, "/jobs/{missing}"),
    Case("job-edit", "gemeente", "/gemeente/jobs/{missing}/edit"),
    Case("partner-change", "gemeente", "/gemeente/jobs/{missing}/edit?partner={partner}"),
    Case(
        "partner-empty",
        "gemeente",
        "/gemeente/jobs/{missing}/edit",
        422,
        {"name": "", "amount": "abc"},
        "form[action*='/partners#']",
    ),
    Case("settings", "gemeente", "/gemeente/settings"),
    Case(
        "bijstand-empty",
        "gemeente",
        "/gemeente/settings",
        422,
        {"bijstand_from": "", "bijstand_amount": ""},
        "form[action*='/settings/bijstand']",
    ),
]
VARIANTS = ("nl", "plain")
PARAMS = [
    pytest.param(case, variant, id=f"{case.who}-{case.name}-{variant}") for case in CASES for variant in VARIANTS
]


@pytest.fixture(scope="module")
def case_server(tmp_path_factory, seeded_template, build_app):
    """The demo with one job whose costs are covered and one still missing money."""
    folder = tmp_path_factory.mktemp("business")
    shutil.copy(seeded_template, folder / "basisbaan.db")
    connection = sqlite3.connect(folder / "basisbaan.db")
    try:
        # Many hours: the wage is above the bijstand, so the partners must pay the rest.
        missing = connection.execute(
            "SELECT id FROM jobs WHERE status = 'open' ORDER BY hours * places DESC, id LIMIT 1"
        ).fetchone()[0]
        covered = connection.execute(
            "SELECT id FROM jobs WHERE status = 'open' AND id != ? ORDER BY id LIMIT 1", (missing,)
        ).fetchone()[0]
        connection.execute("DELETE FROM job_partners WHERE job_id IN (?, ?)", (covered, missing))
        stamp = "2026-11-01T10:00:00Z"
        for job_id, name, kind, cents in (
            (covered, "Woonstichting Lindeveld", "money", 60_000_00),
            (covered, "Buurthuis De Hoven", "in_kind", 1_200_00),
            (missing, "Zorgverzekeraar Zorgsaam", "money", 2_500_00),
            (missing, "Buurthuis De Hoven", "in_kind", 1_200_00),
        ):
            connection.execute(
                """INSERT INTO job_partners (job_id, name, kind, yearly_cents, note, created_at, updated_at)
                   VALUES (?, ?, ?, ?, 'Een bijdrage voor drie jaar.', ?, ?)""",
                (job_id, name, kind, cents, stamp, stamp),
            )
        partner = connection.execute("SELECT MIN(id) FROM job_partners WHERE job_id = ?", (missing,)).fetchone()[0]
        connection.commit()
    finally:
        connection.close()
    server = LiveServer(build_app(folder)).start()
    server.ids = {"covered": covered, "missing": missing, "partner": partner}
    yield server
    server.stop()


@pytest.fixture(scope="module")
def ids(case_server):
    return lambda case: case.path.format(**case_server.ids)


tabs, visit = own_server_pages("case_server", WHO, button="first")


class TestPages(PageChecks):
    """axe, 320 px and tap targets on every case above."""


def test_a_resident_reads_a_business_case_in_plain_dutch(browser, browser_context_args, case_server):
    context = browser.new_context(**browser_context_args)
    try:
        page = context.new_page()
        page.goto(f"{case_server.url}/jobs/{case_server.ids['missing']}?lang=nl&plain=1")
        case = page.locator("#business-case-summary")
        expect(case.locator("h2")).to_have_text("Wat kost deze baan en wie betaalt?")
        expect(case).to_contain_text(re.compile(r"Deze baan kost €\s[\d.]+,\d\d per jaar\."))
        # The bar: a part for each partner, the bijstand saved and what is missing...
        bar = case.locator("svg.case-bar")
        expect(bar).to_be_visible()
        expect(bar.locator("rect")).to_have_count(4)
        widths = [int(rect.get_attribute("width")) for rect in bar.locator("rect").all()]
        assert sum(widths) == 1000 and all(width >= 1 for width in widths)
        # ...and every number as text beside it, not in colour only.
        legend = case.locator(".case-legend li")
        expect(legend).to_have_count(4)
        expect(legend.nth(0)).to_contain_text(re.compile(r"Zorgverzekeraar Zorgsaam: €\s2\.500,00"))
        expect(legend.nth(1)).to_contain_text(
            re.compile(r"Buurthuis De Hoven: €\s1\.200,00 \(geen geld: zoveel is het waard\)")
        )
        expect(legend.nth(2)).to_contain_text("Bijstand die de gemeente niet meer hoeft te betalen")
        expect(legend.nth(3)).to_contain_text(re.compile(r"Mist nog: €\s[\d.]+,\d\d"))
        expect(case.locator(".case-verdict")).to_contain_text(re.compile(r"Er mist nog €\s[\d.]+,\d\d per jaar\."))
        page.goto(f"{case_server.url}/jobs/{case_server.ids['covered']}?lang=nl&plain=1")
        expect(page.locator("#business-case-summary .case-verdict")).to_have_text(
            "Er is genoeg geld voor deze baan."
        )
    finally:
        context.close()


def _csrf(body):
    match = re.search(r'name="csrf_token" value="([^"]+)"', body)
    assert match, "no CSRF token on the page"
    return match.group(1)


def test_html_is_valid(case_server, ids, tmp_path):
    pages = {}
    for variant in VARIANTS:
        for who in (ANON, *WHO):
            client = case_server.app.test_client()
            if who != ANON:
                token = _csrf(client.get("/login").get_data(as_text=True))
                answer = client.post(
                    "/login", data={"username": who, "password": DEMO_PASSWORD, "csrf_token": token}
                )
                assert answer.status_code == 303
            for case in (case for case in CASES if case.who == who):
                path = with_plain(ids(case), variant)
                response = client.get(path)
                if case.form is not None:
                    body = response.get_data(as_text=True)
                    action = (
                        "/gemeente/settings/bijstand"
                        if "bijstand" in case.selector
                        else ids(case).replace("/edit", "/partners")
                    )
                    response = client.post(action, data={**case.form, "csrf_token": _csrf(body)})
                assert response.status_code == case.status, f"{path}: {response.status_code}"
                pages[f"{who}-{case.name}-{variant}.html"] = response.get_data(as_text=True)
    assert len(pages) == len(CASES) * len(VARIANTS)
    assert_valid_html(pages, tmp_path)
