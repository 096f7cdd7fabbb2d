"""Tables for coach contact: messages, appointments, the shared plan, access log.

``MIGRATIONS`` lists them in the order they run; ``create_app`` hands every
area's list to ``webapp.db.migration_set``, so one ordered set owns the whole
schema. Append new ones at the end; a name, once released, never changes.

Every table hangs off the resident (``resident_id``): the thread, the
appointments and the plan are the resident's, whoever their coach is today,
so a new coach finds the history and a deleted account takes it all along.
``client_id`` columns hold an id the form carries (a UUID made when the page
was rendered): a double tap or a retry finds the first row instead of
writing a second.
"""

from webapp.db import run_script


def coaching_001_messages(db):
    run_script(
        db,
        """
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            sender_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            from_coach INTEGER NOT NULL CHECK (from_coach IN (0, 1)),
            body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
            client_id TEXT,
            created_at TEXT NOT NULL,
            read_at TEXT,
            UNIQUE (sender_id, client_id)
        );
        CREATE INDEX messages_thread ON messages(resident_id);
        CREATE INDEX messages_unread ON messages(resident_id, from_coach) WHERE read_at IS NULL
        """,
    )


def coaching_002_appointments(db):
    # starts_at is local time in Europe/Amsterdam ('YYYY-MM-DDTHH:MM'): a
    # meeting at 10:00 stays at 10:00 when the clocks change.
    run_script(
        db,
        """
        CREATE TABLE appointments (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            coach_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            starts_at TEXT NOT NULL,
            minutes INTEGER NOT NULL DEFAULT 45 CHECK (minutes BETWEEN 5 AND 480),
            kind TEXT NOT NULL DEFAULT 'place' CHECK (kind IN ('place', 'phone')),
            place TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'accepted', 'other_time', 'cancelled')),
            reason TEXT NOT NULL DEFAULT '',
            client_id TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            reminded_at TEXT,
            UNIQUE (coach_id, client_id)
        );
        CREATE INDEX appointments_resident ON appointments(resident_id, starts_at);
        CREATE INDEX appointments_reminder ON appointments(starts_at) WHERE reminded_at IS NULL
        """,
    )


def coaching_003_plan(db):
    run_script(
        db,
        """
        CREATE TABLE plan_goals (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            written_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            by_coach INTEGER NOT NULL CHECK (by_coach IN (0, 1)),
            client_id TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (written_by, client_id)
        );
        CREATE INDEX plan_goals_resident ON plan_goals(resident_id);
        CREATE TABLE plan_steps (
            id INTEGER PRIMARY KEY,
            goal_id INTEGER NOT NULL REFERENCES plan_goals(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            due_date TEXT,
            written_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            by_coach INTEGER NOT NULL CHECK (by_coach IN (0, 1)),
            done_at TEXT,
            done_by_coach INTEGER CHECK (done_by_coach IN (0, 1)),
            client_id TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (written_by, client_id)
        );
        CREATE INDEX plan_steps_goal ON plan_steps(goal_id)
        """,
    )


def coaching_004_access_log(db):
    # The coach's name is copied in: the resident must still be able to read
    # who looked after that coach's account is gone.
    run_script(
        db,
        """
        CREATE TABLE access_log (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            coach_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            coach_name TEXT NOT NULL,
            what TEXT NOT NULL CHECK (what IN ('page', 'messages', 'export')),
            at TEXT NOT NULL
        );
        CREATE INDEX access_log_resident ON access_log(resident_id, id)
        """,
    )


def coaching_005_caseload(db):
    # Who coaches whom lives in users.coach_id; this keeps the history of
    # changes, and the coach's own contact details for the "My coach" page.
    run_script(
        db,
        """
        CREATE TABLE coach_changes (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            old_coach_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            new_coach_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            changed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX coach_changes_resident ON coach_changes(resident_id);
        CREATE TABLE coach_details (
            user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
            phone TEXT NOT NULL DEFAULT '',
            available TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        );
        CREATE TABLE new_accounts (
            client_id TEXT PRIMARY KEY,
            coach_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL
        )
        """,
    )


def coaching_006_interest_answers(db):
    # The coach's answer to "I want this job": shown to the resident on /interests.
    run_script(
        db,
        """
        ALTER TABLE interests ADD COLUMN coach_answer TEXT
            CHECK (coach_answer IS NULL OR coach_answer IN ('talk', 'put_forward', 'not_now'));
        ALTER TABLE interests ADD COLUMN coach_reason TEXT NOT NULL DEFAULT '';
        ALTER TABLE interests ADD COLUMN answered_by INTEGER
            REFERENCES users(id) ON DELETE SET NULL;
        ALTER TABLE interests ADD COLUMN answered_at TEXT
        """,
    )


def coaching_007_messages_by_day(db):
    # The dashboard's chart reads (participant, day) for a year of messages;
    # from this index alone it never touches the messages themselves.
    run_script(db, "CREATE INDEX messages_thread_day ON messages(resident_id, created_at)")


def coaching_008_plan_changes(db):
    # A goal or step can be reworded; both people see who changed it last, and when.
    run_script(
        db,
        """
        ALTER TABLE plan_goals ADD COLUMN changed_at TEXT;
        ALTER TABLE plan_goals ADD COLUMN changed_by_coach INTEGER;
        ALTER TABLE plan_steps ADD COLUMN changed_at TEXT;
        ALTER TABLE plan_steps ADD COLUMN changed_by_coach INTEGER
        """,
    )


def coaching_009_coach_hours(db):
    # A coach's availability as days and times, shown in the reader's language;
    # the free text written before stays, as the note beside them (in Dutch).
    run_script(
        db,
        """
        ALTER TABLE coach_details RENAME COLUMN available TO available_note;
        ALTER TABLE coach_details ADD COLUMN available_note_lang TEXT NOT NULL DEFAULT 'nl';
        ALTER TABLE coach_details ADD COLUMN available_days TEXT NOT NULL DEFAULT '';
        ALTER TABLE coach_details ADD COLUMN available_from TEXT NOT NULL DEFAULT ''
            CHECK (available_from = '' OR available_from GLOB '[0-2][0-9]:[0-5][0-9]');
        ALTER TABLE coach_details ADD COLUMN available_to TEXT NOT NULL DEFAULT ''
            CHECK (available_to = '' OR available_to GLOB '[0-2][0-9]:[0-5][0-9]')
        """,
    )


MIGRATIONS = (
    coaching_001_messages,
    coaching_002_appointments,
    coaching_003_plan,
    coaching_004_access_log,
    coaching_005_caseload,
    coaching_006_interest_answers,
    coaching_007_messages_by_day,
    coaching_008_plan_changes,
)

# Added after every area's first list had run in databases already in use:
# ``create_app`` hands these in last, so a fresh database runs them in the same
# order as an upgraded one. Append here from now on.
LATER_MIGRATIONS = (coaching_009_coach_hours,)
