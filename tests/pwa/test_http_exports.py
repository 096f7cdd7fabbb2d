"""A person's data as a download is never kept: not by the browser, not by a
proxy, not by the service worker."""

import re

from http_support import page, sign_in, user_id

EXPORT_PAGES = ("/profile/export", "/caseload/<int:resident_id>/export")


def never_kept(reader):
    """The service worker's own rule (static/js/sw.js), as the phone gets it."""
    source = page(reader.get("/sw.js"))
    match = re.search(r"NEVER_KEPT\s*=\s*/(.+?)/;", source)
    assert match, "the worker has no rule for downloads"
    return re.compile(match.group(1).replace("\\/", "/"))


def test_your_own_data_is_no_store(reader):
    sign_in(reader, "bewoner")
    response = reader.get("/profile/export")
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]
    assert "ETag" not in response.headers


def test_a_residents_data_for_the_coach_is_no_store(reader_app, reader):
    sign_in(reader, "coach")
    response = reader.get(f"/caseload/{user_id(reader_app, 'bewoner')}/export")
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]
    assert "ETag" not in response.headers


def test_the_export_pages_are_the_ones_we_know(reader_app):
    exports = sorted(rule.rule for rule in reader_app.url_map.iter_rules() if "export" in rule.rule)
    assert exports == sorted(EXPORT_PAGES)


def test_the_worker_leaves_every_export_alone(reader):
    rule = never_kept(reader)
    for path in ("/profile/export", "/caseload/12/export"):
        assert rule.search(path), path
    for path in ("/profile", "/profile/data", "/caseload/12", "/messages", "/jobs/export-hulp"):
        assert not rule.search(path), path
