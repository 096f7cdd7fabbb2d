"""The page-sized ranking (``Catalogue.page``) gives exactly the page of the
full sort (``order``): the same jobs in the same order, the same reasons and
the same counts, for random profiles, filters, searches and pages."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from matching_strategies import BUURTEN, codes, profiles

from webapp.domain.matching import Catalogue, Job, Profile, assess, order, standings
from webapp.domain.vocab import CATEGORIES, DAYS, LIMITS, SKILLS

DATES = ["2026-10-01", "2026-11-01", "2026-12-01", "2026-12-02"]


@st.composite
def kinds(draw):
    buurt = draw(st.sampled_from(sorted(BUURTEN)))
    return {
        "category": draw(st.sampled_from(list(CATEGORIES)[:4])),
        "buurt": buurt,
        "wijk": BUURTEN[buurt],
        "hours": draw(st.sampled_from([4, 8, 12, 16, 24, 32])),
        "days": draw(codes(DAYS, 5)),
        "skills": tuple(sorted(draw(codes(SKILLS, 4)))),
        "languages": tuple(sorted(draw(codes(["nl", "ar", "ti"], 2)))),
        "demands": tuple(sorted(draw(codes(LIMITS, 3)))),
    }


@st.composite
def job_lists(draw):
    """Many jobs of few kinds, as in the seeded sets: one description posted in several places."""
    described = draw(st.lists(kinds(), min_size=1, max_size=8))
    count = draw(st.integers(min_value=0, max_value=40))
    ids = draw(st.permutations(range(1, count + 1)))
    return [
        Job(id=job_id, created_at=draw(st.sampled_from(DATES)), **draw(st.sampled_from(described)))
        for job_id in ids
    ]


@st.composite
def filters(draw):
    return {
        "category": draw(st.none() | st.sampled_from(list(CATEGORIES)[:4])),
        "buurt": draw(st.none() | st.sampled_from(sorted(BUURTEN))),
        "wijk": draw(st.none() | st.sampled_from([10, 11, 12])),
        "hours_max": draw(st.none() | st.sampled_from([8, 16, 32])),
    }


def full_sort_page(profile, jobs, wants, ids, start, stop, newest_first):
    """The reference: filter everything, sort everything, slice."""
    chosen = [
        job
        for job in jobs
        if (wants["category"] is None or job.category == wants["category"])
        and (wants["buurt"] is None or job.buurt == wants["buurt"])
        and (wants["wijk"] is None or job.wijk == wants["wijk"])
        and (wants["hours_max"] is None or job.hours <= wants["hours_max"])
        and (ids is None or job.id in ids)
    ]
    fit_count = None
    if profile is not None:
        standing = standings(profile)
        chosen = order(profile, chosen, standing, newest_first=newest_first)
        fit_count = sum(1 for job in chosen if standing(job)[0])
    else:
        chosen = sorted(chosen, key=lambda job: (job.created_at, job.id), reverse=True)
    return chosen[start:stop], len(chosen), fit_count


def explained(profile, jobs):
    return [(job.id, assess(profile, job)) for job in jobs] if profile is not None else [job.id for job in jobs]


def assert_same_page(profile, jobs, wants, ids, page, per_page, newest_first):
    start, stop = (page - 1) * per_page, page * per_page
    expected, total, fit_count = full_sort_page(profile, jobs, wants, ids, start, stop, newest_first)
    found = Catalogue(jobs).page(profile, start, stop, newest_first=newest_first, ids=ids, **wants)
    assert [job.id for job in found.jobs] == [job.id for job in expected]
    assert explained(profile, found.jobs) == explained(profile, expected)
    assert (found.total, found.fit_count) == (total, fit_count)
    if fit_count is not None:
        assert found.misfit_count == total - fit_count


@settings(max_examples=150, database=None, deadline=None)
@given(
    st.none() | profiles(),
    job_lists(),
    filters(),
    st.booleans(),
    st.integers(min_value=1, max_value=6),
    st.sampled_from([1, 3, 5, 10]),
    st.booleans(),
    st.data(),
)
def test_the_page_is_exactly_the_page_of_the_full_sort(
    profile, jobs, wants, searched, page, per_page, newest_first, data
):
    ids = None
    if searched:  # a text search: some ids, also of jobs that are not open
        ids = data.draw(st.frozensets(st.integers(min_value=1, max_value=50)))
    assert_same_page(profile, jobs, wants, ids, page, per_page, newest_first)


def test_many_random_profiles_and_pages_at_a_larger_size():
    """Seeded random, bigger than hypothesis draws: 600 jobs of 60 kinds."""
    rng = random.Random(16)
    described = [_random_kind(rng) for _ in range(60)]
    jobs = [Job(id=job_id, created_at=rng.choice(DATES), **rng.choice(described)) for job_id in range(1, 601)]
    rng.shuffle(jobs)
    no_filter = {"category": None, "buurt": None, "wijk": None, "hours_max": None}
    for _ in range(150):
        profile = _random_profile(rng)
        ids = frozenset(rng.sample(range(1, 700), 250)) if rng.random() < 0.3 else None
        wants = dict(no_filter, category=rng.choice([None, *list(CATEGORIES)[:4]]))
        page = rng.choice([1, 1, 2, 7, 30, 61])
        assert_same_page(profile, jobs, wants, ids, page, 10, rng.random() < 0.3)


def _random_kind(rng):
    buurt = rng.choice(sorted(BUURTEN))
    return {
        "category": rng.choice(list(CATEGORIES)[:4]),
        "buurt": buurt,
        "wijk": BUURTEN[buurt],
        "hours": rng.choice([4, 8, 12, 16, 24, 32]),
        "days": frozenset(rng.sample(DAYS, rng.randint(0, 5))),
        "skills": tuple(sorted(rng.sample(sorted(SKILLS), rng.randint(0, 4)))),
        "languages": tuple(sorted(rng.sample(["nl", "ar", "ti"], rng.randint(0, 2)))),
        "demands": tuple(sorted(rng.sample(sorted(LIMITS), rng.randint(0, 3)))),
    }


def _random_profile(rng):
    home = rng.choice([None, *sorted(BUURTEN)])
    return Profile(
        home_buurt=home,
        home_wijk=BUURTEN.get(home),
        categories=frozenset(rng.sample(list(CATEGORIES), rng.randint(0, 3))),
        hours_max=rng.choice([None, 8, 12, 16, 24, 36]),
        days=frozenset(rng.sample(DAYS, rng.randint(0, 7))),
        travel=rng.choice([None, "buurt", "wijk", "town"]),
        limits=frozenset(rng.sample(sorted(LIMITS), rng.randint(0, 4))),
        skills=frozenset(rng.sample(sorted(SKILLS), rng.randint(0, 5))),
        languages=frozenset(rng.sample(["nl", "ar", "tr"], rng.randint(0, 2))),
    )
