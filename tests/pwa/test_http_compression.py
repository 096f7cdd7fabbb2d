"""Fewer bytes on prepaid data: the app compresses text itself (Flask-Compress),
however it is served, and each coding of a page has its own ETag.

The test client sends no Accept-Encoding unless a test says so, like a client
that only takes the plain bytes.
"""

import gzip
import json
import re

import brotli
import pytest
from http_support import CSRF, DEMO_INTEREST_JOB, OTHER_JOB, post_form, scalar, sign_in, user_id
from itsdangerous import TimestampSigner

CHROMIUM = "gzip, deflate, br, zstd"
# What differs between two renders of the same page: its tokens and the second it was made.
TOKENS = re.compile(rb'(?:name="csrf_token" value=|data-rendered=)"[^"]*"')


def decoded(response):
    body = response.get_data()
    coding = response.headers.get("Content-Encoding")
    if coding == "gzip":
        return gzip.decompress(body)
    if coding == "br":
        return brotli.decompress(body)
    assert coding is None, coding
    return body


def etag_in(client, path, coding):
    return client.get(path, headers={"Accept-Encoding": coding}).headers["ETag"]


def without_tokens(body):
    return TOKENS.sub(b"", body)


@pytest.mark.parametrize(
    ("accept", "coding"),
    [
        ("gzip", "gzip"),
        ("gzip, deflate", "gzip"),
        ("br", "br"),
        (CHROMIUM, "br"),  # brotli first: the smallest of the two
        ("br;q=0.5, gzip", "gzip"),
        ("", None),
        ("identity", None),
    ],
)
def test_a_page_is_compressed_as_the_client_accepts(reader, accept, coding):
    sign_in(reader, "bewoner")
    plain = reader.get("/jobs")
    response = reader.get("/jobs", headers={"Accept-Encoding": accept})
    assert response.status_code == 200
    assert response.headers.get("Content-Encoding") == coding
    assert "Accept-Encoding" in response.headers["Vary"]
    assert "HX-Request" in response.headers["Vary"]
    assert int(response.headers["Content-Length"]) == len(response.get_data())
    # The same page, whatever the coding (only the tokens and the time it was made are new).
    assert without_tokens(decoded(response)) == without_tokens(plain.get_data())
    if coding:
        assert len(response.get_data()) < len(plain.get_data()) / 3


def test_the_plain_answer_still_says_it_varies(reader):
    response = reader.get("/jobs")
    assert "Content-Encoding" not in response.headers
    assert "Accept-Encoding" in response.headers["Vary"]


def test_each_coding_has_its_own_etag(reader):
    sign_in(reader, "bewoner")
    tags = {
        coding: reader.get("/jobs", headers={"Accept-Encoding": coding}).headers["ETag"]
        for coding in ("identity", "gzip", "br")
    }
    assert len(set(tags.values())) == 3
    assert all(tag.startswith('W/"') for tag in tags.values())
    # The page's own tag, with the coding after it: the same page, other bytes.
    assert tags["gzip"] == tags["identity"][:-1] + ':gzip"'
    assert tags["br"] == tags["identity"][:-1] + ':br"'


@pytest.mark.parametrize(("stored", "asked"), [("br", "identity"), ("identity", "br"), ("gzip", "br")])
def test_a_copy_in_one_coding_never_validates_another(reader, stored, asked):
    sign_in(reader, "bewoner")
    etag = reader.get("/jobs", headers={"Accept-Encoding": stored}).headers["ETag"]
    again = reader.get("/jobs", headers={"Accept-Encoding": asked, "If-None-Match": etag})
    assert again.status_code == 200
    assert again.get_data()


