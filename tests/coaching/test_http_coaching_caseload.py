"""The caseload: dashboard, participant page, interest answers, access log, new
participants with a start code, coach details, and the municipality's reassignment."""

import re
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from http_support import (
    SCRIPT,
    SQL,
    count,
    csrf_token,
    execute,
    messages,
    nt,
    page,
    post_form,
    query,
    scalar,
    sign_in,
    snapshot,
    t,
    user_id,
)

from webapp.coaching.changes import username_from
from webapp.coaching.queries import today_local


def cards(body):
    """The participants' names on the dashboard, in order."""
    return re.findall(
        r'<a class="caseload-item__link" href="/caseload/\d+"><bdi class="caseload-item__name">([^<]+)</bdi>',
        body,
    )


def row_of(body, name):
    """One participant's row on the caseload: the <li> holding the name."""
    at = body.index(f'<bdi class="caseload-item__name">{name}</bdi>')
    return body[body.rindex("<li", 0, at) : body.index("</li>", at)]


# --- the dashboard ---------------------------------------------------------------------


def test_each_coach_sees_only_their_own_caseload(app, client):
    sign_in(client, "coach")
    mine = cards(page(client.get("/caseload")))
    assert len(mine) == 30
    assert "Fatima" in mine and "Henk" in mine
    sign_in(client, "coach2")
    theirs = cards(page(client.get("/caseload")))
    assert len(theirs) == 12
    assert not set(mine) & set(theirs)


