"""Reading jobs: the facts matching needs, and the rows a page shows.

The facts of all open jobs are cached per process. Triggers write one row to
``job_changes`` for every job whose facts change (not for a filled place or a
text), so a worker reads back only the jobs changed since it last looked:
one tiny query when nothing changed, a few rows when one job did.
Open jobs are grouped by kind of job (``matching.Catalogue``; after a change
only the changed jobs' kinds are updated), so a page of the ranking costs one assessment per kind
and the page itself, however many jobs are open.
"""

import gc
import threading
from collections import deque
from datetime import date

from flask import current_app

from webapp.db import one, rows
from webapp.domain import business_case as case_rules
from webapp.domain import matching, wage
from webapp.domain import settings as settings_rules
from webapp.domain.vocab import split_codes
from webapp.places import places  # noqa: F401 - the job filters' "where"; other areas read it here too

_cache = {}
_cache_lock = threading.Lock()

# Past this many changed jobs at once, reading every open job is as quick.
REBUILD_AFTER = 500
# How many steps of the facts a worker remembers for its catalogue to follow.
KEEP_STEPS = 16

FACT_SELECT = """SELECT jobs.id, category, buurt_id, buurten.wijk_id, hours, created_at,
                        days, skills, languages, demands
                 FROM jobs JOIN buurten ON buurten.id = jobs.buurt_id
                 WHERE status = 'open'"""


def last_change(db):
    """``(seq, job_id)`` of the last change to a job's facts, ``(0, None)`` before any."""
    row = one(db, "SELECT seq, job_id FROM job_changes ORDER BY seq DESC LIMIT 1")
    return (row[0], row[1]) if row else (0, None)


def read_facts(db, ids=None):
    """Facts of the open jobs (of those in ``ids`` when given), in no order."""
    if ids is None:
        return [as_fact(row) for row in rows(db, FACT_SELECT)]
    found = []
    ids = sorted(ids)
    for start in range(0, len(ids), 500):  # SQLite's limit on '?' marks
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found += [as_fact(row) for row in rows(db, f"{FACT_SELECT} AND jobs.id IN ({marks})", chunk)]  # noqa: S608
    return found


class JobFacts:
    """One process's facts of all open jobs, newest first, kept up to date
    from ``job_changes``. ``facts`` is never changed in place: a request
    that holds it keeps a consistent list while another refreshes."""

    def __init__(self):
        self.seq = self.job_id = None
        self.facts = []
        self.by_id = {}
        # The last few steps (list before, list after, jobs taken out, jobs
        # put in), so what is built from the facts can follow them.
        self.steps = deque(maxlen=KEEP_STEPS)

    def get(self, db):
        if self.seq is None:
            return self.rebuild(db)
        # The last change seen comes back too: when it is gone (the database
        # was replaced, or the log cut short) every job is read again.
        changed = rows(db, "SELECT seq, job_id FROM job_changes WHERE seq >= ? ORDER BY seq", (self.seq,))
        if self.seq and (not changed or tuple(changed[0]) != (self.seq, self.job_id)):
            return self.rebuild(db)
        changed = [row for row in changed if row[0] > self.seq]
        if not changed:
            return self.facts
        if len(changed) > REBUILD_AFTER:
            return self.rebuild(db)
        ids = {row[1] for row in changed}
        self.apply(ids, read_facts(db, ids))
        self.seq, self.job_id = tuple(changed[-1])
        return self.facts

    def rebuild(self, db):
        # The mark first: a change made while reading is read again next time.
        seq, job_id = last_change(db)
        facts = sorted(read_facts(db), key=matching.age, reverse=True)
        self.facts, self.by_id = facts, {job.id: job for job in facts}
        self.seq, self.job_id = seq, job_id
        self.steps.clear()
        return facts

    def apply(self, changed_ids, fresh):
        facts = list(self.facts)
        by_id = dict(self.by_id)
        removed = []
        for job_id in changed_ids:
            old = by_id.pop(job_id, None)
            if old is not None:
                del facts[matching.newest_position(facts, matching.age(old))]
                removed.append(old)
        for job in fresh:
            facts.insert(matching.newest_position(facts, matching.age(job)), job)
            by_id[job.id] = job
        self.steps.append((self.facts, facts, removed, fresh))
        self.facts, self.by_id = facts, by_id

    def steps_since(self, facts):
        """``[(removed, added), ...]`` from ``facts`` to today's list, or None
        when ``facts`` is not one of the last few lists (then build anew)."""
        if facts is self.facts:
            return []
        steps = list(self.steps)
        starts = [index for index, step in enumerate(steps) if step[0] is facts]
        if not starts:
            return None
        found = []
        for before, after, removed, added in steps[starts[-1] :]:
            if before is not facts:
                return None
            found.append((removed, added))
            facts = after
        return found if facts is self.facts else None


def open_job_facts(db, path):
    """All open jobs as ``matching.Job``, newest first (cached per database file)."""
    with _cache_lock:
        return _cache.setdefault(path, JobFacts()).get(db)


