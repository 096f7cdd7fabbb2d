"""Logging in with the municipality's own login (OpenID Connect).

/login/oidc sends the person to the provider; /login/oidc/callback takes
the answer. An account is linked once to one person at the provider. A
resident whose postcode the provider tells and the postcode table
(webapp.verification) knows is verified for that buurt; without that, the
login only links the account and a coach or a voting code must still confirm
the buurt. It lives with the other ways to log in, so that the verification
area never needs the accounts area.
"""

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.auth import bp, sessions
from webapp.auth import queries as auth_queries
from webapp.auth.landing import home_for
from webapp.db import get_db
from webapp.domain import postcodes
from webapp.verification import oidc_changes, oidc_client, oidc_queries
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


@bp.get("/login/oidc")
@no_store
def oidc_login():
    if not oidc_client.configured():
        abort(404)
    try:
        return oidc_client.client().authorize_redirect(url_for("auth.oidc_callback", _external=True))
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
        user = sessions.log_in(auth_queries.user_row(db, link["user_id"]))
    _verify(db, user, claims)
    return redirect(home_for(user), code=303)


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
