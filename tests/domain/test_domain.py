"""Start codes, wages, access rules, profile steps and vocabulary."""

from datetime import UTC, date, datetime, timedelta

import pytest

from webapp.domain import access, startcodes, vocab, wage

# --- start codes -------------------------------------------------------------


def test_new_codes_are_grouped_and_use_the_safe_alphabet():
    code = startcodes.new_code()
    groups = code.split("-")
    assert [len(group) for group in groups] == [4, 4, 4]
    assert all(ch in startcodes.ALPHABET for ch in "".join(groups))


def test_codes_do_not_repeat():
    assert len({startcodes.new_code() for _ in range(2000)}) == 2000


def test_alphabet_has_no_look_alikes():
    assert not set("0O1IL") & set(startcodes.ALPHABET)


@pytest.mark.parametrize("typed", ["abcd-efgh-jkmn", " ABCD EFGH JKMN ", "ABCDEFGHJKMN"])
def test_normalise_forgives_case_spaces_and_dashes(typed):
    assert startcodes.normalise(typed) == "ABCDEFGHJKMN"


@pytest.mark.parametrize("typed", ["", "ABCD", "ABCD-EFGH-JKM0", "ABCD-EFGH-JKMN-P", None, 12])
def test_normalise_refuses_what_cannot_be_a_code(typed):
    assert startcodes.normalise(typed) is None


def test_hash_is_the_same_for_every_way_of_typing():
    assert startcodes.code_hash("abcd efgh jkmn") == startcodes.code_hash("ABCD-EFGH-JKMN")


def test_hash_refuses_garbage():
    with pytest.raises(ValueError):
        startcodes.code_hash("'; DROP TABLE users; --")


def test_code_expires_after_fourteen_days():
    issued = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    expires = startcodes.expiry(issued).isoformat()
    assert startcodes.state(expires, None, issued + timedelta(days=13, hours=23)) == "usable"
    assert startcodes.state(expires, None, issued + timedelta(days=14)) == "expired"


def test_used_code_is_used_even_before_expiry():
    issued = datetime(2026, 11, 1, tzinfo=UTC)
    expires = startcodes.expiry(issued).isoformat()
    assert startcodes.state(expires, "2026-11-02T00:00:00Z", issued) == "used"


# --- wages ---------------------------------------------------------------------

RATES = [("2026-01-01", 1471), ("2025-07-01", 1440), ("2026-07-01", 1500)]


def test_minimum_wage_is_the_latest_valid_rate():
    assert wage.minimum_on(RATES, date(2026, 3, 1)) == (1471, date(2026, 1, 1))
    assert wage.minimum_on(RATES, date(2026, 7, 1)) == (1500, date(2026, 7, 1))


def test_no_minimum_before_the_first_rate():
    assert wage.minimum_on(RATES, date(2020, 1, 1)) is None


def test_monthly_pay_spreads_52_weeks_over_12_months():
    assert wage.monthly_cents(1471, 16) == round(1471 * 16 * 52 / 12)


def test_job_pays_its_scale_but_never_below_the_minimum():
    assert wage.hourly_cents(None, 1471) == 1471
    assert wage.hourly_cents(1635, 1471) == 1635
    assert wage.hourly_cents(1400, 1471) == 1471


# --- access ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "allowed"), [("resident", True), ("coach", False), ("buurtgroep", False), ("gemeente", False)]
)
def test_only_residents_have_resident_pages(role, allowed):
    assert access.may_use_resident_pages(role) is allowed


@pytest.mark.parametrize(
    ("status", "role", "visible"),
    [
        ("open", None, True),
        ("closed", "resident", True),
        ("draft", None, False),
        ("draft", "resident", False),
        ("draft", "coach", False),
        ("draft", "gemeente", True),
        ("deleted", "gemeente", False),
    ],
)
def test_who_sees_which_job(status, role, visible):
    assert access.may_see_job(status, role) is visible


def test_interest_only_in_open_jobs():
    assert access.may_show_interest("open")
    assert not access.may_show_interest("closed")


def test_interests_are_read_by_the_resident_and_their_own_coach_only():
    assert access.may_read_interest(5, "resident", 5, 9)
    assert access.may_read_interest(9, "coach", 5, 9)
    assert not access.may_read_interest(8, "coach", 5, 9)
    assert not access.may_read_interest(6, "resident", 5, 9)
    assert not access.may_read_interest(7, "gemeente", 5, 9)


# --- vocabulary ----------------------------------------------------------------


def test_codes_round_trip_in_a_fixed_order():
    assert vocab.join_codes(["sun", "mon", "mon", "zzz"], vocab.DAYS) == "mon,sun"
    assert vocab.split_codes("mon,sun") == ("mon", "sun")
    assert vocab.split_codes("") == ()
    assert vocab.split_codes(None) == ()


def test_every_category_and_skill_has_an_icon_in_the_sprite():
    from pathlib import Path

    sprite = (Path(__file__).resolve().parents[2] / "static" / "icons.svg").read_text()
    for table in (vocab.CATEGORIES, vocab.SKILLS, vocab.LIMITS, vocab.TRAVEL, vocab.LANGUAGES):
        for icon in table.values():
            assert f'id="{icon}"' in sprite, icon
