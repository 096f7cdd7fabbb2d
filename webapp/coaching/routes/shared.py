"""What every coaching page needs: who is asking, about whom, and how to say no."""

from contextlib import contextmanager

from flask import abort, render_template
from flask_login import current_user

from webapp.coaching import changes, queries
from webapp.db import get_db
from webapp.domain import coaching as rules


class ShowParticipantAgain(Exception):
    """A coach's form on the participant page has a mistake: show that page again
    (422) with the form's messages. The plan's views raise it; the participant
    page's module answers it, so the plan never imports the page."""

    def __init__(self, resident, **forms):
        super().__init__(resident["id"])
        self.resident = resident
        self.forms = forms


def me():
    return rules.person(current_user)


def participant_or_404(resident_id):
    """The logged-in coach's participant; 404 for anyone else's, so ids reveal nothing."""
    row = queries.user_row(get_db(), resident_id)
    if row is None or not rules.may_open_participant(me(), rules.person(row)):
        abort(404)
    return row


@contextmanager
def found_or_404():
    """A change that finds its row gone, or no longer the writer's, answers 404 as if
    the id did not exist (the change itself is rolled back)."""
    try:
        yield
    except changes.NotYours:
        abort(404)


def refused(text, back, status=409):
    """Nothing changed, and why, with the way back."""
    return render_template("coaching/refused.html", text=text, back=back), status
