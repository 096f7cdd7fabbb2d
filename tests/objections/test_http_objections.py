"""Objections: made by anyone, answered by the board, public as decisions."""

import re

import pytest
from http_support import (
    LONG,
    SCRIPT,
    count,
    csrf_token,
    execute,
    page,
    query,
    scalar,
    sign_in,
    snapshot,
    user_id,
)

JOB = 1  # an open demo job
CONTACT = "buurman@example.org"
TOKEN = re.compile(r'name="form_token"[^>]*value="([0-9a-f]{32})"|value="([0-9a-f]{32})"[^>]*name="form_token"')


def open_proposal(app):
    return scalar(app, "SELECT id FROM proposals WHERE status = 'open' ORDER BY id LIMIT 1")


def make_board_member(app, username="toezicht"):
    """The demo's board account (or another one made here)."""
    execute(
        app,
        "INSERT OR IGNORE INTO users (username, role, created_at) VALUES (?, 'toezicht', '2026-12-01T09:00:00Z')",
        (username,),
    )
    return user_id(app, username)


def form_fields(client, path):
    html = page(client.get(path))
    token = TOKEN.search(html)
    assert token, f"no form token on {path}"
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    return {"csrf_token": csrf, "form_token": token.group(1) or token.group(2)}


def send(client, path, **values):
    data = form_fields(client, path)
    data.update({"ground": "no_displacement", "text": "Bakkerij Jansen doet dit al, op de Markt."})
    data.update(values)
    return client.post(path, data=data, environ_base={"REMOTE_ADDR": values.pop("address", "10.0.0.1")})


def job_path(job_id=JOB):
    return f"/jobs/{job_id}/objections/new"


# --- making one -----------------------------------------------------------------------


def test_someone_logged_out_objects_to_a_job_with_an_email_address(app, client):
    response = send(client, job_path(), contact=CONTACT)
    assert response.status_code == 303
    assert response.headers["Location"].startswith(f"/jobs/{JOB}#objection-")
    row = query(app, "SELECT * FROM objections")[0]
    assert row["contact"] == CONTACT and row["user_id"] is None and row["public_name"] == ""
    assert row["answer_due"] > row["created_at"]
    shown = page(client.get(f"/jobs/{JOB}"))
    assert f"objection-{row['id']}" in shown
    assert "Bakkerij Jansen" in shown
    assert CONTACT not in shown


def test_logged_out_without_a_contact_is_refused(app, client):
    before = snapshot(app, "objections")
    response = send(client, job_path(), contact="")
    assert response.status_code == 422
    assert snapshot(app, "objections") == before


@pytest.mark.parametrize("contact", ["geen adres", "12", SCRIPT, "a@b", "x" * 200])
def test_a_contact_that_is_no_address_or_number_is_refused(app, client, contact):
    response = send(client, job_path(), contact=contact)
    assert response.status_code == 422
    assert count(app, "objections") == 0
    assert SCRIPT not in page(response)


def test_a_phone_number_is_a_contact(app, client):
    assert send(client, job_path(), contact="06 1234 5678").status_code == 303
    assert scalar(app, "SELECT contact FROM objections") == "0612345678"


@pytest.mark.parametrize(
    "values",
    [
        {"ground": ""},
        {"ground": "boss"},
        {"text": ""},
        {"text": "   "},
        {"text": LONG},
        {"text": "bad\x00text"},
        {"form_token": "nope"},
    ],
)
def test_bad_input_is_refused_and_stores_nothing(app, client, values):
    response = send(client, job_path(), contact=CONTACT, **values)
    assert response.status_code == 422
    assert count(app, "objections") == 0


def test_html_is_shown_as_text(app, client):
    assert send(client, job_path(), contact=CONTACT, text=SCRIPT).status_code == 303
    assert SCRIPT not in page(client.get(f"/jobs/{JOB}"))


def test_without_a_csrf_token_nothing_is_stored(app, client):
    data = form_fields(client, job_path())
    del data["csrf_token"]
    data.update({"ground": "no_displacement", "text": "x", "contact": CONTACT})
    assert client.post(job_path(), data=data).status_code == 400
    assert count(app, "objections") == 0


def test_the_same_form_sent_twice_stores_one(app, client):
    data = form_fields(client, job_path())
    data.update({"ground": "no_displacement", "text": "Dit doet de schoonmaakdienst al.", "contact": CONTACT})
    first = client.post(job_path(), data=data)
    second = client.post(job_path(), data=data)
    assert first.status_code == second.status_code == 303
    assert first.headers["Location"] == second.headers["Location"]
    assert count(app, "objections") == 1


