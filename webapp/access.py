"""Route decorators built on ``webapp.domain.access``."""

from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from webapp.domain.access import may_use_gemeente_pages, may_use_resident_pages


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
