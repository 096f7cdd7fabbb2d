"""Settings from the environment: read by type, and refused when unknown or unreadable."""

import subprocess
import sys
from datetime import timedelta

import pytest
from app_support import ROOT

from webapp import create_app
from webapp.config import ConfigError, environment_settings


def env(**values):
    return {f"BASISBAAN_{name}": value for name, value in values.items()}


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("OPEN_SIGNUP", "0", False),
        ("OPEN_SIGNUP", "off", False),
        ("OPEN_SIGNUP", " Yes ", True),
        ("RATELIMIT_ENABLED", "0", False),  # not in Config: Flask-Limiter's, from the table
        ("RATELIMIT_ENABLED", "true", True),
        ("WTF_CSRF_ENABLED", "no", False),
        ("TRUSTED_PROXIES", "1", 1),
        ("MAX_CONTENT_LENGTH", "1048576", 1048576),
        ("COMPRESS_ALGORITHM", "gzip, br", ["gzip", "br"]),
        ("COMPRESS_MIMETYPES", "", []),  # empty: nothing compressed
        ("REMEMBER_COOKIE_DURATION", "30d", timedelta(days=30)),
        ("REMEMBER_COOKIE_DURATION", "3600", timedelta(hours=1)),
        ("PERMANENT_SESSION_LIFETIME", "12h", timedelta(hours=12)),
        ("WTF_CSRF_TIME_LIMIT", "", None),
        ("WTF_CSRF_TIME_LIMIT", "7200", 7200),
        ("HELP_PHONE", "14 020", "14 020"),
        ("LOGIN_LIMIT_PER_ACCOUNT", "5 per 15 minutes", "5 per 15 minutes"),
    ],
)
def test_a_setting_is_read_as_the_type_of_its_default(name, text, value):
    assert environment_settings(env(**{name: text})) == {name: value}


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("OPEN_SIGNUP", "maybe", "BASISBAAN_OPEN_SIGNUP='maybe' is not yes or no"),
        ("RATELIMIT_ENABLED", "", "BASISBAAN_RATELIMIT_ENABLED='' is not yes or no"),
        ("TRUSTED_PROXIES", "one", "BASISBAAN_TRUSTED_PROXIES='one' is not a whole number"),
        ("REMEMBER_COOKIE_DURATION", "90 days", "BASISBAAN_REMEMBER_COOKIE_DURATION='90 days' is not a duration"),
        ("WTF_CSRF_TIME_LIMIT", "never", "BASISBAAN_WTF_CSRF_TIME_LIMIT='never' is not a whole number, or empty"),
        (
            "OPEN_SIGNUPS",
            "0",
            "BASISBAAN_OPEN_SIGNUPS is not a setting Basisbaan knows. Did you mean BASISBAAN_OPEN_SIGNUP?",
        ),
        ("NOTHING_LIKE_IT", "1", "BASISBAAN_NOTHING_LIKE_IT is not a setting Basisbaan knows."),
    ],
)
def test_an_unknown_name_or_an_unreadable_value_is_refused_by_name(name, text, expected):
    with pytest.raises(ConfigError) as refused:
        environment_settings(env(**{name: text}))
    assert expected in refused.value.message


def test_every_problem_is_named_at_once():
    with pytest.raises(ConfigError) as refused:
        environment_settings(env(OPEN_SIGNUP="x", TRUSTED_PROXIES="y", COLOUR="z"))
    message = refused.value.message
    assert all(f"BASISBAAN_{name}" in message for name in ("OPEN_SIGNUP", "TRUSTED_PROXIES", "COLOUR"))


def test_variables_that_are_not_settings_are_allowed():
    assert environment_settings({"BASISBAAN_INSTANCE": "/srv", "BASISBAAN_CHROMIUM": "/bin/c", "HOME": "/"}) == {}


def test_create_app_stops_on_a_bad_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("BASISBAAN_INSTANCE", str(tmp_path))
    monkeypatch.setenv("BASISBAAN_RATELIMIT_ENABLED", "perhaps")
    with pytest.raises(ConfigError, match="BASISBAAN_RATELIMIT_ENABLED"):
        create_app()


def test_create_app_turns_the_limits_off_with_a_zero(monkeypatch, tmp_path):
    # "0" was a string, and a string is true: the limits stayed on.
    monkeypatch.setenv("BASISBAAN_INSTANCE", str(tmp_path))
    monkeypatch.setenv("BASISBAAN_SECRET_KEY", "test")
    monkeypatch.setenv("BASISBAAN_RATELIMIT_ENABLED", "0")
    monkeypatch.setenv("BASISBAAN_OPEN_SIGNUP", "0")
    app = create_app()
    assert app.config["RATELIMIT_ENABLED"] is False
    assert app.config["OPEN_SIGNUP"] is False


def test_the_command_line_says_which_variable_without_a_traceback(tmp_path):
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "flask", "--app", "webapp", "settings-table"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "BASISBAAN_INSTANCE": str(tmp_path), "BASISBAAN_TRUSTED_PROXIES": "two"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Error: " in result.stderr and "BASISBAAN_TRUSTED_PROXIES='two' is not a whole number" in result.stderr
    assert "Traceback" not in result.stderr
