"""The coach's page about one participant: the thread, appointments, the plan,
job interests, the profile and fitting jobs, and the participant's data.

Every opening of the page or the data is written to the access log, which the
resident reads on "My coach" and in their own data download. The page is
built from pieces of messages (the thread), appointments and the plan (their
queries and forms); none of them imports this module. A coach's plan form
with a mistake raises ``ShowParticipantAgain``, which this module answers
with the page again.
"""

import json
from datetime import date

from flask import Response, abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import coach_required
from webapp.checkins import queries as checkin_queries
from webapp.coaching import bp, changes, queries
from webapp.coaching.forms import HomeBuurtForm, InterestAnswerForm, interest_forms, plan_forms
from webapp.coaching.routes.messages import participant_thread
from webapp.coaching.routes.shared import ShowParticipantAgain, found_or_404, me, participant_or_404
from webapp.db import get_db
from webapp.domain.verification import Verification, counts
from webapp.forms import EmptyForm
from webapp.jobs.queries import list_jobs
from webapp.profile import steps as profile_steps
from webapp.profile.queries import as_matching_profile, completeness, profile_row
from webapp.verification import changes as verification_changes
from webapp.verification import queries as verification_queries
from webapp.web import NO_STORE, form_lives_on

PARTICIPANT_PAGE_MESSAGES = 10
FITTING_JOBS = 5


def participant_page(resident, status=200, interest_form=None, **forms):
    """Everything about one participant, also shown again with a failed form's
    messages; every opening is written to the access log."""
    db = get_db()
    resident_id = resident["id"]
    thread = participant_thread(resident, limit=PARTICIPANT_PAGE_MESSAGES)
    upcoming, past = queries.appointments_of(db, resident_id)
    goals = queries.plan_of(db, resident_id)
    forms = plan_forms(goals, forms.get("goal_form"), forms.get("step_forms"), forms.get("change_forms"))
    row = profile_row(db, resident_id)
    profile = as_matching_profile(row)
    answered, total = completeness(row)
    fitting = {"jobs": [], "fits": {}}
    if not profile.is_empty:
        wants = {"q": "", "category": None, "buurt": None, "wijk": None, "hours_max": None}
        fitting = list_jobs(db, profile, wants, "", 1, FITTING_JOBS)
    interests = queries.interests_of(db, resident_id)
    attention = (queries.caseload_of(db, current_user.id, only=resident_id) or [None])[0]
    changes.log_access(db, current_user, resident_id, "page")
    proof = verification_queries.verification_row(db, resident_id)
    home_buurt = row["home_buurt_id"] if row else None
    proved = proof is not None and counts(
        Verification(proof["proof"], proof["buurt_id"]), verification_queries.accepted_proofs(db), home_buurt
    )
    response = make_response(
        render_template(
            "coaching/participant.html",
            resident=resident,
            thread=thread,
            upcoming=upcoming,
            past=past[:3],
            goals=goals,
            summary=[(step, profile_steps.answer_text(step, row)) for step in profile_steps.STEPS],
            answered=answered,
            total=total,
            fitting=fitting,
            interests=interests,
            interest_forms=interest_forms(interests, interest_form),
            attention=attention,
            start_code=None,
            home_buurt_name=row["buurt_name"] if home_buurt else None,
            home_buurt=home_buurt,
            proof=proof,
            proved=proved,
            checkin=checkin_queries.coach_view(db, resident_id, date.today()),
            **forms,
        ),
        status,
    )
    # Someone else's data: also a page shown again after a failed form is never kept.
    response.headers["Cache-Control"] = NO_STORE
    return response


@bp.errorhandler(ShowParticipantAgain)
def participant_page_again(request_to_show):
    """A plan form with a mistake, sent from this page: the page again, as a 422."""
    return participant_page(request_to_show.resident, status=422, **request_to_show.forms)


@bp.get("/caseload/<int:resident_id>")
@coach_required
def participant(resident_id):
    return participant_page(participant_or_404(resident_id))


def _interest_on_page(resident_id, interest_id):
    return url_for("coaching.participant", resident_id=resident_id, _anchor=f"interest-{interest_id}")


@bp.post("/caseload/<int:resident_id>/interests/<int:interest_id>")
@form_lives_on(_interest_on_page)
@coach_required
def interest_answer(resident_id, interest_id):
    resident = participant_or_404(resident_id)
    db = get_db()
    if queries.interest_of(db, interest_id, resident_id) is None:
        abort(404)
    form = InterestAnswerForm(prefix=f"interest{interest_id}")
    if not form.validate_on_submit():
        return participant_page(resident, status=422, interest_form=(interest_id, form))
    reason = (form.reason.data or "").strip() if form.answer.data == "not_now" else ""
    with found_or_404():
        changes.answer_interest(db, me(), interest_id, resident_id, form.answer.data, reason)
    flash(_("Your answer is sent. %(name)s sees it with the job.", name=queries.name_of(resident)), "success")
    return redirect(
        url_for("coaching.participant", resident_id=resident_id, _anchor=f"interest-{interest_id}"), code=303
    )


def _proof_on_page(resident_id):
    return url_for("coaching.participant", resident_id=resident_id, _anchor="proof")


@bp.post("/caseload/<int:resident_id>/verify")
@form_lives_on(_proof_on_page)
@coach_required
def verify_home(resident_id):
    """The coach met the participant and confirms their home buurt: their votes count."""
    resident = participant_or_404(resident_id)
    form = HomeBuurtForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        outcome = verification_changes.coach_confirms(get_db(), resident_id, form.buurt.data, me())
    except verification_changes.NotTheirCoach:
        abort(404)
    name = queries.name_of(resident)
    if outcome == "moved":
        flash(
            _("%(name)s changed where they live. Check the new neighbourhood and confirm again.", name=name),
            "error",
        )
        return participant_page(resident, status=409)
    flash(_("Confirmed. The votes of %(name)s count now.", name=name), "success")
    return redirect(_proof_on_page(resident_id), code=303)


@bp.post("/caseload/<int:resident_id>/verify/undo")
@form_lives_on(_proof_on_page)
@coach_required
def unverify_home(resident_id):
    """Take back the coach's confirmation (a mistake). Votes already cast stay."""
    resident = participant_or_404(resident_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        verification_changes.unverify(get_db(), resident_id, proof="coach", coach=me())
    except verification_changes.NotTheirCoach:
        abort(404)
    flash(_("Taken back. New votes of %(name)s do not count now.", name=queries.name_of(resident)), "success")
    return redirect(_proof_on_page(resident_id), code=303)


@bp.get("/caseload/<int:resident_id>/export")
@coach_required
def participant_export(resident_id):
    resident = participant_or_404(resident_id)
    db = get_db()
    changes.log_access(db, current_user, resident_id, "export")
    body = json.dumps(queries.participant_data(db, resident_id), ensure_ascii=False, indent=2)
    return Response(
        body,
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="basisbaan-{resident["username"]}.json"',
            "Cache-Control": NO_STORE,
        },
    )
