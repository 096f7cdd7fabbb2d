"""Device cookies' rules (OWASP): which browser is a known device for an account."""

import pytest

from webapp.domain import devices

NONCE = "n" * 32


def test_a_browser_without_entries_is_an_unknown_device():
    assert devices.nonce_for([], 7) is None


def test_the_nonce_is_the_accounts_own():
    kept = [(3, "a" * 32), (7, NONCE)]
    assert devices.nonce_for(kept, 7) == NONCE
    assert devices.nonce_for(kept, 3) == "a" * 32
    assert devices.nonce_for(kept, 8) is None


def test_an_unknown_name_never_matches():
    assert devices.nonce_for([(7, NONCE)], None) is None


def test_logging_in_puts_the_account_first_with_its_new_nonce():
    kept = devices.entries([[3, "a" * 32], [7, "b" * 32]])
    assert devices.remember(kept, 7, NONCE) == [[7, NONCE], [3, "a" * 32]]


def test_a_browser_keeps_a_few_accounts_and_drops_the_oldest():
    kept = []
    for user in range(1, devices.KEEP + 3):
        kept = devices.entries(devices.remember(kept, user, f"{user:032d}"))
    assert len(kept) == devices.KEEP
    assert [owner for owner, _ in kept] == list(range(devices.KEEP + 2, 2, -1))


@pytest.mark.parametrize(
    "payload",
    [
        None,
        "7",
        {"7": NONCE},
        [[7]],
        [[7, NONCE, 1]],
        [["7", NONCE]],
        [[True, NONCE]],
        [[0, NONCE]],
        [[-1, NONCE]],
        [[7, 7]],
        [[7, "short"]],
        [[7, "x" * 100]],
    ],
)
def test_a_payload_of_another_shape_holds_no_entries(payload):
    assert devices.entries(payload) == []


def test_well_formed_entries_are_kept_and_the_rest_left_out():
    assert devices.entries([[7, NONCE], ["x", NONCE], (8, NONCE)]) == [(7, NONCE), (8, NONCE)]


def test_a_long_list_is_cut_to_what_a_browser_keeps():
    payload = [[n, NONCE] for n in range(1, 50)]
    assert len(devices.entries(payload)) == devices.KEEP