def test_whoever_waits_for_an_answer_is_on_top(app, client):
    execute(app, "UPDATE messages SET read_at = created_at")
    execute(app, "UPDATE appointments SET status = 'accepted'")
    execute(app, "UPDATE interests SET coach_answer = 'talk'")
    sign_in(client, "bewoner2")
    post_form(client, "/messages", {"body": "Kun je me bellen?"})
    two_days_ago = (datetime.now(UTC) - timedelta(days=2, hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    execute(app, "UPDATE messages SET created_at = ? WHERE body = 'Kun je me bellen?'", (two_days_ago,))
    sign_in(client, "coach")
    body = page(client.get("/caseload"))
    assert cards(body)[0] == "Henk"
    first = row_of(body, "Henk")
    assert "caseload-item--flag" in first
    assert nt(app, "Message unread for %(num)d day", "Message unread for %(num)d days", 2) in first


def test_a_long_silence_is_highlighted(app, client):
    henk = user_id(app, "bewoner2")
    execute(app, "UPDATE messages SET created_at = '2020-01-01T10:00:00Z' WHERE resident_id = ?", (henk,))
    execute(app, "DELETE FROM appointments WHERE resident_id = ?", (henk,))
    sign_in(client, "coach")
    row = row_of(page(client.get("/caseload?q=Henk")), "Henk")
    assert "caseload-item--flag" in row
    days = (today_local() - date(2020, 1, 1)).days
    words = nt(
        app,
        "No contact for %(num)d day, and nothing planned",
        "No contact for %(num)d days, and nothing planned",
        days,
    )
    assert words in row


def test_search_by_name(app, client):
    sign_in(client, "coach")
    assert cards(page(client.get("/caseload?q=fatim"))) == ["Fatima"]
    assert cards(page(client.get("/caseload?q=deelnemer04"))) == ["Sevda Yilmaz"]
    assert cards(page(client.get("/caseload?q=%25"))) == []
    assert cards(page(client.get("/caseload?q=_"))) == []
    body = page(client.get("/caseload?q=Zeynep"))  # coach2's participant
    assert cards(body) == [] and t(app, "Nobody found with this name.") in body


@pytest.mark.parametrize("search", ["x" * 61, "a\x00b", SQL, SCRIPT])
def test_odd_searches_never_break(client, search):
    sign_in(client, "coach")
    response = client.get("/caseload", query_string={"q": search})
    assert response.status_code == (400 if len(search) > 60 or "\x00" in search else 200)
    assert SCRIPT not in page(response)


def test_the_chart_has_twelve_labelled_bars_and_the_numbers_as_text(app, client):
    sign_in(client, "coach")
    body = page(client.get("/caseload"))
    figure = body[body.index('<figure class="chart"') : body.index("</figure>")]
    svg = figure[figure.index('<svg class="chart__svg"') : figure.index("</svg>", figure.index("chart__svg"))]
    assert svg.count('class="chart__bar"') == 12
    assert svg.count('class="chart__label"') == 12
    # The figure carries the name (its caption) and what the numbers mean.
    assert 'aria-labelledby="chart-caption"' in figure and 'id="chart-caption"' in figure
    assert 'aria-describedby="chart-description"' in figure
    assert " style=" not in svg
    table = body[body.index('<table class="table">') :]
    assert table.count('<th scope="row">') == 12
    assert t(app, "Contacts per month") in body


# --- one participant ---------------------------------------------------------------


def test_opening_a_participant_is_logged_and_the_resident_sees_it(app, client):
    fatima = user_id(app, "bewoner")
    before = count(app, "access_log", "resident_id = ?", (fatima,))
    sign_in(client, "coach")
    body = page(client.get(f"/caseload/{fatima}"))
    for section in ("Messages", "Appointments", "Our plan", "Job interests", "Jobs that fit", "Wishes and skills"):
        assert t(app, section) in body
    client.get(f"/caseload/{fatima}/export")
    rows = query(
        app, "SELECT coach_id, coach_name, what FROM access_log WHERE resident_id = ? ORDER BY id", (fatima,)
    )[before:]
    assert [r["what"] for r in rows] == ["page", "export"]
    assert rows[0]["coach_id"] == user_id(app, "coach")
    assert rows[0]["coach_name"] == "Sanne de Vries"
    sign_in(client, "bewoner")
    mine = page(client.get("/coach"))
    assert "Sanne de Vries (coach)" in mine
    export = client.get("/profile/export").get_json()
    assert [entry["what"] for entry in export["access_log"]][-2:] == ["page", "export"]
    assert {"messages", "appointments", "plan", "coach_changes"} <= set(export)


def test_the_poll_and_sending_do_not_fill_the_access_log(app, client):
    fatima = user_id(app, "bewoner")
    sign_in(client, "coach")
    before = count(app, "access_log")
    client.get(f"/caseload/{fatima}/messages/poll?after=0&unread=0")
    post_form(client, f"/caseload/{fatima}/messages", {"body": "Hoi"})
    assert count(app, "access_log") == before


def test_the_participant_page_shows_fitting_jobs_with_reasons(app, client):
    sign_in(client, "coach")
    body = page(client.get(f"/caseload/{user_id(app, 'bewoner')}"))
    fitting = body[body.index('id="fitting"') : body.index('id="profile"')]
    assert fitting.count('class="card job-card"') == 5
    assert t(app, "Why this fits you") in fitting


def test_the_coachs_export_holds_the_participants_data(app, client):
    sign_in(client, "coach")
    response = client.get(f"/caseload/{user_id(app, 'bewoner')}/export")
    assert response.mimetype == "application/json"
    data = response.get_json()
    assert data["account"]["username"] == "bewoner"
    assert data["messages"] and data["plan"] and data["interests"]
    assert "access_log" not in data


def test_a_residents_export_is_only_her_own(app, client):
    sign_in(client, "bewoner2")
    data = client.get("/profile/export").get_json()
    henk = user_id(app, "bewoner2")
    thread = query(app, "SELECT body FROM messages WHERE resident_id = ?", (henk,))
    assert [m["body"] for m in data["messages"]] == [m["body"] for m in thread]
    assert "Fatima" not in client.get("/profile/export").get_data(as_text=True)


# --- answering a job interest ------------------------------------------------------------


def interest_id(app):
    return scalar(app, "SELECT id FROM interests WHERE user_id = ?", (user_id(app, "bewoner"),))


def answer(app, client, **data):
    item = interest_id(app)
    fields = {f"interest{item}-{key}": value for key, value in data.items()}
    return post_form(client, f"/caseload/{user_id(app, 'bewoner')}/interests/{item}", fields)


def test_the_coach_answers_and_the_resident_sees_it(app, client):
    sign_in(client, "coach")
    response = answer(app, client, answer="talk")
    assert response.status_code == 303
    row = query(app, "SELECT * FROM interests WHERE id = ?", (interest_id(app),))[0]
    assert row["coach_answer"] == "talk" and row["answered_by"] == user_id(app, "coach")
    answer(app, client, answer="talk")  # the same answer again: no second notification
    assert count(app, "notifications", "kind = 'interest_answer'") == 1
    sign_in(client, "bewoner")
    assert t(app, "Your coach says: let us talk about it.") in page(client.get("/interests"))


def test_not_now_needs_a_reason_which_the_resident_reads(app, client):
    sign_in(client, "coach")
    before = snapshot(app, "interests", "notifications")
    refused = answer(app, client, answer="not_now", reason="  ")
    assert refused.status_code == 422
    assert t(app, "Say why not now. The resident reads this.") in " ".join(messages(page(refused)))
    assert snapshot(app, "interests", "notifications") == before
    assert answer(app, client, answer="not_now", reason="Eerst je taalcursus.").status_code == 303
    sign_in(client, "bewoner")
    body = page(client.get("/interests"))
    assert "Eerst je taalcursus." in body
    assert t(app, "Your coach says: not now, because:") in body


@pytest.mark.parametrize("value", ["", "maybe", SCRIPT])
def test_an_unknown_answer_is_refused(app, client, value):
    sign_in(client, "coach")
    before = snapshot(app, "interests")
    assert answer(app, client, answer=value).status_code == 422
    assert snapshot(app, "interests") == before


def test_an_interest_of_someone_else_is_404(app, client):
    sign_in(client, "coach")
    other = scalar(app, "SELECT id FROM interests WHERE user_id != ?", (user_id(app, "bewoner"),))
    fatima = user_id(app, "bewoner")
    for item in (other, 999999):
        response = post_form(client, f"/caseload/{fatima}/interests/{item}", {f"interest{item}-answer": "talk"})
        assert response.status_code == 404


# --- a new participant and start codes -------------------------------------------------------


def new_participant(client, **data):
    sign_in(client, "coach")
    return post_form(client, "/caseload/new", data)


def shown_code(body):
    return re.search(r'class="start-code__code">([A-Z0-9-]+)<', body)[1]


def activate(app, code, password="een lange zin"):  # noqa: S107 - a test password
    fresh = app.test_client()
    return fresh.post(
        "/activate",
        data={
            "code": code,
            "password": password,
            "confirm": password,
            "csrf_token": csrf_token(fresh, "/activate"),
        },
    )


def test_a_new_participant_gets_an_account_and_a_start_code(app, client):
    response = new_participant(client, display_name="Anna de Vries")
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]
    body = page(response)
    row = query(app, "SELECT * FROM users WHERE username = 'anna.de.vries'")[0]
    assert row["role"] == "resident" and row["coach_id"] == user_id(app, "coach")
    assert row["password_hash"] is None
    code = shown_code(body)
    qr = body[body.index('<svg role="img"') : body.index("</svg>", body.index('<svg role="img"'))]
    assert "<title>" in qr and " style=" not in qr and 'class="qr"' in qr
    assert "Anna de Vries" in cards(page(client.get("/caseload")))
    assert activate(app, code).status_code == 303
    assert activate(app, code).status_code == 422  # once only


def test_the_same_new_participant_form_twice_is_one_account(app, client):
    key = str(uuid.uuid4())
    users = count(app, "users")
    first = shown_code(page(new_participant(client, display_name="Bram Kok", client_id=key)))
    second = shown_code(page(new_participant(client, display_name="Bram Kok", client_id=key)))
    assert count(app, "users") == users + 1
    assert first != second
    assert activate(app, first).status_code == 422  # the newer code replaced it
    assert activate(app, second).status_code == 303


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"display_name": ""}, "Fill in the name."),
        ({"display_name": "x" * 61}, "This is too long. Use at most %(max)d characters."),
        (
            {"display_name": "Ali", "username": "met spatie"},
            "Use 3 to 40 letters or digits. You may also use . _ or -, but no spaces.",
        ),
        (
            {"display_name": "Ali", "username": "bewoner"},
            "Someone already uses this username. Choose another one, or leave it empty.",
        ),
        (
            {"display_name": "Ali", "client_id": SQL},
            "This form is out of date. Please load the page again and try once more.",
        ),
    ],
)
def test_a_bad_new_participant_is_refused(app, client, data, message):
    before = snapshot(app, "users", "start_codes")
    response = new_participant(client, **data)
    assert response.status_code == 422
    assert t(app, message, max=60) in " ".join(messages(page(response)))
    assert snapshot(app, "users", "start_codes") == before


