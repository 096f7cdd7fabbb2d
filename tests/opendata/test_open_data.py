"""Open data: ``flask open-data`` writes CSV and JSON files into the instance
folder, ``/open-data`` describes them and serves them as they are, and no file
holds personal data: no resident's name or username, no contact, no single vote."""

import csv
import io
import json
import re

import pytest
from http_support import execute, page, query, scalar, t, user_id

from webapp.auth.changes import create_user
from webapp.db import connect
from webapp.opendata import files
from webapp.opendata.datasets import DATASETS

CONTACT = "geheim.adres@example.org"


def run(app):
    return app.test_cli_runner().invoke(args=["open-data"])


def read(app, name, extension):
    with open(files.path(app.instance_path, name, extension), encoding="utf-8", newline="") as handle:
        return handle.read()


def test_the_command_writes_every_file(app):
    result = run(app)
    assert result.exit_code == 0, result.output
    assert "Open data written to" in result.output
    for dataset in DATASETS:
        header = next(csv.reader(io.StringIO(read(app, dataset.name, "csv"))))
        assert header == [column for column, _description in dataset.columns]
        document = json.loads(read(app, dataset.name, "json"))
        assert document["dataset"] == dataset.name and document["columns"] == header
    published = scalar(app, "SELECT COUNT(*) FROM jobs WHERE status != 'draft'")
    assert len(json.loads(read(app, "jobs", "json"))["rows"]) == published
    assert f"{published} jobs" in result.output


def test_a_second_run_replaces_the_files_and_leaves_no_temporary_ones(app):
    run(app)
    execute(app, "UPDATE jobs SET status = 'draft' WHERE id = 1")
    run(app)
    assert 1 not in [row["id"] for row in json.loads(read(app, "jobs", "json"))["rows"]]
    assert sorted(
        p.name
        for p in (app.instance_path and __import__("pathlib").Path(files.folder(app.instance_path))).iterdir()
    ) == sorted(f"{dataset.name}.{extension}" for dataset in DATASETS for extension in ("csv", "json"))


def test_the_page_before_the_files_are_made(client, app):
    html = page(client.get("/open-data"))
    assert t(app, "The files are not ready yet. Please come back later.") in html
    assert client.get("/open-data/jobs.csv").status_code == 404


def test_the_page_describes_every_column_and_says_when_the_files_were_made(client, app):
    run(app)
    html = page(client.get("/open-data"))
    assert "The files were made on" in html or t(app, "Open data") in html
    assert t(app, "The files are not ready yet. Please come back later.") not in html
    for dataset in DATASETS:
        assert f'href="/open-data/{dataset.name}.csv"' in html
        assert f'href="/open-data/{dataset.name}.json"' in html
        for column, _description in dataset.columns:
            assert f"<dt>{column}</dt>" in html


