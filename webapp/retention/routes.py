"""'I am still here': a warned resident keeps their account."""

from datetime import UTC, datetime

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import resident_required
from webapp.db import get_db
from webapp.forms import EmptyForm
from webapp.retention import bp, changes


def now():
    """The one clock of this module (tests move it)."""
    return datetime.now(UTC)


@bp.post("/still-here")
@resident_required
def still_here():
    """Counts as activity and takes the warning away; a repeat says the same."""
    if not EmptyForm().validate_on_submit():
        abort(400)
    changes.still_here(get_db(), current_user.id, now())
    flash(_("Thank you. Your account stays. Nothing else changes."), "success")
    return redirect(url_for("main.home"), code=303)
