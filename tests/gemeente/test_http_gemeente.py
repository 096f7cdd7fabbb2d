"""The municipality's workspace over HTTP: access, review and decisions, jobs,
placements, moderation, settings and the overview."""

import html

import pytest
from http_support import (
    DEMO_INTEREST_JOB,
    LONG,
    SCRIPT,
    count,
    execute,
    messages,
    page,
    post_form,
    query,
    scalar,
    sign_in,
    snapshot,
    t,
    user_id,
)
from oversight_support import advise
from proposal_support import (
    APPROVED,
    CHANGES_ASKED,
    HIDDEN_COMMENT_TEXT,
    MISSING_FROM_A_PROPOSALS_DRAFT,
    NO_HOME,
    OPEN_DE_HOVEN,
    RESIDENT_CENTRUM,
    RESIDENT_NOORD,
    WITH_GEMEENTE,
)

from webapp.domain.proposals import CRITERIA

ANON = None
WHO = (ANON, RESIDENT_NOORD, RESIDENT_CENTRUM, NO_HOME, "buurtgroep", "coach", "gemeente")
TABLES = (
    "proposals",
    "proposal_events",
    "jobs",
    "placements",
    "notifications",
    "settings",
    "minimum_wage",
    "proposal_comments",
    "reports",
    "moderation_actions",
)


def has(app, body, msgid, **values):
    return html.unescape(t(app, msgid, **values)) in html.unescape(body)


def approved_job(app):
    return scalar(app, "SELECT job_id FROM proposals WHERE id = ?", (APPROVED,))


def hidden_comment(app):
    return scalar(app, "SELECT id FROM proposal_comments WHERE body LIKE ?", (f"%{HIDDEN_COMMENT_TEXT}%",))


APPROVE = {
    "decision": "approved",
    "criteria": list(CRITERIA),
    "reason": "Een goed plan. De gemeente en de corporatie betalen.",
    "payer": "Gemeente Lindeveld en Thuis in Lindeveld",
    "amount": "32000",
}

JOB = {
    "category": "errands",
    "buurt": "4",
    "employer": "Buurthuis De Wissel",
    "hours": "16",
    "days": ["mon", "tue"],
    "skills": ["cooking"],
    "languages": ["nl"],
    "wage": "",
    "wage_scale": "",
    "places": "2",
    "start_date": "2026-12-01",
    **{
        f"{field}_{lang}": f"{field} {lang}"
        for field in ("title", "summary", "plain", "tasks", "problem", "team")
        for lang in ("nl", "en")
    },
}


# --- access ---------------------------------------------------------------------------

GET_PAGES = [
    "/gemeente",
    "/gemeente/proposals",
    f"/gemeente/proposals/{WITH_GEMEENTE}",
    f"/gemeente/proposals/{OPEN_DE_HOVEN}",
    "/gemeente/jobs",
    "/gemeente/jobs?status=draft&q=fiets",
    "/gemeente/jobs/new",
    "/gemeente/jobs/1/edit",
    "/gemeente/jobs/1/placements",
    "/gemeente/reports",
    "/gemeente/settings",
]


@pytest.mark.parametrize("path", GET_PAGES)
@pytest.mark.parametrize("who", WHO)
def test_the_workspace_is_only_for_the_municipality(reader, path, who):
    sign_in(reader, who)
    response = reader.get(path)
    if who is None:
        assert response.status_code == 303
        assert response.headers["Location"].startswith("/login")
    elif who == "gemeente":
        assert response.status_code == 200
    else:
        assert response.status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/gemeente/proposals/999999",
        "/gemeente/proposals/99999999999999999999",
        "/gemeente/jobs/999999/edit",
        "/gemeente/jobs/999999/placements",
    ],
)
def test_unknown_things_are_404(reader, path):
    sign_in(reader, "gemeente")
    assert reader.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/gemeente/jobs?status=gone", "/gemeente/jobs?page=abc"])
