"""Shared fixtures (in the style of Flask's tutorial): app, client, auth.

Every test gets its own instance folder and database with the small demo
data set, copied from one made per session (per worker under pytest-xdist).
Tests that only look share one app per module (``reader_app``). Browser
fixtures are in ``browser/conftest.py``; helpers (not fixtures) in the
``*_support.py`` modules.
"""

import shutil
import subprocess
import sys

import jinja2
import pytest
from app_support import ROOT, GunicornServer, config_for

from webapp import create_app
from webapp.db import connect
from webapp.seed import demo

DEMO_PASSWORD = demo.DEMO_PASSWORD


def pytest_configure(config):
    """Compile the catalogs once, so every test sees the translations.

    Only in the process that starts the run: pytest-xdist's workers start
    after it and read the compiled files.
    """
    if hasattr(config, "workerinput"):
        return
    subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "babel.messages.frontend", "compile", "-d", str(ROOT / "translations")],
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="session")
def template_cache(tmp_path_factory):
    """Every test builds a new app; this shares the compiled templates.

    Jinja keys each entry by the template's name and checks its source's
    checksum, so a template edited while the tests run is compiled again.
    """
    return jinja2.FileSystemBytecodeCache(str(tmp_path_factory.mktemp("jinja")))


@pytest.fixture(scope="session")
def build_app(template_cache):
    """``create_app`` with the test settings and the shared template cache."""

    def build(instance, **extra):
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("BASISBAAN_INSTANCE", str(instance))
            app = create_app(config_for(instance, **extra))
        app.jinja_env.bytecode_cache = template_cache
        return app

    return build


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory, build_app):
    """A seeded database made once per session and copied per test (fast)."""
    folder = tmp_path_factory.mktemp("template")
    app = build_app(folder)
    with app.app_context():
        db = connect(app.config["DATABASE"])
        demo.seed_small(db)
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
    return folder / "basisbaan.db"


@pytest.fixture
def make_app(tmp_path, seeded_template, build_app, monkeypatch):
    """Build an app on a fresh copy of the demo database; extra config allowed."""
    monkeypatch.setenv("BASISBAAN_INSTANCE", str(tmp_path))

    def factory(seed=True, **extra):
        if seed:
            shutil.copy(seeded_template, tmp_path / "basisbaan.db")
        return build_app(tmp_path, **extra)

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


@pytest.fixture(scope="module")
def reader_app(tmp_path_factory, seeded_template, build_app):
    """One app per test module, for tests that only look (GET, refused POSTs).

    A refused request must store nothing; if one ever did, the tests that
    compare the tables before and after would still see it.
    """
    folder = tmp_path_factory.mktemp("reader")
    shutil.copy(seeded_template, folder / "basisbaan.db")
    return build_app(folder)


@pytest.fixture
def reader(reader_app):
    """A fresh browser (cookie jar) on the module's shared app."""
    return reader_app.test_client()


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


@pytest.fixture
def gunicorn_server(tmp_path_factory, seeded_template):
    """Start gunicorn(workers=3, prepare=None, **config) on a fresh demo database; stopped
    afterwards. ``prepare(database_path)`` runs on the copy before the server starts."""
    servers = []

    def start(workers=3, prepare=None, **config):
        server = GunicornServer(tmp_path_factory.mktemp("gunicorn"), seeded_template, workers, prepare, **config)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
