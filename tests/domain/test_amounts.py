"""One reader for every amount: Dutch and English ways of writing it, as cents."""

from decimal import Decimal

import pytest
from babel.numbers import format_currency, format_decimal
from hypothesis import given
from hypothesis import strategies as st

from webapp.domain.amounts import MAX_CENTS, AmountError, format_amount, parse_amount


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("32.000", 3_200_000),
        ("32000", 3_200_000),
        ("32.000,50", 3_200_050),
        ("€ 32.000", 3_200_000),
        ("€32.000", 3_200_000),
        ("32,000", 3_200_000),
        ("32,000.50", 3_200_050),
        ("14.71", 1471),
        ("14,71", 1471),
        ("€14,71", 1471),
        ("€ 14,71", 1471),
        ("14,7", 1470),
        ("15", 1500),
        ("0,50", 50),
        ("32 000", 3_200_000),
        ("  32.000  ", 3_200_000),
        ("32\u00a0000,00", 3_200_000),  # a no-break space, as Babel writes French amounts
        ("€\u00a032.000,00", 3_200_000),  # as Babel writes Dutch ones
        ("1.234.567,89", 123_456_789),
        ("1,234,567.89", 123_456_789),
        ("1 234,50", 123_450),
        ("€ 25,-", 2500),
        ("32.000 euro", 3_200_000),
        ("EUR 32.000", 3_200_000),
        ("1.234,5", 123_450),
        ("14.715", 1_471_500),  # three digits after the dot: thousands, by the rule
    ],
)
def test_the_ways_people_write_an_amount(text, cents):
    assert parse_amount(text) == cents


@pytest.mark.parametrize("text", ["", "   ", None, "\u00a0"])
def test_nothing_typed_is_no_amount_yet(text):
    assert parse_amount(text) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1.2.3", "shape"),  # which dot is the decimal point?
        ("12,3456", "shape"),
        ("1,234.567", "shape"),  # a comma and a dot both separating thousands
        ("1.234.5", "shape"),
        ("1234.567", "shape"),  # thousands after four digits
        ("0.500", "shape"),
        ("14 71", "shape"),  # a space never marks the cents
        ("abc", "shape"),
        ("veel", "shape"),
        ("1e3", "shape"),
        ("12,", "shape"),
        (",50", "shape"),
        ("3 2", "shape"),
        ("€", "shape"),
        ("١٢", "shape"),  # digits of another script
        ("1" * 41, "shape"),
        ("-5", "negative"),
        ("- 5", "negative"),
        ("€ -5", "negative"),
        ("−5", "negative"),
        ("0", "zero"),
        ("0,00", "zero"),
        ("999999999999", "too_large"),
    ],
)
def test_what_is_no_amount_is_refused_with_a_reason(text, reason):
    with pytest.raises(AmountError) as refused:
        parse_amount(text)
    assert refused.value.reason == reason
    assert isinstance(refused.value, ValueError)


def test_a_field_can_set_its_own_maximum():
    assert parse_amount("1.000", most=100_000) == 100_000
    with pytest.raises(AmountError) as refused:
        parse_amount("1.000,01", most=100_000)
    assert refused.value.reason == "too_large"


@pytest.mark.parametrize(
    ("cents", "nl", "en"),
    [
        (3_200_000, "32.000", "32,000"),
        (3_200_050, "32.000,50", "32,000.50"),
        (1471, "14,71", "14.71"),
        (5, "0,05", "0.05"),
        (123_456_789, "1.234.567,89", "1,234,567.89"),
    ],
)
def test_format_amount_writes_each_language_its_own_way(cents, nl, en):
    assert format_amount(cents, "nl") == nl
    assert format_amount(cents, "en") == en


def test_format_amount_can_always_show_the_cents():
    assert format_amount(3_200_000, "nl", decimals=True) == "32.000,00"


AMOUNTS = st.integers(min_value=1, max_value=MAX_CENTS)


@given(AMOUNTS, st.sampled_from(["nl", "en"]), st.booleans())
def test_formatting_and_reading_back_gives_the_same_cents(cents, style, decimals):
    assert parse_amount(format_amount(cents, style, decimals)) == cents


@given(AMOUNTS, st.sampled_from(["nl", "en", "nl_NL", "en_GB", "en_US"]))
def test_what_babel_shows_on_a_page_reads_back_as_the_same_cents(cents, locale):
    euros = Decimal(cents) / 100
    assert parse_amount(format_currency(euros, "EUR", locale=locale)) == cents
    assert parse_amount(format_decimal(euros, format="#,##0.00", locale=locale)) == cents
    assert parse_amount(format_decimal(euros, locale=locale)) == cents


@given(st.text(max_size=20))
def test_any_text_is_an_amount_or_refused_never_a_crash(text):
    try:
        cents = parse_amount(text)
    except AmountError:
        return
    assert cents is None or 0 < cents <= MAX_CENTS
