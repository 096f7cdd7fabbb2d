"""The username suggested from a name at sign-up (the same rule as static/js/app.js)."""

import pytest

from webapp.auth.forms import USERNAME
from webapp.domain import usernames


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Anna", "anna"),
        ("Anna de Vries", "anna.de.vries"),
        ("  Anna   Jansen ", "anna.jansen"),
        ("Zoë", "zoe"),
        ("Çağla Öztürk", "cagla.ozturk"),
        ("Jean-Luc", "jean.luc"),
        ("O'Brien", "o.brien"),
        ("Jo", "jo1"),
        ("A", ""),  # one letter: no suggestion
        ("محمد", ""),
        ("", ""),
        ("<script>", "script"),
        ("x" * 80, "x" * 30),
    ],
)
def test_suggestion(name, expected):
    assert usernames.suggestion(name) == expected


@pytest.mark.parametrize("name", ["Anna", "Jo", "Anna de Vries", "ÉÈÊ ëï", "x" * 80, "a.b c-d_e"])
def test_every_candidate_is_a_valid_username(name):
    found = usernames.candidates(usernames.from_name(name))
    assert found
    assert all(USERNAME.match(candidate) for candidate in found)
    assert len(set(found)) == len(found) == usernames.TRIES


def test_candidates_number_after_the_first():
    assert usernames.candidates("anna")[:3] == ["anna", "anna2", "anna3"]
    assert usernames.candidates("") == []
