"""Fixtures for the browser tests: Debian's Chromium as a phone, live servers."""

import os
import shutil

import pytest
from app_support import LiveServer
from browser_support import PageChecks

# Headless, and no calls home: this machine reaches no network but loopback.
CHROMIUM_FLAGS = (  # noqa: SIM905 - the flags as on a command line
    "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run"
).split()
CHROMIUM = os.environ.get("BASISBAAN_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_FLAGS,
    }


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
def shared_live_server(tmp_path_factory, seeded_template, build_app):
    """One live server for the whole session, for checks that only look.

    The accessibility, layout and HTML checks visit some 60 pages; a server
    and a database per page would be slow. Use ``live_server`` for anything
    that changes data.
    """
    folder = tmp_path_factory.mktemp("shared")
    shutil.copy(seeded_template, folder / "basisbaan.db")
    server = LiveServer(build_app(folder)).start()
    yield server
    server.stop()


@pytest.fixture
def live_server(make_app):
    server = LiveServer(make_app()).start()
    yield server
    server.stop()


def pytest_generate_tests(metafunc):
    """Run a suite's page checks (``PageChecks``) on every case in its ``PARAMS``.

    Class scope orders the tests case by case (axe, scroll, tap targets of one
    page, then the next), and the xdist group keeps a case's checks on one
    worker, so each worker opens the tabs of fewer people.
    """
    if metafunc.cls is not None and issubclass(metafunc.cls, PageChecks):
        grouped = [
            pytest.param(*param.values, id=param.id, marks=[*param.marks, pytest.mark.xdist_group(param.id)])
            for param in metafunc.module.PARAMS  # each a pytest.param with an id
        ]
        metafunc.parametrize(("case", "variant"), grouped, scope="class")
