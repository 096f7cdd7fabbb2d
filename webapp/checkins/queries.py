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

# Every answer of the participants who say yes now, with what the tables group
# by: the day they started their first basisbaan job (a placement) and the
# wijk they live in now. One read; the groups are counted below.
_FIGURE_ANSWERS = f"""
SELECT checkins.user_id,
       strftime('%Y', checkins.answered_on) || '-Q'
           || ((CAST(strftime('%m', checkins.answered_on) AS INTEGER) + 2) / 3) AS quarter,
       CASE WHEN started.day IS NOT NULL AND checkins.answered_on >= started.day
            THEN 'after' ELSE 'before' END AS side,
       wijken.name AS wijk, strftime('%Y', checkins.answered_on) AS year,
       {", ".join("checkins." + q for q in rules.QUESTIONS)}
FROM checkins
JOIN checkin_consent ON checkin_consent.user_id = checkins.user_id AND checkin_consent.answer = 'yes'
LEFT JOIN (SELECT user_id, substr(MIN(created_at), 1, 10) AS day FROM placements
           WHERE user_id IS NOT NULL GROUP BY user_id) AS started ON started.user_id = checkins.user_id
LEFT JOIN profiles ON profiles.user_id = checkins.user_id
LEFT JOIN buurten ON buurten.id = profiles.home_buurt_id
LEFT JOIN wijken ON wijken.id = buurten.wijk_id
"""  # noqa: S608 - fixed names

# The tables are counted again only when what they are made of changed: the
# counter ``checkin_figures`` (kept by triggers, schema.py) says when. Each
# worker keeps the last result per database.
_KEPT = {}


class _Group:
    __slots__ = ("answers", "people", "sums")

    def __init__(self):
        self.people, self.answers, self.sums = set(), 0, [0] * len(rules.QUESTIONS)

    def add(self, user_id, values):
        self.people.add(user_id)
        self.answers += 1
        sums = self.sums
        sums[0] += values[0]
        sums[1] += values[1]
        sums[2] += values[2]
        sums[3] += values[3]
        sums[4] += values[4]

    def figure(self):
        return rules.Figure(len(self.people), self.answers, tuple(self.sums))


def _grouped(answers, row_at, column_at, columns_order=None):
    """Cells, row totals, column totals and the whole, each counting different
    people; ``row_at`` and ``column_at`` are the places in an answer's tuple."""
    cells, by_row, by_column, whole = {}, {}, {}, _Group()
    for answer in answers:
        r, c = answer[row_at], answer[column_at]
        if r is None or c is None:
            continue
        values = answer[5:]
        cells.setdefault((r, c), _Group()).add(answer[0], values)
        by_row.setdefault(r, _Group()).add(answer[0], values)
        by_column.setdefault(c, _Group()).add(answer[0], values)
        whole.add(answer[0], values)
    columns = columns_order if columns_order is not None else sorted(by_column)
    return rules.suppress(
        sorted(by_row),
        columns,
        {key: group.figure() for key, group in cells.items()},
        {key: group.figure() for key, group in by_row.items()},
        {key: group.figure() for key, group in by_column.items()},
        whole.figure() if whole.answers else None,
    )


def _count_tables(db):
    cursor = db.conn.cursor()
    cursor.row_factory = None  # plain tuples: quicker for many rows
    answers = cursor.execute(_FIGURE_ANSWERS).fetchall()
    return {
        # All consenting participants per quarter, before and after starting a basisbaan job.
        "by_quarter": _grouped(answers, 1, 2, ("before", "after")),
        # Per wijk (where they live now) per year.
        "by_wijk": _grouped(answers, 3, 4),
    }


def impact_tables(db):
    """Both tables, for templates/checkins/_impact_tables.html (``checkin_impact``)."""
    version = one(db, "SELECT value FROM counters WHERE name = 'checkin_figures'")
    key = (db.conn.execute("PRAGMA database_list").fetchone()[2], version[0] if version else None)
    kept = _KEPT.get(key[0])
    if kept is None or kept[0] != key[1] or key[1] is None:
        kept = (key[1], _count_tables(db))
        _KEPT[key[0]] = kept
    return kept[1]


def by_quarter(db):
    return impact_tables(db)["by_quarter"]


def by_wijk_and_year(db):
    return impact_tables(db)["by_wijk"]
