"""The workspace's pages: overview, reviewing proposals, jobs and placements,
moderation, settings and caseloads."""

from flask import abort, current_app, flash, make_response, redirect, render_template, request, url_for
from flask_babel import format_date, format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup

from webapp import exports
from webapp import labels as job_labels
from webapp.access import gemeente_required
from webapp.checkins import labels as checkin_labels
from webapp.checkins import queries as checkin_queries
from webapp.db import get_db
from webapp.domain import checkins as checkin_rules
from webapp.domain import impact as impact_rules
from webapp.domain import jobs as job_rules
from webapp.domain import proposals as rules
from webapp.domain.settings import PROOFS_KEY
from webapp.forms import CONTROL_CHARACTERS, EmptyForm
from webapp.gemeente import bp, changes, queries
from webapp.gemeente.forms import (
    FORM_FIELD,
    BijstandForm,
    DecisionForm,
    JobForm,
    MinimumWageForm,
    ModerationForm,
    PartnerForm,
    PlacementForm,
    PublishForm,
    ReassignForm,
    SettingsForm,
    amount_shown,
)
from webapp.i18n import current_choice
from webapp.jobs import queries as job_queries
from webapp.jobs.queries import job_by_id, minimum_wage, places
from webapp.labels import person_name
from webapp.proposals import changes as proposal_changes
from webapp.proposals import labels
from webapp.proposals import queries as proposal_queries
from webapp.templating import job_text, whole_euros
from webapp.verification import queries as verification_queries
from webapp.web import form_lives_on, safe_next

PER_PAGE = 25
JOB_STATUSES = ("draft", "open", "closed")
SETTING_KEYS = ("threshold", "voting_days", "vote_limit", "coach_days", "objection_days", "employer_charge")
ADVICE_SETTING = "advice_required"  # a checkbox: webapp.domain.oversight.ADVICE_SETTING
SHOWN = 20  # residents a caseload search shows
PROOF_LABELS = {
    "coach": _l("Met by a coach"),
    "code": _l("Voting code"),
    "oidc": _l("The municipality's login"),
    "none": _l("No proof that counts now"),
}
SEARCH_MAX = 60


@bp.context_processor
def _workspace_menu():
    """The workspace's menu shows how many residents wait for a coach (asked once, when drawn)."""
    cache = {}

    def waiting_for_coach():
        if "count" not in cache:
            cache["count"] = queries.waiting_for_coach(get_db())
        return cache["count"]

    return {"waiting_for_coach": waiting_for_coach}


# --- the overview: a few figures and charts, numbers as text too ---------------------------


def shorten(text, limit=32):
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@bp.get("")
@gemeente_required
def overview():
    db = get_db()
    now = proposal_queries.now_utc()
    numbers = queries.figures(db, now)
    by_status = [(labels.STATUS[status], numbers["proposals"][status]) for status in rules.LIST_ORDER]
    weeks = [(format_date(monday, "d MMM"), count) for monday, count in queries.votes_per_week(db, now)]
    jobs = [
        (_("Open jobs"), numbers["jobs"]["open"]),
        (_("Places filled in open jobs"), numbers["places_filled"]),
        (_("Places left in open jobs"), max(0, numbers["places"] - numbers["places_filled"])),
        (_("Job drafts"), numbers["jobs"]["draft"]),
        (_("Closed jobs"), numbers["jobs"]["closed"]),
    ]
    interests = [(shorten(job_text(job, "title")), job["interest_count"]) for job in queries.interests_per_job(db)]
    counted = queries.votes_by_proof(db, verification_queries.accepted_proofs(db))
    proofs = [(PROOF_LABELS[proof], counted[proof]) for proof in ("coach", "code", "oidc", "none")]
    return render_template(
        "gemeente/overview.html",
        proofs=proofs,
        numbers=numbers,
        by_status=by_status,
        weeks=weeks,
        jobs=jobs,
        interests=interests,
        waiting=numbers["proposals"]["with_gemeente"],
    )


