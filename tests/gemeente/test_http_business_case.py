"""The business case of a job over HTTP: who may fill it in, CSRF, bad input,
repeats, the bijstand and the employer's charges in the settings, and what the
public job page says."""

import html

import pytest
from http_support import (
    DEMO_INTEREST_JOB,
    SCRIPT,
    execute,
    messages,
    page,
    post_form,
    query,
    scalar,
    sign_in,
    snapshot,
    t,
)
from proposal_support import APPROVED, NO_HOME, RESIDENT_CENTRUM, RESIDENT_NOORD

from webapp.db import connect
from webapp.jobs.schema import r002_funding_first_partner

JOB = DEMO_INTEREST_JOB  # an open demo job
WHO = (None, RESIDENT_NOORD, RESIDENT_CENTRUM, NO_HOME, "buurtgroep", "coach", "toezicht", "gemeente")
TABLES = ("job_partners", "bijstand_amount", "settings")
PARTNER = {"name": "Fonds Voor Elkaar", "kind": "money", "amount": "12.000", "note": "Drie jaar lang."}
BIJSTAND = {"bijstand_from": "2026-07-01", "bijstand_amount": "1.425,00", "bijstand_period": "month"}


def has(app, body, msgid, plain=False, **values):
    return html.unescape(t(app, msgid, plain=plain, **values)) in html.unescape(body)


def partners_of(app, job_id):
    return query(
        app, "SELECT name, kind, yearly_cents, note FROM job_partners WHERE job_id = ? ORDER BY id", (job_id,)
    )


def first_partner_id(app, job_id=JOB):
    return scalar(app, "SELECT MIN(id) FROM job_partners WHERE job_id = ?", (job_id,))


def _post_routes(app):
    partner = first_partner_id(app)
    return [
        (f"/gemeente/jobs/{JOB}/partners", PARTNER),
        (f"/gemeente/jobs/{JOB}/partners", {**PARTNER, "partner": str(partner), "amount": "9000"}),
        (f"/gemeente/jobs/{JOB}/partners/{partner}/remove", {}),
        ("/gemeente/settings/bijstand", BIJSTAND),
    ]


# --- access and CSRF ---------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(4))
@pytest.mark.parametrize("who", WHO)
def test_only_the_municipality_fills_in_a_business_case(app, client, index, who):
    path, data = _post_routes(app)[index]
    sign_in(client, who)
    before = snapshot(app, *TABLES)
    response = post_form(client, path, data)
    if who == "gemeente":
        assert response.status_code == 303
        assert snapshot(app, *TABLES) != before
        return
    if who is None:
        assert response.status_code == 303
        assert response.headers["Location"].startswith("/login")
    else:
        assert response.status_code == 403
    assert snapshot(app, *TABLES) == before


@pytest.mark.parametrize("index", range(4))
@pytest.mark.parametrize("token", [None, "", "not-a-token"])
def test_every_business_case_form_needs_a_csrf_token(app, client, index, token):
    path, data = _post_routes(app)[index]
    sign_in(client, "gemeente")
    client.get("/gemeente")
    before = snapshot(app, *TABLES)
    form = dict(data)
    if token is not None:
        form["csrf_token"] = token
    assert client.post(path, data=form).status_code == 400
    assert snapshot(app, *TABLES) == before


@pytest.mark.parametrize("who", WHO)
def test_changing_a_partner_opens_only_for_the_municipality(reader_app, reader, who):
    sign_in(reader, who)
    response = reader.get(f"/gemeente/jobs/{JOB}/edit?partner={first_partner_id(reader_app)}")
    expected = {None: 303, "gemeente": 200}.get(who, 403)
    assert response.status_code == expected


@pytest.mark.parametrize(
    ("path", "status"),
    [
        (f"/gemeente/jobs/{JOB}/edit?partner=abc", 404),
        (f"/gemeente/jobs/{JOB}/edit?partner=999999", 404),
        (f"/gemeente/jobs/{JOB}/edit?partner=99999999999999999999", 404),
        ("/gemeente/jobs/999999/partners/1/remove", 303),  # a GET goes to the form's page
    ],
)
def test_unknown_partners_are_not_found(reader, path, status):
    sign_in(reader, "gemeente")
    assert reader.get(path).status_code == status


@pytest.mark.parametrize(
    ("path", "target"),
    [
        (f"/gemeente/jobs/{JOB}/partners", f"/gemeente/jobs/{JOB}/edit"),
        (f"/gemeente/jobs/{JOB}/partners/1/remove", f"/gemeente/jobs/{JOB}/edit"),
        ("/gemeente/settings/bijstand", "/gemeente/settings"),
    ],
)
def test_a_get_of_a_business_case_form_goes_to_its_page(reader, path, target):
    sign_in(reader, "gemeente")
    response = reader.get(path)
    assert response.status_code == 303
    assert response.headers["Location"] == target


