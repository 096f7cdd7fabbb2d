"""The pages for accounts: log in, log out, sign up, activate with a start code."""

import secrets

from flask import (
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from webapp.auth import bp, changes, guessing, queries, sessions
from webapp.auth.forms import ActivateForm, LoginForm, SignupForm
from webapp.auth.landing import home_for
from webapp.auth.users import User, check_password
from webapp.db import get_db
from webapp.extensions import limiter, login_manager
from webapp.forms import EmptyForm
from webapp.i18n import changes as language_changes
from webapp.limits import failed_attempt, successes_limited
from webapp.web import is_htmx, no_store, safe_next


@login_manager.user_loader
def load_user(token):
    # The session cookie or the "remember me" cookie names a session, not a person.
    return sessions.load(token)


@login_manager.unauthorized_handler
def unauthorized():
    """To the login page, and back here after logging in.

    303, so a POST goes on as a GET of the login page; only a GET page is
    worth coming back to (a form's address answers GET with 405). htmx is
    told to load the whole login page, not to swap it into a fragment; so
    is the phone's outbox (static/js/outbox.js), which keeps the item for
    when this person is back (it cannot see where a redirect goes).
    """
    back = request.full_path.rstrip("?") if request.method == "GET" else None
    target = url_for("auth.login", next=back)
    if is_htmx() or request.headers.get("Basisbaan-Outbox"):
        response = make_response("", 401)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target, code=303)


def _limit(name):
    return lambda: current_app.config[name]


def _carry_language_choice(user_id):
    """A choice made before logging in (cookie) becomes the account's, if it has none."""
    lang = request.cookies.get("lang")
    plain = request.cookies.get("plain")
    if lang in ("nl", "en") or plain in ("0", "1"):
        language_changes.carry_choice(
            get_db(),
            user_id,
            lang if lang in ("nl", "en") else None,
            int(plain) if plain in ("0", "1") else None,
        )


@bp.route("/login", methods=["GET", "POST"])
@guessing.limit_attempts
@no_store
def login():
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if current_user.is_authenticated and request.method == "GET":
        return redirect(safe_next(form.next.data, home_for(current_user)))
    status = 200
    if form.validate_on_submit():
        row = queries.find_login(get_db(), form.username.data)
        if check_password(row, form.password.data):
            user = User(row)
            # The account's own choice applies from now on; without one, a
            # choice made in this browser session (?lang=, ?plain=) stays.
            if user.lang:
                session.pop("lang", None)
            if user.plain is not None:
                session.pop("plain", None)
            sessions.log_in(row, remember=form.remember.data)
            _carry_language_choice(user.id)
            response = redirect(safe_next(form.next.data, home_for(user)), code=303)
            return guessing.trust_device(response, user.id)
        form.password.errors.append(_("This username and password do not match. Check them and try again."))
    if form.errors:
        status = 422
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["GET", "POST"])
def logout():
    form = EmptyForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        who = sessions.log_out()
        flash(_("You are logged out. See you soon."), "success")
        if who is not None:
            # The next page wipes this person's offline copies and outbox
            # from the phone (static/js/pwa.js): phones are shared.
            flash(str(who), "logged-out")
        return redirect(url_for("main.home"), code=303)
    if not current_user.is_authenticated:
        return redirect(url_for("main.home"))
    return render_template("auth/logout.html", form=form)


@bp.route("/signup", methods=["GET", "POST"])
@limiter.limit(_limit("SIGNUP_LIMIT_PER_ADDRESS"), methods=["POST"], deduct_when=failed_attempt)
@successes_limited("SIGNUPS_PER_ADDRESS", per="address")
@no_store
def signup():
    if not current_app.config["OPEN_SIGNUP"]:
        return render_template("auth/signup_closed.html"), 404
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = SignupForm()
    if not form.attempt.data:
        form.attempt.data = secrets.token_urlsafe(16)
    if form.validate_on_submit():
        db = get_db()
        user_id = changes.sign_up(
            db,
            username=form.chosen_username(),
            display_name=form.display_name.data or "",
            email=form.email.data or None,
            password=form.password.data,
            attempt=form.attempt.data,
        )
        if user_id:
            user = sessions.log_in(queries.user_row(db, user_id))
            _carry_language_choice(user_id)
            flash(_("Welcome. Your account is ready. Your username is %(name)s.", name=user.username), "success")
            return redirect(url_for("profile.start"), code=303)
        form.username.errors.append(_("Someone already uses this username or e-mail address. Choose another one."))
    return render_template("auth/signup.html", form=form), 422 if form.errors else 200


@bp.route("/activate", methods=["GET", "POST"])
@limiter.limit(_limit("ACTIVATE_LIMIT_PER_ADDRESS"), methods=["POST"], deduct_when=failed_attempt)
@no_store
def activate():
    form = ActivateForm()
    if request.method == "GET" and request.args.get("code"):
        form.code.data = request.args["code"][:40]
    if form.validate_on_submit():
        try:
            row = changes.redeem_start_code(get_db(), form.code.data, form.password.data)
        except changes.StartCodeError as error:
            form.code.errors.append(
                {
                    "unknown": _("This start code is not right. Check it, or ask your coach for a new one."),
                    "used": _("This start code was already used. Ask your coach for a new one."),
                    "expired": _(
                        "This start code is too old. Codes work for 14 days. Ask your coach for a new one."
                    ),
                }[error.reason]
            )
        else:
            logout_user()
            user = sessions.log_in(row)
            flash(
                _("Your password is saved. Your username is %(name)s.", name=user.username),
                "success",
            )
            return redirect(home_for(user), 303)
    return render_template("auth/activate.html", form=form), 422 if form.errors else 200


# The municipality's own login (OpenID Connect) adds its routes to this blueprint.
from webapp.auth import oidc_routes, session_routes  # noqa: E402, F401
