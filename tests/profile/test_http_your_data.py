"""All your data as a page to read and print (issue 9, point 10a): the same parts
as the JSON download, every one of them shown, and only one's own."""

import html
import re

import pytest
from http_support import execute, page, sign_in, t, user_id


def data_page(client):
    response = client.get("/profile/data")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    return page(response)


@pytest.mark.parametrize("who", ["bewoner", "buurtgroep", "coach", "gemeente"])
def test_every_part_of_the_download_is_on_the_page(client, who):
    sign_in(client, who)
    download = client.get("/profile/export").get_json()
    body = data_page(client)
    assert download, "the download is empty"
    for key in download:
        assert f'id="data-{key}"' in body, key


def test_the_page_shows_the_values_of_the_download(app, client):
    sign_in(client, "bewoner")
    download = client.get("/profile/export").get_json()
    body = html.unescape(data_page(client))
    assert download["account"]["username"] in body
    for message in download["messages"]:
        assert message["body"] in body
    for interest in download["interests"]:
        assert interest["title_nl"] in body
    for proposal in download["proposals"]:
        assert proposal["title"] in body
    assert t(app, "Messages with your coach") in body
    assert t(app, "Made on") in body
    main = body[body.index("<main") : body.index("</main>")]
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d", main), "dates are shown as dates, not as stored"


def test_only_your_own_data(app):
    secret = "Alleen voor bewoner2 bedoeld"
    execute(app, "UPDATE users SET display_name = ? WHERE id = ?", (secret, user_id(app, "bewoner2")))
    other = sign_in(app.test_client(), "bewoner2")
    assert secret in html.unescape(data_page(other))
    mine = html.unescape(data_page(sign_in(app.test_client(), "bewoner")))
    assert secret not in mine
    assert "bewoner2" not in mine


def test_the_page_is_for_logged_in_people_only(client):
    response = client.get("/profile/data")
    assert response.status_code in (302, 303)
    assert "/login" in response.headers["Location"]


def test_settings_link_to_the_page_and_the_download(client):
    sign_in(client, "bewoner")
    body = page(client.get("/settings"))
    assert 'href="/profile/data"' in body
    assert 'href="/profile/export"' in body


def test_the_page_prints_without_the_menus(app):
    with open(app.static_folder + "/css/app.css", encoding="utf-8") as css:
        text = css.read()
    rules = text[text.index("@media print") :]
    for part in (".site-header", ".main-nav", ".site-footer"):
        assert part in rules.split("}")[1], part


def test_answers_stored_as_codes_show_as_words(app, client):
    """The profile keeps codes ("carehome", "wijk"); a person reads their words."""
    sign_in(client, "bewoner")
    download = client.get("/profile/export").get_json()["profile"]
    body = html.unescape(data_page(client))
    main = body[body.index("<main") : body.index("</main>")]
    assert download["travel"] == "wijk"
    assert t(app, "In my own district") in main
    assert "carehome" in download["categories"]
    assert t(app, "Living-room help in a care home") in main
    assert not re.search(r"<dd>[^<]*\bcarehome\b", main)
    assert not re.search(r"<dd>\s*wijk\s*</dd>", main)


def test_your_objections_are_in_your_data_with_their_words(app, client):
    """An objection sent while logged in is in the download and on the page,
    with its ground and the board's answer in words; someone else's is not."""
    for username, text in (("bewoner", "Dit doet de plantsoendienst al."), ("bewoner2", "Niet van bewoner.")):
        execute(
            app,
            """INSERT INTO objections (job_id, ground, text, user_id, contact, created_at, answer_due,
                                       decision, decision_reason, decided_at)
               VALUES (1, 'no_displacement', ?, ?, 'mijn@example.org', '2026-11-02T10:00:00Z',
                       '2026-11-30T10:00:00Z', 'not_upheld', 'Niemand doet dit nu betaald.',
                       '2026-11-12T10:00:00Z')""",
            (text, user_id(app, username)),
        )
    sign_in(client, "bewoner")
    [mine] = client.get("/profile/export").get_json()["objections"]
    assert (mine["text"], mine["contact_details"], mine["decision"]) == (
        "Dit doet de plantsoendienst al.",
        "mijn@example.org",
        "not_upheld",
    )
    body = html.unescape(data_page(client))
    assert t(app, "Your objections") in body and "Dit doet de plantsoendienst al." in body
    assert html.unescape(t(app, "This work is already done by a business or by paid staff")) in body
    assert html.unescape(t(app, "Not upheld: the objection is not right")) in body
    assert "Niet van bewoner." not in body
