"""Partners for the demo's jobs, so the job pages show business cases that
close and some that do not (webapp/domain/business_case.py).

The partners are made up, with the kinds a municipality really meets: a
housing corporation for work in the street, a health insurer for care, a
local fund, a community centre that gives a room, and the municipality itself.
"""

from webapp.db import now_iso
from webapp.jobs import queries as job_queries
from webapp.jobs.schema import r002_funding_first_partner

MUNICIPALITY = "Gemeente Lindeveld"
HOUSING = "Woonstichting Lindeveld"
INSURER = "Zorgverzekeraar Zorgsaam"
FUND = "Fonds Samen Lindeveld"
CENTRE = "Buurthuis De Hoven"

# Who would pay for which kind of work: the first partner of a job.
FIRST_PARTNER = {
    "elderly": INSURER,
    "carehome": INSURER,
    "mobility": INSURER,
    "caretaker": HOUSING,
    "handyman": HOUSING,
    "green": HOUSING,
    "watch": HOUSING,
}

NOTES = {
    HOUSING: "Betaalt mee omdat de buurt er schoner en veiliger van wordt.",
    INSURER: "Betaalt mee omdat mensen minder eenzaam zijn en minder zorg nodig hebben.",
    FUND: "Een bijdrage voor drie jaar.",
    CENTRE: "Geeft een ruimte, koffie en gereedschap. Dit is wat dat zou kosten.",
    MUNICIPALITY: "Het deel dat de gemeente zelf betaalt.",
}

HUNDRED_EUROS = 100_00


def _round(cents):
    return max(HUNDRED_EUROS, cents // HUNDRED_EUROS * HUNDRED_EUROS)


def plan(category, gap_cents, pattern):
    """Partners ``(name, kind, yearly_cents)`` for a job whose costs are
    ``gap_cents`` more than the bijstand it saves. Pattern 0 and 1 close the
    case, pattern 2 leaves part of it open (a case still looking for money)."""
    first = FIRST_PARTNER.get(category, FUND)
    room = (CENTRE, "in_kind", 1_200_00)
    if pattern == 0:
        share = _round(gap_cents * 6 // 10)
        return [(first, "money", share), room, (MUNICIPALITY, "money", _round(gap_cents - share) + HUNDRED_EUROS)]
    if pattern == 1:
        other = FUND if first != FUND else HOUSING
        share = _round(gap_cents // 2) + HUNDRED_EUROS
        return [(first, "money", share), (other, "money", _round(gap_cents - share) + 2 * HUNDRED_EUROS)]
    return [(first, "money", _round(gap_cents * 4 // 10))]


def seed_partners(db, statuses=("open",)):
    """Partners for every job with ``statuses`` that has none yet; a job's
    "who pays" with an approved amount first, as the migration does."""
    r002_funding_first_partner(db)
    marks = ",".join("?" * len(statuses))
    ids = [
        row[0]
        for row in db.conn.execute(
            f"""SELECT id FROM jobs WHERE status IN ({marks})
                AND NOT EXISTS (SELECT 1 FROM job_partners WHERE job_id = jobs.id) ORDER BY id""",  # noqa: S608
            statuses,
        )
    ]
    stamp = now_iso()
    found = []
    for number, job in enumerate(job_queries.jobs_by_ids(db, ids)):
        business = job_queries.business_case(db, job)
        if business is None:
            continue
        case = business["case"]
        gap = max(0, case.cost_cents - case.benefit_cents) or case.cost_cents // 10
        for name, kind, cents in plan(job["category"], gap, number % 3):
            found.append((job["id"], name, kind, cents, NOTES[name], stamp, stamp))
    db.conn.executemany(
        """INSERT OR IGNORE INTO job_partners (job_id, name, kind, yearly_cents, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        found,
    )
