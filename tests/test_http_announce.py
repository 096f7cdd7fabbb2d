"""What the pages say for a screen reader without JavaScript (issue 12).

A page showing a form's errors starts its title with "Error:" (in the reader's
language); a list's count is in a status beside its filters, outside the part
htmx replaces, and an htmx answer updates only its words (out of band).
"""

import re

import pytest
from http_support import log_in, page, post_form, sign_in, t

TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S)


def title(response):
    return TITLE.search(page(response)).group(1)


def error_title(app, plain=False):
    return t(app, "Error:", plain=plain) + " "


# --- "Error:" in the title ------------------------------------------------------------------


@pytest.mark.parametrize("plain", [False, True])
def test_a_wrong_password_starts_the_title_with_error(app, client, plain):
    client.get(f"/?lang=nl&plain={int(plain)}")
    response = log_in(client, "bewoner", "not-the-password")
    assert response.status_code == 422
    assert title(response).startswith(error_title(app, plain)), title(response)
    assert error_title(app, plain) == "Fout: "


def test_a_sign_up_with_errors(app, client):
    response = post_form(client, "/signup", {}, token_from="/signup")
    assert response.status_code == 422
    assert title(response).startswith(error_title(app))


@pytest.mark.parametrize("plain", [False, True])
def test_a_profile_step_with_nothing_chosen(app, client, plain):
    sign_in(client, "bewoner")
    client.get(f"/?lang=nl&plain={int(plain)}")
    response = post_form(client, "/profile/work", {"action": "save"})
    assert response.status_code == 422
    assert title(response).startswith(error_title(app, plain))


def test_the_first_questions_with_an_answer_we_do_not_know(app, client):
    sign_in(client, "bewoner")
    response = post_form(client, "/profile/start", {"work": "no-such-work"})
    assert response.status_code == 422
    assert title(response).startswith(error_title(app))


def test_a_staff_form_with_errors(app, client):
    sign_in(client, "gemeente")
    response = post_form(client, "/gemeente/settings", {"threshold": "veel"})
    assert response.status_code == 422
    assert title(response).startswith(error_title(app))


def test_a_filter_with_a_value_we_do_not_know(app, client):
    response = client.get("/jobs?category=no-such-kind")
    assert response.status_code == 400
    assert title(response).startswith(error_title(app))


def test_in_english_too(app, client):
    client.get("/?lang=en&plain=1")
    response = log_in(client, "bewoner", "not-the-password")
    assert title(response).startswith(t(app, "Error:", lang="en", plain=True) + " ")


@pytest.mark.parametrize("path", ["/login", "/signup", "/jobs", "/proposals"])
def test_a_page_without_errors_has_its_plain_title(app, client, path):
    assert not title(client.get(path)).startswith(error_title(app))


def test_an_accepted_form_has_its_plain_title(app, client):
    response = log_in(client, "bewoner")
    assert response.status_code == 303
    assert not title(client.get(response.headers["Location"])).startswith(error_title(app))


# --- the count in a status ------------------------------------------------------------------

STATUS = re.compile(r'<p id="results-status"([^>]*)>(.*?)</p>', re.S)
HEADING = re.compile(r'<h2 id="results-title"[^>]*>(.*?)</h2>', re.S)
RESULTS = re.compile(r'<section id="results"[^>]*>', re.S)


@pytest.mark.parametrize(("path", "who"), [("/jobs", None), ("/jobs", "bewoner"), ("/proposals", "bewoner")])
def test_the_page_has_the_count_in_a_status_outside_the_results(client, path, who):
    sign_in(client, who)
    html = page(client.get(path))
    statuses = STATUS.findall(html)
    assert len(statuses) == 1
    attributes, words = statuses[0]
    assert 'role="status"' in attributes and "swap-oob" not in attributes
    assert words == HEADING.search(html).group(1).strip()
    assert re.match(r"\d+ ", words)
    assert html.index('id="results-status"') < RESULTS.search(html).start()  # beside the filters, not inside
    assert "aria-live" not in RESULTS.search(html).group(0)


@pytest.mark.parametrize("path", ["/jobs?category=elderly", "/proposals?status=with_gemeente"])
def test_an_htmx_answer_updates_only_the_words_of_the_status(client, path):
    sign_in(client, "bewoner")
    html = page(client.get(path, headers={"HX-Request": "true"}))
    assert "<title" not in html
    attributes, words = STATUS.findall(html)[0]
    assert 'data-hx-swap-oob="innerHTML"' in attributes
    assert words == HEADING.search(html).group(1).strip()
    assert html.index('id="results-status"') > html.index("</section>\n<p")  # after #results, not in it
