""" "buurt" and "wijk" are explained once where a resident first chooses one,
and English pages say neighbourhood and district (the Dutch word at most in
brackets, for people who hear it from the municipality)."""

import re
from pathlib import Path

import pytest
from http_support import page, sign_in, t

from webapp.i18n.readability import read_catalog

ROOT = Path(__file__).resolve().parents[2]
EXPLANATION = (
    "Your neighbourhood (buurt) is the few streets around your home. A district (wijk) is a group of "
    "neighbourhoods, as in the list below. You vote on proposals in your own district."
)
# "buurt" or "wijk" as a bare English word: not a placeholder, not a name
# (Wijkcentrum), not in brackets after the English word.
BARE = re.compile(r"(?<![(%\w])(buurt|wijk)(?![\w)])", re.IGNORECASE)


def english_texts():
    for message in read_catalog(ROOT / "translations" / "en@plain" / "LC_MESSAGES" / "messages.po"):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        yield from (("msgid", text) for text in ids)
        yield from (("en@plain", text) for text in strings)


def test_no_english_text_leaves_buurt_or_wijk_untranslated():
    bare = [(kind, text) for kind, text in english_texts() if BARE.search(re.sub(r"%\(\w+\)[sd]", "", text))]
    assert bare == []


def test_the_bare_word_check_sees_a_bare_word():
    assert BARE.search("Choose your buurt")
    assert not BARE.search("Your neighbourhood (buurt) is near")
    assert not BARE.search("Wijkcentrum De Hoven")


@pytest.mark.parametrize(("lang", "plain"), [("nl", False), ("nl", True), ("en", False), ("en", True)])
def test_the_buurt_question_explains_buurt_and_wijk(app, client, lang, plain):
    sign_in(client, "bewoner2")
    body = page(client.get(f"/profile/buurt?lang={lang}&plain={int(plain)}"))
    explanation = t(app, EXPLANATION, lang=lang, plain=plain)
    assert explanation in body
    assert 'aria-describedby="step-hint buurt-and-wijk"' in body


def test_english_explains_with_the_dutch_words_in_brackets(app):
    for plain in (False, True):
        text = t(app, EXPLANATION, lang="en", plain=plain)
        assert "neighbourhood (buurt)" in text and "district (wijk)" in text


def test_the_dutch_explanation_names_buurt_and_wijk(app):
    for plain in (False, True):
        text = t(app, EXPLANATION, lang="nl", plain=plain)
        assert "buurt" in text and "wijk" in text


def test_other_questions_do_not_repeat_the_explanation(app, client):
    sign_in(client, "bewoner2")
    assert t(app, EXPLANATION, lang="en") not in page(client.get("/profile/work?lang=en"))


def test_english_pages_never_say_choose_your_buurt(app, client):
    sign_in(client, "bewoner2")
    for path in ("/profile/buurt", "/proposals", "/proposals/new", "/jobs"):
        body = page(client.get(path, query_string={"lang": "en"}))
        assert "Choose your buurt" not in body and "Choose the buurt" not in body, path
