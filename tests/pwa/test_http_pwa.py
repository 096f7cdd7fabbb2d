"""The app on the phone, over HTTP: client ids, the manifest, the service
worker, the offline page, /csrf, push subscriptions, ETag and 304.
"""

import json
import re
import struct
import uuid
from pathlib import Path

import pytest
from http_support import (
    DEMO_INTEREST_JOB,
    OTHER_JOB,
    SCRIPT,
    count,
    csrf_token,
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
from proposal_support import JOB_CREATED, OPEN_DE_HOVEN, OPEN_VOGELBUURT, RESIDENT_NOORD, RESIDENT_NOORD_2

from webapp.pwa.routes import PRECACHE

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "static"
# Only the settings page needs it: kept by the worker when first used, not on the first visit.
LOADED_WHEN_USED = ("/static/js/push-settings.js",)


def interest(client, job, client_id, message="Ik wil graag", htmx=False):
    data = {"message": message}
    if client_id is not None:
        data["client_id"] = client_id
    headers = {"HX-Request": "true"} if htmx else {}
    return post_form(client, f"/jobs/{job}/interest", data, token_from=f"/jobs/{job}", headers=headers)


# --- client ids: a retry stores one interest ------------------------------------


@pytest.mark.parametrize("htmx", [False, True])
def test_the_same_client_id_twice_stores_one_interest(app, client, htmx):
    sign_in(client, "bewoner2")
    key = str(uuid.uuid4())
    first = interest(client, OTHER_JOB, key, htmx=htmx)
    again = interest(client, OTHER_JOB, key, htmx=htmx)
    assert first.status_code == again.status_code == (200 if htmx else 303)
    if htmx:
        token = re.compile(r'name="csrf_token" value="[^"]+"')  # signed anew each second
        assert token.sub("", page(first)) == token.sub("", page(again))
        assert t(app, "Your coach can now see that you want this job.") in page(again)
    rows = query(app, "SELECT * FROM interests WHERE user_id = ?", (user_id(app, "bewoner2"),))
    assert len(rows) == 1
    assert rows[0]["client_id"] == key
    assert rows[0]["job_id"] == OTHER_JOB


def test_a_retry_after_taking_it_back_does_not_open_it_again(app, client):
    sign_in(client, "bewoner2")
    key = str(uuid.uuid4())
    interest(client, OTHER_JOB, key, message="eerste")
    response = post_form(client, f"/jobs/{OTHER_JOB}/interest/withdraw", token_from=f"/jobs/{OTHER_JOB}")
    assert response.status_code == 303
    # The outbox's late retry of the first post: answered as before, changes nothing.
    retry = interest(client, OTHER_JOB, key, message="eerste", htmx=True)
    assert retry.status_code == 200
    assert scalar(app, "SELECT status FROM interests WHERE job_id = ?", (OTHER_JOB,)) == "withdrawn"
    # A new tap (a new client id) does open it again.
    interest(client, OTHER_JOB, str(uuid.uuid4()), message="tweede")
    row = query(app, "SELECT status, message FROM interests WHERE job_id = ?", (OTHER_JOB,))[0]
    assert row == {"status": "open", "message": "tweede"}


def test_client_ids_are_per_person(app, client):
    key = str(uuid.uuid4())
    sign_in(client, "bewoner2")
    interest(client, OTHER_JOB, key)
    other = app.test_client()
    sign_in(other, "bewoner")
    interest(other, OTHER_JOB, key)
    assert count(app, "interests", "job_id = ? AND client_id = ?", (OTHER_JOB, key)) == 2


def test_a_client_id_used_for_another_job_is_refused(app, client):
    sign_in(client, "bewoner2")
    key = str(uuid.uuid4())
    interest(client, OTHER_JOB, key)
    before = snapshot(app, "interests")
    response = interest(client, DEMO_INTEREST_JOB, key, htmx=True)
    assert response.status_code == 409
    assert any(
        t(app, "This was already sent for something else. Load the page again and try once more.") in text
        for text in messages(page(response))
    )
    assert snapshot(app, "interests") == before


def test_the_same_id_in_other_spelling_is_the_same_id(app, client):
    sign_in(client, "bewoner2")
    key = uuid.uuid4()
    interest(client, OTHER_JOB, str(key).upper())
    interest(client, OTHER_JOB, key.hex)
    assert scalar(app, "SELECT client_id FROM interests WHERE job_id = ?", (OTHER_JOB,)) == str(key)
    assert count(app, "interests", "job_id = ?", (OTHER_JOB,)) == 1


@pytest.mark.parametrize(
    "bad", ["not-a-uuid", "<script>alert(1)</script>", "'; DROP TABLE interests; --", "x" * 10_000, "1"]
)
def test_a_bad_client_id_is_refused_with_a_message(reader_app, reader, bad):
    sign_in(reader, "bewoner2")
    before = snapshot(reader_app, "interests")
    response = interest(reader, OTHER_JOB, bad)
    assert response.status_code == 422
    assert any(
        t(reader_app, "This form is out of date. Load the page again and try once more.") in text
        for text in messages(page(response))
    )
    assert "<script>alert(1)</script>" not in page(response)
    assert snapshot(reader_app, "interests") == before


def test_without_a_client_id_it_still_works(app, client):
    sign_in(client, "bewoner2")
    assert interest(client, OTHER_JOB, None).status_code == 303
    assert interest(client, OTHER_JOB, "").status_code == 303
    assert count(app, "interests", "job_id = ?", (OTHER_JOB,)) == 1
    assert scalar(app, "SELECT client_id FROM interests WHERE job_id = ?", (OTHER_JOB,)) is None


def test_a_post_without_a_client_id_keeps_the_earlier_id(app, client):
    sign_in(client, "bewoner2")
    key = str(uuid.uuid4())
    interest(client, OTHER_JOB, key)
    interest(client, OTHER_JOB, None, message="zonder id")
    assert scalar(app, "SELECT client_id FROM interests WHERE job_id = ?", (OTHER_JOB,)) == key


def test_the_form_carries_an_empty_client_id_and_the_outbox_mark(reader):
    sign_in(reader, "bewoner2")
    body = page(reader.get(f"/jobs/{OTHER_JOB}"))
    form = re.search(rf'<form[^>]*action="/jobs/{OTHER_JOB}/interest"[^>]*>(.*?)</form>', body, re.S)
    assert form and "data-outbox" in form.group(0)
    assert '<input type="hidden" name="client_id" value="">' in form.group(1)


def test_a_closed_job_refuses_a_new_client_id(app, client):
    from http_support import execute

    sign_in(client, "bewoner2")
    execute(app, "UPDATE jobs SET status = 'closed' WHERE id = ?", (OTHER_JOB,))
    response = interest(client, OTHER_JOB, str(uuid.uuid4()), htmx=True)
    assert response.status_code == 409
    assert count(app, "interests", "job_id = ?", (OTHER_JOB,)) == 0


def test_a_retry_after_the_job_closed_gets_the_first_answer(app, client):
    from http_support import execute

    sign_in(client, "bewoner2")
    key = str(uuid.uuid4())
    interest(client, OTHER_JOB, key)
    execute(app, "UPDATE jobs SET status = 'closed' WHERE id = ?", (OTHER_JOB,))
    assert interest(client, OTHER_JOB, key, htmx=True).status_code == 200


# --- client ids: a retry casts one vote ---------------------------------------------------


def vote_state(app):
    """Everything a vote may change (client_ids has no rowid for snapshot's order)."""
    return (
        snapshot(app, "votes", "proposals", "proposal_events", "notifications"),
        query(app, "SELECT * FROM client_ids ORDER BY user_id, client_id"),
    )


def vote(client, proposal, client_id, htmx=False):
    data = {} if client_id is None else {"client_id": client_id}
    headers = {"HX-Request": "true"} if htmx else {}
    return post_form(
        client, f"/proposals/{proposal}/vote", data, token_from=f"/proposals/{proposal}", headers=headers
    )


def unvote(client, proposal):
    return post_form(client, f"/proposals/{proposal}/unvote", token_from=f"/proposals/{proposal}")


def votes_by(app, username, proposal):
    return count(app, "votes", "user_id = ? AND proposal_id = ?", (user_id(app, username), proposal))


def vote_count(app, proposal):
    return scalar(app, "SELECT vote_count FROM proposals WHERE id = ?", (proposal,))


@pytest.mark.parametrize("htmx", [False, True])
def test_the_same_client_id_twice_casts_one_vote(app, client, htmx):
    sign_in(client, RESIDENT_NOORD)
    before = vote_count(app, OPEN_VOGELBUURT)
    key = str(uuid.uuid4())
    first = vote(client, OPEN_VOGELBUURT, key, htmx=htmx)
    again = vote(client, OPEN_VOGELBUURT, key, htmx=htmx)
    assert first.status_code == again.status_code == (200 if htmx else 303)
    if htmx:
        token = re.compile(r'name="csrf_token" value="[^"]+"')
        assert token.sub("", page(first)) == token.sub("", page(again))
        assert t(app, "Thank you. Your vote counts.") in page(again)
    else:
        assert first.headers["Location"] == again.headers["Location"]
    assert votes_by(app, RESIDENT_NOORD, OPEN_VOGELBUURT) == 1
    assert vote_count(app, OPEN_VOGELBUURT) == before + 1
    remembered = query(
        app,
        "SELECT kind, item_id FROM client_ids WHERE user_id = ? AND client_id = ?",
        (user_id(app, RESIDENT_NOORD), key),
    )
    assert remembered == [{"kind": "vote", "item_id": OPEN_VOGELBUURT}]


def test_a_retry_after_taking_the_vote_back_does_not_vote_again(app, client):
    sign_in(client, RESIDENT_NOORD)
    before = vote_count(app, OPEN_VOGELBUURT)
    key = str(uuid.uuid4())
    assert vote(client, OPEN_VOGELBUURT, key).status_code == 303
    assert unvote(client, OPEN_VOGELBUURT).status_code == 303
    assert votes_by(app, RESIDENT_NOORD, OPEN_VOGELBUURT) == 0
    # The outbox's late retry of the first vote: answered as before, changes nothing.
    retry = vote(client, OPEN_VOGELBUURT, key, htmx=True)
    assert retry.status_code == 200
    assert votes_by(app, RESIDENT_NOORD, OPEN_VOGELBUURT) == 0
    assert vote_count(app, OPEN_VOGELBUURT) == before
    # A new tap (a new client id) does vote again.
    assert vote(client, OPEN_VOGELBUURT, str(uuid.uuid4())).status_code == 303
    assert votes_by(app, RESIDENT_NOORD, OPEN_VOGELBUURT) == 1
    assert vote_count(app, OPEN_VOGELBUURT) == before + 1


def test_a_second_tap_while_the_first_vote_counted_is_remembered_too(app, client):
    """Two tabs: the second id finds the vote there; its late retry after taking back changes nothing."""
    sign_in(client, RESIDENT_NOORD)
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    vote(client, OPEN_VOGELBUURT, first)
    assert vote(client, OPEN_VOGELBUURT, second).status_code == 303
    unvote(client, OPEN_VOGELBUURT)
    assert vote(client, OPEN_VOGELBUURT, second, htmx=True).status_code == 200
    assert votes_by(app, RESIDENT_NOORD, OPEN_VOGELBUURT) == 0


def test_a_vote_client_id_used_for_another_proposal_is_refused(app, client):
    sign_in(client, RESIDENT_NOORD)
    key = str(uuid.uuid4())
    vote(client, OPEN_VOGELBUURT, key)
    before = vote_state(app)
    for htmx in (True, False):
        response = vote(client, OPEN_DE_HOVEN, key, htmx=htmx)
        assert response.status_code == 409
        assert any(
            t(app, "This was already sent for something else. Load the page again and try once more.") in text
            for text in messages(page(response))
        )
    assert vote_state(app) == before


def test_vote_client_ids_are_per_person(app, client):
    key = str(uuid.uuid4())
    sign_in(client, RESIDENT_NOORD)
    vote(client, JOB_CREATED, key)  # she voted there before: the id is remembered all the same
    other = app.test_client()
    sign_in(other, RESIDENT_NOORD_2)
    assert vote(other, OPEN_VOGELBUURT, key).status_code == 303
    assert votes_by(app, RESIDENT_NOORD_2, OPEN_VOGELBUURT) == 1


@pytest.mark.parametrize("bad", ["not-a-uuid", SCRIPT, "'; DROP TABLE votes; --", "x" * 10_000])
@pytest.mark.parametrize("htmx", [False, True])
def test_a_bad_vote_client_id_is_refused_with_a_message(app, client, bad, htmx):
    sign_in(client, RESIDENT_NOORD)
    before = vote_state(app)
    response = vote(client, OPEN_VOGELBUURT, bad, htmx=htmx)
    assert response.status_code == 422
    assert any(
        t(app, "This form is out of date. Load the page again and try once more.") in text
        for text in messages(page(response))
    )
    assert "<script>alert(1)</script>" not in page(response)
    assert vote_state(app) == before


def test_a_vote_without_a_client_id_still_counts_once(app, client):
    sign_in(client, RESIDENT_NOORD)
    before = vote_count(app, OPEN_VOGELBUURT)
    assert vote(client, OPEN_VOGELBUURT, None).status_code == 303
    assert vote(client, OPEN_VOGELBUURT, "").status_code == 303
    assert vote_count(app, OPEN_VOGELBUURT) == before + 1
    assert count(app, "client_ids") == 0


def test_the_vote_form_carries_an_empty_client_id_and_the_outbox_mark(reader):
    sign_in(reader, RESIDENT_NOORD)
    body = page(reader.get(f"/proposals/{OPEN_VOGELBUURT}"))
    form = re.search(rf'<form[^>]*action="/proposals/{OPEN_VOGELBUURT}/vote"[^>]*>(.*?)</form>', body, re.S)
    assert form and re.search(r"\sdata-outbox[\s>]", form.group(0))
    assert '<input type="hidden" name="client_id" value="">' in form.group(1)


# --- messages and the plan, offline ---------------------------------------------------------


def test_the_message_form_waits_in_the_outbox_and_stays_for_the_next_one(reader):
    sign_in(reader, "bewoner")
    for path in ("/messages", "/coach"):
        body = page(reader.get(path))
        form = re.search(r'<form id="message-form"[^>]*>(.*?)</form>', body, re.S)
        assert 'data-outbox="keep"' in form.group(0) and 'data-outbox-quote="body"' in form.group(0), path
        assert 'name="client_id"' in form.group(1) and 'name="body"' in form.group(1), path


@pytest.mark.parametrize("path", ["/messages", "/plan", "/coach"])
def test_the_thread_and_plan_pages_may_be_kept_and_answer_304(reader, path):
    sign_in(reader, "bewoner")
    first = reader.get(path)
    assert first.headers["Cache-Control"] == "private, no-cache"  # not no-store: the worker keeps it
    # The client ids rendered for people without JavaScript do not change the ETag.
    again = reader.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_a_new_message_changes_the_threads_etag(app, client):
    sign_in(client, "bewoner")
    etag = etag_of(client, "/messages")
    post_form(client, "/messages", {"body": "Nieuw bericht", "client_id": str(uuid.uuid4())})
    assert client.get("/messages", headers={"If-None-Match": etag}).status_code == 200


def read_aloud_ids(body):
    """Each element marked data-read-aloud, with the ids it names; every id must be on the page."""
    marked = re.findall(r'<(\w+)[^>]*\sdata-read-aloud(?:="([^"]*)")?[\s>]', body)
    for _tag, ids in marked:
        for name in ids.split():
            assert f'id="{name}"' in body, name
    return marked


@pytest.mark.parametrize(
    ("who", "path", "named"),
    [
        ("bewoner", "/plan", ("goal-", "step-")),
        ("coach", "/caseload/{fatima}", ("goal-", "step-")),
        (None, f"/proposals/{OPEN_VOGELBUURT}", ("proposal-tasks", "proposal-problem")),
    ],
)
def test_plan_and_proposal_headings_read_their_text_aloud(reader_app, reader, who, path, named):
    sign_in(reader, who)
    body = page(reader.get(path.format(fatima=user_id(reader_app, "bewoner"))))
    # The questions and comments have their own heading and button (tests/browser).
    headings = [(tag, ids) for tag, ids in read_aloud_ids(body) if tag in ("h1", "h2") and "comment-" not in ids]
    assert len(headings) == 1
    assert all(any(name.startswith(prefix) for name in headings[0][1].split()) for prefix in named)


def test_an_empty_plan_reads_that_it_is_empty(reader):
    sign_in(reader, "bewoner2")
    body = page(reader.get("/plan"))
    assert read_aloud_ids(body) == [("h1", "plan-empty")]


def test_every_message_can_be_read_aloud(reader_app, reader):
    sign_in(reader, "bewoner")
    body = page(reader.get("/messages"))
    shown = len(re.findall(r'<li class="message ', body))
    assert shown > 0
    assert read_aloud_ids(body).count(("p", "")) == shown


# --- /csrf ----------------------------------------------------------------------------


def test_csrf_says_nobody_is_logged_in(reader):
    response = reader.get("/csrf")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    data = response.get_json()
    assert data["user"] is None
    assert data["csrf_token"]


def test_csrf_names_the_person_and_its_token_works(app, client):
    sign_in(client, "bewoner2")
    data = client.get("/csrf").get_json()
    assert data["user"] == user_id(app, "bewoner2")
    response = client.post(f"/jobs/{OTHER_JOB}/interest", data={"csrf_token": data["csrf_token"], "message": ""})
    assert response.status_code == 303
    assert count(app, "interests", "job_id = ?", (OTHER_JOB,)) == 1


# --- manifest ------------------------------------------------------------------------------


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize(("lang", "plain", "jobs"), [("nl", 0, "Banen"), ("en", 0, "Jobs"), ("nl", 1, None)])
def test_manifest_in_the_readers_language(reader_app, reader, lang, plain, jobs):
    reader.get(f"/?lang={lang}&plain={plain}")
    response = reader.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.mimetype == "application/manifest+json"
    data = json.loads(response.get_data(as_text=True))
    assert data["lang"] == lang
    assert data["name"] == data["short_name"] == "Basisbaan"
    assert data["description"] == t(
        reader_app, "Find paid work that helps your neighbourhood and fits you.", lang=lang, plain=plain
    )
    assert data["start_url"] == "/" and data["scope"] == "/" and data["display"] == "standalone"
    assert data["theme_color"] == "#0b5a66" and data["background_color"] == "#f7f4ee"
    shortcuts = {item["url"]: item["name"] for item in data["shortcuts"]}
    assert set(shortcuts) == {"/jobs", "/messages", "/proposals"}
    if jobs:
        assert shortcuts["/jobs"] == jobs


def test_manifest_icons_are_real_pngs_of_their_size(reader):
    data = json.loads(reader.get("/manifest.webmanifest").get_data(as_text=True))
    purposes = {}
    for icon in data["icons"]:
        response = reader.get(icon["src"])
        assert response.status_code == 200 and response.mimetype == "image/png"
        width, height = png_size(response.get_data())
        assert f"{width}x{height}" == icon["sizes"]
        purposes.setdefault(icon["purpose"], set()).add(width)
    assert purposes == {"any": {192, 512}, "maskable": {192, 512}}


def test_every_page_links_the_manifest(reader):
    body = page(reader.get("/jobs"))
    assert re.search(r'<link rel="manifest" href="/manifest.webmanifest" crossorigin="use-credentials">', body)


# --- the service worker -------------------------------------------------------------------------


def test_service_worker_is_served_at_the_root(reader):
    response = reader.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    first = page(response).split("\n", 1)[0]
    settings = json.loads(re.match(r"self\.BASISBAAN = (.*);$", first).group(1))
    assert re.fullmatch(r"[0-9a-f]{12}", settings["version"])
    assert settings["offline"] == "/offline" and settings["csrf"] == "/csrf"
    assert settings["unreachable"] == "/unreachable"
    for url in settings["precache"]:
        assert reader.get(url).status_code == 200, url


def test_the_worker_keeps_every_stylesheet_and_script_a_page_needs(reader):
    sign_in(reader, "bewoner")
    settings = json.loads(page(reader.get("/sw.js")).split("\n", 1)[0][len("self.BASISBAAN = ") : -1])
    pages = ("/", "/jobs", f"/jobs/{DEMO_INTEREST_JOB}", "/interests", "/settings", "/offline", "/unreachable")
    for path in pages:
        body = page(reader.get(path))
        linked = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]+)"', body)
        linked += re.findall(r'<use href="([^"#]+)#', body)
        assert linked
        missing = {url for url in set(linked) - set(settings["precache"]) if not url.startswith(LOADED_WHEN_USED)}
        assert not missing, f"{path} needs {missing}, which the worker does not keep"


