"""Settings the municipality changes without a deploy: votes and the minimum wage."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import gemeente_required
from webapp.db import get_db
from webapp.gemeente import bp, queries
from webapp.gemeente.forms import MinimumWageForm, SettingsForm
from webapp.proposals.queries import minimum_wages, now_utc, read_settings

KEYS = ("threshold", "voting_days", "vote_limit")


def _page(db, settings_form, wage_form, status=200):
    return render_template("gemeente/settings.html", form=settings_form, wage_form=wage_form,
                           wages=minimum_wages(db)), status  # fmt: skip


@bp.route("/settings", methods=["GET", "POST"])
@gemeente_required
def settings():
    db = get_db()
    form = SettingsForm()
    if request.method == "POST":
        if form.validate_on_submit():
            values = {key: getattr(form, key).number for key in KEYS}
            queries.save_settings(db, values, current_user.id, now_utc())
            flash(_("The settings are saved."), "success")
            return redirect(url_for("gemeente.settings"), code=303)
        return _page(db, form, MinimumWageForm(formdata=None), 422)
    for key, value in read_settings(db).items():
        getattr(form, key).data = str(value)
    return _page(db, form, MinimumWageForm(formdata=None))


@bp.post("/settings/wage")
@gemeente_required
def wage():
    db = get_db()
    form = MinimumWageForm()
    current = SettingsForm(formdata=None)
    for key, value in read_settings(db).items():
        getattr(current, key).data = str(value)
    if not form.validate_on_submit():
        return _page(db, current, form, 422)
    problem = queries.add_minimum_wage(db, form.valid_from.day, form.amount.cents)
    if problem == "date":
        form.valid_from.errors.append(
            _("Choose a date after the newest minimum wage. The past stays as it was.")
        )
        return _page(db, current, form, 422)
    if problem:
        form.amount.errors.append(_("Fill in an amount in euros, like 14.71."))
        return _page(db, current, form, 422)
    flash(_("The new minimum wage is saved."), "success")
    return redirect(url_for("gemeente.settings"), code=303)
