"""Moderation: reported questions, comments and proposals; restore or remove."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import gemeente_required
from webapp.db import get_db
from webapp.gemeente import bp, queries
from webapp.gemeente.forms import ModerationForm
from webapp.proposals import changes
from webapp.proposals.queries import now_utc


def _page(db, form=None, failed=None, status=200):
    return render_template("gemeente/reports.html", items=queries.reported_items(db),
                           form=form, failed=failed), status  # fmt: skip


@bp.get("/reports")
@gemeente_required
def reports():
    return _page(get_db())


def _moderate(kind, target_id):
    db = get_db()
    form = ModerationForm()
    if not form.validate_on_submit():
        return _page(db, form, (kind, target_id), 422)
    outcome = changes.moderate(db, kind, target_id, form.action.data, form.reason.data.strip(),
                               current_user.id, now_utc())  # fmt: skip
    if outcome.code == "unknown":
        abort(404)
    flash(_("Done. The item is shown again.") if form.action.data == "restore"
          else _("Done. The item is removed."), "success")  # fmt: skip
    return redirect(url_for("gemeente.reports"), code=303)


@bp.post("/reports/proposal/<int:target_id>")
@gemeente_required
def moderate_proposal(target_id):
    return _moderate("proposal", target_id)


@bp.post("/reports/comment/<int:target_id>")
@gemeente_required
def moderate_comment(target_id):
    return _moderate("comment", target_id)
