"""The profile's own changes to the core ``profiles`` table (made in ``webapp/db.py``).

A change to a core table after the areas' first migrations lives here, not in
``CORE_MIGRATIONS``: a database made earlier runs it after every area's
migrations, so a fresh one must too (``tests/test_db.py`` compares both).
Append new ones at the end; a name, once released, never changes.
"""


def profile_001_nothing_chosen(db):
    # "I can do all of this" is an answer, not a skipped question, but the list
    # columns hold '' for both: this names the steps (their keys, a comma list)
    # a resident saved with nothing chosen.
    db.execute("ALTER TABLE profiles ADD COLUMN nothing_chosen TEXT NOT NULL DEFAULT ''")


MIGRATIONS = (profile_001_nothing_chosen,)
