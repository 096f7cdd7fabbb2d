"""The board's pages (``/toezicht``): its advice before a job is published."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import board_required
from webapp.db import get_db
from webapp.domain import oversight as rules
from webapp.domain import proposals as proposal_rules
from webapp.jobs.queries import job_by_id
from webapp.oversight import bp, changes, queries
from webapp.oversight.forms import VERDICT, VERDICT_SENTENCE, AdviceForm
from webapp.proposals import labels as proposal_labels
from webapp.proposals import queries as proposal_queries


@bp.app_context_processor
def _advice_helpers():
    """The job page and the municipality's job form show the newest advice (asked when drawn)."""

    def job_advice(job_id):
        return queries.newest_advice(get_db(), job_id)

    def advice_required():
        return proposal_queries.read_settings(get_db())[rules.ADVICE_SETTING]

    return {
        "job_advice": job_advice,
        "advice_required": advice_required,
        "advice_verdicts": VERDICT,
        "advice_sentences": VERDICT_SENTENCE,
    }


@bp.get("/toezicht")
@board_required
def workspace():
    db = get_db()
    return render_template(
        "oversight/workspace.html",
        waiting=queries.waiting_for_advice(db),
        waiting_count=queries.count_waiting(db),
        advised=queries.advised_drafts(db),
        recent=queries.recent_advices(db),
        shown=queries.SHOWN,
    )


@bp.route("/toezicht/jobs/<int:job_id>/advice", methods=["GET", "POST"])
@board_required
def advice(job_id):
    db = get_db()
    job = job_by_id(db, job_id) if 0 < job_id <= proposal_queries.SQLITE_MAX_INTEGER else None
    if job is None:
        abort(404)
    form = AdviceForm()
    status = 200
    if request.method == "POST":
        if not rules.may_advise(current_user.role, job["status"]):
            abort(409)
        if form.validate_on_submit():
            outcome = changes.give_advice(
                db,
                job_id,
                current_user.id,
                current_user.role,
                form.verdict.data,
                form.reason.data,
                form.displacement.data,
                form.conditions.data,
            )
            if outcome == "unknown":
                abort(404)
            if outcome in ("not_allowed", "invalid"):
                abort(409)
            if outcome == "done":
                flash(_("Your advice is saved. The municipality hears of it."), "success")
            else:
                flash(_("You gave this advice already. Nothing changed."), "info")
            return redirect(url_for("oversight.workspace"), code=303)
        status = 422
    proposal = proposal_queries.proposal_by_id(db, job["proposal_id"]) if job["proposal_id"] else None
    checked = set((proposal["decision_criteria"] or "").split(",")) if proposal else set()
    criteria = [(code, proposal_labels.CRITERIA[code], code in checked) for code in proposal_rules.CRITERIA]
    return render_template(
        "oversight/advice.html",
        job=job,
        form=form,
        proposal=proposal,
        criteria=criteria,
        newest=queries.newest_advice(db, job_id),
        may_advise=rules.may_advise(current_user.role, job["status"]),
    ), status