def test_the_same_text_again_on_a_new_form_is_the_same_objection(app, client):
    send(client, job_path(), contact=CONTACT)
    send(client, job_path(), contact=CONTACT)
    assert count(app, "objections") == 1


@pytest.mark.parametrize("path", ["/jobs/999999/objections/new", "/proposals/999999/objections/new"])
def test_unknown_items_are_404(client, path):
    assert client.get(path).status_code == 404


def test_a_closed_job_takes_no_objection(app, client):
    execute(app, "UPDATE jobs SET status = 'closed' WHERE id = ?", (JOB,))
    assert client.get(job_path()).status_code == 200
    data = form_fields_without_token(client)
    data.update({"ground": "no_displacement", "text": "x", "contact": CONTACT, "form_token": "a" * 32})
    assert client.post(job_path(), data=data).status_code == 409
    assert count(app, "objections") == 0


def form_fields_without_token(client):
    return {"csrf_token": csrf_token(client, "/settings")}


def test_a_draft_job_is_404(app, client):
    execute(app, "UPDATE jobs SET status = 'draft' WHERE id = ?", (JOB,))
    assert client.get(job_path()).status_code == 404


def test_a_resident_objects_to_a_proposal_and_may_show_their_name(app, client):
    proposal = open_proposal(app)
    sign_in(client, "bewoner")
    path = f"/proposals/{proposal}/objections/new"
    assert "contact" not in page(client.get(path)).split("<form", 1)[1].split("</form>")[0].replace("csrf", "")
    assert send(client, path, show_name="y").status_code == 303
    row = query(app, "SELECT * FROM objections")[0]
    assert row["user_id"] == user_id(app, "bewoner") and row["contact"] is None
    assert row["public_name"]
    assert row["public_name"] in page(client.get(f"/proposals/{proposal}"))


def test_a_name_is_not_shown_unless_chosen(app, client):
    proposal = open_proposal(app)
    sign_in(client, "bewoner")
    send(client, f"/proposals/{proposal}/objections/new")
    assert scalar(app, "SELECT public_name FROM objections") == ""


def test_the_board_does_not_object(app, client):
    make_board_member(app)
    sign_in(client, "toezicht")
    assert client.get(job_path()).status_code == 403


def test_the_answer_period_comes_from_the_settings(app, client):
    execute(app, "INSERT INTO settings (key, value, updated_at) VALUES ('objection_days', '3', '2026-01-01')")
    send(client, job_path(), contact=CONTACT)
    row = query(app, "SELECT julianday(answer_due) - julianday(created_at) AS days FROM objections")[0]
    assert round(row["days"]) == 3


# --- rate limits --------------------------------------------------------------------------


def test_objections_from_one_address_are_limited(make_app):
    app = make_app(OBJECTIONS_PER_ADDRESS="2 per 10 minutes")
    answers = [
        send(app.test_client(), job_path(), contact=f"p{n}@example.org", text=f"Reden {n}").status_code
        for n in range(3)
    ]
    assert answers == [303, 303, 429]
    assert count(app, "objections") == 2
    other = send(app.test_client(), job_path(), contact="q@example.org", address="10.0.0.2")
    assert other.status_code == 303


def test_one_contact_has_a_daily_limit(app, client):
    for n in range(5):
        assert send(client, job_path(), contact=CONTACT, text=f"Reden {n}").status_code == 303
    assert send(client, job_path(), contact=CONTACT, text="Reden 6").status_code == 429
    assert count(app, "objections") == 5


# --- the board's answer, notifications, decisions ----------------------------------------------


def _objection(app, client):
    send(client, job_path(), contact=CONTACT)
    return scalar(app, "SELECT id FROM objections")


@pytest.mark.parametrize(
    ("who", "status"), [(None, 303), ("bewoner", 403), ("coach", 403), ("gemeente", 403), ("toezicht", 200)]
)
def test_only_the_board_opens_its_objection_pages(app, client, who, status):
    make_board_member(app)
    number = _objection(app, app.test_client())
    sign_in(client, who)
    assert client.get("/toezicht/objections").status_code == status
    assert client.get(f"/toezicht/objections/{number}").status_code == status


