"""The municipality's reads: review queue, jobs, placements, reports, figures, caseloads."""

from datetime import UTC, timedelta

from webapp.db import dict_rows, one, rows
from webapp.domain import impact as impact_rules
from webapp.domain import jobs as job_rules
from webapp.domain import proposals as rules
from webapp.jobs import queries as job_queries
from webapp.jobs.queries import JOB_COLUMNS, JOB_JOINS, search_ids
from webapp.proposals.queries import LISTED, PROPOSAL_COLUMNS, PROPOSAL_JOINS, SQLITE_MAX_INTEGER

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
    """Listed proposals and drafts per status, each part counted from an index
    alone (``proposals_listed_status``; drafts are few)."""
    found = dict(
        rows(
            db,
            f"""SELECT status, COUNT(*) FROM proposals INDEXED BY proposals_listed_status
                WHERE {LISTED} GROUP BY status""",  # noqa: S608
        )
    )
    drafts = one(db, f"SELECT COUNT(*) FROM proposals WHERE status = 'draft' AND ({LISTED}) IS NOT 1")[0]  # noqa: S608
    found["draft"] = found.get("draft", 0) + drafts
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


def missing_plain_texts(job):
    """The plain versions a job still lacks (residents in plain mode read the standard text)."""
    return job_rules.missing_plain_texts(job)


def buurt_keys(db):
    """Buurt ids by key and by name in lower case: what a CSV file may name a buurt by."""
    found = {}
    for row in rows(db, "SELECT id, key, name FROM buurten"):
        found[row["key"]] = row["id"]
        found[row["name"].lower()] = row["id"]
    return found


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


def resident_by_username(db, username):
    return one(db, "SELECT id FROM users WHERE username = ? AND role = 'resident'", (username,))


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
            target = one(
                db,
                f"SELECT {PROPOSAL_COLUMNS} FROM proposals {PROPOSAL_JOINS} "  # noqa: S608
                "WHERE proposals.id = ?",
                (item["target_id"],),
            )
            proposal_id = item["target_id"]
        else:
            target = one(db, "SELECT * FROM proposal_comments WHERE id = ?", (item["target_id"],))
            proposal_id = target["proposal_id"] if target else None
        if target is None:
            continue
        found.append(
            {
                "kind": item["kind"],
                "target": target,
                "count": item["report_count"],
                "reasons": (item["reasons"] or "").split(","),
                "proposal_id": proposal_id,
                "hidden": target["moderation"] == "hidden",
            }
        )
    found.sort(key=lambda entry: not entry["hidden"])
    return found


# --- settings ------------------------------------------------------------------------------


def minimum_wage_dates(db):
    return [row[0] for row in rows(db, "SELECT valid_from FROM minimum_wage")]


# --- the overview's figures ------------------------------------------------------------------


def votes_per_week(db, now, weeks=12):
    """``[(monday, votes)]`` for the last ``weeks`` weeks, oldest first (empty weeks too).

    Read from the votes per day the triggers keep (``overview_vote_days``):
    at most ``7 * weeks`` small rows, however many votes there are."""
    today = now.date()
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    # A day minus 6 days, then on to the next Monday (or that day, if a Monday): its week's Monday.
    counted = dict(
        rows(
            db,
            """SELECT date(day, '-6 days', 'weekday 1') AS monday, SUM(votes)
               FROM overview_vote_days WHERE day >= ? GROUP BY monday""",
            (first_monday.isoformat(),),
        )
    )
    mondays = (first_monday + timedelta(weeks=index) for index in range(weeks))
    return [(monday, counted.get(monday.isoformat(), 0)) for monday in mondays]


def votes_since(db, moment):
    """Votes cast at ``moment`` or later: whole days from ``overview_vote_days``,
    the rest of ``moment``'s own day from the votes (one day's range of an index)."""
    next_day = (moment.astimezone(UTC).date() + timedelta(days=1)).isoformat()
    whole_days = one(db, "SELECT COALESCE(SUM(votes), 0) FROM overview_vote_days WHERE day >= ?", (next_day,))[0]
    first_day = one(
        db,
        "SELECT COUNT(*) FROM votes WHERE created_at >= ? AND created_at < ?",
        (rules.stamp(moment), next_day),
    )[0]
    return whole_days + first_day


