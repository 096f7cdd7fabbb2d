"""The municipality's writes: jobs, placements, settings, the jobs import and caseloads.

Each change is one transaction (``write_transaction``, BEGIN IMMEDIATE, or a
single statement) and answers with a short code the page turns into words.
"""

from webapp.db import JOB_FIELDS, now_iso, write_transaction
from webapp.domain import business_case as case_rules
from webapp.domain import coaching as coaching_rules
from webapp.domain import jobs as job_rules
from webapp.domain import oversight as oversight_rules
from webapp.domain import proposals as rules
from webapp.domain import settings as settings_rules
from webapp.gemeente import queries
from webapp.jobs.queries import job_by_id
from webapp.notifications.changes import notify
from webapp.oversight import changes as oversight_changes
from webapp.oversight import queries as oversight_queries
from webapp.proposals import changes as proposal_changes
from webapp.proposals import queries as proposal_queries

# What the job form writes: the status, the count of people placed and the
# moment of creation are the system's.
EDITABLE_JOB_FIELDS = (
    *(name for name in JOB_FIELDS if name not in ("status", "places_filled", "created_at")),
    "funding",  # webapp/jobs/schema.py
)

IMPORT_BATCH = 500

# --- jobs ------------------------------------------------------------------------------


def create_job(db, values, now):
    """A new job draft from the form; returns its id."""
    columns = ", ".join(EDITABLE_JOB_FIELDS)
    marks = ", ".join("?" * len(EDITABLE_JOB_FIELDS))
    cursor = db.execute(
        f"""INSERT INTO jobs (status, created_at, {columns})
            VALUES ('draft', ?, {marks})""",  # noqa: S608 - fixed names
        (rules.stamp(now), *(values[name] for name in EDITABLE_JOB_FIELDS)),
    )
    return cursor.lastrowid


def update_job(db, job_id, values):
    """Save a job's fields; places never below the people already placed."""
    with write_transaction(db):
        job = job_by_id(db, job_id)
        if job is None:
            return "unknown"
        if job_rules.places_problem(values["places"], job["places_filled"]):
            return "below_filled"
        assignments = ", ".join(f"{name} = ?" for name in EDITABLE_JOB_FIELDS)
        db.conn.execute(
            f"UPDATE jobs SET {assignments} WHERE id = ?",  # noqa: S608 - fixed names
            (*(values[name] for name in EDITABLE_JOB_FIELDS), job_id),
        )
    return "done"


def change_job_status(db, job_id, action, gemeente_id, now, override_reason=""):
    """'publish' a draft, 'close' an open job or 'reopen' a closed one.

    Publishing a job made from a proposal tells the author and the voters.
    Returns 'done', 'unchanged', 'unknown', 'not_allowed' or 'missing' (a
    field publishing needs is empty: ``job_rules.missing_to_publish``), or
    the oversight board's gate (``oversight_rules.publish_refusal``):
    'needs_advice' or 'needs_reason'. Published against an objecting
    advice, ``override_reason`` is stored as the municipality's public reason.
    """
    allowed = {"publish": job_rules.may_publish, "close": job_rules.may_close, "reopen": job_rules.may_reopen}[
        action
    ]
    target = {"publish": "open", "close": "closed", "reopen": "open"}[action]
    with write_transaction(db):
        job = job_by_id(db, job_id)
        if job is None:
            return "unknown"
        if job["status"] == target:
            return "unchanged"
        if not allowed(job["status"]):
            return "not_allowed"
        if action == "publish" and job_rules.missing_to_publish(job):
            return "missing"
        if action == "publish":
            advice_id, verdict = oversight_queries.newest_verdict(db, job_id)
            required = proposal_queries.read_settings(db)[oversight_rules.ADVICE_SETTING]
            refusal = oversight_rules.publish_refusal(required, verdict, override_reason)
            if refusal:
                return refusal
            if oversight_rules.needs_override(verdict):
                oversight_changes.record_override(db, advice_id, job_id, override_reason, gemeente_id)
        db.conn.execute("UPDATE jobs SET status = ? WHERE id = ?", (target, job_id))
        if action == "publish":
            proposal_changes.job_published(db, job, gemeente_id, now)
    return "done"


