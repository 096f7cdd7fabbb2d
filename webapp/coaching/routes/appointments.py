"""Appointments: the coach plans, moves or cancels; the resident accepts or asks
for another time; both can put one in their phone's calendar."""

from datetime import UTC, date, datetime

import click
from flask import (
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from webapp.access import coach_required, resident_required
from webapp.coaching import bp, changes, queries
from webapp.coaching.forms import AnotherTimeForm, AppointmentForm
from webapp.coaching.routes.shared import found_or_404, me, participant_or_404, refused
from webapp.db import connect, get_db
from webapp.domain import calendar
from webapp.domain import coaching as rules
from webapp.forms import EmptyForm
from webapp.limits import successes_limited
from webapp.web import NO_STORE, form_lives_on


def _appointment_or_404(appointment_id, rule):
    """The appointment and its resident, if ``rule`` lets the logged-in user at it."""
    db = get_db()
    appointment = queries.appointment(db, appointment_id)
    if appointment is None:
        abort(404)
    resident = queries.user_row(db, appointment["resident_id"])
    if resident is None or not rule(me(), rules.person(resident)):
        abort(404)
    return appointment, resident


def _back(resident):
    if current_user.role == "coach":
        return url_for("coaching.participant", resident_id=resident["id"], _anchor="appointments")
    return url_for("coaching.appointments")


# --- the resident ------------------------------------------------------------------


@bp.get("/appointments")
@resident_required
def appointments():
    db = get_db()
    upcoming, past = queries.appointments_of(db, current_user.id)
    changes.read_appointment_notifications(db, current_user.id)
    return render_template(
        "coaching/appointments.html", upcoming=upcoming, past=past, form=EmptyForm(), now=queries.now_local()
    )


def _answerable_or_409(appointment):
    if not rules.may_be_answered(appointment["starts_at"], appointment["status"], queries.now_local()):
        return refused(
            _("This appointment has passed or was cancelled. You cannot answer it any more."),
            url_for("coaching.appointments"),
        )
    return None


@bp.post("/appointments/<int:appointment_id>/accept")
@resident_required
def appointment_accept(appointment_id):
    appointment, resident = _appointment_or_404(appointment_id, rules.may_answer_appointment)
    if not EmptyForm().validate_on_submit():
        abort(400)
    stop = _answerable_or_409(appointment)
    if stop:
        return stop
    with found_or_404():
        changes.accept_appointment(get_db(), me(), appointment_id)
    flash(_("You accepted the appointment. Your coach can see it."), "success")
    return redirect(url_for("coaching.appointments", _anchor=f"appointment-{appointment_id}"), 303)


@bp.route("/appointments/<int:appointment_id>/another-time", methods=["GET", "POST"])
@resident_required
@successes_limited("APPOINTMENT_LIMIT_PER_PERSON")
def appointment_another_time(appointment_id):
    appointment, resident = _appointment_or_404(appointment_id, rules.may_answer_appointment)
    form = AnotherTimeForm()
    if request.method == "GET" and appointment["status"] == "other_time":
        form.reason.data = appointment["reason"]
    if request.method == "POST":
        stop = _answerable_or_409(appointment)
        if stop:
            return stop
        if form.validate_on_submit():
            with found_or_404():
                changes.ask_another_time(get_db(), me(), appointment_id, form.reason.data.strip())
            flash(_("Your coach sees that you want another time."), "success")
            return redirect(url_for("coaching.appointments", _anchor=f"appointment-{appointment_id}"), 303)
    status = 422 if form.errors else 200
    return render_template("coaching/another_time.html", appointment=appointment, form=form), status


@bp.get("/appointments/<int:appointment_id>.ics")
@login_required
def appointment_ics(appointment_id):
    appointment, resident = _appointment_or_404(appointment_id, rules.may_read_appointments)
    db = get_db()
    if current_user.role == "coach":
        summary = _("Appointment with %(name)s", name=queries.name_of(resident))
    else:
        coach = queries.coach_of(db, resident)
        name = queries.name_of(coach) if coach else _("your coach")
        summary = _("Appointment with your coach %(name)s", name=name)
    where = appointment["place"]
    if appointment["kind"] == "phone":
        where = _("By phone") + (f": {where}" if where else "")
    created = queries.stamp_to_datetime(appointment["created_at"])
    updated = queries.stamp_to_datetime(appointment["updated_at"])
    text = calendar.event(
        uid=f"appointment-{appointment['id']}@basisbaan",
        start=rules.local_start(appointment["starts_at"]),
        minutes=appointment["minutes"],
        summary=summary,
        location=where,
        description=appointment["note"],
        stamp=datetime.now(UTC).replace(microsecond=0),
        status="CANCELLED" if appointment["status"] == "cancelled" else "CONFIRMED",
        sequence=int((updated - created).total_seconds()),
    )
    filename = f"afspraak-{appointment['starts_at'][:10]}.ics"
    return Response(
        text,
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": NO_STORE},
    )


# --- the coach -------------------------------------------------------------------------


def _values(form):
    return {
        "starts_at": f"{form.day.data.isoformat()}T{form.time.data.strftime('%H:%M')}",
        "minutes": int(form.minutes.data),
        "kind": form.kind.data,
        "place": (form.place.data or "").strip(),
        "note": (form.note.data or "").strip(),
    }


@bp.route("/caseload/<int:resident_id>/appointments/new", methods=["GET", "POST"])
@coach_required
@successes_limited("APPOINTMENT_LIMIT_PER_PERSON", repeat=("appointments", "coach_id"))
def appointment_new(resident_id):
    resident = participant_or_404(resident_id)
    form = AppointmentForm(today=queries.today_local())
    if form.validate_on_submit():
        with found_or_404():
            appointment_id = changes.plan_appointment(
                get_db(), current_user.id, resident["id"], _values(form), form.client_key()
            )
        flash(
            _("The appointment is planned. %(name)s gets a notification.", name=queries.name_of(resident)),
            "success",
        )
        return redirect(
            url_for("coaching.participant", resident_id=resident_id, _anchor=f"appointment-{appointment_id}"), 303
        )
    return render_template(
        "coaching/appointment_form.html", form=form, resident=resident, appointment=None
    ), 422 if form.errors else 200


def _changeable_or_409(appointment, resident):
    if not rules.may_be_changed(appointment["starts_at"], appointment["status"], queries.now_local()):
        return refused(
            _("This appointment has passed or was cancelled. You cannot change it any more."),
            _back(resident),
        )
    return None


@bp.route("/appointments/<int:appointment_id>/move", methods=["GET", "POST"])
@coach_required
def appointment_move(appointment_id):
    appointment, resident = _appointment_or_404(appointment_id, rules.may_plan_appointment)
    stop = _changeable_or_409(appointment, resident)
    if stop:
        return stop
    form = AppointmentForm(today=queries.today_local())
    if request.method == "GET":
        start = rules.local_start(appointment["starts_at"])
        form.day.data, form.time.data = start.date(), start.time()
        form.minutes.data = str(appointment["minutes"])
        form.kind.data = appointment["kind"]
        form.place.data, form.note.data = appointment["place"], appointment["note"]
    if form.validate_on_submit():
        with found_or_404():
            changes.move_appointment(get_db(), me(), appointment_id, _values(form))
        flash(
            _("The appointment is changed. %(name)s gets a notification.", name=queries.name_of(resident)),
            "success",
        )
        return redirect(
            url_for("coaching.participant", resident_id=resident["id"], _anchor=f"appointment-{appointment_id}"),
            303,
        )
    return render_template(
        "coaching/appointment_form.html", form=form, resident=resident, appointment=appointment
    ), 422 if form.errors else 200


def _cancel_on_page(appointment_id):
    if current_user.role != "coach":
        return url_for("coaching.appointments")
    _appointment, resident = _appointment_or_404(appointment_id, rules.may_plan_appointment)
    return _back(resident)


@bp.post("/appointments/<int:appointment_id>/cancel")
@form_lives_on(_cancel_on_page)
@coach_required
def appointment_cancel(appointment_id):
    appointment, resident = _appointment_or_404(appointment_id, rules.may_plan_appointment)
    if not EmptyForm().validate_on_submit():
        abort(400)
    if appointment["status"] != "cancelled":
        stop = _changeable_or_409(appointment, resident)
        if stop:
            return stop
    with found_or_404():
        changes.cancel_appointment(get_db(), me(), appointment_id)
    flash(
        _("The appointment is cancelled. %(name)s gets a notification.", name=queries.name_of(resident)), "success"
    )
    return redirect(_back(resident), code=303)


# --- reminders ---------------------------------------------------------------------


@bp.cli.command("send-reminders")
@click.option(
    "--today",
    "today_text",
    default=None,
    metavar="YYYY-MM-DD",
    help="Pretend it is this day (Amsterdam); default: today.",
)
def send_reminders_command(today_text):
    """Remind residents of tomorrow's appointments (run daily; never reminds twice)."""
    try:
        today = date.fromisoformat(today_text) if today_text else queries.today_local()
    except ValueError:
        raise click.BadParameter("use YYYY-MM-DD", param_hint="--today") from None
    db = connect(current_app.config["DATABASE"])
    try:
        sent = changes.send_reminders(db, today)
    finally:
        db.close()
    click.echo(f"Reminders sent: {sent}")