# --- partners -------------------------------------------------------------------------------------


def test_a_partner_is_added_changed_and_removed(app, client):
    sign_in(client, "gemeente")
    execute(app, "DELETE FROM job_partners WHERE job_id = ?", (JOB,))
    response = post_form(client, f"/gemeente/jobs/{JOB}/partners", PARTNER)
    assert response.status_code == 303
    assert response.headers["Location"] == f"/gemeente/jobs/{JOB}/edit#business-case"
    assert partners_of(app, JOB) == [
        {"name": "Fonds Voor Elkaar", "kind": "money", "yearly_cents": 12_000_00, "note": "Drie jaar lang."}
    ]
    partner = first_partner_id(app)
    form = page(client.get(f"/gemeente/jobs/{JOB}/edit?partner={partner}"))
    assert 'value="Fonds Voor Elkaar"' in form and f'name="partner" type="hidden" value="{partner}"' in form
    changed = {**PARTNER, "partner": str(partner), "name": "Buurthuis", "kind": "in_kind", "amount": "1500"}
    assert post_form(client, f"/gemeente/jobs/{JOB}/partners", changed).status_code == 303
    assert partners_of(app, JOB) == [
        {"name": "Buurthuis", "kind": "in_kind", "yearly_cents": 1_500_00, "note": "Drie jaar lang."}
    ]
    assert post_form(client, f"/gemeente/jobs/{JOB}/partners/{partner}/remove", {}).status_code == 303
    assert partners_of(app, JOB) == []


def test_a_repeated_partner_form_adds_nothing_twice(app, client):
    sign_in(client, "gemeente")
    before = len(partners_of(app, JOB))
    for _ in range(2):
        assert post_form(client, f"/gemeente/jobs/{JOB}/partners", PARTNER).status_code == 303
    assert len(partners_of(app, JOB)) == before + 1
    partner = scalar(app, "SELECT id FROM job_partners WHERE name = ?", (PARTNER["name"],))
    for _ in range(2):
        assert post_form(client, f"/gemeente/jobs/{JOB}/partners/{partner}/remove", {}).status_code == 303
    assert len(partners_of(app, JOB)) == before


@pytest.mark.parametrize(
    ("changes", "msgid"),
    [
        ({"name": ""}, "Fill in the name of the partner."),
        ({"name": "   "}, "Fill in the name of the partner."),
        ({"name": "x" * 121}, None),
        ({"kind": ""}, "Choose what the partner gives."),
        ({"kind": "gift"}, None),
        ({"amount": ""}, "How much a year: fill in an amount in euros, like 12,000."),
        ({"amount": "abc"}, "How much a year: fill in an amount in euros, like 12,000."),
        ({"amount": "0"}, "How much a year: fill in an amount in euros, like 12,000."),
        ({"amount": "-500"}, "How much a year: fill in an amount in euros, like 12,000."),
        ({"amount": "12.0.0"}, "How much a year: fill in an amount in euros, like 12,000."),
        ({"amount": "9" * 39}, None),
        ({"amount": "'; DROP TABLE jobs; --"}, "How much a year: fill in an amount in euros, like 12,000."),
        ({"note": "n" * 301}, None),
        ({"partner": "abc"}, None),
    ],
)
def test_bad_partner_input_is_422_with_a_message_and_stores_nothing(app, client, changes, msgid):
    sign_in(client, "gemeente")
    before = snapshot(app, *TABLES)
    response = post_form(client, f"/gemeente/jobs/{JOB}/partners", {**PARTNER, **changes})
    assert response.status_code == 422
    shown = messages(page(response))
    assert shown
    if msgid:
        assert has(app, " ".join(shown), msgid)
    assert snapshot(app, *TABLES) == before


def test_a_partner_name_with_html_is_shown_as_text(app, client):
    sign_in(client, "gemeente")
    assert post_form(client, f"/gemeente/jobs/{JOB}/partners", {**PARTNER, "name": SCRIPT}).status_code == 303
    for body in (page(client.get(f"/jobs/{JOB}")), page(client.get(f"/gemeente/jobs/{JOB}/edit"))):
        assert SCRIPT not in body
        assert html.escape(SCRIPT, quote=False) in body or "&lt;script&gt;" in body


