"""Unit tests for the coaching rules: access, attention order, calendar files, start codes."""

from datetime import UTC, date, datetime, timedelta

import pytest

from webapp.auth import changes as accounts
from webapp.domain import calendar, startcodes
from webapp.domain import coaching as rules
from webapp.domain.access import may_use_gemeente_pages
from webapp.domain.coaching import Participant, Person

COACH = Person(10, "coach")
OTHER_COACH = Person(11, "coach")
RESIDENT = Person(20, "resident", coach_id=10)
OTHER_RESIDENT = Person(21, "resident", coach_id=10)
STRANGER = Person(22, "resident", coach_id=11)
ORPHAN = Person(23, "resident", coach_id=None)
GEMEENTE = Person(30, "gemeente")
BUURTGROEP = Person(31, "buurtgroep")

READ_RULES = (
    rules.may_read_thread,
    rules.may_read_plan,
    rules.may_write_plan,
    rules.may_read_appointments,
)


# --- access ------------------------------------------------------------------


@pytest.mark.parametrize("rule", READ_RULES)
def test_the_resident_and_their_own_coach_may_read(rule):
    assert rule(RESIDENT, RESIDENT)
    assert rule(COACH, RESIDENT)


@pytest.mark.parametrize("rule", READ_RULES)
@pytest.mark.parametrize("viewer", [OTHER_RESIDENT, STRANGER, OTHER_COACH, GEMEENTE, BUURTGROEP])
def test_nobody_else_may_read(rule, viewer):
    assert not rule(viewer, RESIDENT)


def test_a_coach_id_that_matches_a_residents_id_is_no_access():
    # Ids of different roles live in one table; a resident is never a coach.
    resident_as_viewer = Person(10, "resident")
    assert not rules.may_read_thread(resident_as_viewer, RESIDENT)


def test_after_reassignment_the_old_coach_loses_access_at_once():
    moved = Person(RESIDENT.id, "resident", coach_id=OTHER_COACH.id)
    assert not rules.may_read_thread(COACH, moved)
    assert not rules.may_open_participant(COACH, moved)
    assert rules.may_read_thread(OTHER_COACH, moved)
    assert rules.may_open_participant(OTHER_COACH, moved)


def test_a_resident_without_a_coach_reads_but_cannot_write():
    assert rules.may_read_thread(ORPHAN, ORPHAN)
    assert not rules.may_write_thread(ORPHAN, ORPHAN)
    assert rules.may_write_thread(RESIDENT, RESIDENT)
    assert rules.may_write_thread(COACH, RESIDENT)
    assert not rules.may_write_thread(OTHER_COACH, RESIDENT)


def test_a_coach_is_no_participant_of_anybody():
    assert not rules.may_open_participant(COACH, Person(12, "coach", coach_id=COACH.id))


def test_only_the_coach_plans_and_only_the_resident_answers():
    assert rules.may_plan_appointment(COACH, RESIDENT)
    assert not rules.may_plan_appointment(RESIDENT, RESIDENT)
    assert not rules.may_plan_appointment(OTHER_COACH, RESIDENT)
    assert rules.may_answer_appointment(RESIDENT, RESIDENT)
    assert not rules.may_answer_appointment(COACH, RESIDENT)
    assert not rules.may_answer_appointment(OTHER_RESIDENT, RESIDENT)


def test_only_the_own_coach_answers_an_interest():
    assert rules.may_answer_interest(COACH, RESIDENT)
    assert not rules.may_answer_interest(RESIDENT, RESIDENT)
    assert not rules.may_answer_interest(OTHER_COACH, RESIDENT)
    assert not rules.may_answer_interest(GEMEENTE, RESIDENT)


def test_the_municipality_reassigns_but_reads_nothing():
    # Reassigning is a page of the municipality's workspace (may_use_gemeente_pages).
    assert may_use_gemeente_pages("gemeente")
    for role in ("resident", "coach", "buurtgroep"):
        assert not may_use_gemeente_pages(role)
    assert not rules.may_open_participant(GEMEENTE, RESIDENT)
    assert rules.may_become_coach_of(OTHER_COACH, RESIDENT)
    assert not rules.may_become_coach_of(GEMEENTE, RESIDENT)
    assert not rules.may_become_coach_of(OTHER_COACH, COACH)


