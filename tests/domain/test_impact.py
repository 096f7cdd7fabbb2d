"""The programme for the council's figures from jobs and placements."""

import pytest

from webapp.domain.impact import DAYS_PER_MONTH, HALF_YEAR_DAYS, months, summarise

JOBS = [
    {"id": 1, "status": "open", "category": "green", "wijk": "Noord", "places": 2, "places_filled": 2},
    {"id": 2, "status": "closed", "category": "green", "wijk": "Zuid", "places": 1, "places_filled": 1},
    {"id": 3, "status": "open", "category": "school", "wijk": "Noord", "places": 3, "places_filled": 0},
]


def test_jobs_and_places_per_group():
    report = summarise(JOBS, [])
    green, school = report["category"]
    assert (green["name"], green["jobs"], green["open_jobs"], green["places"], green["places_filled"]) == (
        "green",
        2,
        1,
        3,
        3,
    )
    assert (school["jobs"], school["people"], school["months"]) == (1, 0, None)
    assert [row["name"] for row in report["wijk"]] == ["Noord", "Zuid"]
    assert report["all"][0]["jobs"] == 3 and report["all"][0]["places"] == 6


def test_a_person_in_two_jobs_of_a_group_counts_once_and_the_average_is_over_placements():
    placements = [(1, 10, 400.0), (2, 10, 100.0), (1, 11, 10.0)]
    report = summarise(JOBS, placements)
    green = report["category"][0]
    assert green["people"] == 2 and green["half_year"] == 1
    assert green["months"] == months(510 / 3)
    assert [row["people"] for row in report["wijk"]] == [2, 1]
    assert report["all"][0]["people"] == 2


def test_a_placement_in_a_job_not_listed_is_left_out():
    assert summarise(JOBS, [(99, 10, 50.0)])["all"][0]["people"] == 0


def test_nothing_published_gives_empty_tables():
    assert summarise([], [(1, 10, 5.0)]) == {"category": [], "wijk": [], "all": []}


@pytest.mark.parametrize(("days", "expected"), [(None, None), (0, 0.0), (-3, 0.0), (DAYS_PER_MONTH * 6, 6.0)])
def test_months(days, expected):
    assert months(days) == expected


def test_half_a_year_starts_at_its_day():
    report = summarise(JOBS, [(1, 10, HALF_YEAR_DAYS - 0.5), (1, 11, HALF_YEAR_DAYS)])
    assert report["all"][0]["half_year"] == 1
