"""``/gemeente/impact``: the programme for the council. Jobs, places and the
participants placed per category and per wijk, a printable view, and the
downloads (CSV, OpenDocument) with their types, names and contents."""

import csv
import io
import re
import zipfile

import pytest
from http_support import execute, page, query, scalar, sign_in, t, user_id

from webapp.domain import impact as impact_rules


def place(app, job_id, username, created_at):
    execute(
        app,
        "INSERT INTO placements (job_id, user_id, created_at) VALUES (?, ?, ?)",
        (job_id, user_id(app, username), created_at),
    )


@pytest.fixture
def placed(app):
    """bewoner placed a year ago and bewoner2 a month ago, in two open jobs
    (and nobody else: the demo's placements are taken out first)."""
    execute(app, "DELETE FROM placements")
    jobs = query(app, "SELECT id FROM jobs WHERE status = 'open' ORDER BY id LIMIT 2")
    place(app, jobs[0]["id"], "bewoner", "2025-12-01T09:00:00Z")
    place(app, jobs[1]["id"], "bewoner2", "2026-11-01T09:00:00Z")
    return [job["id"] for job in jobs]


def test_the_page_shows_the_totals_and_both_tables(app, client, placed):
    sign_in(client, "gemeente")
    html = page(client.get("/gemeente/impact"))
    published = query(app, "SELECT COUNT(*) AS n FROM jobs WHERE status != 'draft'")[0]["n"]
    assert f'<span class="figure__number">{published}</span>' in html
    assert 'id="chart-category-caption"' in html and 'id="chart-wijk-caption"' in html
    assert 'id="table-category-caption"' in html and 'id="table-wijk-caption"' in html
    placed_label = t(app, "participants placed")
    assert f'<span class="figure__number">2</span> <span class="figure__label">{placed_label}' in html
    # The menu links to it, and it offers the print view and both downloads.
    assert 'href="/gemeente/impact/print"' in html
    assert 'href="/gemeente/impact.csv"' in html and 'href="/gemeente/impact.ods"' in html


def test_the_printable_view_has_no_menu(client, placed):
    sign_in(client, "gemeente")
    html = page(client.get("/gemeente/impact/print"))
    assert 'class="main-nav"' not in html and 'class="sub-nav"' not in html
    assert 'id="table-wijk-caption"' in html