def test_only_coaches_have_a_caseload():
    assert rules.may_see_caseload("coach")
    assert not any(rules.may_see_caseload(r) for r in ("resident", "gemeente", "buurtgroep"))


def test_person_from_a_row_and_from_an_object():
    class User:
        id, role, coach_id = 5, "resident", 7

    assert rules.person({"id": 5, "role": "resident", "coach_id": 7}) == Person(5, "resident", 7)
    assert rules.person(User()) == Person(5, "resident", 7)


# --- client ids ------------------------------------------------------------------


def test_client_ids_are_uuids_in_one_spelling():
    made = rules.new_client_id()
    assert rules.client_id(made) == made
    assert rules.client_id(made.upper()) == made
    assert rules.client_id(made.replace("-", "")) == made


@pytest.mark.parametrize("text", ["", "abc", "<script>", "'; DROP TABLE messages; --", None, 12, "0" * 33])
def test_anything_else_is_no_client_id(text):
    assert rules.client_id(text) is None


# --- needs you now (issue 11: a flag only for a real reason) ----------------------------

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 12, 0)


def participant(pid, name, **values):
    """Someone with nothing to flag: in touch 3 days ago, a profile, nothing waiting."""
    values.setdefault("answered", 5)
    values.setdefault("last_contact", TODAY - timedelta(days=3))
    values.setdefault("joined", TODAY - timedelta(days=400))
    return Participant(pid, name, **values)


def reasons(**values):
    return rules.attention_reasons(participant(1, "Anna", **values), NOW)


def test_nothing_waiting_is_no_flag():
    assert reasons() == []


def test_an_unread_message_older_than_a_day_is_a_flag():
    assert reasons(unread=1, oldest_unread=NOW - timedelta(days=1, minutes=1)) == ["unread"]


def test_an_unread_message_of_today_is_not_a_flag_yet():
    assert reasons(unread=2, oldest_unread=NOW - timedelta(hours=23)) == []
    assert reasons(unread=1, oldest_unread=NOW - timedelta(days=1)) == []  # exactly a day: not yet


def test_no_contact_for_over_30_days_with_nothing_planned_is_a_flag():
    assert reasons(last_contact=TODAY - timedelta(days=31)) == ["no_contact"]
    assert reasons(last_contact=TODAY - timedelta(days=30)) == []  # exactly 30 days is not yet "over 30"
    assert reasons(last_contact=TODAY - timedelta(days=60), next_appointment="2026-11-30T10:00") == []


def test_never_in_touch_counts_from_the_day_the_account_was_made():
    assert reasons(last_contact=None, joined=TODAY - timedelta(days=2)) == []
    assert reasons(last_contact=None, joined=TODAY - timedelta(days=31)) == ["no_contact"]
    assert reasons(last_contact=None, joined=None) == ["no_contact"]


def test_an_interest_without_an_answer_is_a_flag():
    assert reasons(open_interests=1, oldest_interest=TODAY) == ["interest"]


def test_an_appointment_to_confirm_is_a_flag():
    assert reasons(other_time_asked=True) == ["other_time"]


def test_an_empty_profile_alone_is_no_flag():
    assert reasons(answered=0) == []


def test_several_reasons_come_most_urgent_first():
    found = reasons(
        unread=1,
        oldest_unread=NOW - timedelta(days=3),
        other_time_asked=True,
        open_interests=2,
        last_contact=TODAY - timedelta(days=45),
    )
    assert found == ["unread", "other_time", "interest", "no_contact"]


def test_the_caseload_splits_into_needs_you_now_and_the_rest():
    needs_now, rest = rules.split_caseload(
        [
            participant(1, "Anna"),
            participant(2, "Bram", open_interests=1),
            participant(3, "Cem", unread=2, oldest_unread=NOW - timedelta(days=2)),
            participant(4, "Dewi", other_time_asked=True),
            participant(5, "Eva", last_contact=TODAY - timedelta(days=45)),
            participant(6, "Fenna", unread=1, oldest_unread=NOW - timedelta(hours=2)),
        ],
        NOW,
    )
    assert [p.name for p in needs_now] == ["Cem", "Dewi", "Bram", "Eva"]
    assert [p.name for p in rest] == ["Anna", "Fenna"]
    assert all(p.reasons for p in needs_now) and not any(p.reasons for p in rest)


