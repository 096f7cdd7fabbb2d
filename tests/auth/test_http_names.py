"""Names that cannot disguise themselves (issue 14, point 6), through the pages:
refused with a clear message where a name is made, isolated where it is shown."""

import sqlite3

import pytest
from http_support import (
    count,
    execute,
    messages,
    page,
    post_form,
    scalar,
    sign_in,
    t,
    user_id,
)

from webapp.auth.schema import e001_names_without_disguise
from webapp.cli import create_user_command

PASSWORD = "een lange zin om te onthouden"  # noqa: S105 - a test password
RLO_NAME = "Anna\u202egnp.exe"
ARABIC = "فاطمة"
MESSAGE = (
    "This name has hidden characters that can change how it looks. Type the name again, without copy and paste."
)


def sign_up(client, **data):
    return post_form(client, "/signup", {"password": PASSWORD, **data}, "/signup")


@pytest.mark.parametrize(
    "data",
    [
        {"display_name": RLO_NAME},
        {"display_name": "Anna\u200bde Vries"},
        {"display_name": "Anna", "username": "anna\u200b"},
        {"display_name": "Anna", "username": "\u202eanna"},
    ],
    ids=[
        "override in the name",
        "zero width in the name",
        "zero width in the username",
        "override in the username",
    ],
)
def test_sign_up_refuses_a_name_that_disguises_itself(app, client, data):
    before = count(app, "users")
    response = sign_up(client, **data)
    assert response.status_code == 422
    assert t(app, MESSAGE) in messages(page(response))[-1] or any(
        t(app, MESSAGE) in m for m in messages(page(response))
    )
    assert count(app, "users") == before


def test_the_message_is_translated_in_every_catalog(app):
    for lang, plain in (("nl", False), ("nl", True), ("en", True)):
        assert t(app, MESSAGE, lang=lang, plain=plain) != MESSAGE


def test_an_arabic_name_signs_up_and_shows_inside_bdi(app, client):
    assert sign_up(client, display_name=ARABIC, username="fatima.a").status_code == 303
    new = user_id(app, "fatima.a")
    assert scalar(app, "SELECT display_name FROM users WHERE id = ?", (new,)) == ARABIC
    execute(app, "UPDATE users SET coach_id = ? WHERE id = ?", (user_id(app, "coach"), new))
    coach = app.test_client()
    sign_in(coach, "coach")
    assert f'<bdi class="caseload-item__name">{ARABIC}</bdi>' in page(coach.get("/caseload"))
    participant = page(coach.get(f"/caseload/{new}"))
    assert f'<h1 class="participant-head__name"><bdi>{ARABIC}</bdi></h1>' in participant
    assert participant.split("<title", 1)[1].split("</title>", 1)[0].endswith(f">{ARABIC} · Basisbaan")


def test_a_coach_cannot_make_an_account_with_such_a_name(app, client):
    sign_in(client, "coach")
    before = count(app, "users")
    response = post_form(client, "/caseload/new", {"display_name": RLO_NAME})
    assert response.status_code == 422
    assert any(t(app, MESSAGE) in m for m in messages(page(response)))
    assert count(app, "users") == before


def test_the_command_line_refuses_such_a_name_and_username(app):
    runner = app.test_cli_runner()
    before = count(app, "users")
    refused = runner.invoke(
        create_user_command, ["--role", "coach", "--username", "nieuw", "--name", RLO_NAME, "--password", PASSWORD]
    )
    assert refused.exit_code != 0 and "U+202E" in refused.output
    refused = runner.invoke(
        create_user_command, ["--role", "coach", "--username", "nie\u200buw", "--password", PASSWORD]
    )
    assert refused.exit_code != 0
    assert count(app, "users") == before
    made = runner.invoke(
        create_user_command, ["--role", "coach", "--username", "nieuw", "--name", ARABIC, "--password", PASSWORD]
    )
    assert made.exit_code == 0, made.output


def test_names_stored_before_the_rule_are_cleaned(app):
    execute(app, "UPDATE users SET display_name = ? WHERE username = 'bewoner'", (RLO_NAME,))
    execute(app, "UPDATE users SET display_name = ? WHERE username = 'bewoner2'", ("\u200b\u202e",))
    connection = sqlite3.connect(app.config["DATABASE"])
    try:
        e001_names_without_disguise(connection)
        connection.commit()
    finally:
        connection.close()
    assert scalar(app, "SELECT display_name FROM users WHERE username = 'bewoner'") == "Annagnp.exe"
    assert scalar(app, "SELECT display_name FROM users WHERE username = 'bewoner2'") == ""
    assert scalar(app, "SELECT display_name FROM users WHERE username = 'coach'") == "Sanne de Vries"


def test_a_proposal_title_may_turn_but_the_page_title_stays_in_order(app, client):
    """Free text keeps its bidi controls (a right-to-left writer may need them), isolated
    on the page (dir="auto"); the page title, which cannot hold elements, drops them."""
    execute(app, "UPDATE proposals SET title = ? WHERE id = 1", ("Boodschappen \u202etxet",))
    sign_in(client, "bewoner")
    body = page(client.get("/proposals/1"))
    title = body.split("<title", 1)[1].split("</title>", 1)[0]
    assert "\u202e" not in title and "Boodschappen txet · Basisbaan" in title
    assert 'dir="auto" data-read-aloud' in body and "Boodschappen \u202etxet</h1>" in body


def test_names_in_sentences_are_isolated(app, client):
    execute(app, "UPDATE users SET display_name = ? WHERE username = 'bewoner'", (ARABIC,))
    sign_in(client, "coach")
    bewoner = user_id(app, "bewoner")
    body = page(client.get(f"/caseload/{bewoner}/messages"))
    assert f'<p class="message__who"><bdi>{ARABIC}</bdi></p>' in body
    assert 'class="message__body" data-read-aloud' in body and 'dir="auto">' in body
