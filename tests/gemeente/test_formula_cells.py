"""A job imported with a title a spreadsheet would run as a formula is written
as text (a leading apostrophe) in every CSV and OpenDocument export: the
impact downloads and the open-data jobs file (the JSON keeps the title as it is)."""

import csv
import io
import json
import zipfile

import pytest
from http_support import query, sign_in
from oversight_support import advice_not_required
from test_import_jobs import good_row, write

from webapp.opendata import files

TITLE = '=HYPERLINK("http://example.org/x","klik")'
SAFE = "'" + TITLE


@pytest.fixture
def imported(app, tmp_path):
    advice_not_required(app)
    rows = [good_row(title_nl=TITLE, title_en="@SUM(1+1)", employer="+31 6 1234 5678")]
    result = app.test_cli_runner().invoke(args=["import-jobs", write(tmp_path / "jobs.csv", rows)])
    assert result.exit_code == 0, result.output
    return query(app, "SELECT id FROM jobs WHERE title_nl = ?", (TITLE,))[0]["id"]


def test_the_impact_csv_writes_the_title_as_text(client, imported):
    sign_in(client, "gemeente")
    found = list(csv.reader(io.StringIO(client.get("/gemeente/impact.csv").get_data(as_text=True))))
    row = next(row for row in found if row and row[0] == str(imported))
    assert row[1] == SAFE
    # A negative amount (a net cost below zero) is a number, not a formula.
    cells = [cell for line in found for cell in line]
    assert not any(cell.startswith(("=", "+", "-", "@")) and not is_number(cell) for cell in cells)


def is_number(cell):
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_the_impact_spreadsheet_writes_the_title_as_text(client, imported):
    from odf.opendocument import load
    from odf.table import TableCell

    sign_in(client, "gemeente")
    response = client.get("/gemeente/impact.ods")
    document = load(io.BytesIO(response.data))
    texts = [str(cell) for cell in document.spreadsheet.getElementsByType(TableCell)]
    assert SAFE in texts and TITLE not in texts
    with zipfile.ZipFile(io.BytesIO(response.data)) as spreadsheet:
        assert "table:formula" not in spreadsheet.read("content.xml").decode()


def test_the_open_data_csv_writes_the_texts_as_text_and_the_json_keeps_them(app, imported):
    assert app.test_cli_runner().invoke(args=["open-data"]).exit_code == 0
    with open(files.path(app.instance_path, "jobs", "csv"), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    row = next(row for row in rows if row["id"] == str(imported))
    assert (row["title_nl"], row["title_en"], row["employer"]) == (SAFE, "'@SUM(1+1)", "'+31 6 1234 5678")
    with open(files.path(app.instance_path, "jobs", "json"), encoding="utf-8") as handle:
        job = next(job for job in json.load(handle)["rows"] if job["id"] == imported)
    assert job["title_nl"] == TITLE
