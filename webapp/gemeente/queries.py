"""The municipality's reads and writes: review queue, jobs, placements, figures."""

from datetime import timedelta

from webapp.db import one, rows, write_transaction
from webapp.domain import jobs as job_rules
from webapp.domain import proposals as rules
from webapp.domain import settings as settings_rules
from webapp.jobs.queries import JOB_COLUMNS, JOB_JOINS, job_by_id, search_ids
from webapp.notifications import notify
from webapp.proposals import changes
from webapp.proposals.queries import LISTED, PROPOSAL_COLUMNS, PROPOSAL_JOINS

WRITABLE_JOB_FIELDS = (
    "category", "buurt_id", "employer", "hours", "days", "skills", "languages", "demands",
    "wage_cents", "wage_scale", "places", "start_date",
    *job_rules.REQUIRED_TEXTS, *job_rules.OPTIONAL_TEXTS,
)  # fmt: skip


# --- the review queue --------------------------------------------------------------


def review_queue(db, status, limit=200):
    """Proposals in ``status``, the longest waiting first, with when they got there."""
    return rows(
        db,
        f"""SELECT {PROPOSAL_COLUMNS},
                   (SELECT MAX(at) FROM proposal_events
                    WHERE proposal_events.proposal_id = proposals.id) AS since
            FROM proposals {PROPOSAL_JOINS}
            WHERE proposals.status = ? AND proposals.moderation != 'removed'
            ORDER BY since, proposals.id LIMIT ?""",  # noqa: S608 - fixed SQL
        (status, limit),
    )


def count_by_status(db):
    found = dict(rows(db, f"SELECT status, COUNT(*) FROM proposals WHERE {LISTED} "  # noqa: S608
                          "OR status = 'draft' GROUP BY status"))  # fmt: skip
    return {status: found.get(status, 0) for status in rules.STATUSES}


# --- jobs ------------------------------------------------------------------------------


def job_page(db, status=None, text="", page=1, per_page=25):
    """All jobs for the municipality (drafts too), newest first, with interest counts."""
    where, params = ["1"], []
    if status:
        where.append("jobs.status = ?")
        params.append(status)
    if text:
        ids = search_ids(db, text)
        if ids is not None:
            if not ids:
                return [], 0
            where.append(f"jobs.id IN ({','.join('?' * len(ids))})")
            params.extend(sorted(ids))
    condition = " AND ".join(where)
    total = one(db, f"SELECT COUNT(*) FROM jobs WHERE {condition}", params)[0]  # noqa: S608
    found = rows(
        db,
        f"""SELECT {JOB_COLUMNS},
                   (SELECT COUNT(*) FROM interests WHERE interests.job_id = jobs.id
                      AND interests.status = 'open') AS interest_count
            FROM jobs {JOB_JOINS} WHERE {condition}
            ORDER BY jobs.status = 'draft' DESC, jobs.created_at DESC, jobs.id DESC
            LIMIT ? OFFSET ?""",  # noqa: S608 - fixed SQL, values as '?'
        (*params, per_page, (page - 1) * per_page),
    )
    return found, total