def test_bad_list_filters_are_400(reader, path):
    sign_in(reader, "gemeente")
    assert reader.get(path).status_code == 400


def test_a_draft_proposal_is_not_reviewable(reader):
    sign_in(reader, "gemeente")
    assert reader.get("/gemeente/proposals/7").status_code == 404


def _post_routes(app):
    job = approved_job(app)
    comment = hidden_comment(app)
    return [
        (f"/gemeente/proposals/{WITH_GEMEENTE}", APPROVE, 303),
        ("/gemeente/jobs/new", JOB, 303),
        (f"/gemeente/jobs/{job}/edit", JOB, 303),
        (f"/gemeente/jobs/{job}/publish", {}, 303),
        (f"/gemeente/jobs/{DEMO_INTEREST_JOB}/close", {}, 303),
        (f"/gemeente/jobs/{DEMO_INTEREST_JOB}/reopen", {}, 303),
        (f"/gemeente/jobs/{DEMO_INTEREST_JOB}/placements", {"username": RESIDENT_NOORD}, 303),
        (f"/gemeente/jobs/{DEMO_INTEREST_JOB}/placements/1/remove", {}, 303),
        (f"/gemeente/reports/comment/{comment}", {"action": "restore", "reason": "Is goed"}, 303),
        (f"/gemeente/reports/proposal/{OPEN_DE_HOVEN}", {"action": "remove", "reason": "Spam"}, 303),
        (
            "/gemeente/settings",
            {
                "threshold": "30",
                "voting_days": "42",
                "vote_limit": "5",
                "coach_days": "5",
                "objection_days": "28",
                "vote_proofs": ["coach", "code"],
            },
            303,
        ),
        ("/gemeente/settings/wage", {"valid_from": "2026-07-01", "amount": "15.00"}, 303),
    ]


POST_INDEX = range(12)


@pytest.mark.parametrize("index", POST_INDEX)
@pytest.mark.parametrize("who", WHO)
def test_posts_are_only_for_the_municipality(app, client, index, who):
    path, data, status = _post_routes(app)[index]
    sign_in(client, who)
    before = snapshot(app, *TABLES)
    response = post_form(client, path, data)
    if who is None:
        assert response.status_code == 303
        assert response.headers["Location"].startswith("/login")
    elif who == "gemeente":
        assert response.status_code == status, page(response)[:1500]
        return
    else:
        assert response.status_code == 403
    assert snapshot(app, *TABLES) == before


@pytest.mark.parametrize("index", POST_INDEX)
@pytest.mark.parametrize("token", [None, "", "not-a-token"])
def test_posts_need_a_csrf_token(app, client, index, token):
    path, data, _status = _post_routes(app)[index]
    sign_in(client, "gemeente")
    client.get("/gemeente")
    before = snapshot(app, *TABLES)
    form = dict(data)
    if token is not None:
        form["csrf_token"] = token
    response = client.post(path, data=form)
    assert response.status_code == 400
    assert snapshot(app, *TABLES) == before


# --- review and decisions ------------------------------------------------------------------


def notified(app, kind):
    return {row["user_id"] for row in query(app, "SELECT user_id FROM notifications WHERE kind = ?", (kind,))}


def supporters(app, proposal_id):
    found = query(app, "SELECT user_id FROM votes WHERE proposal_id = ?", (proposal_id,))
    voters = {row["user_id"] for row in found}
    return voters | {scalar(app, "SELECT author_id FROM proposals WHERE id = ?", (proposal_id,))}


def test_the_queue_lists_what_waits(reader_app, reader):
    sign_in(reader, "gemeente")
    body = page(reader.get("/gemeente/proposals"))
    assert "Buurtconciërge" in body and "Vervoer naar de huisarts" in body
    assert "Klussendienst" in body  # changes asked
    assert "Huiskamerhulp" in body  # approved, job to complete


