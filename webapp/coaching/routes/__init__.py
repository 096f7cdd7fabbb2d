"""The coaching pages, one module per page group; importing them registers the views.

The coach's participant page (``participant``) is built from the pieces of
``messages``, ``appointments`` and the plan; ``plan`` shows that page again
when a coach's form has a mistake.
"""

from webapp.coaching import bp, formatting


@bp.record_once
def _register_template_helpers(state):
    formatting.init_app(state.app)


from webapp.coaching.routes import (  # noqa: E402, F401, I001
    accounts,
    appointments,
    caseload,
    messages,
    participant,
    plan,
    resident,
)
