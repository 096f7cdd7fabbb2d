"""Language and plain-language choice, and the translation workflow.

The switcher's page and the ``?lang=`` of any URL are in ``routes.py``.

Order of precedence for each of the two choices (language, plain):
1. ``?lang=`` / ``?plain=`` on a URL: this browser session only;
2. the choice saved in the account (by the switcher's POST);
3. the choice saved in a cookie (by the switcher, when logged out);
4. Dutch, standard language.
A GET never changes what is stored in the account.
"""

import functools
import os
import subprocess  # noqa: S404 - only for pybabel, with fixed arguments
import sys

import click
from flask import Blueprint, current_app, g, request, session
from flask.cli import AppGroup
from flask_babel import get_locale
from flask_login import current_user

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
CATALOGS = ("nl", "nl@plain", "en@plain")

bp = Blueprint("i18n", __name__)


def babel_locale(lang, plain):
    return f"{lang}@plain" if plain else lang


def parse_plain(value):
    return {"1": True, "0": False}.get(value)


def current_choice():
    """(lang, plain) for this request, computed once."""
    if "choice" in g:
        return g.choice
    lang = session.get("lang")
    plain = session.get("plain")
    if current_user and current_user.is_authenticated:
        lang = lang or current_user.lang
        plain = plain if plain is not None else current_user.plain
    if lang not in LANGUAGES:
        lang = request.cookies.get("lang")
    if plain is None:
        plain = parse_plain(request.cookies.get("plain"))
    g.choice = (lang if lang in LANGUAGES else DEFAULT_LANGUAGE, bool(plain))
    return g.choice


def select_locale():
    return babel_locale(*current_choice())


def per_locale(function):
    """Remember ``function``'s answer per current locale and arguments (hashable).

    For words a page says again and again (a reason on every job card, a
    month on every bar) where each answer costs several catalog or Babel
    lookups. The locale is part of the key, so every language keeps its own.
    """

    @functools.lru_cache(maxsize=4096)
    def remembered(_locale, *args, **kwargs):
        return function(*args, **kwargs)

    @functools.wraps(function)
    def answer(*args, **kwargs):
        return remembered(str(get_locale()), *args, **kwargs)

    answer.cache_clear = remembered.cache_clear
    return answer


# --- translation workflow (microblog style: `flask translate ...`) ---------

translate = AppGroup("translate", help="Extract, update, compile and check the catalogs.")


def _paths():
    root = os.path.dirname(current_app.root_path)
    return root, os.path.join(root, "translations"), os.path.join(root, "translations", "messages.pot")


def _pybabel(*args):
    command = [sys.executable, "-m", "babel.messages.frontend", *args]
    if subprocess.run(command, check=False).returncode:  # noqa: S603
        raise click.ClickException("pybabel " + " ".join(args) + " failed")


@translate.command()
def extract():
    """Collect every translatable string into translations/messages.pot."""
    root, _tdir, pot = _paths()
    _pybabel(
        "extract",
        "-F",
        os.path.join(root, "babel.cfg"),
        "-k",
        "_l",
        "-k",
        "lazy_gettext",
        "--no-location",
        "--sort-output",
        "-o",
        pot,
        root,
    )


@translate.command()
def update():
    """Extract, then merge new strings into every catalog (never fuzzy)."""
    extract.callback()
    _root, tdir, pot = _paths()
    _pybabel("update", "-i", pot, "-d", tdir, "--no-fuzzy-matching", "--ignore-obsolete")


@translate.command()
def compile():  # noqa: A001 - the command's name
    """Compile every catalog to .mo files."""
    _root, tdir, _pot = _paths()
    _pybabel("compile", "-d", tdir, "--statistics")


@translate.command()
@click.argument("locale")
def init(locale):
    """Start a catalog for a new language, e.g. `flask translate init de`."""
    extract.callback()
    _root, tdir, pot = _paths()
    _pybabel("init", "-i", pot, "-d", tdir, "-l", locale)


@translate.command()
def report():
    """Completeness of every catalog and the readability of plain Dutch."""
    from webapp.i18n.readability import report as read_report

    _root, tdir, _pot = _paths()
    failed = False
    for locale in CATALOGS:
        path = os.path.join(tdir, locale, "LC_MESSAGES", "messages.po")
        result = read_report(path, locale, "nl" if locale == "nl@plain" else None)
        click.echo(
            f"{locale}: {result.total} strings, {len(result.empty)} untranslated, {len(result.fuzzy)} fuzzy"
        )
        failed |= not result.complete
        if locale == "nl@plain":
            click.echo(
                f"  sentences: {len(result.sentences)}, Flesch-Douma average "
                f"{result.average_score:.1f} (target >= 80), "
                f"{result.average_words:.1f} words per sentence (target <= 10)"
            )
            click.echo(f"  labels (not scored): {len(result.labels)}")
            worst = sorted(result.sentences, key=lambda item: item[1])[:5]
            for text, score, _words in worst:
                click.echo(f"  lowest {score:6.1f}: {text}")
            failed |= result.average_score < 80 or result.average_words > 10
    failed |= _report_job_pages()
    if failed:
        raise SystemExit(1)


# ``create_app`` hands in the demo jobs' plain Dutch texts (the seed is not
# this area's to import): a function returning ``[(title, [text, ...])]``.
JOB_PAGES = "basisbaan.plain_job_pages"
JOB_PAGE_TARGET = 80


def _report_job_pages():
    """Flesch-Douma of every demo job page's plain Dutch main text; True when one is below target."""
    from webapp.i18n.readability import as_sentences, page_scores

    pages = current_app.extensions.get(JOB_PAGES)
    if pages is None:
        return False
    scores = page_scores((title, as_sentences(texts)) for title, texts in pages())
    if not scores:
        return False
    click.echo(f"demo job pages in plain Dutch: {len(scores)}, Flesch-Douma each (target >= {JOB_PAGE_TARGET}):")
    for title, score in scores:
        click.echo(f"  {score:6.1f}  {title}")
    lowest_title, lowest = scores[0]
    click.echo(f"  lowest {lowest:.1f}: {lowest_title}")
    return lowest < JOB_PAGE_TARGET