def test_approving_makes_a_job_draft_linked_both_ways_and_tells_everyone(app, client):
    sign_in(client, "gemeente")
    response = post_form(client, f"/gemeente/proposals/{WITH_GEMEENTE}", APPROVE)
    proposal = query(app, "SELECT * FROM proposals WHERE id = ?", (WITH_GEMEENTE,))[0]
    assert proposal["status"] == "approved"
    assert proposal["decision_cents_per_year"] == 3_200_000
    assert proposal["decision_payer"] == APPROVE["payer"]
    job = query(app, "SELECT * FROM jobs WHERE id = ?", (proposal["job_id"],))[0]
    assert job["status"] == "draft" and job["proposal_id"] == WITH_GEMEENTE
    assert job["buurt_id"] == proposal["buurt_id"] and job["hours"] == proposal["hours"]
    assert response.headers["Location"] == f"/gemeente/jobs/{job['id']}/edit"
    assert notified(app, "proposal_decision") == supporters(app, WITH_GEMEENTE)
    event = query(app, "SELECT * FROM proposal_events WHERE proposal_id = ? ORDER BY id DESC", (WITH_GEMEENTE,))[0]
    assert event["to_status"] == "approved" and event["reason"] == APPROVE["reason"]
    # The same form sent again changes nothing.
    post_form(client, f"/gemeente/proposals/{WITH_GEMEENTE}", APPROVE)
    assert count(app, "jobs", "proposal_id = ?", (WITH_GEMEENTE,)) == 1
    assert count(app, "proposal_events", "proposal_id = ? AND to_status = 'approved'", (WITH_GEMEENTE,)) == 1
    # A voter sees the decision on the proposal page.
    sign_in(client, RESIDENT_NOORD)
    body = page(client.get(f"/proposals/{WITH_GEMEENTE}"))
    assert APPROVE["reason"] in body and "32.000" in body


def test_asking_for_changes_goes_back_to_the_author(app, client):
    sign_in(client, "gemeente")
    data = {"decision": "changes_asked", "reason": "Wie betaalt er mee?"}
    assert post_form(client, f"/gemeente/proposals/{WITH_GEMEENTE}", data).status_code == 303
    assert scalar(app, "SELECT status FROM proposals WHERE id = ?", (WITH_GEMEENTE,)) == "changes_asked"
    author = scalar(app, "SELECT author_id FROM proposals WHERE id = ?", (WITH_GEMEENTE,))
    assert notified(app, "proposal_changes_asked") == {author}
    assert author not in notified(app, "proposal_decision")
    assert count(app, "jobs", "proposal_id = ?", (WITH_GEMEENTE,)) == 0


def test_rejecting_needs_only_a_reason(app, client):
    sign_in(client, "gemeente")
    data = {"decision": "rejected", "reason": "Dit werk wordt al betaald."}
    assert post_form(client, f"/gemeente/proposals/{WITH_GEMEENTE}", data).status_code == 303
    assert scalar(app, "SELECT status FROM proposals WHERE id = ?", (WITH_GEMEENTE,)) == "rejected"
    assert scalar(app, "SELECT decision_cents_per_year FROM proposals WHERE id = ?", (WITH_GEMEENTE,)) is None


@pytest.mark.parametrize(
    ("changes", "msgid"),
    [
        ({"reason": ""}, "Write the reason. Residents read it."),
        ({"reason": LONG}, "This is too long. Use at most %(max)d characters."),
        ({"criteria": list(CRITERIA[:-1])}, "Tick every criterion before you approve. Or ask for changes."),
        ({"criteria": ["nonsense"]}, "Choose one of the options in the list."),
        ({"payer": ""}, "Say who pays."),
        ({"amount": ""}, "How much a year: fill in an amount in euros, like 32,000."),
        ({"amount": "veel"}, "How much a year: fill in an amount in euros, like 32,000."),
        ({"amount": "-5"}, "How much a year: fill in an amount in euros, like 32,000."),
        ({"amount": "1.2.3"}, "How much a year: fill in an amount in euros, like 32,000."),
        ({"amount": "12,3456"}, "How much a year: fill in an amount in euros, like 32,000."),
        ({"decision": ""}, "Choose a decision."),
        ({"decision": "maybe"}, "Choose one of the options in the list."),
    ],
)
def test_a_decision_without_what_it_needs_is_422_and_stores_nothing(app, client, changes, msgid):
    sign_in(client, "gemeente")
    before = snapshot(app, *TABLES)
    response = post_form(client, f"/gemeente/proposals/{WITH_GEMEENTE}", {**APPROVE, **changes})
    assert response.status_code == 422
    assert has(app, " ".join(messages(page(response))), msgid, max=2000)
    assert snapshot(app, *TABLES) == before


