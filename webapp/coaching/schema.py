"""Tables for coach contact: messages, appointments, the shared plan, access log.

Registered on the shared ``webapp.db.migrations`` set (imported at the end of
``webapp/db.py``), so one ordered list of migrations owns the whole schema.
"""

from webapp.db import _run, migrations  # noqa: F401
