"""The compact caseload (issue 11, point 2): one row per participant with one line
of what needs attention and why, a flag only for a real reason, "needs you now"
and the rest A to Z, a search that works without JavaScript and an A-Z jump."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from http_support import execute, nt, page, scalar, sign_in, t, user_id

from webapp.coaching.queries import now_local


def names(body):
    return re.findall(r'<bdi class="caseload-item__name">([^<]+)</bdi>', body)


def row_of(body, name):
    at = body.index(f'<bdi class="caseload-item__name">{name}</bdi>')
    return body[body.rindex("<li", 0, at) : body.index("</li>", at)]


def section(body, title_id):
    """The names under one group heading ("needs-now-title" or "rest-title")."""
    if f'id="{title_id}"' not in body:
        return []
    start = body.index(f'id="{title_id}"')
    return names(body[start : body.index("</section>", start)])


def stamp(ago):
    return (datetime.now(UTC) - ago).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def henk(app):
    """Henk (bewoner2) with nothing at all: no messages, appointments or interests."""
    henk = user_id(app, "bewoner2")
    for table, column in (("messages", "resident_id"), ("appointments", "resident_id"), ("interests", "user_id")):
        execute(app, f"DELETE FROM {table} WHERE {column} = ?", (henk,))  # noqa: S608 - fixed names
    return henk


def message(app, henk, ago, read=True, from_coach=False):
    sender = user_id(app, "coach") if from_coach else henk
    execute(
        app,
        "INSERT INTO messages (resident_id, sender_id, from_coach, body, created_at, read_at) "
        "VALUES (?, ?, ?, 'x', ?, ?)",
        (henk, sender, int(from_coach), stamp(ago), stamp(ago) if read else None),
    )


def henks_row(client):
    sign_in(client, "coach")
    body = page(client.get("/caseload"))
    return row_of(body, "Henk"), body


# --- each reason, and none ------------------------------------------------------------------


def test_nothing_waiting_is_no_flag_and_says_when_we_last_spoke(app, client, henk):
    message(app, henk, timedelta(days=2))
    row, body = henks_row(client)
    assert "caseload-item--flag" not in row
    assert t(app, "Last contact: %(when)s", when=nt(app, "%(num)d day ago", "%(num)d days ago", 2)) in row
    assert "Henk" in section(body, "rest-title")


def test_never_in_touch_and_new_is_no_flag(app, client, henk):
    row, _body = henks_row(client)
    assert "caseload-item--flag" not in row
    assert t(app, "No contact yet") in row


def test_an_unread_message_older_than_a_day_is_flagged(app, client, henk):
    message(app, henk, timedelta(days=3, hours=1), read=False)
    row, body = henks_row(client)
    assert "caseload-item--flag" in row
    assert nt(app, "Message unread for %(num)d day", "Message unread for %(num)d days", 3) in row
    assert "Henk" in section(body, "needs-now-title")


def test_a_message_of_today_is_said_but_not_flagged(app, client, henk):
    message(app, henk, timedelta(hours=2), read=False)
    row, body = henks_row(client)
    assert "caseload-item--flag" not in row
    assert t(app, "New message, not read yet") in row
    assert "Henk" in section(body, "rest-title")


def test_no_contact_for_over_30_days_is_flagged(app, client, henk):
    message(app, henk, timedelta(days=40), from_coach=True)
    row, _body = henks_row(client)
    assert "caseload-item--flag" in row
    words = nt(
        app,
        "No contact for %(num)d day, and nothing planned",
        "No contact for %(num)d days, and nothing planned",
        40,
    )
    assert words in row


def test_an_interest_without_an_answer_is_flagged(app, client, henk):
    job = scalar(app, "SELECT id FROM jobs WHERE status = 'open' LIMIT 1")
    execute(
        app,
        "INSERT INTO interests (user_id, job_id, created_at, updated_at) VALUES (?, ?, ?, ?)",
        (henk, job, stamp(timedelta(hours=1)), stamp(timedelta(hours=1))),
    )
    row, _body = henks_row(client)
    assert "caseload-item--flag" in row
    assert (
        nt(app, "Wants a job and waits for your answer", "Wants %(num)d jobs and waits for your answer", 1) in row
    )


def test_an_appointment_to_confirm_is_flagged(app, client, henk):
    starts = (now_local() + timedelta(days=3)).isoformat(timespec="minutes")
    execute(
        app,
        "INSERT INTO appointments (resident_id, coach_id, starts_at, status, created_at, updated_at) "
        "VALUES (?, ?, ?, 'other_time', '', '')",
        (henk, user_id(app, "coach"), starts),
    )
    row, _body = henks_row(client)
    assert "caseload-item--flag" in row
    assert t(app, "Asks for another time") in row


def test_an_empty_profile_is_no_flag(app, client, henk):
    message(app, henk, timedelta(days=2))
    execute(app, "DELETE FROM profiles WHERE user_id = ?", (henk,))
    row, _body = henks_row(client)
    assert "caseload-item--flag" not in row


# --- the list ----------------------------------------------------------------------------------


def test_every_row_has_a_name_and_exactly_one_line(app, client):
    sign_in(client, "coach")
    body = page(client.get("/caseload"))
    rows = re.findall(r'<li class="caseload-item[^"]*">.*?</li>', body, re.S)
    assert len(rows) == 30
    for row in rows:
        assert row.count('class="caseload-item__name"') == 1
        assert row.count('class="caseload-item__why"') == 1
        assert "<dl" not in row and "<meter" not in row  # no repeated counts and facts


def test_needs_you_now_holds_the_flags_and_the_rest_is_a_to_z(app, client):
    sign_in(client, "coach")
    body = page(client.get("/caseload"))
    needs_now, rest = section(body, "needs-now-title"), section(body, "rest-title")
    assert needs_now and rest
    assert sorted(needs_now + rest) == sorted(names(body))
    assert rest == sorted(rest, key=str.casefold)
    for name in needs_now:
        assert "caseload-item--flag" in row_of(body, name)
    for name in rest:
        assert "caseload-item--flag" not in row_of(body, name)
    assert t(app, "Needs you now") in body


# --- reach anyone: search without JavaScript, as you type, and A-Z -----------------------------


def test_the_search_is_a_plain_get_form_that_works_without_javascript(app, client):
    sign_in(client, "coach")
    body = page(client.get("/caseload"))
    form = re.search(r'<form method="get" action="/caseload" role="search"[^>]*>.*?</form>', body, re.S)
    assert form and 'name="q"' in form.group(0) and 'type="submit"' in form.group(0)
    assert 'data-hx-get="/caseload"' in form.group(0)  # htmx only adds "as you type"
    found = client.get("/caseload?q=fatim")
    assert found.status_code == 200
    assert names(page(found)) == ["Fatima"]
    assert "<html" in page(found) and 'value="fatim"' in page(found)
    assert nt(app, "%(num)d of %(total)d found.", "%(num)d of %(total)d found.", 1, total=30) in page(found)


def test_htmx_gets_only_the_list_and_caches_are_told(client):
    sign_in(client, "coach")
    response = client.get("/caseload?q=fatim", headers={"HX-Request": "true"})
    body = page(response)
    assert response.status_code == 200
    assert "HX-Request" in response.headers["Vary"]
    assert body.lstrip().startswith('<div id="caseload-list"') and "<html" not in body
    assert names(body) == ["Fatima"]
    assert "HX-Request" in client.get("/caseload").headers["Vary"]


def test_a_search_by_htmx_changes_only_the_words_of_the_status_beside_it(app, client):
    sign_in(client, "coach")
    full = page(client.get("/caseload"))
    # One status for the search, outside the list that htmx replaces.
    assert full.count('id="results-status"') == 1
    assert full.index('id="results-status"') < full.index('id="caseload-list"')
    body = page(client.get("/caseload?q=fatim", headers={"HX-Request": "true"}))
    status = re.search(r'<p id="results-status"[^>]*data-hx-swap-oob="innerHTML"[^>]*>([^<]*)</p>', body)
    assert status is not None
    assert status.group(1).strip() == nt(
        app, "%(num)d of %(total)d found.", "%(num)d of %(total)d found.", 1, total=30
    )
    # The visible count in the list is no live region of its own.
    assert 'class="caseload-found" role="status"' not in body


def test_the_a_to_z_jump_shows_a_handful_and_covers_everyone(client):
    sign_in(client, "coach")
    body = page(client.get("/caseload"))
    ranges = re.findall(r'href="/caseload\?letters=([A-Z]-[A-Z])"', body)
    assert 2 <= len(ranges) <= 7
    everyone = []
    for letters in ranges:
        shown = names(page(client.get(f"/caseload?letters={letters}")))
        assert 0 < len(shown) <= 10, letters  # a handful: the second tap is on the screen
        everyone += shown
    assert sorted(everyone) == sorted(names(body))


@pytest.mark.parametrize("letters", ["Z-A", "AA-B", "1-2", "<script>", ""])
def test_unknown_letters_are_a_clear_400(app, client, letters):
    sign_in(client, "coach")
    response = client.get("/caseload", query_string={"letters": letters})
    assert response.status_code == 400
    assert t(app, "We do not know these letters. Choose a group of letters from the list.") in page(response)
    assert "<script>" not in page(response)


def test_the_menu_says_my_participants(app, client):
    sign_in(client, "coach")
    body = page(client.get("/caseload?lang=nl"))
    assert "Mijn deelnemers" in body[body.index('<nav class="main-nav"') :]
    assert t(app, "My participants", "en") == "My participants"
