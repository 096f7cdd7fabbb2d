"""Every code has words, and every reason reads well in every language."""

import pytest

from webapp import labels
from webapp.domain import vocab
from webapp.domain.matching import WEIGHTS, Reason

SAMPLE_VALUES = {
    "category": ("elderly",),
    "hours": (16, 20),
    "too_many_hours": (24, 20),
    "skill": ("cooking", "gardening"),
    "language": ("ar",),
    "days_off": ("tue", "sat"),
    "days_none": ("wed", "sat"),
    "limit": ("heavy_lifting",),
}


@pytest.mark.parametrize(
    ("table", "codes"),
    [
        (labels.CATEGORY, vocab.CATEGORIES),
        (labels.SKILL, vocab.SKILLS),
        (labels.LANGUAGE, vocab.LANGUAGES),
        (labels.LIMIT, vocab.LIMITS),
        (labels.DAY, vocab.DAYS),
        (labels.TRAVEL, vocab.TRAVEL),
        (labels.ROLE, vocab.ROLES),
    ],
)
def test_every_code_has_a_label(table, codes):
    assert set(table) == set(codes)


@pytest.mark.parametrize("locale", ["nl", "nl@plain", "en", "en@plain"])
@pytest.mark.parametrize("code", sorted(WEIGHTS))
def test_every_reason_has_text_in_every_language(app, locale, code):
    lang, _, plain = locale.partition("@")
    with app.test_request_context(f"/?lang={lang}&plain={'1' if plain else '0'}"):
        app.preprocess_request()
        text = labels.reason_text(Reason(code, SAMPLE_VALUES.get(code, ())), "De Hoven")
    assert text and "%(" not in text


def test_reasons_are_translated_to_dutch(app):
    with app.test_request_context("/?lang=nl"):
        app.preprocess_request()
        text = labels.reason_text(Reason("buurt"), "")
    assert text != "In your own buurt"


def test_plain_dutch_falls_back_to_standard_dutch_not_english(app):
    """A string missing from nl@plain shows in Dutch (see webapp/i18n/domain.py)."""
    from flask_babel import get_translations

    with app.test_request_context("/?lang=nl&plain=1"):
        app.preprocess_request()
        translations = get_translations()
        assert translations._fallback is not None
        assert translations.gettext("Monday") in {"Maandag", "maandag"}


def test_a_remembered_reason_keeps_each_language_apart(app):
    """``reason_text`` is remembered per locale (webapp.i18n.per_locale)."""
    texts = []
    for lang in ("en", "nl", "en"):
        with app.test_request_context(f"/?lang={lang}&plain=0"):
            app.preprocess_request()
            texts.append(labels.reason_text(Reason("wijk"), ""))
    assert texts[0] == texts[2] == "In your own district"
    assert texts[1] != texts[0]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("nl", "Alleen op dagen dat je niet kunt werken: woensdag en zaterdag"),
        ("en", "Only on days you cannot work: Wednesday and Saturday"),
    ],
)
def test_days_inside_a_reason_are_small_in_dutch_only(app, locale, expected):
    with app.test_request_context(f"/?lang={locale}&plain=0"):
        app.preprocess_request()
        assert labels.reason_text(Reason("days_none", ("wed", "sat")), "") == expected


def test_some_days_off_say_also_and_name_only_those_days(app):
    with app.test_request_context("/?lang=en&plain=0"):
        app.preprocess_request()
        text = labels.reason_text(Reason("days_off", ("wed",)), "")
    assert text == "Also on days you cannot work: Wednesday"


def test_every_notification_kind_has_words():
    from webapp.domain.notifications import KINDS

    assert set(labels.NOTIFICATION) == set(KINDS)
