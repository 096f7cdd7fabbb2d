"""Objections and the body of decisions in Chromium: every new page in Dutch and
plain Dutch passes axe, has no horizontal scroll at 320 px and big enough tap
targets (the checks of ``PageChecks``); and one objection goes from someone
logged out, through the board's decision, to ``/decisions``.

The board member is made here, on this module's own server, so the demo's
``toezicht`` account stays as the other suites expect it.
"""

import re
import shutil
import sqlite3

import pytest
from app_support import LiveServer
from browser_support import (
    ANON,
    PageCase,
    PageChecks,
    assert_valid_html,
    log_in,
    own_server_pages,
    with_plain,
)
from playwright.sync_api import expect

from webapp.auth.changes import create_user
from webapp.db import connect
from webapp.seed.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

BOARD = "toezicht-test"
WHO = ("bewoner", BOARD)
JOB = 1
CONTACT = "buurman@example.org"


def add_board_member(database):
    db = connect(database)
    try:
        create_user(db, username=BOARD, role="toezicht", display_name="Toezicht", password=DEMO_PASSWORD)
    finally:
        db.close()


def add_decisions(database):
    """An open and a decided objection on job 1, and an advice with the municipality's override."""
    connection = sqlite3.connect(database)
    with connection:
        connection.execute(
            """INSERT INTO objections (id, job_id, ground, text, contact, created_at, answer_due)
               VALUES (901, ?, 'no_displacement', 'De plantsoendienst doet dit al in het park.', ?,
                       '2026-11-01T10:00:00Z', '2026-11-29T10:00:00Z')""",
            (JOB, CONTACT),
        )
        connection.execute(
            """INSERT INTO objections (id, job_id, ground, text, public_name, created_at, answer_due,
                                       decision, decision_reason, decided_at)
               VALUES (902, ?, 'new_paid_work', 'Dit werk bestaat al.', 'Buurvrouw', '2026-10-01T10:00:00Z',
                       '2026-10-29T10:00:00Z', 'not_upheld', 'Niemand krijgt nu betaald voor dit werk.',
                       '2026-10-20T10:00:00Z')""",
            (JOB,),
        )
        connection.execute(
            """INSERT INTO advices (id, job_id, verdict, reason, displacement, conditions, created_at)
               VALUES (801, ?, 'agree_with_conditions', 'Goed werk voor de buurt.', 'Geen bedrijf doet dit.',
                       'Niet in de zomer, dan werkt de gemeente zelf.', '2026-09-01T10:00:00Z')""",
            (JOB,),
        )
        connection.execute(
            """INSERT INTO advice_overrides (advice_id, job_id, reason, created_at)
               VALUES (801, ?, 'De voorwaarde staat nu in de baan.', '2026-09-02T10:00:00Z')""",
            (JOB,),
        )
    connection.close()


CASES = [
    PageCase("job-with-objections", ANON, f"/jobs/{JOB}"),
    PageCase("object-to-job", ANON, f"/jobs/{JOB}/objections/new"),
    PageCase("object-empty", ANON, f"/jobs/{JOB}/objections/new", 422, {"text": "", "contact": ""}),
    PageCase("object-to-proposal", ANON, "/proposals/1/objections/new"),
    PageCase("decisions", ANON, "/decisions"),
    PageCase("decisions-search", ANON, "/decisions?q=plantsoen"),
    PageCase("advice", ANON, "/decisions/advice-801"),
    PageCase("decision", ANON, "/decisions/objection-902"),
    PageCase("object-logged-in", "bewoner", "/proposals/1/objections/new"),
    PageCase("board-list", BOARD, "/toezicht/objections"),
    PageCase("board-open", BOARD, "/toezicht/objections/901"),
    PageCase("board-empty", BOARD, "/toezicht/objections/901", 422, {"reason": ""}),
    PageCase("board-decided", BOARD, "/toezicht/objections/902"),
]
VARIANTS = ("nl", "plain")
PARAMS = [
    pytest.param(case, variant, id=f"{case.who}-{case.name}-{variant}") for case in CASES for variant in VARIANTS
]


@pytest.fixture(scope="module")
def objection_server(tmp_path_factory, seeded_template, build_app):
    """A server of its own: the shared one stays as the other suites expect it."""
    folder = tmp_path_factory.mktemp("objections")
    shutil.copy(seeded_template, folder / "basisbaan.db")
    app = build_app(folder)
    add_board_member(app.config["DATABASE"])
    add_decisions(app.config["DATABASE"])
    server = LiveServer(app).start()
    yield server
    server.stop()


tabs, visit = own_server_pages("objection_server", WHO)


class TestPages(PageChecks):
    """axe, 320 px and tap targets on every case above."""


def test_an_objection_from_someone_logged_out_to_the_boards_decision_on_decisions(browser, live_server):
    add_board_member(live_server.app.config["DATABASE"])
    base = live_server.url
    visitor = browser.new_context().new_page()
    visitor.goto(f"{base}/jobs/{JOB}")
    visitor.locator(f"a[href='/jobs/{JOB}/objections/new']").click()
    visitor.locator("input[name=ground][value=no_displacement]").check()
    visitor.locator("textarea[name=text]").fill("Hovenier Groen doet dit werk al, betaald, in het Lindepark.")
    visitor.locator("input[name=contact]").fill(CONTACT)
    visitor.locator("main form button[type=submit]").click()
    expect(visitor).to_have_url(f"{base}/jobs/{JOB}#objection-1")
    expect(visitor.locator("#objection-1")).to_contain_text("Hovenier Groen")
    expect(visitor.locator("main")).not_to_contain_text(CONTACT)

    board = browser.new_context().new_page()
    log_in(board, base, BOARD, first_path="/login?next=/toezicht/objections")
    board.goto(f"{base}/toezicht/objections")
    board.locator("a[href='/toezicht/objections/1']").click()
    expect(board.locator("main")).to_contain_text(CONTACT)
    board.locator("input[name=decision][value=upheld]").check()
    board.locator("textarea[name=reason]").fill(
        "Het Lindepark heeft al een betaalde hovenier. Deze baan verdringt dat werk."
    )
    board.locator("main form button[type=submit]").click()
    expect(board.locator(".notice--success")).to_be_visible()

    visitor.goto(f"{base}/decisions")
    visitor.locator("a[href='/decisions/objection-1']").click()
    expect(visitor.locator("main")).to_contain_text("Deze baan verdringt dat werk.")
    expect(visitor.locator("main")).not_to_contain_text(CONTACT)
    visitor.goto(f"{base}/jobs/{JOB}")
    expect(visitor.locator("#objection-1")).to_contain_text("Deze baan verdringt dat werk.")
    visitor.context.close()
    board.context.close()


def test_html_is_valid(objection_server, tmp_path):
    """The raw HTML of every case above (a GET each) passes the Nu HTML Checker."""
    pages = {}
    for who in (ANON, *WHO):
        client = objection_server.app.test_client()
        if who != ANON:
            body = client.get("/login").get_data(as_text=True)
            token = re.search(r'name="csrf_token" value="([^"]+)"', body).group(1)
            answer = client.post("/login", data={"username": who, "password": DEMO_PASSWORD, "csrf_token": token})
            assert answer.status_code == 303
        for case in (case for case in CASES if case.who == who and case.form is None):
            for variant in VARIANTS:
                response = client.get(with_plain(case.path, variant))
                assert response.status_code == case.status, case.path
                pages[f"{who}-{case.name}-{variant}.html"] = response.get_data(as_text=True)
    assert_valid_html(pages, tmp_path)
