"""Proposal rules: statuses, who may do what, votes, limits, thresholds,
deadlines, decisions, settings, similarity and the job rules."""

from datetime import UTC, date, datetime, timedelta

import pytest

from webapp.domain import jobs, proposals, settings, similarity, verification
from webapp.domain.proposals import Ballot, Voter

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
LATER = proposals.stamp(NOW + timedelta(days=10))
EARLIER = proposals.stamp(NOW - timedelta(seconds=1))

AUTHOR = 7
WIJK = 2


def voter(user_id=1, role="resident", wijk=WIJK, active=0, verified=True):
    return Voter(user_id=user_id, role=role, home_wijk=wijk, active_votes=active, verified=verified)


def ballot(status="open", deadline=LATER, author=AUTHOR, count=0, threshold=25):
    return Ballot(
        status=status, wijk=WIJK, author_id=author, deadline=deadline, vote_count=count, threshold=threshold
    )


# --- statuses and transitions --------------------------------------------------


def test_every_transition_uses_known_statuses():
    for (before, after), who in proposals.TRANSITIONS.items():
        assert before in proposals.STATUSES and after in proposals.STATUSES
        assert who in ("author", "gemeente", "system")


@pytest.mark.parametrize(
    ("before", "after", "who"),
    [
        ("draft", "open", "author"),
        ("open", "with_gemeente", "system"),
        ("open", "closed", "system"),
        ("with_gemeente", "approved", "gemeente"),
        ("with_gemeente", "rejected", "gemeente"),
        ("with_gemeente", "changes_asked", "gemeente"),
        ("changes_asked", "with_gemeente", "author"),
        ("approved", "job_created", "gemeente"),
        ("open", "withdrawn", "author"),
    ],
)
def test_allowed_moves(before, after, who):
    proposals.check_move(before, after, who)


@pytest.mark.parametrize(
    ("before", "after", "who"),
    [
        ("draft", "with_gemeente", "author"),  # no skipping the vote
        ("open", "approved", "gemeente"),  # only after the threshold
        ("with_gemeente", "withdrawn", "author"),  # under review
        ("open", "with_gemeente", "author"),  # only the votes move it
        ("with_gemeente", "approved", "author"),
        ("closed", "open", "author"),
        ("rejected", "approved", "gemeente"),
        ("job_created", "approved", "gemeente"),
    ],
)
def test_refused_moves(before, after, who):
    with pytest.raises(proposals.TransitionError):
        proposals.check_move(before, after, who)


def test_list_order_names_every_status_once():
    assert sorted(proposals.LIST_ORDER) == sorted(proposals.STATUSES)


# --- who may see and do what ---------------------------------------------------


def test_a_draft_is_only_for_its_author():
    assert proposals.may_see("draft", None, AUTHOR, AUTHOR)
    assert not proposals.may_see("draft", None, 99, AUTHOR)
    assert not proposals.may_see("draft", None, None, AUTHOR)


def test_a_draft_withdrawn_before_opening_stays_private():
    assert not proposals.may_see("withdrawn", None, 99, AUTHOR)
    assert proposals.may_see("withdrawn", "2026-01-01T00:00:00Z", 99, AUTHOR)


PUBLISHED = [s for s in proposals.STATUSES if s not in ("draft", "withdrawn")]


@pytest.mark.parametrize("status", PUBLISHED)
def test_published_proposals_are_public(status):
    assert proposals.may_see(status, "2026-01-01T00:00:00Z", None, AUTHOR)


def test_hidden_text_is_for_the_author_and_the_municipality():
    assert proposals.may_read_content("visible", None, None, AUTHOR)
    assert not proposals.may_read_content("hidden", 99, "resident", AUTHOR)
    assert not proposals.may_read_content("removed", None, None, AUTHOR)
    assert proposals.may_read_content("hidden", AUTHOR, "resident", AUTHOR)
    assert proposals.may_read_content("removed", 5, "gemeente", AUTHOR)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("resident", True), ("buurtgroep", True), ("coach", False), ("gemeente", False), (None, False)],
)
def test_who_may_propose(role, allowed):
    assert proposals.may_propose(role) is allowed


