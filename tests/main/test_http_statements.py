"""The statements the law asks for: /privacy, /accessibility and
/.well-known/security.txt. Every sentence is a promise the app keeps: the
links on the pages open, the periods follow the settings, nothing is claimed
before the municipality fills it in, and every check the accessibility
statement names really runs in tests/browser."""

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from http_support import nt, page, sign_in, t

from webapp.domain.objections import CONTACT_KEPT_DAYS
from webapp.main.statements import CHECKS

BROWSER_TESTS = Path(__file__).resolve().parents[1] / "browser"
VARIANTS = [("nl", False), ("nl", True), ("en", False), ("en", True)]


def main_part(html):
    found = re.search(r'<main id="main"[^>]*>(.*?)</main>', html, re.S)
    assert found, "the page has no <main>"
    return found.group(1)


def footer(html):
    return re.search(r'<footer class="site-footer">(.*?)</footer>', html, re.S).group(1)


def own_links(html):
    return sorted({href for href in re.findall(r'href="(/[^"]*)"', main_part(html))})


# --- links to the statements -------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/jobs", "/proposals", "/login", "/help", "/no-such-page"])
def test_every_page_links_to_both_statements_in_its_footer(reader_app, path):
    html = page(reader_app.test_client().get(path))
    assert '<a href="/privacy">' in footer(html)
    assert '<a href="/accessibility">' in footer(html)


@pytest.mark.parametrize(
    ("who", "path"), [("bewoner", "/profile"), ("coach", "/caseload"), ("gemeente", "/gemeente")]
)
def test_the_footer_links_are_there_when_logged_in(reader_app, who, path):
    client = reader_app.test_client()
    sign_in(client, who)
    html = page(client.get(path))
    assert '<a href="/privacy">' in footer(html) and '<a href="/accessibility">' in footer(html)


@pytest.mark.parametrize("who", [None, "bewoner"])
def test_settings_links_to_the_privacy_page(reader_app, who):
    client = reader_app.test_client()
    if who:
        sign_in(client, who)
    assert '<a href="/privacy">' in main_part(page(client.get("/settings")))


# --- /privacy ------------------------------------------------------------------------


def test_the_privacy_page_is_public(reader_app):
    response = reader_app.test_client().get("/privacy")
    assert response.status_code == 200
    assert t(reader_app, "Privacy: your data in Basisbaan") in page(response)


def test_every_link_on_the_privacy_page_opens_for_a_resident(reader_app):
    client = reader_app.test_client()
    sign_in(client, "bewoner")
    links = own_links(page(client.get("/privacy")))
    wanted = {
        "/profile/data",
        "/profile/export",
        "/profile",
        "/coach#looked",
        "/settings/sessions",
        "/profile/delete",
    }
    assert wanted <= set(links)
    for link in links:
        assert client.get(link.split("#")[0]).status_code == 200, link


def test_who_looked_is_where_the_privacy_page_says(reader_app):
    client = reader_app.test_client()
    sign_in(client, "bewoner")
    assert 'id="looked"' in page(client.get("/coach"))


def test_the_retention_period_follows_the_setting(make_app):
    app = make_app(RETENTION_MONTHS=14)
    html = page(app.test_client().get("/privacy?lang=nl"))
    months = "If you do not use Basisbaan for %(num)d month, we remove your data."
    plural = "If you do not use Basisbaan for %(num)d months, we remove your data."
    assert nt(app, months, plural, 14) in html
    assert nt(app, months, plural, 26) not in html


def test_the_retention_period_is_26_months_by_default(reader_app):
    html = page(reader_app.test_client().get("/privacy?lang=nl"))
    months = reader_app.config.get("RETENTION_MONTHS", 26)
    assert months == 26
    assert (
        nt(
            reader_app,
            "If you do not use Basisbaan for %(num)d month, we remove your data.",
            "If you do not use Basisbaan for %(num)d months, we remove your data.",
            26,
        )
        in html
    )


def test_the_log_in_periods_follow_the_settings(make_app):
    app = make_app(SESSION_IDLE_MINUTES=120, REMEMBER_COOKIE_DURATION=timedelta(days=30))
    html = page(app.test_client().get("/privacy?lang=nl"))
    assert (
        nt(
            app,
            "You are logged out after %(num)d hour without using Basisbaan.",
            "You are logged out after %(num)d hours without using Basisbaan.",
            2,
        )
        in html
    )
    assert (
        nt(
            app,
            "Did you choose to stay logged in? Then after %(num)d day.",
            "Did you choose to stay logged in? Then after %(num)d days.",
            30,
        )
        in html
    )