def search_ids(db, text):
    """Ids of jobs whose words match every word the person typed."""
    words = [word for word in "".join(ch if ch.isalnum() else " " for ch in text).split()]
    if not words:
        return None
    # Each word becomes a quoted prefix term: nothing typed is FTS syntax.
    query = " ".join(f'"{word}"*' for word in words[:12])
    # One string rather than a row per job: a common word matches thousands.
    found = one(db, "SELECT group_concat(rowid) FROM jobs_fts WHERE jobs_fts MATCH ?", (query,))[0]
    return set(map(int, found.split(","))) if found else set()


JOB_COLUMNS = """jobs.*, buurten.name AS buurt_name, buurten.wijk_id AS wijk_id,
                 wijken.name AS wijk_name"""
JOB_JOINS = """JOIN buurten ON buurten.id = jobs.buurt_id
               JOIN wijken ON wijken.id = buurten.wijk_id"""


def jobs_by_ids(db, ids):
    """Full rows for ``ids``, in the order given."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    found = {
        row["id"]: row
        for row in rows(db, f"SELECT {JOB_COLUMNS} FROM jobs {JOB_JOINS} WHERE jobs.id IN ({marks})", ids)  # noqa: S608, E501 - only '?' marks
    }
    return [found[i] for i in ids if i in found]


def job_by_id(db, job_id):
    return one(db, f"SELECT {JOB_COLUMNS} FROM jobs {JOB_JOINS} WHERE jobs.id = ?", (job_id,))  # noqa: S608


def as_fact(row):
    return matching.Job(
        id=row["id"],
        category=row["category"],
        buurt=row["buurt_id"],
        wijk=row["wijk_id"],
        hours=row["hours"],
        created_at=row["created_at"],
        days=frozenset(split_codes(row["days"])),
        skills=split_codes(row["skills"]),
        languages=split_codes(row["languages"]),
        demands=split_codes(row["demands"]),
    )


def minimum_wage(db, day=None):
    rates = [(row[0], row[1]) for row in rows(db, "SELECT valid_from, cents FROM minimum_wage")]
    return wage.minimum_on(rates, day or date.today())


def interest_of(db, user_id, job_id):
    return one(db, "SELECT * FROM interests WHERE user_id = ? AND job_id = ?", (user_id, job_id))


# What the job list shows when its filters are not valid.
NO_JOBS = {
    "jobs": [],
    "misfit_jobs": [],
    "fits": {},
    "total": 0,
    "by_fit": False,
    "fit_count": None,
    "misfit_count": None,
}


def catalogue(db, path):
    """The open jobs grouped for ranking (``matching.Catalogue``). When jobs
    changed, only their kinds change (``Catalogue.changed``, the steps the
    facts took); it is built anew only at the start, after the facts were
    read anew, or when it fell too many steps behind."""
    with _cache_lock:
        cache = _cache.setdefault(path, JobFacts())
        facts = cache.get(db)
        cached = _catalogues.get(path)
        if cached is not None and cached[0] is facts:
            return cached[1]
        steps = cache.steps_since(cached[0]) if cached is not None else None
        if steps is None:
            built = matching.Catalogue(facts)
            # The facts and the catalogue live as long as the worker: at 20,000
            # jobs the collector's full passes walked them, ~100 ms every few
            # searches (a p95 of 8x /settings). Frozen, it skips them;
            # reference counting still frees them once they are replaced.
            gc.freeze()
        else:
            built = cached[1]
            for removed, added in steps:
                built = built.changed(removed, added)
        _catalogues[path] = (facts, built)
        return built


_catalogues = {}


def list_jobs(db, profile, wants, sort, page, per_page):
    """One page of jobs. For a resident with a profile: the jobs that fit
    (best fit first, or newest first with ``sort`` 'new') in ``jobs``, then
    on the same or later pages those that do not in ``misfit_jobs``, never
    mixed; without a profile, all newest first in ``jobs``.

    ``fit_count`` and ``misfit_count`` split all ``total`` jobs found
    (``None`` without a profile). Only the jobs of the page are read and
    explained: the rest is counted per kind of job (``matching.Catalogue``).
    """
    # The facts are kept per database file: tests run several apps in one process.
    jobs = catalogue(db, current_app.config["DATABASE"])
    text = wants.pop("q")
    ids = search_ids(db, text) if text else None
    matched = profile is not None and not profile.is_empty
    by_fit = matched and sort != "new"
    start = (page - 1) * per_page
    found = jobs.page(
        profile if matched else None, start, start + per_page, newest_first=not by_fit, ids=ids, **wants
    )
    page_rows = jobs_by_ids(db, [job.id for job in found.jobs])
    fits = {}
    misfit_rows = []
    if matched:
        fits = {row["id"]: matching.assess(profile, as_fact(row)) for row in page_rows}
        # The page put every job that fits before the first that does not.
        misfit_rows = [row for row in page_rows if not fits[row["id"]].fits_you]
        page_rows = [row for row in page_rows if fits[row["id"]].fits_you]
    return {
        "jobs": page_rows,
        "misfit_jobs": misfit_rows,
        "fits": fits,
        "total": found.total,
        "by_fit": by_fit,
        "fit_count": found.fit_count,
        "misfit_count": found.misfit_count,
    }


def interests_of(db, user_id):
    """A resident's interests with their jobs, open ones first."""
    return rows(
        db,
        f"""SELECT {JOB_COLUMNS}, interests.id AS interest_id,
                   interests.status AS interest_status, interests.message AS interest_message,
                   interests.updated_at AS interest_updated_at,
                   interests.coach_answer, interests.coach_reason
            FROM interests JOIN jobs ON jobs.id = interests.job_id {JOB_JOINS}
            WHERE interests.user_id = ?
            ORDER BY interests.status = 'open' DESC, interests.updated_at DESC""",  # noqa: S608
        (user_id,),
    )


