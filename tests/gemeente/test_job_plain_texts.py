"""The municipality writes a plain version of every job text: in the job
form (which lists the ones still missing) and in the CSV import."""

import csv

from http_support import page, post_form, query, scalar, sign_in, t
from oversight_support import advise

from webapp.domain import jobs as job_rules

JOB = {
    "category": "errands",
    "buurt": "4",
    "employer": "Buurthuis De Wissel",
    "hours": "16",
    "days": ["mon", "tue"],
    "wage": "",
    "wage_scale": "",
    "places": "2",
    "start_date": "2026-12-01",
    **{name: f"{name} tekst" for name in job_rules.FORM_TEXTS},
}


def test_the_job_form_has_a_field_for_every_plain_text(app, client):
    sign_in(client, "gemeente")
    body = page(client.get("/gemeente/jobs/new"))
    for name in job_rules.PLAIN_TEXTS:
        assert f'name="{name}"' in body, name
    assert t(app, "What you do, in plain language (Dutch)") in body


def test_a_new_job_keeps_every_plain_text(app, client):
    sign_in(client, "gemeente")
    assert post_form(client, "/gemeente/jobs/new", JOB).status_code == 303
    job = query(app, "SELECT * FROM jobs ORDER BY id DESC LIMIT 1")[0]
    for name in job_rules.PLAIN_TEXTS:
        assert job[name] == f"{name} tekst", name


def test_the_job_form_lists_the_plain_texts_still_missing(app, client):
    sign_in(client, "gemeente")
    form = {**JOB, "tasks_plain_en": "", "team_plain_nl": "", "problem_nl": "", "problem_plain_nl": ""}
    assert post_form(client, "/gemeente/jobs/new", form).status_code == 303
    job_id = scalar(app, "SELECT MAX(id) FROM jobs")
    body = page(client.get(f"/gemeente/jobs/{job_id}/edit"))
    assert t(app, "What you do, in plain language (English)") in body
    assert 'href="#tasks_plain_en"' in body and 'href="#team_plain_nl"' in body
    # No standard text, so no plain one is asked for; the rest is written.
    assert 'href="#problem_plain_nl"' not in body and 'href="#title_plain_nl"' not in body


def test_a_job_without_plain_texts_can_still_be_published(app, client):
    sign_in(client, "gemeente")
    form = {**JOB, **{name: "" for name in job_rules.PLAIN_TEXTS}}
    assert post_form(client, "/gemeente/jobs/new", form).status_code == 303
    job_id = scalar(app, "SELECT MAX(id) FROM jobs")
    advise(app, job_id)
    assert post_form(client, f"/gemeente/jobs/{job_id}/publish").status_code == 303
    assert scalar(app, "SELECT status FROM jobs WHERE id = ?", (job_id,)) == "open"


def test_missing_plain_texts_are_only_those_with_a_standard_text():
    texts = {name: "x" for name in job_rules.FORM_TEXTS}
    assert job_rules.missing_plain_texts(texts) == []
    texts.update(tasks_plain_en="", team_nl="", team_plain_nl="")
    assert job_rules.missing_plain_texts(texts) == ["tasks_plain_en"]


def test_the_csv_import_reads_the_plain_columns(app, tmp_path):
    row = {name: "" for name in job_rules.CSV_COLUMNS}
    row.update(category="errands", buurt="de-hoven", hours="16")
    row.update({name: f"{name} tekst" for name in job_rules.REQUIRED_TEXTS})
    row.update({name: f"{name} eenvoudig" for name in job_rules.PLAIN_TEXTS})
    row["title_nl"] = "Baan met eenvoudige teksten"
    path = tmp_path / "jobs.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=job_rules.CSV_COLUMNS)
        writer.writeheader()
        writer.writerow(row)
    result = app.test_cli_runner().invoke(args=["import-jobs", str(path)])
    assert result.exit_code == 0, result.output
    job = query(app, "SELECT * FROM jobs WHERE title_nl = 'Baan met eenvoudige teksten'")[0]
    for name in job_rules.PLAIN_TEXTS:
        assert job[name] == f"{name} eenvoudig", name


def test_a_too_long_plain_text_in_the_csv_is_refused():
    row = {name: "x" for name in job_rules.REQUIRED_TEXTS}
    row.update(category="errands", buurt="de-hoven", hours="16", title_plain_nl="y" * 121)
    _values, problems = job_rules.job_from_csv(row, {"de-hoven": 4}, None)
    assert "title_plain_nl: longer than 120 characters" in problems


def test_every_plain_column_is_optional_in_the_csv():
    assert not set(job_rules.PLAIN_TEXTS) & set(job_rules.CSV_REQUIRED)
    assert set(job_rules.PLAIN_TEXTS) <= set(job_rules.CSV_COLUMNS)
