"""The accounts' own changes to the core ``users`` table (made in ``webapp/db.py``).

Like ``webapp/profile/schema.py``: a change to a core table after the areas'
first migrations runs after them, in a fresh database as in an earlier one.
Append new ones at the end; a name, once released, never changes.
"""

from webapp.domain.names import may_be_a_name, without_disguise


def auth_001_signup_keys(db):
    # A sign-up form carries a random key; the account keeps its hash. A
    # double tap sends the same key and finds the account the first tap made;
    # two people who happen to have the same name and password do not.
    db.execute("ALTER TABLE users ADD COLUMN signup_key TEXT")


MIGRATIONS = (auth_001_signup_keys,)


def e001_names_without_disguise(db):
    # Names may no longer hold bidi controls or zero-width characters (issue
    # 14, webapp/domain/names.py); a name stored before that rule loses them,
    # so no page, title or attribute ever shows a name that disguises itself.
    for user_id, name in db.execute("SELECT id, display_name FROM users").fetchall():
        if not may_be_a_name(name):
            db.execute("UPDATE users SET display_name = ? WHERE id = ?", (without_disguise(name).strip(), user_id))


# Handed in last (after the areas' later lists): see ARCHITECTURE.md.
NAME_MIGRATIONS = (e001_names_without_disguise,)
