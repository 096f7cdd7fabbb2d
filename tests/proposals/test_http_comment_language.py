"""The language of a comment (WCAG 3.1.2): stored with it, the proposal's by
default, changeable when writing, and marked wherever the comment is shown."""

import re
import sqlite3

from http_support import count, page, post_form, query, scalar, sign_in, snapshot, t
from proposal_support import OPEN_DE_HOVEN, OPEN_VOGELBUURT, RESIDENT_CENTRUM, RESIDENT_NOORD

from webapp import migrations as all_migrations
from webapp.db import connect, init_database, migration_set
from webapp.proposals import schema as proposals_schema

AUTHOR = "buurtgroep"  # author of proposal 1
ENGLISH = "Could the errands also include the pharmacy?"


def comment(client, body, lang=None, token="e" * 32, proposal=OPEN_DE_HOVEN, **extra):
    data = {"kind": "question", "body": body, "form_token": token, **extra}
    if lang is not None:
        data["lang"] = lang
    return post_form(client, f"/proposals/{proposal}/comments", data)


def body_tag(html, text):
    """The opening tag of the element that holds ``text``."""
    found = re.search(r"<p [^>]*>" + re.escape(text), html)
    assert found, f"{text!r} is not on the page"
    return found.group(0)


def test_an_english_comment_on_a_dutch_proposal_is_marked_english(app, client):
    assert scalar(app, "SELECT lang FROM proposals WHERE id = ?", (OPEN_DE_HOVEN,)) == "nl"
    sign_in(client, RESIDENT_NOORD)
    assert comment(client, ENGLISH, "en").status_code == 303
    assert query(app, "SELECT lang FROM proposal_comments WHERE body = ?", (ENGLISH,)) == [{"lang": "en"}]
    html = page(client.get(f"/proposals/{OPEN_DE_HOVEN}"))
    assert re.search(r'<html lang="nl"', html)
    assert 'lang="en"' in body_tag(html, ENGLISH)


def test_a_comment_without_a_language_takes_the_proposals(app, client):
    sign_in(client, RESIDENT_NOORD)
    assert comment(client, "Where is it?", proposal=OPEN_VOGELBUURT).status_code == 303
    assert scalar(app, "SELECT lang FROM proposal_comments WHERE body = 'Where is it?'") == "en"
    html = page(client.get(f"/proposals/{OPEN_VOGELBUURT}?lang=nl"))
    assert 'lang="en"' in body_tag(html, "Where is it?")


def test_the_form_chooses_the_proposals_language_first(reader_app):
    client = reader_app.test_client()
    sign_in(client, RESIDENT_NOORD)
    for proposal, lang in ((OPEN_DE_HOVEN, "nl"), (OPEN_VOGELBUURT, "en")):
        html = page(client.get(f"/proposals/{proposal}"))
        select = re.search(r'<select class="input" id="lang" name="lang">(.*?)</select>', html, re.S).group(1)
        assert re.search(rf'<option value="{lang}" lang="{lang}" selected>', select)
        assert 'lang="nl"' in select and 'lang="en"' in select  # each language named in itself
        assert t(reader_app, "Language of your message") in html


def test_an_answer_keeps_its_own_language(app, client):
    sign_in(client, AUTHOR)
    data = {"answer_to": "1", "body": "At ten.", "lang": "en", "form_token": "f" * 32}
    assert post_form(client, f"/proposals/{OPEN_DE_HOVEN}/comments", data).status_code == 303
    assert scalar(app, "SELECT lang FROM proposal_comments WHERE body = 'At ten.'") == "en"
    assert 'lang="en"' in body_tag(page(client.get(f"/proposals/{OPEN_DE_HOVEN}")), "At ten.")


def test_a_bad_language_is_refused_and_nothing_is_stored(app, client):
    sign_in(client, RESIDENT_NOORD)
    before = snapshot(app, "proposal_comments", "notifications")
    for bad in ("de", "EN", "nl' OR 1=1 --", "<b>en</b>", "x" * 5000):
        response = comment(client, "Hallo?", bad, token="9" * 32)
        assert response.status_code == 422
        assert t(app, "Choose one of the options in the list.") in page(response)
    answer = {"answer_to": "1", "body": "Ja.", "lang": "fr", "form_token": "8" * 32}
    sign_in(client, AUTHOR)
    response = post_form(client, f"/proposals/{OPEN_DE_HOVEN}/comments", answer)
    assert response.status_code == 422
    assert t(app, "Choose one of the options in the list.") in page(response)
    assert snapshot(app, "proposal_comments", "notifications") == before


