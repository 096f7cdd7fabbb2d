"""The pages for the profile: overview, one question per screen, export, delete."""

import json
from datetime import date

from flask import Response, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from webapp.access import resident_required
from webapp.checkins import queries as checkin_queries
from webapp.db import get_db
from webapp.forms import EmptyForm
from webapp.places import places
from webapp.profile import bp, changes, steps
from webapp.profile import your_data as your_data_words
from webapp.profile.forms import DeleteForm
from webapp.profile.queries import completeness, profile_row
from webapp.verification import queries as verification_queries
from webapp.web import no_store


@bp.get("")
@resident_required
def overview():
    row = profile_row(get_db(), current_user.id)
    answered, total = completeness(row)
    summary = [(step, steps.answer_text(step, row)) for step in steps.STEPS]
    # The one calm place that asks "may we ask how you are doing?" (until
    # answered) and says when new questions wait: never a push.
    checkin = checkin_queries.state(get_db(), current_user.id, date.today()) if current_user.coach_id else None
    return render_template(
        "profile/overview.html", summary=summary, answered=answered, total=total, checkin=checkin
    )


@bp.route("/start", methods=["GET", "POST"])
@resident_required
def start():
    """The four questions that rank most, on one screen; then straight to the jobs."""
    db = get_db()
    row = profile_row(db, current_user.id)
    the_places = places(db)
    options = {step.key: steps.options(step, the_places) for step in steps.FIRST_STEPS}
    chosen = {step.key: steps.current_answers(step, row) for step in steps.FIRST_STEPS}
    form = EmptyForm()
    errors = {}
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        values = {}
        for step in steps.FIRST_STEPS:
            sent = request.form.getlist(step.key)
            chosen[step.key] = [value[:40] for value in sent]
            value, error = steps.first_answer(step, sent, options[step.key])
            if error:
                errors[step.key] = error
            values[step.column] = value
        if not errors:
            changes.save_answers(db, current_user.id, values, {step.key: False for step in steps.FIRST_STEPS})
            return redirect(url_for("jobs.index"), code=303)
    return render_template(
        "profile/start.html",
        first_steps=steps.FIRST_STEPS,
        options=options,
        chosen=chosen,
        errors=errors,
        form=form,
        places=the_places,
    ), 422 if errors else 200


def _proved_buurt(db, step, options):
    """On the home buurt question: the name of the buurt the resident proved, so the
    page can say before saving that another buurt means proving it again."""
    if step.key != "buurt":
        return None
    proof = verification_queries.verification_of(db, current_user.id)
    if proof is None:
        return None
    return next((label for value, label, _icon in options if value == str(proof.buurt_id)), None)


@bp.route("/<key>", methods=["GET", "POST"])
@resident_required
def step(key):
    step = steps.BY_KEY.get(key)
    if step is None:
        abort(404)
    db = get_db()
    row = profile_row(db, current_user.id)
    answers = {
        "options": steps.options(step, places(db)),
        "chosen": steps.current_answers(step, row),
    }
    form = EmptyForm()
    number, before, after = steps.neighbours(step)
    back_to_overview = request.values.get("from") == "overview"
    error = None
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        action = request.form.get("action")
        chosen = request.form.getlist("answer")
        answers["chosen"] = [value[:40] for value in chosen]
        if action == "skip":
            return _go_on(after, back_to_overview)
        if action != "save":
            abort(400)
        error = steps.problem(step, chosen)
        value = steps.stored_value(step, {**answers, "chosen": chosen}) if not error else None
        if error is None and value is None:
            error = _("Choose one of the options in the list.")
        if error is None:
            changes.save_answers(db, current_user.id, {step.column: value}, {step.key: not chosen})
            return _go_on(after, back_to_overview, saved=True)
    return render_template(
        "profile/step.html",
        proved_buurt=_proved_buurt(db, step, answers["options"]),
        step=step,
        answers=answers,
        number=number,
        count=len(steps.STEPS),
        before=before,
        after=after,
        error=error,
        form=form,
        back_to_overview=back_to_overview,
        places=places(db),
    ), 422 if error else 200


def _go_on(after, back_to_overview, saved=False):
    if after is None or back_to_overview:
        if saved:
            flash(_("Saved. You can change your answers at any time."), "success")
        return redirect(url_for("profile.overview"), code=303)
    return redirect(url_for("profile.step", key=after.key), code=303)


# --- your data -------------------------------------------------------------


def _all_your_data():
    """Everything about this person: each area gives its part (``create_app`` lists
    them in ``app.extensions["personal_data"]``, in the order of the file)."""
    db = get_db()
    data = {}
    for part in current_app.extensions["personal_data"]:
        data.update(part(db, current_user.id))
    return data


@bp.get("/export")
@login_required
@no_store
def export():
    body = json.dumps(_all_your_data(), ensure_ascii=False, indent=2)
    filename = f"basisbaan-{current_user.username}.json"
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.get("/data")
@login_required
@no_store
def your_data():
    """The same data as the download, as a page to read or print."""
    return render_template("profile/data.html", data=_all_your_data(), words=your_data_words)


@bp.route("/delete", methods=["GET", "POST"])
@login_required
def delete():
    form = DeleteForm()
    if form.validate_on_submit():
        changes.delete_account(get_db(), current_user.id)
        session.clear()  # first, so logout_user() can still clear "remember me"
        logout_user()
        return render_template("profile/deleted.html")
    return render_template("profile/delete.html", form=form), 422 if form.errors else 200
