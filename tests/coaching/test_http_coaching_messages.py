"""Messages between a resident and their coach, through the Flask test client."""

import re
import uuid

import pytest
from http_support import (
    LONG,
    SCRIPT,
    SQL,
    count,
    execute,
    messages,
    page,
    post_form,
    query,
    scalar,
    sign_in,
    snapshot,
    t,
    user_id,
)

HTMX = {"HX-Request": "true"}


def thread_of(app, username):
    return query(app, "SELECT * FROM messages WHERE resident_id = ? ORDER BY id", (user_id(app, username),))


def send(client, body, client_id=None, path="/messages", **kwargs):
    data = {"body": body}
    if client_id:
        data["client_id"] = client_id
    return post_form(client, path, data, **kwargs)


# --- sending -------------------------------------------------------------------------


def test_a_resident_sends_a_message_without_javascript(app, client):
    sign_in(client, "bewoner")
    before = len(thread_of(app, "bewoner"))
    response = send(client, "Hallo Sanne, tot dinsdag.")
    assert response.status_code == 303
    stored = thread_of(app, "bewoner")
    assert len(stored) == before + 1
    newest = stored[-1]
    assert newest["body"] == "Hallo Sanne, tot dinsdag."
    assert newest["from_coach"] == 0 and newest["read_at"] is None
    assert response.headers["Location"] == f"/messages#message-{newest['id']}"
    shown = page(client.get("/messages"))
    assert "Hallo Sanne, tot dinsdag." in shown
    assert t(app, "Your message is sent.") in shown


def test_the_same_form_sent_twice_stores_one_message(app, client):
    sign_in(client, "bewoner")
    before = len(thread_of(app, "bewoner"))
    key = str(uuid.uuid4())
    first = send(client, "Twee keer getikt", key)
    second = send(client, "Twee keer getikt", key)
    assert first.status_code == second.status_code == 303
    assert first.headers["Location"] == second.headers["Location"]
    assert len(thread_of(app, "bewoner")) == before + 1
    # htmx retry of the same form: the same message comes back, still one row.
    third = send(client, "Twee keer getikt", key, headers=HTMX)
    assert third.status_code == 200
    assert page(third).count("Twee keer getikt") == 1
    assert len(thread_of(app, "bewoner")) == before + 1


def test_every_rendered_form_carries_a_fresh_client_id(client):
    sign_in(client, "bewoner")
    pattern = r'name="client_id" type="hidden" value="([^"]+)"'
    ids = {re.search(pattern, page(client.get("/coach")))[1] for _ in range(3)}
    assert len(ids) == 3


def test_a_client_id_of_another_thread_is_refused(app, client):
    key = str(uuid.uuid4())
    sign_in(client, "coach")
    fatima, henk = user_id(app, "bewoner"), user_id(app, "bewoner2")
    assert send(client, "Voor Fatima", key, f"/caseload/{fatima}/messages").status_code == 303
    before = snapshot(app, "messages")
    response = send(client, "Voor Henk", key, f"/caseload/{henk}/messages")
    assert response.status_code == 409
    assert "Voor Henk" in page(response)  # the text stays in the box
    assert snapshot(app, "messages") == before


def test_htmx_send_returns_the_new_message_a_fresh_form_and_the_poller(app, client):
    sign_in(client, "bewoner")
    newest = thread_of(app, "bewoner")[-1]["id"]
    response = post_form(client, "/messages", {"body": "Met htmx", "after": str(newest)}, headers=HTMX)
    assert response.status_code == 200
    body = page(response)
    assert "<html" not in body
    assert body.count('class="message message--mine"') == 1
    assert "Met htmx" in body
    assert 'id="message-form"' in body and 'data-hx-swap-oob="true"' in body
    assert 'id="thread-poll"' in body
    assert "HX-Request" in response.headers["Vary"]


