"""A text cell a spreadsheet would run as a formula gets an apostrophe in front."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from webapp.domain.exports import FORMULA_STARTS, safe_cell, safe_row


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x")', "+31 6", "-1+2", "@SUM(A1)", "\tTAB", "\rCR", "=", "-"],
)
def test_a_formula_start_gets_an_apostrophe(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Koffie schenken", "", "'al veilig", " =met spatie", "3 dagen", "a=b"])
def test_other_text_stays_as_it_is(text):
    assert safe_cell(text) == text


@pytest.mark.parametrize("value", [None, 0, -5, 3.5, True])
def test_numbers_and_empty_cells_stay_as_they_are(value):
    assert safe_cell(value) is value


def test_a_row_is_made_safe_cell_by_cell():
    assert safe_row(["=1+1", 2, "ok", None]) == ["'=1+1", 2, "ok", None]


@given(st.text())
def test_no_safe_text_starts_like_a_formula(text):
    made = safe_cell(text)
    assert not made.startswith(FORMULA_STARTS)
    assert made.removeprefix("'") == text or made == text