def create_job(db, values, now):
    columns = ", ".join(WRITABLE_JOB_FIELDS)
    marks = ", ".join("?" * len(WRITABLE_JOB_FIELDS))
    cursor = db.execute(
        f"""INSERT INTO jobs (status, created_at, {columns})
            VALUES ('draft', ?, {marks})""",  # noqa: S608 - fixed names
        (rules.stamp(now), *(values[name] for name in WRITABLE_JOB_FIELDS)),
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
        assignments = ", ".join(f"{name} = ?" for name in WRITABLE_JOB_FIELDS)
        db.conn.execute(
            f"UPDATE jobs SET {assignments} WHERE id = ?",  # noqa: S608 - fixed names
            (*(values[name] for name in WRITABLE_JOB_FIELDS), job_id),
        )
    return "done"


def missing_texts(job):
    return [name for name in job_rules.REQUIRED_TEXTS if not (job[name] or "").strip()]


def change_job_status(db, job_id, action, gemeente_id, now):
    """'publish' a draft, 'close' an open job or 'reopen' a closed one.

    Publishing a job made from a proposal tells the author and the voters.
    Returns 'done', 'unchanged', 'unknown', 'not_allowed' or 'texts_missing'.
    """
    allowed = {"publish": job_rules.may_publish, "close": job_rules.may_close,
               "reopen": job_rules.may_reopen}[action]  # fmt: skip
    target = {"publish": "open", "close": "closed", "reopen": "open"}[action]
    with write_transaction(db):
        job = job_by_id(db, job_id)
        if job is None:
            return "unknown"
        if job["status"] == target:
            return "unchanged"
        if not allowed(job["status"]):
            return "not_allowed"
        if action == "publish" and missing_texts(job):
            return "texts_missing"
        db.conn.execute("UPDATE jobs SET status = ? WHERE id = ?", (target, job_id))
        if action == "publish":
            changes.job_published(db, job, gemeente_id, now)
    return "done"


# --- placements -------------------------------------------------------------------------


def placements(db, job_id):
    return rows(
        db,
        """SELECT placements.*, users.username, users.display_name FROM placements
           LEFT JOIN users ON users.id = placements.user_id
           WHERE job_id = ? ORDER BY placements.id""",
        (job_id,),
    )


def interested_residents(db, job_id):
    """Residents who said they want this job and are not placed on it yet."""
    return rows(
        db,
        """SELECT users.id, users.username, users.display_name FROM interests
           JOIN users ON users.id = interests.user_id
           WHERE interests.job_id = ? AND interests.status = 'open'
             AND users.id NOT IN (SELECT user_id FROM placements
                                  WHERE job_id = ? AND user_id IS NOT NULL)
           ORDER BY interests.created_at LIMIT 100""",
        (job_id, job_id),
    )


def place(db, job_id, username, gemeente_id, now):
    """Mark a resident as placed: a place fills and the resident is told."""
    with write_transaction(db):
        job = job_by_id(db, job_id)
        if job is None:
            return "unknown"
        resident = one(db, "SELECT id FROM users WHERE username = ? AND role = 'resident'",
                       (username.strip(),))  # fmt: skip
        if resident is None:
            return "no_resident"
        already = one(db, "SELECT 1 FROM placements WHERE job_id = ? AND user_id = ?",
                      (job_id, resident[0])) is not None  # fmt: skip
        refusal = job_rules.placement_refusal(job["status"], job["places"],
                                              job["places_filled"], already)  # fmt: skip
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
        cursor = db.conn.execute(
            "DELETE FROM placements WHERE id = ? AND job_id = ?", (placement_id, job_id)
        )
    return "done" if cursor.rowcount else "unchanged"


# --- reports ---------------------------------------------------------------------------


def reported_items(db):
    """Hidden items first, then items with open reports; each with its reasons."""
    items = rows(
        db,
        """SELECT reports.target_kind AS kind, reports.target_id AS target_id,
                  COUNT(*) AS report_count, GROUP_CONCAT(DISTINCT reports.reason) AS reasons,
                  MIN(reports.created_at) AS first_at
           FROM reports WHERE resolved_at IS NULL
           GROUP BY reports.target_kind, reports.target_id
           ORDER BY first_at LIMIT 200""",
    )
    found = []
    for item in items:
        if item["kind"] == "proposal":
            target = one(db, f"SELECT {PROPOSAL_COLUMNS} FROM proposals {PROPOSAL_JOINS} "  # noqa: S608
                             "WHERE proposals.id = ?", (item["target_id"],))  # fmt: skip
            proposal_id = item["target_id"]
        else:
            target = one(db, "SELECT * FROM proposal_comments WHERE id = ?", (item["target_id"],))
            proposal_id = target["proposal_id"] if target else None
        if target is None:
            continue
        found.append({"kind": item["kind"], "target": target, "count": item["report_count"],
                      "reasons": (item["reasons"] or "").split(","), "proposal_id": proposal_id,
                      "hidden": target["moderation"] == "hidden"})  # fmt: skip
    found.sort(key=lambda entry: not entry["hidden"])
    return found


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
                (key, str(value), rules.stamp(now), gemeente_id),
            )


def add_minimum_wage(db, valid_from, cents):
    """Add a dated minimum wage; returns None or the problem ('amount', 'date')."""
    with write_transaction(db):
        existing = [row[0] for row in rows(db, "SELECT valid_from FROM minimum_wage")]
        problem = settings_rules.minimum_wage_problem(valid_from, cents, existing)
        if problem:
            return problem
        db.conn.execute("INSERT INTO minimum_wage (valid_from, cents) VALUES (?, ?)",
                        (valid_from.isoformat(), cents))  # fmt: skip
    return None


# --- the overview's figures ------------------------------------------------------------------


def votes_per_week(db, now, weeks=12):
    """``[(monday, votes)]`` for the last ``weeks`` weeks, oldest first (empty weeks too)."""
    today = now.date()
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    # A day minus 6 days, then on to the next Monday (or that day, if a Monday): its week's Monday.
    counted = dict(
        rows(
            db,
            """SELECT date(created_at, '-6 days', 'weekday 1') AS monday, COUNT(*)
               FROM votes WHERE created_at >= ? GROUP BY monday""",
            (first_monday.isoformat(),),
        )
    )
    mondays = (first_monday + timedelta(weeks=index) for index in range(weeks))
    return [(monday, counted.get(monday.isoformat(), 0)) for monday in mondays]


def figures(db, now):
    jobs = dict(rows(db, "SELECT status, COUNT(*) FROM jobs GROUP BY status"))
    places = one(db, """SELECT COALESCE(SUM(places), 0), COALESCE(SUM(places_filled), 0)
                        FROM jobs WHERE status = 'open'""")  # fmt: skip
    week_ago = rules.stamp(now - timedelta(days=7))
    return {
        "proposals": count_by_status(db),
        "jobs": {status: jobs.get(status, 0) for status in ("open", "draft", "closed")},
        "places": places[0],
        "places_filled": places[1],
        "voters": one(db, "SELECT COUNT(DISTINCT user_id) FROM votes")[0],
        "votes_week": one(db, "SELECT COUNT(*) FROM votes WHERE created_at >= ?",
                          (week_ago,))[0],  # fmt: skip
        "reports_open": one(db, "SELECT COUNT(DISTINCT target_kind || target_id) FROM reports "
                                "WHERE resolved_at IS NULL")[0],  # fmt: skip
    }


def interests_per_job(db, limit=8):
    return rows(
        db,
        f"""SELECT {JOB_COLUMNS}, COUNT(interests.id) AS interest_count
            FROM jobs {JOB_JOINS}
            JOIN interests ON interests.job_id = jobs.id AND interests.status = 'open'
            WHERE jobs.status = 'open'
            GROUP BY jobs.id ORDER BY interest_count DESC, jobs.id LIMIT ?""",  # noqa: S608
        (limit,),
    )
