"""The coach's side: the caseload dashboard and a participant's page.

A coach sees only their own caseload (``users.coach_id``); another coach's
participant is a 404, as if the id did not exist. Every opening of a
participant's page or export is written to the access log, which the
resident reads on "My coach" and in their own data download.
"""

import functools
import json
from datetime import date, timedelta

from babel import dates
from flask import (
    Response,
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from webapp.coaching import bp, queries
from webapp.coaching.appointments import appointments_of
from webapp.coaching.export import resident_export
from webapp.coaching.forms import CoachDetailsForm, InterestAnswerForm
from webapp.coaching.messages import participant_thread
from webapp.coaching.plan import plan_forms, plan_of
from webapp.coaching.views import coach_required, no_store, participant_or_404
from webapp.db import get_db, now_iso, one, rows, write_transaction
from webapp.domain import coaching as rules
from webapp.forms import CONTROL_CHARACTERS
from webapp.jobs import list_jobs
from webapp.jobs.queries import JOB_COLUMNS, JOB_JOINS
from webapp.notifications import notify
from webapp.profile import steps as profile_steps
from webapp.profile.queries import as_matching_profile, completeness, profile_row

PARTICIPANT_PAGE_MESSAGES = 10
FITTING_JOBS = 5
SEARCH_MAX = 60


# --- the dashboard -------------------------------------------------------------------


def _marks(ids):
    return ",".join("?" * len(ids))


def caseload_of(db, coach_id, search="", only=None):
    """The coach's participants as ``rules.Participant``, with what the dashboard shows,
    who needs attention first (``only``: just that one participant)."""
    sql = """SELECT id, username, display_name FROM users
             WHERE coach_id = ? AND role = 'resident'"""
    params = [coach_id]
    if only is not None:
        sql += " AND id = ?"
        params.append(only)
    if search:
        pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql += " AND (display_name LIKE ? ESCAPE '\\' OR username LIKE ? ESCAPE '\\')"
        params += [pattern, pattern]
    people = rows(db, sql, params)
    if not people:
        return []
    ids = [row["id"] for row in people]
    marks = _marks(ids)
    now = queries.now_local()
    unread = dict(rows(
        db,
        f"""SELECT resident_id, COUNT(*) FROM messages WHERE resident_id IN ({marks})
            AND from_coach = 0 AND read_at IS NULL GROUP BY resident_id""",  # noqa: S608
        ids,
    ))  # fmt: skip
    last_message = dict(rows(
        db,
        f"""SELECT messages.resident_id, messages.created_at FROM messages
            JOIN (SELECT MAX(id) AS id FROM messages WHERE resident_id IN ({marks})
                  GROUP BY resident_id) AS newest ON newest.id = messages.id""",  # noqa: S608
        ids,
    ))  # fmt: skip
    appointments = {}
    for row in rows(
        db,
        f"""SELECT resident_id, starts_at, status FROM appointments
            WHERE resident_id IN ({marks})""",  # noqa: S608
        ids,
    ):
        appointments.setdefault(row["resident_id"], []).append((row["starts_at"], row["status"]))
    open_interests = dict(rows(
        db,
        f"""SELECT user_id, COUNT(*) FROM interests WHERE user_id IN ({marks})
            AND status = 'open' AND coach_answer IS NULL GROUP BY user_id""",  # noqa: S608
        ids,
    ))  # fmt: skip
    profiles = {row["user_id"]: row for row in rows(
        db, f"SELECT * FROM profiles WHERE user_id IN ({marks})", ids  # noqa: S608
    )}  # fmt: skip
    participants = []
    for person in people:
        pid = person["id"]
        own = appointments.get(pid, [])
        held = [start for start, status in own if rules.took_place(start, status, now)]
        last_days = [queries.local_date_of(last_message[pid])] if pid in last_message else []
        last_days += [rules.local_start(max(held)).date()] if held else []
        coming = rules.next_appointment(own, now)
        answered, total = completeness(profiles.get(pid))
        participants.append(rules.Participant(
            id=pid, name=queries.name_of(person), unread=unread.get(pid, 0),
            last_contact=max(last_days) if last_days else None,
            next_appointment=coming[0] if coming else None,
            open_interests=open_interests.get(pid, 0),
            other_time_asked=any(status == "other_time" and start >= now.isoformat()
                                 for start, status in own),
            answered=answered, questions=total,
        ))  # fmt: skip
    return rules.order_caseload(participants, now.date())


def contacts_by_month(db, coach_id, today):
    """{(year, month): contacts} over the last 12 months for the whole caseload.

    A contact is a (participant, day) pair with a message either way or a
    meeting that took place (``rules.contacts_per_month`` says the same in
    Python); the database counts, so a year of a busy thread costs little.
    Message days are as stored (UTC): at most an hour or two off at a
    month's edge.
    """
    since = (date(today.year - 1, today.month, 1) + timedelta(days=32)).replace(day=1)
    ids = [row[0] for row in rows(
        db, "SELECT id FROM users WHERE coach_id = ? AND role = 'resident'", (coach_id,)
    )]  # fmt: skip
    if not ids:
        return {}
    marks = _marks(ids)
    now = queries.now_local().isoformat(timespec="minutes")
    found = rows(
        db,
        f"""SELECT substr(day, 1, 7), COUNT(*) FROM (
                SELECT resident_id, substr(created_at, 1, 10) AS day FROM messages
                WHERE resident_id IN ({marks}) AND created_at >= ?
                UNION
                SELECT resident_id, substr(starts_at, 1, 10) FROM appointments
                WHERE resident_id IN ({marks}) AND starts_at >= ? AND starts_at < ?
                AND status != 'cancelled'
            ) GROUP BY 1""",  # noqa: S608
        [*ids, since.isoformat(), *ids, since.isoformat(), now],
    )
    return {(int(month[:4]), int(month[5:7])): count for month, count in found}


@functools.lru_cache(maxsize=512)
def month_names(language, year, month):
    """('nov', 'november 2026'): Babel is slow enough to remember these."""
    first = date(year, month, 1)
    return (dates.format_date(first, "MMM", locale=language).rstrip("."),
            dates.format_date(first, "MMMM y", locale=language))  # fmt: skip


def chart(db, coach_id, today):
    counts = rules.month_series(contacts_by_month(db, coach_id, today), today)
    locale = get_locale()
    language = locale.language if locale else "nl"
    months = []
    for year, month, count in counts:
        label, name = month_names(language, year, month)
        months.append({"label": label, "name": name, "count": count})
    bars = rules.bar_chart([month["count"] for month in months], width=360, height=180)
    return {
        "months": months, "bars": list(zip(bars, months, strict=True)),
        "total": sum(month["count"] for month in months), "width": 360, "height": 180,
    }  # fmt: skip


@bp.get("/caseload")
@coach_required
def dashboard():
    db = get_db()
    search = request.args.get("q", "")
    status = 200
    error = None
    if len(search) > SEARCH_MAX or CONTROL_CHARACTERS.search(search):
        error = _("Type a shorter name, with letters only.")
        search, status = "", 400
    search = search.strip()
    participants = caseload_of(db, current_user.id, search)
    total = one(db, "SELECT COUNT(*) FROM users WHERE coach_id = ? AND role = 'resident'",
                (current_user.id,))[0]  # fmt: skip
    return render_template(
        "coaching/caseload.html", participants=participants, search=search, error=error,
        total=total, chart=chart(db, current_user.id, queries.today_local()),
        long_after=rules.LONG_AFTER_DAYS,
    ), status  # fmt: skip


# --- one participant ------------------------------------------------------------------------


def interests_of(db, resident_id):
    return rows(
        db,
        f"""SELECT {JOB_COLUMNS}, interests.id AS interest_id, interests.status AS interest_status,
                   interests.message AS interest_message, interests.coach_answer,
                   interests.coach_reason, interests.answered_at, interests.updated_at
            FROM interests JOIN jobs ON jobs.id = interests.job_id {JOB_JOINS}
            WHERE interests.user_id = ?
            ORDER BY interests.status = 'open' DESC, interests.coach_answer IS NULL DESC,
                     interests.updated_at DESC""",  # noqa: S608
        (resident_id,),
    )


def _interest_forms(interests, failed=None):
    """One answer form per interest; ``failed`` is (interest id, form with messages)."""
    forms = {}
    for item in interests:
        if failed is not None and failed[0] == item["interest_id"]:
            forms[item["interest_id"]] = failed[1]
            continue
        form = InterestAnswerForm(prefix=f"interest{item['interest_id']}", formdata=None)
        form.answer.data = item["coach_answer"]
        form.reason.data = item["coach_reason"]
        forms[item["interest_id"]] = form
    return forms


@bp.get("/caseload/<int:resident_id>")
@coach_required
def participant(resident_id):
    return participant_page(participant_or_404(resident_id))


def participant_page(resident, status=200, interest_form=None, **forms):
    """Everything about one participant; every opening is written to the access log."""
    db = get_db()
    resident_id = resident["id"]
    thread = participant_thread(resident, limit=PARTICIPANT_PAGE_MESSAGES)
    upcoming, past = appointments_of(db, resident_id)
    goals = plan_of(db, resident_id)
    forms = plan_forms(goals, forms.get("goal_form"), forms.get("step_forms"), forms.get("change_forms"))
    row = profile_row(db, resident_id)
    profile = as_matching_profile(row)
    answered, total = completeness(row)
    fitting = {"jobs": [], "fits": {}}
    if not profile.is_empty:
        wants = {"q": "", "category": None, "buurt": None, "wijk": None, "hours_max": None}
        fitting = list_jobs(db, profile, wants, "", 1, FITTING_JOBS)
    interests = interests_of(db, resident_id)
    attention = (caseload_of(db, current_user.id, only=resident_id) or [None])[0]
    queries.log_access(db, current_user, resident_id, "page")
    return no_store(make_response(render_template(
        "coaching/participant.html", resident=resident, thread=thread, upcoming=upcoming,
        past=past[:3], goals=goals,
        summary=[(step, profile_steps.answer_text(step, row)) for step in profile_steps.STEPS],
        answered=answered, total=total, fitting=fitting, interests=interests,
        interest_forms=_interest_forms(interests, interest_form), attention=attention,
        start_code=None, **forms,
    ), status))  # fmt: skip


@bp.post("/caseload/<int:resident_id>/interests/<int:interest_id>")
@coach_required
def interest_answer(resident_id, interest_id):
    resident = participant_or_404(resident_id)
    db = get_db()
    interest = None
    if queries.valid_id(interest_id):
        interest = one(db, "SELECT * FROM interests WHERE id = ? AND user_id = ?",
                       (interest_id, resident_id))  # fmt: skip
    if interest is None:
        abort(404)
    form = InterestAnswerForm(prefix=f"interest{interest_id}")
    if not form.validate_on_submit():
        return participant_page(resident, status=422, interest_form=(interest_id, form))
    reason = (form.reason.data or "").strip() if form.answer.data == "not_now" else ""
    with write_transaction(db):
        changed = db.execute(
            """UPDATE interests SET coach_answer = ?, coach_reason = ?, answered_by = ?,
                   answered_at = ?
               WHERE id = ? AND NOT (coach_answer IS ? AND coach_reason = ?)""",
            (form.answer.data, reason, current_user.id, now_iso(), interest_id,
             form.answer.data, reason),
        ).rowcount  # fmt: skip
        if changed:
            notify(db, [resident_id], "interest_answer", "/interests")
    flash(_("Your answer is sent. %(name)s sees it with the job.",
            name=queries.name_of(resident)), "success")  # fmt: skip
    return redirect(url_for("coaching.participant", resident_id=resident_id,
                            _anchor=f"interest-{interest_id}"), code=303)  # fmt: skip


@bp.get("/caseload/<int:resident_id>/export")
@coach_required
def participant_export(resident_id):
    resident = participant_or_404(resident_id)
    db = get_db()
    queries.log_access(db, current_user, resident_id, "export")
    data = resident_export(db, resident_id, for_coach=True)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return Response(
        body, mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="basisbaan-{resident["username"]}.json"',
            "Cache-Control": "private, no-store",
        },
    )  # fmt: skip


# --- the coach's own details ---------------------------------------------------------------------


@bp.route("/caseload/details", methods=["GET", "POST"])
@coach_required
def details():
    db = get_db()
    form = CoachDetailsForm()
    if request.method == "GET":
        row = one(db, "SELECT phone, available FROM coach_details WHERE user_id = ?",
                  (current_user.id,))  # fmt: skip
        if row:
            form.phone.data, form.available.data = row["phone"], row["available"]
    if form.validate_on_submit():
        db.execute(
            """INSERT INTO coach_details (user_id, phone, available, updated_at)
               VALUES (?, ?, ?, ?)
               ON CONFLICT (user_id) DO UPDATE SET phone = excluded.phone,
                   available = excluded.available, updated_at = excluded.updated_at""",
            (current_user.id, (form.phone.data or "").strip(),
             (form.available.data or "").strip(), now_iso()),
        )  # fmt: skip
        flash(_("Saved. Your participants see this on their page about you."), "success")
        return redirect(url_for("coaching.dashboard"), code=303)
    return render_template("coaching/details.html", form=form), 422 if form.errors else 200