def test_the_rest_is_a_to_z_whatever_the_case():
    _needs, rest = rules.split_caseload(
        [participant(1, "cem"), participant(2, "Bram"), participant(3, "anna", last_contact=TODAY)], NOW
    )
    assert [p.name for p in rest] == ["anna", "Bram", "cem"]


def test_within_a_reason_the_longest_silence_first_then_by_name():
    waiting = {"open_interests": 1}
    needs_now, _rest = rules.split_caseload(
        [
            participant(1, "bram", last_contact=TODAY - timedelta(days=1), **waiting),
            participant(2, "Anna", last_contact=TODAY - timedelta(days=1), **waiting),
            participant(3, "Cem", last_contact=TODAY - timedelta(days=9), **waiting),
            participant(4, "Dewi", last_contact=None, joined=None, **waiting),
        ],
        NOW,
    )
    assert [p.name for p in needs_now] == ["Dewi", "Cem", "Anna", "bram"]


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ({"unread": 1, "oldest_unread": NOW - timedelta(days=2), "open_interests": 1}, "unread"),
        (
            {"unread": 1, "oldest_unread": NOW - timedelta(hours=1), "next_appointment": "2026-11-30T10:00"},
            "new_message",
        ),
        ({"next_appointment": "2026-11-30T10:00"}, "appointment"),
        ({"last_contact": None, "joined": TODAY}, "never"),
        ({}, "last_contact"),
    ],
)
def test_one_line_says_the_first_flag_or_the_most_useful_fact(values, said):
    needs_now, rest = rules.split_caseload([participant(1, "Anna", **values)], NOW)
    assert rules.what_to_say((needs_now + rest)[0]) == said


def test_days_since_contact():
    assert rules.days_since(TODAY - timedelta(days=31), TODAY) == 31
    assert rules.days_since(None, TODAY) is None
    assert rules.days_since(TODAY + timedelta(days=1), TODAY) == 0
    assert rules.is_long_ago(31) and rules.is_long_ago(None) and not rules.is_long_ago(30)


# --- the A-Z jump ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "letter"), [("Anna", "A"), ("özlem", "O"), ("Élodie", "E"), ("'t Hart", "T"), ("123", "#"), ("", "#")]
)
def test_the_initial_of_a_name(name, letter):
    assert rules.initial(name) == letter


def test_letter_groups_cover_a_to_z_with_about_as_many_names_each():
    names = [f"{letter}name{i}" for letter in "ABCDEFGHIJKLMNOP" for i in range(2)]
    groups = rules.letter_groups(names, most=4)
    assert len(groups) == 4
    assert groups[0][0] == "A" and groups[-1][1] == "Z"
    for (_first, last), (following, _end) in zip(groups, groups[1:], strict=False):
        assert chr(ord(last) + 1) == following  # no letter left out
    sizes = [sum(rules.in_letters(name, group) for name in names) for group in groups]
    assert sum(sizes) == len(names) and max(sizes) <= 8


def test_few_names_make_few_groups_and_none_make_none():
    assert rules.letter_groups(["Anna"]) == [("A", "Z")]
    assert rules.letter_groups([]) == []


def test_a_name_without_a_letter_belongs_to_the_first_group():
    groups = rules.letter_groups(["123", "Bram", "Zoë"], most=3)
    assert rules.in_letters("123", groups[0])


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("A-D", ("A", "D")),
        ("e-j", ("E", "J")),
        ("K-K", ("K", "K")),
        ("D-A", None),
        ("A-", None),
        ("AB-C", None),
        ("1-3", None),
        ("", None),
        (None, None),
        ("Ä-Z", None),
    ],
)
def test_letters_from_a_link(text, letters):
    assert rules.parse_letters(text) == letters


# --- contacts per month ------------------------------------------------------------


def test_last_twelve_months_cross_the_year():
    months = rules.last_months(date(2026, 2, 10))
    assert months[0] == (2025, 3) and months[-1] == (2026, 2) and len(months) == 12


