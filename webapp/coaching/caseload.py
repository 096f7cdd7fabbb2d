"""The coach's side: the caseload dashboard and a participant's page."""

from flask import make_response, render_template
from flask_login import current_user

from webapp.coaching import bp, queries
from webapp.coaching.appointments import appointments_of
from webapp.coaching.messages import participant_thread
from webapp.coaching.plan import plan_forms, plan_of
from webapp.coaching.views import coach_required, no_store, participant_or_404
from webapp.db import get_db

PARTICIPANT_PAGE_MESSAGES = 10


@bp.get("/caseload/<int:resident_id>")
@coach_required
def participant(resident_id):
    return participant_page(participant_or_404(resident_id))


def participant_page(resident, status=200, **forms):
    """Everything about one participant; every opening is written to the access log."""
    db = get_db()
    resident_id = resident["id"]
    thread = participant_thread(resident, limit=PARTICIPANT_PAGE_MESSAGES)
    upcoming, past = appointments_of(db, resident_id)
    goals = plan_of(db, resident_id)
    forms = plan_forms(goals, forms.get("goal_form"), forms.get("step_forms"))
    queries.log_access(db, current_user, resident_id, "page")
    return no_store(make_response(render_template(
        "coaching/participant.html", resident=resident, thread=thread, upcoming=upcoming,
        past=past[:3], goals=goals, **forms,
    ), status))  # fmt: skip