def test_precache_names_files_that_exist():
    for name in PRECACHE:
        assert (STATIC / name).is_file(), name


# --- the offline page -----------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "plain"), [("nl", 0), ("nl", 1), ("en", 0), ("en", 1)])
def test_offline_page_in_the_readers_language(reader_app, reader, lang, plain):
    reader.get(f"/?lang={lang}&plain={plain}")
    response = reader.get("/offline")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == lang + ("-x-plain" if plain else "")
    assert t(reader_app, "You are offline", lang=lang, plain=plain) in page(response)


@pytest.mark.parametrize(("lang", "plain"), [("nl", 0), ("nl", 1), ("en", 0), ("en", 1)])
def test_unreachable_page_in_the_readers_language_never_says_offline(reader_app, reader, lang, plain):
    reader.get(f"/?lang={lang}&plain={plain}")
    response = reader.get("/unreachable")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == lang + ("-x-plain" if plain else "")
    body = page(response)
    assert t(reader_app, "Basisbaan cannot be reached right now", lang=lang, plain=plain) in body
    assert t(reader_app, "You are offline", lang=lang, plain=plain) not in body
    assert 'data-offline-page="unreachable"' in body


@pytest.mark.parametrize("path", ["/offline", "/unreachable"])
def test_offline_pages_offer_to_try_again_without_javascript(reader_app, reader, path):
    body = page(reader.get(path))
    # A link (the worker points it at the page asked for), not a button that needs a script.
    assert re.search(r'<a class="button button--primary" href="/" data-retry>', body)
    assert t(reader_app, "Try again") in body


