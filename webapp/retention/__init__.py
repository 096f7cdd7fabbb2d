"""Storage limitation (AVG): anonymising residents who stopped using Basisbaan.

The rule is ``webapp/domain/retention.py``; the daily command is
``flask --app webapp retention`` (``webapp/cli.py``). This area holds the
reads and writes behind it, the warning a resident and their coach see 30
days before, and the resident's "I am still here". Deleting one's own account
(``webapp/profile``) uses the same anonymising, then removes the account.
"""

from flask import Blueprint

bp = Blueprint("retention", __name__)