@pytest.mark.parametrize("status", proposals.STATUSES)
def test_only_the_author_edits_and_only_a_draft_or_when_changes_are_asked(status):
    assert proposals.may_edit(status, AUTHOR, AUTHOR) is (status in ("draft", "changes_asked"))
    assert not proposals.may_edit(status, 99, AUTHOR)
    assert not proposals.may_edit(status, None, None)


@pytest.mark.parametrize("status", proposals.STATUSES)
def test_withdraw_any_time_before_review(status):
    expected = status in ("draft", "open", "changes_asked")
    assert proposals.may_withdraw(status, AUTHOR, AUTHOR) is expected
    assert not proposals.may_withdraw(status, 99, AUTHOR)


def test_publish_and_resubmit_are_the_authors():
    assert proposals.may_publish("draft", AUTHOR, AUTHOR)
    assert not proposals.may_publish("open", AUTHOR, AUTHOR)
    assert not proposals.may_publish("draft", 99, AUTHOR)
    assert proposals.may_resubmit("changes_asked", AUTHOR, AUTHOR)
    assert not proposals.may_resubmit("changes_asked", 99, AUTHOR)
    assert not proposals.may_resubmit("rejected", AUTHOR, AUTHOR)


@pytest.mark.parametrize("status", proposals.STATUSES)
def test_only_the_municipality_decides_and_only_after_the_threshold(status):
    assert proposals.may_decide("gemeente", status) is (status == "with_gemeente")
    for role in ("resident", "buurtgroep", "coach", None):
        assert not proposals.may_decide(role, status)


def test_comments_need_a_login_and_a_published_proposal():
    assert proposals.may_comment("resident", "open")
    assert proposals.may_comment("coach", "rejected")
    assert not proposals.may_comment(None, "open")
    assert not proposals.may_comment("resident", "draft")
    assert not proposals.may_comment("resident", "withdrawn")


def test_answers_come_from_the_author_and_the_municipality():
    assert proposals.may_answer(AUTHOR, "buurtgroep", AUTHOR)
    assert proposals.may_answer(5, "gemeente", AUTHOR)
    assert not proposals.may_answer(5, "resident", AUTHOR)
    assert not proposals.may_answer(None, None, None)


# --- votes ---------------------------------------------------------------------


def test_a_resident_of_the_wijk_may_vote():
    assert proposals.vote_refusal(voter(), ballot(), NOW, limit=5) is None


@pytest.mark.parametrize("role", ["buurtgroep", "coach", "gemeente", "toezicht"])
def test_only_residents_vote(role):
    assert proposals.vote_refusal(voter(role=role), ballot(), NOW, 5) == "not_resident"


def test_no_vote_without_a_home_buurt():
    assert proposals.vote_refusal(voter(wijk=None), ballot(), NOW, 5) == "no_home_buurt"


def test_no_vote_in_another_wijk():
    assert proposals.vote_refusal(voter(wijk=WIJK + 1), ballot(), NOW, 5) == "other_wijk"


def test_no_vote_without_a_proof_of_the_home_buurt():
    assert proposals.vote_refusal(voter(verified=False), ballot(), NOW, 5) == "not_verified"


def test_a_voter_is_unverified_unless_told_otherwise():
    assert Voter(user_id=1, role="resident", home_wijk=WIJK, active_votes=0).verified is False


def test_the_wijk_is_named_before_the_missing_proof():
    # Someone from another wijk hears that first: a proof would not help them here.
    assert proposals.vote_refusal(voter(wijk=WIJK + 1, verified=False), ballot(), NOW, 5) == "other_wijk"
    assert proposals.vote_refusal(voter(wijk=None, verified=False), ballot(), NOW, 5) == "no_home_buurt"


def test_an_unverified_author_hears_about_the_proof_first():
    assert proposals.vote_refusal(voter(user_id=AUTHOR, verified=False), ballot(), NOW, 5) == "not_verified"


