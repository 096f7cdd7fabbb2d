"""The workspace's front page: a few figures and charts, numbers as text too."""

from flask import render_template
from flask_babel import format_date
from flask_babel import gettext as _

from webapp.access import gemeente_required
from webapp.db import get_db
from webapp.domain import proposals as rules
from webapp.gemeente import bp, queries
from webapp.proposals import labels
from webapp.proposals.queries import now_utc
from webapp.templating import job_text


def shorten(text, limit=32):
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@bp.get("")
@gemeente_required
def overview():
    db = get_db()
    now = now_utc()
    numbers = queries.figures(db, now)
    by_status = [(labels.STATUS[status], numbers["proposals"][status])
                 for status in rules.LIST_ORDER]  # fmt: skip
    weeks = [(format_date(monday, "d MMM"), count)
             for monday, count in queries.votes_per_week(db, now)]  # fmt: skip
    jobs = [
        (_("Open jobs"), numbers["jobs"]["open"]),
        (_("Places filled in open jobs"), numbers["places_filled"]),
        (_("Places left in open jobs"), max(0, numbers["places"] - numbers["places_filled"])),
        (_("Job drafts"), numbers["jobs"]["draft"]),
        (_("Closed jobs"), numbers["jobs"]["closed"]),
    ]
    interests = [(shorten(job_text(job, "title")), job["interest_count"])
                 for job in queries.interests_per_job(db)]  # fmt: skip
    return render_template(
        "gemeente/overview.html", numbers=numbers, by_status=by_status, weeks=weeks, jobs=jobs,
        interests=interests,
        waiting=numbers["proposals"]["with_gemeente"],
    )  # fmt: skip