def test_no_decision_on_a_proposal_that_is_still_open(app, client):
    sign_in(client, "gemeente")
    before = snapshot(app, *TABLES)
    response = post_form(client, f"/gemeente/proposals/{OPEN_DE_HOVEN}", APPROVE)
    assert response.status_code == 303
    assert snapshot(app, *TABLES) == before


def test_a_decision_reason_with_a_script_is_shown_escaped(app, client):
    sign_in(client, "gemeente")
    post_form(client, f"/gemeente/proposals/{WITH_GEMEENTE}", {"decision": "rejected", "reason": SCRIPT})
    assert SCRIPT not in page(client.get(f"/proposals/{WITH_GEMEENTE}"))


def test_the_author_changes_and_resubmits_after_changes_asked(app, client):
    sign_in(client, "buurtgroep")
    body = page(client.get(f"/proposals/{CHANGES_ASKED}"))
    assert "klusbedrijven" in body  # the municipality's reason
    assert post_form(client, f"/proposals/{CHANGES_ASKED}/resubmit").status_code == 303
    sign_in(client, "gemeente")
    assert "Klussendienst" in page(client.get("/gemeente/proposals")).split("changes-title")[0]


# --- jobs --------------------------------------------------------------------------------


def test_publishing_the_job_from_a_proposal_tells_the_voters(app, client):
    job = approved_job(app)
    sign_in(client, "gemeente")
    # The draft has no English texts, plain summaries, employer or days yet:
    # publishing waits for them and names each one.
    response = post_form(client, f"/gemeente/jobs/{job}/publish", follow_redirects=True)
    body = page(response)
    fields = "; ".join(html.unescape(t(app, label)) for label in MISSING_FROM_A_PROPOSALS_DRAFT)
    assert has(app, body, "The job is not published yet. Fill in first: %(fields)s.", fields=fields)
    assert scalar(app, "SELECT status FROM jobs WHERE id = ?", (job,)) == "draft"
    form = {**JOB, "buurt": str(scalar(app, "SELECT buurt_id FROM jobs WHERE id = ?", (job,)))}
    assert post_form(client, f"/gemeente/jobs/{job}/edit", form).status_code == 303
    advise(app, job)
    assert post_form(client, f"/gemeente/jobs/{job}/publish").status_code == 303
    assert scalar(app, "SELECT status FROM jobs WHERE id = ?", (job,)) == "open"
    assert scalar(app, "SELECT status FROM proposals WHERE id = ?", (APPROVED,)) == "job_created"
    assert notified(app, "job_published") == supporters(app, APPROVED)
    link = scalar(app, "SELECT link FROM notifications WHERE kind = 'job_published' LIMIT 1")
    assert link == f"/jobs/{job}"
    body = page(client.get(f"/jobs/{job}"))
    assert "Lindehof" in body and f'href="/proposals/{APPROVED}"' in body
    assert post_form(client, f"/gemeente/jobs/{job}/publish").status_code == 303  # a repeat
    assert count(app, "notifications", "kind = 'job_published'") == len(supporters(app, APPROVED))