def test_a_new_start_code_for_a_forgotten_password(app, client):
    henk = user_id(app, "bewoner2")
    sign_in(client, "coach")
    old = shown_code(page(post_form(client, f"/caseload/{henk}/start-code")))
    new = shown_code(page(post_form(client, f"/caseload/{henk}/start-code")))
    assert activate(app, old).status_code == 422
    assert activate(app, new).status_code == 303
    assert scalar(
        app, "SELECT created_by FROM start_codes WHERE user_id = ? ORDER BY id DESC", (henk,)
    ) == user_id(app, "coach")


@pytest.mark.parametrize(
    ("name", "taken", "expected"),
    [
        ("Anna de Vries", set(), "anna.de.vries"),
        ("Anna de Vries", {"anna.de.vries"}, "anna.de.vries2"),
        ("Ali Öztürk", set(), "ali.ozturk"),
        ("Jo", set(), "deelnemer.jo"),
        ("   ", set(), "deelnemer"),
        ("<script>", set(), "script"),
    ],
)
def test_usernames_made_from_a_name(name, taken, expected):
    assert username_from(name, taken.__contains__) == expected


# --- the coach's contact details ------------------------------------------------------------


def test_the_resident_sees_the_coachs_phone_and_hours(app, client):
    sign_in(client, "coach")
    details = {
        "phone": "+31 20 123 45 67",
        "days": ["tue", "thu"],
        "available_from": "10:00",
        "available_to": "15:00",
    }
    response = post_form(client, "/caseload/details", details)
    assert response.status_code == 303
    sign_in(client, "bewoner")
    body = page(client.get("/coach?lang=nl"))
    assert 'href="tel:+31201234567"' in body and "dinsdag en donderdag, van 10:00 tot 15:00" in body


