"""Names that cannot disguise themselves: the plain rule (webapp/domain/names.py)."""

import pytest

from webapp.domain import names, usernames

REFUSED = [
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
]


@pytest.mark.parametrize("char", REFUSED, ids=[f"U+{ord(c):04X}" for c in REFUSED])
def test_a_bidi_control_or_zero_width_character_makes_no_name(char):
    assert not names.may_be_a_name(f"Anna{char}gnp.exe")
    assert names.disguising_characters(f"An{char}na{char}") == [char]
    assert names.without_disguise(f"Anna{char}gnp.exe") == "Annagnp.exe"


@pytest.mark.parametrize(
    "name",
    ["Anna de Vries", "Zoë Özdemir", "فاطمة الزهراء", "שרה כהן", "Олена", "Nguyễn Thị", "Jean-Luc O'Neil", ""],
)
def test_names_in_any_script_are_names(name):
    assert names.may_be_a_name(name)
    assert names.without_disguise(name) == name


def test_the_characters_found_are_named_for_staff():
    assert names.code_points(names.disguising_characters("a\u202eb\u200bc")) == "U+202E, U+200B"


def test_without_disguise_takes_none():
    assert names.without_disguise(None) == ""


@pytest.mark.parametrize("username", ["anna", "anna.de.vries", "a_b-c", "x" * 40])
def test_plain_usernames_are_valid(username):
    assert usernames.is_valid(username)


@pytest.mark.parametrize("username", ["an", "x" * 41, "anna\u200b", "anna\u202e", "añna", "an na", None])
def test_usernames_hold_nothing_invisible_or_look_alike(username):
    assert not usernames.is_valid(username)