@pytest.mark.parametrize(
    ("home_buurt", "home_wijk", "refusal"),
    [
        (10, WIJK, None),  # still in the proved buurt
        (11, WIJK, "not_verified"),  # moved within the wijk: prove the new buurt first
        (20, WIJK + 1, "other_wijk"),  # moved away: the old wijk is no longer theirs
    ],
)
def test_a_move_needs_a_new_proof(home_buurt, home_wijk, refusal):
    proof = verification.Verification("code", 10)
    verified = verification.counts(proof, verification.DEFAULT_PROOFS, home_buurt)
    mover = Voter(user_id=1, role="resident", home_wijk=home_wijk, active_votes=0, verified=verified)
    assert proposals.vote_refusal(mover, ballot(), NOW, 5) == refusal


def test_a_move_into_a_wijk_with_an_open_vote_is_refused_until_proved():
    proof = verification.Verification("coach", 10)
    verified = verification.counts(proof, verification.DEFAULT_PROOFS, 30)  # the new home, wijk WIJK
    assert proposals.vote_refusal(voter(verified=verified), ballot(), NOW, 5) == "not_verified"


def test_authors_cannot_vote_for_their_own_proposal():
    assert proposals.vote_refusal(voter(user_id=AUTHOR), ballot(), NOW, 5) == "own_proposal"


NOT_OPEN = [s for s in proposals.STATUSES if s not in ("open", "withdrawn")]


@pytest.mark.parametrize("status", NOT_OPEN)
def test_no_vote_unless_open(status):
    assert proposals.vote_refusal(voter(), ballot(status=status), NOW, 5) == "closed"


def test_no_vote_on_a_hidden_proposal():
    hidden = Ballot(status="open", wijk=WIJK, author_id=AUTHOR, deadline=LATER, moderation="hidden")
    assert proposals.vote_refusal(voter(), hidden, NOW, 5) == "hidden"


def test_a_withdrawn_proposal_says_so():
    assert proposals.vote_refusal(voter(), ballot(status="withdrawn"), NOW, 5) == "withdrawn"


def test_no_vote_at_or_after_the_deadline():
    assert proposals.vote_refusal(voter(), ballot(deadline=EARLIER), NOW, 5) == "closed"
    exactly = proposals.stamp(NOW)
    assert proposals.vote_refusal(voter(), ballot(deadline=exactly), NOW, 5) == "closed"
    just_before = NOW - timedelta(seconds=1)
    assert proposals.vote_refusal(voter(), ballot(deadline=exactly), just_before, 5) is None


def test_the_vote_limit_counts_active_votes():
    assert proposals.vote_refusal(voter(active=4), ballot(), NOW, 5) is None
    assert proposals.vote_refusal(voter(active=5), ballot(), NOW, 5) == "limit"
    assert proposals.vote_refusal(voter(active=1), ballot(), NOW, 1) == "limit"


def test_a_closed_proposal_is_refused_before_the_limit_is_mentioned():
    # The clearest reason first: the vote is over, whatever else is true.
    refusal = proposals.vote_refusal(voter(wijk=None, active=9), ballot(status="closed"), NOW, 5)
    assert refusal == "closed"


def test_a_vote_can_be_taken_back_while_open():
    assert proposals.unvote_refusal(ballot(), NOW) is None
    assert proposals.unvote_refusal(ballot(status="with_gemeente"), NOW) == "closed"
    assert proposals.unvote_refusal(ballot(deadline=EARLIER), NOW) == "closed"


def test_the_vote_that_reaches_the_threshold_sends_it_to_the_municipality():
    assert proposals.status_after_vote(ballot(threshold=25), 24) is None
    assert proposals.status_after_vote(ballot(threshold=25), 25) == "with_gemeente"
    assert proposals.status_after_vote(ballot(threshold=1), 1) == "with_gemeente"
    assert proposals.status_after_vote(ballot(status="closed", threshold=1), 3) is None