def _totals(db):
    return dict(rows(db, "SELECT name, value FROM overview_totals"))


def votes_by_proof(db, accepted):
    """Votes cast on proposals, counted by the voter's proof as it is now.

    ``{'coach': n, 'code': n, 'oidc': n, 'none': n}``: 'none' holds the votes
    of people without a proof that counts now (none, a proof the municipality
    switched off, or a proof for a buurt they no longer live in) and the votes
    of former participants. Votes already cast stay; this shows how many of
    them a proof stands behind. Read from the totals the triggers keep."""
    totals = _totals(db)
    found = {"coach": 0, "code": 0, "oidc": 0, "none": totals.get("proof:none", 0)}
    for proof in ("coach", "code", "oidc"):
        found[proof if proof in accepted else "none"] += totals.get("proof:" + proof, 0)
    return found


def figures(db, now):
    jobs = dict(rows(db, "SELECT status, COUNT(*) FROM jobs GROUP BY status"))
    places = one(
        db,
        """SELECT COALESCE(SUM(places), 0), COALESCE(SUM(places_filled), 0)
           FROM jobs INDEXED BY jobs_status_places WHERE status = 'open'""",
    )
    return {
        "proposals": count_by_status(db),
        "jobs": {status: jobs.get(status, 0) for status in ("open", "draft", "closed")},
        "places": places[0],
        "places_filled": places[1],
        "voters": _totals(db).get("voters", 0),
        "votes_week": votes_since(db, now - timedelta(days=7)),
        "reports_open": one(
            db, "SELECT COUNT(DISTINCT target_kind || target_id) FROM reports WHERE resolved_at IS NULL"
        )[0],
    }


def interests_per_job(db, limit=8):
    """The open jobs most residents want, counted from the open interests alone
    (an index holds them), not by looking up every open job."""
    return rows(
        db,
        f"""SELECT {JOB_COLUMNS}, counted.interest_count
            FROM (SELECT job_id, COUNT(*) AS interest_count FROM interests
                  WHERE status = 'open' GROUP BY job_id) AS counted
            JOIN jobs ON jobs.id = counted.job_id {JOB_JOINS}
            WHERE jobs.status = 'open'
            ORDER BY counted.interest_count DESC, jobs.id LIMIT ?""",  # noqa: S608
        (limit,),
    )


# --- caseloads ---------------------------------------------------------------------------
# The municipality sees names, usernames and who coaches whom, never a thread,
# a plan or a profile.

RESIDENT_COLUMNS = """residents.id, residents.username, residents.display_name,
                      residents.coach_id, coaches.display_name AS coach_name,
                      coaches.username AS coach_username"""


def _like(text):
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def coaches(db):
    """Every coach with the size of their caseload, smallest first (to spread the work)."""
    return rows(
        db,
        """SELECT coaches.id, coaches.username, coaches.display_name,
                  (SELECT COUNT(*) FROM users AS r
                   WHERE r.coach_id = coaches.id AND r.role = 'resident') AS caseload
           FROM users AS coaches WHERE coaches.role = 'coach'
           ORDER BY caseload, coaches.display_name, coaches.username""",
    )


def residents_named(db, search, limit):
    """Residents whose name or username holds ``search``, with their coach."""
    return rows(
        db,
        f"""SELECT {RESIDENT_COLUMNS} FROM users AS residents
            LEFT JOIN users AS coaches ON coaches.id = residents.coach_id
            WHERE residents.role = 'resident'
            AND (residents.display_name LIKE ? ESCAPE '\\'
                 OR residents.username LIKE ? ESCAPE '\\')
            ORDER BY residents.display_name, residents.username LIMIT ?""",  # noqa: S608
        (_like(search), _like(search), limit),
    )


