"""The old address of the account writes, kept while the seed and coaching import
``create_user``, ``issue_start_code`` and ``hash_password`` from here.

New code imports them from ``webapp.auth.changes`` and ``webapp.auth.users``;
this file goes once nothing imports it.
"""

from webapp.auth.changes import create_user, issue_start_code  # noqa: F401
from webapp.auth.users import hash_password  # noqa: F401