def test_the_data_controller_is_the_municipality_named_in_the_settings(make_app, reader_app):
    app = make_app(MUNICIPALITY_NAME="Gemeente Lindeveld")
    html = page(app.test_client().get("/privacy?lang=nl"))
    assert (
        t(app, "%(municipality)s is responsible for your data in Basisbaan.", municipality="Gemeente Lindeveld")
        in html
    )
    unnamed = page(reader_app.test_client().get("/privacy?lang=nl"))
    assert t(reader_app, "Your municipality is responsible for your data in Basisbaan.") in unnamed


def test_the_privacy_officer_from_the_settings_or_else_the_help_page(make_app, reader_app):
    app = make_app(PRIVACY_CONTACT="privacy@lindeveld.nl")
    html = main_part(page(app.test_client().get("/privacy")))
    assert 'href="mailto:privacy@lindeveld.nl"' in html
    assert 'href="https://autoriteitpersoonsgegevens.nl"' in html
    without = main_part(page(reader_app.test_client().get("/privacy")))
    assert "mailto:" not in without and 'href="/help"' in without


# --- /accessibility ---------------------------------------------------------------------


def test_the_statement_says_not_yet_filled_in_rather_than_a_status(reader_app):
    html = page(reader_app.test_client().get("/accessibility?lang=nl"))
    assert (
        t(reader_app, "Not yet filled in by the municipality. It fills in the status after its own evaluation.")
        in html
    )
    assert t(reader_app, "Date of this statement: not yet filled in by the municipality.") in html
    for letter in "ABCDE":
        assert f"<strong>{letter}:" not in html


def test_the_statement_shows_the_municipalitys_status_date_and_contact(make_app):
    app = make_app(
        MUNICIPALITY_NAME="Gemeente Lindeveld",
        ACCESSIBILITY_STATUS="b",
        ACCESSIBILITY_DATE="2026-02-27",
        ACCESSIBILITY_REPORT="https://lindeveld.nl/onderzoek.pdf",
        ACCESSIBILITY_CONTACT="toegankelijk@lindeveld.nl",
    )
    html = page(app.test_client().get("/accessibility?lang=nl"))
    assert f"<strong>{t(app, 'B: complies partly')}</strong>" in html
    assert t(app, "Date of this statement: %(date)s.", date="27 februari 2026") in html
    assert 'href="https://lindeveld.nl/onderzoek.pdf"' in html
    assert 'href="mailto:toegankelijk@lindeveld.nl"' in html
    assert "Gemeente Lindeveld" in html
    assert (
        t(app, "Not yet filled in by the municipality. It fills in the status after its own evaluation.")
        not in html
    )


def test_a_status_that_is_no_letter_a_to_e_is_not_shown(make_app):
    app = make_app(ACCESSIBILITY_STATUS="AA", ACCESSIBILITY_DATE="gisteren")
    html = page(app.test_client().get("/accessibility?lang=nl"))
    assert t(app, "Date of this statement: not yet filled in by the municipality.") in html
    assert "<strong>A" not in html


def test_the_statement_lists_every_check_and_only_those(reader_app):
    html = main_part(page(reader_app.test_client().get("/accessibility?lang=en")))
    tests_part = re.search(r'<h2 id="tests">.*?<ul>(.*?)</ul>', html, re.S).group(1)
    assert len(re.findall(r"<li>", tests_part)) == len(CHECKS)


# What each check the statement names looks like in tests/browser: the test
# that runs it on the pages. A check added to CHECKS without a test fails here.
EVIDENCE = {
    "axe": [r"def test_axe\(", r"def assert_no_axe_violations\(", r'"viewport": \{"width": 390, "height": 844\}'],
    "reflow": [r"def test_no_horizontal_scroll_at_320px\(", r"def assert_no_horizontal_scroll\(page, width=320\)"],
    "targets": [r"def test_tap_targets\(", r"SMALL_TARGETS, 44\)"],
    "text": [
        r"def test_text_spacing_and_200_percent_text_at_320px\(",
        r'TEXT_200_PERCENT = "html \{ font-size: 200%',
    ],
    "html": [r"def test_html_is_valid\(", r"vnu\.jar", r"inline style or script"],
    "forced_colors": [
        r"forced_colors",
        r"def test_the_charts_bars_stand_out_in_forced_colours\(",
        r"def test_a_chosen_card_keeps_a_thick_frame_in_forced_colours\(",
        r"def test_the_jobs_icons_stay_visible_in_forced_colours\(",
    ],
}


