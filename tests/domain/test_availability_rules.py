"""A coach's availability as rules: times typed the ways people type them, days in
week order, runs of days, and what makes an availability incomplete."""

from datetime import time

import pytest

from webapp.domain import availability as rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9", time(9, 0)),
        ("9:00", time(9, 0)),
        ("09:30", time(9, 30)),
        ("9.30", time(9, 30)),
        (" 17:00 ", time(17, 0)),
        ("0:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_a_time_is_read_as_people_type_it(text, expected):
    assert rules.parse_clock(text) == expected


@pytest.mark.parametrize("text", ["24:00", "9:60", "nine", "9:5", "09:00:00", "-1", "<script>", "1" * 50])
def test_what_is_not_a_time_is_refused(text):
    with pytest.raises(ValueError):
        rules.parse_clock(text)


def test_times_are_stored_on_the_24_hour_clock():
    assert rules.clock_text(time(8, 30)) == "08:30"
    assert rules.clock_text(None) == ""


def test_days_are_kept_in_week_order_once_each():
    assert rules.week_order(["fri", "mon", "mon", "xyz"]) == ["mon", "fri"]
    assert rules.days_text(["sun", "mon"]) == "mon sun"
    assert rules.parse_days("sun mon bogus") == ["mon", "sun"]
    assert rules.parse_days("") == []


@pytest.mark.parametrize(
    ("days", "runs"),
    [
        (["mon", "tue", "wed", "thu"], [("mon", "thu")]),
        (["mon", "tue", "wed", "thu", "sat"], [("mon", "thu"), ("sat", "sat")]),
        (["tue", "wed", "fri"], [("tue", "tue"), ("wed", "wed"), ("fri", "fri")]),
        (["mon", "tue"], [("mon", "mon"), ("tue", "tue")]),
        (["fri", "sat", "sun"], [("fri", "sun")]),
        (list(rules.DAYS), [("mon", "sun")]),
        ([], []),
    ],
)
def test_three_days_in_a_row_make_one_run(days, runs):
    assert rules.day_runs(days) == runs


NINE, FIVE = time(9, 0), time(17, 0)


@pytest.mark.parametrize(
    ("days", "start", "end", "note", "found"),
    [
        (["mon"], NINE, FIVE, "", []),
        (["mon"], None, None, "", []),
        ([], None, None, "Bel gerust", []),
        ([], None, None, "", [("days", "nothing")]),
        ([], None, None, "   ", [("days", "nothing")]),
        (["mon"], NINE, None, "", [("available_to", "one_time")]),
        (["mon"], None, FIVE, "", [("available_from", "one_time")]),
        (["mon"], FIVE, NINE, "", [("available_to", "end_before_start")]),
        (["mon"], NINE, NINE, "", [("available_to", "end_before_start")]),
        ([], NINE, FIVE, "note", [("days", "times_without_days")]),
        (["mon", "funday"], None, None, "", [("days", "unknown_day")]),
    ],
)
def test_what_is_wrong_with_an_availability(days, start, end, note, found):
    assert rules.problems(days, start, end, note) == found