def test_a_new_job_is_a_draft_with_every_field(app, client):
    sign_in(client, "gemeente")
    form = {**JOB, "wage": "15,20", "wage_scale": "CAO Welzijn 4"}
    response = post_form(client, "/gemeente/jobs/new", form)
    assert response.status_code == 303
    job = query(app, "SELECT * FROM jobs ORDER BY id DESC LIMIT 1")[0]
    assert job["status"] == "draft" and job["wage_cents"] == 1520
    assert job["days"] == "mon,tue" and job["skills"] == "cooking" and job["places"] == 2
    assert job["plain_en"] == "plain en" and job["start_date"] == "2026-12-01"
    assert response.headers["Location"] == f"/gemeente/jobs/{job['id']}/edit"


@pytest.mark.parametrize(
    ("changes", "msgid", "values"),
    [
        ({"hours": "abc"}, "Fill in the hours a week: a number from 1 to 40.", {}),
        ({"hours": "41"}, "Fill in the hours a week: a number from 1 to 40.", {}),
        ({"wage": "12.00"}, "This is below the minimum wage.", {}),
        ({"wage": "twaalf"}, "Hourly wage: fill in an amount in euros, like 15.20, or leave it empty.", {}),
        ({"wage": "15,2,0"}, "Hourly wage: fill in an amount in euros, like 15.20, or leave it empty.", {}),
        ({"places": "0"}, "Fill in the number of places: 1 or more.", {}),
        ({"buurt": "999"}, "Choose one of the options in the list.", {}),
        ({"category": ""}, "Choose the kind of work.", {}),
        ({"days": ["mon", "someday"]}, "Choose one of the options in the list.", {}),
        ({"start_date": "1 december"}, "Fill in a date, like 2026-03-01.", {}),
        ({"start_date": "2026-02-30"}, "Fill in a date, like 2026-03-01.", {}),
        ({"title_nl": "", "title_en": " "}, "Give the job a title, in Dutch or in English.", {}),
        ({"title_en": LONG}, "This is too long. Use at most %(max)d characters.", {"max": 120}),
        ({"employer": "a\x01"}, "This text has characters we cannot save. Please type it again.", {}),
    ],
)
def test_bad_job_input_is_422_and_stores_nothing(app, client, changes, msgid, values):
    sign_in(client, "gemeente")
    before = snapshot(app, "jobs")
    response = post_form(client, "/gemeente/jobs/new", {**JOB, **changes})
    assert response.status_code == 422
    assert has(app, " ".join(messages(page(response))), msgid, **values)
    assert snapshot(app, "jobs") == before


def test_a_job_title_with_a_script_is_escaped(app, client):
    sign_in(client, "gemeente")
    post_form(client, "/gemeente/jobs/new", {**JOB, "title_nl": SCRIPT})
    assert SCRIPT not in page(client.get("/gemeente/jobs"))


def test_places_never_below_the_people_placed(app, client):
    execute(app, "UPDATE jobs SET places = 3, places_filled = 2 WHERE id = ?", (DEMO_INTEREST_JOB,))
    sign_in(client, "gemeente")
    before = snapshot(app, "jobs")
    form = {**JOB, "places": "1"}
    response = post_form(client, f"/gemeente/jobs/{DEMO_INTEREST_JOB}/edit", form)
    assert response.status_code == 422
    shown = " ".join(messages(page(response)))
    assert has(app, shown, "There are more people placed than that. Fill in at least %(num)d.", num=2)
    assert snapshot(app, "jobs") == before


def test_close_and_reopen(app, client):
    sign_in(client, "gemeente")
    assert post_form(client, f"/gemeente/jobs/{DEMO_INTEREST_JOB}/close").status_code == 303
    assert scalar(app, "SELECT status FROM jobs WHERE id = ?", (DEMO_INTEREST_JOB,)) == "closed"
    assert post_form(client, f"/gemeente/jobs/{DEMO_INTEREST_JOB}/close").status_code == 303
    assert post_form(client, f"/gemeente/jobs/{DEMO_INTEREST_JOB}/reopen").status_code == 303
    assert scalar(app, "SELECT status FROM jobs WHERE id = ?", (DEMO_INTEREST_JOB,)) == "open"