def test_a_vote_counts_against_the_limit_only_while_its_proposal_is_open():
    assert proposals.counts_against_limit(ballot(), NOW)
    assert not proposals.counts_against_limit(ballot(deadline=proposals.stamp(NOW)), NOW)
    assert not proposals.counts_against_limit(ballot(status="with_gemeente"), NOW)
    assert not proposals.counts_against_limit(ballot(deadline=None), NOW)


def test_reaches_threshold():
    assert proposals.reaches_threshold(3, 3)
    assert not proposals.reaches_threshold(2, 3)
    assert not proposals.reaches_threshold(10, None)


# --- time ------------------------------------------------------------------------


def test_the_deadline_is_the_voting_period_after_opening():
    assert proposals.deadline_for(NOW, 42) == NOW + timedelta(days=42)


def test_days_left_rounds_up_and_stops_at_zero():
    assert proposals.days_left(proposals.stamp(NOW + timedelta(days=12)), NOW) == 12
    assert proposals.days_left(proposals.stamp(NOW + timedelta(days=11, hours=1)), NOW) == 12
    assert proposals.days_left(proposals.stamp(NOW + timedelta(hours=2)), NOW) == 1
    assert proposals.days_left(EARLIER, NOW) == 0
    assert proposals.days_left(None, NOW) == 0


def test_an_open_proposal_past_its_deadline_closes():
    assert proposals.should_close("open", EARLIER, NOW)
    assert not proposals.should_close("open", LATER, NOW)
    assert not proposals.should_close("with_gemeente", EARLIER, NOW)
    assert not proposals.should_close("draft", None, NOW)


def test_times_round_trip():
    assert proposals.parse_time(proposals.stamp(NOW)) == NOW
    assert proposals.parse_time("2026-03-01T12:00:00") == NOW


# --- decisions ---------------------------------------------------------------------

ALL = proposals.CRITERIA


def test_approval_needs_reason_criteria_payer_and_amount():
    assert proposals.decision_problems("approved", "Goed plan", ALL, "Gemeente", 3_000_000) == []
    assert proposals.decision_problems("approved", " ", ALL[:-1], "", None) == [
        "reason",
        "criteria",
        "payer",
        "amount",
    ]
    assert proposals.decision_problems("approved", "x", ALL, "x", 0) == ["amount"]


@pytest.mark.parametrize("decision", ["rejected", "changes_asked"])
def test_other_decisions_need_a_reason_only(decision):
    assert proposals.decision_problems(decision, "Omdat", (), "", None) == []
    assert proposals.decision_problems(decision, "", (), "", None) == ["reason"]


def test_an_unknown_decision_is_refused():
    assert proposals.decision_problems("maybe", "x", ALL, "x", 1) == ["decision"]


def test_three_reports_hide_an_item():
    assert not proposals.is_hidden_by_reports(2)
    assert proposals.is_hidden_by_reports(3)


# --- settings ------------------------------------------------------------------------


def test_settings_default_when_missing_or_wrong():
    proofs = ("coach", "code")  # met by a coach and a voting code, by default
    assert settings.read({}) == {
        "threshold": 25,
        "voting_days": 42,
        "vote_limit": 5,
        "coach_days": 5,
        "advice_required": 1,
        "objection_days": 28,
        "employer_charge": 30,
        "vote_proofs": proofs,
    }
    stored = {
        "threshold": "3",
        "vote_limit": "abc",
        "voting_days": "0",
        "coach_days": "61",
        "employer_charge": "101",
        "other": "1",
    }
    assert settings.read(stored) == {
        "threshold": 3,
        "voting_days": 42,
        "vote_limit": 5,
        "coach_days": 5,
        "advice_required": 1,
        "objection_days": 28,
        "employer_charge": 30,
        "vote_proofs": proofs,
    }