def personal_data(db, user_id):
    """A person's interests, for "download all your data"."""
    interests = rows(
        db,
        """SELECT interests.job_id, jobs.title_nl, jobs.title_en, interests.message,
                  interests.status, interests.created_at, interests.updated_at
           FROM interests JOIN jobs ON jobs.id = interests.job_id
           WHERE interests.user_id = ? ORDER BY interests.created_at""",
        (user_id,),
    )
    return {"interests": [dict(row) for row in interests]}


# --- the business case (webapp/domain/business_case.py) ---------------------------------


def partners(db, job_id):
    """A job's partners in the order they were added."""
    return rows(db, "SELECT * FROM job_partners WHERE job_id = ? ORDER BY id", (job_id,))


def partner(db, job_id, partner_id):
    return one(db, "SELECT * FROM job_partners WHERE job_id = ? AND id = ?", (job_id, partner_id))


def bijstand_amounts(db):
    """The dated bijstand amounts, newest first: ``(valid_from, cents, period)`` rows."""
    return rows(db, "SELECT valid_from, cents, period FROM bijstand_amount ORDER BY valid_from DESC")


def employer_charge(db):
    stored = one(db, "SELECT value FROM settings WHERE key = 'employer_charge'")
    return settings_rules.read({"employer_charge": stored[0]} if stored else {})["employer_charge"]


def case_amounts(db, day=None):
    """What every business case on ``day`` (today) shares: the minimum wage
    an hour (cents or None), the employer's charge percentage, the bijstand
    (``((cents, period), valid_from)`` or None) and it a year (or None)."""
    day = day or date.today()
    rates = [(row[0], row[1]) for row in rows(db, "SELECT valid_from, cents FROM minimum_wage")]
    dated = [(row["valid_from"], (row["cents"], row["period"])) for row in bijstand_amounts(db)]
    benefit = case_rules.amount_on(dated, day)
    return {
        "minimum": (case_rules.amount_on(rates, day) or (None,))[0],
        "percent": employer_charge(db),
        "benefit": benefit,
        "benefit_yearly": case_rules.yearly_benefit(*benefit[0]) if benefit else None,
    }


def case_of(job, amounts, given, filled=False):
    """A job's ``business_case.Case`` with ``case_amounts`` and its partners
    ``given``: for all its places, or (``filled``) for the filled places only
    (the council's programme); None when no wage applies yet."""
    pay = case_rules.hourly_with(job["wage_cents"], amounts["minimum"])
    if pay is None:
        return None
    if filled:
        return case_rules.filled_places(
            job["hours"],
            job["places"],
            job["places_filled"],
            pay,
            amounts["percent"],
            sum(partner.yearly_cents for partner in given),
            amounts["benefit_yearly"],
        )
    return case_rules.business_case(
        job["hours"], job["places"], pay, amounts["percent"], given, amounts["benefit_yearly"]
    )


def partners_sum(cents):
    """The partners of a job as one sum (reads over many jobs sum them in SQL)."""
    return [case_rules.Partner("", "money", cents)] if cents else []


def business_case(db, job, day=None):
    """The job's business case on ``day`` (today): a ``business_case.Case``
    and the dated amounts it used, or ``None`` when no wage applies yet."""
    amounts = case_amounts(db, day)
    found = [case_rules.Partner(row["name"], row["kind"], row["yearly_cents"]) for row in partners(db, job["id"])]
    case = case_of(job, amounts, found)
    if case is None:
        return None
    return {
        "case": case,
        "bar": case_rules.bar(case),
        "percent": amounts["percent"],
        "benefit": amounts["benefit"],
    }


def first_partner(db, job):
    """What the form offers as the first partner of a job without partners:
    its "who pays", with the yearly amount its proposal was approved with."""
    if not (job["funding"] or "").strip():
        return None
    cents = None
    if job["proposal_id"]:
        found = one(db, "SELECT decision_cents_per_year FROM proposals WHERE id = ?", (job["proposal_id"],))
        cents = found[0] if found else None
    return {"name": job["funding"].strip()[: case_rules.NAME_LIMIT], "yearly_cents": cents}