def test_the_board_sees_the_contact_and_decides(app, client):
    make_board_member(app)
    number = _objection(app, app.test_client())
    sign_in(client, "toezicht")
    listed = page(client.get("/toezicht/objections"))
    assert f"/toezicht/objections/{number}" in listed
    detail = page(client.get(f"/toezicht/objections/{number}"))
    assert CONTACT in detail
    token = csrf_token(client, f"/toezicht/objections/{number}")
    bad = client.post(
        f"/toezicht/objections/{number}", data={"csrf_token": token, "decision": "upheld", "reason": ""}
    )
    assert bad.status_code == 422
    wrong = client.post(
        f"/toezicht/objections/{number}", data={"csrf_token": token, "decision": "maybe", "reason": "x"}
    )
    assert wrong.status_code == 422
    assert scalar(app, "SELECT decision FROM objections") is None
    done = client.post(
        f"/toezicht/objections/{number}",
        data={"csrf_token": token, "decision": "upheld", "reason": "De bakker doet dit werk al."},
    )
    assert done.status_code == 303
    assert scalar(app, "SELECT decision FROM objections") == "upheld"
    again = client.post(
        f"/toezicht/objections/{number}", data={"csrf_token": token, "decision": "not_upheld", "reason": "Anders"}
    )
    assert again.status_code == 409
    assert scalar(app, "SELECT decision FROM objections") == "upheld"
    public = page(client.get(f"/decisions/objection-{number}"))
    assert "De bakker doet dit werk al." in public and CONTACT not in public
    listed = page(app.test_client().get("/decisions"))
    assert f"/decisions/objection-{number}" in listed and CONTACT not in listed
    found = page(app.test_client().get("/decisions?q=bakker"))
    assert f"/decisions/objection-{number}" in found
    none = page(app.test_client().get("/decisions?q=zzzgeenzzz"))
    assert f"/decisions/objection-{number}" not in none


def test_an_open_objection_has_no_public_decision_page(app, client):
    number = _objection(app, client)
    assert client.get(f"/decisions/objection-{number}").status_code == 404
    assert client.get("/decisions/objection-999999").status_code == 404
    assert client.get("/decisions/advice-999999").status_code == 404


def test_an_advice_is_a_public_decision(app, client):
    execute(
        app,
        "INSERT INTO advices (job_id, verdict, reason, created_at) VALUES (?, 'object', ?, ?)",
        (JOB, "Werk van de plantsoendienst", "2026-12-01T10:00:00Z"),
    )
    number = scalar(app, "SELECT MAX(id) FROM advices")
    execute(
        app,
        "INSERT INTO advice_overrides (advice_id, job_id, reason, created_at) VALUES (?, ?, ?, ?)",
        (number, JOB, "Wij zien het anders", "2026-12-02T10:00:00Z"),
    )
    listed = page(client.get("/decisions?q=plantsoendienst"))
    assert f"/decisions/advice-{number}" in listed
    detail = page(client.get(f"/decisions/advice-{number}"))
    assert "Werk van de plantsoendienst" in detail and "Wij zien het anders" in detail


@pytest.mark.parametrize("query_string", ["page=0", "page=abc", "q=" + "x" * 200, "page=99999999"])
def test_bad_search_input_is_4xx(client, query_string):
    assert 400 <= client.get(f"/decisions?{query_string}").status_code < 500


def test_the_municipality_hears_of_an_objection_and_the_objector_of_the_decision(app, client):
    proposal = open_proposal(app)
    author = scalar(app, "SELECT author_id FROM proposals WHERE id = ?", (proposal,))
    sign_in(client, "bewoner")
    send(client, f"/proposals/{proposal}/objections/new")
    gemeente = user_id(app, "gemeente")
    kinds = {(row["user_id"], row["kind"]) for row in query(app, "SELECT user_id, kind FROM notifications")}
    assert (gemeente, "objection_new") in kinds
    if author != user_id(app, "bewoner"):
        assert (author, "objection_new") in kinds
    make_board_member(app)
    board = app.test_client()
    sign_in(board, "toezicht")
    number = scalar(app, "SELECT id FROM objections")
    token = csrf_token(board, f"/toezicht/objections/{number}")
    board.post(
        f"/toezicht/objections/{number}",
        data={"csrf_token": token, "decision": "not_upheld", "reason": "Geen verdringing."},
    )
    decided = {
        row["user_id"] for row in query(app, "SELECT user_id FROM notifications WHERE kind = 'objection_decided'")
    }
    assert user_id(app, "bewoner") in decided and gemeente in decided
    assert "Geen verdringing" not in str(query(app, "SELECT * FROM notifications"))


def test_the_settings_form_keeps_the_answer_period(app, client):
    sign_in(client, "gemeente")
    html = page(client.get("/gemeente/settings"))
    assert 'name="objection_days"' in html and 'value="28"' in html


def test_the_footer_links_the_decisions(client):
    assert 'href="/decisions"' in page(client.get("/"))
