"""Every interface string in every catalog, plain and readable.

English is the source language; nl, nl@plain and en@plain are catalogs.
"""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from webapp.i18n import CATALOGS
from webapp.i18n.readability import clean, is_sentence, read_catalog, report

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def catalog_path(locale):
    return TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"


@pytest.fixture(scope="module")
def source_ids():
    """What the code and templates ask to translate, extracted right now."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    ids = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords={"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None},
    ):
        ids.add(message if isinstance(message, str) else message[0])
    return ids


@pytest.mark.parametrize("locale", CATALOGS)
def test_catalog_has_every_string_of_the_code(locale, source_ids):
    catalog_ids = {m.id if isinstance(m.id, str) else m.id[0] for m in read_catalog(catalog_path(locale)) if m.id}
    missing = sorted(source_ids - catalog_ids)
    assert not missing, f"{locale} lacks {len(missing)} strings; run `flask translate update`: {missing[:10]}"


@pytest.mark.parametrize("locale", CATALOGS)
def test_catalog_has_no_empty_or_fuzzy_entries(locale):
    result = report(catalog_path(locale), locale)
    assert not result.empty, f"{locale} untranslated: {result.empty[:10]}"
    assert not result.fuzzy, f"{locale} fuzzy: {result.fuzzy[:10]}"


@pytest.mark.parametrize("locale", CATALOGS)
def test_placeholders_survive_translation(locale):
    for message in read_catalog(catalog_path(locale)):
        if not message.id:
            continue
        if isinstance(message.id, str):
            pairs = [(message.id, message.string)]
        else:
            pairs = [(message.id[1], form) for form in message.string]
        for source, text in pairs:
            if not text:
                continue
            expected = set(PLACEHOLDER.findall(source))
            found = set(PLACEHOLDER.findall(text))
            # A singular form may say "one" instead of %(num)d.
            assert found <= expected and expected - found <= {"num"}, (locale, source, text)


def test_plain_dutch_is_easy_to_read():
    result = report(catalog_path("nl@plain"), "nl@plain", "nl")
    assert len(result.sentences) > 50
    assert result.average_score >= 80, f"Flesch-Douma {result.average_score:.1f}"
    assert result.average_words <= 10, f"{result.average_words:.1f} words per sentence"


@pytest.mark.parametrize("locale", ["nl@plain", "en@plain"])
def test_no_plain_sentence_runs_past_fifteen_words(locale):
    too_long = []
    for message in read_catalog(catalog_path(locale)):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            for sentence in re.split(r"(?<=[.?!])\s+", clean(text or "")):
                if is_sentence(sentence) and len(sentence.split()) > 15:
                    too_long.append(sentence)
    assert not too_long, too_long[:5]


def test_plain_english_sentences_are_short_on_average():
    words = sentences = 0
    for message in read_catalog(catalog_path("en@plain")):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            for sentence in re.split(r"(?<=[.?!])\s+", clean(text or "")):
                if is_sentence(sentence):
                    words += len(sentence.split())
                    sentences += 1
    assert sentences > 50
    assert words / sentences <= 10


@pytest.mark.parametrize("locale", ["nl@plain", "en@plain"])
def test_plain_never_uses_exclamation_marks(locale):
    loud = [m.id for m in read_catalog(catalog_path(locale)) if m.id and "!" in str(m.string)]
    assert not loud


def test_plain_dutch_says_je_not_u():
    formal = []
    for message in read_catalog(catalog_path("nl@plain")):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        formal += [s for s in strings if re.search(r"\b(u|uw)\b", s or "", re.IGNORECASE)]
    assert not formal, formal[:5]