# --- reviewing proposals that reached the threshold: the criteria and a decision -------------


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
    if proposal is None or not rules.may_see(
        proposal["status"], proposal["opened_at"], current_user.id, proposal["author_id"]
    ):
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
            outcome = proposal_changes.decide(
                db,
                proposal_id,
                current_user.id,
                form.decision.data,
                form.reason.data,
                form.criteria.data or (),
                form.payer.data or "",
                form.amount.cents,
                proposal_queries.now_utc(),
            )
            if outcome.ok:
                flash(_("Your decision is sent. The author and everyone who voted can read it."), "success")
                if form.decision.data == "approved":
                    job_id = proposal_queries.proposal_by_id(db, proposal_id)["job_id"]
                    return redirect(url_for("gemeente.job_edit", job_id=job_id), code=303)
                return redirect(url_for("gemeente.review", proposal_id=proposal_id), code=303)
            abort(409)
        status = 422
    elif rules.may_decide(current_user.role, proposal["status"]):
        form.decision.data = None
    return render_template(
        "gemeente/review.html",
        proposal=proposal,
        form=form,
        events=proposal_queries.events(db, proposal_id),
        may_decide=rules.may_decide(current_user.role, proposal["status"]),
    ), status


# --- jobs: create, edit, publish, close, reopen ----------------------------------------------


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
        "gemeente/jobs.html",
        jobs=found,
        total=total,
        page=page,
        status=status,
        q=text,
        last_page=max(1, -(-total // PER_PAGE)),
        statuses=JOB_STATUSES,
    )


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
        job_id = changes.create_job(db, form.values(), proposal_queries.now_utc())
        flash(_("The job is saved as a draft. Publish it when it is ready."), "success")
        return redirect(url_for("gemeente.job_edit", job_id=job_id), code=303)
    else:
        status = 422
    return render_template("gemeente/job_form.html", form=form, places=place_list, job=None, proposal=None), status


@bp.route("/jobs/<int:job_id>/edit", methods=["GET", "POST"])
@gemeente_required
def job_edit(job_id):
    db = get_db()
    job = _job_or_404(db, job_id)
    place_list = places(db)
    form = JobForm(_buurt_ids(place_list), _minimum_cents(db), job["places_filled"], status=job["status"])
    status = 200
    partner_form = PartnerForm(formdata=None)
    if request.method == "GET":
        form.fill_from(job)
        _fill_partner_form(db, job, partner_form, request.args.get("partner"))
    elif form.validate_on_submit():
        outcome = changes.update_job(db, job_id, form.values())
        if outcome == "below_filled":
            form.places.errors.append(
                _("There are more people placed than that. Fill in at least %(num)d.", num=job["places_filled"])
            )
            status = 422
        else:
            flash(_("The job is saved."), "success")
            return redirect(url_for("gemeente.job_edit", job_id=job_id), code=303)
    else:
        status = 422
    return _job_edit_page(db, job, form, place_list, PublishForm(formdata=None), status, partner_form)


def _fill_partner_form(db, job, partner_form, asked):
    """``?partner=<id>`` opens a partner to change; a job without partners is
    offered its "who pays" as the first one."""
    if asked is not None:
        if not asked.isdigit() or len(asked) > 12:
            abort(404)
        row = job_queries.partner(db, job["id"], int(asked))
        if row is None:
            abort(404)
        partner_form.fill_from(row)
        return
    if job_queries.partners(db, job["id"]):
        return
    first = job_queries.first_partner(db, job)
    if first:
        partner_form.name.data = first["name"]
        partner_form.kind.data = "money"
        partner_form.amount.data = amount_shown(first["yearly_cents"])


def _job_edit_page(db, job, form, place_list, publish_form, status, partner_form=None):
    proposal = None
    if job["proposal_id"]:
        proposal = proposal_queries.proposal_by_id(db, job["proposal_id"])
    form.mark_to_translate(job_rules.to_translate(job))
    return render_template(
        "gemeente/job_form.html",
        form=form,
        places=place_list,
        job=job,
        proposal=proposal,
        missing=[FORM_FIELD.get(name, name) for name in job_rules.missing_to_publish(job)],
        missing_plain=queries.missing_plain_texts(job),
        action_form=EmptyForm(formdata=None),
        publish_form=publish_form,
        partner_form=partner_form or PartnerForm(formdata=None),
        partners=job_queries.partners(db, job["id"]),
    ), status


def _refused_publish(db, job_id, publish_form, status, partner_form=None):
    """The job's page again, with the publish or partner form's message on it (no JavaScript needed)."""
    job = _job_or_404(db, job_id)
    place_list = places(db)
    form = JobForm(
        _buurt_ids(place_list), _minimum_cents(db), job["places_filled"], status=job["status"], formdata=None
    )
    form.fill_from(job)
    return _job_edit_page(db, job, form, place_list, publish_form, status, partner_form)


def _status_change(job_id, action, message, override_reason=""):
    db = get_db()
    outcome = changes.change_job_status(
        db, job_id, action, current_user.id, proposal_queries.now_utc(), override_reason
    )
    if outcome == "unknown":
        abort(404)
    if outcome in ("needs_advice", "needs_reason"):
        publish_form = PublishForm(formdata=None)
        publish_form.reason.data = override_reason
        publish_form.reason.errors = [
            _("The job is not published yet. The oversight board gives its advice first.")
            if outcome == "needs_advice"
            else _("The board objects to this job. Write your public reason to publish it anyway.")
        ]
        return _refused_publish(db, job_id, publish_form, 409)
    if outcome == "missing":
        names = job_rules.missing_to_publish(job_by_id(db, job_id))
        flash(
            _(
                "The job is not published yet. Fill in first: %(fields)s.",
                fields="; ".join(JobForm([], None, formdata=None).publish_labels(names)),
            ),
            "error",
        )
    elif outcome == "not_allowed":
        flash(_("This is not possible for a job with this status."), "error")
    else:
        flash(message, "success")
    target = safe_next(request.form.get("next"), url_for("gemeente.job_edit", job_id=job_id))
    return redirect(target, code=303)


@bp.post("/jobs/<int:job_id>/publish")
@form_lives_on("gemeente.job_edit")
@gemeente_required
def job_publish(job_id):
    form = PublishForm()
    if not form.validate_on_submit():
        return _refused_publish(get_db(), job_id, form, 422)
    return _status_change(
        job_id, "publish", _("The job is open. Residents can react now."), (form.reason.data or "").strip()
    )


@bp.post("/jobs/<int:job_id>/close")
@form_lives_on("gemeente.job_edit")
@gemeente_required
def job_close(job_id):
    if not EmptyForm().validate_on_submit():
        abort(400)
    return _status_change(job_id, "close", _("The job is closed."))


@bp.post("/jobs/<int:job_id>/reopen")
@form_lives_on("gemeente.job_edit")
@gemeente_required
def job_reopen(job_id):
    if not EmptyForm().validate_on_submit():
        abort(400)
    return _status_change(job_id, "reopen", _("The job is open again."))


# --- the business case: a job's partners -------------------------------------------------


@bp.post("/jobs/<int:job_id>/partners")
@form_lives_on("gemeente.job_edit")
@gemeente_required
def partner_save(job_id):
    db = get_db()
    _job_or_404(db, job_id)
    form = PartnerForm()
    if not form.validate_on_submit():
        return _refused_publish(db, job_id, PublishForm(formdata=None), 422, form)
    outcome = changes.save_partner(
        db,
        job_id,
        form.partner_id(),
        form.name.data,
        form.kind.data,
        form.amount.cents,
        form.note.data,
        proposal_queries.now_utc(),
    )
    if outcome == "unknown":
        abort(404)
    if outcome != "saved":
        messages = {
            "same_name": _("Another partner has this name. Choose another name."),
            "too_many": _("A job has at most 12 partners. Remove one first."),
        }
        message = messages.get(outcome) or _("This did not work. Check the fields and try again.")
        form.name.errors = [*form.name.errors, message]
        status = 409 if outcome == "too_many" else 422
        return _refused_publish(db, job_id, PublishForm(formdata=None), status, form)
    flash(_("The partner is saved."), "success")
    return redirect(url_for("gemeente.job_edit", job_id=job_id, _anchor="business-case"), code=303)


@bp.post("/jobs/<int:job_id>/partners/<int:partner_id>/remove")
@form_lives_on("gemeente.job_edit")
@gemeente_required
def partner_remove(job_id, partner_id):
    if not EmptyForm().validate_on_submit():
        abort(400)
    db = get_db()
    _job_or_404(db, job_id)
    changes.remove_partner(db, job_id, partner_id)
    flash(_("The partner is removed."), "success")
    return redirect(url_for("gemeente.job_edit", job_id=job_id, _anchor="business-case"), code=303)


# --- placements ------------------------------------------------------------------------------


@bp.route("/jobs/<int:job_id>/placements", methods=["GET", "POST"])
@gemeente_required
def placements(job_id):
    db = get_db()
    job = _job_or_404(db, job_id)
    form = PlacementForm()
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            outcome = changes.place(db, job_id, form.username.data, current_user.id, proposal_queries.now_utc())
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
        "gemeente/placements.html",
        job=job,
        form=form,
        placed=queries.placements(db, job_id),
        interested=queries.interested_residents(db, job_id),
        action_form=EmptyForm(formdata=None),
        places_left=max(0, job["places"] - job["places_filled"]),
    ), status


