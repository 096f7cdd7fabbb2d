"""A coach makes an account for a new participant and hands over a start code.

The code is shown once, large and as a QR code that opens /activate with the
code filled in; only its hash is stored. A new code for the same person
(a forgotten password) makes the older ones stop working.
"""

import re
import sqlite3
import unicodedata

import segno
from flask import abort, make_response, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from webapp.auth.accounts import create_user, issue_start_code
from webapp.coaching import bp, queries
from webapp.coaching.forms import NewResidentForm
from webapp.coaching.views import coach_required, no_store, participant_or_404
from webapp.db import get_db, now_iso, one, write_transaction
from webapp.forms import EmptyForm


def username_from(name, taken):
    """'Anna de Vries' -> 'anna.de.vries' (or 'anna.de.vries2' when taken)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", plain.lower())
    base = ".".join(words)[:30].strip(".") or "deelnemer"
    if len(base) < 3:
        base = f"deelnemer.{base}"
    candidate, number = base, 1
    while taken(candidate):
        number += 1
        candidate = f"{base}{number}"
    return candidate


def qr_svg(text, label):
    """An SVG QR code with no style attribute (strict CSP), named for screen readers."""
    code = segno.make(text, error="m", micro=False)
    svg = code.svg_inline(scale=4, border=4, title=label, svgclass="qr", lineclass="qr__line",
                          omitsize=True, dark="#000")  # fmt: skip
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S704 - segno's own markup


def start_code_page(resident, code, expires, new_account):
    link = url_for("auth.activate", code=code, _external=True)
    label = _("QR code: opens the page to choose a password, with the code filled in.")
    response = make_response(render_template(
        "coaching/start_code.html", resident=resident, code=code,
        valid_until=expires.astimezone(queries.AMSTERDAM), new_account=new_account,
        link=url_for("auth.activate", _external=True), qr=qr_svg(link, label),
    ))  # fmt: skip
    # The code is shown once and never stored: nothing may keep a copy.
    return no_store(response)


class UsernameTaken(Exception):
    pass


@bp.route("/caseload/new", methods=["GET", "POST"])
@coach_required
def new_resident():
    form = NewResidentForm()
    if form.validate_on_submit():
        db = get_db()
        try:
            user_id, created = _create(db, form)
        except UsernameTaken:
            form.username.errors.append(
                _("Someone already uses this username. Choose another one, or leave it empty.")
            )
        else:
            code, expires = issue_start_code(db, user_id, created_by=current_user.id)
            return start_code_page(queries.user_row(db, user_id), code, expires, created)
    return render_template("coaching/new_resident.html", form=form), 422 if form.errors else 200


def _create(db, form):
    """The account for this form, made once: a repeat finds the first (and gets a new code)."""
    key = form.client_key()
    name = form.display_name.data.strip()
    wanted = (form.username.data or "").strip()
    with write_transaction(db):
        earlier = key and one(db, "SELECT user_id FROM new_accounts WHERE client_id = ? "
                                  "AND coach_id = ?", (key, current_user.id))  # fmt: skip
        if earlier:
            return earlier["user_id"], False

        def taken(candidate):
            return one(db, "SELECT 1 FROM users WHERE username = ?", (candidate,)) is not None

        if wanted and taken(wanted):
            raise UsernameTaken()
        username = wanted or username_from(name, taken)
        try:
            user_id = create_user(db, username=username, role="resident", display_name=name,
                                  coach_id=current_user.id)  # fmt: skip
        except sqlite3.IntegrityError:
            raise UsernameTaken() from None
        stamp = now_iso()
        if key:
            db.execute(
                "INSERT INTO new_accounts (client_id, coach_id, user_id, created_at) "
                "VALUES (?, ?, ?, ?)",
                (key, current_user.id, user_id, stamp),
            )
        db.execute(
            """INSERT INTO coach_changes (resident_id, old_coach_id, new_coach_id, changed_by, at)
               VALUES (?, NULL, ?, ?, ?)""",
            (user_id, current_user.id, current_user.id, stamp),
        )
    return user_id, True


@bp.post("/caseload/<int:resident_id>/start-code")
@coach_required
def participant_start_code(resident_id):
    resident = participant_or_404(resident_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    code, expires = issue_start_code(get_db(), resident_id, created_by=current_user.id)
    return start_code_page(resident, code, expires, False)
