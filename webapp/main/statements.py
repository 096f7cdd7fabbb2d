"""What the statement pages say, read from the settings: /privacy,
/accessibility and /.well-known/security.txt.

Every sentence on those pages is a promise the app keeps, so the periods come
from the same settings the code uses, and the accessibility statement lists
only checks that tests/browser really runs (``CHECKS``; the test
tests/main/test_http_statements.py finds each one there).
"""

from datetime import UTC, datetime

from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from webapp.domain import objections, retention, statements

# The checks the project's browser tests run, as the statement names them.
CHECKS = {
    "axe": _l(
        "axe-core finds no WCAG 2.2 AA problem on every page we test, in Dutch and in plain Dutch, "
        "on a phone screen of 390 by 844 pixels."
    ),
    "reflow": _l("Nothing scrolls sideways on a screen 320 pixels wide."),
    "targets": _l("Every button and link is at least 44 by 44 pixels."),
    "text": _l("At 320 pixels, with wider text spacing or with text at 200%, no text is cut off."),
    "html": _l("The HTML passes the Nu HTML Checker, without inline script or style."),
    "forced_colors": _l("With forced colours (high contrast), charts, chosen answers and icons stay visible."),
}

STATUS_WORDS = {
    "A": _l("A: complies fully"),
    "B": _l("B: complies partly"),
    "C": _l("C: first measures taken"),
    "D": _l("D: does not comply yet"),
    "E": _l("E: no valid statement"),
}


def municipality(config):
    return config.get("MUNICIPALITY_NAME", "").strip() or None


def privacy_facts(config):
    return {
        "municipality": municipality(config),
        # The same period and warning as `flask --app webapp retention` uses.
        "retention_months": int(config["RETENTION_MONTHS"]),
        "warning_days": retention.WARNING_DAYS,
        "objection_contact_days": objections.CONTACT_KEPT_DAYS,
        "idle_hours": statements.idle_hours(config["SESSION_IDLE_MINUTES"]),
        "remember_days": config["REMEMBER_COOKIE_DURATION"].days,
        "device_days": config["DEVICE_COOKIE_DAYS"],
        "privacy_contact": statements.contact_uri(config.get("PRIVACY_CONTACT", "")),
        "privacy_contact_text": config.get("PRIVACY_CONTACT", "").strip().removeprefix("mailto:"),
    }


def accessibility_facts(config):
    status = statements.accessibility_status(config.get("ACCESSIBILITY_STATUS", ""))
    report = statements.contact_uri(config.get("ACCESSIBILITY_REPORT", ""))
    day = statements.statement_date(config.get("ACCESSIBILITY_DATE", ""))
    return {
        "municipality": municipality(config),
        "status": status,
        "status_words": STATUS_WORDS.get(status),
        "statement_date": format_date(day, "d MMMM yyyy") if day else None,
        "report": report if report and report.startswith("https://") else None,
        "contact": statements.contact_uri(config.get("ACCESSIBILITY_CONTACT", "")),
        "contact_text": config.get("ACCESSIBILITY_CONTACT", "").strip().removeprefix("mailto:"),
        "checks": list(CHECKS.values()),
    }


def security_txt(config, canonical, now=None):
    """The text of security.txt, or None while SECURITY_CONTACT is not set."""
    contact = statements.contact_uri(config.get("SECURITY_CONTACT", ""))
    if contact is None:
        return None
    policy = statements.contact_uri(config.get("SECURITY_POLICY", ""))
    return statements.security_txt(
        contact,
        statements.security_txt_expires(now or datetime.now(UTC), config["SECURITY_TXT_DAYS"]),
        canonical,
        policy=policy if policy and policy.startswith("https://") else None,
    )
