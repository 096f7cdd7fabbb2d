"""Reads for the check-in. ``db`` first, rows or plain values back.

Only ``answers_of`` and ``personal_data`` read one person's answers, and
``coach_view`` only when that person chose to share them. The municipality's
tables (``by_quarter``, ``by_wijk_and_year``) read averages of consenting
participants only, through the suppression rule.
"""

from datetime import date

from webapp.db import one, rows
from webapp.domain import checkins as rules

COLUMNS = ", ".join(rules.QUESTIONS)


def consent_of(db, user_id):
    return one(
        db, "SELECT answer, share_with_coach, answered_at FROM checkin_consent WHERE user_id = ?", (user_id,)
    )


def last_answered_on(db, user_id):
    row = one(db, "SELECT MAX(answered_on) FROM checkins WHERE user_id = ?", (user_id,))
    return date.fromisoformat(row[0]) if row and row[0] else None


def answers_of(db, user_id):
    """Every check-in of this person, oldest first."""
    return rows(
        db,
        f"SELECT id, answered_on, {COLUMNS} FROM checkins WHERE user_id = ? ORDER BY answered_on, id",  # noqa: S608 - fixed names
        (user_id,),
    )


def has_coach(db, user_id):
    row = one(db, "SELECT coach_id FROM users WHERE id = ?", (user_id,))
    return bool(row and row[0])


def state(db, user_id, today):
    """Everything the participant's own pages need to know."""
    consent = consent_of(db, user_id)
    answer = consent["answer"] if consent else None
    last = last_answered_on(db, user_id)
    count = one(db, "SELECT COUNT(*) FROM checkins WHERE user_id = ?", (user_id,))[0]
    return {
        "participant": has_coach(db, user_id),
        "consent": answer,
        "share": bool(consent and consent["share_with_coach"]),
        "due": rules.is_due(answer, last, today),
        "next_due": rules.next_due(last) if answer == "yes" else None,
        "last": last,
        "count": count,
    }


def coach_view(db, resident_id, today):
    """What the coach may see: nothing without a yes; with a yes, whether a
    check-in is due; the answers only when the participant shares them."""
    consent = consent_of(db, resident_id)
    if consent is None or consent["answer"] != "yes":
        return None
    last = last_answered_on(db, resident_id)
    return {
        "due": rules.is_due("yes", last, today),
        "next_due": rules.next_due(last),
        "answers": answers_of(db, resident_id) if consent["share_with_coach"] else None,
    }


def personal_data(db, user_id):
    """For "download all your data": the yes or no, and every answer."""
    consent = consent_of(db, user_id)
    return {
        "checkin_consent": (
            {**dict(consent), "share_with_coach": bool(consent["share_with_coach"])} if consent else None
        ),
        "checkins": [dict(row) for row in answers_of(db, user_id)],
    }


# --- the municipality's tables: averages only ---------------------------------------------

_SUMS = ", ".join(f"SUM(checkins.{q})" for q in rules.QUESTIONS)

# Answers of participants who say yes now; each answer marked before or after
# the day they started their first basisbaan job (a placement).
_CONSENTING = """
    FROM checkins
    JOIN checkin_consent ON checkin_consent.user_id = checkins.user_id AND checkin_consent.answer = 'yes'
"""

_QUARTER = """(strftime('%Y', checkins.answered_on) || '-Q'
               || ((CAST(strftime('%m', checkins.answered_on) AS INTEGER) + 2) / 3))"""
_SIDE = """CASE WHEN started.day IS NOT NULL AND checkins.answered_on >= started.day
               THEN 'after' ELSE 'before' END"""
_STARTED = """LEFT JOIN (SELECT user_id, substr(MIN(created_at), 1, 10) AS day FROM placements
                        WHERE user_id IS NOT NULL GROUP BY user_id) AS started
              ON started.user_id = checkins.user_id"""


def _figure(row, offset):
    return rules.Figure(row[offset], row[offset + 1], tuple(row[offset + 2 : offset + 2 + len(rules.QUESTIONS)]))


def _table(db, source, row_key, column_key, rows_order=None, columns_order=None, where="1", params=()):
    """One grouped read per level (cells, row totals, column totals, all),
    each counting different people, then the suppression rule."""
    select = f"COUNT(DISTINCT checkins.user_id), COUNT(*), {_SUMS}"
    found = rows(
        db,
        f"""SELECT {row_key} AS r, {column_key} AS c, {select} {source} WHERE {where}
            GROUP BY r, c""",  # noqa: S608 - fixed fragments
        params,
    )
    cells = {(row["r"], row["c"]): _figure(row, 2) for row in found}
    row_names = rows_order if rows_order is not None else sorted({r for r, _c in cells})
    column_names = columns_order if columns_order is not None else sorted({c for _r, c in cells})
    by_row = {
        row["r"]: _figure(row, 1)
        for row in rows(db, f"SELECT {row_key} AS r, {select} {source} WHERE {where} GROUP BY r", params)  # noqa: S608
    }
    by_column = {
        row["c"]: _figure(row, 1)
        for row in rows(db, f"SELECT {column_key} AS c, {select} {source} WHERE {where} GROUP BY c", params)  # noqa: S608
    }
    total = one(db, f"SELECT {select} {source} WHERE {where}", params)  # noqa: S608
    grand = _figure(total, 0) if total and total[1] else None
    return rules.suppress(row_names, column_names, cells, by_row, by_column, grand)


def by_quarter(db, since=None):
    """All consenting participants per quarter, before and after starting a basisbaan job."""
    where, params = ("checkins.answered_on >= ?", (since.isoformat(),)) if since else ("1", ())
    return _table(
        db,
        _CONSENTING + _STARTED,
        _QUARTER,
        _SIDE,
        columns_order=("before", "after"),
        where=where,
        params=params,
    )


def by_wijk_and_year(db):
    """All consenting participants per wijk (where they live now) per year."""
    source = (
        _CONSENTING
        + """JOIN profiles ON profiles.user_id = checkins.user_id
             JOIN buurten ON buurten.id = profiles.home_buurt_id
             JOIN wijken ON wijken.id = buurten.wijk_id"""
    )
    return _table(db, source, "wijken.name", "strftime('%Y', checkins.answered_on)")


def impact_tables(db):
    """Both tables, for templates/checkins/_impact_tables.html (``checkin_impact``)."""
    return {"by_quarter": by_quarter(db), "by_wijk": by_wijk_and_year(db)}