@bp.post("/jobs/<int:job_id>/placements/<int:placement_id>/remove")
@gemeente_required
def placement_remove(job_id, placement_id):
    if not EmptyForm().validate_on_submit():
        abort(400)
    db = get_db()
    _job_or_404(db, job_id)
    changes.remove_placement(db, job_id, placement_id)
    flash(_("The placement is undone. The place is free again."), "success")
    return redirect(url_for("gemeente.placements", job_id=job_id), code=303)


# --- moderation: reported questions, comments and proposals; restore or remove ---------------


def _reports_page(db, form=None, failed=None, status=200):
    return render_template(
        "gemeente/reports.html", items=queries.reported_items(db), form=form, failed=failed
    ), status


@bp.get("/reports")
@gemeente_required
def reports():
    return _reports_page(get_db())


def _moderate(kind, target_id):
    db = get_db()
    form = ModerationForm()
    if not form.validate_on_submit():
        return _reports_page(db, form, (kind, target_id), 422)
    outcome = proposal_changes.moderate(
        db,
        kind,
        target_id,
        form.action.data,
        (form.reason.data or "").strip(),
        current_user.id,
        proposal_queries.now_utc(),
    )
    if outcome.code == "unknown":
        abort(404)
    flash(
        _("Done. The item is shown again.") if form.action.data == "restore" else _("Done. The item is removed."),
        "success",
    )
    return redirect(url_for("gemeente.reports"), code=303)


