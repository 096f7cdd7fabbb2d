"""A resident without a coach (signed up on their own) reads only what is true.

Every text that speaks of "your coach" has a true variant for them: the
municipality sees the interest and gives a coach within the working days it
sets. The municipality sees who waits first, with a count in its menu;
assigning a first coach tells the resident, and the new coach sees what waited.
"""

import re

import pytest
from http_support import (
    DEMO_INTEREST_JOB,
    OTHER_JOB,
    count,
    execute,
    nt,
    page,
    post_form,
    query,
    scalar,
    sign_in,
    snapshot,
    t,
    t_isolated,
    user_id,
)

from webapp.coaching.formatting import day_date, working_days_since

# What a resident with a coach reads, and one without never does.
COACH_TEXTS = (
    "Your coach can now see that you want this job.",
    "You said you want this job. Your coach can see it.",
    "A short message for your coach (not required)",
    "These are the jobs you want. Your coach sees this list too.",
    "We use your answers to show the jobs that fit you best. Your coach sees them too.",
    "You make this plan together with your coach. You both see everything in it. You can both tick off a step.",
    "You have no appointments coming up. Your coach plans them with you.",
    "Your coach sees your profile, your messages, your appointments and your plan. "
    "Every time your coach opens them, we write it down here.",
    "There is nothing in the plan yet. Add a first goal together.",
)
RESIDENT_PAGES = ("/coach", "/messages", "/interests", "/profile/start", "/plan", "/appointments")


def coming(app, days=5):
    return nt(
        app,
        "The municipality gives you a coach within about %(num)d working day, and you hear it here in the app.",
        "The municipality gives you a coach within about %(num)d working days, and you hear it here in the app.",
        days,
    )


@pytest.fixture
def alone(app):
    """Henk as if he signed up on his own: no coach, no thread, no appointments, no plan."""
    henk = user_id(app, "bewoner2")
    execute(app, "UPDATE users SET coach_id = NULL WHERE id = ?", (henk,))
    for table in ("messages", "appointments", "plan_goals"):
        execute(app, f"DELETE FROM {table} WHERE resident_id = ?", (henk,))  # noqa: S608
    execute(app, "DELETE FROM interests WHERE user_id = ?", (henk,))
    return henk


def show_interest(client, job=OTHER_JOB, message="Ik kan maandag beginnen"):
    return post_form(client, f"/jobs/{job}/interest", {"message": message}, token_from=f"/jobs/{job}")


def everything_read(client, job=OTHER_JOB):
    return "\n".join(page(client.get(path)) for path in (*RESIDENT_PAGES, f"/jobs/{job}"))


def test_a_resident_without_a_coach_never_reads_the_coach_texts(app, client, alone):
    sign_in(client, "bewoner2")
    before = everything_read(client)
    answer = show_interest(client)
    assert answer.status_code == 303
    seen = before + page(client.get(answer.headers["Location"])) + everything_read(client)
    for text in COACH_TEXTS:
        assert t(app, text) not in seen, text
    assert t(app, "Messages with %(name)s", name=t(app, "Your coach")) not in seen


def test_a_resident_without_a_coach_reads_who_sees_it_and_when_a_coach_comes(app, client, alone):
    sign_in(client, "bewoner2")
    answer = show_interest(client)
    job_page = page(client.get(answer.headers["Location"]))
    assert t(app, "The municipality can now see that you want this job.") in job_page
    assert t(app, "You said you want this job. The municipality can see it.") in job_page
    assert coming(app) in job_page
    interests = page(client.get("/interests"))
    assert t(app, "These are the jobs you want. The municipality sees this list too.") in interests
    assert coming(app) in interests
    assert t(app, "A short message for the coach you will get (not required)") in page(
        client.get(f"/jobs/{DEMO_INTEREST_JOB}")
    )
    start = (
        "We use your answers to show the jobs that fit you best. When you have a coach, your coach sees them too."
    )
    assert t(app, start) in page(client.get("/profile/start"))
    plan = page(client.get("/plan"))
    assert (
        t(app, "There is nothing in your plan yet. You can write a first goal now, or wait for your coach.")
        in plan
    )


@pytest.mark.parametrize("path", ["/coach", "/messages"])
def test_coach_and_messages_explain_the_wait_without_a_message_box(app, client, alone, path):
    sign_in(client, "bewoner2")
    html = page(client.get(path))
    notice = re.search(r'<div class="notice" role="status" id="no-coach">(.*?)</div>', html, re.S)
    assert notice, "the two sentences about the wait"
    text = " ".join(re.sub(r"<[^>]+>", " ", notice.group(1)).split())
    assert text == f"{t(app, 'You do not have a coach yet.')} {coming(app)}"
    assert 'id="message-form"' not in html
    assert 'id="thread-empty"' not in html  # no empty thread either
    assert t(app, "No messages yet.") not in html


def test_the_wait_follows_the_municipality_setting(app, client, alone):
    sign_in(client, "gemeente")
    data = {
        "threshold": "25",
        "voting_days": "42",
        "vote_limit": "5",
        "coach_days": "8",
        "objection_days": "28",
        "vote_proofs": ["coach", "code"],
    }
    assert post_form(client, "/gemeente/settings", data).status_code == 303
    sign_in(client, "bewoner2")
    assert coming(app, 8) in page(client.get("/coach"))


