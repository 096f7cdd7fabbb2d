"""The programme for the council and open data in Chromium: /gemeente/impact
(and its printable view) and /open-data in Dutch and plain Dutch pass axe, have
no horizontal scroll at 320 px, big enough tap targets and text that reflows
(the checks of ``PageChecks``), and valid HTML. Placements and the open-data
files are made on this module's own server."""

import shutil
import sqlite3

import pytest
from app_support import LiveServer
from browser_support import (
    ANON,
    PageCase,
    PageChecks,
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    assert_valid_html,
    own_server_pages,
    with_plain,
)

from webapp.db import connect
from webapp.opendata import files

pytestmark = pytest.mark.browser

WHO = ("gemeente",)

CASES = [
    PageCase("impact", "gemeente", "/gemeente/impact"),
    PageCase("open-data", ANON, "/open-data"),
    PageCase("open-data-logged-in", "gemeente", "/open-data"),
]
VARIANTS = ("nl", "plain")
PARAMS = [
    pytest.param(case, variant, id=f"{case.who}-{case.name}-{variant}") for case in CASES for variant in VARIANTS
]


def add_placements(database):
    """The demo residents placed in open jobs, one long ago."""
    connection = sqlite3.connect(database)
    with connection:
        residents = [row[0] for row in connection.execute("SELECT id FROM users WHERE role = 'resident' LIMIT 3")]
        jobs = [row[0] for row in connection.execute("SELECT id FROM jobs WHERE status = 'open' LIMIT 3")]
        for number, (resident, job) in enumerate(zip(residents, jobs, strict=False)):
            connection.execute(
                "INSERT INTO placements (job_id, user_id, created_at) VALUES (?, ?, ?)",
                (job, resident, f"202{5 + number % 2}-0{number + 1}-15T09:00:00Z"),
            )
    connection.close()


@pytest.fixture(scope="module")
def impact_server(tmp_path_factory, seeded_template, build_app):
    folder = tmp_path_factory.mktemp("impact")
    shutil.copy(seeded_template, folder / "basisbaan.db")
    app = build_app(folder)
    add_placements(app.config["DATABASE"])
    db = connect(app.config["DATABASE"])
    try:
        files.make(db, app.instance_path)
    finally:
        db.close()
    server = LiveServer(app).start()
    yield server
    server.stop()


tabs, visit = own_server_pages("impact_server", WHO)


class TestPages(PageChecks):
    """axe, 320 px, tap targets and reflow on every case above."""


PRINT = PageCase("impact-print", "gemeente", "/gemeente/impact/print")


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_printable_view(visit, variant):
    """Only a link back and the tables' folds to tap: axe and 320 px, no menu."""
    page = visit(PRINT, variant)
    assert_no_axe_violations(page)
    assert page.locator(".main-nav, .sub-nav").count() == 0
    assert_no_horizontal_scroll(visit(PRINT, variant, width=320))


def test_html_is_valid(impact_server, tmp_path):
    """The raw HTML of every case above passes the Nu HTML Checker."""
    import re

    from webapp.seed.demo import DEMO_PASSWORD

    pages = {}
    for who in (ANON, *WHO):
        client = impact_server.app.test_client()
        if who != ANON:
            body = client.get("/login").get_data(as_text=True)
            token = re.search(r'name="csrf_token" value="([^"]+)"', body).group(1)
            answer = client.post("/login", data={"username": who, "password": DEMO_PASSWORD, "csrf_token": token})
            assert answer.status_code == 303
        for case in (case for case in (*CASES, PRINT) if case.who == who):
            for variant in VARIANTS:
                response = client.get(with_plain(case.path, variant))
                assert response.status_code == case.status, case.path
                pages[f"{who}-{case.name}-{variant}.html"] = response.get_data(as_text=True)
    assert_valid_html(pages, tmp_path)