def test_two_partners_cannot_share_a_name(app, client):
    sign_in(client, "gemeente")
    execute(app, "DELETE FROM job_partners WHERE job_id = ?", (JOB,))
    post_form(client, f"/gemeente/jobs/{JOB}/partners", PARTNER)
    post_form(client, f"/gemeente/jobs/{JOB}/partners", {**PARTNER, "name": "Woonstichting"})
    second = scalar(app, "SELECT id FROM job_partners WHERE name = 'Woonstichting'")
    before = snapshot(app, *TABLES)
    response = post_form(client, f"/gemeente/jobs/{JOB}/partners", {**PARTNER, "partner": str(second)})
    assert response.status_code == 422
    assert has(app, " ".join(messages(page(response))), "Another partner has this name. Choose another name.")
    assert snapshot(app, *TABLES) == before


def test_a_partner_of_another_job_cannot_be_changed_or_removed_here(app, client):
    sign_in(client, "gemeente")
    other = scalar(app, "SELECT id FROM job_partners WHERE job_id != ? LIMIT 1", (JOB,))
    before = snapshot(app, *TABLES)
    response = post_form(client, f"/gemeente/jobs/{JOB}/partners", {**PARTNER, "partner": str(other)})
    assert response.status_code == 404
    post_form(client, f"/gemeente/jobs/{JOB}/partners/{other}/remove", {})
    assert snapshot(app, *TABLES) == before


def test_a_job_has_at_most_twelve_partners(app, client):
    sign_in(client, "gemeente")
    execute(app, "DELETE FROM job_partners WHERE job_id = ?", (JOB,))
    for number in range(12):
        post_form(client, f"/gemeente/jobs/{JOB}/partners", {**PARTNER, "name": f"Partner {number}"})
    response = post_form(client, f"/gemeente/jobs/{JOB}/partners", {**PARTNER, "name": "Nog een"})
    assert response.status_code == 409
    assert has(app, " ".join(messages(page(response))), "A job has at most 12 partners. Remove one first.")
    assert len(partners_of(app, JOB)) == 12


def test_unknown_job_is_404(client):
    sign_in(client, "gemeente")
    assert post_form(client, "/gemeente/jobs/999999/partners", PARTNER).status_code == 404


# --- who pays becomes the first partner -------------------------------------------------------------


def test_who_pays_from_the_decision_becomes_the_first_partner(app, client):
    job = scalar(app, "SELECT job_id FROM proposals WHERE id = ?", (APPROVED,))
    payer, cents = query(
        app, "SELECT decision_payer, decision_cents_per_year FROM proposals WHERE id = ?", (APPROVED,)
    )[0].values()
    execute(app, "DELETE FROM job_partners WHERE job_id = ?", (job,))
    sign_in(client, "gemeente")
    # The form offers it until it is saved...
    form = page(client.get(f"/gemeente/jobs/{job}/edit"))
    assert f'value="{html.escape(payer)}"' in form
    assert has(app, form, "The form below holds who pays, from the decision. Check it and save it.")
    # ...and the migration copies it for a job that was there before.
    db = connect(app.config["DATABASE"])
    r002_funding_first_partner(db)
    db.conn.commit()
    db.close()
    assert partners_of(app, job) == [{"name": payer, "kind": "money", "yearly_cents": cents, "note": ""}]


# --- the settings: the dated bijstand and the employer's charges ----------------------------------


def test_a_new_bijstand_amount_is_added_with_its_date_and_a_repeat_changes_nothing(app, client):
    sign_in(client, "gemeente")
    for _ in range(2):
        assert post_form(client, "/gemeente/settings/bijstand", BIJSTAND).status_code == 303
    assert query(app, "SELECT * FROM bijstand_amount ORDER BY valid_from") == [
        {"valid_from": "2026-01-01", "cents": 140150, "period": "month"},
        {"valid_from": "2026-07-01", "cents": 142500, "period": "month"},
    ]
    assert "1.425,00" in page(client.get("/gemeente/settings"))


@pytest.mark.parametrize(
    ("changes", "msgid"),
    [
        (
            {"bijstand_from": "2026-01-01", "bijstand_amount": "1500"},
            "Choose a date after the newest bijstand amount. The past stays as it was.",
        ),
        (
            {"bijstand_from": "2025-01-01"},
            "Choose a date after the newest bijstand amount. The past stays as it was.",
        ),
        ({"bijstand_from": "juli"}, "Fill in a date, like 2026-07-01."),
        ({"bijstand_amount": "abc"}, "Bijstand: fill in an amount in euros, like 1,401.50."),
        ({"bijstand_amount": ""}, "Bijstand: fill in an amount in euros, like 1,401.50."),
        (
            {"bijstand_amount": "20.000", "bijstand_period": "month"},
            "Bijstand: fill in an amount in euros, like 1,401.50.",
        ),
        ({"bijstand_period": "week"}, None),
        ({"bijstand_period": ""}, "Choose a month or a year."),
    ],
)
def test_a_bad_bijstand_amount_is_refused(app, client, changes, msgid):
    sign_in(client, "gemeente")
    before = snapshot(app, *TABLES)
    response = post_form(client, "/gemeente/settings/bijstand", {**BIJSTAND, **changes})
    assert response.status_code == 422
    shown = messages(page(response))
    assert shown
    if msgid:
        assert has(app, " ".join(shown), msgid)
    assert snapshot(app, *TABLES) == before


