"""Which jobs do not fit at all, and how that is said: the rule behind the
"These do not fit what you told us" part of the job list."""

import pytest

from webapp.domain.matching import BLOCKING, Job, Profile, Reason, assess, rank

MON_TUE = frozenset({"mon", "tue"})


def job(**facts):
    base = {"id": 1, "category": "elderly", "buurt": 1, "wijk": 10, "hours": 12}
    base.update(facts)
    return Job(**base)


def test_the_reported_case_only_on_days_she_cannot_work_does_not_fit():
    """Mon/Tue resident, a job she likes in her buurt, only on Wed and Sat."""
    profile = Profile(home_buurt=1, home_wijk=10, categories=frozenset({"elderly"}), hours_max=12, days=MON_TUE)
    only_off = job(id=1, days=frozenset({"wed", "sat"}))
    plain = job(id=2, category="green", buurt=5, wijk=11, hours=12, days=frozenset({"mon", "thu"}))
    fit = assess(profile, only_off)
    assert not fit.fits_you
    assert fit.misfits == [Reason("days_none", ("wed", "sat"))]
    assert fit.blockers == fit.misfits
    # It earns more points than the other job, yet never ranks above it.
    assert fit.score > assess(profile, plain).score
    assert [f.job.id for f in rank(profile, [only_off, plain])] == [2, 1]


def test_some_days_off_is_an_also_and_still_fits():
    fit = assess(Profile(days=MON_TUE), job(days=frozenset({"tue", "wed"})))
    assert fit.fits_you
    assert fit.misfits == [Reason("days_off", ("wed",))]
    assert fit.blockers == []


def test_all_days_fit():
    fit = assess(Profile(days=MON_TUE), job(days=frozenset({"mon"})))
    assert fit.fits_you and fit.fits == [Reason("days")]


@pytest.mark.parametrize(
    ("profile", "candidate"),
    [
        (Profile(days=MON_TUE), job(days=frozenset())),  # the job names no days
        (Profile(), job(days=frozenset({"sat"}))),  # the person named none
    ],
)
def test_without_days_on_either_side_days_never_block(profile, candidate):
    assert assess(profile, candidate).fits_you


def test_something_you_cannot_do_does_not_fit():
    fit = assess(Profile(limits=frozenset({"evening"})), job(demands=("evening",)))
    assert not fit.fits_you
    assert fit.blockers == [Reason("limit", ("evening",))]


def test_a_demand_you_did_not_rule_out_fits():
    assert assess(Profile(limits=frozenset({"evening"})), job(demands=("early",))).fits_you


@pytest.mark.parametrize(
    ("travel", "buurt", "wijk", "fits"),
    [
        ("buurt", 1, 10, True),
        ("buurt", 2, 10, False),
        ("wijk", 2, 10, True),
        ("wijk", 3, 11, False),
        ("town", 3, 11, True),
        (None, 3, 11, True),
    ],
)
def test_further_than_you_want_to_travel_does_not_fit(travel, buurt, wijk, fits):
    profile = Profile(home_buurt=1, home_wijk=10, travel=travel)
    assert assess(profile, job(buurt=buurt, wijk=wijk)).fits_you is fits


def test_more_hours_than_wanted_does_not_fit():
    """ "At most 8 hours" is something the person told us: 12 does not fit it."""
    fit = assess(Profile(hours_max=8), job(hours=12))
    assert not fit.fits_you and fit.blockers == [Reason("too_many_hours", (12, 8))]


def test_as_many_hours_as_wanted_fits():
    assert assess(Profile(hours_max=12), job(hours=12)).fits_you


def test_blocking_reasons_are_exactly_the_four_kinds():
    assert frozenset({"days_none", "too_far", "limit", "too_many_hours"}) == BLOCKING


def test_rank_says_which_jobs_fit_without_explaining():
    profile = Profile(limits=frozenset({"evening"}))
    ranked = rank(profile, [job(id=1, demands=("evening",)), job(id=2)])
    assert [(f.job.id, f.fits_you) for f in ranked] == [(2, True), (1, False)]
    assert all(f.misfits == [] for f in ranked)


def test_a_page_names_the_blocking_reasons_first():
    profile = Profile(days=frozenset({"mon"}), limits=frozenset({"evening"}))
    fit = assess(profile, job(days=frozenset({"mon", "sat"}), demands=("evening",)))
    assert [reason.code for reason in fit.misfits_worst_first] == ["limit", "days_off"]
