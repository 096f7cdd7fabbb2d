"""Shared fixtures (in the style of Flask's tutorial): app, client, auth.

Every test gets its own instance folder and database with the small demo
data set. Browser tests add a live server (see ``live_server``).
"""

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from webapp import create_app
from webapp.config import TestConfig
from webapp.db import connect
from webapp.seed import demo

ROOT = Path(__file__).resolve().parent.parent
DEMO_PASSWORD = demo.DEMO_PASSWORD


def pytest_sessionstart(session):
    """Compile the catalogs once, so every test sees the translations."""
    subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "babel.messages.frontend", "compile", "-d",
         str(ROOT / "translations")],
        check=True, capture_output=True,
    )  # fmt: skip


def _config(instance, **extra):
    config = {
        key: getattr(TestConfig, key) for key in dir(TestConfig) if key.isupper()
    }
    config["DATABASE"] = str(instance / "basisbaan.db")
    config.update(extra)
    return config


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory):
    """A seeded database made once per session and copied per test (fast)."""
    folder = tmp_path_factory.mktemp("template")
    app = create_app(_config(folder))
    with app.app_context():
        db = connect(app.config["DATABASE"])
        demo.seed_small(db)
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
    return folder / "basisbaan.db"


@pytest.fixture
def make_app(tmp_path, seeded_template, monkeypatch):
    """Build an app on a fresh copy of the demo database; extra config allowed."""
    monkeypatch.setenv("BASISBAAN_INSTANCE", str(tmp_path))

    def factory(seed=True, **extra):
        if seed:
            shutil.copy(seeded_template, tmp_path / "basisbaan.db")
        return create_app(_config(tmp_path, **extra))

    return factory


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app):
    connection = connect(app.config["DATABASE"])
    yield connection
    connection.close()


class AuthActions:
    """Log in and out through the real forms, CSRF token included."""

    def __init__(self, client):
        self._client = client

    def csrf_token(self, path="/login"):
        import re

        page = self._client.get(path).get_data(as_text=True)
        match = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def login(self, username="bewoner", password=DEMO_PASSWORD, remember=False):
        data = {"username": username, "password": password, "csrf_token": self.csrf_token()}
        if remember:
            data["remember"] = "y"
        return self._client.post("/login", data=data)

    def logout(self):
        return self._client.post("/logout", data={"csrf_token": self.csrf_token("/settings")})


@pytest.fixture
def auth(client):
    return AuthActions(client)


# --- live server for browser tests ------------------------------------------


class LiveServer:
    def __init__(self, app):
        self.app = app
        self.requests = []
        self._server = make_server("127.0.0.1", 0, self._counting(app), threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _counting(self, app):
        def wsgi(environ, start_response):
            self.requests.append(environ.get("PATH_INFO", ""))
            return app(environ, start_response)

        return wsgi

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._thread.join(timeout=5)


@pytest.fixture
def live_server(make_app):
    server = LiveServer(make_app()).start()
    yield server
    server.stop()


CHROMIUM = os.environ.get("BASISBAAN_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
        ],
    }  # fmt: skip


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 3,
        "is_mobile": True,
        "has_touch": True,
        "locale": "nl-NL",
    }


@pytest.fixture(scope="session")
def shared_live_server(tmp_path_factory, seeded_template):
    """One live server for the whole session, for checks that only look.

    The accessibility, layout and HTML checks visit some 60 pages; a server
    and a database per page would be slow. Use ``live_server`` for anything
    that changes data.
    """
    folder = tmp_path_factory.mktemp("shared")
    shutil.copy(seeded_template, folder / "basisbaan.db")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BASISBAAN_INSTANCE", str(folder))
        app = create_app(_config(folder))
    server = LiveServer(app).start()
    yield server
    server.stop()


# --- a real multi-worker server, for concurrency tests ---------------------


class GunicornServer:
    """gunicorn with several workers on a copy of the demo database."""

    def __init__(self, folder, database, workers=3, prepare=None, **config):
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.folder = folder
        shutil.copy(database, folder / "basisbaan.db")
        if prepare is not None:  # add test data to the copy before any worker starts
            prepare(folder / "basisbaan.db")
        env = {**os.environ, "BASISBAAN_INSTANCE": str(folder),
               "BASISBAAN_SECRET_KEY": "concurrency-test-secret",
               "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}  # fmt: skip
        # Limits are raised on purpose: these tests send many requests from one address.
        for name in ("LOGIN_LIMIT_PER_ACCOUNT", "LOGIN_LIMIT_PER_ADDRESS",
                     "ACTIVATE_LIMIT_PER_ADDRESS", "SIGNUP_LIMIT_PER_ADDRESS"):  # fmt: skip
            env[f"BASISBAAN_{name}"] = "100000 per minute"
        for name, value in config.items():
            env[f"BASISBAAN_{name}"] = str(value)
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(  # noqa: S603
            [str(gunicorn), "--preload", "--workers", str(workers), "--bind",
             f"127.0.0.1:{self.port}", "--no-control-socket", "--log-level", "warning",
             "webapp:create_app()"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        self._wait()

    def _wait(self):
        import time
        import urllib.request

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as answer:  # noqa: S310
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    @property
    def database(self):
        return self.folder / "basisbaan.db"

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def gunicorn_server(tmp_path_factory, seeded_template):
    """Start gunicorn(workers=3, prepare=None, **config) on a fresh demo database; stopped
    afterwards. ``prepare(path)`` may add data to the database before the server starts."""
    servers = []

    def start(workers=3, prepare=None, **config):
        server = GunicornServer(tmp_path_factory.mktemp("gunicorn"), seeded_template, workers,
                                prepare, **config)  # fmt: skip
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
