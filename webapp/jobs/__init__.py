"""Finding jobs: the list with filters, a job's page, and interests."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import resident_required
from webapp.db import get_db, now_iso, rows, write_transaction
from webapp.domain import matching
from webapp.domain.access import may_see_job, may_show_interest
from webapp.forms import EmptyForm
from webapp.idempotency import ID_USED_ELSEWHERE, find_earlier
from webapp.jobs import queries
from webapp.jobs.forms import InterestForm, JobFilterForm
from webapp.profile.queries import as_matching_profile, profile_row
from webapp.web import is_htmx, page_or_partial, safe_next

bp = Blueprint("jobs", __name__)


def resident_profile():
    """The logged-in resident's matching profile, or None for anyone else."""
    if current_user.is_authenticated and current_user.is_resident:
        return as_matching_profile(profile_row(get_db(), current_user.id))
    return None


def list_jobs(db, profile, wants, sort, page, per_page):
    """One page of jobs: best fit first for a resident with a profile, else newest."""
    facts = queries.open_job_facts(db, current_app.config["DATABASE"])
    text = wants.pop("q")
    ids = queries.search_ids(db, text) if text else None
    chosen = queries.filter_facts(facts, ids=ids, **wants)
    by_fit = profile is not None and not profile.is_empty and sort != "new"
    if by_fit:
        chosen = matching.order(profile, chosen)
    start = (page - 1) * per_page
    page_rows = queries.jobs_by_ids(db, [job.id for job in chosen[start : start + per_page]])
    fits = {}
    if profile is not None and not profile.is_empty:
        fits = {row["id"]: matching.assess(profile, queries.as_fact(row)) for row in page_rows}
    return {"jobs": page_rows, "fits": fits, "total": len(chosen), "by_fit": by_fit}


@bp.get("/jobs")
def index():
    db = get_db()
    form = JobFilterForm(queries.places(db), formdata=request.args)
    profile = resident_profile()
    per_page = current_app.config["JOBS_PER_PAGE"]
    page = 1
    status = 200
    result = {"jobs": [], "fits": {}, "total": 0, "by_fit": False}
    if form.validate():
        page = form.page.data or 1
        result = list_jobs(db, profile, form.wants(), form.sort.data, page, per_page)
        if page > 1 and not result["jobs"]:
            status = 404
    else:
        status = 400
    last_page = max(1, -(-result["total"] // per_page))
    return page_or_partial(
        "jobs/list.html", "jobs/_results.html", status, form=form, profile=profile,
        page=page, last_page=last_page, **result,
    )  # fmt: skip


def _visible_job(db, job_id):
    job = queries.job_by_id(db, job_id)
    role = current_user.role if current_user.is_authenticated else None
    if job is None or not may_see_job(job["status"], role):
        abort(404)
    return job


def _job_context(db, job, form=None):
    profile = resident_profile()
    interest = None
    if profile is not None:
        interest = queries.interest_of(db, current_user.id, job["id"])
    fit = None
    if profile is not None and not profile.is_empty:
        fit = matching.assess(profile, queries.as_fact(job))
    if form is None:
        form = InterestForm()
        if interest and interest["status"] == "open":
            form.message.data = interest["message"]
    return {
        "job": job, "fit": fit, "profile": profile, "interest": interest, "form": form,
        "withdraw_form": EmptyForm(), "minimum": queries.minimum_wage(db),
    }  # fmt: skip


@bp.get("/jobs/<int:job_id>")
def detail(job_id):
    db = get_db()
    job = _visible_job(db, job_id)
    return render_template("jobs/detail.html", **_job_context(db, job))


@bp.post("/jobs/<int:job_id>/interest")
@resident_required
def interest(job_id):
    db = get_db()
    job = _visible_job(db, job_id)
    form = InterestForm()
    if not form.validate_on_submit():
        return _interest_answer(db, job, form, 422)
    client_id = form.client_id.data or None
    with write_transaction(db):
        outcome = _store_interest(db, job, client_id, (form.message.data or "").strip())
    if outcome == "stored":
        return _interest_answer(db, job, None, 200, _("Your coach can now see that you want this job."))
    if outcome == "id_used_elsewhere":
        form.message.errors.append(ID_USED_ELSEWHERE)
    else:
        form.message.errors.append(_("This job is closed. You cannot react to it any more."))
    return _interest_answer(db, job, form, 409)


def _store_interest(db, job, client_id, message):
    """Write the interest once; a repeat of the same client id is answered as the first.

    The repeat changes nothing: a late retry from the outbox must not re-open
    an interest that was taken back in the meantime (see webapp.idempotency).
    """
    earlier = find_earlier(db, "interests", "user_id", current_user.id, client_id)
    if earlier is not None:
        return "stored" if earlier["job_id"] == job["id"] else "id_used_elsewhere"
    if not may_show_interest(job["status"]):
        return "closed"
    # Upsert on the unique (user, job) pair: a repeat without a client id
    # (no JavaScript) finds the same row too.
    db.execute(
        """INSERT INTO interests (user_id, job_id, message, status, created_at, updated_at, client_id)
           VALUES (?, ?, ?, 'open', ?, ?, ?)
           ON CONFLICT (user_id, job_id) DO UPDATE SET
               message = excluded.message, status = 'open', updated_at = excluded.updated_at,
               client_id = COALESCE(excluded.client_id, interests.client_id)""",
        (current_user.id, job["id"], message, now_iso(), now_iso(), client_id),
    )
    return "stored"


@bp.post("/jobs/<int:job_id>/interest/withdraw")
@resident_required
def withdraw(job_id):
    db = get_db()
    job = _visible_job(db, job_id)
    form = EmptyForm()
    if not form.validate_on_submit():
        abort(400)
    existing = queries.interest_of(db, current_user.id, job_id)
    if existing is None:
        abort(404)
    db.execute(
        "UPDATE interests SET status = 'withdrawn', updated_at = ? WHERE id = ?",
        (now_iso(), existing["id"]),
    )
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
    db = get_db()
    mine = rows(
        db,
        f"""SELECT {queries.JOB_COLUMNS}, interests.id AS interest_id,
                   interests.status AS interest_status, interests.message AS interest_message,
                   interests.updated_at AS interest_updated_at,
                   interests.coach_answer, interests.coach_reason
            FROM interests JOIN jobs ON jobs.id = interests.job_id {queries.JOB_JOINS}
            WHERE interests.user_id = ?
            ORDER BY interests.status = 'open' DESC, interests.updated_at DESC""",  # noqa: S608
        (current_user.id,),
    )
    return render_template("jobs/interests.html", interests=mine, withdraw_form=EmptyForm())
