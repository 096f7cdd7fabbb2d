"""How readable a catalog is: completeness and Flesch-Douma for plain Dutch.

No Flask here: the ``flask translate report`` command and the tests share it.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.pofile import read_po

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}")
TAGS = re.compile(r"<[^>]+>")
SENTENCE_END = re.compile(r"[.?!…]$")


@dataclass
class CatalogReport:
    locale: str
    total: int = 0
    empty: list = field(default_factory=list)
    fuzzy: list = field(default_factory=list)
    sentences: list = field(default_factory=list)  # (text, score, words)
    labels: list = field(default_factory=list)

    @property
    def complete(self):
        return not self.empty and not self.fuzzy

    @property
    def average_score(self):
        scores = [score for _text, score, _words in self.sentences]
        return sum(scores) / len(scores) if scores else 0.0

    @property
    def average_words(self):
        """Average words per sentence, over every sentence of every string."""
        words = sum(w for _text, _score, w in self.sentences)
        count = sum(_sentence_count(text) for text, _score, _w in self.sentences)
        return words / count if count else 0.0


def clean(text):
    """Text as a reader hears it: no placeholders, tags or extra spaces."""
    text = PLACEHOLDER.sub("dit", text)
    text = TAGS.sub("", text)
    return " ".join(text.split())


def _sentence_count(text):
    return max(1, len(re.findall(r"[.?!…]+(?:\s|$)", text)))


def is_sentence(text):
    return bool(SENTENCE_END.search(text.strip())) and len(text.split()) >= 3


def read_catalog(path):
    with open(path, "rb") as handle:
        return read_po(handle)


def report(path, locale, lang_for_score=None):
    """Count empty and fuzzy entries; score sentences when a language is given."""
    import textstat  # imported here: only reports need it

    catalog = read_catalog(path)
    result = CatalogReport(locale=locale)
    if lang_for_score:
        textstat.set_lang(lang_for_score)
    for message in catalog:
        if not message.id:
            continue
        result.total += 1
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        ident = message.id if isinstance(message.id, str) else message.id[0]
        if message.fuzzy:
            result.fuzzy.append(ident)
        if not all(s and s.strip() for s in strings):
            result.empty.append(ident)
            continue
        if not lang_for_score:
            continue
        for text in strings:
            text = clean(text)
            if is_sentence(text):
                score = textstat.flesch_reading_ease(text)
                words = len(text.split())
                result.sentences.append((text, score, words))
            else:
                result.labels.append(text)
    return result


def catalog_paths(translations_dir):
    root = Path(translations_dir)
    return sorted(root.glob("*/LC_MESSAGES/messages.po"))


def as_sentences(parts):
    """Texts one after another as a reader hears them: a title without a full
    stop still ends where the next text starts."""
    found = []
    for part in parts:
        part = " ".join((part or "").split())
        if part:
            found.append(part if SENTENCE_END.search(part) or part.endswith(":") else part + ".")
    return " ".join(found)


def flesch_douma(text):
    """Flesch reading ease for Dutch (Douma's formula), as textstat counts it."""
    import textstat  # imported here: only reports and tests need it

    textstat.set_lang("nl")
    return textstat.flesch_reading_ease(text)


def page_scores(pages):
    """``[(name, score)]`` for ``(name, text)`` pairs, the hardest first."""
    return sorted(((name, flesch_douma(text)) for name, text in pages), key=lambda item: item[1])
