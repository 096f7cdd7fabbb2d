"""Reads for objections and the body of decisions. ``db`` first, rows back.

Public reads never select ``contact``: only ``for_board`` does.
"""

from webapp.db import one, rows
from webapp.domain import settings as settings_rules

# What everyone may read of an objection (no contact, no user id).
PUBLIC_COLUMNS = """objections.id, objections.proposal_id, objections.job_id, objections.ground,
    objections.text, objections.public_name, objections.created_at, objections.answer_due,
    objections.decision, objections.decision_reason, objections.decided_at"""

TITLES = """LEFT JOIN proposals ON proposals.id = objections.proposal_id
    LEFT JOIN jobs ON jobs.id = objections.job_id"""

TITLE_COLUMNS = "proposals.title AS proposal_title, proposals.lang AS proposal_lang, jobs.title_nl, jobs.title_en"


def read_settings(db):
    stored = {row[0]: row[1] for row in rows(db, "SELECT key, value FROM settings")}
    return settings_rules.read(stored)


def proposal(db, proposal_id):
    return one(
        db,
        "SELECT id, title, lang, status, moderation, author_id, opened_at FROM proposals WHERE id = ?",
        (proposal_id,),
    )


def job(db, job_id):
    return one(db, "SELECT id, title_nl, title_en, status, proposal_id FROM jobs WHERE id = ?", (job_id,))


def on_item(db, kind, item_id):
    """The objections on one proposal or job, newest first (public columns)."""
    column = {"proposal": "proposal_id", "job": "job_id"}[kind]
    return rows(
        db,
        f"SELECT {PUBLIC_COLUMNS} FROM objections WHERE {column} = ? ORDER BY id DESC",  # noqa: S608 - fixed names
        (item_id,),
    )


def public(db, objection_id):
    """A decided objection as ``/decisions`` shows it, or None."""
    return one(
        db,
        f"SELECT {PUBLIC_COLUMNS}, {TITLE_COLUMNS} FROM objections {TITLES} "  # noqa: S608 - fixed names
        "WHERE objections.id = ? AND objections.decision IS NOT NULL",
        (objection_id,),
    )


def for_board(db, objection_id):
    """Everything, the private contact included: only for the board's page."""
    return one(
        db,
        f"SELECT objections.*, {TITLE_COLUMNS} FROM objections {TITLES} WHERE objections.id = ?",  # noqa: S608
        (objection_id,),
    )


def board_list(db, limit=200):
    """Open ones first (the one due soonest on top), then the decided ones, newest first."""
    return rows(
        db,
        f"""SELECT {PUBLIC_COLUMNS}, {TITLE_COLUMNS} FROM objections {TITLES}
            ORDER BY objections.decision IS NOT NULL,
                     CASE WHEN objections.decision IS NULL THEN objections.answer_due END,
                     objections.decided_at DESC, objections.id DESC
            LIMIT ?""",  # noqa: S608 - fixed names
        (limit,),
    )


def earlier(db, client_id=None, natural=None):
    """An objection already stored for this form (its token) or with this natural key:
    ``(kind_column, item_id, user_id, contact, text)``."""
    if client_id:
        found = one(db, "SELECT * FROM objections WHERE client_id = ?", (client_id,))
        if found is not None:
            return found
    if natural is None:
        return None
    column, item_id, user_id, contact, text = natural
    return one(
        db,
        f"""SELECT * FROM objections WHERE {column} = ? AND text = ?
            AND user_id IS ? AND contact IS ? ORDER BY id LIMIT 1""",  # noqa: S608 - fixed names
        (item_id, text, user_id, contact),
    )


def contact_count_since(db, contact, since):
    return one(db, "SELECT COUNT(*) FROM objections WHERE contact = ? AND created_at >= ?", (contact, since))[0]


def voter_ids(db, proposal_id):
    return [row[0] for row in rows(db, "SELECT user_id FROM votes WHERE proposal_id = ?", (proposal_id,))]