def test_exactly_2000_characters_is_fine(app, client):
    sign_in(client, "bewoner")
    assert send(client, "a" * 2000).status_code == 303
    assert len(thread_of(app, "bewoner")[-1]["body"]) == 2000


def test_a_windows_line_break_counts_once(app, client):
    sign_in(client, "bewoner")
    text = "a" * 1000 + "\r\n" + "b" * 999
    assert send(client, text).status_code == 303
    assert thread_of(app, "bewoner")[-1]["body"] == "a" * 1000 + "\n" + "b" * 999


def test_a_longer_message_is_refused_and_stays_in_the_box(app, client):
    sign_in(client, "bewoner")
    before = snapshot(app, "messages", "notifications")
    text = "Lang verhaal " + "x" * 2000
    response = send(client, text)
    assert response.status_code == 422
    body = page(response)
    assert t(app, "This is too long. Use at most %(max)d characters.", max=2000) in " ".join(messages(body))
    assert text in body  # still in the textarea
    assert snapshot(app, "messages", "notifications") == before


def test_a_longer_message_with_htmx_gets_the_form_back(app, client):
    sign_in(client, "bewoner")
    before = snapshot(app, "messages")
    response = send(client, LONG, headers=HTMX)
    assert response.status_code == 422
    assert response.headers["HX-Retarget"] == "#message-form"
    assert response.headers["HX-Reswap"] == "outerHTML"
    body = page(response)
    assert "<html" not in body and LONG in body
    assert snapshot(app, "messages") == before


@pytest.mark.parametrize("body", ["", "   ", "\n\n"])
def test_an_empty_message_is_refused(app, client, body):
    sign_in(client, "bewoner")
    before = snapshot(app, "messages")
    response = send(client, body)
    assert response.status_code == 422
    assert t(app, "Write a message first.") in " ".join(messages(page(response)))
    assert snapshot(app, "messages") == before


def test_control_characters_are_refused(app, client):
    sign_in(client, "bewoner")
    before = snapshot(app, "messages")
    response = send(client, "Hallo\x00daar")
    assert response.status_code == 422
    assert snapshot(app, "messages") == before


@pytest.mark.parametrize("key", ["geen-uuid", SCRIPT, SQL, "1" * 60])
def test_a_broken_client_id_is_refused_with_a_message(app, client, key):
    sign_in(client, "bewoner")
    before = snapshot(app, "messages")
    response = send(client, "Hallo", key)
    assert response.status_code == 422
    assert t(app, "This form is out of date. Please load the page again and try once more.") in (
        " ".join(messages(page(response)))
    )
    assert snapshot(app, "messages") == before


def test_html_and_sql_are_stored_as_text_and_shown_escaped(app, client):
    sign_in(client, "bewoner")
    send(client, SCRIPT)
    send(client, SQL)
    bodies = [m["body"] for m in thread_of(app, "bewoner")[-2:]]
    assert bodies == [SCRIPT, SQL]
    shown = page(client.get("/messages"))
    assert SCRIPT not in shown
    assert "&lt;script&gt;" in shown
    sign_in(client, "coach")
    assert SCRIPT not in page(client.get(f"/caseload/{user_id(app, 'bewoner')}"))


def test_without_a_token_nothing_is_stored(app, client):
    sign_in(client, "bewoner")
    before = snapshot(app, "messages")
    assert client.post("/messages", data={"body": "Zonder token"}).status_code == 400
    assert snapshot(app, "messages") == before


def test_a_resident_without_a_coach_cannot_send_but_keeps_the_text(app, client):
    execute(app, "UPDATE users SET coach_id = NULL WHERE username = 'bewoner'")
    sign_in(client, "bewoner")
    before = snapshot(app, "messages")
    coach_page = page(client.get("/coach"))
    assert t(app, "You do not have a coach yet.") in coach_page
    assert 'id="message-form"' not in coach_page
    response = send(client, "Is daar iemand?")
    assert response.status_code == 409
    assert "Is daar iemand?" in page(response)
    assert snapshot(app, "messages") == before


