"""The app runs under gunicorn with several workers, as in production."""

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
