"""The rules of login sessions: when one has ended, when "last used" is written, device names."""

from datetime import UTC, datetime, timedelta

import pytest

from webapp.domain import sessions as rules

NOW = datetime(2026, 3, 10, 14, 2, tzinfo=UTC)
IDLE = timedelta(hours=12)
REMEMBERED = timedelta(days=90)


@pytest.mark.parametrize(
    ("idle_for", "remember", "ended"),
    [
        (timedelta(minutes=1), False, False),
        (timedelta(hours=12), False, False),
        (timedelta(hours=12, seconds=1), False, True),
        (timedelta(hours=13), True, False),
        (timedelta(days=90), True, False),
        (timedelta(days=90, seconds=1), True, True),
    ],
)
def test_a_session_ends_after_its_idle_time(idle_for, remember, ended):
    assert rules.has_ended(NOW - idle_for, remember, NOW, IDLE, REMEMBERED) is ended


@pytest.mark.parametrize(
    ("ago", "write"),
    [
        (timedelta(0), False),
        (timedelta(minutes=4, seconds=59), False),
        (timedelta(minutes=5), True),
        (timedelta(days=2), True),
        (-timedelta(seconds=30), False),  # clocks of two workers differ a little
        (-timedelta(hours=1), True),  # a clock that went back heals
    ],
)
def test_last_used_is_written_at_most_every_few_minutes(ago, write):
    assert rules.worth_writing(NOW - ago, NOW, timedelta(minutes=5)) is write


@pytest.mark.parametrize(
    ("family", "name"),
    [
        ("Chrome Mobile", "Chrome"),
        ("Mobile Safari", "Safari"),
        ("Firefox iOS", "Firefox"),
        ("Samsung Internet", "Samsung Internet"),
        ("Edge", "Edge"),
        ("Other", ""),
        ("", ""),
        (None, ""),
        ("x" * 100, "x" * rules.NAME_LENGTH),
    ],
)
def test_browser_names_are_the_ones_people_know(family, name):
    assert rules.browser_name(family) == name


@pytest.mark.parametrize(
    ("os_family", "device_family", "user_agent", "system", "kind"),
    [
        (
            "Android",
            "K",
            "Mozilla/5.0 (Linux; Android 10; K) Chrome/124.0 Mobile Safari/537.36",
            "Android",
            "phone",
        ),
        (
            "Android",
            "SM-X200",
            "Mozilla/5.0 (Linux; Android 13; SM-X200) Chrome/124.0 Safari/537.36",
            "Android",
            "tablet",
        ),
        ("iOS", "iPhone", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)", "iPhone", "phone"),
        ("iOS", "iPad", "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X)", "iPad", "tablet"),
        ("Mac OS X", "Mac", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)", "Mac", "computer"),
        ("Windows", "Other", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "Windows", "computer"),
        ("Ubuntu", "Other", "Mozilla/5.0 (X11; Ubuntu; Linux x86_64)", "Linux", "computer"),
        ("Other", "Other", "curl/8.0", "", ""),
        ("KaiOS", "Other", "Mozilla/5.0 (Mobile; rv:48.0) KaiOS/2.5", "KaiOS", ""),
    ],
)
def test_a_device_is_named_by_its_system_and_kind(os_family, device_family, user_agent, system, kind):
    assert rules.system_name(os_family, device_family) == system
    assert rules.device_kind(system, user_agent) == kind
