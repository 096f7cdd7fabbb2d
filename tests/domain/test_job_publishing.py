"""What a job needs before residents see it, and the texts still to translate."""

import pytest

from webapp.domain import jobs


def complete_job(**changes):
    job = {
        "category": "errands",
        "buurt_id": 4,
        "employer": "Buurthuis De Wissel",
        "hours": 16,
        "days": "mon,tue",
        **{name: f"{name} tekst" for name in jobs.FORM_TEXTS},
    }
    job.update(changes)
    return job


def test_a_complete_job_may_be_published():
    assert jobs.missing_to_publish(complete_job()) == []


def test_the_plain_summary_in_english_is_named_when_it_is_missing():
    assert jobs.missing_to_publish(complete_job(plain_en="")) == ["plain_en"]


@pytest.mark.parametrize("name", ["employer", "days", "title_en", "summary_nl", "tasks_en", "plain_nl"])
def test_every_field_publishing_needs_is_named(name):
    assert jobs.missing_to_publish(complete_job(**{name: ""})) == [name]


def test_spaces_are_no_text():
    assert jobs.missing_to_publish(complete_job(title_en="   ", employer="\n")) == ["employer", "title_en"]


def test_no_hours_is_missing_hours():
    assert jobs.missing_to_publish(complete_job(hours=None)) == ["hours"]


def test_what_is_missing_comes_in_the_order_of_the_job_form():
    job = complete_job(tasks_en="", days="", title_en="", employer="", plain_en="")
    assert jobs.missing_to_publish(job) == ["employer", "days", "title_en", "plain_en", "tasks_en"]


def test_texts_that_may_wait_do_not_stop_publishing():
    job = complete_job(problem_nl="", problem_en="", team_nl=" ", team_en="", title_plain_nl="", tasks_plain_en="")
    assert jobs.missing_to_publish(job) == []


def test_a_text_that_may_wait_is_needed_in_both_languages_once_written_in_one():
    assert jobs.missing_to_publish(complete_job(problem_en="")) == ["problem_en"]
    assert jobs.missing_to_publish(complete_job(team_nl="")) == ["team_nl"]


def test_no_days_chosen_in_the_form_is_missing_days():
    assert jobs.missing_to_publish(complete_job(days=[])) == ["days"]
    assert jobs.missing_to_publish(complete_job(days=["mon"])) == []


def dutch_only():
    """What a draft made from a Dutch proposal holds: only the Dutch texts."""
    job = complete_job(**{name: "" for name in jobs.FORM_TEXTS})
    job.update(title_nl="Boodschappenhulp", summary_nl="Boodschappen doen", tasks_nl="Je doet boodschappen")
    job.update(problem_nl="Ouderen komen de deur niet uit", team_nl="Buurthuis")
    return job


def test_a_dutch_draft_has_its_english_texts_to_translate():
    assert jobs.to_translate(dutch_only()) == ["title_en", "summary_en", "tasks_en", "problem_en", "team_en"]


def test_an_english_draft_has_its_dutch_texts_to_translate():
    job = complete_job(**{name: "" for name in jobs.FORM_TEXTS})
    job.update(title_en="Errands", tasks_en="You do errands")
    assert jobs.to_translate(job) == ["title_nl", "tasks_nl"]


def test_a_text_empty_in_both_languages_is_not_to_translate():
    assert "plain_en" not in jobs.to_translate(dutch_only())
    assert jobs.to_translate(complete_job()) == []


def test_a_dutch_draft_cannot_be_published_and_says_what_is_missing():
    missing = jobs.missing_to_publish(dutch_only())
    assert missing == ["title_en", "summary_en", "plain_nl", "plain_en", "tasks_en", "problem_en", "team_en"]


# --- the CSV import: open only when complete -------------------------------------------


def csv_row(**changes):
    row = {name: "" for name in jobs.CSV_COLUMNS}
    row.update(
        category="errands",
        buurt="de-hoven",
        hours="16",
        days="mon,tue",
        employer="Buurthuis",
        **{name: f"{name} tekst" for name in jobs.REQUIRED_TEXTS},
    )
    row.update(changes)
    return row


BUURTEN = {"de-hoven": 4}


def test_a_complete_row_becomes_an_open_job_without_a_note():
    values, problems = jobs.job_from_csv(csv_row(), BUURTEN, 1471)
    assert problems == [] and values["status"] == "open"
    assert jobs.import_notes(values) is None


@pytest.mark.parametrize(
    ("changes", "note"),
    [
        ({"days": ""}, "saved as a draft, not open: missing days"),
        ({"employer": "", "title_en": ""}, "saved as a draft, not open: missing employer, title_en"),
        ({"plain_en": "", "status": "open"}, "saved as a draft, not open: missing plain_en"),
        ({"summary_en": "", "status": "draft"}, "saved as a draft, not open: missing summary_en"),
    ],
)
def test_a_row_missing_what_publishing_needs_becomes_a_draft_and_says_why(changes, note):
    values, problems = jobs.job_from_csv(csv_row(**changes), BUURTEN, 1471)
    assert problems == []
    assert values["status"] == "draft"
    assert jobs.import_notes(values) == note


def test_a_complete_row_asked_as_a_draft_stays_a_draft_quietly():
    values, _problems = jobs.job_from_csv(csv_row(status="draft"), BUURTEN, 1471)
    assert values["status"] == "draft" and jobs.import_notes(values) is None


@pytest.mark.parametrize(("wage", "cents"), [("€ 15,20", 1520), ("15.20", 1520), ("15,2", 1520), ("", None)])
def test_a_csv_wage_is_read_like_every_other_amount(wage, cents):
    values, problems = jobs.job_from_csv(csv_row(wage=wage), BUURTEN, 1471)
    assert problems == [] and values["wage_cents"] == cents


def test_a_csv_row_keeps_its_funding():
    values, problems = jobs.job_from_csv(csv_row(funding="Gemeente Lindeveld"), BUURTEN, 1471)
    assert problems == [] and values["funding"] == "Gemeente Lindeveld"