def test_the_proofs_that_count_are_read_from_words():
    assert settings.read({"vote_proofs": "oidc code"})["vote_proofs"] == ("code", "oidc")
    assert settings.read({"vote_proofs": ""})["vote_proofs"] == ("coach", "code")  # never none at all
    assert settings.stored_text("vote_proofs", ("oidc", "coach")) == "coach oidc"


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("threshold", 25, None),
        ("threshold", 0, "range"),
        ("threshold", 10_001, "range"),
        ("voting_days", 366, "range"),
        ("vote_limit", 1, None),
        ("vote_limit", True, "range"),
        ("colour", 1, "unknown"),
        ("threshold", "25", "range"),
        ("vote_proofs", ("coach",), None),
        ("vote_proofs", ("coach", "code", "oidc"), None),
        ("vote_proofs", (), "range"),  # at least one proof stays on
        ("vote_proofs", ("post",), "range"),
        ("vote_proofs", "coach", "range"),
    ],
)
def test_setting_bounds(key, value, problem):
    assert settings.setting_problem(key, value) == problem


def test_a_new_minimum_wage_starts_after_the_newest_one():
    existing = ["2026-01-01"]
    assert settings.minimum_wage_problem(date(2026, 7, 1), 1500, existing) is None
    assert settings.minimum_wage_problem(date(2026, 1, 1), 1500, existing) == "date"
    assert settings.minimum_wage_problem(date(2025, 7, 1), 1500, existing) == "date"
    assert settings.minimum_wage_problem(date(2026, 7, 1), 0, existing) == "amount"
    assert settings.minimum_wage_problem(date(2026, 7, 1), -5, existing) == "amount"
    assert settings.minimum_wage_problem(date(2026, 7, 1), 10_000_000, existing) == "amount"
    assert settings.minimum_wage_problem(date(2026, 7, 1), 1500, []) is None


# --- similarity --------------------------------------------------------------------------


def test_stems_drop_stop_words_case_and_accents():
    assert similarity.stems("De Coöperatie en het BOODSCHAPPEN") == frozenset({"cooper", "boodsc"})


def test_the_same_text_is_fully_similar_and_unrelated_texts_not_at_all():
    text = "Boodschappendienst voor ouderen in De Hoven"
    assert similarity.similarity(text, text) == 1.0
    assert similarity.similarity(text, "Computerles in de bibliotheek") == 0.0
    assert similarity.similarity("", text) == 0.0


def test_dutch_word_forms_and_compounds_match():
    a = "Boodschappen doen voor oudere buren"
    b = "Een boodschappendienst voor ouderen"
    assert similarity.similarity(a, b) >= 0.5


def test_english_texts_match_too():
    a = "Help older neighbours with their shopping"
    b = "Shopping service for older residents"
    assert similarity.similarity(a, b) > similarity.MINIMUM


def test_most_similar_ranks_and_cuts_off():
    candidates = [
        (1, "Computerles voor ouderen"),
        (2, "Boodschappendienst voor ouderen in de buurt"),
        (3, "Groen onderhoud van het park"),
        (4, "Boodschappen rondbrengen bij ouderen"),
    ]
    found = similarity.most_similar("Boodschappendienst voor ouderen", candidates, limit=2)
    assert [key for key, _score in found] == [2, 4]
    assert all(score >= similarity.MINIMUM for _key, score in found)
    assert similarity.most_similar("Parkeren", candidates) == []


# --- jobs ---------------------------------------------------------------------------------


def test_places_never_below_the_people_placed():
    assert jobs.places_problem(3, 2) is None
    assert jobs.places_problem(1, 2) == "below_filled"
    assert jobs.places_problem(-1, 0) == "range"


def test_a_job_never_pays_below_the_minimum():
    assert jobs.wage_problem(None, 1471) is None
    assert jobs.wage_problem(1471, 1471) is None
    assert jobs.wage_problem(1400, 1471) == "below_minimum"


@pytest.mark.parametrize(
    ("status", "places", "filled", "already", "refusal"),
    [
        ("open", 2, 1, False, None),
        ("open", 2, 2, False, "full"),
        ("closed", 2, 0, False, "not_open"),
        ("draft", 2, 0, False, "not_open"),
        ("open", 2, 0, True, "already"),
    ],
)
def test_placement_rules(status, places, filled, already, refusal):
    assert jobs.placement_refusal(status, places, filled, already) == refusal