@pytest.mark.parametrize(
    ("extension", "content_type", "disposition"),
    [
        ("csv", "text/csv; charset=utf-8", "attachment; filename=basisbaan-proposals.csv"),
        ("json", "application/json", "inline; filename=basisbaan-proposals.json"),
    ],
)
def test_a_file_is_served_with_its_type_name_and_validators(client, app, extension, content_type, disposition):
    run(app)
    response = client.get(f"/open-data/proposals.{extension}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == content_type
    assert response.headers["Content-Disposition"] == disposition
    assert response.headers["Last-Modified"] and response.headers["ETag"]
    assert response.data.decode() == read(app, "proposals", extension)
    again = client.get(f"/open-data/proposals.{extension}", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    since = client.get(
        f"/open-data/proposals.{extension}", headers={"If-Modified-Since": response.headers["Last-Modified"]}
    )
    assert since.status_code == 304


@pytest.mark.parametrize(
    "path", ["/open-data/users.csv", "/open-data/jobs.xml", "/open-data/..%2Fbasisbaan.db.csv"]
)
def test_only_the_datasets_are_served(client, app, path):
    run(app)
    assert client.get(path).status_code == 404


# --- no personal data --------------------------------------------------------------


@pytest.fixture
def people(app):
    """Residents with names nobody else has: one writes a proposal, all vote,
    one objects without showing a name (with a contact), one objects showing a
    name; the board decides both and advises on a job."""
    db = connect(app.config["DATABASE"])
    try:
        names = [
            ("zwaantje.q", "Zwaantje Qwertyberg"),
            ("bartel.x", "Bartel Xylofoonsma"),
            ("mirre.v", "Mirre Vlinderhof"),
        ]
        ids = [create_user(db, username=username, role="resident", display_name=name) for username, name in names]
    finally:
        db.close()
    proposal = query(app, "SELECT id FROM proposals WHERE status = 'open' ORDER BY id LIMIT 1")[0]["id"]
    execute(app, "UPDATE proposals SET author_id = ? WHERE id = ?", (ids[0], proposal))
    for voter in ids:
        execute(
            app,
            "INSERT OR IGNORE INTO votes (proposal_id, user_id, created_at) VALUES (?, ?, '2026-11-20T10:00:00Z')",
            (proposal, voter),
        )
    board = user_id(app, "toezicht")
    execute(
        app,
        """INSERT INTO objections (proposal_id, ground, text, user_id, contact, created_at, answer_due,
                                   decision, decision_reason, decided_by, decided_at)
           VALUES (?, 'no_displacement', 'Dit werk doet de plantsoendienst al.', ?, ?,
                   '2026-11-01T10:00:00Z', '2026-11-29T10:00:00Z', 'not_upheld', 'Niemand doet dit nu betaald.',
                   ?, '2026-11-10T10:00:00Z')""",
        (proposal, ids[1], CONTACT, board),
    )
    execute(
        app,
        """INSERT INTO objections (job_id, ground, text, user_id, public_name, created_at, answer_due,
                                   decision, decision_reason, decided_by, decided_at)
           VALUES (1, 'new_paid_work', 'Dit is geen nieuw werk.', ?, 'Buurvrouw Els', '2026-11-02T10:00:00Z',
                   '2026-11-30T10:00:00Z', 'upheld', 'Dat klopt.', ?, '2026-11-12T10:00:00Z')""",
        (ids[2], board),
    )
    return names


def test_no_file_holds_a_residents_name_username_or_contact(app, people):
    assert run(app).exit_code == 0
    texts = {
        f"{dataset.name}.{extension}": read(app, dataset.name, extension)
        for dataset in DATASETS
        for extension in ("csv", "json")
    }
    residents = query(app, "SELECT username, display_name FROM users WHERE role = 'resident'")
    assert len(residents) > 3
    for file_name, text in texts.items():
        for resident in residents:
            for word in (resident["username"], resident["display_name"]):
                if word:
                    assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I), (file_name, word)
        assert CONTACT not in text and "user_id" not in text and "advised_by" not in text
    # The name the objector chose to show is public; the other objection has none.
    objections = json.loads(texts["objections.json"])["rows"]
    assert sorted(row["public_name"] for row in objections) == ["", "Buurvrouw Els"]


def test_votes_are_only_counted(app, people):
    run(app)
    proposals = (
        json.loads(read(app, "proposals.json"))["rows"]
        if False
        else json.loads(read(app, "proposals", "json"))["rows"]
    )
    counted = {row["id"]: row["votes"] for row in proposals}
    for proposal_id, votes in counted.items():
        assert votes == scalar(app, "SELECT vote_count FROM proposals WHERE id = ?", (proposal_id,))
    assert set(proposals[0]) == {column for column, _ in DATASETS[0].columns}


def test_hidden_and_draft_proposals_are_left_out(app):
    execute(
        app,
        "UPDATE proposals SET moderation = 'hidden' "
        "WHERE id = (SELECT MIN(id) FROM proposals WHERE status = 'open')",
    )
    run(app)
    ids = {row["id"] for row in json.loads(read(app, "proposals", "json"))["rows"]}
    hidden = scalar(app, "SELECT id FROM proposals WHERE moderation = 'hidden'")
    drafts = {row["id"] for row in query(app, "SELECT id FROM proposals WHERE status = 'draft'")}
    assert hidden not in ids and not (drafts & ids) and ids


def test_at_first_start_missing_files_are_made_and_present_ones_are_left(app):
    from webapp.opendata.routes import make_if_missing

    assert files.missing(app.instance_path)
    make_if_missing(app)
    assert not files.missing(app.instance_path)
    made = files.made_at(app.instance_path)
    execute(app, "UPDATE jobs SET status = 'draft' WHERE id = 1")
    make_if_missing(app)
    assert files.made_at(app.instance_path) == made
    assert 1 in [row["id"] for row in json.loads(read(app, "jobs", "json"))["rows"]]


def test_the_demo_seed_makes_the_files(make_app):
    app = make_app(seed=False)
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert not files.missing(app.instance_path)
    assert json.loads(read(app, "jobs", "json"))["rows"]


def test_every_job_carries_its_business_case(app):
    """20 hours at EUR 50 for 2 places: wages 104,000 plus 30 % charges; two
    partners; bijstand EUR 1,500 a month no longer paid for each place."""
    job = scalar(app, "SELECT id FROM jobs WHERE status = 'open' ORDER BY id LIMIT 1")
    execute(app, "UPDATE jobs SET hours = 20, wage_cents = 5000, places = 2 WHERE id = ?", (job,))
    execute(app, "DELETE FROM job_partners WHERE job_id = ?", (job,))
    for name, cents in (("Fonds", 40_000_00), ("=Woningcorporatie", 20_000_00)):
        execute(
            app,
            "INSERT INTO job_partners (job_id, name, kind, yearly_cents, note, created_at, updated_at)"
            " VALUES (?, ?, 'money', ?, '', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')",
            (job, name, cents),
        )
    execute(app, "INSERT INTO bijstand_amount VALUES ('2026-12-01', 150000, 'month')")
    execute(
        app,
        "INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('employer_charge', '30', '2026-12-01')",
    )
    run(app)
    [row] = [row for row in json.loads(read(app, "jobs", "json"))["rows"] if row["id"] == job]
    assert row["cost_eur"] == 135_200.0
    assert row["partners"] == "Fonds; =Woningcorporatie" and row["partners_eur"] == 60_000.0
    assert row["bijstand_saved_eur"] == 36_000.0
    assert row["missing_eur"] == 39_200.0
    [line] = [line for line in csv.DictReader(io.StringIO(read(app, "jobs", "csv"))) if line["id"] == str(job)]
    assert line["partners"] == "Fonds; =Woningcorporatie"  # the cell starts with a name: no formula
    assert float(line["missing_eur"]) == 39_200.0


def test_open_objections_are_in_the_file_but_not_about_a_hidden_proposal(app, people):
    """The job and proposal pages show open objections with their due date,
    so the file does too; an objection about a hidden proposal stays out."""
    latest = "SELECT id FROM proposals WHERE status = 'open' ORDER BY id DESC LIMIT 2"  # not the people's
    shown, hidden = [row["id"] for row in query(app, latest)]
    for proposal in (shown, hidden):
        execute(
            app,
            """INSERT INTO objections (proposal_id, ground, text, created_at, answer_due)
               VALUES (?, 'no_displacement', 'Nog geen antwoord.',
                       '2026-12-01T10:00:00Z', '2026-12-29T10:00:00Z')""",
            (proposal,),
        )
    execute(app, "UPDATE proposals SET moderation = 'hidden' WHERE id = ?", (hidden,))
    run(app)
    rows = json.loads(read(app, "objections", "json"))["rows"]
    waiting = [row for row in rows if row["state"] == "open"]
    assert [(row["proposal_id"], row["answer_due"]) for row in waiting] == [(shown, "2026-12-29T10:00:00Z")]
    assert {row["state"] for row in rows} == {"open", "upheld", "not_upheld"}
