"""Route decorators built on ``webapp.domain.access``."""

from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from webapp.domain.access import may_use_gemeente_pages, may_use_resident_pages
from webapp.domain.coaching import may_see_caseload


def resident_required(view):
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not may_use_resident_pages(current_user.role):
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def gemeente_required(view):
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not may_use_gemeente_pages(current_user.role):
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def coach_required(view):
    """Coaches only: anybody else logged in gets 403 (the page is not for them)."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not may_see_caseload(current_user.role):
            abort(403)
        return view(*args, **kwargs)

    return wrapped
