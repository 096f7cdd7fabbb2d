"""One name for one place (issue 9, point 5): the menu, the bell, the language
switch and the workspace's sub-navigation read the same in standard and plain
language, and no two of them share a name."""

import re
from html.parser import HTMLParser

import pytest
from http_support import page, sign_in, t

WHO_AND_PAGE = [
    (None, "/jobs"),
    ("bewoner", "/jobs"),
    ("coach", "/caseload"),
    ("gemeente", "/gemeente"),
]


PLACES = re.compile(r'<header class="site-header">.*?</header>|<nav class="sub-nav".*?</nav>', re.S)


class Labels(HTMLParser):
    """The visible words of every link, button and summary (a count like "3 new" left out)."""

    def __init__(self):
        super().__init__()
        self.skip = 0
        self.current = None
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "button", "summary"):
            self.current = []
        elif self.skip or "nav-count" in (dict(attrs).get("class") or "").split():
            self.skip += tag == "span"

    def handle_endtag(self, tag):
        if tag == "span" and self.skip:
            self.skip -= 1
        elif tag in ("a", "button", "summary") and self.current is not None:
            self.found.append(" ".join("".join(self.current).split()))
            self.current = None

    def handle_data(self, data):
        if self.current is not None and not self.skip:
            self.current.append(data)


def menu_labels(client, path, lang, plain):
    """The header's and the sub-navigation's names, as a reader of ``lang`` sees them."""
    response = client.get(f"{path}?lang={lang}&plain={int(plain)}")
    assert response.status_code == 200
    parser = Labels()
    parser.feed("".join(PLACES.findall(page(response))))
    # The plain switch says whether it is on: its name is what must not change.
    return [re.sub(r":\s*\S+$", "", label) for label in parser.found]


@pytest.mark.parametrize(("who", "path"), WHO_AND_PAGE)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_menu_has_the_same_names_in_plain_language(client, who, path, lang):
    sign_in(client, who)
    standard = menu_labels(client, path, lang, plain=False)
    plain = menu_labels(client, path, lang, plain=True)
    assert len(standard) >= 4, standard
    assert standard == plain


@pytest.mark.parametrize(("who", "path"), WHO_AND_PAGE)
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("plain", [False, True])
def test_no_two_places_share_a_name(client, who, path, lang, plain):
    sign_in(client, who)
    labels = [label.casefold() for label in menu_labels(client, path, lang, plain)]
    assert len(labels) == len(set(labels)), labels


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_plain_switch_keeps_its_name(app, lang):
    for state in ("on", "off"):
        msgid = f"Plain language: {state}"
        assert t(app, msgid, lang) == t(app, msgid, lang, plain=True)
