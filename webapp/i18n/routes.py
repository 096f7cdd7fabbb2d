"""The language switcher, and the ``?lang=`` / ``?plain=`` of any URL (see ``webapp.i18n``)."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from flask import abort, current_app, redirect, request, session, url_for
from flask_login import current_user

from webapp.db import get_db
from webapp.i18n import LANGUAGES, bp, changes, current_choice, parse_plain
from webapp.web import safe_next


@bp.before_app_request
def remember_query_choice():
    lang = request.args.get("lang")
    if lang in LANGUAGES:
        session["lang"] = lang
    plain = parse_plain(request.args.get("plain"))
    if plain is not None:
        session["plain"] = plain


@bp.app_context_processor
def inject_choice():
    lang, plain = current_choice()
    return {"lang": lang, "plain": plain}


def _without_choice(target):
    """The page to go back to, minus a ?lang= or ?plain= that would undo the choice."""
    parts = urlsplit(target)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in ("lang", "plain")]
    return urlunsplit(parts._replace(query=urlencode(query)))


@bp.post("/settings/language")
def switch():
    lang = request.form.get("lang")
    plain = parse_plain(request.form.get("plain"))
    if lang not in LANGUAGES or plain is None:
        abort(400)
    target = _without_choice(safe_next(request.form.get("next"), url_for("settings.index")))
    response = redirect(target, code=303)
    session.pop("lang", None)
    session.pop("plain", None)
    if current_user.is_authenticated:
        changes.save_choice(get_db(), current_user.id, lang, plain)
    else:
        max_age = current_app.config["PREFERENCE_COOKIE_DAYS"] * 86400
        for name, value in (("lang", lang), ("plain", "1" if plain else "0")):
            response.set_cookie(
                name,
                value,
                max_age=max_age,
                samesite="Lax",
                httponly=True,
                secure=current_app.config["SESSION_COOKIE_SECURE"],
            )
    return response
