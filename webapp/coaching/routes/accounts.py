"""A coach makes an account for a new participant and hands over a start code.

The code is shown once, large and as a QR code that opens /activate with the
code filled in; only its hash is stored. A new code for the same person
(a forgotten password) makes the older ones stop working.
"""

import segno
from flask import abort, make_response, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from webapp.access import coach_required
from webapp.auth.changes import NotTheirCoach, issue_start_code
from webapp.coaching import bp, changes, queries
from webapp.coaching.forms import NewResidentForm
from webapp.coaching.routes.shared import me, participant_or_404
from webapp.db import get_db
from webapp.forms import EmptyForm
from webapp.web import NO_STORE


def qr_svg(text, label):
    """An SVG QR code with no style attribute (strict CSP), named for screen readers."""
    code = segno.make(text, error="m", micro=False)
    svg = code.svg_inline(
        scale=4, border=4, title=label, svgclass="qr", lineclass="qr__line", omitsize=True, dark="#000"
    )
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S704 - segno's own markup


def start_code_page(resident, code, expires, new_account):
    link = url_for("auth.activate", code=code, _external=True)
    label = _("QR code: opens the page to choose a password, with the code filled in.")
    response = make_response(
        render_template(
            "coaching/start_code.html",
            resident=resident,
            code=code,
            valid_until=expires.astimezone(queries.AMSTERDAM),
            new_account=new_account,
            link=url_for("auth.activate", _external=True),
            qr=qr_svg(link, label),
        )
    )
    # The code is shown once and never stored: nothing may keep a copy.
    response.headers["Cache-Control"] = NO_STORE
    return response


@bp.route("/caseload/new", methods=["GET", "POST"])
@coach_required
def new_resident():
    form = NewResidentForm()
    if form.validate_on_submit():
        db = get_db()
        try:
            user_id, created = changes.create_participant(
                db,
                current_user.id,
                form.display_name.data.strip(),
                (form.username.data or "").strip(),
                form.client_key(),
            )
        except changes.UsernameTaken:
            form.username.errors.append(
                _("Someone already uses this username. Choose another one, or leave it empty.")
            )
        else:
            code, expires = _start_code(db, user_id)
            return start_code_page(queries.user_row(db, user_id), code, expires, created)
    return render_template("coaching/new_resident.html", form=form), 422 if form.errors else 200


@bp.post("/caseload/<int:resident_id>/start-code")
@coach_required
def participant_start_code(resident_id):
    resident = participant_or_404(resident_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    code, expires = _start_code(get_db(), resident_id)
    return start_code_page(resident, code, expires, False)


def _start_code(db, resident_id):
    """A code made only while this coach is the resident's coach (checked in the write):
    404 for a participant who moved to another coach a moment ago."""
    try:
        return issue_start_code(db, resident_id, created_by=current_user.id, coach=me())
    except NotTheirCoach:
        abort(404)
