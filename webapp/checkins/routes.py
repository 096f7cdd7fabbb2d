"""The check-in pages: the question "may we ask?", the five questions, your own
answers, and the averages the municipality may see."""

from datetime import date

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import resident_required
from webapp.checkins import bp, changes, labels, queries
from webapp.checkins.forms import CheckinForm, ConsentForm, DeleteAnswersForm
from webapp.db import get_db
from webapp.domain import checkins as rules
from webapp.web import form_lives_on, no_store


def _state():
    return queries.state(get_db(), current_user.id, date.today())


def _page(template, status=200, **context):
    return render_template(template, words=labels, rules=rules, **context), status


@bp.route("/checkin", methods=["GET", "POST"])
@resident_required
@no_store
def checkin():
    state = _state()
    form = CheckinForm()
    if not state["participant"]:
        return _page("checkins/not_participant.html", 403 if form.is_submitted() else 200)
    if state["consent"] is None:
        return redirect(url_for("checkins.consent"), code=303)
    if state["consent"] == "no":
        return _page("checkins/checkin.html", 409 if form.is_submitted() else 200, form=form, state=state)
    if form.is_submitted() and not state["due"]:
        # A repeat (tapped twice, or sent again later) stores nothing twice.
        flash(_("You already answered these questions. Thank you."), "info")
        return redirect(url_for("checkins.checkin"), code=303)
    if form.validate_on_submit():
        outcome = changes.save_checkin(get_db(), current_user.id, form.answers(), date.today())
        if outcome == "saved":
            flash(_("Thank you. Your answers are saved. Only you see them."), "success")
        return redirect(url_for("checkins.answers"), code=303)
    return _page("checkins/checkin.html", 422 if form.errors else 200, form=form, state=state)


@bp.route("/checkin/consent", methods=["GET", "POST"])
@resident_required
@no_store
def consent():
    state = _state()
    form = ConsentForm(has_answers=state["count"] > 0)
    if not state["participant"]:
        return _page("checkins/not_participant.html", 403 if form.is_submitted() else 200)
    if not form.is_submitted() and state["consent"]:
        form.answer.data = state["consent"]
        form.share.data = "yes" if state["share"] else "no"
    if form.validate_on_submit():
        answer = form.answer.data
        delete_past = form.has_answers and form.past.data == "delete"
        changes.set_consent(get_db(), current_user.id, answer, form.share.data == "yes", delete_past)
        if answer == "yes":
            flash(_("Thank you. Every 3 months we ask you 5 short questions."), "success")
            return redirect(url_for("checkins.checkin"), code=303)
        if delete_past:
            flash(_("We will not ask you. Your earlier answers are deleted."), "success")
        else:
            flash(_("We will not ask you. Nothing else changes for you."), "success")
        return redirect(url_for("settings.index"), code=303)
    return _page("checkins/consent.html", 422 if form.errors else 200, form=form, state=state)


@bp.get("/checkin/answers")
@resident_required
@no_store
def answers():
    db = get_db()
    return _page(
        "checkins/answers.html",
        state=queries.state(db, current_user.id, date.today()),
        answers=queries.answers_of(db, current_user.id),
        form=DeleteAnswersForm(formdata=None),
    )


@bp.post("/checkin/answers/delete")
@form_lives_on("checkins.answers")
@resident_required
def delete_answers():
    db = get_db()
    form = DeleteAnswersForm()
    if not form.validate_on_submit():
        state = queries.state(db, current_user.id, date.today())
        return _page(
            "checkins/answers.html", 422, state=state, answers=queries.answers_of(db, current_user.id), form=form
        )
    changes.delete_answers(db, current_user.id)
    flash(_("Your answers are deleted."), "success")
    return redirect(url_for("checkins.answers"), code=303)


@bp.record_once
def _template_words(state):
    # For templates/checkins/_impact_tables.html on the programme for the council.
    state.app.jinja_env.globals.update(checkin_words=labels, checkin_rules=rules)
