"""Objections (on a proposal or a job), the board's answers (``/toezicht/objections``)
and the public body of decisions (``/decisions``)."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import only_for
from webapp.db import get_db
from webapp.domain import access as access_rules
from webapp.domain import objections as rules
from webapp.domain import proposals as proposal_rules
from webapp.forms import new_form_token
from webapp.limits import successes_limited
from webapp.objections import bp, changes, labels, queries
from webapp.objections.forms import DecisionForm, ObjectionForm, SearchForm
from webapp.proposals.queries import now_utc

PER_PAGE = 20

board_required = only_for(rules.may_decide)


def _logged_in():
    return current_user.is_authenticated


def _role():
    return current_user.role if _logged_in() else None


@bp.app_context_processor
def inject_objections():
    return {"objections_on": objections_on, "objection_labels": labels, "objection_state": objection_state}


def objection_state(row):
    return rules.state(row["decision"], row["answer_due"], now_utc())


def objections_on(kind, item):
    """What the include on a job or proposal page shows: the objections, and
    whether this visitor may add one."""
    found = queries.on_item(get_db(), kind, item["id"])
    if kind == "proposal":
        allowed = rules.may_object_to_proposal(item["status"], item["moderation"])
    else:
        allowed = rules.may_object_to_job(item["status"])
    return {"items": found, "may_object": allowed and rules.may_object(_role())}


# --- making an objection -------------------------------------------------------------------


def _proposal_or_404(db, proposal_id):
    proposal = queries.proposal(db, proposal_id)
    viewer = current_user.id if _logged_in() else None
    if proposal is None or not proposal_rules.may_see(
        proposal["status"], proposal["opened_at"], viewer, proposal["author_id"]
    ):
        abort(404)
    return proposal


def _job_or_404(db, job_id):
    job = queries.job(db, job_id)
    if job is None or not access_rules.may_see_job(job["status"], _role()):
        abort(404)
    return job


def _new(kind, item, back):
    db = get_db()
    if not rules.may_object(_role()):
        abort(403)
    form = ObjectionForm(_logged_in())
    closed = not (
        rules.may_object_to_proposal(item["status"], item["moderation"])
        if kind == "proposal"
        else rules.may_object_to_job(item["status"])
    )
    status = 200
    if closed:
        status = 409 if request.method == "POST" else 200
    elif request.method == "GET":
        form.form_token.data = new_form_token()
    elif form.validate_on_submit():
        logged_in = _logged_in()
        new = changes.NewObjection(
            kind=kind,
            item_id=item["id"],
            ground=form.ground.data,
            text=form.text.data.strip(),
            user_id=current_user.id if logged_in else None,
            public_name=current_user.name if logged_in and form.show_name.data else "",
            contact=None if logged_in else rules.contact(form.contact.data),
            client_id=form.form_token.data,
        )
        outcome = changes.make(db, new, now_utc())
        if outcome.ok:
            flash(
                _(
                    "Thank you. Your objection has number %(number)d. The oversight board answers it.",
                    number=outcome.objection_id,
                ),
                "success",
            )
            return redirect(back + f"#objection-{outcome.objection_id}", code=303)
        if outcome.code == "contact_limit":
            form.contact.errors = [
                _("Many objections came from this address today. Try again tomorrow, or call the municipality.")
            ]
            status = 429
        else:
            closed, status = True, 409
    else:
        status = 422
    return render_template(
        "objections/form.html", form=form, kind=kind, item=item, back=back, closed=closed
    ), status


@bp.route("/proposals/<int:proposal_id>/objections/new", methods=["GET", "POST"])
@successes_limited("OBJECTIONS_PER_ADDRESS")
def new_on_proposal(proposal_id):
    proposal = _proposal_or_404(get_db(), proposal_id)
    return _new("proposal", proposal, url_for("proposals.detail", proposal_id=proposal_id))


@bp.route("/jobs/<int:job_id>/objections/new", methods=["GET", "POST"])
@successes_limited("OBJECTIONS_PER_ADDRESS")
def new_on_job(job_id):
    job = _job_or_404(get_db(), job_id)
    return _new("job", job, url_for("jobs.detail", job_id=job_id))


# --- the board answers -------------------------------------------------------------------------


@bp.get("/toezicht/objections")
@board_required
def board_list():
    now = now_utc()
    found = queries.board_list(get_db())
    states = {row["id"]: rules.state(row["decision"], row["answer_due"], now) for row in found}
    return render_template("objections/board_list.html", items=found, states=states)


@bp.route("/toezicht/objections/<int:objection_id>", methods=["GET", "POST"])
@board_required
def board_detail(objection_id):
    db = get_db()
    objection = queries.for_board(db, objection_id)
    if objection is None:
        abort(404)
    form = DecisionForm()
    status = 200
    if request.method == "POST" and objection["decision"] is None:
        if form.validate_on_submit():
            outcome = changes.decide(
                db, objection_id, form.decision.data, form.reason.data.strip(), current_user.id, now_utc()
            )
            if outcome.ok:
                flash(_("Your decision is saved and public."), "success")
                return redirect(url_for("objections.board_detail", objection_id=objection_id), code=303)
            objection, status = queries.for_board(db, objection_id), 409
        else:
            status = 422
    elif request.method == "POST":
        status = 409
    return render_template(
        "objections/board_detail.html",
        objection=objection,
        form=form,
        state=rules.state(objection["decision"], objection["answer_due"], now_utc()),
    ), status


# --- the body of decisions ------------------------------------------------------------------------


@bp.get("/decisions")
def decisions():
    form = SearchForm(formdata=request.args)
    page = form.page_number
    if not form.validate() or page is None:
        return render_template("objections/decisions.html", form=form, items=[], total=0, page=1, last_page=1), 400
    q = (form.q.data or "").strip()
    found, total = queries.decisions_page(get_db(), q, page, PER_PAGE)
    last_page = max(1, -(-total // PER_PAGE))
    status = 404 if page > 1 and not found else 200
    return render_template(
        "objections/decisions.html", form=form, items=found, total=total, page=page, last_page=last_page, q=q
    ), status


@bp.get("/decisions/advice-<int:advice_id>")
def advice(advice_id):
    found = queries.advice(get_db(), advice_id)
    if found is None:
        abort(404)
    return render_template("objections/advice.html", advice=found)


@bp.get("/decisions/objection-<int:objection_id>")
def decision(objection_id):
    found = queries.public(get_db(), objection_id)
    if found is None:
        abort(404)
    return render_template("objections/decision.html", objection=found)
