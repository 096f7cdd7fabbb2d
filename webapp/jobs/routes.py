"""The pages for jobs: the list with filters, a job's page, interests."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import resident_required
from webapp.db import get_db
from webapp.domain import matching
from webapp.domain.access import may_see_job
from webapp.forms import EmptyForm
from webapp.idempotency import ID_USED_ELSEWHERE
from webapp.jobs import bp, changes, queries
from webapp.jobs.forms import InterestForm, JobFilterForm
from webapp.limits import successes_limited
from webapp.profile.queries import questions_left, resident_profile
from webapp.web import is_htmx, page_or_partial, safe_next


@bp.app_context_processor
def _business_case_helper():
    """The job page and the municipality's job form show the business case (asked when drawn)."""

    def job_business_case(job):
        return queries.business_case(get_db(), job)

    return {"job_business_case": job_business_case}


@bp.get("/jobs")
def index():
    db = get_db()
    form = JobFilterForm(queries.places(db), formdata=request.args)
    profile = resident_profile(db, current_user)
    per_page = current_app.config["JOBS_PER_PAGE"]
    page = 1
    status = 200
    result = queries.NO_JOBS
    if form.validate():
        page = form.page.data or 1
        result = queries.list_jobs(db, profile, form.wants(), form.sort.data, page, per_page)
        if page > 1 and not (result["jobs"] or result["misfit_jobs"]):
            status = 404
    else:
        status = 400
    last_page = max(1, -(-result["total"] // per_page))
    return page_or_partial(
        "jobs/list.html",
        "jobs/_results.html",
        status,
        form=form,
        profile=profile,
        page=page,
        last_page=last_page,
        questions_left=questions_left(db, current_user),
        **result,
    )


def _visible_job(db, job_id):
    job = queries.job_by_id(db, job_id)
    role = current_user.role if current_user.is_authenticated else None
    if job is None or not may_see_job(job["status"], role):
        abort(404)
    return job


def _job_context(db, job, form=None):
    profile = resident_profile(db, current_user)
    interest = None
    if profile is not None:
        interest = queries.interest_of(db, current_user.id, job["id"])
    fit = None
    if profile is not None and not profile.is_empty:
        fit = matching.assess(profile, queries.as_fact(job))
    if form is None:
        form = InterestForm(has_coach=_has_coach())
        if interest and interest["status"] == "open":
            form.message.data = interest["message"]
    return {
        "job": job,
        "fit": fit,
        "profile": profile,
        "interest": interest,
        "form": form,
        "withdraw_form": EmptyForm(),
        "minimum": queries.minimum_wage(db),
    }


def _has_coach():
    """False only for a resident nobody coaches yet: their texts name the municipality."""
    return not (current_user.is_authenticated and current_user.is_resident and not current_user.coach_id)


@bp.get("/jobs/<int:job_id>")
def detail(job_id):
    db = get_db()
    job = _visible_job(db, job_id)
    return render_template("jobs/detail.html", **_job_context(db, job))


@bp.post("/jobs/<int:job_id>/interest")
@resident_required
@successes_limited("INTEREST_LIMIT_PER_PERSON", repeat=("interests", "user_id"))
def interest(job_id):
    db = get_db()
    job = _visible_job(db, job_id)
    form = InterestForm(has_coach=_has_coach())
    if not form.validate_on_submit():
        return _interest_answer(db, job, form, 422)
    outcome = changes.show_interest(
        db, current_user.id, job, form.client_id.data or None, (form.message.data or "").strip()
    )
    if outcome == "stored":
        if _has_coach():
            stored = _("Your coach can now see that you want this job.")
        else:
            stored = _("The municipality can now see that you want this job.")
        return _interest_answer(db, job, None, 200, stored)
    if outcome == "id_used_elsewhere":
        form.message.errors.append(ID_USED_ELSEWHERE)
    else:
        form.message.errors.append(_("This job is closed. You cannot react to it any more."))
    return _interest_answer(db, job, form, 409)


@bp.post("/jobs/<int:job_id>/interest/withdraw")
@resident_required
@successes_limited("INTEREST_LIMIT_PER_PERSON")
def withdraw(job_id):
    db = get_db()
    job = _visible_job(db, job_id)
    form = EmptyForm()
    if not form.validate_on_submit():
        abort(400)
    existing = queries.interest_of(db, current_user.id, job_id)
    if existing is None:
        abort(404)
    changes.withdraw_interest(db, current_user.id, existing["id"])
    return _interest_answer(db, job, None, 200, _("You took back your interest in this job."))


def _interest_answer(db, job, form, status, message=None):
    """htmx gets the interest box; a plain form post goes back to the job page."""
    if is_htmx():
        context = _job_context(db, job, form)
        response = page_or_partial(
            "jobs/detail.html", "jobs/_interest.html", status, notice_text=message, **context
        )
        return response
    if status >= 400:
        return render_template("jobs/detail.html", **_job_context(db, job, form)), status
    target = url_for("jobs.detail", job_id=job["id"], _anchor="interest")
    elsewhere = safe_next(request.form.get("next"), None)
    # On the job page the message shows inside the interest box (#interest),
    # where the person is looking; elsewhere at the top of the page.
    flash(message, "success" if elsewhere else "interest")
    return redirect(elsewhere or target, code=303)


@bp.get("/interests")
@resident_required
def interests():
    mine = queries.interests_of(get_db(), current_user.id)
    return render_template("jobs/interests.html", interests=mine, withdraw_form=EmptyForm())
