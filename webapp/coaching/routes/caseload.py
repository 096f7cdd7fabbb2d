"""The coach's caseload ("My participants"): who needs the coach now, the rest
A to Z, contacts per month, and the coach's own contact details.

A coach sees only their own caseload (``users.coach_id``); another coach's
participant is a 404, as if the id did not exist.
"""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import coach_required
from webapp.coaching import bp, changes, formatting, queries
from webapp.coaching.forms import CoachDetailsForm
from webapp.db import get_db
from webapp.domain import coaching as rules
from webapp.forms import CONTROL_CHARACTERS
from webapp.web import is_htmx, page_or_partial

SEARCH_MAX = 60


@bp.get("/caseload")
@coach_required
def dashboard():
    """Who needs the coach now, then the rest A to Z; a search by name (as you
    type with htmx, a plain form without) and an A-Z jump: anyone in two taps."""
    db = get_db()
    search = request.args.get("q", "")
    letters_asked = request.args.get("letters")
    letters = rules.parse_letters(letters_asked) if letters_asked is not None else None
    status = 200
    error = None
    if len(search) > SEARCH_MAX or CONTROL_CHARACTERS.search(search):
        error = _("Type a shorter name, with letters only.")
        search, status = "", 400
    elif letters_asked is not None and letters is None:
        error = _("We do not know these letters. Choose a group of letters from the list.")
        status = 400
    search = search.strip()
    participants = queries.caseload_of(db, current_user.id, search, letters=letters)
    names = queries.caseload_names(db, current_user.id)
    context = {
        "needs_now": [p for p in participants if p.reasons],
        "rest": [p for p in participants if not p.reasons],
        "search": search,
        "letters": letters,
        "error": error,
        "total": len(names),
        "letter_groups": rules.letter_groups(names),
    }
    if not is_htmx():  # the list alone, as the coach types, needs no chart
        today = queries.today_local()
        counts = rules.month_series(queries.contacts_by_month(db, current_user.id, today), today)
        context["chart"] = formatting.contacts_chart(counts)
    return page_or_partial("coaching/caseload.html", "coaching/_caseload_list.html", status, **context)


@bp.route("/caseload/details", methods=["GET", "POST"])
@coach_required
def details():
    db = get_db()
    form = CoachDetailsForm()
    if request.method == "GET":
        row = queries.coach_details(db, current_user.id)
        if row:
            form.fill_from(row)
    if form.validate_on_submit():
        locale = get_locale()
        changes.save_coach_details(
            db,
            current_user.id,
            (form.phone.data or "").strip(),
            form.availability(locale.language if locale else "nl"),
        )
        flash(_("Saved. Your participants see this on their page about you."), "success")
        return redirect(url_for("coaching.dashboard"), code=303)
    return render_template("coaching/details.html", form=form), 422 if form.errors else 200