def test_a_draft_cannot_be_closed(app, client):
    job = approved_job(app)
    sign_in(client, "gemeente")
    response = post_form(client, f"/gemeente/jobs/{job}/close", follow_redirects=True)
    assert has(app, page(response), "This is not possible for a job with this status.")
    assert scalar(app, "SELECT status FROM jobs WHERE id = ?", (job,)) == "draft"


def test_the_job_list_finds_drafts_and_filters(reader_app, reader):
    sign_in(reader, "gemeente")
    body = page(reader.get("/gemeente/jobs?status=draft"))
    assert "Huiskamerhulp" in body
    assert "Fietsmaatje" not in body


# --- placements -------------------------------------------------------------------------


def filled(app, job_id):
    return scalar(app, "SELECT places_filled FROM jobs WHERE id = ?", (job_id,))


def test_placing_a_resident_fills_a_place_and_tells_them(app, client):
    sign_in(client, "gemeente")
    before = filled(app, DEMO_INTEREST_JOB)
    page_before = page(client.get(f"/gemeente/jobs/{DEMO_INTEREST_JOB}/placements"))
    assert "Fatima" in page_before  # she said she wants this job
    for _ in range(2):  # a repeat places nobody twice
        response = post_form(
            client, f"/gemeente/jobs/{DEMO_INTEREST_JOB}/placements", {"username": RESIDENT_NOORD}
        )
        assert response.status_code == 303
    assert filled(app, DEMO_INTEREST_JOB) == before + 1
    assert notified(app, "placed") == {user_id(app, RESIDENT_NOORD)}
    sign_in(client, RESIDENT_NOORD)
    assert has(app, page(client.get(f"/jobs/{DEMO_INTEREST_JOB}")), "You have a place in this job.")
    sign_in(client, "gemeente")
    placement = scalar(app, "SELECT id FROM placements")
    post_form(client, f"/gemeente/jobs/{DEMO_INTEREST_JOB}/placements/{placement}/remove")
    assert filled(app, DEMO_INTEREST_JOB) == before


@pytest.mark.parametrize(
    ("username", "setup", "status", "msgid"),
    [
        ("niemand", None, 422, "We cannot find a resident with this username."),
        ("coach", None, 422, "We cannot find a resident with this username."),
        ("", None, 422, "Fill in the username of a resident."),
        (
            RESIDENT_NOORD,
            "UPDATE jobs SET places = 1, places_filled = 1 WHERE id = ?",
            409,
            "All places are filled. Add a place to the job first.",
        ),
        (
            RESIDENT_NOORD,
            "UPDATE jobs SET status = 'closed' WHERE id = ?",
            409,
            "This job is not open. Open it first.",
        ),
    ],
)
def test_placement_refusals(app, client, username, setup, status, msgid):
    if setup:
        execute(app, setup, (DEMO_INTEREST_JOB,))
    sign_in(client, "gemeente")
    before = snapshot(app, "placements", "jobs", "notifications")
    response = post_form(client, f"/gemeente/jobs/{DEMO_INTEREST_JOB}/placements", {"username": username})
    assert response.status_code == status
    assert has(app, " ".join(messages(page(response))), msgid)
    assert snapshot(app, "placements", "jobs", "notifications") == before


# --- moderation --------------------------------------------------------------------------------


def test_the_reports_page_lists_hidden_items_first(reader_app, reader):
    sign_in(reader, "gemeente")
    body = page(reader.get("/gemeente/reports"))
    assert HIDDEN_COMMENT_TEXT in body
    assert body.index(HIDDEN_COMMENT_TEXT) < body.index("volunteer")