def test_a_day_with_many_messages_is_one_contact():
    days = [
        (1, date(2026, 11, 3)),
        (1, date(2026, 11, 3)),
        (2, date(2026, 11, 3)),
        (1, date(2026, 10, 1)),
        (1, date(2025, 11, 30)),
        (1, date(2025, 12, 1)),
    ]
    counts = rules.contacts_per_month(days, TODAY)
    assert counts[-1] == (2026, 11, 2)
    assert counts[-2] == (2026, 10, 1)
    assert counts[0] == (2025, 12, 1)  # November 2025 is outside the 12 months
    assert sum(c for _y, _m, c in counts) == 4


# --- appointments ----------------------------------------------------------------

NOW = datetime(2026, 11, 24, 12, 0)


def test_upcoming_and_past():
    assert rules.is_upcoming("2026-11-24T12:00", "planned", NOW)
    assert not rules.is_upcoming("2026-11-30T10:00", "cancelled", NOW)
    assert rules.took_place("2026-11-20T10:00", "accepted", NOW)
    assert not rules.took_place("2026-11-20T10:00", "cancelled", NOW)


def test_the_next_appointment_skips_cancelled_and_past():
    rows = [
        ("2026-12-05T09:00", "planned"),
        ("2026-11-30T10:00", "cancelled"),
        ("2026-11-01T10:00", "accepted"),
        ("2026-12-01T14:00", "other_time"),
    ]
    assert rules.next_appointment(rows, NOW) == ("2026-12-01T14:00", "other_time")
    assert rules.next_appointment([("2026-11-01T10:00", "accepted")], NOW) is None


def test_only_future_appointments_can_be_answered_or_changed():
    assert rules.may_be_answered("2026-11-25T10:00", "planned", NOW)
    assert not rules.may_be_answered("2026-11-23T10:00", "planned", NOW)
    assert not rules.may_be_answered("2026-11-25T10:00", "cancelled", NOW)
    assert rules.may_be_changed("2026-11-25T10:00", "accepted", NOW)
    assert not rules.may_be_changed("2026-11-24T11:59", "accepted", NOW)


def test_a_reminder_is_due_the_day_before_once():
    today = date(2026, 11, 24)
    assert rules.reminder_due("2026-11-25T09:00", "accepted", None, today)
    assert rules.reminder_due("2026-11-25T23:30", "planned", None, today)
    assert not rules.reminder_due("2026-11-25T09:00", "accepted", "2026-11-24T07:00:00Z", today)
    assert not rules.reminder_due("2026-11-25T09:00", "cancelled", None, today)
    assert not rules.reminder_due("2026-11-26T09:00", "planned", None, today)
    assert not rules.reminder_due("2026-11-24T15:00", "planned", None, today)


def test_an_interest_answer_not_now_needs_a_reason():
    assert rules.interest_answer_problem("talk", "") is None
    assert rules.interest_answer_problem("put_forward", None) is None
    assert rules.interest_answer_problem("not_now", "  ") == "reason"
    assert rules.interest_answer_problem("not_now", "Eerst je taalcursus") is None
    assert rules.interest_answer_problem("maybe", "") == "choose"


# --- .ics ------------------------------------------------------------------------

STAMP = datetime(2026, 11, 24, 8, 30, tzinfo=UTC)


def ics(**changes):
    values = {
        "uid": "appointment-7@basisbaan",
        "start": datetime(2026, 7, 1, 10, 0),
        "minutes": 45,
        "summary": "Afspraak met je coach",
        "location": "Wijkcentrum, kamer 2",
        "description": "Neem je paspoort mee;\nen je vragen.",
        "stamp": STAMP,
    }
    values.update(changes)
    return calendar.event(**values)


def test_ics_uses_amsterdam_local_time_with_the_zone():
    text = ics()
    assert "DTSTART;TZID=Europe/Amsterdam:20260701T100000\r\n" in text
    assert "DTEND;TZID=Europe/Amsterdam:20260701T104500\r\n" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n" in text
    assert "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" in text
    assert "DTSTAMP:20261124T083000Z" in text


