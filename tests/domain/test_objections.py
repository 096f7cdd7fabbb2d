"""The rules for objections: who may object and decide, when, contact, due date."""

from datetime import UTC, datetime

import pytest

from webapp.domain import objections as rules

NOW = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize("role", [None, "resident", "buurtgroep", "coach", "gemeente"])
def test_anyone_may_object(role):
    assert rules.may_object(role)


def test_the_board_does_not_object_it_decides():
    assert not rules.may_object("toezicht")
    assert rules.may_decide("toezicht")


@pytest.mark.parametrize("role", [None, "resident", "coach", "gemeente", "buurtgroep"])
def test_only_the_board_decides(role):
    assert not rules.may_decide(role)


@pytest.mark.parametrize("status", ["open", "with_gemeente", "changes_asked", "approved"])
def test_a_proposal_whose_decision_still_matters_takes_objections(status):
    assert rules.may_object_to_proposal(status)


@pytest.mark.parametrize("status", ["draft", "rejected", "job_created", "withdrawn", "closed"])
def test_a_settled_proposal_takes_none(status):
    assert not rules.may_object_to_proposal(status)


def test_a_removed_proposal_takes_none():
    assert not rules.may_object_to_proposal("open", "removed")
    assert rules.may_object_to_proposal("open", "hidden")


@pytest.mark.parametrize(("status", "allowed"), [("open", True), ("closed", False), ("draft", False)])
def test_only_an_open_job_takes_objections(status, allowed):
    assert rules.may_object_to_job(status) is allowed


def test_the_grounds_are_displacement_first_then_the_other_criteria():
    assert rules.GROUNDS[0] == "no_displacement"
    assert set(rules.GROUNDS) == set(rules.CRITERIA)


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("Buur@Example.org", "buur@example.org"),
        (" 06-1234 5678 ", "0612345678"),
        ("+31 6 12345678", "+31612345678"),
    ],
)
def test_a_contact_is_an_email_address_or_phone_number(text, stored):
    assert rules.contact(text) == stored


@pytest.mark.parametrize(
    "text", ["", "  ", "hallo", "a@b", "12345", "<script>@x.nl", "x" * 200 + "@a.nl", None, "1" * 20]
)
def test_anything_else_is_no_contact(text):
    assert rules.contact(text) is None


def test_logged_out_a_contact_is_required_logged_in_not():
    assert rules.contact_problem(False, "") == "missing"
    assert rules.contact_problem(False, "hallo") == "invalid"
    assert rules.contact_problem(False, "a@example.org") is None
    assert rules.contact_problem(True, "") is None


def test_only_someone_logged_in_can_show_a_name():
    assert rules.may_show_name(True)
    assert not rules.may_show_name(False)


def test_the_answer_is_due_after_the_set_number_of_days():
    assert rules.answer_due(NOW, 28) == "2027-01-02T10:00:00Z"


def test_state_open_overdue_and_decided():
    due = "2026-12-06T10:00:00Z"
    assert rules.state(None, due, NOW) == "open"
    assert rules.state(None, due, datetime(2026, 12, 6, 10, 0, tzinfo=UTC)) == "overdue"
    assert rules.state("upheld", due, datetime(2027, 1, 1, tzinfo=UTC)) == "upheld"
    assert rules.state("not_upheld", due, NOW) == "not_upheld"


@pytest.mark.parametrize(
    ("decision", "reason", "problem"),
    [
        ("upheld", "Goed onderbouwd.", None),
        ("not_upheld", "Niemand doet dit werk.", None),
        ("maybe", "x", "decision"),
        (None, "x", "decision"),
        ("upheld", "", "reason"),
        ("upheld", "   ", "reason"),
        ("upheld", "x" * (rules.REASON_MAX + 1), "reason"),
    ],
)
def test_a_decision_needs_a_verdict_and_a_public_reason(decision, reason, problem):
    assert rules.decision_problem(decision, reason) == problem


def test_a_decision_is_final():
    assert rules.may_change_decision(None)
    assert not rules.may_change_decision("upheld")


def test_the_contact_limit():
    assert not rules.over_contact_limit(rules.PER_CONTACT_A_DAY - 1)
    assert rules.over_contact_limit(rules.PER_CONTACT_A_DAY)


def test_who_hears_everyone_but_the_one_who_acted():
    heard = rules.who_hears(objector_id=1, author_id=2, voter_ids=[3, 4], gemeente_ids=[5], actor_id=1)
    assert heard == {2, 3, 4, 5}
    assert rules.who_hears(None, None, [], [5], actor_id=None) == {5}