def test_every_check_the_statement_claims_runs_in_the_browser_tests():
    assert set(CHECKS) == set(EVIDENCE)
    source = "\n".join(path.read_text(encoding="utf-8") for path in sorted(BROWSER_TESTS.glob("*.py")))
    missing = [
        (name, pattern)
        for name, patterns in EVIDENCE.items()
        for pattern in patterns
        if not re.search(pattern, source)
    ]
    assert missing == []


def test_the_axe_check_runs_in_dutch_and_plain_dutch_on_the_statement_pages():
    source = (BROWSER_TESTS / "test_accessibility.py").read_text(encoding="utf-8")
    assert 'VARIANTS = ("nl", "plain")' in source
    assert '"/privacy"' in source and '"/accessibility"' in source


# --- all four catalogs ------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "plain"), VARIANTS, ids=["nl", "nl-plain", "en", "en-plain"])
@pytest.mark.parametrize(
    ("path", "title"),
    [("/privacy", "Privacy: your data in Basisbaan"), ("/accessibility", "Accessibility statement")],
)
def test_the_statements_are_in_every_catalog(reader_app, path, title, lang, plain):
    html = page(reader_app.test_client().get(f"{path}?lang={lang}&plain={int(plain)}"))
    assert t(reader_app, title, lang=lang, plain=plain) in html
    if (lang, plain) != ("en", False):
        assert t(reader_app, title, lang=lang, plain=plain) != title or lang == "en"


# --- /.well-known/security.txt --------------------------------------------------------


def test_no_security_txt_until_a_contact_is_set(reader_app):
    assert reader_app.test_client().get("/.well-known/security.txt").status_code == 404


def test_security_txt_has_a_contact_and_expires_within_a_year(make_app):
    app = make_app(SECURITY_CONTACT="security@lindeveld.nl", SECURITY_TXT_DAYS=5000)
    response = app.test_client().get("/.well-known/security.txt", base_url="https://basisbaan.lindeveld.nl")
    assert response.status_code == 200
    assert response.content_type == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in page(response).splitlines())
    assert fields["Contact"] == "mailto:security@lindeveld.nl"
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    now = datetime.now(UTC)
    assert now < expires < now + timedelta(days=365)
    assert fields["Preferred-Languages"] == "nl, en"
    assert fields["Canonical"] == "https://basisbaan.lindeveld.nl/.well-known/security.txt"
    assert "Policy" not in fields


def test_security_txt_expires_the_days_the_setting_says(make_app):
    app = make_app(
        SECURITY_CONTACT="https://lindeveld.nl/kwetsbaarheid", SECURITY_POLICY="https://x.nl/SECURITY.md"
    )
    text = page(app.test_client().get("/.well-known/security.txt"))
    fields = dict(line.split(": ", 1) for line in text.splitlines())
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert abs(expires - (datetime.now(UTC) + timedelta(days=180))) < timedelta(minutes=5)
    assert fields["Contact"] == "https://lindeveld.nl/kwetsbaarheid"
    assert fields["Policy"] == "https://x.nl/SECURITY.md"


def test_security_md_names_how_to_report_and_security_txt():
    text = (Path(__file__).resolve().parents[2] / "SECURITY.md").read_text(encoding="utf-8")
    assert "## Reporting a vulnerability" in text
    assert "/.well-known/security.txt" in text and "SECURITY_CONTACT" in text


def test_the_privacy_page_says_how_long_an_objectors_contact_is_kept(reader_app):
    # The same number the daily retention run uses (tests/retention: 90 days after the answer).
    html = page(reader_app.test_client().get("/privacy?lang=nl"))
    assert (
        nt(
            reader_app,
            "We remove the e-mail address or phone number of an objection %(num)d day after the answer.",
            "We remove the e-mail address or phone number of an objection %(num)d days after the answer.",
            CONTACT_KEPT_DAYS,
        )
        in html
    )
