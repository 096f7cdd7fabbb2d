"""A background request made before a login must not undo it when it is answered after it."""

import pytest
from http_support import sign_in


@pytest.mark.parametrize("path", ["/offline", "/jobs", "/manifest.webmanifest", "/login"])
def test_an_anonymous_page_sets_no_new_cookie_once_the_session_has_one(client, path):
    client.get("/login")  # the first page: the session gets its CSRF token
    answer = client.get(path)
    assert answer.headers.getlist("Set-Cookie") == [], path


def test_a_request_sent_before_the_login_and_answered_after_leaves_it_standing(client):
    client.get("/login")
    anonymous = client.get_cookie("session").value
    sign_in(client, "bewoner")
    logged_in = client.get_cookie("session").value
    # The service worker's fetch of the offline page still carries the old cookie.
    client.set_cookie("session", anonymous)
    late = client.get("/offline")
    assert late.headers.getlist("Set-Cookie") == []
    client.set_cookie("session", logged_in)
    assert client.get("/messages").status_code == 200
