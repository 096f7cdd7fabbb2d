"""The municipality's words on the reports page (issue 11, point 6): what residents
reported is not called "Meldingen" like the bell, each button says what it does
("Show again", "Remove"), a repeat changes nothing, and card headers carry no
stray separator."""

import html
import re

import pytest
from flask import render_template_string
from http_support import count, page, post_form, scalar, sign_in, snapshot, t
from proposal_support import HIDDEN_COMMENT_TEXT, NO_HOME, OPEN_DE_HOVEN, RESIDENT_NOORD

TABLES = ("proposals", "proposal_comments", "reports", "moderation_actions", "notifications")
BUTTON = re.compile(r"<button\b[^>]*>(.*?)</button>", re.S)


def hidden_comment(app):
    return scalar(app, "SELECT id FROM proposal_comments WHERE body LIKE ?", (f"%{HIDDEN_COMMENT_TEXT}%",))


def button_words(body):
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", inner)).split()) for inner in BUTTON.findall(body)]


@pytest.mark.parametrize(("lang", "plain"), [("nl", False), ("nl", True), ("en", False), ("en", True)])
def test_the_reports_page_says_show_again_and_remove_never_done(app, client, lang, plain):
    sign_in(client, "gemeente")
    body = page(client.get(f"/gemeente/reports?lang={lang}&plain={int(plain)}"))
    words = button_words(body)
    assert html.unescape(t(app, "Show again", lang, plain)) in words
    assert html.unescape(t(app, "Remove", lang, plain)) in words
    assert html.unescape(t(app, "Done", lang, plain)) not in words
    assert 'name="action" value="restore"' in body
    assert 'name="action" value="remove"' in body


@pytest.mark.parametrize("plain", [False, True])
def test_reports_are_not_called_like_the_bell(app, client, plain):
    sign_in(client, "gemeente")
    body = html.unescape(page(client.get(f"/gemeente/reports?lang=nl&plain={int(plain)}")))
    assert "Gemeld door bewoners" in body
    assert "Meldingen" not in re.sub(r'<header class="site-header">.*?</header>', "", body, flags=re.S)
    english = html.unescape(page(client.get(f"/gemeente/reports?lang=en&plain={int(plain)}")))
    assert "Reported by residents" in english


def test_show_again_needs_no_reason_and_a_repeat_changes_nothing(app, client):
    comment = hidden_comment(app)
    sign_in(client, "gemeente")
    first = post_form(client, f"/gemeente/reports/comment/{comment}", {"action": "restore", "reason": ""})
    assert first.status_code == 303
    assert scalar(app, "SELECT moderation FROM proposal_comments WHERE id = ?", (comment,)) == "visible"
    after_first = snapshot(app, *TABLES)
    again = post_form(client, f"/gemeente/reports/comment/{comment}", {"action": "restore", "reason": ""})
    assert again.status_code == 303
    assert again.headers["Location"].endswith("/gemeente/reports")
    assert snapshot(app, *TABLES) == after_first
    assert count(app, "moderation_actions", "target_id = ? AND action = 'restore'", (comment,)) == 1


def test_remove_twice_removes_once_and_tells_the_author_once(app, client):
    comment = hidden_comment(app)
    sign_in(client, "gemeente")
    data = {"action": "remove", "reason": "Reclame hoort hier niet."}
    assert post_form(client, f"/gemeente/reports/comment/{comment}", data).status_code == 303
    after_first = snapshot(app, *TABLES)
    assert post_form(client, f"/gemeente/reports/comment/{comment}", data).status_code == 303
    assert snapshot(app, *TABLES) == after_first
    assert scalar(app, "SELECT moderation FROM proposal_comments WHERE id = ?", (comment,)) == "removed"
    assert count(app, "moderation_actions", "target_id = ? AND action = 'remove'", (comment,)) == 1
    assert count(app, "notifications", "kind = 'content_removed'") == 1


def test_removing_a_proposal_then_showing_it_again(app, client):
    sign_in(client, "gemeente")
    path = f"/gemeente/reports/proposal/{OPEN_DE_HOVEN}"
    assert post_form(client, path, {"action": "remove", "reason": "Spam"}).status_code == 303
    assert scalar(app, "SELECT moderation FROM proposals WHERE id = ?", (OPEN_DE_HOVEN,)) == "removed"
    assert post_form(client, path, {"action": "restore"}).status_code == 303
    assert scalar(app, "SELECT moderation FROM proposals WHERE id = ?", (OPEN_DE_HOVEN,)) == "visible"


def test_remove_without_a_reason_says_so_and_changes_nothing(app, client):
    comment = hidden_comment(app)
    sign_in(client, "gemeente")
    before = snapshot(app, *TABLES)
    response = post_form(client, f"/gemeente/reports/comment/{comment}", {"action": "remove", "reason": "  "})
    assert response.status_code == 422
    assert t(app, "Write why you remove it. The author reads this.") in page(response)
    assert snapshot(app, *TABLES) == before


@pytest.mark.parametrize("who", [None, RESIDENT_NOORD, NO_HOME, "buurtgroep", "coach"])
@pytest.mark.parametrize("action", ["restore", "remove"])
def test_only_the_municipality_may_moderate(app, client, who, action):
    comment = hidden_comment(app)
    sign_in(client, who)
    before = snapshot(app, *TABLES)
    response = post_form(client, f"/gemeente/reports/comment/{comment}", {"action": action, "reason": "x"})
    if who is None:
        assert response.status_code == 303
        assert response.headers["Location"].startswith("/login")
    else:
        assert response.status_code == 403
    assert snapshot(app, *TABLES) == before


# --- no stray separators ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("a", "b", "c"), "a · b · c"),
        (("a", "", "c"), "a · c"),
        (("", "b"), "b"),
        (("a", None), "a"),
        (("a", "   "), "a"),
        (("", ""), ""),
    ],
)
def test_facts_leave_no_stray_separator(app, parts, expected):
    with app.test_request_context("/"):
        shown = render_template_string(
            '{% from "macros/components.html" import facts %}{{ facts(*parts) }}', parts=parts
        )
    assert shown == expected


def test_facts_keep_markup_and_escape_text(app):
    with app.test_request_context("/"):
        shown = render_template_string(
            '{% from "macros/components.html" import facts %}{% set b %}<strong>b</strong>{% endset %}'
            "{{ facts('<i>', b) }}"
        )
    assert shown == "&lt;i&gt; · <strong>b</strong>"


def test_a_report_card_that_is_not_hidden_has_no_separator_in_its_header(app, client):
    sign_in(client, "gemeente")
    body = page(client.get("/gemeente/reports"))
    headers = re.findall(r'<p class="job-card__category">(.*?)</p>', body, re.S)
    assert headers
    for header in headers:
        text = " ".join(re.sub(r"<[^>]+>", " ", header).split())
        assert not text.startswith("·")
        assert not text.endswith("·")
    assert any("·" not in h for h in headers) or all("<strong>" in h for h in headers)
