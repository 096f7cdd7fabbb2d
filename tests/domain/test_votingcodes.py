"""Voting codes: the same strength, form and hash as start codes; the address file."""

import pytest

from webapp.domain import startcodes, votingcodes

TYPED = ["abcd efgh jkmn", "ABCDEFGHJKMN", " abcd-EFGH-jkmn ", "a b c d e f g h j k m n"]


def test_codes_are_start_codes_and_differ():
    codes = votingcodes.new_codes(200)
    assert len(set(codes)) == 200
    assert all(startcodes.normalise(code) for code in codes)


@pytest.mark.parametrize("typed", TYPED)
def test_typed_any_way_gives_the_same_hash(typed):
    assert votingcodes.code_hash(typed) == votingcodes.code_hash("ABCD-EFGH-JKMN")


@pytest.mark.parametrize("typed", ["ABCD-EFGH-JKM", "ABCD-EFGH-JKMNP", "ABCD-EFGH-JKM0", "", None, 12])
def test_wrong_length_or_letters_is_no_code(typed):
    assert votingcodes.normalise(typed) is None


def test_addresses_with_a_header_and_semicolons():
    text = "adres;volwassenen\nDorpsstraat 1;2\n\nKerkweg  4a ;1\n"
    assert votingcodes.parse_addresses(text) == [("Dorpsstraat 1", 2), ("Kerkweg 4a", 1)]


def test_addresses_with_commas_in_quotes():
    assert votingcodes.parse_addresses('"Plein 3, boven",3\n') == [("Plein 3, boven", 3)]


def test_every_bad_line_is_named():
    text = "Dorpsstraat 1;2\nKerkweg;nul\nPlein 3\n;2\nLaan 1;99\nWeg 2;0\n"
    with pytest.raises(votingcodes.AddressError) as caught:
        votingcodes.parse_addresses(text)
    assert caught.value.problems == [
        (2, "adults"),
        (3, "columns"),
        (4, "address"),
        (5, "too_many_adults"),
        (6, "adults"),
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("", "empty"),
        ("adres;volwassenen\n", "empty"),
        (b"\xff\xfe\x00bad", "not_text"),
        (b"x" * (votingcodes.MAX_FILE_BYTES + 1), "too_big"),
        ("".join(f"Straat {i};20\n" for i in range(51)), "too_many_codes"),
    ],
)
def test_a_file_that_cannot_be_used(data, reason):
    with pytest.raises(votingcodes.AddressError) as caught:
        votingcodes.parse_addresses(data)
    assert caught.value.reason == reason


def test_one_letter_per_adult_and_pack_round_trip():
    letters = votingcodes.letters_for([("Dorpsstraat 1", 2), ("Kerkweg 4", 1)])
    assert [address for address, _code in letters] == ["Dorpsstraat 1", "Dorpsstraat 1", "Kerkweg 4"]
    assert votingcodes.unpack(votingcodes.pack(letters)) == letters


@pytest.mark.parametrize("text", ["", "x", "Dorp,ABCD", "a,b,c", None])
def test_unpack_refuses_what_pack_did_not_make(text):
    assert votingcodes.unpack(text) is None


def test_mail_merge_csv_keeps_formulas_out():
    out = votingcodes.mail_merge_csv([("=HYPERLINK(1)", "ABCD-EFGH-JKMN")], "Centrum")
    assert out.splitlines() == ["address,buurt,code", "'=HYPERLINK(1),Centrum,ABCD-EFGH-JKMN"]
