"""Reviewing proposals that reached the threshold: the criteria and a decision."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import gemeente_required
from webapp.db import get_db
from webapp.domain import proposals as rules
from webapp.gemeente import bp, queries
from webapp.gemeente.forms import DecisionForm
from webapp.proposals import changes
from webapp.proposals import queries as proposal_queries


@bp.get("/proposals")
@gemeente_required
def proposals():
    db = get_db()
    return render_template(
        "gemeente/proposals.html",
        waiting=queries.review_queue(db, "with_gemeente"),
        changes_asked=queries.review_queue(db, "changes_asked"),
        approved=queries.review_queue(db, "approved"),
    )


@bp.route("/proposals/<int:proposal_id>", methods=["GET", "POST"])
@gemeente_required
def review(proposal_id):
    db = get_db()
    proposal = proposal_queries.proposal_by_id(db, proposal_id)
    if proposal is None or not rules.may_see(proposal["status"], proposal["opened_at"],
                                             current_user.id, proposal["author_id"]):  # fmt: skip
        abort(404)
    form = DecisionForm()
    status = 200
    if request.method == "POST":
        if not rules.may_decide(current_user.role, proposal["status"]):
            if proposal["status"] in rules.DECISIONS and proposal["decided_by"] == current_user.id:
                return redirect(url_for("gemeente.review", proposal_id=proposal_id), code=303)
            flash(_("Someone already decided about this proposal. See the answer below."), "info")
            return redirect(url_for("gemeente.review", proposal_id=proposal_id), code=303)
        if form.validate_on_submit():
            outcome = changes.decide(
                db, proposal_id, current_user.id, form.decision.data, form.reason.data,
                form.criteria.data or (), form.payer.data or "", form.amount.cents,
                proposal_queries.now_utc(),
            )  # fmt: skip
            if outcome.ok:
                flash(_("Your decision is sent. The author and everyone who voted can read it."),
                      "success")  # fmt: skip
                if form.decision.data == "approved":
                    job_id = proposal_queries.proposal_by_id(db, proposal_id)["job_id"]
                    return redirect(url_for("gemeente.job_edit", job_id=job_id), code=303)
                return redirect(url_for("gemeente.review", proposal_id=proposal_id), code=303)
            abort(409)
        status = 422
    elif rules.may_decide(current_user.role, proposal["status"]):
        form.decision.data = None
    return render_template(
        "gemeente/review.html", proposal=proposal, form=form,
        events=proposal_queries.events(db, proposal_id),
        may_decide=rules.may_decide(current_user.role, proposal["status"]),
    ), status  # fmt: skip
