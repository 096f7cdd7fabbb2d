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


CHECKIN_MIGRATIONS = (t001_checkins,)