def import_jobs(db, jobs, created_at, progress=None):
    """Add checked jobs (from ``job_rules.job_from_csv``): all of them or none.

    ``progress(count)`` hears how many rows each batch added. The caller
    made 'open' rows drafts already where the board's advice comes first
    (``oversight_rules.imported_status``).
    """
    names = [name for name in JOB_FIELDS if name != "places_filled"] + ["funding"]
    marks = ",".join("?" * (len(names) + 1))
    with write_transaction(db):
        for start in range(0, len(jobs), IMPORT_BATCH):
            batch = jobs[start : start + IMPORT_BATCH]
            db.conn.executemany(
                f"INSERT INTO jobs ({','.join(names)}, places_filled) VALUES ({marks})",  # noqa: S608
                [
                    tuple(created_at if name == "created_at" else job[name] for name in names) + (0,)
                    for job in batch
                ],
            )
            if progress is not None:
                progress(len(batch))


# --- placements -------------------------------------------------------------------------


def place(db, job_id, username, gemeente_id, now):
    """Mark a resident as placed: a place fills and the resident is told.

    Returns 'done', 'unchanged', 'unknown', 'no_resident' or the rules' refusal.
    """
    with write_transaction(db):
        job = job_by_id(db, job_id)
        if job is None:
            return "unknown"
        resident = queries.resident_by_username(db, username.strip())
        if resident is None:
            return "no_resident"
        already = proposal_queries.is_placed(db, job_id, resident[0])
        refusal = job_rules.placement_refusal(job["status"], job["places"], job["places_filled"], already)
        if refusal == "already":
            return "unchanged"
        if refusal:
            return refusal
        db.conn.execute(
            "INSERT INTO placements (job_id, user_id, placed_by, created_at) VALUES (?, ?, ?, ?)",
            (job_id, resident[0], gemeente_id, rules.stamp(now)),
        )
        notify(db, [resident[0]], "placed", f"/jobs/{job_id}")
    return "done"


def remove_placement(db, job_id, placement_id):
    with write_transaction(db):
        cursor = db.conn.execute("DELETE FROM placements WHERE id = ? AND job_id = ?", (placement_id, job_id))
    return "done" if cursor.rowcount else "unchanged"


# --- settings ------------------------------------------------------------------------------


