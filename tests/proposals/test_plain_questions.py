"""No double negatives in what a resident is asked, and the stored answer
keeps its meaning when a question is asked the other way round."""

import re
from pathlib import Path

import pytest
from http_support import page, post_form, query, sign_in, t
from proposal_support import OPEN_DE_HOVEN, VALID_PROPOSAL, WITH_GEMEENTE

from webapp.i18n.readability import read_catalog
from webapp.proposals import labels
from webapp.proposals.forms import ProposalForm

QUESTION = "Does anyone get paid for this work now?"


def test_the_unpaid_question_has_no_double_negative():
    label = str(ProposalForm.unpaid_now.args[0])
    assert label == QUESTION


def test_yes_someone_is_paid_is_stored_as_not_unpaid():
    # The column answers "is this work unpaid now?": 'yes' means nobody is paid.
    assert str(labels.UNPAID_NOW["no"]) == "Yes, someone is paid for this now"
    assert str(labels.UNPAID_NOW["yes"]) == "No, nobody is paid for this now"
    assert list(labels.UNPAID_NOW) == ["no", "yes", "unsure"]  # yes first, as the question asks


@pytest.mark.parametrize(
    ("code", "shown"), [("no", "Yes, someone is paid for this now"), ("yes", "No, nobody is paid for this now")]
)
def test_a_new_proposal_stores_the_meaning_the_resident_chose(app, client, code, shown):
    sign_in(client, "bewoner")
    form = dict(
        VALID_PROPOSAL, unpaid_now=code, title=f"Vraag {code}", form_token=("a" if code == "no" else "b") * 32
    )
    assert post_form(client, "/proposals/new", form).status_code == 303
    row = query(app, "SELECT id, unpaid_now FROM proposals WHERE title = ?", (f"Vraag {code}",))[0]
    assert row["unpaid_now"] == code
    body = page(client.get(f"/proposals/{row['id']}"))
    assert t(app, QUESTION) in body and t(app, shown) in body


def test_the_demo_proposal_still_says_nobody_is_paid(app, client):
    # Seeded as 'yes' (unpaid): after the question flipped, it reads "No, nobody is paid".
    assert query(app, "SELECT unpaid_now FROM proposals WHERE id = ?", (OPEN_DE_HOVEN,))[0]["unpaid_now"] == "yes"
    body = page(client.get(f"/proposals/{OPEN_DE_HOVEN}"))
    assert t(app, "No, nobody is paid for this now") in body


def test_the_review_page_asks_the_same_question(app, client):
    sign_in(client, "gemeente")
    body = page(client.get(f"/gemeente/proposals/{WITH_GEMEENTE}"))
    assert t(app, QUESTION) in body


def test_the_form_radio_buttons_say_yes_first(app, client):
    sign_in(client, "bewoner")
    body = page(client.get("/proposals/new?lang=en"))
    assert body.index('name="unpaid_now" value="no"') < body.index('name="unpaid_now" value="yes"')


NEGATIONS = {
    "not",
    "no",
    "nobody",
    "never",
    "nothing",
    "none",
    "cannot",
    "niet",
    "geen",
    "niemand",
    "nooit",
    "niets",
}

# Questions with a "not" in them that were read and answer naturally: "yes"
# never has to mean "no". A new one is read before it goes on this list.
REVIEWED = {
    "Is there something you cannot do?",
    "Is er iets wat je niet kunt?",
    "Why does this time not suit you?",
    "Waarom past deze tijd niet?",
    "No account yet?",
    "Nog geen account?",
    "Denk je dat dit niet klopt?",
    "Kan iemand die lang niet heeft gewerkt dit doen, met hulp?",
    "Not sure?",
    "No coach yet?",
    "Nog geen coach?",
}


def negative_questions(text):
    for question in re.findall(r"[^.?!]*\?", text or ""):
        words = [word.strip(",:;\"'()").lower() for word in question.split()]
        if any(word in NEGATIONS or word.endswith("n't") for word in words):
            yield question.strip()


def test_the_check_sees_the_old_double_negative():
    assert list(negative_questions("Is this work nobody is paid for now?"))
    assert list(negative_questions("Wordt niemand nu voor dit werk betaald?"))
    assert not list(negative_questions(QUESTION))


@pytest.mark.parametrize("locale", ["nl", "nl@plain", "en@plain"])
def test_every_negative_question_a_resident_reads_was_reviewed(locale):
    path = Path(__file__).resolve().parents[2] / "translations" / locale / "LC_MESSAGES" / "messages.po"
    found = set()
    for message in read_catalog(path):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for text in (*strings, *ids):
            found.update(negative_questions(text))
    assert found <= REVIEWED, found - REVIEWED
