"""Every address a form is sent to opens again with a GET.

A refused form is shown at the URL it was sent to; reloading it, sharing it
or opening it from the history must not say 405. Each URL that only takes a
POST answers a GET with a 303 to the page its form lives on
(``answer_get_on_post_urls`` in webapp/web.py). The rules are read from the
app's url_map, so a new POST-only view is checked without touching this file
(a new URL value name needs an id in ``IDS``).
"""

import re

import pytest
from http_support import page, query, sign_in

from webapp.web import AGAIN

WHO = (None, "bewoner", "buurtgroep", "coach", "gemeente")


def ids(app):
    """Real ids from the demo data, one per URL value name: what a coach's
    participant (bewoner) has, and what the municipality works on."""
    resident = query(app, "SELECT id FROM users WHERE username = 'bewoner'")[0]["id"]

    def first(sql, *params):
        return query(app, sql, params)[0]["id"]

    return {
        "resident_id": resident,
        "session_id": 1,  # any: a GET goes to the sessions page
        "interest_id": first("SELECT id FROM interests WHERE user_id = ? ORDER BY id", resident),
        "goal_id": first("SELECT id FROM plan_goals WHERE resident_id = ? ORDER BY id", resident),
        "step_id": first(
            "SELECT id FROM plan_steps WHERE goal_id IN (SELECT id FROM plan_goals WHERE resident_id = ?)",
            resident,
        ),
        "appointment_id": first(
            "SELECT id FROM appointments WHERE resident_id = ? AND status = 'planned' ORDER BY id", resident
        ),
        "job_id": first("SELECT id FROM jobs WHERE status = 'open' ORDER BY id"),
        "placement_id": 1,
        "target_id": first("SELECT target_id AS id FROM reports ORDER BY id"),
        "proposal_id": first("SELECT id FROM proposals WHERE status = 'open' ORDER BY id"),
        "notification_id": 1,  # none in the demo data: the GET does not look
        "batch_id": 1,  # a voting code batch: none in the demo data, the GET does not look
        "partner_id": first("SELECT id FROM job_partners ORDER BY id"),
    }


def post_only_rules(app):
    with_get = {rule.rule for rule in app.url_map.iter_rules() if "GET" in rule.methods and not is_again(rule)}
    return [rule for rule in app.url_map.iter_rules() if rule.rule not in with_get and not is_again(rule)]


def is_again(rule):
    return rule.endpoint.endswith(AGAIN)


def filled(rule, values):
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda match: str(values[match.group(1)]), rule.rule)


def test_there_are_post_only_urls_to_check(app):
    assert len(post_only_rules(app)) >= 20


def test_every_post_only_url_also_answers_get(app):
    """In the url_map: beside each POST-only rule, a GET rule on the same path."""
    get_paths = {rule.rule for rule in app.url_map.iter_rules() if "GET" in rule.methods}
    assert [rule.rule for rule in post_only_rules(app) if rule.rule not in get_paths] == []


def test_a_get_of_a_post_only_url_goes_to_a_page_never_405(app):
    values = ids(app)
    for rule in post_only_rules(app):
        path = filled(rule, values)
        shown = []
        for who in WHO:
            client = sign_in(app.test_client(), who)
            answer = client.get(path)
            assert answer.status_code in (303, 404), (path, who, answer.status_code)
            if answer.status_code == 303:
                target = answer.headers["Location"]
                assert target.startswith("/") and target.split("#")[0] != path, (path, who, target)
                if client.get(target).status_code == 200:
                    shown.append(who)
        # Someone who may send this form lands on a page that opens (a 200).
        assert set(shown) - {None}, (path, shown)


@pytest.mark.parametrize(
    ("who", "path", "target"),
    [
        (
            "coach",
            "/caseload/{resident_id}/interests/{interest_id}",
            "/caseload/{resident_id}#interest-{interest_id}",
        ),
        ("coach", "/caseload/{resident_id}/plan/goals", "/caseload/{resident_id}"),
        ("coach", "/caseload/{resident_id}/start-code", "/caseload/{resident_id}"),
        ("coach", "/plan/goals/{goal_id}/change", "/caseload/{resident_id}#goal-{goal_id}"),
        ("bewoner", "/plan/goals/{goal_id}/change", "/plan#goal-{goal_id}"),
        ("coach", "/plan/steps/{step_id}/done", "/caseload/{resident_id}#step-{step_id}"),
        ("bewoner", "/plan/steps/{step_id}/done", "/plan#step-{step_id}"),
        ("coach", "/appointments/{appointment_id}/cancel", "/caseload/{resident_id}#appointments"),
        ("bewoner", "/appointments/{appointment_id}/accept", "/appointments"),
        ("gemeente", "/gemeente/jobs/{job_id}/publish", "/gemeente/jobs/{job_id}/edit"),
        (
            "gemeente",
            "/gemeente/jobs/{job_id}/placements/{placement_id}/remove",
            "/gemeente/jobs/{job_id}/placements",
        ),
        ("gemeente", "/gemeente/reports/comment/{target_id}", "/gemeente/reports"),
        ("gemeente", "/gemeente/settings/wage", "/gemeente/settings"),
        ("gemeente", "/gemeente/settings/bijstand", "/gemeente/settings"),
        ("gemeente", "/gemeente/jobs/{job_id}/partners", "/gemeente/jobs/{job_id}/edit"),
        ("gemeente", "/gemeente/jobs/{job_id}/partners/{partner_id}/remove", "/gemeente/jobs/{job_id}/edit"),
        ("bewoner", "/jobs/{job_id}/interest/withdraw", "/jobs/{job_id}"),
        ("bewoner", "/proposals/{proposal_id}/vote", "/proposals/{proposal_id}"),
        ("bewoner", "/push/subscriptions", "/settings"),
        ("bewoner", "/settings/language", "/settings"),
    ],
)
def test_the_get_goes_to_the_page_the_form_lives_on(app, who, path, target):
    values = ids(app)
    answer = sign_in(app.test_client(), who).get(path.format(**values))
    assert answer.status_code == 303
    assert answer.headers["Location"] == target.format(**values)


def test_someone_else_s_plan_url_says_not_found(app):
    """The GET asks who the goal belongs to, as the POST does: no hint for another coach."""
    goal = ids(app)["goal_id"]
    assert sign_in(app.test_client(), "coach2").get(f"/plan/goals/{goal}/change").status_code == 404


def test_a_refused_form_at_a_post_only_url_reloads_to_its_page(app):
    """The coach's 'not now' without a reason: refused at the POST URL, whose GET
    then goes back to the participant, at the interest."""
    values = ids(app)
    client = sign_in(app.test_client(), "coach")
    path = "/caseload/{resident_id}/interests/{interest_id}".format(**values)
    token = re.search(
        r'name="csrf_token" value="([^"]+)"', page(client.get("/caseload/{resident_id}".format(**values)))
    )
    prefix = "interest{interest_id}-".format(**values)
    refused = client.post(
        path, data={"csrf_token": token.group(1), prefix + "answer": "not_now", prefix + "reason": ""}
    )
    assert refused.status_code == 422
    assert f'id="{prefix}errors"' in page(refused)
    assert f'action="{path}#{prefix}errors"' in page(refused)
    assert client.get(path).status_code == 303
