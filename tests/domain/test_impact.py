"""The programme for the council's figures, from counts per category and buurt."""

import pytest

from webapp.domain.business_case import Partner, business_case
from webapp.domain.impact import DAYS_PER_MONTH, months, round_half_away, summarise

WIJK = {1: "Noord", 2: "Noord", 3: "Zuid"}
JOB_CELLS = [
    {"category": "green", "buurt_id": 1, "jobs": 1, "open_jobs": 1, "places": 2, "places_filled": 2},
    {"category": "green", "buurt_id": 3, "jobs": 1, "open_jobs": 0, "places": 1, "places_filled": 1},
    {"category": "school", "buurt_id": 2, "jobs": 1, "open_jobs": 1, "places": 3, "places_filled": 0},
]


def cell(category, buurt_id, people, days, half_year=0, placements=None):
    return {
        "category": category,
        "buurt_id": buurt_id,
        "people": people,
        "placements": people if placements is None else placements,
        "days": days,
        "half_year": half_year,
    }


def test_jobs_and_places_per_category_and_wijk():
    report = summarise(JOB_CELLS, [], None, WIJK)
    green, school = report["category"]
    assert (green["name"], green["jobs"], green["open_jobs"], green["places"], green["places_filled"]) == (
        "green",
        2,
        1,
        3,
        3,
    )
    assert (school["jobs"], school["people"], school["months"]) == (1, 0, None)
    noord, zuid = report["wijk"]
    assert (noord["name"], noord["jobs"], noord["places"], zuid["jobs"]) == ("Noord", 2, 5, 1)
    assert report["all"][0]["jobs"] == 3 and report["all"][0]["places"] == 6


def test_people_and_months_add_up_per_group_and_the_total_comes_from_its_own_count():
    placed = [cell("green", 1, 2, 410.0, half_year=1), cell("green", 3, 1, 100.0)]
    totals = {"people": 2, "placements": 3, "days": 510.0, "half_year": 1}
    report = summarise(JOB_CELLS, placed, totals, WIJK)
    green = report["category"][0]
    assert green["people"] == 3 and green["half_year"] == 1
    assert green["months"] == months(510 / 3)
    assert [row["people"] for row in report["wijk"]] == [2, 1]
    assert report["all"][0]["people"] == 2 and report["all"][0]["months"] == months(170)


def test_nothing_published_gives_empty_tables():
    assert summarise([], [], None, WIJK) == {"category": [], "wijk": [], "all": []}


@pytest.mark.parametrize(("days", "expected"), [(None, None), (0, 0.0), (-3, 0.0), (DAYS_PER_MONTH * 6, 6.0)])
def test_months(days, expected):
    assert months(days) == expected


def money_cell(category, buurt_id, cost, partners, benefit):
    case = business_case(1, 1, cost, 0, [Partner("", "money", partners)] if partners else [], benefit)
    expected = (cost * 52, partners, min(benefit, cost * 52))
    assert (case.cost_cents, case.partners_cents, case.benefit_cents) == expected
    return {"category": category, "buurt_id": buurt_id, "case": case}


def test_money_adds_up_per_group_and_shares_the_net_cost_over_the_people_placed():
    placed = [cell("green", 1, 2, 410.0), cell("green", 3, 1, 100.0)]
    totals = {"people": 3, "placements": 3, "days": 510.0, "half_year": 0}
    money = [money_cell("green", 1, 1000, 10_000, 20_000), money_cell("green", 3, 500, 0, 26_000)]
    report = summarise(JOB_CELLS, placed, totals, WIJK, money)
    noord, zuid = report["wijk"]
    assert (noord["cost"], noord["partners"], noord["benefit"], noord["net"]) == (52_000, 10_000, 20_000, 22_000)
    assert noord["net_per_person"] == 11_000  # 2 people
    assert (zuid["cost"], zuid["benefit"], zuid["net"], zuid["net_per_person"]) == (26_000, 26_000, 0, 0)
    everything = report["all"][0]
    assert everything["net"] == 22_000 and everything["net_per_person"] == 7_333  # 22,000 / 3, rounded
    school = report["category"][1]
    assert (school["cost"], school["net"], school["net_per_person"]) == (0, 0, None)  # nobody placed


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [(7, 2, 4), (-7, 2, -4), (5, 3, 2), (-5, 3, -2), (0, 4, 0), (22_000, 3, 7_333)],
)
def test_round_half_away(numerator, denominator, expected):
    assert round_half_away(numerator, denominator) == expected
