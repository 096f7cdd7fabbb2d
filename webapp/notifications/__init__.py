"""In-app notifications: a list, an unread count in the navigation.

Other areas call ``notify``; the text comes from the kind, so a notification
never carries private content (phones show them on the lock screen).
"""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from webapp.db import get_db, now_iso, one, rows
from webapp.forms import EmptyForm
from webapp.web import safe_next

bp = Blueprint("notifications", __name__)

# What each kind says. Areas add their kinds here; keep texts free of names
# and content.
KINDS = {
    "message": (_l("You have a new message from your coach."), "i-message"),
    "appointment": (_l("Your coach planned or changed an appointment."), "i-calendar"),
    "appointment_reminder": (_l("Reminder: you have an appointment tomorrow."), "i-calendar"),
    "interest_answer": (_l("Your coach answered about a job you want."), "i-interest"),
    "proposal_decision": (
        _l("The municipality decided about a proposal you support."), "i-proposal",
    ),
    "proposal_closed": (_l("A proposal you support has closed."), "i-proposal"),
    "job_published": (_l("A job that residents proposed is now open."), "i-job"),
    "placed": (_l("You have a place in a job."), "i-check"),
    # For coaches and about coaching (issue 4).
    "participant_message": (_l("A participant sent you a message."), "i-message"),
    "appointment_answer": (_l("A participant answered about an appointment."), "i-calendar"),
    "caseload_added": (_l("A participant was added to your caseload."), "i-people"),
    "coach_changed": (_l("You have a new coach."), "i-user"),
    "proposal_threshold": (
        _l("A proposal you support has enough votes. The municipality will look at it."),
        "i-vote",
    ),
    "proposal_changes_asked": (
        _l("The municipality asked you to change your proposal."), "i-edit",
    ),
    "proposal_comment": (_l("Someone wrote something about your proposal."), "i-message"),
    "proposal_answer": (_l("Someone answered you about a proposal."), "i-message"),
    "content_removed": (_l("The municipality removed something you wrote."), "i-info"),
}


def notify(db, user_ids, kind, link=""):
    """Tell each of ``user_ids`` that something happened (in the caller's transaction).

    Each notification also goes to the person's phones as a push, after the
    response (``webapp.pwa.push.schedule``), with the kind's text only.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind}")
    created = now_iso()
    ids = []
    with db.atomic():  # joins the caller's transaction if one is open
        for user_id in sorted(set(user_ids)):
            ids.append(
                db.conn.execute(
                    "INSERT INTO notifications (user_id, kind, link, created_at) VALUES (?, ?, ?, ?)",
                    (user_id, kind, link, created),
                ).lastrowid
            )
    from webapp.pwa import push

    push.schedule(db, ids)


def unread_count(db, user_id):
    return one(
        db, "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", (user_id,)
    )[0]


@bp.app_context_processor
def inject_unread():
    def unread():
        if not current_user.is_authenticated:
            return 0
        return unread_count(get_db(), current_user.id)

    return {"unread_notifications": unread}


@bp.get("/notifications")
@login_required
def index():
    items = rows(
        get_db(),
        """SELECT * FROM notifications WHERE user_id = ?
           ORDER BY read_at IS NULL DESC, created_at DESC, id DESC LIMIT 100""",
        (current_user.id,),
    )
    return render_template(
        "notifications/index.html", items=items, kinds=KINDS, form=EmptyForm()
    )


@bp.post("/notifications/<int:notification_id>/open")
@login_required
def open_one(notification_id):
    if not EmptyForm().validate_on_submit():
        abort(400)
    db = get_db()
    item = one(
        db,
        "SELECT * FROM notifications WHERE id = ? AND user_id = ?",
        (notification_id, current_user.id),
    )
    if item is None:
        abort(404)
    db.execute(
        "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ?",
        (now_iso(), notification_id),
    )
    return redirect(safe_next(item["link"], url_for("notifications.index")), code=303)


@bp.post("/notifications/read")
@login_required
def read_all():
    if not EmptyForm().validate_on_submit():
        abort(400)
    get_db().execute(
        "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
        (now_iso(), current_user.id),
    )
    return redirect(safe_next(request.form.get("next"), url_for("notifications.index")), 303)
