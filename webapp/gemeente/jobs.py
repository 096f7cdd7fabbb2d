"""Jobs in the workspace: create, edit, publish, close, reopen, and placements."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import gemeente_required
from webapp.db import get_db
from webapp.forms import EmptyForm
from webapp.gemeente import bp, queries
from webapp.gemeente.forms import JobForm, PlacementForm
from webapp.jobs.queries import job_by_id, minimum_wage, places
from webapp.proposals import queries as proposal_queries
from webapp.web import safe_next

PER_PAGE = 25
JOB_STATUSES = ("draft", "open", "closed")


def _buurt_ids(place_list):
    return [buurt["id"] for _wijk, buurten in place_list for buurt in buurten]


def _minimum_cents(db):
    minimum = minimum_wage(db)
    return minimum[0] if minimum else None


def _job_or_404(db, job_id):
    job = job_by_id(db, job_id)
    if job is None:
        abort(404)
    return job


@bp.get("/jobs")
@gemeente_required
def jobs():
    db = get_db()
    status = request.args.get("status", "")
    text = request.args.get("q", "")[:100]
    page_text = request.args.get("page", "1")
    if status not in ("", *JOB_STATUSES) or not page_text.isdigit() or len(page_text) > 5:
        abort(400)
    page = max(1, int(page_text))
    found, total = queries.job_page(db, status or None, text.strip(), page, PER_PAGE)
    if page > 1 and not found:
        abort(404)
    return render_template(
        "gemeente/jobs.html", jobs=found, total=total, page=page, status=status, q=text,
        last_page=max(1, -(-total // PER_PAGE)), statuses=JOB_STATUSES,
    )  # fmt: skip


@bp.route("/jobs/new", methods=["GET", "POST"])
@gemeente_required
def job_new():
    db = get_db()
    place_list = places(db)
    form = JobForm(_buurt_ids(place_list), _minimum_cents(db))
    status = 200
    if request.method == "GET":
        form.places.data = "1"
    elif form.validate_on_submit():
        job_id = queries.create_job(db, form.values(), proposal_queries.now_utc())
        flash(_("The job is saved as a draft. Publish it when it is ready."), "success")
        return redirect(url_for("gemeente.job_edit", job_id=job_id), code=303)
    else:
        status = 422
    return render_template("gemeente/job_form.html", form=form, places=place_list, job=None,
                           proposal=None), status  # fmt: skip


@bp.route("/jobs/<int:job_id>/edit", methods=["GET", "POST"])
@gemeente_required
def job_edit(job_id):
    db = get_db()
    job = _job_or_404(db, job_id)
    place_list = places(db)
    form = JobForm(_buurt_ids(place_list), _minimum_cents(db), job["places_filled"])
    status = 200
    if request.method == "GET":
        form.fill_from(job)
    elif form.validate_on_submit():
        outcome = queries.update_job(db, job_id, form.values())
        if outcome == "below_filled":
            form.places.errors.append(_("There are more people placed than that. Fill in at "
                                        "least %(num)d.", num=job["places_filled"]))  # fmt: skip
            status = 422
        else:
            flash(_("The job is saved."), "success")
            return redirect(url_for("gemeente.job_edit", job_id=job_id), code=303)
    else:
        status = 422
    proposal = None
    if job["proposal_id"]:
        proposal = proposal_queries.proposal_by_id(db, job["proposal_id"])
    return render_template(
        "gemeente/job_form.html", form=form, places=place_list, job=job, proposal=proposal,
        missing=queries.missing_texts(job), action_form=EmptyForm(formdata=None),
    ), status  # fmt: skip


def _status_change(job_id, action, message):
    if not EmptyForm().validate_on_submit():
        abort(400)
    db = get_db()
    outcome = queries.change_job_status(db, job_id, action, current_user.id,
                                        proposal_queries.now_utc())  # fmt: skip
    if outcome == "unknown":
        abort(404)
    if outcome == "texts_missing":
        flash(_("Fill in the title, summaries and tasks in both languages first."), "error")
    elif outcome == "not_allowed":
        flash(_("This is not possible for a job with this status."), "error")
    else:
        flash(message, "success")
    target = safe_next(request.form.get("next"), url_for("gemeente.job_edit", job_id=job_id))
    return redirect(target, code=303)


@bp.post("/jobs/<int:job_id>/publish")
@gemeente_required
def job_publish(job_id):
    return _status_change(job_id, "publish", _("The job is open. Residents can react now."))


@bp.post("/jobs/<int:job_id>/close")
@gemeente_required
def job_close(job_id):
    return _status_change(job_id, "close", _("The job is closed."))


@bp.post("/jobs/<int:job_id>/reopen")
@gemeente_required
def job_reopen(job_id):
    return _status_change(job_id, "reopen", _("The job is open again."))


@bp.route("/jobs/<int:job_id>/placements", methods=["GET", "POST"])
@gemeente_required
def placements(job_id):
    db = get_db()
    job = _job_or_404(db, job_id)
    form = PlacementForm()
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            outcome = queries.place(db, job_id, form.username.data, current_user.id,
                                    proposal_queries.now_utc())  # fmt: skip
            messages = {
                "no_resident": _("We cannot find a resident with this username."),
                "full": _("All places are filled. Add a place to the job first."),
                "not_open": _("This job is not open. Open it first."),
            }
            if outcome in messages:
                form.username.errors.append(messages[outcome])
                status = 409 if outcome in ("full", "not_open") else 422
            else:
                flash(_("The resident is placed. They get a notification."), "success")
                return redirect(url_for("gemeente.placements", job_id=job_id), code=303)
        else:
            status = 422
    job = job_by_id(db, job_id)
    return render_template(
        "gemeente/placements.html", job=job, form=form, placed=queries.placements(db, job_id),
        interested=queries.interested_residents(db, job_id), action_form=EmptyForm(formdata=None),
        places_left=max(0, job["places"] - job["places_filled"]),
    ), status  # fmt: skip


@bp.post("/jobs/<int:job_id>/placements/<int:placement_id>/remove")
@gemeente_required
def placement_remove(job_id, placement_id):
    if not EmptyForm().validate_on_submit():
        abort(400)
    db = get_db()
    _job_or_404(db, job_id)
    queries.remove_placement(db, job_id, placement_id)
    flash(_("The placement is undone. The place is free again."), "success")
    return redirect(url_for("gemeente.placements", job_id=job_id), code=303)

