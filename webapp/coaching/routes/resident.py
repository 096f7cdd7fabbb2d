"""The resident's side: the "My coach" page."""

from flask import render_template
from flask_login import current_user

from webapp.access import resident_required
from webapp.coaching import bp, queries
from webapp.coaching.routes.messages import resident_thread
from webapp.db import get_db

COACH_PAGE_MESSAGES = 10
WHO_LOOKED = 10


@bp.get("/coach")
@resident_required
def my_coach():
    db = get_db()
    thread, coach = resident_thread(limit=COACH_PAGE_MESSAGES)
    looked = queries.access_log(db, current_user.id, limit=WHO_LOOKED)
    # Kept by the service worker to read offline, like /messages and /plan.
    return render_template(
        "coaching/coach.html",
        thread=thread,
        coach=coach,
        looked=looked,
        next_appointment=queries.next_appointment(db, current_user.id),
        goals=queries.plan_of(db, current_user.id),
    )