# --- notifications ---------------------------------------------------------------------


def test_a_coach_message_notifies_the_resident_once_until_read(app, client):
    fatima = user_id(app, "bewoner")
    sign_in(client, "coach")
    send(client, "Eerste", path=f"/caseload/{fatima}/messages")
    send(client, "Tweede", path=f"/caseload/{fatima}/messages")
    assert count(app, "notifications", "user_id = ? AND kind = 'message'", (fatima,)) == 1
    notice = query(app, "SELECT * FROM notifications WHERE user_id = ?", (fatima,))[0]
    assert notice["link"] == "/messages"
    sign_in(client, "bewoner")
    client.get("/messages")  # reading the thread reads the notification too
    assert count(app, "notifications", "user_id = ? AND read_at IS NULL", (fatima,)) == 0
    sign_in(client, "coach")
    send(client, "Derde", path=f"/caseload/{fatima}/messages")
    assert count(app, "notifications", "user_id = ? AND read_at IS NULL", (fatima,)) == 1


def test_the_notification_text_carries_no_message_content(app, client):
    fatima = user_id(app, "bewoner")
    sign_in(client, "coach")
    send(client, "Geheim: je uitkering", path=f"/caseload/{fatima}/messages")
    sign_in(client, "bewoner")
    listed = page(client.get("/notifications"))
    assert "Geheim" not in listed
    assert t(app, "You have a new message from your coach.") in listed


def test_a_resident_message_notifies_the_coach_with_a_link_to_the_participant(app, client):
    sign_in(client, "bewoner")
    send(client, "Vraagje")
    coach = user_id(app, "coach")
    rows = query(app, "SELECT kind, link FROM notifications WHERE user_id = ?", (coach,))
    assert rows == [{"kind": "participant_message", "link": f"/caseload/{user_id(app, 'bewoner')}"}]


# --- read receipts ----------------------------------------------------------------------


def test_the_coach_opening_the_thread_marks_the_residents_messages_read(app, client):
    sign_in(client, "bewoner")
    send(client, "Heb je dit gelezen?")
    assert t(app, "Not read yet") in page(client.get("/messages"))
    assert thread_of(app, "bewoner")[-1]["read_at"] is None
    sign_in(client, "coach")
    client.get(f"/caseload/{user_id(app, 'bewoner')}")
    assert thread_of(app, "bewoner")[-1]["read_at"] is not None
    sign_in(client, "bewoner")
    mine = page(client.get("/messages"))
    last = mine[mine.rindex('class="message message--mine"') :]
    assert t(app, "Read") in last and t(app, "Not read yet") not in last


def test_the_resident_reading_does_not_mark_her_own_messages(app, client):
    sign_in(client, "bewoner")
    send(client, "Nog niet gelezen")
    client.get("/messages")
    assert thread_of(app, "bewoner")[-1]["read_at"] is None


# --- polling ---------------------------------------------------------------------------


def poll_state(body):
    return re.search(r'id="thread-poll"[^>]* data-poll="([^"]+)"', body)[1].replace("&amp;", "&")


def header_bytes(response):
    return sum(len(k) + len(v) + 4 for k, v in response.headers.items())


def test_nothing_new_answers_204_with_an_etag_and_almost_no_bytes(client):
    sign_in(client, "bewoner")
    url = poll_state(page(client.get("/messages")))
    response = client.get(url)
    assert response.status_code == 204
    assert response.get_data() == b""
    etag = response.headers["ETag"]
    assert header_bytes(response) < 1024
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.get_data() == b""


def idle_poll_is_small(response):
    """Nothing new: no body, no cookie, none of a page's headers."""
    assert response.status_code == 204
    assert response.get_data() == b""
    headers = {name.lower() for name, _value in response.headers.items()}
    assert "set-cookie" not in headers
    assert not headers & {"content-type", "content-language", "content-security-policy", "permissions-policy"}
    assert header_bytes(response) < 200


