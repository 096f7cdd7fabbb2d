"""Each role lands on its own start after logging in (issue 11, point 1); a safe
``next`` still wins, and the home-screen offer is for residents only."""

import pytest
from http_support import log_in, page, sign_in


@pytest.mark.parametrize(
    ("who", "start"),
    [
        ("coach", "/caseload"),
        ("gemeente", "/gemeente"),
        ("buurtgroep", "/proposals"),
        ("bewoner", "/jobs"),  # a resident who answered the questions
        ("bewoner2", "/profile/start"),  # a resident who answered nothing yet
    ],
)
def test_each_role_lands_on_its_own_start(client, who, start):
    response = log_in(client, who)
    assert response.status_code == 303
    assert response.headers["Location"] == start
    assert client.get(start).status_code == 200


@pytest.mark.parametrize("who", ["coach", "gemeente", "buurtgroep", "bewoner"])
def test_a_safe_next_still_wins(client, who):
    response = log_in(client, who, next="/notifications")
    assert response.headers["Location"] == "/notifications"


@pytest.mark.parametrize("who", ["coach", "gemeente", "buurtgroep"])
def test_staff_already_logged_in_go_to_their_start_from_the_login_page(client, who):
    sign_in(client, who)
    start = {"coach": "/caseload", "gemeente": "/gemeente", "buurtgroep": "/proposals"}[who]
    assert client.get("/login").headers["Location"] == start


def test_the_neighbourhood_group_sees_its_own_proposals_first(client):
    log_in(client, "buurtgroep")
    body = page(client.get("/proposals"))
    assert 'id="mine-title"' in body
    assert body.index('id="mine-title"') < body.index('id="results"')


@pytest.mark.parametrize(
    ("who", "offered"),
    [("bewoner", True), ("coach", False), ("gemeente", False), ("buurtgroep", False), (None, False)],
)
def test_only_residents_are_offered_the_home_screen(client, who, offered):
    if who:
        sign_in(client, who)
    body = page(client.get("/proposals"))
    assert ("data-install-offer" in body) is offered