def residents_without_coach(db, limit):
    """The residents waiting for a coach, who waited longest first, each with the
    jobs they want (``interests``, oldest first) and when they signed up.

    Waiting means: no coach, and able to log in. An account without a password
    (a neighbour who only votes, a start code never used) was never told to wait."""
    waiting = [
        dict(row)
        for row in rows(
            db,
            f"""SELECT {RESIDENT_COLUMNS}, residents.created_at AS signed_up_at
                FROM users AS residents
                LEFT JOIN users AS coaches ON coaches.id = residents.coach_id
                WHERE residents.role = 'resident' AND residents.coach_id IS NULL
                AND residents.password_hash IS NOT NULL
                ORDER BY residents.created_at, residents.id LIMIT ?""",  # noqa: S608
            (limit,),
        )
    ]
    by_id = {row["id"]: row for row in waiting}
    for row in waiting:
        row["interests"] = []
    if by_id:
        marks = ",".join("?" * len(by_id))
        for interest in rows(
            db,
            f"""SELECT interests.user_id, interests.created_at AS interest_created_at, {JOB_COLUMNS}
                FROM interests JOIN jobs ON jobs.id = interests.job_id {JOB_JOINS}
                WHERE interests.status = 'open' AND interests.user_id IN ({marks})
                ORDER BY interests.created_at, interests.id""",  # noqa: S608
            tuple(by_id),
        ):
            by_id[interest["user_id"]]["interests"].append(interest)
    return waiting


def waiting_for_coach(db):
    """How many residents have no coach yet: the workspace's menu shows it."""
    # Kept as accounts change (webapp/gemeente/schema.py, j003).
    return one(db, "SELECT value FROM overview_totals WHERE name = 'residents_waiting'")[0]


def caseload_totals(db):
    return one(
        db,
        """SELECT (SELECT COUNT(*) FROM users WHERE role = 'coach') AS coaches,
                  (SELECT COUNT(*) FROM users WHERE role = 'resident'
                   AND coach_id IS NOT NULL) AS coached,
                  (SELECT value FROM overview_totals WHERE name = 'residents_waiting') AS without""",
    )


def resident(db, resident_id):
    """A resident with their coach, or None (also for any other role)."""
    if not 0 < resident_id <= SQLITE_MAX_INTEGER:
        return None
    row = one(
        db,
        f"""SELECT {RESIDENT_COLUMNS}, residents.role FROM users AS residents
            LEFT JOIN users AS coaches ON coaches.id = residents.coach_id
            WHERE residents.id = ?""",  # noqa: S608
        (resident_id,),
    )
    if row is None or row["role"] != "resident":
        return None
    return row


def person(db, user_id):
    """What the coaching rules need to know about someone: id, role and coach."""
    return one(db, "SELECT id, role, coach_id FROM users WHERE id = ?", (user_id,))


# --- the programme for the council (/gemeente/impact) -------------------------------------
# Published jobs only (open or closed); placements counted as the app keeps them.


IMPACT_PUBLISHED = """WITH published AS MATERIALIZED (
    SELECT id, category, buurt_id FROM jobs INDEXED BY jobs_impact WHERE status != 'draft')"""
IMPACT_PLACED = """COUNT(DISTINCT placements.user_id) AS people, COUNT(*) AS placements,
    SUM(julianday(:now) - julianday(placements.created_at)) AS days,
    COUNT(DISTINCT CASE WHEN julianday(:now) - julianday(placements.created_at) >= :half_year
                        THEN placements.user_id END) AS half_year"""


def impact_version(db):
    """Where the programme's sources stand: it changes with any of them
    (schema.py: IMPACT_SOURCES, and the check-ins' own counter)."""
    found = dict(rows(db, "SELECT name, value FROM counters WHERE name IN ('impact_figures', 'checkin_figures')"))
    return found.get("impact_figures"), found.get("checkin_figures")