@pytest.mark.parametrize("accept", ["", "gzip", CHROMIUM])
def test_an_unchanged_page_with_a_csrf_form_answers_304_in_its_coding(reader, monkeypatch, accept):
    sign_in(reader, "bewoner2")
    path = f"/jobs/{OTHER_JOB}"
    # Flask-WTF signs a token with the time in seconds: two renderings a minute apart.
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: 1_800_000_000)
    first = reader.get(path, headers={"Accept-Encoding": accept})
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: 1_800_000_060)
    second = reader.get(path, headers={"Accept-Encoding": accept})
    # A new CSRF token in every rendering, yet the same tag.
    assert CSRF.search(decoded(first).decode())[1] != CSRF.search(decoded(second).decode())[1]
    assert first.headers["ETag"] == second.headers["ETag"]
    again = reader.get(path, headers={"Accept-Encoding": accept, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.get_data() == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    assert "Accept-Encoding" in again.headers["Vary"]


def test_a_changed_page_gets_a_new_etag_in_every_coding(app, client):
    sign_in(client, "bewoner2")
    path = f"/jobs/{OTHER_JOB}"
    before = {
        coding: client.get(path, headers={"Accept-Encoding": coding}).headers["ETag"] for coding in ("", "br")
    }
    response = post_form(client, f"{path}/interest", {"message": "Ik wil graag"}, token_from=path)
    assert response.status_code in (200, 303)
    for coding, etag in before.items():
        after = client.get(path, headers={"Accept-Encoding": coding, "If-None-Match": etag})
        assert after.status_code == 200
        assert after.headers["ETag"] != etag


@pytest.mark.parametrize("path", ["/login", "/signup", "/activate", "/profile/data"])
def test_a_no_store_page_is_compressed_but_never_304(reader, path):
    if path == "/profile/data":
        sign_in(reader, "bewoner")
    response = reader.get(path, headers={"Accept-Encoding": CHROMIUM, "If-None-Match": "*"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "ETag" not in response.headers
    assert response.headers["Content-Encoding"] == "br"
    assert b"</html>" in decoded(response)


def test_tiny_answers_and_images_go_as_they_are(reader):
    for path in ("/healthz", "/static/icons/icon-192.png", "/static/favicon.svg"):
        response = reader.get(path, headers={"Accept-Encoding": CHROMIUM})
        assert response.status_code == 200, path
        assert "Content-Encoding" not in response.headers, path


@pytest.mark.parametrize("path", ["/static/css/app.css", "/static/js/htmx-2.0.11.min.js", "/static/icons.svg"])
def test_static_files_are_compressed_with_their_own_etag_and_304(reader, path):
    plain = reader.get(path)
    response = reader.get(path, headers={"Accept-Encoding": CHROMIUM})
    assert response.headers["Content-Encoding"] == "br"
    assert decoded(response) == plain.get_data()
    assert response.headers["ETag"] != plain.headers["ETag"]
    assert "Accept-Encoding" in response.headers["Vary"]
    again = reader.get(path, headers={"Accept-Encoding": CHROMIUM, "If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    assert again.headers["ETag"] == response.headers["ETag"]


def test_the_service_worker_and_manifest_are_compressed_and_answer_304(reader):
    for path in ("/sw.js", "/manifest.webmanifest", "/offline"):
        response = reader.get(path, headers={"Accept-Encoding": "gzip"})
        assert response.headers["Content-Encoding"] == "gzip", path
        assert response.headers["ETag"].endswith(':gzip"'), path
        plain = reader.get(path)
        assert decoded(response) == plain.get_data() or path == "/offline"
        again = reader.get(path, headers={"Accept-Encoding": "gzip", "If-None-Match": response.headers["ETag"]})
        assert again.status_code == 304, path


def test_the_data_download_still_downloads(app, client):
    sign_in(client, "bewoner")
    response = client.get("/profile/export", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(decoded(response))
    assert json.dumps(data) == json.dumps(json.loads(client.get("/profile/export").get_data()))


def test_the_calendar_file_still_downloads(app, client):
    resident = user_id(app, "bewoner")
    appointment = scalar(app, "SELECT id FROM appointments WHERE resident_id = ? ORDER BY id LIMIT 1", (resident,))
    sign_in(client, "bewoner")
    response = client.get(f"/appointments/{appointment}.ics", headers={"Accept-Encoding": CHROMIUM})
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    assert decoded(response).startswith(b"BEGIN:VCALENDAR")


def test_the_interest_job_page_is_compressed_for_a_resident_too(reader):
    sign_in(reader, "bewoner")
    response = reader.get(f"/jobs/{DEMO_INTEREST_JOB}", headers={"Accept-Encoding": "br"})
    assert response.headers["Content-Encoding"] == "br"
    assert b"</html>" in decoded(response)


def test_compression_can_be_left_to_a_proxy(make_app):
    # BASISBAAN_COMPRESS_MIMETYPES= (empty), for a deployment that rules out BREACH in a proxy.
    client = make_app(COMPRESS_MIMETYPES=[]).test_client()
    for path in ("/login", "/offline", "/static/css/app.css"):
        response = client.get(path, headers={"Accept-Encoding": CHROMIUM})
        assert response.status_code == 200, path
        assert "Content-Encoding" not in response.headers, path
    assert ":" not in client.get("/offline", headers={"Accept-Encoding": CHROMIUM}).headers["ETag"]
