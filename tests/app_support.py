"""The app as the tests build it: test settings, a live server, gunicorn.

Test-only settings live here, not in ``webapp/config.py``: production code
never sees them.
"""

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from werkzeug.serving import make_server

from webapp.config import Config

ROOT = Path(__file__).resolve().parent.parent

# The limits on successes (webapp/limits.py): tests that write much stay under them.
SUCCESS_LIMIT_SETTINGS = (
    "MESSAGE_LIMIT_PER_PERSON",
    "COACH_MESSAGE_LIMIT_PER_PERSON",
    "COMMENT_LIMIT_PER_PERSON",
    "PROPOSAL_LIMIT_PER_PERSON",
    "REPORT_LIMIT_PER_PERSON",
    "INTEREST_LIMIT_PER_PERSON",
    "PLAN_LIMIT_PER_PERSON",
    "APPOINTMENT_LIMIT_PER_PERSON",
    "SIGNUPS_PER_ADDRESS",
)

# What a test run changes in the production settings.
TEST_SETTINGS = {
    "TESTING": True,
    "SECRET_KEY": "test-only-secret",
    # Tests exercise the real limits only where they say so.
    "LOGIN_LIMIT_PER_ACCOUNT": "1000 per minute",
    "LOGIN_LIMIT_PER_ADDRESS": "1000 per minute",
    "LOGIN_LIMIT_PER_DEVICE": "1000 per minute",
    "ACTIVATE_LIMIT_PER_ADDRESS": "1000 per minute",
    "SIGNUP_LIMIT_PER_ADDRESS": "1000 per minute",
    **dict.fromkeys(SUCCESS_LIMIT_SETTINGS, "1000 per minute"),
    "PUSH_SYNC": True,  # send a push before the response returns
    "PUSH_INSECURE_HOSTS": "127.0.0.1",  # the stand-in push service speaks plain http
}


def config_for(instance, **extra):
    """The full settings for an app whose database lives in ``instance``."""
    config = {key: getattr(Config, key) for key in dir(Config) if key.isupper()}
    config.update(TEST_SETTINGS)
    config["DATABASE"] = str(instance / "basisbaan.db")
    config.update(extra)
    return config


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
        if prepare is not None:  # e.g. more users, before any worker opens the database
            prepare(folder / "basisbaan.db")
        env = {
            **os.environ,
            "BASISBAAN_INSTANCE": str(folder),
            "BASISBAAN_SECRET_KEY": "concurrency-test-secret",
            "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        }
        # Limits are raised on purpose: these tests send many requests from one address.
        for name in (
            "LOGIN_LIMIT_PER_ACCOUNT",
            "LOGIN_LIMIT_PER_ADDRESS",
            "LOGIN_LIMIT_PER_DEVICE",
            "ACTIVATE_LIMIT_PER_ADDRESS",
            "SIGNUP_LIMIT_PER_ADDRESS",
            *SUCCESS_LIMIT_SETTINGS,
        ):
            env[f"BASISBAAN_{name}"] = "100000 per minute"
        for name, value in config.items():
            env[f"BASISBAAN_{name}"] = str(value)
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(gunicorn),
                "--preload",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--no-control-socket",
                "--log-level",
                "warning",
                "webapp:create_app()",
            ],
            cwd=ROOT,
            env=env,
        )
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
