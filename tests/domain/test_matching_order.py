"""The fast ranking path (``order``, ``scorer``) agrees with plain ``assess``."""

import random

from webapp.domain.matching import Job, Profile, assess, order, rank, standings
from webapp.domain.vocab import CATEGORIES, DAYS, LIMITS, SKILLS


def _some(rng, codes, low, high):
    return rng.sample(list(codes), rng.randint(low, high))


def _kind(rng):
    return {
        "category": rng.choice(list(CATEGORIES)),
        "buurt": rng.choice([1, 2, 3]),
        "wijk": rng.choice([10, 11]),
        "hours": rng.choice([8, 16, 24, 32]),
        "days": frozenset(_some(rng, DAYS, 0, 5)),
        "skills": tuple(_some(rng, SKILLS, 0, 4)),
        "languages": tuple(rng.sample(["nl", "ar", "tr"], rng.randint(0, 2))),
        "demands": tuple(_some(rng, LIMITS, 0, 2)),
    }


def _jobs(rng, count):
    """Jobs of a few kinds, and kinds that differ in one fact only; equal ages; shuffled."""
    kinds = []
    for _ in range(3):
        base = _kind(rng)
        kinds.append(base)
        kinds.extend({**base, name: value} for name, value in _kind(rng).items())
    days = [f"2026-11-{day:02d}T10:00:00Z" for day in range(1, 6)]
    jobs = [Job(id=index, created_at=rng.choice(days), **rng.choice(kinds)) for index in range(1, count + 1)]
    rng.shuffle(jobs)
    return jobs


def _profile(rng):
    return Profile(
        home_buurt=rng.choice([None, 1, 2]),
        home_wijk=rng.choice([10, 11]),
        categories=frozenset(_some(rng, CATEGORIES, 0, 3)),
        hours_max=rng.choice([None, 8, 16, 24]),
        days=frozenset(_some(rng, DAYS, 0, 7)),
        travel=rng.choice([None, "buurt", "wijk", "town"]),
        limits=frozenset(_some(rng, LIMITS, 0, 2)),
        skills=frozenset(_some(rng, SKILLS, 0, 5)),
        languages=frozenset(rng.sample(["nl", "ar", "tr"], rng.randint(0, 2))),
    )


def test_order_and_rank_match_assess_and_the_tie_rules():
    rng = random.Random(11)
    for _ in range(50):
        profile = _profile(rng)
        jobs = _jobs(rng, 120)
        expected = sorted(
            jobs,
            key=lambda job: (
                assess(profile, job).fits_you,
                assess(profile, job).score,
                job.created_at,
                job.id,
            ),
            reverse=True,
        )
        assert [job.id for job in order(profile, jobs)] == [job.id for job in expected]
        ranked = rank(profile, jobs)
        assert [fit.job.id for fit in ranked] == [job.id for job in expected]
        assert all(fit.score == assess(profile, fit.job).score for fit in ranked)
        assert all(fit.fits_you == assess(profile, fit.job).fits_you for fit in ranked)
        assert all(fit.fits == [] and fit.misfits == [] for fit in ranked)


def test_newest_first_keeps_the_jobs_that_fit_first():
    rng = random.Random(5)
    for _ in range(30):
        profile = _profile(rng)
        jobs = _jobs(rng, 80)
        expected = sorted(
            jobs,
            key=lambda job: (assess(profile, job).fits_you, job.created_at, job.id),
            reverse=True,
        )
        got = order(profile, jobs, standings(profile), newest_first=True)
        assert [job.id for job in got] == [job.id for job in expected]
