from webapp.domain.verification import DEFAULT_PROOFS, PROOFS, Verification, counts, parse_proofs


def test_a_coachs_proof_for_the_home_buurt_counts():
    assert counts(Verification("coach", 3), DEFAULT_PROOFS, 3)


def test_no_proof_does_not_count():
    assert not counts(None, PROOFS, 3)


def test_a_proof_the_municipality_switched_off_does_not_count():
    assert not counts(Verification("oidc", 3), ("coach", "code"), 3)


def test_a_proof_for_another_buurt_does_not_count():
    assert not counts(Verification("code", 3), PROOFS, 4)


def test_without_a_home_buurt_nothing_counts():
    assert not counts(Verification("code", 3), PROOFS, None)


def test_the_setting_keeps_known_proofs_in_order():
    assert parse_proofs("oidc coach nonsense") == ("coach", "oidc")


def test_an_empty_setting_means_the_default():
    assert parse_proofs("") == DEFAULT_PROOFS
    assert parse_proofs("nonsense") == DEFAULT_PROOFS
