"""Helpers shared by the browser tests (test_browser.py, test_accessibility.py).

Expected texts come from the compiled catalogs (``t``), the same ones the app
reads: the translators are filling the catalogs in while these tests are
written, and a string without a translation is shown as its English msgid.
So ``t("Save")`` is "Opslaan" once translated and "Save" before that, and a
test that asserts on it holds in both states; ``<html lang>``, URLs and form
state are asserted directly.
"""

import re
import sqlite3
from functools import lru_cache
from pathlib import Path

from babel.support import Translations
from playwright.sync_api import expect

from webapp.seed.demo import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@lru_cache
def _catalog(locale):
    """nl, nl@plain, en, en@plain; a plain catalog falls back to its language (as in the app)."""
    translations = Translations.load(str(TRANSLATIONS), [locale])
    if "@" in locale:
        translations.add_fallback(Translations.load(str(TRANSLATIONS), [locale.split("@")[0]]))
    return translations


def t(msgid, locale="nl", **values):
    """What the app shows for ``msgid`` in ``locale`` (Flask-Babel's %-formatting)."""
    text = _catalog(locale).gettext(msgid)
    return text % values if values else text


def nt(singular, plural, num, locale="nl", **values):
    text = _catalog(locale).ngettext(singular, plural, num)
    return text % {"num": num, **values}


def query(server, sql, params=()):
    """Read the live server's database directly (for ids and job texts)."""
    connection = sqlite3.connect(server.app.config["DATABASE"])
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def user_id(server, username):
    return query(server, "SELECT id FROM users WHERE username = ?", (username,))[0]["id"]


def open_job_without_interest(server, username):
    return query(
        server,
        """SELECT * FROM jobs WHERE status = 'open' AND id NOT IN
           (SELECT job_id FROM interests WHERE user_id = ?) ORDER BY id LIMIT 1""",
        (user_id(server, username),),
    )[0]


def job_with_interest(server, username):
    return query(
        server,
        "SELECT jobs.* FROM jobs JOIN interests ON interests.job_id = jobs.id "
        "WHERE interests.user_id = ? ORDER BY jobs.id LIMIT 1",
        (user_id(server, username),),
    )[0]


def log_in(page, base_url, username, password=DEMO_PASSWORD, first_path="/login"):
    """Log in through the real form; waits until the app has sent us on."""
    page.goto(base_url + first_path)
    page.locator("#username").fill(username)
    page.locator("#password").fill(password)
    page.locator("main form button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/login"))


class Tabs:
    """One browser context and page per (who, variant, width), reused by every case.

    Each case still loads its page afresh; reusing the context only saves
    setting one up and loading the static files again (it keeps the suite fast).
    ``state_of(who)`` gives that person's saved log-in (None: logged out).
    """

    def __init__(self, browser, context_args, state_of):
        self.browser, self.context_args, self.state_of = browser, context_args, state_of
        self.opened = {}

    def __call__(self, who, variant, width):
        key = (who, variant, width)
        if key not in self.opened:
            args = dict(self.context_args)
            if width:
                args["viewport"] = {"width": width, "height": 800}
            state = self.state_of(who)
            if state is not None:
                args["storage_state"] = state
            page = self.browser.new_context(**args).new_page()
            self.opened[key] = (page, csp_errors(page))
        return self.opened[key]

    def close(self):
        for page, _problems in self.opened.values():
            page.context.close()


def csp_errors(page):
    """Collect console messages about the Content-Security-Policy (inline style/script)."""
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    return found