@pytest.mark.parametrize("path", ["/offline", "/unreachable"])
def test_offline_page_holds_nothing_personal(reader, path):
    sign_in(reader, "bewoner")
    body = page(reader.get(path))
    assert "csrf_token" not in body
    assert "bewoner" not in body
    assert 'data-user="' not in body
    assert "data-offline-page" in body


# --- push subscriptions ---------------------------------------------------------------------------

P256DH = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"
AUTH = "tBHItJI5svbpez7KI4CCXg"
ENDPOINT = "https://fcm.googleapis.com/fcm/send/abc123"


def subscribe(client, endpoint=ENDPOINT, p256dh=P256DH, auth=AUTH, token=True, body=None):
    headers = {"X-CSRFToken": csrf_token(client)} if token else {}
    if body is None:
        body = json.dumps({"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}})
    data = body
    return client.post("/push/subscriptions", data=data, headers=headers, content_type="application/json")


def unsubscribe(client, endpoint=ENDPOINT):
    return client.post(
        "/push/subscriptions/delete",
        data=json.dumps({"endpoint": endpoint}),
        headers={"X-CSRFToken": csrf_token(client)},
        content_type="application/json",
    )


def test_subscribe_stores_one_row_per_phone(app, client):
    sign_in(client, "bewoner")
    first = subscribe(client)
    assert first.status_code == 201
    assert first.get_json()["message"] == t(app, "Notifications are on for this phone.").replace("&#39;", "'")
    assert subscribe(client).status_code == 201
    rows = query(app, "SELECT user_id, endpoint, p256dh, auth FROM push_subscriptions")
    assert rows == [{"user_id": user_id(app, "bewoner"), "endpoint": ENDPOINT, "p256dh": P256DH, "auth": AUTH}]


def test_the_next_person_on_a_shared_phone_takes_the_subscription_over(app, client):
    sign_in(client, "bewoner")
    subscribe(client)
    other = app.test_client()
    sign_in(other, "coach")
    assert subscribe(other).status_code == 201
    assert query(app, "SELECT user_id FROM push_subscriptions") == [{"user_id": user_id(app, "coach")}]


def test_unsubscribe_removes_only_your_own(app, client):
    sign_in(client, "bewoner")
    subscribe(client)
    subscribe(client, endpoint=ENDPOINT + "-2")
    other = app.test_client()
    sign_in(other, "bewoner2")
    assert unsubscribe(other).status_code == 200
    assert count(app, "push_subscriptions") == 2
    assert unsubscribe(client).status_code == 200
    assert [row["endpoint"] for row in query(app, "SELECT endpoint FROM push_subscriptions")] == [ENDPOINT + "-2"]
    assert unsubscribe(client).status_code == 200  # twice is harmless


def test_push_needs_a_login(reader_app, reader):
    response = subscribe(reader)
    assert response.status_code == 303
    assert "/login" in response.headers["Location"]
    assert count(reader_app, "push_subscriptions") == 0


def test_push_needs_a_csrf_token(reader_app, reader):
    sign_in(reader, "bewoner")
    assert subscribe(reader, token=False).status_code == 400
    response = reader.post("/push/subscriptions/delete", json={"endpoint": ENDPOINT})
    assert response.status_code == 400
    assert count(reader_app, "push_subscriptions") == 0


@pytest.mark.parametrize(
    "change",
    [
        {"endpoint": "http://fcm.googleapis.com/fcm/send/abc"},  # not https
        {"endpoint": "https://127.0.0.1:8080/admin"},  # not a push service
        {"endpoint": "https://intranet.gemeente.local/push"},
        {"endpoint": "https://fcm.googleapis.com.evil.example/x"},
        {"endpoint": "https://user:pw@fcm.googleapis.com/x"},
        {"endpoint": "https://fcm.googleapis.com:8443/fcm/send/abc"},  # not the service's port
        {"endpoint": "javascript:alert(1)"},
        {"endpoint": "https://fcm.googleapis.com/" + "x" * 2000},
        {"endpoint": 12},
        {"endpoint": None},
        {"p256dh": "short"},
        {"p256dh": "<script>alert(1)</script>"},
        {"p256dh": AUTH},
        {"auth": P256DH},
        {"auth": ""},
        {"auth": ["list"]},
    ],
)
def test_bad_subscriptions_are_refused(reader_app, reader, change):
    sign_in(reader, "bewoner")
    values = {"endpoint": ENDPOINT, "p256dh": P256DH, "auth": AUTH, **change}
    response = subscribe(reader, **values)
    assert response.status_code == 400
    assert response.get_json()["message"]
    assert count(reader_app, "push_subscriptions") == 0


def test_another_port_of_a_push_service_is_refused_with_a_message(app, client):
    sign_in(client, "bewoner")
    response = subscribe(client, endpoint="https://fcm.googleapis.com:8443/fcm/send/abc")
    assert response.status_code == 400
    message = t(app, "This browser cannot get notifications from Basisbaan.").replace("&#39;", "'")
    assert response.get_json() == {"ok": False, "message": message}
    assert count(app, "push_subscriptions") == 0


@pytest.mark.parametrize("body", ["", "not json", "[]", '{"endpoint": "x"}', '{"keys": "x"}', "null"])
def test_broken_json_is_refused(reader_app, reader, body):
    sign_in(reader, "bewoner")
    assert subscribe(reader, body=body).status_code == 400
    assert count(reader_app, "push_subscriptions") == 0


def test_old_phones_make_room(app, client):
    app.config["PUSH_SUBSCRIPTIONS_PER_USER"] = 3
    sign_in(client, "bewoner")
    for number in range(5):
        subscribe(client, endpoint=f"{ENDPOINT}-{number}")
    kept = [row["endpoint"] for row in query(app, "SELECT endpoint FROM push_subscriptions ORDER BY id")]
    assert kept == [f"{ENDPOINT}-{number}" for number in (2, 3, 4)]


def test_deleting_the_account_deletes_its_subscriptions(app, client):
    sign_in(client, "bewoner")
    subscribe(client)
    post_form(client, "/profile/delete", {"sure": "y"})
    assert count(app, "push_subscriptions") == 0


def test_export_names_the_push_service_but_not_the_address(client):
    sign_in(client, "bewoner")
    subscribe(client)
    data = json.loads(client.get("/profile/export").get_data(as_text=True))
    assert [item["service"] for item in data["push_subscriptions"]] == ["fcm.googleapis.com"]
    assert ENDPOINT not in json.dumps(data)


def test_settings_show_the_push_section_to_people_logged_in(reader):
    assert "data-push-key" not in page(reader.get("/settings"))
    sign_in(reader, "coach")
    body = page(reader.get("/settings"))
    key = re.search(r'data-push-key="([^"]+)"', body).group(1)
    assert len(key) == 87  # 65 bytes, base64url without padding
    # Without JavaScript the text that the in-app list still works is shown.
    assert re.search(r'<p data-push-state="none">', body)
    assert re.search(r'data-push-action="on" hidden', body)


# --- ETag and 304 ------------------------------------------------------------------------------------


def etag_of(client, path, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code == 200
    return response.headers["ETag"]


@pytest.mark.parametrize("who", [None, "bewoner"])
@pytest.mark.parametrize("path", ["/", "/jobs", f"/jobs/{DEMO_INTEREST_JOB}", "/settings"])
def test_an_unchanged_page_answers_304(reader, who, path):
    sign_in(reader, who)
    first = reader.get(path)
    etag = first.headers["ETag"]
    assert etag.startswith('W/"')
    assert first.headers["Cache-Control"] == "private, no-cache"
    again = reader.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.get_data() == b""
    assert again.headers["ETag"] == etag


def test_etag_ignores_tokens_and_time_but_not_content(app, client):
    sign_in(client, "bewoner")
    first = etag_of(client, "/interests")
    assert etag_of(client, "/interests") == first
    post_form(client, f"/jobs/{DEMO_INTEREST_JOB}/interest/withdraw", token_from="/interests")
    assert etag_of(client, "/interests") != first


def test_etag_differs_between_sessions(app):
    one, two = app.test_client(), app.test_client()
    sign_in(one, "bewoner")
    sign_in(two, "bewoner")
    # Same page, same person, but tokens that belong to another session.
    assert etag_of(one, "/jobs") != etag_of(two, "/jobs")


def test_a_new_session_never_gets_a_304_for_an_old_copy(app, client):
    sign_in(client, "bewoner")
    etag = etag_of(client, "/jobs")
    with client.session_transaction() as session:
        session.pop("csrf_token")  # as after logging out and in again
    assert client.get("/jobs", headers={"If-None-Match": etag}).status_code == 200


def test_htmx_partial_has_its_own_etag_and_still_varies(reader):
    full = reader.get("/jobs")
    partial = reader.get("/jobs", headers={"HX-Request": "true"})
    assert full.headers["ETag"] != partial.headers["ETag"]
    assert "HX-Request" in partial.headers["Vary"] and "HX-Request" in full.headers["Vary"]
    assert "<html" not in page(partial)
    again = reader.get("/jobs", headers={"HX-Request": "true", "If-None-Match": partial.headers["ETag"]})
    assert again.status_code == 304
    assert reader.get("/jobs", headers={"If-None-Match": partial.headers["ETag"]}).status_code == 200


@pytest.mark.parametrize("path", ["/login", "/signup", "/activate"])
def test_password_pages_are_never_stored(reader, path):
    response = reader.get(path)
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "ETag" not in response.headers


def test_errors_and_posts_get_no_etag(reader):
    assert "ETag" not in reader.get("/no-such-page").headers
    sign_in(reader, "bewoner")
    response = post_form(reader, "/notifications/read")
    assert "ETag" not in response.headers


def test_a_views_own_etag_is_kept(app):
    from flask import make_response

    def poll():
        response = make_response("<p>nothing new</p>")
        response.set_etag("poll-7")
        return response

    app.add_url_rule("/test-poll", "test_poll", poll)
    response = app.test_client().get("/test-poll")
    assert response.headers["ETag"] == '"poll-7"'


def test_manifest_and_worker_answer_304(reader):
    for path in ("/manifest.webmanifest", "/sw.js", "/offline"):
        etag = reader.get(path).headers["ETag"]
        assert reader.get(path, headers={"If-None-Match": etag}).status_code == 304, path


def test_pages_say_their_language(reader):
    assert reader.get("/jobs?lang=en&plain=1").headers["Content-Language"] == "en-x-plain"
    assert reader.get("/jobs?lang=nl&plain=0").headers["Content-Language"] == "nl"


def test_scripts_and_styles_skip_the_page_policies_but_keep_nosniff(reader):
    body = page(reader.get("/settings"))
    for url in re.findall(r'(?:src|href)="(/static/[^"#]+)"', body):
        headers = reader.get(url).headers
        assert headers["X-Content-Type-Options"] == "nosniff", url
        assert "Content-Disposition" not in headers, url
        if url.split("?")[0].endswith(".svg"):
            assert "script-src 'self'" in headers["Content-Security-Policy"], url
        else:
            assert "Content-Security-Policy" not in headers, url
    assert "Content-Security-Policy" in reader.get("/sw.js").headers


def test_a_304_and_the_manifest_skip_the_page_policies(reader):
    first = reader.get("/jobs")
    assert "Content-Security-Policy" in first.headers
    again = reader.get("/jobs", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    # The browser keeps the policies of the copy the 304 confirms.
    assert "Content-Security-Policy" not in again.headers
    assert "Permissions-Policy" not in again.headers
    assert again.headers["X-Content-Type-Options"] == "nosniff"
    manifest = reader.get("/manifest.webmanifest")
    assert manifest.status_code == 200
    assert "Content-Security-Policy" not in manifest.headers


def test_csp_allows_the_worker_and_manifest_from_here_only(reader):
    policy = reader.get("/").headers["Content-Security-Policy"]
    assert "worker-src 'self'" in policy and "manifest-src 'self'" in policy
    assert "script-src 'self';" in policy


# --- logging out leaves a mark for the clean-up ---------------------------------------------------------------


def test_the_page_after_logging_out_names_whose_copies_to_wipe(app, client):
    sign_in(client, "bewoner")
    response = post_form(client, "/logout", follow_redirects=True)
    body = page(response)
    assert f'data-logged-out="{user_id(app, "bewoner")}"' in body
    assert 'data-user=""' in body
    # Only once.
    assert "data-logged-out" not in page(client.get("/"))


def test_pages_say_who_reads_them(app, client):
    sign_in(client, "bewoner")
    body = page(client.get("/jobs"))
    assert f'data-user="{user_id(app, "bewoner")}"' in body
    assert re.search(r'data-rendered="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"', body)


def test_the_scripts_texts_follow_each_readers_language(app, client):
    # They are made once per language and kept: the kept copy must be the
    # reader's own, not the one made for whoever came first.
    seen = {}
    for lang, plain in (("nl", 0), ("en", 0), ("nl", 1), ("en", 1), ("nl", 0)):
        body = page(client.get(f"/jobs?lang={lang}&plain={plain}"))
        texts = re.search(r'<template id="pwa-texts".*?</template>', body, re.S).group(0)
        assert t(app, "Read the questions and comments aloud", lang, bool(plain)) in texts
        seen.setdefault((lang, plain), texts)
    assert len(set(seen.values())) == 4
