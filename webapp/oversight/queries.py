"""Reading the board's work: jobs waiting for its advice and the newest advice per job."""

from webapp.db import one, rows

SHOWN = 50  # jobs a list on the board's workspace shows; the count says how many there are

# The newest advice of a job wins; on the same second the later row does.
NEWEST_ADVICE = """SELECT advices.id, advices.job_id, advices.verdict, advices.reason, advices.displacement,
                          advices.conditions, advices.created_at, advice_overrides.reason AS override_reason,
                          advice_overrides.created_at AS override_at
                   FROM advices LEFT JOIN advice_overrides ON advice_overrides.advice_id = advices.id
                   WHERE advices.job_id = ?
                   ORDER BY advices.created_at DESC, advices.id DESC LIMIT 1"""

# What a list of jobs shows: the title in every language, the buurt and where it came from.
JOB_LIST_COLUMNS = """jobs.id, jobs.title_nl, jobs.title_en, jobs.title_plain_nl, jobs.title_plain_en,
                      jobs.category, jobs.status, jobs.proposal_id, jobs.created_at, buurten.name AS buurt_name"""
JOB_LIST = f"SELECT {JOB_LIST_COLUMNS} FROM jobs JOIN buurten ON buurten.id = jobs.buurt_id"  # noqa: S608


def newest_advice(db, job_id):
    """The advice that counts for ``job_id`` (with the municipality's reason if it published
    against it), or None."""
    return one(db, NEWEST_ADVICE, (job_id,))


def newest_verdict(db, job_id):
    row = one(
        db,
        "SELECT id, verdict FROM advices WHERE job_id = ? ORDER BY created_at DESC, id DESC LIMIT 1",
        (job_id,),
    )
    return (row["id"], row["verdict"]) if row else (None, None)


def waiting_for_advice(db, limit=SHOWN):
    """Drafts without any advice yet, oldest first: who waited longest comes first."""
    return rows(
        db,
        f"""{JOB_LIST}
            WHERE jobs.status = 'draft' AND NOT EXISTS (SELECT 1 FROM advices WHERE advices.job_id = jobs.id)
            ORDER BY jobs.created_at, jobs.id LIMIT ?""",  # noqa: S608 - a fixed text
        (limit,),
    )


def count_waiting(db):
    return one(
        db,
        """SELECT COUNT(*) FROM jobs WHERE status = 'draft'
           AND NOT EXISTS (SELECT 1 FROM advices WHERE advices.job_id = jobs.id)""",
    )[0]


def advised_drafts(db, limit=SHOWN):
    """Drafts the board advised on that are not published yet, with the newest verdict."""
    return rows(
        db,
        f"""SELECT {JOB_LIST_COLUMNS}, newest.verdict, newest.created_at AS advised_at
            FROM jobs JOIN buurten ON buurten.id = jobs.buurt_id
            JOIN advices AS newest ON newest.id = (
                SELECT id FROM advices WHERE advices.job_id = jobs.id ORDER BY created_at DESC, id DESC LIMIT 1)
            WHERE jobs.status = 'draft'
            ORDER BY newest.created_at DESC, jobs.id DESC LIMIT ?""",  # noqa: S608 - a fixed text
        (limit,),
    )


def recent_advices(db, limit=10):
    """The board's newest advices on any job, newest first."""
    return rows(
        db,
        f"""SELECT {JOB_LIST_COLUMNS}, advices.verdict, advices.created_at AS advised_at
            FROM jobs JOIN buurten ON buurten.id = jobs.buurt_id
            JOIN advices ON advices.job_id = jobs.id
            ORDER BY advices.created_at DESC, advices.id DESC LIMIT ?""",  # noqa: S608 - a fixed text
        (limit,),
    )


def municipality_ids(db):
    """Everyone who works for the municipality: they hear of a new advice."""
    return [row[0] for row in rows(db, "SELECT id FROM users WHERE role = 'gemeente'")]