def test_an_idle_poll_sets_no_cookie_and_sends_only_a_few_headers(app, client):
    fatima = user_id(app, "bewoner")
    sign_in(client, "bewoner")
    url = poll_state(page(client.get("/messages")))
    for _ in range(3):
        idle_poll_is_small(client.get(url))
    sign_in(client, "coach")
    url = poll_state(page(client.get(f"/caseload/{fatima}/messages")))
    for _ in range(3):
        idle_poll_is_small(client.get(url))
    # The pages themselves keep their policies.
    assert "Content-Security-Policy" in client.get(f"/caseload/{fatima}/messages").headers


NEW_MESSAGE = re.compile(r'<li class="message[^"]*" id="message-(\d+)"(?! data-hx-swap-oob)')


def message_ids(body):
    return [int(found) for found in NEW_MESSAGE.findall(body)]


@pytest.mark.parametrize("viewer", ["bewoner", "coach"])
def test_a_poll_brings_only_the_messages_after_the_one_asked_about(app, client, viewer):
    fatima = user_id(app, "bewoner")
    path = "/messages" if viewer == "bewoner" else f"/caseload/{fatima}/messages"
    other_path = f"/caseload/{fatima}/messages" if viewer == "bewoner" else "/messages"
    other = "coach" if viewer == "bewoner" else "bewoner"
    sign_in(client, viewer)
    url = poll_state(page(client.get(path)))
    shown = len(thread_of(app, "bewoner"))
    sign_in(client, other)
    send(client, "Eerste nieuwe", path=other_path)
    send(client, "Tweede nieuwe", path=other_path)
    sign_in(client, viewer)
    client.get("/settings")  # the session settles (the test's sign_in skips Flask-Login's "_id")
    response = client.get(url)
    assert response.status_code == 200
    assert "set-cookie" not in {name.lower() for name, _value in response.headers.items()}
    body = page(response)
    newest = [m["id"] for m in thread_of(app, "bewoner")[shown:]]
    assert message_ids(body) == newest
    assert "Eerste nieuwe" in body and "Tweede nieuwe" in body
    # The old messages are not sent again: the answer stays small.
    assert len(response.get_data()) < 2048
    idle_poll_is_small(client.get(poll_state(body)))


def test_a_new_message_comes_with_the_next_poll_and_is_marked_read(app, client):
    fatima = user_id(app, "bewoner")
    sign_in(client, "bewoner")
    url = poll_state(page(client.get("/messages")))
    etag = client.get(url).headers["ETag"]
    sign_in(client, "coach")
    send(client, "Nieuw van de coach", path=f"/caseload/{fatima}/messages")
    sign_in(client, "bewoner")
    response = client.get(url, headers={"If-None-Match": etag, **HTMX})
    assert response.status_code == 200
    body = page(response)
    assert "Nieuw van de coach" in body
    assert body.count('class="message message--theirs"') == 1
    assert 'id="thread-poll"' in body and 'data-hx-swap-oob="true"' in body
    assert response.headers["ETag"] != etag
    assert thread_of(app, "bewoner")[-1]["read_at"] is not None
    assert client.get(poll_state(body)).status_code == 204


def test_the_poll_refreshes_read_marks_when_the_coach_reads(app, client):
    sign_in(client, "bewoner")
    send(client, "Lees je dit?")
    url = poll_state(page(client.get("/messages")))
    assert client.get(url).status_code == 204
    sign_in(client, "coach")
    client.get(f"/caseload/{user_id(app, 'bewoner')}")
    sign_in(client, "bewoner")
    response = client.get(url)
    assert response.status_code == 200
    body = page(response)
    assert "Lees je dit?" in body and 'data-hx-swap-oob="true"' in body
    assert t(app, "Read") in body


