"""Matching and its reasons: plain functions, no Flask."""

import itertools
import random

import pytest

from webapp.domain.matching import WEIGHTS, Job, Profile, Reason, assess, rank
from webapp.domain.vocab import CATEGORIES, DAYS, LIMITS, SKILLS

WEEKDAYS = frozenset({"mon", "tue", "wed", "thu", "fri"})


def job(**facts):
    base = {
        "id": 1,
        "category": "elderly",
        "buurt": 1,
        "wijk": 10,
        "hours": 16,
        "created_at": "2026-11-01T10:00:00Z",
    }
    base.update(facts)
    return Job(**base)


def codes(fit):
    return [reason.code for reason in fit.fits], [reason.code for reason in fit.misfits]


def test_empty_profile_gives_no_reasons_and_no_score():
    fit = assess(Profile(), job(skills=("cooking",), demands=("heavy_lifting",)))
    assert fit.score == 0
    assert fit.fits == [] and fit.misfits == []


def test_empty_profile_ranks_newest_first():
    older = job(id=1, created_at="2026-10-01T00:00:00Z")
    newer = job(id=2, created_at="2026-11-01T00:00:00Z")
    assert [fit.job.id for fit in rank(Profile(), [older, newer])] == [2, 1]


def test_profile_is_empty_only_without_answers():
    assert Profile().is_empty
    assert not Profile(skills=frozenset({"cooking"})).is_empty
    assert not Profile(home_buurt=3, home_wijk=1).is_empty


def test_liked_category_is_a_reason():
    fit = assess(Profile(categories=frozenset({"elderly"})), job())
    assert fit.fits == [Reason("category", ("elderly",))]
    assert fit.score == WEIGHTS["category"]


def test_same_buurt_beats_same_wijk():
    profile = Profile(home_buurt=1, home_wijk=10, travel="town")
    same_buurt = assess(profile, job(buurt=1, wijk=10))
    same_wijk = assess(profile, job(buurt=2, wijk=10))
    elsewhere = assess(profile, job(buurt=3, wijk=11))
    assert codes(same_buurt)[0] == ["buurt"]
    assert codes(same_wijk)[0] == ["wijk"]
    assert codes(elsewhere) == ([], [])
    assert same_buurt.score > same_wijk.score > elsewhere.score


@pytest.mark.parametrize(
    ("travel", "buurt", "wijk", "too_far"),
    [
        ("buurt", 1, 10, False),
        ("buurt", 2, 10, True),
        ("wijk", 2, 10, False),
        ("wijk", 3, 11, True),
        ("town", 3, 11, False),
        (None, 3, 11, False),
    ],
)
def test_travel_distance(travel, buurt, wijk, too_far):
    fit = assess(Profile(home_buurt=1, home_wijk=10, travel=travel), job(buurt=buurt, wijk=wijk))
    assert ("too_far" in codes(fit)[1]) is too_far


def test_hours_within_the_wish_say_both_numbers():
    fit = assess(Profile(hours_max=20), job(hours=16))
    assert fit.fits == [Reason("hours", (16, 20))]


def test_too_many_hours_is_a_misfit_with_both_numbers():
    fit = assess(Profile(hours_max=12), job(hours=16))
    assert fit.misfits == [Reason("too_many_hours", (16, 12))]
    assert fit.score < 0


def test_weekend_work_for_someone_without_weekend_days_names_the_day():
    fit = assess(Profile(days=WEEKDAYS), job(days=frozenset({"fri", "sat"})))
    assert fit.misfits == [Reason("days_off", ("sat",))]
    assert fit.fits_you


def test_other_days_off_are_named_in_week_order():
    fit = assess(Profile(days=frozenset({"mon", "sat"})), job(days=frozenset({"thu", "tue", "mon"})))
    assert fit.misfits == [Reason("days_off", ("tue", "thu"))]


def test_days_that_fit():
    fit = assess(Profile(days=WEEKDAYS), job(days=frozenset({"mon", "wed"})))
    assert codes(fit) == (["days"], [])


def test_job_without_days_says_nothing_about_days():
    fit = assess(Profile(days=WEEKDAYS), job(days=frozenset()))
    assert codes(fit) == ([], [])


