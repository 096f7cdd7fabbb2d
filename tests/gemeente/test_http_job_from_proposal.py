"""A job from an approved proposal: one language to start, the other to translate,
who pays kept as funding, and publishing only when nothing is missing."""

import html

import pytest
from http_support import DEMO_INTEREST_JOB, messages, page, post_form, query, scalar, sign_in, snapshot, t
from oversight_support import advise
from proposal_support import MISSING_FROM_A_PROPOSALS_DRAFT, WITH_GEMEENTE

from webapp.domain.jobs import FORM_TEXTS
from webapp.domain.proposals import CRITERIA
from webapp.domain.vocab import split_codes

APPROVE = {
    "decision": "approved",
    "criteria": list(CRITERIA),
    "reason": "Een goed plan. De gemeente en de corporatie betalen.",
    "payer": "Gemeente Lindeveld en Thuis in Lindeveld",
    "amount": "32.000",
}
ENGLISH = {
    "title_en": "Errand helper",
    "summary_en": "You do the shopping for neighbours who cannot go out.",
    "plain_en": "You shop for neighbours. They cannot go out.",
    "tasks_en": "You collect a list, do the shopping and bring it home.",
    "plain_nl": "Je doet boodschappen voor buren. Zij kunnen niet weg.",
    "problem_en": "Older neighbours cannot carry their shopping home.",
    "team_en": "The people of the community centre.",
}


def approve(app, client):
    sign_in(client, "gemeente")
    response = post_form(client, f"/gemeente/proposals/{WITH_GEMEENTE}", APPROVE)
    assert response.status_code == 303
    job_id = scalar(app, "SELECT job_id FROM proposals WHERE id = ?", (WITH_GEMEENTE,))
    return job_id, query(app, "SELECT * FROM jobs WHERE id = ?", (job_id,))[0]


def edit_form(job, **changes):
    """What the job form sends for ``job`` as it is, with ``changes``."""
    form = {
        "category": job["category"],
        "buurt": str(job["buurt_id"]),
        "employer": job["employer"],
        "funding": job["funding"],
        "hours": str(job["hours"]),
        "places": str(job["places"]),
        "wage": "",
        "wage_scale": "",
        "start_date": "",
        **{name: job[name] for name in FORM_TEXTS},
    }
    form.update(changes)
    return form


def test_a_draft_from_a_dutch_proposal_leaves_english_empty_and_keeps_who_pays(app, client):
    proposal = query(app, "SELECT * FROM proposals WHERE id = ?", (WITH_GEMEENTE,))[0]
    assert proposal["lang"] == "nl"
    _job_id, job = approve(app, client)
    assert job["title_nl"] == proposal["title"] and job["tasks_nl"] == proposal["tasks"]
    for name in FORM_TEXTS:
        if name.endswith("_en"):
            assert job[name] == "", name
    assert job["funding"] == APPROVE["payer"]
    assert job["employer"] == ""  # asked on the job form, not taken from who pays
    assert job["days"] == ""


def test_the_job_form_marks_the_english_texts_to_translate_and_shows_the_funding(app, client):
    job_id, _job = approve(app, client)
    body = html.unescape(page(client.get(f"/gemeente/jobs/{job_id}/edit")))
    marker = html.unescape(t(app, "To translate: the Dutch text is there."))
    assert body.count(marker) == 5  # title, summary, tasks, problem, team
    assert 'id="title_en-hint"' in body
    assert f'value="{APPROVE["payer"]}"' in body
    assert html.unescape(t(app, "Before you publish, fill in:")) in body


def test_publishing_with_fields_missing_names_each_one(app, client):
    job_id, _job = approve(app, client)
    response = post_form(client, f"/gemeente/jobs/{job_id}/publish", follow_redirects=True)
    body = html.unescape(" ".join(messages(page(response))))
    expected = t(
        app,
        "The job is not published yet. Fill in first: %(fields)s.",
        fields="; ".join(html.unescape(t(app, label)) for label in MISSING_FROM_A_PROPOSALS_DRAFT),
    )
    assert html.unescape(expected) in body
    assert scalar(app, "SELECT status FROM jobs WHERE id = ?", (job_id,)) == "draft"


def test_a_draft_can_be_saved_half_done_and_publishing_waits_for_the_days(app, client):
    job_id, job = approve(app, client)
    saved = post_form(client, f"/gemeente/jobs/{job_id}/edit", edit_form(job, employer="Buurthuis De Wissel"))
    assert saved.status_code == 303
    job = query(app, "SELECT * FROM jobs WHERE id = ?", (job_id,))[0]
    assert job["employer"] == "Buurthuis De Wissel" and job["title_en"] == ""
    assert post_form(client, f"/gemeente/jobs/{job_id}/edit", edit_form(job, **ENGLISH)).status_code == 303
    response = post_form(client, f"/gemeente/jobs/{job_id}/publish", follow_redirects=True)
    body = html.unescape(" ".join(messages(page(response))))
    days = html.unescape(t(app, "Days"))
    assert html.unescape(t(app, "The job is not published yet. Fill in first: %(fields)s.", fields=days)) in body
    assert scalar(app, "SELECT status FROM jobs WHERE id = ?", (job_id,)) == "draft"


def test_a_job_from_a_proposal_published_in_both_languages_shows_english(app, client):
    job_id, job = approve(app, client)
    # Only what the draft names as missing is filled in: nothing else was copied.
    form = edit_form(job, employer="Buurthuis De Wissel", days=["tue", "thu"], **ENGLISH)
    assert post_form(client, f"/gemeente/jobs/{job_id}/edit", form).status_code == 303
    advise(app, job_id)
    assert post_form(client, f"/gemeente/jobs/{job_id}/publish").status_code == 303
    job = query(app, "SELECT * FROM jobs WHERE id = ?", (job_id,))[0]
    assert job["status"] == "open" and job["funding"] == APPROVE["payer"]
    for name in FORM_TEXTS:
        dutch = job[name.replace("_en", "_nl")]
        if name.endswith("_en") and dutch:
            assert job[name] != dutch, f"{name} is a copy of the Dutch text"
    english = html.unescape(page(client.get(f"/jobs/{job_id}?lang=en")))
    assert "<h1" in english and "Errand helper" in english and job["title_nl"] not in english
    assert APPROVE["payer"] in english  # who pays, on the job page
    dutch = html.unescape(page(client.get(f"/jobs/{job_id}?lang=nl")))
    assert job["title_nl"] in dutch


@pytest.mark.parametrize(
    ("changes", "field", "msgid"),
    [
        ({"plain_en": " "}, "plain_en", "Fill in this field."),
        ({"title_nl": ""}, "title_nl", "Fill in this field."),
        ({"employer": ""}, "employer", "Fill in this field."),
        ({"days": []}, "days", "Choose at least one day."),
    ],
)
def test_an_open_job_keeps_everything_publishing_needs(app, client, changes, field, msgid):
    sign_in(client, "gemeente")
    job = query(app, "SELECT * FROM jobs WHERE id = ?", (DEMO_INTEREST_JOB,))[0]
    assert job["status"] == "open"
    form = edit_form(job, days=list(split_codes(job["days"])))
    form.update(changes)
    before = snapshot(app, "jobs")
    response = post_form(client, f"/gemeente/jobs/{DEMO_INTEREST_JOB}/edit", form)
    assert response.status_code == 422
    body = html.unescape(page(response))
    assert f'id="{field}-error"' in body and html.unescape(t(app, msgid)) in body
    assert snapshot(app, "jobs") == before