@pytest.mark.parametrize(
    "query_string", ["", "?after=1", "?after=x&unread=0", "?after=-1&unread=0", "?after=1&unread=-2"]
)
def test_a_broken_poll_is_a_400(client, query_string):
    sign_in(client, "bewoner")
    assert client.get("/messages/poll" + query_string).status_code == 400


def test_the_coach_polls_the_participants_thread(app, client):
    fatima = user_id(app, "bewoner")
    sign_in(client, "coach")
    url = poll_state(page(client.get(f"/caseload/{fatima}")))
    assert url.startswith(f"/caseload/{fatima}/messages/poll?")
    assert client.get(url).status_code == 204
    sign_in(client, "bewoner")
    send(client, "Ben je er?")
    sign_in(client, "coach")
    response = client.get(url)
    assert response.status_code == 200 and "Ben je er?" in page(response)


def test_after_reassignment_the_old_coach_polls_nothing(app, client):
    fatima = user_id(app, "bewoner")
    sign_in(client, "coach")
    url = poll_state(page(client.get(f"/caseload/{fatima}")))
    execute(
        app, "UPDATE users SET coach_id = (SELECT id FROM users WHERE username = 'coach2') WHERE id = ?", (fatima,)
    )
    assert client.get(url).status_code == 404
    assert send(client, "Nog één ding", path=f"/caseload/{fatima}/messages").status_code == 404
    assert client.get(f"/caseload/{fatima}/messages").status_code == 404


# --- pages of a long thread -------------------------------------------------------------


def fill_thread(app, username, number):
    resident = user_id(app, username)
    coach = scalar(app, "SELECT coach_id FROM users WHERE id = ?", (resident,))
    execute(app, "DELETE FROM messages WHERE resident_id = ?", (resident,))
    for n in range(number):
        execute(
            app,
            """INSERT INTO messages (resident_id, sender_id, from_coach, body, created_at, read_at)
               VALUES (?, ?, ?, ?, '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z')""",
            (resident, coach if n % 2 else resident, n % 2, f"bericht nummer {n:04d}."),
        )
    return resident


def test_the_latest_page_shows_50_and_older_on_request(app, client):
    fill_thread(app, "bewoner", 120)
    sign_in(client, "bewoner")
    latest = page(client.get("/messages"))
    shown = re.findall(r"bericht nummer (\d{4})", latest)
    assert shown == [f"{n:04d}" for n in range(70, 120)]
    older_link = re.search(r'href="(/messages\?before=\d+)"', latest)[1]
    older = page(client.get(older_link))
    assert re.findall(r"bericht nummer (\d{4})", older) == [f"{n:04d}" for n in range(20, 70)]
    assert 'id="message-form"' not in older  # an older page only shows
    oldest = page(client.get(re.search(r'href="(/messages\?before=\d+)"', older)[1]))
    assert re.findall(r"bericht nummer (\d{4})", oldest) == [f"{n:04d}" for n in range(0, 20)]
    assert t(app, "Older messages") not in oldest


def test_the_coach_page_shows_the_latest_ten(app, client):
    resident = fill_thread(app, "bewoner", 30)
    sign_in(client, "coach")
    shown = re.findall(r"bericht nummer (\d{4})", page(client.get(f"/caseload/{resident}")))
    assert shown == [f"{n:04d}" for n in range(20, 30)]


@pytest.mark.parametrize("before", ["abc", "-3", "0", "99999999999999999999999"])
def test_a_broken_before_is_a_400(client, before):
    sign_in(client, "bewoner")
    assert client.get(f"/messages?before={before}").status_code == 400


def test_another_residents_thread_never_shows(app, client):
    sign_in(client, "bewoner2")
    for path in ("/messages", "/coach"):
        body = page(client.get(path))
        assert "Moet ik iets meenemen" not in body  # from Fatima's thread
    sign_in(client, "bewoner2")
    mine = thread_of(app, "bewoner2")
    assert all(m["resident_id"] == user_id(app, "bewoner2") for m in mine)
