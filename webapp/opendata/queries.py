"""Reads for open data: only what is public on the site already, never a
resident's name, a contact or a single vote. ``db`` first; each read gives
rows in the order of its dataset's columns (``webapp/opendata/datasets.py``)."""

from webapp.db import dict_rows, rows
from webapp.domain import proposals as proposal_rules
from webapp.jobs import queries as job_queries

PLACE_JOINS = "JOIN buurten ON buurten.id = {table}.buurt_id JOIN wijken ON wijken.id = buurten.wijk_id"


def proposals(db):
    """Proposals anyone can see (opened once, not hidden by moderation)."""
    statuses = ",".join("?" * len(proposal_rules.PUBLIC_STATUSES))
    return rows(
        db,
        f"""SELECT proposals.id, proposals.status, proposals.category, wijken.name AS wijk,
                   buurten.name AS buurt, proposals.lang AS language, proposals.title, proposals.hours,
                   proposals.vote_count AS votes, proposals.threshold, proposals.opened_at,
                   proposals.deadline, proposals.decided_at, proposals.decision_reason, proposals.job_id
            FROM proposals {PLACE_JOINS.format(table="proposals")}
            WHERE proposals.status IN ({statuses}) AND proposals.opened_at IS NOT NULL
              AND proposals.moderation = 'visible'
            ORDER BY proposals.id""",  # noqa: S608 - fixed parts
        proposal_rules.PUBLIC_STATUSES,
    )


def advices(db):
    """Every advice of the board, with the municipality's reason when it published anyway."""
    return rows(
        db,
        """SELECT advices.id, advices.job_id, advices.verdict, advices.reason, advices.displacement,
                  advices.conditions, advices.created_at AS advised_at,
                  advice_overrides.reason AS override_reason, advice_overrides.created_at AS overridden_at
           FROM advices LEFT JOIN advice_overrides ON advice_overrides.advice_id = advices.id
           ORDER BY advices.id""",
    )


def objections(db):
    """Objections as the job and proposal pages show them (open ones too, with
    the date the answer is due): never the contact or the account, a name only
    when the objector chose to show one; none about a proposal nobody can see."""
    statuses = ",".join("?" * len(proposal_rules.PUBLIC_STATUSES))
    return rows(
        db,
        f"""SELECT objections.id,
                   CASE WHEN objections.proposal_id IS NULL THEN 'job' ELSE 'proposal' END AS item,
                   objections.proposal_id, objections.job_id, objections.ground, objections.text,
                   objections.public_name, objections.created_at AS sent_at, objections.answer_due,
                   COALESCE(objections.decision, 'open') AS state, objections.decision_reason,
                   objections.decided_at
            FROM objections
            LEFT JOIN proposals ON proposals.id = objections.proposal_id
            LEFT JOIN jobs ON jobs.id = objections.job_id
            WHERE (proposals.status IN ({statuses}) AND proposals.opened_at IS NOT NULL
                   AND proposals.moderation = 'visible')
               OR jobs.status != 'draft'
            ORDER BY objections.id""",  # noqa: S608 - fixed parts
        proposal_rules.PUBLIC_STATUSES,
    )


def jobs(db):
    """Published jobs (open or closed) with a year of their business case for
    all places, as the job page shows it (amounts in euros)."""
    amounts = job_queries.case_amounts(db)
    found = dict_rows(
        db,
        f"""SELECT jobs.id, jobs.status, jobs.category, wijken.name AS wijk, buurten.name AS buurt,
                   jobs.title_nl, jobs.title_en, jobs.employer, jobs.hours, jobs.places, jobs.places_filled,
                   jobs.start_date, jobs.created_at, jobs.proposal_id, jobs.wage_cents,
                   given.names AS partners, COALESCE(given.cents, 0) AS partners_cents
            FROM jobs {PLACE_JOINS.format(table="jobs")}
            LEFT JOIN (SELECT job_id, GROUP_CONCAT(name, '; ') AS names, SUM(yearly_cents) AS cents
                       FROM (SELECT job_id, name, yearly_cents FROM job_partners ORDER BY job_id, id)
                       GROUP BY job_id) AS given ON given.job_id = jobs.id
            WHERE jobs.status != 'draft' ORDER BY jobs.id""",  # noqa: S608 - fixed parts
    )
    for job in found:
        case = job_queries.case_of(job, amounts, job_queries.partners_sum(job["partners_cents"]))
        job["cost_eur"] = euros(case and case.cost_cents)
        job["partners_eur"] = euros(job["partners_cents"])
        job["bijstand_saved_eur"] = euros(case and case.benefit_cents)
        job["missing_eur"] = euros(case and case.missing_cents)
    return found


def euros(cents):
    """Cents as euros with two decimals (a number in JSON); None stays empty."""
    return None if cents is None else round(cents / 100, 2)
