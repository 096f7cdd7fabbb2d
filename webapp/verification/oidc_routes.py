"""The postcode table of the municipality's own login: which postcode lies in which buurt.

The login itself is in webapp.auth.oidc_routes.
"""

import csv
import io

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from webapp.access import gemeente_required
from webapp.db import get_db
from webapp.domain import postcodes
from webapp.verification import bp, oidc_changes, oidc_queries
from webapp.verification.oidc_forms import PostcodeUploadForm


@bp.route("/gemeente/postcodes", methods=["GET", "POST"])
@gemeente_required
def postcodes_upload():
    db = get_db()
    form = PostcodeUploadForm()
    if form.validate_on_submit():
        raw = form.table.data.read(current_app.config["MAX_CONTENT_LENGTH"] + 1)
        try:
            text = raw.decode("utf-8-sig")
            dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;") if text.strip() else csv.excel
            rows = list(csv.reader(io.StringIO(text), dialect))
        except (UnicodeDecodeError, csv.Error):
            rows = None
        if rows is None or not rows:
            form.table.errors.append(_("We cannot read this file. Save it as CSV (UTF-8) and try again."))
        elif len(rows) > postcodes.MAX_ROWS:
            form.table.errors.append(
                _("This file is too long. Send at most %(count)d lines.", count=postcodes.MAX_ROWS)
            )
        else:
            pairs, bad = postcodes.parse_rows(rows, oidc_queries.buurt_keys(db))
            if bad:
                lines = ", ".join(str(number) for number in bad[:10])
                form.table.errors.append(
                    _(
                        "These lines have no postcode or no neighbourhood we know: %(lines)s. "
                        "Correct them and try again.",
                        lines=lines,
                    )
                )
            elif not pairs:
                form.table.errors.append(_("This file has no postcodes."))
            else:
                count = oidc_changes.replace_postcodes(db, pairs)
                flash(_("The postcode table is saved: %(count)d postcodes.", count=count), "success")
                return redirect(url_for("verification.postcodes_upload"), code=303)
    status = 422 if form.errors else 200
    return render_template(
        "verification/postcodes.html", form=form, counts=oidc_queries.postcode_counts(db)
    ), status


postcodes_upload.takes_files = True  # the one form here that takes a file (see create_app)