def test_sending_a_message_without_a_coach_is_refused_and_stores_nothing(app, client, alone):
    sign_in(client, "bewoner2")
    before = snapshot(app, "messages", "notifications")
    response = post_form(client, "/messages", {"body": "Hallo, is daar iemand?"})
    assert response.status_code == 409
    assert t(app, "You cannot send messages here now. Your text is still here.") in page(response)
    assert snapshot(app, "messages", "notifications") == before


def test_a_resident_with_a_coach_still_reads_the_coach_texts(app, client):
    sign_in(client, "bewoner")  # Fatima, coached by Sanne de Vries
    execute(app, "DELETE FROM interests WHERE user_id = ? AND job_id = ?", (user_id(app, "bewoner"), OTHER_JOB))
    job = page(client.get(f"/jobs/{OTHER_JOB}"))
    assert t(app, "A short message for your coach (not required)") in job
    answer = show_interest(client)
    job_page = page(client.get(answer.headers["Location"]))
    assert t(app, "Your coach can now see that you want this job.") in job_page
    assert t(app, "You said you want this job. Your coach can see it.") in job_page
    assert t(app, "These are the jobs you want. Your coach sees this list too.") in page(client.get("/interests"))
    coach_page = page(client.get("/coach"))
    assert 'id="no-coach"' not in coach_page and 'id="message-form"' in coach_page
    assert t_isolated(app, "Messages with %(name)s", {"name": "Sanne de Vries"}) in page(client.get("/messages"))
    assert t(app, COACH_TEXTS[5]) in page(client.get("/plan"))  # together with your coach
    assert coming(app) not in job_page + coach_page


# --- the municipality's side ------------------------------------------------------------


def test_the_caseload_page_lists_who_waits_first_with_interests_and_how_long(app, client, alone):
    sign_in(client, "bewoner2")
    show_interest(client)
    execute(app, "UPDATE users SET created_at = '2026-11-02T09:00:00Z' WHERE id = ?", (alone,))
    sign_in(client, "gemeente")
    html = page(client.get("/gemeente/caseloads"))
    waiting = html.index(t(app, "Waiting for a coach"))
    assert waiting < html.index(t(app, "All caseloads")) < html.index('role="search"')
    entry = re.search(rf'<li id="waiting-{alone}">(.*?)</li>', html, re.S).group(1)
    assert "Henk" in entry
    title = scalar(app, "SELECT title_nl FROM jobs WHERE id = ?", (OTHER_JOB,))
    assert title in entry  # what he wants
    assert "2 november" in entry  # waiting since he signed up
    assert t(app, "longer than promised") in entry


def test_the_workspace_menu_counts_who_waits(app, client, alone):
    sign_in(client, "gemeente")
    waiting = scalar(
        app,
        "SELECT COUNT(*) FROM users WHERE role = 'resident' AND coach_id IS NULL AND password_hash IS NOT NULL",
    )
    assert waiting >= 1
    for path in ("/gemeente", "/gemeente/caseloads", "/gemeente/settings"):
        html = page(client.get(path))
        menu = re.search(r'<nav class="sub-nav".*?</nav>', html, re.S).group(0)
        badge = re.search(r'<span class="count-badge">(\d+)<span class="visually-hidden"> (.*?)</span>', menu)
        assert badge and int(badge.group(1)) == waiting, path
        assert badge.group(2) == nt(app, "resident waits for a coach", "residents wait for a coach", waiting)


def test_no_count_in_the_menu_when_nobody_waits(app, client):
    execute(
        app, "UPDATE users SET coach_id = (SELECT id FROM users WHERE username = 'coach') WHERE role = 'resident'"
    )
    sign_in(client, "gemeente")
    html = page(client.get("/gemeente/caseloads"))
    assert 'class="count-badge"' not in html
    assert t(app, "Every resident has a coach.") in html


def test_a_first_coach_is_announced_to_the_resident_and_sees_what_waited(app, client, alone):
    sign_in(client, "bewoner2")
    show_interest(client)
    sign_in(client, "gemeente")
    coach = user_id(app, "coach2")
    assert post_form(client, f"/gemeente/caseloads/{alone}", {"coach": str(coach)}).status_code == 303
    assert count(app, "notifications", "user_id = ? AND kind = 'coach_assigned'", (alone,)) == 1
    assert count(app, "notifications", "user_id = ? AND kind = 'coach_changed'", (alone,)) == 0
    sign_in(client, "bewoner2")
    assert t(app, "You have a coach now. You can send your coach a message.") in page(client.get("/notifications"))
    assert 'id="message-form"' in page(client.get("/coach"))
    sign_in(client, "coach2")
    participant = page(client.get(f"/caseload/{alone}"))
    assert "Ik kan maandag beginnen" in participant
    created = query(app, "SELECT created_at FROM interests WHERE user_id = ?", (alone,))[0]["created_at"]
    with app.test_request_context("/?lang=nl"):
        app.preprocess_request()
        since, days = day_date(created), working_days_since(created)
    waited = nt(
        app,
        "Waiting for an answer since %(date)s: %(num)d working day",
        "Waiting for an answer since %(date)s: %(num)d working days",
        days,
        date=since,
    )
    assert waited in participant


def test_a_change_of_coach_still_says_new_coach(app, client):
    sign_in(client, "gemeente")
    fatima = user_id(app, "bewoner")
    post_form(client, f"/gemeente/caseloads/{fatima}", {"coach": str(user_id(app, "coach2"))})
    assert count(app, "notifications", "user_id = ? AND kind = 'coach_changed'", (fatima,)) == 1
    assert count(app, "notifications", "user_id = ? AND kind = 'coach_assigned'", (fatima,)) == 0
