"""The resident's profile: a step-by-step, an overview, export and delete."""

import json

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, logout_user
from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms.validators import DataRequired

from webapp.access import resident_required
from webapp.db import get_db, one, rows
from webapp.domain import push as push_rules
from webapp.domain.vocab import split_codes
from webapp.forms import EmptyForm
from webapp.jobs.queries import places
from webapp.profile import steps
from webapp.profile.queries import completeness, profile_row, save_answer
from webapp.proposals.queries import export_for

bp = Blueprint("profile", __name__, url_prefix="/profile")


@bp.get("")
@resident_required
def overview():
    row = profile_row(get_db(), current_user.id)
    answered, total = completeness(row)
    summary = [(step, steps.answer_text(step, row)) for step in steps.STEPS]
    return render_template(
        "profile/overview.html", summary=summary, answered=answered, total=total
    )


@bp.get("/start")
@resident_required
def start():
    return render_template("profile/start.html", first=steps.STEPS[0], count=len(steps.STEPS))


@bp.route("/<key>", methods=["GET", "POST"])
@resident_required
def step(key):
    step = steps.BY_KEY.get(key)
    if step is None:
        abort(404)
    db = get_db()
    row = profile_row(db, current_user.id)
    answers = {
        "options": steps.options(step, places(db)), "chosen": steps.current_answers(step, row),
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
        error = _check(step, chosen)
        value = steps.stored_value(step, {**answers, "chosen": chosen}) if not error else None
        if error is None and value is None:
            error = _("Choose one of the options in the list.")
        if error is None:
            save_answer(db, current_user.id, {step.column: value})
            return _go_on(after, back_to_overview, saved=True)
    return render_template(
        "profile/step.html", step=step, answers=answers, number=number, count=len(steps.STEPS),
        before=before, after=after, error=error, form=form, back_to_overview=back_to_overview,
        places=places(db),
    ), 422 if error else 200  # fmt: skip


def _check(step, chosen):
    if len(chosen) > 50:
        return _("Choose one of the options in the list.")
    if not step.many and len(chosen) != 1:
        return _("Choose one answer, or skip this question.")
    if step.many and not chosen and step.key != "limits":
        return _("Choose at least one answer, or skip this question.")
    return None


def _go_on(after, back_to_overview, saved=False):
    if after is None or back_to_overview:
        if saved:
            flash(_("Saved. You can change your answers at any time."), "success")
        return redirect(url_for("profile.overview"), code=303)
    return redirect(url_for("profile.step", key=after.key), code=303)


# --- your data -------------------------------------------------------------


@bp.get("/export")
@login_required
def export():
    db = get_db()
    user = one(db, "SELECT * FROM users WHERE id = ?", (current_user.id,))
    profile = one(db, "SELECT * FROM profiles WHERE user_id = ?", (current_user.id,))
    interests = rows(
        db,
        """SELECT interests.job_id, jobs.title_nl, jobs.title_en, interests.message,
                  interests.status, interests.created_at, interests.updated_at
           FROM interests JOIN jobs ON jobs.id = interests.job_id
           WHERE interests.user_id = ? ORDER BY interests.created_at""",
        (current_user.id,),
    )
    codes = rows(
        db,
        "SELECT created_at, expires_at, used_at FROM start_codes WHERE user_id = ?",
        (current_user.id,),
    )
    notices = rows(
        db,
        "SELECT kind, link, created_at, read_at FROM notifications WHERE user_id = ?",
        (current_user.id,),
    )
    phones = rows(
        db,
        "SELECT endpoint, created_at, last_sent_at FROM push_subscriptions WHERE user_id = ?",
        (current_user.id,),
    )
    data = {
        "account": {
            key: user[key]
            for key in ("username", "email", "display_name", "role", "lang", "plain", "created_at")
        },
        "profile": _profile_export(profile),
        "interests": [dict(row) for row in interests],
        "start_codes": [dict(row) for row in codes],
        "notifications": [dict(row) for row in notices],
        **export_for(db, current_user.id),
        # Phones with notifications on: the push service, not its secret address.
        "push_subscriptions": [
            {"service": push_rules.service_name(row["endpoint"]), "created_at": row["created_at"],
             "last_sent_at": row["last_sent_at"]}
            for row in phones
        ],
    }  # fmt: skip
    if user["role"] == "resident":
        # Messages, appointments, plan, who looked at your data, your coaches.
        from webapp.coaching.queries import personal_data

        data.update(personal_data(db, current_user.id))
    body = json.dumps(data, ensure_ascii=False, indent=2)
    filename = f"basisbaan-{current_user.username}.json"
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _profile_export(profile):
    if profile is None:
        return None
    data = dict(profile)
    data.pop("user_id", None)
    for column in ("categories", "days", "limits", "skills", "languages"):
        data[column] = list(split_codes(data[column]))
    return data


class DeleteForm(FlaskForm):
    sure = BooleanField(
        _l("Yes, delete my account and everything in it."),
        validators=[DataRequired(message=_l("Tick the box if you are sure."))],
    )


@bp.route("/delete", methods=["GET", "POST"])
@login_required
def delete():
    form = DeleteForm()
    if form.validate_on_submit():
        db = get_db()
        # Profile, interests and start codes go with it (ON DELETE CASCADE).
        db.execute("DELETE FROM users WHERE id = ?", (current_user.id,))
        session.clear()  # first, so logout_user() can still clear "remember me"
        logout_user()
        return render_template("profile/deleted.html")
    return render_template("profile/delete.html", form=form), 422 if form.errors else 200
