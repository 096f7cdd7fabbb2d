"""A proposal's card on the list says when it is written in the other language
(issue 9, point 10c), as its own page already does."""

import re

import pytest
from http_support import page, query, t
from markupsafe import escape


def cards(reader, lang):
    body = page(reader.get(f"/proposals?lang={lang}"))
    return re.findall(r'<article class="card proposal-card">.*?</article>', body, re.S)


def card_of(found, title):
    matches = [card for card in found if title in card]
    assert len(matches) == 1, title
    return matches[0]


@pytest.mark.parametrize(("reader_lang", "other", "language"), [("nl", "en", "English"), ("en", "nl", "Dutch")])
def test_a_card_in_the_other_language_says_so(reader_app, reader, reader_lang, other, language):
    proposals = query(reader_app, "SELECT title, lang FROM proposals WHERE status = 'open'")
    assert {p["lang"] for p in proposals} == {"nl", "en"}, "the demo needs open proposals in both languages"
    found = cards(reader, reader_lang)
    named = t(reader_app, language, reader_lang)
    note = t(reader_app, "The author wrote this in %(language)s.", reader_lang, language=named)
    for proposal in proposals:
        card = card_of(found, str(escape(proposal["title"])))
        if proposal["lang"] == other:
            assert note in card, proposal["title"]
        else:
            assert "written-in" not in card, proposal["title"]