def test_job_status_moves():
    assert jobs.may_publish("draft") and not jobs.may_publish("open")
    assert jobs.may_close("open") and not jobs.may_close("closed")
    assert jobs.may_reopen("closed") and not jobs.may_reopen("draft")


# Amounts (parse_euros before) are read by webapp/domain/amounts.py: tests/domain/test_amounts.py.


def _csv_row(**changes):
    row = {name: "" for name in jobs.CSV_COLUMNS}
    row.update(
        {
            "category": "errands",
            "buurt": "de-hoven",
            "hours": "16",
            "days": "mon,tue",
            "skills": "cooking",
            "places": "2",
            "wage": "",
            "employer": "Buurthuis",
            **{name: f"{name} tekst" for name in jobs.REQUIRED_TEXTS},
        }
    )
    row.update(changes)
    return row


BUURTEN = {"de-hoven": 4, "de hoven": 4}


def test_a_good_csv_row_becomes_job_values():
    values, problems = jobs.job_from_csv(_csv_row(), BUURTEN, 1471)
    assert problems == []
    assert values["buurt_id"] == 4 and values["hours"] == 16 and values["places"] == 2
    assert values["days"] == "mon,tue" and values["status"] == "open"
    assert values["wage_cents"] is None


def test_a_buurt_can_be_named_by_its_name():
    values, problems = jobs.job_from_csv(_csv_row(buurt="De Hoven"), BUURTEN, 1471)
    assert problems == [] and values["buurt_id"] == 4


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"category": "astronaut"}, "category: unknown astronaut"),
        ({"buurt": "Atlantis"}, "buurt: unknown Atlantis"),
        ({"hours": "41"}, "hours: must be between 1 and 40"),
        ({"hours": "veel"}, "hours: not a whole number"),
        ({"hours": ""}, "hours: empty"),
        (
            {"title_en": "", "title_nl": ""},
            "title_nl, title_en: both empty (give a title in at least one language)",
        ),
        ({"wage": "12.00"}, "wage: below the minimum wage"),
        ({"wage": "twaalf"}, "wage: not an amount in euros (like 15.20 or 15,20), or leave it empty"),
        ({"wage": "1.2.3"}, "wage: not an amount in euros (like 15.20 or 15,20), or leave it empty"),
        ({"wage": "-15"}, "wage: not an amount in euros (like 15.20 or 15,20), or leave it empty"),
        ({"wage": "15.000"}, "wage: more than 1000 euros an hour"),
        ({"funding": "x" * 201}, "funding: longer than 200 characters"),
        ({"days": "mon,funday"}, "days: unknown funday (use mon, tue, wed, thu, fri, sat, sun)"),
        ({"start_date": "1 maart"}, "start_date: not a date like 2026-03-01"),
        ({"status": "closed"}, "status: use draft or open"),
        ({"title_nl": "x" * 121}, "title_nl: longer than 120 characters"),
        ({"employer": "a\x00b"}, "employer: has control characters"),
        ({"places": "0"}, "places: must be between 1 and 500"),
    ],
)
def test_a_bad_csv_row_says_what_is_wrong(changes, expected):
    _values, problems = jobs.job_from_csv(_csv_row(**changes), BUURTEN, 1471)
    assert expected in problems


# --- who hears about a comment ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "writer", "parent_author", "told"),
    [
        ("question", 1, None, {AUTHOR}),  # a question: the proposal's author
        ("comment", 1, None, {AUTHOR}),
        ("question", AUTHOR, None, set()),  # the author's own note: nobody
        ("answer", AUTHOR, 1, {1}),  # an answer: whoever asked
        ("answer", 9, 1, {1}),  # the municipality answers: the asker, not the author
        ("answer", 1, 1, set()),  # answering yourself: nobody
        ("answer", AUTHOR, None, set()),  # the question is gone: nobody
    ],
)
def test_who_hears_about_a_comment(kind, writer, parent_author, told):
    assert proposals.told_about_comment(kind, writer, AUTHOR, parent_author) == told