def impact_report(db, now_text):
    """The page's tables: per category, per wijk and all together
    (``webapp.domain.impact.summarise``), from counts per category and buurt
    read from two indexes (``jobs_impact``, ``placements_impact``), never
    from the wide jobs rows."""
    job_cells = rows(
        db,
        """SELECT category, buurt_id, COUNT(*) AS jobs, SUM(status = 'open') AS open_jobs,
                  SUM(places) AS places, SUM(places_filled) AS places_filled
           FROM jobs INDEXED BY jobs_impact WHERE status != 'draft' GROUP BY category, buurt_id""",
    )
    values = {"now": now_text, "half_year": impact_rules.HALF_YEAR_DAYS}
    placement_cells = rows(
        db,
        f"""{IMPACT_PUBLISHED}
            SELECT published.category, published.buurt_id, {IMPACT_PLACED}
            FROM published JOIN placements INDEXED BY placements_impact ON placements.job_id = published.id
            WHERE placements.user_id IS NOT NULL GROUP BY published.category, published.buurt_id""",  # noqa: S608
        values,
    )
    totals = one(
        db,
        f"""{IMPACT_PUBLISHED}
            SELECT {IMPACT_PLACED}
            FROM published JOIN placements INDEXED BY placements_impact ON placements.job_id = published.id
            WHERE placements.user_id IS NOT NULL""",  # noqa: S608 - fixed parts
        values,
    )
    wijk_of_buurt = dict(
        rows(db, "SELECT buurten.id, wijken.name FROM buurten JOIN wijken ON wijken.id = buurten.wijk_id")
    )
    return impact_rules.summarise(job_cells, placement_cells, totals, wijk_of_buurt, impact_money(db))


IMPACT_MONEY_COLUMNS = "jobs.hours, jobs.wage_cents, COALESCE(given.cents, 0) AS partners_cents"
IMPACT_PARTNERS = """LEFT JOIN (SELECT job_id, SUM(yearly_cents) AS cents FROM job_partners GROUP BY job_id)
                AS given ON given.job_id = jobs.id"""


def impact_money(db, day=None):
    """A year of each published job's business case for its filled places
    (``business_case.filled_places``), with its category and buurt."""
    amounts = job_queries.case_amounts(db, day)
    cells = []
    for job in rows(
        db,
        f"""SELECT jobs.category, jobs.buurt_id, jobs.places, jobs.places_filled, {IMPACT_MONEY_COLUMNS}
           FROM jobs {IMPACT_PARTNERS}
           WHERE jobs.status != 'draft' AND jobs.places_filled > 0""",  # noqa: S608 - fixed parts
    ):
        case = job_queries.case_of(job, amounts, job_queries.partners_sum(job["partners_cents"]), filled=True)
        if case is not None:
            cells.append({"category": job["category"], "buurt_id": job["buurt_id"], "case": case})
    return cells


def impact_jobs(db, now_text, day=None):
    """Every published job with its placements and a year of its business case
    for the filled places (``case``: None when no wage applies), for the
    downloads' sheet per job."""
    amounts = job_queries.case_amounts(db, day)
    found = dict_rows(
        db,
        f"""SELECT jobs.id, jobs.title_nl, jobs.title_en, jobs.category, wijken.name AS wijk, jobs.status,
                  jobs.places, jobs.places_filled, COALESCE(placed.people, 0) AS people, placed.days,
                  {IMPACT_MONEY_COLUMNS}
           FROM jobs JOIN buurten ON buurten.id = jobs.buurt_id JOIN wijken ON wijken.id = buurten.wijk_id
           LEFT JOIN (SELECT job_id, COUNT(*) AS people, AVG(julianday(?) - julianday(created_at)) AS days
                      FROM placements WHERE user_id IS NOT NULL GROUP BY job_id) AS placed
                  ON placed.job_id = jobs.id
           {IMPACT_PARTNERS}
           WHERE jobs.status != 'draft' ORDER BY jobs.id""",  # noqa: S608 - fixed parts
        (now_text,),
    )
    for job in found:
        job["case"] = job_queries.case_of(
            job, amounts, job_queries.partners_sum(job["partners_cents"]), filled=True
        )
    return found