def test_the_same_comment_sent_twice_is_stored_once_in_its_language(app, client):
    sign_in(client, RESIDENT_NOORD)
    for _ in range(2):
        assert comment(client, ENGLISH, "en", token="7" * 32).status_code == 303
    assert count(app, "proposal_comments", "body = ? AND lang = 'en'", (ENGLISH,)) == 1


def test_the_vote_buttons_hidden_title_is_in_the_proposals_language(reader_app):
    client = reader_app.test_client()
    sign_in(client, RESIDENT_NOORD)  # has not voted on Vogelbuurt's English proposal
    title = scalar(reader_app, "SELECT title FROM proposals WHERE id = ?", (OPEN_VOGELBUURT,))
    html = page(client.get(f"/proposals/{OPEN_VOGELBUURT}?lang=nl"))
    button = re.search(r'<button type="submit" class="button button--primary">.*?</button>', html, re.S).group(0)
    assert t(reader_app, "Vote for this proposal") in button
    assert f'<span class="visually-hidden">: <span lang="en" dir="auto">{title}</span></span>' in button


def test_taking_a_vote_back_names_the_proposal_in_its_language(reader_app):
    client = reader_app.test_client()
    sign_in(client, RESIDENT_NOORD)  # voted on proposal 1, in Dutch
    title = scalar(reader_app, "SELECT title FROM proposals WHERE id = ?", (OPEN_DE_HOVEN,))
    html = page(client.get(f"/proposals/{OPEN_DE_HOVEN}?lang=en"))
    assert f'<span class="visually-hidden">: <span lang="nl" dir="auto">{title}</span></span>' in html


def test_the_demo_has_an_english_comment_on_a_dutch_proposal(reader_app):
    found = query(
        reader_app,
        """SELECT proposal_comments.body FROM proposal_comments
           JOIN proposals ON proposals.id = proposal_comments.proposal_id
           WHERE proposal_comments.lang = 'en' AND proposals.lang = 'nl'""",
    )
    assert found
    proposal = scalar(reader_app, "SELECT proposal_id FROM proposal_comments WHERE body = ?", (found[0]["body"],))
    html = page(reader_app.test_client().get(f"/proposals/{proposal}"))
    assert 'lang="en"' in body_tag(html, found[0]["body"])


def test_a_reported_comment_is_marked_on_the_report_pages(reader_app):
    reported = query(
        reader_app,
        """SELECT id, proposal_id, body FROM proposal_comments WHERE lang = 'en'
           AND id IN (SELECT target_id FROM reports WHERE target_kind = 'comment')""",
    )
    assert reported, "the demo has a reported English comment"
    english = reported[0]
    client = reader_app.test_client()
    sign_in(client, RESIDENT_CENTRUM)
    html = page(client.get(f"/proposals/{english['proposal_id']}/report?comment={english['id']}"))
    assert f'<p class="quote" lang="en" dir="auto">{english["body"]}</p>' in html
    gemeente = reader_app.test_client()
    sign_in(gemeente, "gemeente")
    reports = page(gemeente.get("/gemeente/reports"))
    assert f'<p class="quote" lang="en" dir="auto">{english["body"]}</p>' in reports


def test_comments_written_before_take_their_proposals_language(tmp_path):
    """A database from before the language column: its comments get the proposal's."""
    path = tmp_path / "before.db"
    everything = all_migrations()
    later = {step.__name__ for step in proposals_schema.LATER_MIGRATIONS}
    before = migration_set(
        [m.fn for m in everything._migrations if m.name not in later and not m.name.startswith("m0")]
    )
    init_database(path, before)
    db = sqlite3.connect(path)
    buurt = db.execute("SELECT id FROM buurten LIMIT 1").fetchone()
    if buurt is None:
        db.execute("INSERT INTO wijken (key, name) VALUES ('w', 'W')")
        db.execute("INSERT INTO buurten (key, name, wijk_id) VALUES ('b', 'B', 1)")
        buurt = (1,)
    for number, lang in enumerate(("nl", "en"), start=1):
        db.execute(
            """INSERT INTO proposals (id, buurt_id, lang, category, title, tasks, problem, hours,
                   created_at, updated_at) VALUES (?, ?, ?, 'elderly', 't', 't', 'p', 4, 'x', 'x')""",
            (number, buurt[0], lang),
        )
        db.execute(
            "INSERT INTO proposal_comments (proposal_id, kind, body, created_at) VALUES (?, 'comment', ?, 'x')",
            (number, f"comment {number}"),
        )
    db.commit()
    db.close()
    init_database(path, everything)
    upgraded = connect(path)
    found = upgraded.execute("SELECT body, lang FROM proposal_comments ORDER BY id").fetchall()
    upgraded.close()
    assert [tuple(row) for row in found] == [("comment 1", "nl"), ("comment 2", "en")]