def test_restoring_shows_it_again_and_settles_the_reports(app, client):
    comment = hidden_comment(app)
    sign_in(client, "gemeente")
    response = post_form(
        client, f"/gemeente/reports/comment/{comment}", {"action": "restore", "reason": "Geen reclame."}
    )
    assert response.status_code == 303
    assert scalar(app, "SELECT moderation FROM proposal_comments WHERE id = ?", (comment,)) == "visible"
    assert count(app, "reports", "target_id = ? AND resolved_at IS NULL", (comment,)) == 0
    assert count(app, "moderation_actions", "target_id = ? AND action = 'restore'", (comment,)) == 1
    assert HIDDEN_COMMENT_TEXT not in page(client.get("/gemeente/reports"))


def test_removing_tells_the_author_without_the_content(app, client):
    comment = hidden_comment(app)
    author = scalar(app, "SELECT author_id FROM proposal_comments WHERE id = ?", (comment,))
    sign_in(client, "gemeente")
    post_form(
        client, f"/gemeente/reports/comment/{comment}", {"action": "remove", "reason": "Reclame hoort hier niet."}
    )
    assert scalar(app, "SELECT moderation FROM proposal_comments WHERE id = ?", (comment,)) == "removed"
    assert notified(app, "content_removed") == {author}
    sign_in(client, RESIDENT_NOORD)
    body = page(client.get(f"/proposals/{OPEN_DE_HOVEN}"))
    assert HIDDEN_COMMENT_TEXT not in body
    assert has(app, body, "The municipality removed this message.")


@pytest.mark.parametrize(
    "data",
    [
        {"action": "remove", "reason": ""},
        {"action": "", "reason": "x"},
        {"action": "burn", "reason": "x"},
        {"action": "remove", "reason": LONG},
    ],
)
def test_moderation_needs_an_action_and_a_reason(app, client, data):
    sign_in(client, "gemeente")
    before = snapshot(app, *TABLES)
    response = post_form(client, f"/gemeente/reports/comment/{hidden_comment(app)}", data)
    assert response.status_code == 422
    assert snapshot(app, *TABLES) == before


def test_moderating_an_unknown_item_is_404(app, client):
    sign_in(client, "gemeente")
    response = post_form(client, "/gemeente/reports/comment/999999", {"action": "remove", "reason": "x"})
    assert response.status_code == 404


# --- settings -----------------------------------------------------------------------------------


def test_settings_change_without_a_deploy(app, client):
    sign_in(client, "gemeente")
    data = {
        "threshold": "3",
        "voting_days": "14",
        "vote_limit": "2",
        "coach_days": "8",
        "objection_days": "14",
        "vote_proofs": ["coach", "code"],
        "advice_required": "y",
    }
    assert post_form(client, "/gemeente/settings", data).status_code == 303
    stored = {row["key"]: row["value"] for row in query(app, "SELECT key, value FROM settings")}
    assert stored == {**data, "vote_proofs": "coach code", "advice_required": "1"}
    assert 'value="3"' in page(client.get("/gemeente/settings"))
    sign_in(client, "buurtgroep")
    post_form(client, "/proposals/7/publish")
    assert scalar(app, "SELECT threshold FROM proposals WHERE id = 7") == 3


@pytest.mark.parametrize(
    "data",
    [
        {"threshold": "0", "voting_days": "42", "vote_limit": "5"},
        {"threshold": "abc", "voting_days": "42", "vote_limit": "5"},
        {"threshold": "25", "voting_days": "366", "vote_limit": "5"},
        {"threshold": "25", "voting_days": "42", "vote_limit": ""},
        {"threshold": "25", "voting_days": "42", "vote_limit": "99999999999999999999"},
        {
            "threshold": "25",
            "voting_days": "42",
            "vote_limit": "5",
            "coach_days": "0",
            "vote_proofs": ["coach", "code"],
        },
        {
            "threshold": "25",
            "voting_days": "42",
            "vote_limit": "5",
            "coach_days": "61",
            "vote_proofs": ["coach", "code"],
        },
        {
            "threshold": "25",
            "voting_days": "42",
            "vote_limit": "5",
            "coach_days": "5",
            "objection_days": "0",
            "vote_proofs": ["coach", "code"],
        },
        {
            "threshold": "25",
            "voting_days": "42",
            "vote_limit": "5",
            "coach_days": "5",
            "objection_days": "181",
            "vote_proofs": ["coach", "code"],
        },
        {"threshold": "25", "voting_days": "42", "vote_limit": "5"},
    ],
)
def test_bad_settings_are_422_and_store_nothing(app, client, data):
    sign_in(client, "gemeente")
    before = snapshot(app, "settings")
    assert post_form(client, "/gemeente/settings", data).status_code == 422
    assert snapshot(app, "settings") == before


