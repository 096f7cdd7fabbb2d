"""The accounts' own changes to the core ``users`` table (made in ``webapp/db.py``).

Like ``webapp/profile/schema.py``: a change to a core table after the areas'
first migrations runs after them, in a fresh database as in an earlier one.
Append new ones at the end; a name, once released, never changes.
"""


def auth_001_signup_keys(db):
    # A sign-up form carries a random key; the account keeps its hash. A
    # double tap sends the same key and finds the account the first tap made;
    # two people who happen to have the same name and password do not.
    db.execute("ALTER TABLE users ADD COLUMN signup_key TEXT")


MIGRATIONS = (auth_001_signup_keys,)
