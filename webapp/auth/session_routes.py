"""Where you are logged in (/settings/sessions): each device, "Log out there"
and "Log out everywhere else". The sessions themselves: ``webapp/auth/sessions.py``."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from webapp.auth import bp, changes, sessions
from webapp.db import get_db
from webapp.domain import sessions as rules
from webapp.forms import EmptyForm
from webapp.web import form_lives_on, no_store


def device_label(row):
    """'Android phone, Chrome', 'iPhone, Safari', 'Windows computer, Edge'."""
    kind, system, browser = row["device_kind"], row["device_system"], row["device_browser"]
    if system in ("iPhone", "iPad", "Mac") or (system and not kind):
        device = system
    elif kind == rules.PHONE:
        device = _("%(system)s phone", system=system)
    elif kind == rules.TABLET:
        device = _("%(system)s tablet", system=system)
    elif kind == rules.COMPUTER:
        device = _("%(system)s computer", system=system)
    elif browser:
        device = _("A device")
    else:
        return _("A device we do not know")
    return _("%(device)s, %(browser)s", device=device, browser=browser) if browser else device


def device_icon(row):
    return "i-computer" if row["device_kind"] == rules.COMPUTER else "i-phone"


@bp.get("/settings/sessions")
@login_required
@no_store
def sessions_page():
    return render_template(
        "auth/sessions.html",
        sessions=sessions.live_sessions(current_user.id),
        device_label=device_label,
        device_icon=device_icon,
    )


@bp.post("/settings/sessions/<int:session_id>/logout")
@login_required
@form_lives_on("auth.sessions_page")
def session_logout(session_id):
    if not EmptyForm().validate_on_submit():
        abort(400)
    if session_id == current_user.session_id:
        # "Log out there" on this very device is a plain logout.
        sessions.log_out()
        flash(_("You are logged out. See you soon."), "success")
        return redirect(url_for("main.home"), code=303)
    outcome = changes.end_session(get_db(), current_user.id, session_id)
    if outcome == "not yours":
        abort(404)
    if outcome == "ended":
        flash(_("You are logged out on that device."), "success")
    else:
        flash(_("You were already logged out on that device."), "info")
    return redirect(url_for("auth.sessions_page"), code=303)


@bp.post("/settings/sessions/logout-others")
@login_required
@form_lives_on("auth.sessions_page")
def sessions_logout_others():
    if not EmptyForm().validate_on_submit():
        abort(400)
    ended = changes.end_other_sessions(get_db(), current_user.id, current_user.session_id)
    if ended:
        flash(
            ngettext(
                "You are logged out on %(num)d other device.",
                "You are logged out on %(num)d other devices.",
                ended,
            ),
            "success",
        )
    else:
        flash(_("You are not logged in anywhere else."), "info")
    return redirect(url_for("auth.sessions_page"), code=303)