def test_a_new_minimum_wage_is_added_with_its_date(app, client):
    sign_in(client, "gemeente")
    data = {"valid_from": "2026-07-01", "amount": "15,02"}
    assert post_form(client, "/gemeente/settings/wage", data).status_code == 303
    assert query(app, "SELECT * FROM minimum_wage ORDER BY valid_from") == [
        {"valid_from": "2026-01-01", "cents": 1471},
        {"valid_from": "2026-07-01", "cents": 1502},
    ]
    assert "15,02" in page(client.get("/gemeente/settings"))


def test_a_minimum_wage_far_too_high_is_refused_saying_the_most(app, client):
    sign_in(client, "gemeente")
    before = snapshot(app, "minimum_wage")
    response = post_form(client, "/gemeente/settings/wage", {"valid_from": "2026-07-01", "amount": "99999"})
    assert response.status_code == 422
    shown = html.unescape(" ".join(messages(page(response))))
    assert html.unescape(t(app, "Minimum wage")) + ": " in shown and "€ 1.000,00" in shown
    assert snapshot(app, "minimum_wage") == before


@pytest.mark.parametrize(
    ("data", "msgid"),
    [
        (
            {"valid_from": "2026-01-01", "amount": "15.00"},
            "Choose a date after the newest minimum wage. The past stays as it was.",
        ),
        (
            {"valid_from": "2025-07-01", "amount": "15.00"},
            "Choose a date after the newest minimum wage. The past stays as it was.",
        ),
        ({"valid_from": "2026-07-01", "amount": "0"}, "Minimum wage: fill in an amount in euros, like 14.71."),
        ({"valid_from": "2026-07-01", "amount": "abc"}, "Minimum wage: fill in an amount in euros, like 14.71."),
        (
            {"valid_from": "2026-07-01", "amount": "14,7,1"},
            "Minimum wage: fill in an amount in euros, like 14.71.",
        ),
        ({"valid_from": "2026-07-01", "amount": ""}, "Minimum wage: fill in an amount in euros, like 14.71."),
        ({"valid_from": "juli", "amount": "15.00"}, "Fill in a date, like 2026-07-01."),
        ({"valid_from": "", "amount": "15.00"}, "Fill in a date, like 2026-07-01."),
    ],
)
def test_a_bad_minimum_wage_is_refused(app, client, data, msgid):
    sign_in(client, "gemeente")
    before = snapshot(app, "minimum_wage")
    response = post_form(client, "/gemeente/settings/wage", data)
    assert response.status_code == 422
    assert has(app, " ".join(messages(page(response))), msgid)
    assert snapshot(app, "minimum_wage") == before


# --- the overview -------------------------------------------------------------------------------


def test_the_overview_has_figures_and_charts_as_text(reader_app, reader):
    sign_in(reader, "gemeente")
    body = page(reader.get("/gemeente"))
    assert body.count('<svg class="chart__svg"') == 5  # with the votes by proof
    assert " style=" not in body and "<style" not in body
    assert has(reader_app, body, "Proposals by status")
    open_count = scalar(reader_app, "SELECT COUNT(*) FROM proposals WHERE status = 'open'")
    assert f'<th scope="row">{t(reader_app, "Open for votes")}</th><td>{open_count}</td>' in body
    waiting = scalar(reader_app, "SELECT COUNT(*) FROM proposals WHERE status = 'with_gemeente'")
    assert f'class="figure__number">{open_count}<' in body
    assert waiting == 2
