"""The business case of a job: dated amounts, exact sums in cents, the bar."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from webapp.domain import business_case as rules
from webapp.domain.amounts import format_amount, parse_amount
from webapp.domain.business_case import Partner

RATES = [("2026-01-01", 1471), ("2026-07-01", 1500), ("2027-01-01", 1530)]


# --- dated amounts ---------------------------------------------------------------------


def test_the_amount_valid_on_a_day_is_the_newest_that_started():
    assert rules.amount_on(RATES, date(2026, 3, 1)) == (1471, date(2026, 1, 1))
    assert rules.amount_on(RATES, date(2026, 7, 1)) == (1500, date(2026, 7, 1))
    assert rules.amount_on(RATES, date(2026, 6, 30)) == (1471, date(2026, 1, 1))
    assert rules.amount_on(RATES, date(2030, 1, 1)) == (1530, date(2027, 1, 1))


def test_before_the_first_amount_there_is_none():
    assert rules.amount_on(RATES, date(2025, 12, 31)) is None
    assert rules.amount_on([], date(2026, 1, 1)) is None


def test_a_bijstand_amount_a_month_counts_twelve_times_a_year():
    assert rules.yearly_benefit(140150, "month") == 1681800
    assert rules.yearly_benefit(1681800, "year") == 1681800
    with pytest.raises(ValueError):
        rules.yearly_benefit(100, "week")


def test_a_new_bijstand_amount_starts_after_the_newest_and_never_rewrites_the_past():
    kept = [("2026-01-01", 140150, "month")]
    assert rules.benefit_problem(date(2026, 7, 1), 142000, "month", kept) is None
    assert rules.benefit_problem(date(2026, 1, 1), 150000, "month", kept) == "date"
    assert rules.benefit_problem(date(2025, 7, 1), 150000, "month", kept) == "date"
    # The same amount again (a repeated form) is no problem: nothing changes.
    assert rules.benefit_problem(date(2026, 1, 1), 140150, "month", kept) is None
    assert rules.benefit_problem(date(2026, 7, 1), 0, "month", kept) == "amount"
    assert rules.benefit_problem(date(2026, 7, 1), 10_000_01, "month", kept) == "amount"
    assert rules.benefit_problem(date(2026, 7, 1), 10_000_01, "year", kept) is None
    assert rules.benefit_problem(date(2026, 7, 1), 100, "week", kept) == "period"


def test_the_hourly_wage_is_the_collective_agreement_never_below_the_minimum():
    assert rules.hourly_on(None, RATES, date(2026, 3, 1)) == 1471
    assert rules.hourly_on(1600, RATES, date(2026, 3, 1)) == 1600
    assert rules.hourly_on(1480, RATES, date(2026, 8, 1)) == 1500
    assert rules.hourly_on(None, [], date(2026, 8, 1)) is None


# --- the sums ------------------------------------------------------------------------------


def test_a_case_adds_wages_charges_partners_and_the_bijstand_saved():
    partners = [Partner("Woonstichting", "money", 5_000_00), Partner("Buurthuis", "in_kind", 1_200_00)]
    case = rules.business_case(32, 2, 1471, 30, partners, 16_818_00)
    assert case.wage_cents == 32 * 1471 * 52 * 2
    assert case.charges_cents == rules.round_half_up(case.wage_cents * 30, 100)
    assert case.cost_cents == case.wage_cents + case.charges_cents
    assert case.partners_cents == 6_200_00
    assert case.benefit_cents == 2 * 16_818_00
    assert case.balance_cents == 6_200_00 + 2 * 16_818_00 - case.cost_cents
    assert not case.closes
    assert case.missing_cents == -case.balance_cents


def test_the_bijstand_saved_is_at_most_the_wage_of_a_place():
    # 16 hours at the minimum earn less than the bijstand: the rest is still paid.
    case = rules.business_case(16, 1, 1471, 30, [], 16_818_00)
    assert case.benefit_cents == case.wage_cents == 16 * 1471 * 52


def test_a_case_with_enough_partners_closes():
    case = rules.business_case(20, 1, 1500, 25, [Partner("Fonds", "money", 10_000_00)], 16_818_00)
    assert case.closes
    assert case.missing_cents == 0


def test_without_a_bijstand_amount_nothing_is_saved_and_it_says_so():
    case = rules.business_case(20, 1, 1500, 25, [], None)
    assert case.benefit_cents == 0
    assert not case.benefit_known


def test_charges_round_half_up_to_whole_cents():
    assert rules.employer_charges(1, 50) == 1  # half a cent rounds up
    assert rules.employer_charges(1, 49) == 0
    assert rules.employer_charges(1000, 30) == 300


def test_amounts_typed_by_people_reach_the_case_exactly():
    cents = parse_amount("€ 1.401,50")
    assert cents == 140150
    yearly = rules.yearly_benefit(cents, "month")
    assert format_amount(yearly, "nl", decimals=True) == "16.818,00"


def test_a_partner_needs_a_name_a_kind_and_an_amount():
    assert rules.partner_problems("Fonds", "money", 100) == []
    assert rules.partner_problems(" ", "money", 100) == ["name"]
    assert rules.partner_problems("x" * 121, "money", 100) == ["name"]
    assert rules.partner_problems("Fonds", "gift", 100) == ["kind"]
    assert rules.partner_problems("Fonds", "money", 0) == ["amount"]
    assert rules.partner_problems("Fonds", "money", True) == ["amount"]
    assert rules.partner_problems("Fonds", "money", 100, "n" * 301) == ["note"]


# --- the bar -------------------------------------------------------------------------------


def test_the_bar_shows_what_is_missing_last():
    case = rules.business_case(32, 1, 1471, 30, [Partner("Fonds", "money", 3_000_00)], 16_818_00)
    segments = rules.bar(case)
    assert [segment.kind for segment in segments] == ["partner", "benefit", "missing"]
    assert segments[-1].cents == case.missing_cents
    assert sum(segment.width for segment in segments) == rules.BAR_SCALE


def test_an_empty_case_has_no_bar():
    assert rules.bar(rules.business_case(20, 0, 1500, 30, [], None)) == []


# --- properties ----------------------------------------------------------------------------

iso_days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
cents = st.integers(min_value=1, max_value=10_000_000_00)


@given(st.dictionaries(iso_days, st.integers(min_value=1, max_value=10**9), min_size=1, max_size=20), iso_days)
def test_the_dated_amount_is_the_one_of_the_last_start_on_or_before_the_day(dated, day):
    pairs = [(start.isoformat(), value) for start, value in dated.items()]
    found = rules.amount_on(pairs, day)
    started = [start for start in dated if start <= day]
    if not started:
        assert found is None
        return
    value, valid_from = found
    assert valid_from == max(started)
    assert value == dated[valid_from]
    # A later start changes nothing before it starts: the past stays as it was.
    later = max(*dated, day) + timedelta(days=1)
    assert rules.amount_on([*pairs, (later.isoformat(), 1)], day) == found


@given(
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=0, max_value=50),
    st.integers(min_value=1, max_value=100_000),
    st.integers(min_value=0, max_value=100),
    st.lists(st.tuples(st.sampled_from(rules.KINDS), cents), max_size=rules.MAX_PARTNERS),
    st.one_of(st.none(), st.integers(min_value=1, max_value=120_000_00)),
)
def test_sums_are_exact_whole_cents(hours, places, hourly, percent, given_partners, benefit):
    partners = [Partner(f"P{i}", kind, amount) for i, (kind, amount) in enumerate(given_partners)]
    case = rules.business_case(hours, places, hourly, percent, partners, benefit)
    for value in (case.wage_cents, case.charges_cents, case.cost_cents, case.covered_cents, case.balance_cents):
        assert isinstance(value, int)
    assert case.wage_cents == hours * hourly * 52 * places
    # Half-up rounding of the charges is off by at most half a cent.
    assert abs(case.charges_cents * 100 - case.wage_cents * percent) <= 50
    assert case.partners_cents == sum(amount for _kind, amount in given_partners)
    assert case.balance_cents == case.partners_cents + case.benefit_cents - case.cost_cents
    assert case.closes == (case.missing_cents == 0)
    assert 0 <= case.benefit_cents <= case.wage_cents
    segments = rules.bar(case)
    if segments:
        assert sum(segment.width for segment in segments) == rules.BAR_SCALE
        assert all(segment.width >= 1 for segment in segments if segment.cents)
        assert segments[0].x == 0
        for left, right in zip(segments, segments[1:], strict=False):
            assert right.x == left.x + left.width
        assert sum(segment.cents for segment in segments) == max(case.cost_cents, case.covered_cents)


@given(cents, st.sampled_from(["nl", "en"]))
def test_an_amount_written_back_reads_the_same(amount, style):
    assert parse_amount(format_amount(amount, style)) == amount


def test_the_filled_places_carry_their_share_of_the_partners():
    """2 of 4 places filled: half the wages and the bijstand of 2 people, and
    half of what the partners give the job."""
    case = rules.filled_places(20, 4, 2, 1500, 30, 1_000_001, 18_000_00)
    whole = rules.business_case(20, 2, 1500, 30, [Partner("", "money", 500_001)], 18_000_00)
    assert case == whole  # 1,000,001 x 2 / 4 = 500,000.5: halves up
    assert case.wage_cents == 20 * 1500 * 52 * 2


@given(
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=0, max_value=50),
    st.integers(min_value=-5, max_value=60),
    st.integers(min_value=1, max_value=100_000),
    cents,
    st.one_of(st.none(), st.integers(min_value=1, max_value=120_000_00)),
)
def test_the_filled_places_are_a_part_of_the_whole_case(hours, places, filled, hourly, partners, benefit):
    part = rules.filled_places(hours, places, filled, hourly, 30, partners, benefit)
    whole = rules.business_case(hours, places, hourly, 30, [Partner("", "money", partners)], benefit)
    assert 0 <= part.places <= places  # never more places than the job has, nor fewer than none
    assert part.wage_cents <= whole.wage_cents and part.benefit_cents <= whole.benefit_cents
    assert 0 <= part.partners_cents <= whole.partners_cents
    if places and part.places == places:
        assert part == whole


def test_a_wage_below_the_bijstand_is_topped_up_and_saves_only_itself():
    part_time = rules.business_case(16, 1, 1500, 30, [], 18_000_00)  # 16 x 15 x 52 = 12,480 a year
    assert part_time.topped_up and part_time.benefit_cents == 12_480_00
    full_time = rules.business_case(36, 1, 1500, 30, [], 18_000_00)  # 28,080 a year
    assert not full_time.topped_up and full_time.benefit_cents == 18_000_00
    assert not rules.business_case(16, 1, 1500, 30, [], None).topped_up  # no bijstand set: nothing said