def test_job_without_skills_listed_has_no_skill_reason():
    fit = assess(Profile(skills=frozenset({"cooking"})), job(skills=()))
    assert codes(fit) == ([], [])


def test_shared_skills_in_the_jobs_order_and_capped_in_weight():
    profile = Profile(skills=frozenset(SKILLS))
    fit = assess(profile, job(skills=("gardening", "cooking", "fixing", "cleaning")))
    assert fit.fits == [Reason("skill", ("gardening", "cooking", "fixing", "cleaning"))]
    assert fit.score == WEIGHTS["skill"] * 3


def test_shared_language_is_a_reason():
    fit = assess(Profile(languages=frozenset({"ar", "nl"})), job(languages=("ti", "ar")))
    assert fit.fits == [Reason("language", ("ar",))]


def test_each_thing_someone_cannot_do_is_a_misfit():
    profile = Profile(limits=frozenset({"heavy_lifting", "outdoors"}))
    fit = assess(profile, job(demands=("outdoors", "heavy_lifting", "early")))
    assert fit.misfits == [Reason("limit", ("outdoors",)), Reason("limit", ("heavy_lifting",))]


def test_a_job_on_no_day_someone_can_work_names_all_its_days():
    fit = assess(Profile(days=frozenset({"mon", "tue"})), job(days=frozenset({"sat", "wed"})))
    assert fit.misfits == [Reason("days_none", ("wed", "sat"))]
    assert not fit.fits_you


def test_a_limit_outweighs_a_liked_category_in_the_ranking():
    profile = Profile(categories=frozenset({"handyman"}), limits=frozenset({"heavy_lifting"}))
    lifting = job(id=1, category="handyman", demands=("heavy_lifting",))
    neutral = job(id=2, category="school")
    assert [fit.job.id for fit in rank(profile, [lifting, neutral])] == [2, 1]


def test_ties_go_to_the_newest_then_the_highest_id():
    profile = Profile(categories=frozenset({"elderly"}))
    jobs = [
        job(id=1, created_at="2026-11-01T00:00:00Z"),
        job(id=2, created_at="2026-11-03T00:00:00Z"),
        job(id=3, created_at="2026-11-03T00:00:00Z"),
        job(id=4, category="green", created_at="2026-11-05T00:00:00Z"),
    ]
    assert [fit.job.id for fit in rank(profile, jobs)] == [3, 2, 1, 4]


def test_rank_skips_reasons_but_keeps_scores():
    profile = Profile(categories=frozenset({"elderly"}))
    (fit,) = rank(profile, [job()])
    assert fit.fits == [] and fit.score == WEIGHTS["category"]


def test_reasons_always_add_up_to_the_score():
    """Checked on many random profiles and jobs: no hidden points."""
    rng = random.Random(7)

    def some(codes_, low, high):
        return frozenset(rng.sample(list(codes_), rng.randint(low, high)))

    for index in range(2000):
        profile = Profile(
            home_buurt=rng.choice([None, 1, 2, 3]),
            home_wijk=rng.choice([10, 11]),
            categories=some(CATEGORIES, 0, 3),
            hours_max=rng.choice([None, 8, 16, 24, 36]),
            days=some(DAYS, 0, 7),
            travel=rng.choice([None, "buurt", "wijk", "town"]),
            limits=some(LIMITS, 0, 3),
            skills=some(SKILLS, 0, 5),
            languages=frozenset(rng.sample(["nl", "ar", "tr", "pl"], rng.randint(0, 2))),
        )
        candidate = job(
            id=index,
            category=rng.choice(list(CATEGORIES)),
            buurt=rng.choice([1, 2, 3, 4]),
            wijk=rng.choice([10, 11]),
            hours=rng.choice([8, 12, 16, 24, 32]),
            days=some(DAYS, 0, 5),
            skills=tuple(some(SKILLS, 0, 4)),
            languages=tuple(rng.sample(["ar", "tr", "ti"], rng.randint(0, 2))),
            demands=tuple(some(LIMITS, 0, 2)),
        )
        fit = assess(profile, candidate)
        total = sum(reason.weight for reason in itertools.chain(fit.fits, fit.misfits))
        assert fit.score == total
        assert assess(profile, candidate, explain=False).score == fit.score
