"""Limits on what succeeds: no person (or script) writes hundreds of things a minute.

Failures have their own limits (wrong passwords, wrong codes: in the areas).
These count only writes that worked, per logged-in person, at levels no real
person reaches (the values and why: ``webapp/config.py``). One line per route::

    @bp.post("/messages")
    @resident_required
    @successes_limited("MESSAGE_LIMIT_PER_PERSON", repeat=("messages", "sender_id"))
    def messages_send(): ...

Routes naming the same setting share one allowance (the resident's and the
coach's page for a new goal, say). ``repeat`` says where a form's id is kept
(``webapp/idempotency.py``): a form sent again with an id already stored (the
outbox trying twice, a double tap) is answered with its first result, so it is
neither refused nor counted. Over the limit, the answer is a 429 with
``Retry-After`` and a page saying when to try again (``too_many`` in ``webapp/main/routes.py``).
"""

import math
import time

from flask import current_app, g, request
from flask_limiter.util import get_remote_address
from flask_login import current_user

from webapp.db import get_db
from webapp.extensions import limiter
from webapp.idempotency import find_earlier, parse_client_id

# The settings used as limits on successes: a 429 from one of them gets the
# "you did this many times" page, any other the "too many tries" one.
SUCCESS_LIMITS = set()


def _succeeded(response):
    return response.status_code < 400


def failed_attempt(response):
    """For limits on failures (a wrong password, a wrong code): only a refusal
    counts, and a 429 from another limit is not an attempt that failed."""
    return response.status_code >= 400 and response.status_code != 429


def _person():
    # Not logged in: the route sends the person to the login page anyway.
    return f"person:{current_user.id}" if current_user.is_authenticated else f"address:{get_remote_address()}"


def _form_value(name):
    """The form's ``name`` field, also when the form has a prefix (``goal-client_id``)."""
    for key, value in request.form.items():
        if key == name or key.endswith("-" + name):
            return value
    return None


def _is_repeat(table, owner_column, field):
    """This person already stored a row under the id this form carries."""
    cache = g.setdefault("limits_repeat", {})
    if table not in cache:
        raw = _form_value(field)
        key = parse_client_id(raw) if field == "client_id" else raw
        mine = current_user.is_authenticated and key
        cache[table] = bool(mine and find_earlier(get_db(), table, owner_column, current_user.id, key, field))
    return cache[table]


def successes_limited(setting, repeat=None, per="person"):
    """Limit a route's successful POSTs by ``current_app.config[setting]``.

    per="person": one allowance per logged-in person (nobody else is
    affected); per="address": one per client address (sign-ups).
    repeat=(table, owner_column[, field]): where an earlier copy of this form
    is found (field "client_id" unless given, e.g. "form_token").
    """
    SUCCESS_LIMITS.add(setting)
    exempt = None
    if repeat is not None:
        table, owner_column, *rest = repeat
        field = rest[0] if rest else "client_id"

        def exempt():
            return _is_repeat(table, owner_column, field)

    return limiter.shared_limit(
        lambda: current_app.config[setting],
        scope=setting,
        key_func=_person if per == "person" else None,  # None: the limiter's own (the address)
        methods=["POST"],
        deduct_when=_succeeded,
        exempt_when=exempt,
    )


# --- the answer over a limit ----------------------------------------------------


def seconds_to_wait():
    """Seconds until the limit this request broke lets one through again (at least 1)."""
    current = limiter.current_limit
    if current is None:
        return 60
    # The window's own reset time: ``reset_at`` adds a second and rounds.
    return max(1, math.ceil(current.window.reset_time - time.time()))


def wait_in_words(seconds):
    """("minutes", n) up to an hour and a half, else ("hours", n); always rounded up."""
    minutes = max(1, math.ceil(seconds / 60))
    if minutes <= 90:
        return "minutes", minutes
    return "hours", math.ceil(minutes / 60)


def was_a_success_limit(error):
    """The 429 came from a limit on successes (not from too many failed tries)."""
    limit = getattr(error, "limit", None)
    return bool(limit is not None and getattr(limit, "scope", None) in SUCCESS_LIMITS)