def test_the_csv_download(app, client, placed):
    sign_in(client, "gemeente")
    response = client.get("/gemeente/impact.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="basisbaan-impact-') and disposition.endswith('.csv"')
    found = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    # Six tables, each after a line with its name and followed by an empty line:
    # per category, per wijk, all together, per job, and the two check-in tables.
    assert found[0] == [t(app, "Per category")] and found.count([]) == 6
    assert len(found[1]) == 1 + len(impact_rules.FIGURES) + len(impact_rules.MONEY)
    assert [t(app, "Check-ins per quarter")] in found and [t(app, "Check-ins per district")] in found
    together = found.index([t(app, "All together")])
    assert found[together + 2][impact_rules.FIGURES.index("people") + 1] == "2"
    start = found.index([t(app, "Per job")]) + 2
    per_job = found[start : found.index([], start)]
    assert len(per_job) == scalar(app, "SELECT COUNT(*) FROM jobs WHERE status != 'draft'")


def test_the_opendocument_download(client, placed):
    sign_in(client, "gemeente")
    response = client.get("/gemeente/impact.ods")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    assert response.headers["Content-Disposition"].endswith('.ods"')
    with zipfile.ZipFile(io.BytesIO(response.data)) as spreadsheet:
        assert spreadsheet.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        content = spreadsheet.read("content.xml").decode()
    assert content.count("<table:table ") == 6


def test_how_long_people_are_placed(app):
    """bewoner for 12 months, bewoner2 for 1: on average 6.5 months, 1 of them half a year or longer."""
    from webapp.gemeente import queries

    execute(app, "DELETE FROM placements")
    jobs = query(app, "SELECT id FROM jobs WHERE status = 'open' ORDER BY id LIMIT 2")
    place(app, jobs[0]["id"], "bewoner", "2025-12-01T00:00:00Z")
    place(app, jobs[1]["id"], "bewoner2", "2026-11-01T00:00:00Z")
    from webapp.db import connect

    db = connect(app.config["DATABASE"])
    try:
        report = queries.impact_report(db, "2026-12-01T00:00:00Z")
    finally:
        db.close()
    total = report["all"][0]
    assert total["people"] == 2 and total["half_year"] == 1
    assert total["months"] == pytest.approx((365 + 30) / 2 / impact_rules.DAYS_PER_MONTH, abs=0.05)
    assert sum(row["people"] for row in report["wijk"]) == 2


def test_a_draft_job_is_not_counted(app, client):
    sign_in(client, "gemeente")
    before = page(client.get("/gemeente/impact"))
    execute(
        app,
        "INSERT INTO jobs (status, category, buurt_id, hours, title_nl, created_at) "
        "VALUES ('draft', 'green', 1, 10, 'Concept', '2026-12-01T00:00:00Z')",
    )
    assert page(client.get("/gemeente/impact")) == before


@pytest.fixture
def one_paid_place(app):
    """One job of 20 hours at EUR 50 an hour, 1 of its 2 places filled, one
    partner giving EUR 10,000 a year, bijstand EUR 1,500 a month, charges 30 %;
    no other place filled."""
    job = query(app, "SELECT id FROM jobs WHERE status = 'open' ORDER BY id LIMIT 1")[0]["id"]
    execute(app, "DELETE FROM placements")
    execute(app, "UPDATE jobs SET places_filled = 0")
    execute(app, "UPDATE jobs SET hours = 20, wage_cents = 5000, places = 2 WHERE id = ?", (job,))
    execute(app, "DELETE FROM job_partners")
    execute(
        app,
        "INSERT INTO job_partners (job_id, name, kind, yearly_cents, note, created_at, updated_at)"
        " VALUES (?, 'Fonds', 'money', 1000000, '', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')",
        (job,),
    )
    execute(app, "INSERT INTO bijstand_amount VALUES ('2026-12-01', 150000, 'month')")
    execute(
        app,
        "INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('employer_charge', '30', '2026-12-01')",
    )
    place(app, job, "bewoner", "2026-06-01T09:00:00Z")  # a trigger fills the place
    assert scalar(app, "SELECT places_filled FROM jobs WHERE id = ?", (job,)) == 1
    return job


def test_the_money_of_the_filled_places(app, client, one_paid_place):
    """Wages 20 x 50 x 52 = 52,000 with 30 % charges: 67,600. The partner's
    10,000 is shared over 2 places: 5,000. Bijstand 18,000 a year no longer
    paid. Net: 67,600 - 5,000 - 18,000 = 44,600, for 1 person placed."""
    from webapp.gemeente import queries

    with app.app_context():
        from webapp.db import get_db

        total = queries.impact_report(get_db(), "2026-12-05T00:00:00Z")["all"][0]
    assert (total["cost"], total["partners"], total["benefit"]) == (6_760_000, 500_000, 1_800_000)
    assert total["net"] == total["net_per_person"] == 4_460_000
    sign_in(client, "gemeente")
    html = page(client.get("/gemeente/impact"))
    for amount in ("67.600,00", "5.000,00", "18.000,00", "44.600,00"):
        assert amount in html, amount
    found = list(csv.reader(io.StringIO(client.get("/gemeente/impact.csv").get_data(as_text=True))))
    together = found[found.index([t(app, "All together")]) + 2]
    money = together[1 + len(impact_rules.FIGURES) :]
    assert [float(value) for value in money] == [67600.0, 5000.0, 18000.0, 44600.0, 44600.0]
    start = found.index([t(app, "Per job")]) + 2
    [job] = [row for row in found[start:] if row and row[0] == str(one_paid_place)]
    assert [float(value) for value in job[-4:]] == [67600.0, 5000.0, 18000.0, 44600.0]


def test_a_job_without_filled_places_costs_the_programme_nothing(app, one_paid_place):
    from webapp.db import get_db
    from webapp.gemeente import queries

    execute(app, "UPDATE jobs SET places_filled = 0")
    with app.app_context():
        total = queries.impact_report(get_db(), "2026-12-05T00:00:00Z")["all"][0]
    assert (total["cost"], total["partners"], total["benefit"], total["net"]) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    "change",
    [
        "INSERT INTO placements (job_id, user_id, created_at) SELECT {job}, id, '2026-11-01T09:00:00Z'"
        " FROM users WHERE username = 'bewoner3'",
        "UPDATE settings SET value = '50' WHERE key = 'employer_charge'",
        "INSERT INTO bijstand_amount VALUES ('2026-12-02', 100000, 'month')",
        "DELETE FROM job_partners",
        "UPDATE jobs SET wage_cents = 9000 WHERE id = {job}",
    ],
)
def test_the_page_shows_a_change_at_once(app, client, placed, change):
    """The figures are made once and kept until what they are made of changes."""
    execute(app, "INSERT OR IGNORE INTO settings (key, value, updated_at) VALUES ('employer_charge', '30', 'x')")
    sign_in(client, "gemeente")
    before = main_of(client)
    assert main_of(client) == before
    execute(app, change.format(job=placed[0]))
    assert main_of(client) != before


def main_of(client):
    return re.search(r"<main.*</main>", page(client.get("/gemeente/impact")), re.S).group(0)