@bp.post("/reports/proposal/<int:target_id>")
@gemeente_required
def moderate_proposal(target_id):
    return _moderate("proposal", target_id)


@bp.post("/reports/comment/<int:target_id>")
@gemeente_required
def moderate_comment(target_id):
    return _moderate("comment", target_id)


# --- settings changed without a deploy: votes and the minimum wage ---------------------------


def _settings_page(db, settings_form, wage_form, status=200, bijstand_form=None):
    return render_template(
        "gemeente/settings.html",
        form=settings_form,
        wage_form=wage_form,
        wages=proposal_queries.minimum_wages(db),
        bijstand_form=bijstand_form or BijstandForm(formdata=None),
        bijstand=job_queries.bijstand_amounts(db),
    ), status


@bp.route("/settings", methods=["GET", "POST"])
@gemeente_required
def settings():
    db = get_db()
    form = SettingsForm()
    if request.method == "POST":
        if form.validate_on_submit():
            values = {key: getattr(getattr(form, key), "number", None) for key in SETTING_KEYS}
            if values["employer_charge"] is None:  # not sent: kept as it is
                del values["employer_charge"]
            values[PROOFS_KEY] = form.proofs()
            values[ADVICE_SETTING] = int(bool(form.advice_required.data))
            changes.save_settings(db, values, current_user.id, proposal_queries.now_utc())
            flash(_("The settings are saved."), "success")
            return redirect(url_for("gemeente.settings"), code=303)
        return _settings_page(db, form, MinimumWageForm(formdata=None), 422)
    form.fill(proposal_queries.read_settings(db))
    return _settings_page(db, form, MinimumWageForm(formdata=None))


