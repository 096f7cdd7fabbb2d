from webapp.domain import postcodes


def test_a_postcode_is_written_one_way():
    assert postcodes.normalize("1011 ab") == "1011AB"
    assert postcodes.normalize(" 1011AB ") == "1011AB"
    assert postcodes.normalize("1011") == "1011"


def test_what_is_no_postcode():
    for text in ("", None, "0123AB", "101", "1011 A", "1011ABC", "ABCD", "1011-AB"):
        assert postcodes.normalize(text) is None, text


def test_a_whole_postcode_is_looked_up_before_its_four_digits():
    assert postcodes.lookup_keys("1011 ab") == ("1011AB", "1011")
    assert postcodes.lookup_keys("1011") == ("1011",)
    assert postcodes.lookup_keys("nonsense") == ()


def test_rows_become_pairs_and_bad_lines_are_named():
    buurten = {"centrum": 1, "bu0001": 1, "oost": 2}
    rows = [
        ["postcode", "buurt"],
        ["1011 AB", "Centrum"],
        ["1012", "oost"],
        ["", ""],
        ["99", "oost"],
        ["1013", "nowhere"],
        ["1014"],
        ["1011ab", "BU0001"],
    ]
    pairs, bad = postcodes.parse_rows(rows, buurten)
    assert pairs == [("1011AB", 1), ("1012", 2)]
    assert bad == [5, 6, 7]
