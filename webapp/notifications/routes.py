"""The pages for notifications: the list, opening one, marking all read."""

from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from webapp import labels
from webapp.db import get_db
from webapp.domain.notifications import KINDS
from webapp.forms import EmptyForm
from webapp.notifications import bp, changes, queries
from webapp.web import safe_next


@bp.app_context_processor
def inject_unread():
    def unread():
        if not current_user.is_authenticated:
            return 0
        return queries.unread_count(get_db(), current_user.id)

    return {"unread_notifications": unread}


@bp.get("/notifications")
@login_required
def index():
    items = queries.latest(get_db(), current_user.id)
    return render_template(
        "notifications/index.html",
        items=items,
        texts=labels.NOTIFICATION,
        icons=KINDS,
        form=EmptyForm(),
    )


@bp.post("/notifications/<int:notification_id>/open")
@login_required
def open_one(notification_id):
    if not EmptyForm().validate_on_submit():
        abort(400)
    db = get_db()
    item = queries.notification_of(db, notification_id, current_user.id)
    if item is None:
        abort(404)
    changes.mark_read(db, notification_id)
    return redirect(safe_next(item["link"], url_for("notifications.index")), code=303)


@bp.post("/notifications/read")
@login_required
def read_all():
    if not EmptyForm().validate_on_submit():
        abort(400)
    changes.mark_all_read(get_db(), current_user.id)
    return redirect(safe_next(request.form.get("next"), url_for("notifications.index")), 303)
