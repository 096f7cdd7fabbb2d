"""``flask import-jobs FILE.csv``: all rows or none, with a report of what is wrong."""

import csv

import pytest
from http_support import count, query
from oversight_support import advice_not_required

from webapp.domain.jobs import CSV_COLUMNS, REQUIRED_TEXTS


def good_row(**changes):
    row = {name: "" for name in CSV_COLUMNS}
    row.update(
        {
            "category": "errands",
            "buurt": "de-hoven",
            "employer": "Buurthuis De Wissel",
            "hours": "16",
            "days": "mon,wed",
            "skills": "cooking",
            "languages": "nl,ar",
            "places": "2",
            "start_date": "2026-12-01",
            "wage": "",
            **{name: f"{name} tekst" for name in REQUIRED_TEXTS},
        }
    )
    row.update(changes)
    return row


def write(path, rows, columns=CSV_COLUMNS):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


def run(app, *args):
    """The command's result; ``output`` holds what it wrote to stdout and stderr."""
    return app.test_cli_runner().invoke(args=["import-jobs", *args])


@pytest.fixture(autouse=True)
def _no_board_here(app):
    """These tests are about the file; tests/oversight/test_http_board.py imports with the board's advice on."""
    advice_not_required(app)


def test_a_good_file_is_imported(app, tmp_path):
    before = count(app, "jobs")
    rows = [
        good_row(
            title_nl=f"Baan {n}", buurt="Bloemenbuurt" if n % 2 else "de-hoven", wage="15,20" if n == 3 else ""
        )
        for n in range(5)
    ]
    result = run(app, write(tmp_path / "jobs.csv", rows))
    assert result.exit_code == 0, result.output
    assert "Imported 5 jobs: 5 open, 0 drafts." in result.output
    assert "draft" not in result.output.split("Imported")[1].replace("0 drafts", "")
    assert count(app, "jobs") == before + 5
    job = query(app, "SELECT * FROM jobs WHERE title_nl = 'Baan 3'")[0]
    assert job["wage_cents"] == 1520 and job["status"] == "open" and job["days"] == "mon,wed"
    assert job["languages"] == "nl,ar"
    # Imported jobs are found by the search.
    assert "Baan 3" in app.test_client().get("/jobs?q=Baan").get_data(as_text=True)


def test_one_bad_row_imports_nothing_and_names_the_line(app, tmp_path):
    before = count(app, "jobs")
    rows = [
        good_row(),
        good_row(hours="veertig", title_en="", title_nl=""),
        good_row(),
        good_row(buurt="Atlantis", title_nl="Met een\nregelovergang"),
    ]
    result = run(app, write(tmp_path / "jobs.csv", rows))
    assert result.exit_code == 1
    output = result.output
    assert "2 of 4 rows have problems. Nothing was imported." in output
    lines = {line.split(":")[0].strip(): line for line in output.splitlines() if "line " in line}
    assert set(lines) == {"line 3", "line 5"}  # the header is line 1; row 4 spans two lines
    assert "hours: not a whole number" in lines["line 3"]
    assert "title_nl, title_en: both empty" in lines["line 3"]
    assert "buurt: unknown Atlantis" in lines["line 5"]
    assert count(app, "jobs") == before


def test_a_row_missing_what_publishing_needs_becomes_a_draft_and_the_report_says_so(app, tmp_path):
    rows = [
        good_row(title_nl="Compleet", wage="€ 15,20"),
        good_row(title_nl="Zonder dagen", days="", title_en=""),
        good_row(title_nl="Zonder werkgever", employer="", status="open"),
    ]
    path = write(tmp_path / "jobs.csv", rows)
    checked = run(app, path, "--dry-run")
    assert checked.exit_code == 0, checked.output
    assert "line 3: saved as a draft, not open: missing days, title_en" in checked.output
    result = run(app, path)
    assert result.exit_code == 0, result.output
    assert "Imported 3 jobs: 1 open, 2 drafts." in result.output
    assert "2 rows are drafts because something is missing" in result.output
    assert "line 3: saved as a draft, not open: missing days, title_en" in result.output
    assert "line 4: saved as a draft, not open: missing employer" in result.output
    assert "line 2:" not in result.output
    found = {
        row["title_nl"]: row
        for row in query(
            app, "SELECT * FROM jobs WHERE title_nl IN (?, ?, ?)", ("Compleet", "Zonder dagen", "Zonder werkgever")
        )
    }
    assert found["Compleet"]["status"] == "open" and found["Compleet"]["wage_cents"] == 1520
    assert found["Zonder dagen"]["status"] == "draft" and found["Zonder werkgever"]["status"] == "draft"
    # A draft is not on the residents' job list.
    assert "Zonder dagen" not in app.test_client().get("/jobs?q=Zonder").get_data(as_text=True)


def test_dry_run_imports_nothing(app, tmp_path):
    before = count(app, "jobs")
    result = run(app, write(tmp_path / "jobs.csv", [good_row()]), "--dry-run")
    assert result.exit_code == 0 and "All 1 rows are fine" in result.output
    assert count(app, "jobs") == before


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        (("category", "buurt", "hours", "colour", *REQUIRED_TEXTS), "unknown columns: colour"),
        (("category", "hours", *REQUIRED_TEXTS), "missing columns: buurt"),
    ],
)
def test_a_wrong_header_is_refused(app, tmp_path, columns, message):
    rows = [{name: good_row().get(name, "x") for name in columns}]
    result = run(app, write(tmp_path / "jobs.csv", rows, columns))
    assert result.exit_code != 0 and message in result.output


def test_a_column_named_twice_is_refused_with_its_line_and_columns(app, tmp_path):
    # csv.DictReader keeps the last cell of two with one name: "employer" filled
    # in and then empty again would import a job without its employer.
    columns = [*CSV_COLUMNS, "employer", " buurt "]
    first = columns.index("employer") + 1
    buurt = columns.index("buurt") + 1
    path = tmp_path / "twice.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerow([good_row()[name.strip()] for name in CSV_COLUMNS] + ["", "de-hoven"])
    before = count(app, "jobs")
    result = run(app, str(path))
    assert result.exit_code != 0
    assert (
        f"line 1, column employer is named more than once (columns {first}, {len(columns) - 1})" in result.output
    )
    assert f"line 1, column buurt is named more than once (columns {buurt}, {len(columns)})" in result.output
    assert count(app, "jobs") == before


def test_an_empty_file_and_a_binary_file_are_refused(app, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    assert "no header line" in run(app, str(empty)).output
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00\x01category\n")
    assert "not UTF-8" in run(app, str(binary)).output
    only_header = tmp_path / "header.csv"
    only_header.write_text(",".join(CSV_COLUMNS) + "\n")
    assert "no jobs" in run(app, str(only_header)).output


def test_the_readme_documents_every_column():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for column in CSV_COLUMNS:
        assert f"`{column}`" in readme, column