def save_settings(db, values, gemeente_id, now):
    with write_transaction(db):
        for key, value in values.items():
            if settings_rules.setting_problem(key, value):
                raise ValueError(key)
            db.conn.execute(
                """INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
                   ON CONFLICT (key) DO UPDATE SET value = excluded.value,
                       updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
                (key, settings_rules.stored_text(key, value), rules.stamp(now), gemeente_id),
            )


def add_minimum_wage(db, valid_from, cents):
    """Add a dated minimum wage; returns None or the problem ('amount', 'date')."""
    with write_transaction(db):
        existing = queries.minimum_wage_dates(db)
        problem = settings_rules.minimum_wage_problem(valid_from, cents, existing)
        if problem:
            return problem
        db.conn.execute(
            "INSERT INTO minimum_wage (valid_from, cents) VALUES (?, ?)", (valid_from.isoformat(), cents)
        )
    return None


# --- caseloads ---------------------------------------------------------------------------


def reassign(db, resident_id, coach_id, by):
    """Give ``resident_id`` to ``coach_id``.

    Returns 'done', 'unchanged' (that was already so), 'unknown' (no such
    person) or 'not_allowed' (not a coach and a resident). One write
    transaction: the coach of record, the history and both notifications
    change together, or not at all. Every coaching check reads
    ``users.coach_id`` per request, so the old coach loses access at once.
    """
    with write_transaction(db):
        resident = queries.person(db, resident_id)
        coach = queries.person(db, coach_id)
        if resident is None or coach is None:
            return "unknown"
        if not coaching_rules.may_become_coach_of(coaching_rules.person(coach), coaching_rules.person(resident)):
            return "not_allowed"
        if resident["coach_id"] == coach_id:
            return "unchanged"
        db.execute("UPDATE users SET coach_id = ? WHERE id = ?", (coach_id, resident_id))
        db.execute(
            """INSERT INTO coach_changes (resident_id, old_coach_id, new_coach_id, changed_by, at)
               VALUES (?, ?, ?, ?, ?)""",
            (resident_id, resident["coach_id"], coach_id, by, now_iso()),
        )
        # The old coach's unread notices about this participant lead nowhere now.
        if resident["coach_id"]:
            db.execute(
                """UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL
                   AND (link = ? OR link LIKE ?)""",
                (now_iso(), resident["coach_id"], f"/caseload/{resident_id}", f"/caseload/{resident_id}#%"),
            )
        # A first coach ends the wait the resident was told about; a new one replaces another.
        notify(db, [resident_id], "coach_changed" if resident["coach_id"] else "coach_assigned", "/coach")
        notify(db, [coach_id], "caseload_added", f"/caseload/{resident_id}")
    return "done"


# --- the business case: partners of a job and the dated bijstand -------------------------


def save_partner(db, job_id, partner_id, name, kind, yearly_cents, note, now):
    """Add a partner to a job, or change one (``partner_id``).

    Returns 'saved', 'unknown' (no such job or partner), 'same_name' (another
    partner has this name), 'too_many' or 'invalid'. Adding a partner whose
    name the job already has changes that one: a repeated form adds nothing.
    """
    name, note = (name or "").strip(), (note or "").strip()
    if case_rules.partner_problems(name, kind, yearly_cents, note):
        return "invalid"
    stamp = rules.stamp(now)
    with write_transaction(db):
        if db.conn.execute("SELECT 1 FROM jobs WHERE id = ?", (job_id,)).fetchone() is None:
            return "unknown"
        same = db.conn.execute(
            "SELECT id FROM job_partners WHERE job_id = ? AND name = ?", (job_id, name)
        ).fetchone()
        if partner_id is not None:
            if (
                db.conn.execute(
                    "SELECT 1 FROM job_partners WHERE id = ? AND job_id = ?", (partner_id, job_id)
                ).fetchone()
                is None
            ):
                return "unknown"
            if same is not None and same[0] != partner_id:
                return "same_name"
            db.conn.execute(
                """UPDATE job_partners SET name = ?, kind = ?, yearly_cents = ?, note = ?, updated_at = ?
                   WHERE id = ?""",
                (name, kind, yearly_cents, note, stamp, partner_id),
            )
            return "saved"
        if same is None:
            count = db.conn.execute("SELECT COUNT(*) FROM job_partners WHERE job_id = ?", (job_id,)).fetchone()[0]
            if count >= case_rules.MAX_PARTNERS:
                return "too_many"
        db.conn.execute(
            """INSERT INTO job_partners (job_id, name, kind, yearly_cents, note, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (job_id, name) DO UPDATE SET kind = excluded.kind,
                   yearly_cents = excluded.yearly_cents, note = excluded.note, updated_at = excluded.updated_at""",
            (job_id, name, kind, yearly_cents, note, stamp, stamp),
        )
    return "saved"


def remove_partner(db, job_id, partner_id):
    """Take a partner off a job; removing one already gone changes nothing."""
    with write_transaction(db):
        db.conn.execute("DELETE FROM job_partners WHERE id = ? AND job_id = ?", (partner_id, job_id))


def add_bijstand(db, valid_from, cents, period):
    """Add a dated bijstand amount; returns None or the problem ('amount', 'period', 'date')."""
    with write_transaction(db):
        existing = [tuple(row) for row in db.conn.execute("SELECT valid_from, cents, period FROM bijstand_amount")]
        problem = case_rules.benefit_problem(valid_from, cents, period, existing)
        if problem:
            return problem
        db.conn.execute(
            "INSERT OR IGNORE INTO bijstand_amount (valid_from, cents, period) VALUES (?, ?, ?)",
            (valid_from.isoformat(), cents, period),
        )
    return None
