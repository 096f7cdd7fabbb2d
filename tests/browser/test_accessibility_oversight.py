"""The oversight board's pages and what it adds to others, in Dutch and plain
Dutch: axe-core finds no WCAG 2.2 AA violation, no horizontal scroll at 320 px,
tap targets of at least 44 px, text spacing and 200% text, and valid HTML.
Same checks as test_accessibility_proposals.py, on a server of this module's
own: it adds an objecting advice and a job published against it.
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

from webapp.seed.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

WHO = ("toezicht", "gemeente")


@dataclass(frozen=True)
class Case(PageCase):
    pass


def _cases():
    return [
        Case("workspace", "toezicht", "/toezicht"),
        Case("advice-new", "toezicht", "/toezicht/jobs/{waiting}/advice"),
        Case("advice-empty", "toezicht", "/toezicht/jobs/{waiting}/advice", 422, {"reason": ""}),
        Case("advice-again", "toezicht", "/toezicht/jobs/{objected}/advice"),
        Case("job-with-advice", ANON, "/jobs/{agreed}"),
        Case("job-against-advice", ANON, "/jobs/{overridden}"),
        Case("job-edit-waiting", "gemeente", "/gemeente/jobs/{waiting}/edit"),
        Case("job-edit-objected", "gemeente", "/gemeente/jobs/{objected}/edit"),
        Case("settings", "gemeente", "/gemeente/settings"),
    ]


CASES = _cases()
VARIANTS = ("nl", "plain")
PARAMS = [
    pytest.param(case, variant, id=f"{case.who}-{case.name}-{variant}") for case in CASES for variant in VARIANTS
]


@pytest.fixture(scope="module")
def board_server(tmp_path_factory, seeded_template, build_app):
    """The demo with a draft waiting, a draft the board objects to, and a job
    published against the board's objection."""
    folder = tmp_path_factory.mktemp("board")
    shutil.copy(seeded_template, folder / "basisbaan.db")
    connection = sqlite3.connect(folder / "basisbaan.db")
    try:
        waiting, objected, overridden, agreed = [
            row[0] for row in connection.execute("SELECT id FROM jobs WHERE status = 'open' ORDER BY id LIMIT 4")
        ]
        for job_id in (waiting, objected):
            connection.execute("UPDATE jobs SET status = 'draft' WHERE id = ?", (job_id,))
        connection.execute("DELETE FROM advices WHERE job_id IN (?, ?, ?)", (waiting, objected, overridden))
        for job_id in (objected, overridden):
            advice = connection.execute(
                """INSERT INTO advices (job_id, verdict, reason, displacement, created_at)
                   VALUES (?, 'object', 'Dit werk doet een schoonmaakbedrijf al.',
                           'Schoonmaakbedrijf Glans heeft hier een contract.', '2026-11-01T10:00:00Z')""",
                (job_id,),
            ).lastrowid
        connection.execute(
            """INSERT INTO advice_overrides (advice_id, job_id, reason, created_at)
               VALUES (?, ?, ?, '2026-11-02T10:00:00Z')""",
            (advice, overridden, "Het contract stopt in januari. De buurt heeft het werk nodig."),
        )
        connection.execute(
            """UPDATE advices SET verdict = 'agree_with_conditions', conditions = 'Alleen door de week.'
               WHERE job_id = ?""",
            (agreed,),
        )
        connection.commit()
    finally:
        connection.close()
    server = LiveServer(build_app(folder)).start()
    server.ids = {"waiting": waiting, "objected": objected, "overridden": overridden, "agreed": agreed}
    yield server
    server.stop()


@pytest.fixture(scope="module")
def ids(board_server):
    return lambda case: case.path.format(**board_server.ids)


tabs, visit = own_server_pages("board_server", WHO)


class TestPages(PageChecks):
    """axe, 320 px and tap targets on every case above."""


def _csrf(body):
    match = re.search(r'name="csrf_token" value="([^"]+)"', body)
    assert match, "no CSRF token on the page"
    return match.group(1)


def test_html_is_valid(board_server, ids, tmp_path):
    pages = {}
    for variant in VARIANTS:
        for who in (ANON, *WHO):
            client = board_server.app.test_client()
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
                    response = client.post(path, data={**case.form, "csrf_token": _csrf(body)})
                assert response.status_code == case.status, f"{path}: {response.status_code}"
                pages[f"{who}-{case.name}-{variant}.html"] = response.get_data(as_text=True)
    assert len(pages) == len(CASES) * len(VARIANTS)
    assert_valid_html(pages, tmp_path)