@bp.post("/settings/wage")
@gemeente_required
def wage():
    db = get_db()
    form = MinimumWageForm()
    current = SettingsForm(formdata=None)
    current.fill(proposal_queries.read_settings(db))
    if not form.validate_on_submit():
        return _settings_page(db, current, form, 422)
    problem = changes.add_minimum_wage(db, form.valid_from.day, form.amount.cents)
    if problem == "date":
        form.valid_from.errors.append(_("Choose a date after the newest minimum wage. The past stays as it was."))
        return _settings_page(db, current, form, 422)
    if problem:
        form.amount.errors.append(_("Fill in an amount in euros, like 14.71."))
        return _settings_page(db, current, form, 422)
    flash(_("The new minimum wage is saved."), "success")
    return redirect(url_for("gemeente.settings"), code=303)


@bp.post("/settings/bijstand")
@gemeente_required
def bijstand():
    db = get_db()
    form = BijstandForm()
    current = SettingsForm(formdata=None)
    current.fill(proposal_queries.read_settings(db))
    wage_form = MinimumWageForm(formdata=None)
    if not form.validate_on_submit():
        return _settings_page(db, current, wage_form, 422, form)
    problem = changes.add_bijstand(
        db, form.bijstand_from.day, form.bijstand_amount.cents, form.bijstand_period.data
    )
    if problem == "date":
        form.bijstand_from.errors.append(
            _("Choose a date after the newest bijstand amount. The past stays as it was.")
        )
        return _settings_page(db, current, wage_form, 422, form)
    if problem:
        form.bijstand_amount.errors.append(_("Bijstand: fill in an amount in euros, like 1,401.50."))
        return _settings_page(db, current, wage_form, 422, form)
    flash(_("The new bijstand amount is saved."), "success")
    return redirect(url_for("gemeente.settings"), code=303)


# --- caseloads: move a participant to another coach ------------------------------------------


@bp.get("/caseloads")
@gemeente_required
def caseloads():
    db = get_db()
    search = request.args.get("q", "")
    status, error = 200, None
    if len(search) > SEARCH_MAX or CONTROL_CHARACTERS.search(search):
        search, status = "", 400
        error = _("Type a shorter name, with letters only.")
    search = search.strip()
    found = queries.residents_named(db, search, SHOWN) if search else []
    return render_template(
        "gemeente/caseloads.html",
        search=search,
        found=found,
        without=queries.residents_without_coach(db, SHOWN),
        totals=queries.caseload_totals(db),
        coach_days=proposal_queries.read_settings(db)["coach_days"],
        error=error,
        shown=SHOWN,
    ), status


@bp.route("/caseloads/<int:resident_id>", methods=["GET", "POST"])
@gemeente_required
def caseload_change(resident_id):
    db = get_db()
    resident = queries.resident(db, resident_id)
    if resident is None:
        abort(404)
    everyone = queries.coaches(db)
    labelled = [
        {
            "id": row["id"],
            "label": _(
                "%(name)s (%(num)d participants)", name=row["display_name"] or row["username"], num=row["caseload"]
            ),
        }
        for row in everyone
    ]
    form = ReassignForm(labelled)
    if request.method == "GET" and resident["coach_id"]:
        form.coach.data = str(resident["coach_id"])
    if form.validate_on_submit():
        new_coach = int(form.coach.data)
        outcome = changes.reassign(db, resident_id, new_coach, current_user.id)
        if outcome == "unknown":
            abort(404)
        if outcome == "not_allowed":
            abort(400)
        name = person_name(resident)
        coach = next(row for row in everyone if row["id"] == new_coach)
        coach_name = coach["display_name"] or coach["username"]
        if outcome == "done":
            flash(_("%(name)s is now in the caseload of %(coach)s.", name=name, coach=coach_name), "success")
        else:
            flash(_("%(name)s was already in the caseload of %(coach)s.", name=name, coach=coach_name), "info")
        return redirect(url_for("gemeente.caseloads", q=resident["username"]), code=303)
    return render_template("gemeente/caseload_change.html", resident=resident, form=form), (
        422 if form.errors else 200
    )