@pytest.mark.parametrize("phone", ["bel me", SCRIPT, "1" * 30])
def test_a_bad_phone_number_is_refused(app, client, phone):
    sign_in(client, "coach")
    before = snapshot(app, "coach_details")
    assert post_form(client, "/caseload/details", {"phone": phone}).status_code == 422
    assert snapshot(app, "coach_details") == before


# --- the municipality reassigns ----------------------------------------------------------------


def reassign(app, client, username="bewoner", coach="coach2"):
    sign_in(client, "gemeente")
    return post_form(client, f"/gemeente/caseloads/{user_id(app, username)}", {"coach": str(user_id(app, coach))})


def test_after_reassignment_the_old_coach_loses_access_at_once(app, client):
    fatima = user_id(app, "bewoner")
    old = app.test_client()
    sign_in(old, "coach")
    assert old.get(f"/caseload/{fatima}").status_code == 200
    response = reassign(app, client)
    assert response.status_code == 303
    for path in (
        f"/caseload/{fatima}",
        f"/caseload/{fatima}/messages",
        f"/caseload/{fatima}/messages/poll?after=0&unread=0",
        f"/caseload/{fatima}/export",
        f"/caseload/{fatima}/appointments/new",
    ):
        assert old.get(path).status_code == 404, path
    assert post_form(old, f"/caseload/{fatima}/messages", {"body": "Nog iets"}).status_code == 404
    assert "Fatima" not in cards(page(old.get("/caseload")))
    new = app.test_client()
    sign_in(new, "coach2")
    body = page(new.get(f"/caseload/{fatima}"))
    assert "Moet ik iets meenemen" in body  # the thread goes with the participant
    assert "Fatima" in cards(page(new.get("/caseload")))


def test_reassignment_is_recorded_and_both_are_told(app, client):
    reassign(app, client)
    fatima = user_id(app, "bewoner")
    assert query(
        app, "SELECT old_coach_id, new_coach_id, changed_by FROM coach_changes WHERE resident_id = ?", (fatima,)
    ) == [
        {
            "old_coach_id": user_id(app, "coach"),
            "new_coach_id": user_id(app, "coach2"),
            "changed_by": user_id(app, "gemeente"),
        }
    ]
    assert count(app, "notifications", "user_id = ? AND kind = 'coach_changed'", (fatima,)) == 1
    assert count(app, "notifications", "user_id = ? AND kind = 'caseload_added'", (user_id(app, "coach2"),)) == 1
    reassign(app, client)  # the same again changes nothing
    assert count(app, "coach_changes", "resident_id = ?", (fatima,)) == 1
    sign_in(client, "bewoner")
    assert "Ahmed El Amrani" in page(client.get("/coach"))
    export = client.get("/profile/export").get_json()
    assert export["coach_changes"][0]["new_coach"] == "Ahmed El Amrani"


@pytest.mark.parametrize("coach", ["", "abc", "999999", "bewoner2", "gemeente"])
def test_only_a_coach_can_be_chosen(app, client, coach):
    values = {"bewoner2": str(user_id(app, "bewoner2")), "gemeente": str(user_id(app, "gemeente"))}
    sign_in(client, "gemeente")
    before = snapshot(app, "users", "coach_changes")
    response = post_form(
        client, f"/gemeente/caseloads/{user_id(app, 'bewoner')}", {"coach": values.get(coach, coach)}
    )
    assert response.status_code == 422
    assert snapshot(app, "users", "coach_changes") == before


def test_only_residents_can_be_reassigned(app, client):
    sign_in(client, "gemeente")
    assert client.get(f"/gemeente/caseloads/{user_id(app, 'coach')}").status_code == 404


