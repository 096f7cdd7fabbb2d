"""The retention rule (webapp/domain/retention.py) with a fixed ``now``."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from webapp.domain import retention as rules
from webapp.domain import usernames

MADE = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)
MONTHS = 26
END = date(2029, 3, 10)  # MADE + 26 months


def resident(**facts):
    return rules.Resident(created_at=MADE, **facts)


def at(day, hour=12):
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def test_the_period_counts_from_the_account_when_nothing_happened():
    assert rules.inactive_until(resident(), MONTHS) == END


def test_months_are_calendar_months_and_the_31st_fits_a_short_month():
    assert rules.add_months(date(2027, 12, 31), 2) == date(2028, 2, 29)
    assert rules.add_months(date(2027, 1, 10), 26) == END


@pytest.mark.parametrize("kind", range(6), ids=["login", "session", "message", "vote", "interest", "appointment"])
def test_each_kind_of_activity_resets_the_clock(kind):
    later = datetime(2028, 6, 1, 10, 0, tzinfo=UTC)
    activity = [None] * 6
    activity[kind] = later
    person = resident(activity=tuple(activity))
    assert rules.inactive_until(person, MONTHS) == date(2030, 8, 1)
    assert not rules.needs_warning(person, at(END), MONTHS)


def test_the_latest_activity_counts():
    person = resident(activity=(datetime(2028, 1, 1, tzinfo=UTC), None, datetime(2028, 5, 1, tzinfo=UTC)))
    assert rules.last_activity(person) == datetime(2028, 5, 1, tzinfo=UTC)


def test_the_warning_comes_30_days_before_and_not_sooner():
    person = resident()
    assert not rules.needs_warning(person, at(END - timedelta(days=31)), MONTHS)
    assert rules.needs_warning(person, at(END - timedelta(days=30)), MONTHS)
    assert rules.needs_warning(person, at(END + timedelta(days=400)), MONTHS)  # long past: still warned first


def test_no_second_warning_while_the_first_one_counts():
    now = at(END - timedelta(days=20))
    warned = resident(warned_at=now - timedelta(days=5), removal_on=END)
    assert not rules.needs_warning(warned, now, MONTHS)


def test_activity_after_the_warning_withdraws_it():
    warned_at = at(END - timedelta(days=30))
    person = resident(warned_at=warned_at, removal_on=END, activity=(warned_at + timedelta(days=2),))
    assert rules.warning_is_stale(person)
    assert not rules.is_due(person, at(END + timedelta(days=1)), MONTHS)
    assert not rules.needs_warning(person, at(END), MONTHS)  # a new period started


def test_the_named_date_is_at_least_30_days_after_the_warning():
    now = at(END + timedelta(days=400))
    assert rules.removal_date(resident(), now, MONTHS) == (now + timedelta(days=30)).date()
    early = at(END - timedelta(days=30))
    assert rules.removal_date(resident(), early, MONTHS) == END


def test_due_only_after_a_warning_and_on_the_named_date():
    assert not rules.is_due(resident(), at(END + timedelta(days=400)), MONTHS)  # never warned
    warned = resident(warned_at=at(END - timedelta(days=30)), removal_on=END)
    assert not rules.is_due(warned, at(END - timedelta(days=1)), MONTHS)
    assert rules.is_due(warned, at(END), MONTHS)


@pytest.mark.parametrize("exception", ["current_placement", "open_interest", "coming_appointment"])
def test_never_someone_in_a_job_waiting_for_an_answer_or_with_an_appointment(exception):
    warned = resident(warned_at=at(END - timedelta(days=30)), removal_on=END)
    kept = replace(warned, **{exception: True})
    assert not rules.is_due(kept, at(END + timedelta(days=100)), MONTHS)
    assert not rules.needs_warning(replace(resident(), **{exception: True}), at(END), MONTHS)


def test_an_anonymised_account_is_left_alone():
    gone = resident(anonymised=True, warned_at=at(END), removal_on=END)
    assert not rules.is_due(gone, at(END + timedelta(days=100)), MONTHS)
    assert not rules.needs_warning(resident(anonymised=True), at(END), MONTHS)


def test_a_shorter_period_from_the_settings():
    assert rules.inactive_until(resident(), 12) == date(2028, 1, 10)


def test_votes_on_open_proposals_are_withdrawn_the_rest_stay():
    assert rules.vote_outcome("open") == "withdraw"
    for status in ("with_gemeente", "approved", "rejected", "closed", "job_created", "withdrawn", "changes_asked"):
        assert rules.vote_outcome(status) == "keep"


def test_former_usernames_are_kept_for_anonymised_accounts():
    assert rules.former_username(12) == "former-12"
    assert rules.is_former("former-12")
    assert not rules.is_former("former-x") and not rules.is_former("former") and not rules.is_former(None)
    assert not usernames.is_valid("former-12")
    assert usernames.is_valid("former.12")


def test_stored_times_are_read_as_utc():
    assert rules.parse_moment("2027-01-10T09:00:00Z") == MADE
    assert rules.parse_moment("2027-01-10T09:00") == MADE
    assert rules.parse_moment(None) is None