def gemeente_ids(db):
    return [row[0] for row in rows(db, "SELECT id FROM users WHERE role = 'gemeente'")]


def display_name(db, user_id):
    found = one(db, "SELECT display_name, username FROM users WHERE id = ?", (user_id,))
    if found is None:
        return ""
    return found["display_name"] or found["username"]


# --- the body of decisions ------------------------------------------------------------

_LIKE = "'%' || ? || '%' ESCAPE '\\'"


def _pattern(q):
    return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _decisions_sql(q):
    """Every advice (with the municipality's override, if any) and every decided
    objection, as one list of rows with the same columns."""
    advice_where, objection_where, params = "", "", []
    if q:
        pattern = _pattern(q)
        advice_where = (
            f"WHERE advices.reason LIKE {_LIKE} OR advices.displacement LIKE {_LIKE} "
            f"OR advices.conditions LIKE {_LIKE} OR advice_overrides.reason LIKE {_LIKE} "
            f"OR jobs.title_nl LIKE {_LIKE} OR jobs.title_en LIKE {_LIKE}"
        )
        objection_where = (
            f"AND (objections.decision_reason LIKE {_LIKE} OR objections.text LIKE {_LIKE} "
            f"OR proposals.title LIKE {_LIKE} OR jobs.title_nl LIKE {_LIKE} OR jobs.title_en LIKE {_LIKE})"
        )
        params = [pattern] * 6 + [pattern] * 5
    sql = f"""
        SELECT 'advice' AS kind, advices.id AS id, advices.created_at AS at, advices.verdict AS outcome,
               advices.reason AS reason, advice_overrides.reason AS override_reason,
               advices.job_id AS job_id, NULL AS proposal_id,
               NULL AS proposal_title, NULL AS proposal_lang, jobs.title_nl, jobs.title_en
        FROM advices JOIN jobs ON jobs.id = advices.job_id
        LEFT JOIN advice_overrides ON advice_overrides.advice_id = advices.id
        {advice_where}
        UNION ALL
        SELECT 'objection', objections.id, objections.decided_at, objections.decision,
               objections.decision_reason, NULL, objections.job_id, objections.proposal_id,
               {TITLE_COLUMNS}
        FROM objections {TITLES}
        WHERE objections.decision IS NOT NULL {objection_where}
    """  # noqa: S608 - built from fixed parts; the words go in as parameters
    return sql, params


def decisions_page(db, q, page, per_page):
    """One page of the body of decisions, newest first, and how many there are."""
    sql, params = _decisions_sql(q)
    total = one(db, f"SELECT COUNT(*) FROM ({sql})", params)[0]  # noqa: S608 - built from fixed parts
    found = rows(
        db,
        f"SELECT * FROM ({sql}) ORDER BY at DESC, kind, id DESC LIMIT ? OFFSET ?",  # noqa: S608
        [*params, per_page, (page - 1) * per_page],
    )
    return found, total


def advice(db, advice_id):
    return one(
        db,
        """SELECT advices.id, advices.job_id, advices.verdict, advices.reason, advices.displacement,
                  advices.conditions, advices.created_at, jobs.title_nl, jobs.title_en, jobs.status AS job_status,
                  advice_overrides.reason AS override_reason, advice_overrides.created_at AS overridden_at
           FROM advices JOIN jobs ON jobs.id = advices.job_id
           LEFT JOIN advice_overrides ON advice_overrides.advice_id = advices.id
           WHERE advices.id = ?""",
        (advice_id,),
    )


def personal_data(db, user_id):
    """For "download all your data": the objections this person sent while
    logged in, with the contact they gave and the board's answer."""
    return {
        "objections": [
            dict(row)
            for row in rows(
                db,
                """SELECT id, proposal_id, job_id, ground, text, public_name, contact AS contact_details,
                          created_at, answer_due, decision, decision_reason, decided_at
                   FROM objections WHERE user_id = ? ORDER BY id""",
                (user_id,),
            )
        ]
    }