def test_the_municipality_finds_residents_and_sees_who_has_no_coach(app, client):
    execute(app, "UPDATE users SET coach_id = NULL WHERE username = 'bewoner2'")
    sign_in(client, "gemeente")
    body = page(client.get("/gemeente/caseloads"))
    assert "Henk" in body[body.index(t(app, "Waiting for a coach")) :]
    found = page(client.get("/gemeente/caseloads?q=fatima"))
    assert "Fatima" in found and "Sanne de Vries" in found
    assert "Moet ik iets meenemen" not in found


def test_the_chart_counts_a_day_of_contact_once(app, client):
    """Three messages and a meeting on one day with one participant, and a message
    with another participant that day: two contacts that month."""
    henk, fatima = user_id(app, "bewoner2"), user_id(app, "bewoner")
    coach = user_id(app, "coach")
    execute(app, "DELETE FROM messages")
    execute(app, "DELETE FROM appointments")
    from webapp.coaching.queries import today_local

    day = today_local().replace(day=1).isoformat()
    for resident, sender in ((henk, henk), (henk, coach), (henk, henk), (fatima, fatima)):
        execute(
            app,
            "INSERT INTO messages (resident_id, sender_id, from_coach, body, created_at) VALUES (?, ?, ?, 'x', ?)",
            (resident, sender, int(sender == coach), f"{day}T09:00:00Z"),
        )
    execute(
        app,
        "INSERT INTO appointments (resident_id, coach_id, starts_at, status, created_at, "
        "updated_at) VALUES (?, ?, ?, 'accepted', '', '')",
        (henk, coach, f"{day}T00:01"),
    )
    execute(
        app,
        "INSERT INTO appointments (resident_id, coach_id, starts_at, status, created_at, "
        "updated_at) VALUES (?, ?, ?, 'cancelled', '', '')",
        (fatima, coach, f"{day}T00:01"),
    )
    sign_in(client, "coach")
    body = page(client.get("/caseload"))
    rows = re.findall(r'<tr><th scope="row">[^<]+</th><td>(\d+)</td></tr>', body)
    assert [int(n) for n in rows] == [0] * 11 + [2]


def test_after_reassignment_the_new_coach_hears_the_answers(app, client):
    fatima = user_id(app, "bewoner")
    sign_in(client, "bewoner")
    post_form(client, "/messages", {"body": "Hallo"})  # a notice for the old coach
    reassign(app, client)
    old, new = user_id(app, "coach"), user_id(app, "coach2")
    assert (
        count(
            app, "notifications", "user_id = ? AND read_at IS NULL AND link LIKE ?", (old, f"/caseload/{fatima}%")
        )
        == 0
    )
    planned = scalar(app, "SELECT id FROM appointments WHERE resident_id = ? AND status = 'planned'", (fatima,))
    sign_in(client, "bewoner")
    assert post_form(client, f"/appointments/{planned}/accept").status_code == 303
    assert count(app, "notifications", "user_id = ? AND kind = 'appointment_answer'", (new,)) == 1
    assert count(app, "notifications", "user_id = ? AND kind = 'appointment_answer'", (old,)) == 0
    sign_in(client, "coach2")  # the new coach may move what the old one planned
    assert client.get(f"/appointments/{planned}/move").status_code == 200


def test_a_deleted_coach_leaves_the_threads_with_the_residents(app, client):
    fatima = user_id(app, "bewoner")
    before = count(app, "messages", "resident_id = ?", (fatima,))
    execute(app, "DELETE FROM users WHERE username = 'coach'")
    assert count(app, "messages", "resident_id = ?", (fatima,)) == before
    assert scalar(app, "SELECT coach_id FROM users WHERE id = ?", (fatima,)) is None
    assert count(app, "access_log", "resident_id = ? AND coach_name = 'Sanne de Vries'", (fatima,)) >= 1
    sign_in(client, "bewoner")
    assert "Moet ik iets meenemen" in page(client.get("/messages"))


def test_a_deleted_resident_takes_her_coaching_data_along(app, client):
    fatima = user_id(app, "bewoner")
    sign_in(client, "bewoner")
    assert post_form(client, "/profile/delete", {"sure": "y"}).status_code == 200
    for table, column in (
        ("messages", "resident_id"),
        ("appointments", "resident_id"),
        ("plan_goals", "resident_id"),
        ("access_log", "resident_id"),
        ("coach_changes", "resident_id"),
    ):
        assert count(app, table, f"{column} = ?", (fatima,)) == 0, table
    assert count(app, "plan_steps", "goal_id NOT IN (SELECT id FROM plan_goals)") == 0
