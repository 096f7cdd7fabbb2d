"""Guessing passwords stays slow, but nobody can lock out the owner.

OWASP's device cookies (the rules are in ``webapp.domain.devices``): after a
successful login the browser gets a signed cookie naming the account and a
random nonce. Failed logins are then counted in one of two ways:

- with a valid device cookie for the account typed: against that device's
  own allowance only (``LOGIN_LIMIT_PER_DEVICE``); past it, that cookie is
  refused for the rest of the period, even with the right password;
- without one (another browser, a forged or old cookie, a cookie for
  another account): per account (``LOGIN_LIMIT_PER_ACCOUNT``) and per
  address (``LOGIN_LIMIT_PER_ADDRESS``), as before.

An attacker guessing from anywhere else, even from the same address behind
a proxy, so locks out unknown devices only. The limits are Flask-Limiter's:
``exempt_when`` picks the buckets, ``deduct_when`` counts failures only.
"""

import secrets

from flask import current_app, g, request, url_for
from flask_limiter.util import get_remote_address
from itsdangerous import BadSignature, URLSafeTimedSerializer

from webapp.auth import queries
from webapp.db import get_db
from webapp.domain import devices
from webapp.extensions import limiter
from webapp.limits import failed_attempt

COOKIE = "device"
SALT = "basisbaan.device-cookie"


def _serializer():
    return URLSafeTimedSerializer(current_app.secret_key, salt=SALT)


def _max_age():
    return current_app.config["DEVICE_COOKIE_DAYS"] * 24 * 3600


def _kept():
    """This browser's device entries; a forged, changed or expired cookie is none."""
    raw = request.cookies.get(COOKIE)
    if not raw:
        return []
    try:
        payload = _serializer().loads(raw, max_age=_max_age())
    except BadSignature:  # SignatureExpired is one too
        return []
    return devices.entries(payload)


def _typed_account():
    """``(user id or None, what was typed)``, looked up once a request: the
    limits ask before the view runs and again after it."""
    if "login_account" not in g:
        typed = (request.form.get("username") or "").strip().lower()
        row = queries.find_login(get_db(), typed) if typed else None
        g.login_account = (row["id"] if row else None, typed)
    return g.login_account


def device_nonce():
    """This browser's nonce for the account typed, or None (an unknown device)."""
    if "login_device" not in g:
        user_id, _typed = _typed_account()
        g.login_device = devices.nonce_for(_kept(), user_id)
    return g.login_device


def _known_device():
    return device_nonce() is not None


def _unknown_device():
    return device_nonce() is None


def _account_key():
    """One bucket per account, whether it is typed as username or e-mail address."""
    user_id, typed = _typed_account()
    return f"account:{user_id}" if user_id else "account:" + typed


def _device_key():
    return f"device:{device_nonce()}"


def _limit(name):
    return lambda: current_app.config[name]


def limit_attempts(view):
    """The login view's three limits, on POST only: a known device counts
    against its own allowance, any other attempt per account and per address."""
    for setting, key, exempt in (
        ("LOGIN_LIMIT_PER_DEVICE", _device_key, _unknown_device),
        ("LOGIN_LIMIT_PER_ACCOUNT", _account_key, _known_device),
        ("LOGIN_LIMIT_PER_ADDRESS", get_remote_address, _known_device),
    ):
        view = limiter.limit(
            _limit(setting), key_func=key, methods=["POST"], exempt_when=exempt, deduct_when=failed_attempt
        )(view)
    return view


def trust_device(response, user_id):
    """After a successful login: this browser is a known device for ``user_id``.

    A new nonce each time, as OWASP's pattern does. The cookie outlives
    logging out on purpose, and is only sent to the login page: it is no use
    anywhere else, and other requests stay small.
    """
    kept = devices.remember(_kept(), user_id, secrets.token_urlsafe(24))
    response.set_cookie(
        COOKIE,
        _serializer().dumps(kept),
        max_age=_max_age(),
        path=url_for("auth.login"),
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response