# --- the programme for the council: figures, charts, a printable view, downloads ------------

IMPACT_HEADINGS = {
    "name": _l("Group"),
    "jobs": _l("Jobs"),
    "open_jobs": _l("Open jobs"),
    "places": _l("Places"),
    "places_filled": _l("Places filled"),
    "people": _l("Participants placed"),
    "months": _l("Average months in the job"),
    "half_year": _l("Placed 6 months or longer"),
}
IMPACT_MONEY_HEADINGS = {
    "cost": _l("Wages and employer's costs"),
    "partners": _l("Paid by partners"),
    "benefit": _l("Bijstand no longer paid"),
    "net": _l("Net cost for the municipality"),
    "net_per_person": _l("Net cost per participant placed"),
}
IMPACT_GROUP_NAMES = {"category": _l("Per category"), "wijk": _l("Per district"), "all": _l("All together")}
IMPACT_JOB_HEADINGS = {
    "id": _l("Number"),
    "title": _l("Job"),
    "category": _l("Category"),
    "wijk": _l("District"),
    "status": _l("Status"),
    "places": _l("Places"),
    "places_filled": _l("Places filled"),
    "people": _l("Participants placed"),
    "months": _l("Average months in the job"),
}
CHECKIN_SIDES = {"before": _l("Before a basisbaan"), "after": _l("With a basisbaan")}


def _impact():
    """The report with readable names: category labels, and 'All' for the total."""
    report = queries.impact_report(get_db(), rules.stamp(proposal_queries.now_utc()))
    for row in report["category"]:
        row["name"] = str(job_labels.CATEGORY.get(row["name"], row["name"]))
    for row in report["all"]:
        row["name"] = str(IMPACT_GROUP_NAMES["all"])
    report["category"].sort(key=lambda row: row["name"])
    return report


def _euros(cents):
    """An amount in a download's cell: euros as a number (None stays empty)."""
    return None if cents is None else round(cents / 100, 2)


def _checkin_sheets(tables):
    """The check-in averages as the page shows them: people and averages per
    figure, "Not shown" where the suppression rule hides one."""
    columns = [str(_("Group")), str(_("Period")), str(_("People"))] + [
        str(checkin_labels.SHORT[question]) for question in checkin_rules.QUESTIONS
    ]

    def line(row_name, column_name, figure):
        if figure is None:
            return [row_name, column_name, str(_("Not shown"))] + [None] * len(checkin_rules.QUESTIONS)
        return [row_name, column_name, figure.people, *figure.averages()]

    def lines(table, row_name, column_name):
        if not table.shown:
            return [[str(_("Too few people answered to show this table."))] + [None] * (len(columns) - 1)]
        found = []
        everything = str(_("All"))
        for r in table.rows:
            found += [line(row_name(r), column_name(c), table.cells[(r, c)]) for c in table.columns]
            found.append(line(row_name(r), everything, table.row_totals[r]))
        found += [line(everything, column_name(c), table.column_totals[c]) for c in table.columns]
        found.append(line(everything, everything, table.grand_total))
        return found

    def quarter(key):
        return str(_("Quarter %(num)s of %(year)s", num=key[-1], year=key[:4]))

    return [
        (
            str(_("Check-ins per quarter")),
            columns,
            lines(tables["by_quarter"], quarter, lambda side: str(CHECKIN_SIDES[side])),
        ),
        (str(_("Check-ins per district")), columns, lines(tables["by_wijk"], str, str)),
    ]


