"""A real OpenID provider for the tests: panva/oidc-provider (npm), run by
node on 127.0.0.1 for the test session (see oidc_op/server.mjs), and a
helper that logs in through it the way a browser would."""

import json
import os
import re
import shutil
import socket
import subprocess
import time
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests

HERE = Path(__file__).parent / "oidc_op"
CALLBACK = "http://localhost/login/oidc/callback"  # the Flask test client's address
POSTCODES = {"alice": "1011 AB", "bob": "1011 XY", "carol": "9999 ZZ", "dave": ""}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def openid_provider():
    """The issuer address of a running oidc-provider; installed with npm on first use."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        # Never a skip: a login nobody tested would pass unseen (.ci/test installs them from Debian).
        pytest.fail("node and npm are needed to run the OpenID provider: apt-get install nodejs npm")
    if not (HERE / "node_modules" / "oidc-provider").exists():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True, timeout=300)  # noqa: S603
    port = _free_port()
    env = dict(
        os.environ,
        OP_PORT=str(port),
        OP_REDIRECT_URIS=CALLBACK,
        OP_POSTCODES=json.dumps({name: code for name, code in POSTCODES.items() if code}),
    )
    process = subprocess.Popen(  # noqa: S603
        [node, "server.mjs"], cwd=HERE, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    issuer = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("ready"):
            break
        if process.poll() is not None:
            pytest.fail("the OpenID provider did not start")
    else:
        process.kill()
        pytest.fail("the OpenID provider did not start in 30 s")
    try:
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=10)


def oidc_settings(issuer, client_id="basisbaan"):
    return {
        "OIDC_ISSUER": issuer,
        "OIDC_CLIENT_ID": client_id,
        "OIDC_CLIENT_SECRET": "test-secret",
        "OIDC_SCOPE": "openid postcode",
        "OIDC_BUURT_CLAIM": "postal_code",
    }


def _form(html):
    action = re.search(r'<form[^>]*action="([^"]+)"', html).group(1)
    fields = dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html))
    return unescape(action), fields


def provider_login(client, login):
    """Start at /login/oidc with the Flask test client, log in and consent at the
    real provider (its own forms, over HTTP), and return the callback path with
    its query, not yet opened."""
    start = client.get("/login/oidc")
    assert start.status_code == 302, start.status_code
    browser = requests.Session()
    url = start.headers["Location"]
    for _step in range(12):
        answer = browser.get(url, allow_redirects=False, timeout=10)
        while answer.is_redirect:
            url = urljoin(url, answer.headers["Location"])
            if url.startswith(CALLBACK):
                parts = urlsplit(url)
                return f"{parts.path}?{parts.query}"
            answer = browser.get(url, allow_redirects=False, timeout=10)
        action, fields = _form(answer.text)
        if fields.get("prompt") == "login":
            fields.update(login=login, password="any")
        answer = browser.post(urljoin(url, action), data=fields, allow_redirects=False, timeout=10)
        assert answer.is_redirect, answer.text[:500]
        url = urljoin(url, answer.headers["Location"])
        if url.startswith(CALLBACK):
            parts = urlsplit(url)
            return f"{parts.path}?{parts.query}"
    raise AssertionError("the provider never sent us back")
