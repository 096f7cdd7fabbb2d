"""Route decorators built on the rules in ``webapp.domain``: who may open a page.

Anybody logged in with another role gets 403 (the page is not for them);
anybody not logged in goes to the login page first.
"""

from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from webapp.domain.access import may_use_board_pages, may_use_gemeente_pages, may_use_resident_pages
from webapp.domain.coaching import may_see_caseload


def only_for(may_use):
    """A decorator that lets a view run only for a role ``may_use(role)`` allows."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not may_use(current_user.role):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


resident_required = only_for(may_use_resident_pages)
gemeente_required = only_for(may_use_gemeente_pages)
coach_required = only_for(may_see_caseload)
board_required = only_for(may_use_board_pages)