SETTINGS = {
    "threshold": "25",
    "voting_days": "42",
    "vote_limit": "5",
    "coach_days": "5",
    "objection_days": "28",
    "vote_proofs": ["coach", "code"],
}


def test_the_employer_s_charges_are_a_setting_that_changes_every_case(app, client):
    sign_in(client, "gemeente")
    assert post_form(client, "/gemeente/settings", {**SETTINGS, "employer_charge": "0"}).status_code == 303
    assert scalar(app, "SELECT value FROM settings WHERE key = 'employer_charge'") == "0"
    body = page(client.get(f"/jobs/{JOB}"))
    assert "(0%)" in body
    # A form without the field (an older page) keeps it.
    assert post_form(client, "/gemeente/settings", SETTINGS).status_code == 303
    assert scalar(app, "SELECT value FROM settings WHERE key = 'employer_charge'") == "0"


@pytest.mark.parametrize("value", ["101", "-1", "abc", "30.5"])
def test_bad_employer_s_charges_are_422(app, client, value):
    sign_in(client, "gemeente")
    before = snapshot(app, "settings")
    response = post_form(client, "/gemeente/settings", {**SETTINGS, "employer_charge": value})
    assert response.status_code == 422
    assert has(app, " ".join(messages(page(response))), "Fill in a number from 0 to 100.")
    assert snapshot(app, "settings") == before


# --- the public job page ----------------------------------------------------------------------------


def _case_with(app, client, partners):
    sign_in(client, "gemeente")
    execute(app, "DELETE FROM job_partners WHERE job_id = ?", (JOB,))
    for name, amount in partners:
        assert (
            post_form(
                client, f"/gemeente/jobs/{JOB}/partners", {**PARTNER, "name": name, "amount": amount}
            ).status_code
            == 303
        )
    sign_in(client, None)
    return page(client.get(f"/jobs/{JOB}?lang=nl&plain=1")).replace("\xa0", " ")  # Babel's space after €


def test_the_job_page_says_in_plain_words_what_is_still_missing(app, client):
    body = _case_with(app, client, [("Woonstichting", "100")])
    assert 'id="business-case-summary"' in body
    assert body.count('<rect class="case-bar__part') >= 2
    assert " style=" not in body
    assert "Woonstichting" in body and "€ 100,00" in body
    assert has(app, body, "Still missing", plain=True)
    assert not has(app, body, "The costs are covered.", plain=True)


def test_the_job_page_says_when_the_costs_are_covered(app, client):
    body = _case_with(app, client, [("Woonstichting", "100.000"), ("Fonds", "5.000")])
    assert has(app, body, "The costs are covered.", plain=True)
    assert "€ 100.000,00" in body and "€ 5.000,00" in body
    assert not has(app, body, "Still missing", plain=True)


TOPPED_UP = (
    "The wage of this job is less than the bijstand. People who work here still get some bijstand on top of"
    " their wage. The municipality saves the part of the bijstand that the wage replaces, and uses that money"
    " for the wages."
)
INSTEAD = "People who work here get a wage instead of bijstand. The municipality uses that money for the wages."


@pytest.mark.parametrize(("hours", "topped_up"), [(16, True), (36, False)])
def test_the_job_page_says_whether_the_wage_replaces_all_the_bijstand(app, client, hours, topped_up):
    """EUR 1,500 a month of bijstand is 18,000 a year; at EUR 15 an hour 16
    hours earn 12,480 (some bijstand stays) and 36 hours 28,080 (none)."""
    execute(app, "INSERT INTO bijstand_amount VALUES ('2026-12-01', 150000, 'month')")
    execute(app, "UPDATE minimum_wage SET cents = MIN(cents, 1500)")
    execute(app, "UPDATE jobs SET hours = ?, wage_cents = 1500 WHERE id = ?", (hours, JOB))
    body = page(client.get(f"/jobs/{JOB}"))
    assert has(app, body, TOPPED_UP) is topped_up
    assert has(app, body, INSTEAD) is not topped_up
