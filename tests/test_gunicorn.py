"""The app runs under gunicorn with several workers, as in production."""

import gzip
import http.cookiejar
import re
import urllib.parse
import urllib.request


def test_several_workers_share_one_database_and_secret(gunicorn_server):
    server = gunicorn_server(workers=3)
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(server.url + "/login").read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
    data = urllib.parse.urlencode(
        {"username": "bewoner", "password": "demo-wachtwoord", "csrf_token": token}
    ).encode()
    opener.open(server.url + "/login", data=data)
    # Whichever worker answers, the session cookie from another worker holds.
    for _ in range(12):
        page = opener.open(server.url + "/interests").read().decode()
        assert "/jobs/" in page


def test_a_bare_gunicorn_sends_compressed_pages_and_files(gunicorn_server):
    # No proxy in front: the app itself compresses (Flask-Compress) for a phone that accepts it.
    server = gunicorn_server(workers=1)
    opener = urllib.request.build_opener()
    opener.addheaders = [("Accept-Encoding", "gzip")]
    for path, marker in (("/login", b'name="csrf_token"'), ("/static/css/app.css", b"body")):
        with opener.open(server.url + path) as answer:
            assert answer.headers["Content-Encoding"] == "gzip", path
            assert "Accept-Encoding" in answer.headers["Vary"], path
            assert marker in gzip.decompress(answer.read()), path
