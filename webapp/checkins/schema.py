"""The check-in's tables: the participant's yes or no, and their answers.

Both go with the account (ON DELETE CASCADE) and with anonymising
(webapp/retention/changes.py).
"""

from webapp.db import run_script


def t001_checkins(db):
    # One row per participant who answered the question "may we ask?".
    # No row: never asked. share_with_coach is a separate yes or no.
    # Every answer is 1 to 5, and 5 is always the best (webapp/domain/checkins.py).
    run_script(
        db,
        """
        CREATE TABLE checkin_consent (
            user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
            answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
            share_with_coach INTEGER NOT NULL DEFAULT 0 CHECK (share_with_coach IN (0, 1)),
            answered_at TEXT NOT NULL
        );
        CREATE TABLE checkins (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            answered_on TEXT NOT NULL,
            health INTEGER NOT NULL CHECK (health BETWEEN 1 AND 5),
            contact INTEGER NOT NULL CHECK (contact BETWEEN 1 AND 5),
            useful INTEGER NOT NULL CHECK (useful BETWEEN 1 AND 5),
            money INTEGER NOT NULL CHECK (money BETWEEN 1 AND 5),
            happy INTEGER NOT NULL CHECK (happy BETWEEN 1 AND 5),
            created_at TEXT NOT NULL
        );
        CREATE INDEX checkins_user ON checkins(user_id, answered_on);
        CREATE INDEX checkins_day ON checkins(answered_on)
        """,
    )


def t002_figures_version(db):
    # The municipality's check-in tables are counted again only after a change
    # to what they are made of (webapp/checkins/queries.py: impact_tables).
    changes = [
        ("checkins", "INSERT"),
        ("checkins", "UPDATE"),
        ("checkins", "DELETE"),
        ("checkin_consent", "INSERT"),
        ("checkin_consent", "UPDATE"),
        ("checkin_consent", "DELETE"),
        ("placements", "INSERT"),
        ("placements", "UPDATE"),
        ("placements", "DELETE"),
        ("profiles", "UPDATE OF home_buurt_id"),
        ("profiles", "DELETE"),
    ]
    script = "INSERT INTO counters (name, value) VALUES ('checkin_figures', 1);\n"
    for table, event in changes:
        name = f"checkin_figures_{table}_{event.split()[0].lower()}"
        script += (
            f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN\n"  # noqa: S608 - fixed names
            "    UPDATE counters SET value = value + 1 WHERE name = 'checkin_figures';\nEND;\n"
        )
    run_script(db, script)


CHECKIN_MIGRATIONS = (t001_checkins, t002_figures_version)
