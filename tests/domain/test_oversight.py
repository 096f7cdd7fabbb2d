"""The oversight board's rules: who advises, what an advice needs, when a job may be published."""

import pytest

from webapp.domain import access, oversight, proposals
from webapp.domain.proposals import Ballot, Voter

# --- who ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["resident", "buurtgroep", "coach", "gemeente", None, ""])
def test_only_the_board_uses_its_pages_and_advises(role):
    assert not access.may_use_board_pages(role)
    assert not oversight.may_advise(role, "draft")


def test_the_board_advises_on_drafts_and_open_jobs_not_on_closed_ones():
    assert access.may_use_board_pages("toezicht")
    assert oversight.may_advise("toezicht", "draft")
    assert oversight.may_advise("toezicht", "open")
    assert not oversight.may_advise("toezicht", "closed")


def test_the_board_never_votes():
    voter = Voter(user_id=1, role="toezicht", home_wijk=1, active_votes=0, verified=True)
    ballot = Ballot(status="open", wijk=1, author_id=2, deadline="2999-01-01T00:00:00Z")
    assert proposals.vote_refusal(voter, ballot, proposals.parse_time("2026-03-01T12:00:00Z"), 5) == "not_resident"


# --- what an advice needs ----------------------------------------------------------


def test_a_complete_advice_has_no_problems():
    assert oversight.advice_problems("agree", "Past goed.", "Niemand doet dit nu.", "") == []
    assert oversight.advice_problems("object", "Dit doet een bedrijf.", "Schoonmaakbedrijf X.", "") == []
    assert oversight.advice_problems("agree_with_conditions", "Goed.", "Geen.", "Alleen door de week.") == []


def test_every_missing_part_is_named_in_form_order():
    assert oversight.advice_problems("", "", "  ", "") == ["verdict", "reason", "displacement"]
    assert oversight.advice_problems(None, None, None, None) == ["verdict", "reason", "displacement"]


@pytest.mark.parametrize("verdict", ["maybe", "AGREE", "agree ", "object;--"])
def test_an_unknown_verdict_is_a_problem(verdict):
    assert oversight.advice_problems(verdict, "x", "y", "") == ["verdict"]


def test_conditions_are_needed_only_when_agreeing_with_conditions():
    assert oversight.advice_problems("agree_with_conditions", "x", "y", " ") == ["conditions"]
    assert oversight.advice_problems("agree", "x", "y", "") == []
    assert oversight.advice_problems("object", "x", "y", "") == []


def test_too_long_texts_are_problems():
    long = "x" * (oversight.REASON_LIMIT + 1)
    assert oversight.advice_problems("agree", long, long, long) == [
        "reason_long",
        "displacement_long",
        "conditions_long",
    ]


def test_the_same_verdict_and_reason_is_a_repeat():
    newest = {"verdict": "agree", "reason": "Past goed."}
    assert oversight.same_advice(newest, "agree", " Past goed. ")
    assert not oversight.same_advice(newest, "object", "Past goed.")
    assert not oversight.same_advice(newest, "agree", "Past heel goed.")
    assert not oversight.same_advice(None, "agree", "Past goed.")


# --- may this job be published now -----------------------------------------------------


def test_with_the_setting_on_a_job_waits_for_an_advice():
    assert oversight.publish_refusal(1, None) == "needs_advice"
    assert oversight.publish_refusal(1, None, "Wij willen het toch.") == "needs_advice"


def test_with_the_setting_off_a_job_without_advice_may_be_published():
    assert oversight.publish_refusal(0, None) is None


@pytest.mark.parametrize("required", [0, 1])
@pytest.mark.parametrize("verdict", ["agree", "agree_with_conditions"])
def test_an_agreeing_advice_lets_the_job_be_published(required, verdict):
    assert oversight.publish_refusal(required, verdict) is None
    assert not oversight.needs_override(verdict)


@pytest.mark.parametrize("required", [0, 1])
def test_against_an_objection_only_with_a_public_reason(required):
    assert oversight.publish_refusal(required, "object") == "needs_reason"
    assert oversight.publish_refusal(required, "object", "   ") == "needs_reason"
    assert oversight.publish_refusal(required, "object", "De buurt vraagt erom.") is None
    assert oversight.needs_override("object")


def test_an_imported_open_job_waits_for_the_board_as_a_draft():
    assert oversight.imported_status("open", 1) == "draft"
    assert oversight.imported_status("open", 0) == "open"
    assert oversight.imported_status("draft", 1) == "draft"
    assert oversight.imported_status("draft", 0) == "draft"
