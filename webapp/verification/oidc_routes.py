"""The municipality's own login (OpenID Connect) and its postcode table.

/login/oidc sends the person to the provider; /login/oidc/callback takes
the answer. An account is linked once to one person at the provider. A
resident whose postcode the provider tells and the postcode table knows is
verified for that buurt; without that, the login only links the account and
a coach or a voting code must still confirm the buurt.
"""

import csv
import io

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from webapp.access import gemeente_required
from webapp.auth import queries as auth_queries
from webapp.auth.users import User
from webapp.db import get_db
from webapp.domain import landing, postcodes
from webapp.profile import queries as profile_queries
from webapp.verification import bp, oidc_changes, oidc_client, oidc_queries
from webapp.verification.oidc_forms import PostcodeUploadForm
from webapp.web import no_store


def _failure_text(reason):
    return {
        "state": _("This login was already used or has expired. Start again."),
        "refused": _("The municipality's login stopped without logging you in. Try again."),
        "signature": _(
            "We could not check that this answer came from the municipality's login. We did not log you in."
        ),
        "audience": _(
            "This answer from the municipality's login was meant for another website. We did not log you in."
        ),
        "expired": _("The answer from the municipality's login was too old. We did not log you in. Try again."),
        "invalid": _("The answer from the municipality's login was not right. We did not log you in."),
        "unreachable": _("We cannot reach the municipality's login now. Try again later."),
    }[reason]


@bp.app_context_processor
def _oidc_flag():
    return {"oidc_login_on": oidc_client.configured}


def _home_for(user):
    empty = user.is_resident and profile_queries.is_empty(get_db(), user.id)
    return url_for(landing.start_page(user.role, profile_is_empty=empty))


@bp.get("/login/oidc")
@no_store
def oidc_login():
    if not oidc_client.configured():
        abort(404)
    try:
        return oidc_client.client().authorize_redirect(url_for("verification.oidc_callback", _external=True))
    except Exception as error:  # the provider's address list could not be read
        current_app.logger.warning("OpenID provider unreachable: %s", error)
        return render_template(
            "verification/oidc_message.html", text=_failure_text("unreachable"), retry=True
        ), 503


@bp.get("/login/oidc/callback")
@no_store
def oidc_callback():
    if not oidc_client.configured():
        abort(404)
    try:
        claims = oidc_client.finish_login()
    except oidc_client.LoginFailed as failure:
        current_app.logger.info("OpenID login refused: %s", failure)
        status = 503 if failure.reason == "unreachable" else 400
        return render_template(
            "verification/oidc_message.html", text=_failure_text(failure.reason), retry=True
        ), status
    db = get_db()
    issuer, subject = claims["iss"], str(claims["sub"])
    if current_user.is_authenticated:
        try:
            oidc_changes.link(db, current_user.id, issuer, subject)
        except oidc_changes.LinkError as error:
            text = {
                "taken": _(
                    "This login of the municipality already belongs to another account. "
                    "One person has one account."
                ),
                "other": _(
                    "Your account is already linked to another login of the municipality. "
                    "An account is linked only once."
                ),
            }[error.reason]
            return render_template("verification/oidc_message.html", text=text, retry=False), 409
        user = current_user
    else:
        link = oidc_queries.link_by_subject(db, issuer, subject)
        if link is None:
            return render_template("verification/oidc_first_time.html")
        user = User(auth_queries.user_row(db, link["user_id"]))
        login_user(user)
    _verify(db, user, claims)
    return redirect(_home_for(user), code=303)


def _verify(db, user, claims):
    """A resident's neighbourhood from the provider's postcode, if the table knows it."""
    if not user.is_resident:
        flash(_("You are logged in with the municipality's login."), "success")
        return
    claim = current_app.config["OIDC_BUURT_CLAIM"]
    buurt = oidc_queries.buurt_for_postcode(db, postcodes.lookup_keys(claims.get(claim))) if claim else None
    if buurt is None:
        flash(
            _(
                "Your account is linked to the municipality's login. "
                "It did not tell us your neighbourhood. "
                "A coach or a voting code must still confirm your neighbourhood before you can vote."
            ),
            "info",
        )
        return
    oidc_changes.verify(db, user.id, buurt["id"])
    flash(_("The municipality's login confirms that you live in %(buurt)s.", buurt=buurt["name"]), "success")
    if oidc_queries.home_buurt(db, user.id) != buurt["id"]:
        flash(
            _(
                "Your profile has another home neighbourhood. "
                "Choose %(buurt)s as your home neighbourhood to vote there.",
                buurt=buurt["name"],
            ),
            "info",
        )


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
