"""Keeping in touch with your coach: messages, appointments, plan, caseload."""

from flask import Blueprint

# cli_group=None: `flask send-reminders`, not `flask coaching send-reminders`.
bp = Blueprint("coaching", __name__, cli_group=None)


@bp.record_once
def _register_helpers(state):
    from webapp.coaching import formatting
    from webapp.domain.coaching import initials

    formatting.init_app(state.app)
    state.app.jinja_env.globals.update(initials=initials)


from webapp.coaching import accounts, appointments, caseload  # noqa: E402, F401, I001
from webapp.coaching import messages, plan, resident  # noqa: E402, F401
