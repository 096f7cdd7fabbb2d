"""Where each role lands after logging in (issue 11, point 1)."""

import pytest

from webapp.domain.landing import start_page


@pytest.mark.parametrize(
    ("role", "place"),
    [
        ("coach", "coaching.dashboard"),
        ("gemeente", "gemeente.overview"),
        ("buurtgroep", "proposals.index"),
        ("toezicht", "oversight.workspace"),
    ],
)
def test_staff_land_on_their_own_start(role, place):
    assert start_page(role) == place
    # Staff have no profile: an "empty" one never sends them to the questions.
    assert start_page(role, profile_is_empty=True) == place


def test_a_resident_with_answers_lands_on_the_jobs():
    assert start_page("resident", profile_is_empty=False) == "jobs.index"


def test_a_resident_without_answers_starts_with_the_questions():
    assert start_page("resident", profile_is_empty=True) == "profile.start"


@pytest.mark.parametrize("role", ["", "admin", None])
def test_an_unknown_role_gets_the_public_jobs_never_a_staff_page(role):
    assert start_page(role, profile_is_empty=True) == "jobs.index"
