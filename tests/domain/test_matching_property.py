"""Property tests (hypothesis) over random profiles and jobs: a job that does
not fit never ranks above one that fits, and every reason is exact."""

from hypothesis import given, settings
from hypothesis import strategies as st
from matching_strategies import BUURTEN, codes, profiles

from webapp.domain.matching import BLOCKING, Job, assess, order, rank, standings
from webapp.domain.vocab import CATEGORIES, DAYS, LIMITS, SKILLS


@st.composite
def jobs(draw, job_id=1):
    buurt = draw(st.sampled_from(sorted(BUURTEN)))
    return Job(
        id=job_id,
        category=draw(st.sampled_from(list(CATEGORIES))),
        buurt=buurt,
        wijk=BUURTEN[buurt],
        hours=draw(st.sampled_from([4, 8, 12, 16, 24, 32])),
        created_at=draw(st.sampled_from(["2026-10-01", "2026-11-01", "2026-12-01"])),
        days=draw(codes(DAYS, 5)),
        skills=tuple(sorted(draw(codes(SKILLS, 4)))),
        languages=tuple(sorted(draw(codes(["nl", "ar", "ti"], 2)))),
        demands=tuple(sorted(draw(codes(LIMITS, 3)))),
    )


@st.composite
def job_lists(draw):
    count = draw(st.integers(min_value=0, max_value=12))
    return [draw(jobs(job_id=index)) for index in range(1, count + 1)]


@settings(max_examples=150, database=None, deadline=None)
@given(profiles(), job_lists(), st.booleans())
def test_no_job_that_does_not_fit_is_ever_above_one_that_fits(profile, candidates, newest_first):
    ordered = order(profile, candidates, standings(profile), newest_first=newest_first)
    fitting = [assess(profile, job).fits_you for job in ordered]
    # Once a job that does not fit shows, no job that fits follows it.
    assert fitting == sorted(fitting, reverse=True)
    assert sorted(job.id for job in ordered) == sorted(job.id for job in candidates)


@settings(max_examples=100, database=None, deadline=None)
@given(profiles(), job_lists())
def test_rank_puts_every_fit_first_and_agrees_with_assess(profile, candidates):
    ranked = rank(profile, candidates)
    flags = [fit.fits_you for fit in ranked]
    assert flags == sorted(flags, reverse=True)
    for fit in ranked:
        full = assess(profile, fit.job)
        assert (fit.fits_you, fit.score) == (full.fits_you, full.score)


@settings(max_examples=300, database=None, deadline=None)
@given(profiles(), jobs())
def test_every_job_that_does_not_fit_says_why_and_every_reason_is_exact(profile, job):
    fit = assess(profile, job)
    # Not fitting always comes with a reason, and a reason of that kind
    # always means not fitting.
    assert fit.fits_you == (not fit.blockers)
    assert all(reason.code in BLOCKING for reason in fit.blockers)
    for reason in fit.misfits:
        if reason.code == "days_off":
            # "Also on days you cannot work": at least one day fits, and the
            # days named are exactly the job's days the person cannot work.
            assert job.days & profile.days
            assert set(reason.values) == job.days - profile.days
        if reason.code == "days_none":
            # "Only on days you cannot work": no day fits; all are named.
            assert not job.days & profile.days
            assert set(reason.values) == job.days
        if reason.code == "limit":
            assert reason.values[0] in profile.limits and reason.values[0] in job.demands
    if profile.days and job.days and not job.days & profile.days:
        assert not fit.fits_you