def _impact_sheets(report):
    """The downloads' tables: per category, per wijk, all together, per job,
    and the check-in averages (the same aggregates as the page, nothing else)."""
    names = ("name", *impact_rules.FIGURES, *impact_rules.MONEY)
    columns = [str({**IMPACT_HEADINGS, **IMPACT_MONEY_HEADINGS}[name]) for name in names]
    sheets = [
        (
            str(IMPACT_GROUP_NAMES[group]),
            columns,
            [
                [_euros(row[name]) if name in impact_rules.MONEY else row[name] for name in names]
                for row in report[group]
            ],
        )
        for group in ("category", "wijk", "all")
    ]
    jobs = queries.impact_jobs(get_db(), rules.stamp(proposal_queries.now_utc()))
    money_names = impact_rules.MONEY[:-1]  # per job: no "per participant"
    sheets.append(
        (
            str(_("Per job")),
            [str(heading) for heading in IMPACT_JOB_HEADINGS.values()]
            + [str(IMPACT_MONEY_HEADINGS[name]) for name in money_names],
            [
                [
                    job["id"],
                    job_text(job, "title"),
                    str(job_labels.CATEGORY.get(job["category"], job["category"])),
                    job["wijk"],
                    str(labels.JOB_STATUS.get(job["status"], job["status"])),
                    job["places"],
                    job["places_filled"],
                    job["people"],
                    impact_rules.months(job["days"]),
                    *_job_money(job["case"]),
                ]
                for job in jobs
            ],
        )
    )
    return sheets + _checkin_sheets(checkin_queries.impact_tables(get_db()))


def _job_money(case):
    if case is None:
        return [None] * 4
    net = case.cost_cents - case.partners_cents - case.benefit_cents
    return [_euros(case.cost_cents), _euros(case.partners_cents), _euros(case.benefit_cents), _euros(net)]


KEPT_BODIES = 16  # days x languages x changes: a worker keeps no more than this


def _impact_body():
    """The programme's figures, charts and tables (``_impact_body.html``), made
    once a day per language, until what they are made of changes: every
    opening shows the same, and making it was nearly all of the page's time.
    Made anew in debug mode, so an edited template shows at once."""
    lang, plain = current_choice()
    key = (queries.impact_version(get_db()), proposal_queries.now_utc().date(), lang, plain, request.script_root)
    kept = current_app.extensions.setdefault("impact_body", {})
    if key not in kept or current_app.debug:
        if len(kept) >= KEPT_BODIES:
            kept.clear()
        kept[key] = Markup(_impact_body_html())  # noqa: S704 - autoescaped by Jinja
    return kept[key]


def _impact_body_html():
    report = _impact()
    charts = {
        group: [(shorten(row["name"]), row["places_filled"]) for row in report[group]]
        for group in ("category", "wijk")
    }
    people = [(shorten(row["name"]), row["people"]) for row in report["wijk"]]
    cost = [(shorten(row["name"]), row["cost"], whole_euros(row["cost"])) for row in report["category"]]
    return render_template(
        "gemeente/_impact_body.html",
        report=report,
        charts=charts,
        people=people,
        cost=cost,
        headings=IMPACT_HEADINGS,
        money_headings=IMPACT_MONEY_HEADINGS,
        figures=impact_rules.FIGURES,
        money_figures=impact_rules.MONEY,
        group_names=IMPACT_GROUP_NAMES,
        checkin_impact=checkin_queries.impact_tables(get_db()),
        made_on=format_date(proposal_queries.now_utc(), "long"),
        decimal=lambda number: "–" if number is None else format_decimal(number, "#,##0.0"),
    )


@bp.get("/impact")
@gemeente_required
def impact():
    return render_template("gemeente/impact.html", impact_body=_impact_body())


@bp.get("/impact/print")
@gemeente_required
def impact_print():
    return render_template("gemeente/impact_print.html", impact_body=_impact_body())


def _download(body, content_type, extension):
    response = make_response(body)
    response.headers["Content-Type"] = content_type
    day = proposal_queries.now_utc().strftime("%Y-%m-%d")
    response.headers["Content-Disposition"] = f'attachment; filename="basisbaan-impact-{day}.{extension}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/impact.csv")
@gemeente_required
def impact_csv():
    report = _impact()
    # The spreadsheet's sheets one after another: a line with the sheet's
    # name, its header line, its rows, and an empty line.
    parts = [
        exports.csv_text([name], []) + exports.csv_text(columns, records) + "\r\n"
        for name, columns, records in _impact_sheets(report)
    ]
    return _download("".join(parts), exports.CSV_TYPE, "csv")


@bp.get("/impact.ods")
@gemeente_required
def impact_ods():
    report = _impact()
    return _download(exports.ods_bytes(_impact_sheets(report)), exports.ODS_TYPE, "ods")
