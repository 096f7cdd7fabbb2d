import pytest

from webapp.web import is_safe_next


@pytest.mark.parametrize("target", ["/jobs", "/jobs/3?x=1", "/profile/work#top"])
def test_paths_on_this_site_are_safe(target):
    assert is_safe_next(target)


@pytest.mark.parametrize(
    "target",
    [
        "",
        None,
        "jobs",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "/\r\nSet-Cookie: x=1",
        "\\\\evil.example",
        42,
    ],
)
def test_everything_else_is_not(target):
    assert not is_safe_next(target)
