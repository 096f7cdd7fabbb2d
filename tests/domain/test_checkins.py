"""The check-in's rules: when one is due, and the suppression rule (unit and property tests)."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from webapp.domain import checkins as rules
from webapp.domain.checkins import Figure, suppress

# --- due ---------------------------------------------------------------------------------


def test_nothing_is_due_without_a_yes():
    assert not rules.is_due(None, None, date(2026, 5, 1))
    assert not rules.is_due("no", date(2025, 1, 1), date(2026, 5, 1))


def test_first_checkin_is_due_at_once():
    assert rules.is_due("yes", None, date(2026, 5, 1))


def test_due_three_months_after_the_last():
    last = date(2026, 1, 15)
    assert not rules.is_due("yes", last, date(2026, 4, 14))
    assert rules.is_due("yes", last, date(2026, 4, 15))


def test_end_of_month_moves_to_the_last_day():
    assert rules.next_due(date(2025, 11, 30)) == date(2026, 2, 28)
    assert rules.next_due(date(2026, 11, 15)) == date(2027, 2, 15)


def test_parse_answer():
    assert [rules.parse_answer(v) for v in ("1", "5", " 3 ")] == [1, 5, 3]
    assert [rules.parse_answer(v) for v in ("0", "6", "", None, "3.0", "x", "11")] == [None] * 7


def test_quarter_of():
    assert rules.quarter_of(date(2026, 1, 1)) == "2026-Q1"
    assert rules.quarter_of(date(2026, 9, 30)) == "2026-Q3"
    assert rules.quarter_of(date(2026, 10, 1)) == "2026-Q4"


# --- suppression: unit --------------------------------------------------------------------


def fig(people, score=3):
    return Figure(people, people, (score * people,) * len(rules.QUESTIONS))


def add(*figures):
    return Figure(
        sum(f.people for f in figures),
        sum(f.answers for f in figures),
        tuple(sum(values) for values in zip(*(f.sums for f in figures), strict=True)),
    )


def table(cells, rows, columns):
    row_totals = {r: add(*(cells[(r, c)] for c in columns)) for r in rows}
    column_totals = {c: add(*(cells[(r, c)] for r in rows)) for c in columns}
    return suppress(rows, columns, cells, row_totals, column_totals, add(*cells.values()))


def test_all_cells_big_enough_shows_everything():
    cells = {(r, c): fig(10 + r + c) for r in range(2) for c in range(2)}
    shown = table(cells, range(2), range(2))
    assert shown.shown and all(v is not None for v in shown.cells.values())
    assert shown.grand_total.people == sum(f.people for f in cells.values())


def test_small_cell_is_hidden_with_the_totals_that_give_it_away():
    cells = {(0, 0): fig(9), (0, 1): fig(20), (1, 0): fig(30), (1, 1): fig(40)}
    shown = table(cells, range(2), range(2))
    assert shown.cells[(0, 0)] is None
    assert shown.row_totals[0] is None and shown.column_totals[0] is None and shown.grand_total is None
    # What holds no hidden cell stays.
    assert shown.row_totals[1] is not None and shown.column_totals[1] is not None
    assert shown.cells[(1, 1)].averages() == (3.0,) * 5


def test_exactly_ten_people_is_shown():
    cells = {(0, 0): fig(10)}
    assert table(cells, [0], [0]).cells[(0, 0)] is not None


def test_missing_cell_counts_as_hidden():
    cells = {(0, 0): fig(20), (1, 1): fig(20), (0, 1): fig(20)}
    shown = suppress([0, 1], [0, 1], cells, {0: fig(40), 1: fig(20)}, {0: fig(20), 1: fig(40)}, fig(60))
    assert shown.cells[(1, 0)] is None and shown.row_totals[1] is None and shown.grand_total is None


def test_table_with_nothing_left_is_not_shown():
    cells = {(r, c): fig(3) for r in range(3) for c in range(2)}
    assert not table(cells, range(3), range(2)).shown


def test_averages_have_one_decimal():
    assert Figure(3, 3, (10, 3, 15, 5, 4)).averages() == (3.3, 1.0, 5.0, 1.7, 1.3)
    assert Figure(0, 0, (0,) * 5).averages() == (None,) * 5


# --- suppression: properties ----------------------------------------------------------------

SIZES = st.integers(min_value=1, max_value=4)


@st.composite
def tables(draw):
    n_rows, n_columns = draw(SIZES), draw(SIZES)
    cells = {}
    for r in range(n_rows):
        for c in range(n_columns):
            people = draw(st.integers(min_value=0, max_value=40))
            answers = people + draw(st.integers(min_value=0, max_value=people))
            sums = tuple(draw(st.integers(min_value=answers, max_value=5 * answers)) for _q in rules.QUESTIONS)
            cells[(r, c)] = Figure(people, answers, sums)
    return range(n_rows), range(n_columns), cells


def run(rows, columns, cells):
    return table(cells, rows, columns)


def shown_figures(result):
    return [
        f
        for f in (
            *result.cells.values(),
            *result.row_totals.values(),
            *result.column_totals.values(),
            result.grand_total,
        )
        if f is not None
    ]


@settings(max_examples=300, deadline=None)
@given(tables())
def test_no_shown_figure_is_about_fewer_than_ten_people(drawn):
    result = run(*drawn)
    assert all(f.people >= rules.MINIMUM_PEOPLE for f in shown_figures(result))


@settings(max_examples=300, deadline=None)
@given(tables(), st.data())
def test_hidden_cells_cannot_be_worked_out(drawn, data):
    """Whatever the hidden cells hold, everything shown stays the same: so
    nothing shown (cells or totals) tells anything about them."""
    rows, columns, cells = drawn
    first = run(rows, columns, cells)
    changed = dict(cells)
    for key, value in first.cells.items():
        if value is None:
            people = data.draw(st.integers(min_value=0, max_value=rules.MINIMUM_PEOPLE - 1))
            changed[key] = Figure(
                people, people, tuple(data.draw(st.integers(0, 5 * people)) for _q in rules.QUESTIONS)
            )
    second = run(rows, columns, changed)
    assert second == first


@settings(max_examples=300, deadline=None)
@given(tables())
def test_every_shown_total_holds_only_shown_cells(drawn):
    rows, columns, cells = drawn
    result = run(rows, columns, cells)
    for r in rows:
        if result.row_totals[r] is not None:
            assert all(result.cells[(r, c)] is not None for c in columns)
    for c in columns:
        if result.column_totals[c] is not None:
            assert all(result.cells[(r, c)] is not None for r in rows)
    if result.grand_total is not None:
        assert all(v is not None for v in result.cells.values())


@settings(max_examples=200, deadline=None)
@given(tables())
def test_a_table_is_shown_exactly_when_something_is_left(drawn):
    result = run(*drawn)
    assert result.shown == bool(shown_figures(result))
    # Cells with enough people are always shown: only totals give way.
    rows, columns, cells = drawn
    assert all(result.cells[k] is not None for k, f in cells.items() if f.people >= rules.MINIMUM_PEOPLE)
