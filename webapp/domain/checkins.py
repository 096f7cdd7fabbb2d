"""The check-in every three months: five questions, when one is due, and the
rule that keeps a single person's answers out of every table the municipality sees.

Plain functions and data, no Flask and no database.

Every answer is a number from 1 to 5, and 5 is always the best: for money,
5 means "no worries at all". So an average is read the same way for every
question, and the faces run from sad (1) to happy (5).
"""

from dataclasses import dataclass
from datetime import date

QUESTIONS = ("health", "contact", "useful", "money", "happy")
SCALE = (1, 2, 3, 4, 5)
MONTHS_BETWEEN = 3
# A figure about fewer people than this is never shown.
MINIMUM_PEOPLE = 10


def add_months(day, months):
    """The same day ``months`` later; the 31st becomes the month's last day."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has a 28th


def next_due(last_answered_on):
    """The first day the next check-in may be answered (None: at once)."""
    if last_answered_on is None:
        return None
    return add_months(last_answered_on, MONTHS_BETWEEN)


def is_due(consent, last_answered_on, today):
    """A check-in is due for someone who said yes, when none was answered in
    the last three months. Without a yes nothing is ever due."""
    if consent != "yes":
        return False
    due_on = next_due(last_answered_on)
    return due_on is None or today >= due_on


def parse_answer(value):
    """One answer as sent by the form: "1" to "5", else None."""
    text = str(value or "").strip()
    if len(text) == 1 and text.isdigit() and int(text) in SCALE:
        return int(text)
    return None


def quarter_of(day):
    """'2026-Q3' for a day in July, August or September 2026."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


# --- the suppression rule ----------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """The answers behind one cell or total: how many different people gave
    them, how many answers, and the sum of each question's answers."""

    people: int
    answers: int
    sums: tuple

    def averages(self):
        """Each question's average, one decimal; None without answers."""
        if not self.answers:
            return tuple(None for _ in self.sums)
        return tuple(round(total / self.answers, 1) for total in self.sums)


@dataclass(frozen=True)
class Table:
    """What may be shown: ``None`` where a figure is hidden. ``shown`` is False
    when nothing at all may be shown (then the page leaves the table out)."""

    rows: tuple
    columns: tuple
    cells: dict
    row_totals: dict
    column_totals: dict
    grand_total: object
    shown: bool


def _enough(figure, minimum):
    return figure is not None and figure.people >= minimum


def suppress(rows, columns, cells, row_totals, column_totals, grand_total, minimum=MINIMUM_PEOPLE):
    """Which averages of a table may be shown.

    1. A cell about fewer than ``minimum`` people is hidden (a missing cell
       counts as one with nobody in it, and is hidden too: "fewer than 10"
       never tells whether it was nobody or a few).
    2. With totals shown, a hidden cell could be worked out: the row total
       minus the other cells of the row. So the total of every row and every
       column that holds a hidden cell is hidden too, and the grand total as
       soon as any cell is hidden. Then no figure that is shown contains a
       hidden cell, and nothing hidden can be worked out from what is shown.
       (We chose to hide these totals rather than the whole table: the other
       rows and columns still tell the council something.)
    3. A total about fewer than ``minimum`` people is hidden as well.
    4. When no figure is left, the table is not shown at all.
    """
    rows, columns = tuple(rows), tuple(columns)
    hidden = {(r, c) for r in rows for c in columns if not _enough(cells.get((r, c)), minimum)}
    shown_cells = {(r, c): (None if (r, c) in hidden else cells[(r, c)]) for r in rows for c in columns}
    dirty_rows = {r for r, _c in hidden}
    dirty_columns = {c for _r, c in hidden}
    shown_rows = {
        r: (row_totals.get(r) if r not in dirty_rows and _enough(row_totals.get(r), minimum) else None)
        for r in rows
    }
    shown_columns = {
        c: (column_totals.get(c) if c not in dirty_columns and _enough(column_totals.get(c), minimum) else None)
        for c in columns
    }
    grand = grand_total if not hidden and _enough(grand_total, minimum) else None
    anything = (
        any(v is not None for v in shown_cells.values())
        or any(v is not None for v in shown_rows.values())
        or any(v is not None for v in shown_columns.values())
        or grand is not None
    )
    return Table(rows, columns, shown_cells, shown_rows, shown_columns, grand, anything)