def test_ics_winter_time_is_the_same_wall_clock():
    assert "DTSTART;TZID=Europe/Amsterdam:20261215T100000" in ics(start=datetime(2026, 12, 15, 10))


def test_ics_is_one_event_with_crlf_lines():
    text = ics()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 1
    assert "\n" not in text.replace("\r\n", "")
    assert "UID:appointment-7@basisbaan" in text


def test_ics_escapes_text():
    text = ics()
    assert "LOCATION:Wijkcentrum\\, kamer 2" in text
    assert "DESCRIPTION:Neem je paspoort mee\\;\\nen je vragen." in text


def test_ics_folds_long_lines_at_75_octets():
    text = ics(description="é" * 100)
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION:" + "é" * 100 + "\r\n" in unfolded


def test_ics_without_place_or_note_leaves_them_out():
    text = ics(location="", description="")
    assert "LOCATION" not in text and "DESCRIPTION" not in text


def test_ics_of_a_cancelled_appointment():
    assert "STATUS:CANCELLED" in ics(status="CANCELLED", sequence=2)


# --- start codes: expiry and single use ---------------------------------------------


def test_a_start_code_works_once(db):
    user = db.execute("SELECT id FROM users WHERE username = 'bewoner2'").fetchone()[0]
    code, _expires = accounts.issue_start_code(db, user)
    row = accounts.redeem_start_code(db, code, "een lange zin")
    assert row["id"] == user
    with pytest.raises(accounts.StartCodeError) as error:
        accounts.redeem_start_code(db, code, "nog een lange zin")
    assert error.value.reason == "used"


def test_a_new_start_code_stops_the_old_one(db):
    user = db.execute("SELECT id FROM users WHERE username = 'bewoner2'").fetchone()[0]
    old, _ = accounts.issue_start_code(db, user)
    new, _ = accounts.issue_start_code(db, user)
    with pytest.raises(accounts.StartCodeError):
        accounts.redeem_start_code(db, old, "een lange zin")
    assert accounts.redeem_start_code(db, new, "een lange zin")["id"] == user


def test_a_start_code_expires_after_fourteen_days(db):
    user = db.execute("SELECT id FROM users WHERE username = 'bewoner2'").fetchone()[0]
    code, expires = accounts.issue_start_code(db, user)
    assert timedelta(days=13, hours=23) < expires - datetime.now(UTC) <= timedelta(days=14)
    past = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    db.execute("UPDATE start_codes SET expires_at = ? WHERE user_id = ?", (past, user))
    with pytest.raises(accounts.StartCodeError) as error:
        accounts.redeem_start_code(db, code, "een lange zin")
    assert error.value.reason == "expired"
    assert startcodes.VALID_DAYS == 14


# --- waiting for a coach ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 12, 7), date(2026, 12, 7), 0),  # the same Monday
        (date(2026, 12, 7), date(2026, 12, 8), 1),  # Monday to Tuesday
        (date(2026, 12, 11), date(2026, 12, 14), 1),  # Friday to Monday: the weekend does not count
        (date(2026, 12, 12), date(2026, 12, 13), 0),  # Saturday to Sunday
        (date(2026, 12, 7), date(2026, 12, 14), 5),  # a whole week
        (date(2026, 12, 7), date(2026, 12, 28), 15),  # three weeks
        (date(2026, 12, 9), date(2026, 12, 21), 8),  # Wednesday to Monday, a week later
        (date(2026, 12, 8), date(2026, 12, 1), 0),  # an end before the start
    ],
)
def test_working_days_between_counts_monday_to_friday(start, end, expected):
    assert rules.working_days_between(start, end) == expected


def test_working_days_between_agrees_with_counting_day_by_day():
    start = date(2026, 1, 1)
    for length in range(0, 40):
        end = start + timedelta(days=length)
        by_hand = sum(1 for n in range(1, length + 1) if (start + timedelta(days=n)).weekday() < 5)
        assert rules.working_days_between(start, end) == by_hand


def test_waiting_too_long_is_more_than_the_promised_working_days():
    monday = date(2026, 12, 7)
    assert not rules.waited_too_long(monday, date(2026, 12, 14), 5)  # exactly 5
    assert rules.waited_too_long(monday, date(2026, 12, 15), 5)  # 6
