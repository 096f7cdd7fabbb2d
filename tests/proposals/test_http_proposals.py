"""Proposals over HTTP: who may open and post what, votes (idempotent, limits,
thresholds, deadlines), drafts, comments, reports, bad input and htmx."""

import html
import re
import uuid
from collections import Counter

import pytest
from http_support import (
    LONG,
    SCRIPT,
    SQL,
    count,
    csrf_token,
    execute,
    messages,
    nt,
    page,
    post_form,
    query,
    scalar,
    sign_in,
    snapshot,
    t,
    user_id,
)
from proposal_support import (
    APPROVED,
    CHANGES_ASKED,
    CLOSED,
    DRAFT,
    HIDDEN_COMMENT_TEXT,
    HUGE_ID,
    JOB_CREATED,
    NO_HOME,
    OPEN_BY_BEWONER,
    OPEN_CENTRUM,
    OPEN_DE_HOVEN,
    OPEN_VOGELBUURT,
    REJECTED,
    RESIDENT_CENTRUM,
    RESIDENT_NOORD,
    RESIDENT_NOORD_2,
    VALID_PROPOSAL,
    WITH_GEMEENTE,
    WITHDRAWN,
)

import webapp.db
from webapp.proposals.changes import close_expired
from webapp.proposals.queries import now_utc

ANON = None
AUTHOR = "buurtgroep"  # author of 1, 7 (draft) and 8 (changes asked)
WHO = (ANON, RESIDENT_NOORD, RESIDENT_CENTRUM, NO_HOME, AUTHOR, "coach", "gemeente")
TABLES = ("proposals", "votes", "proposal_events", "proposal_comments", "reports", "notifications", "jobs")


def login(path=None):
    return ("login", path)


def check(response, status, location=None):
    assert response.status_code == status, page(response)[:2000]
    if isinstance(location, tuple):
        assert response.headers["Location"].startswith("/login")
        if location[1]:
            assert re.search(r"next=([^&]+)", response.headers["Location"])
    elif location is not None:
        assert response.headers["Location"] == location


def has(app, body, msgid, **values):
    """The translated text is on the page (compared unescaped: quotes differ)."""
    return html.unescape(t(app, msgid, **values)) in html.unescape(body)


def test_demo_ids_are_what_the_tests_think(reader_app):
    found = query(reader_app, "SELECT id, status FROM proposals")
    statuses = {row["id"]: row["status"] for row in found}
    assert statuses[OPEN_DE_HOVEN] == "open" and statuses[DRAFT] == "draft"
    assert statuses[WITH_GEMEENTE] == "with_gemeente" and statuses[APPROVED] == "approved"
    assert statuses[JOB_CREATED] == "job_created" and statuses[CHANGES_ASKED] == "changes_asked"
    assert statuses[CLOSED] == "closed" and statuses[WITHDRAWN] == "withdrawn"
    assert statuses[REJECTED] == "rejected"
    found = query(reader_app, "SELECT proposals.id, username FROM proposals JOIN users ON users.id = author_id")
    authors = {row["id"]: row["username"] for row in found}
    assert authors[OPEN_DE_HOVEN] == AUTHOR and authors[OPEN_BY_BEWONER] == RESIDENT_NOORD
    voted = "SELECT COUNT(*) FROM votes JOIN users ON users.id = user_id WHERE username = ? AND proposal_id = ?"
    assert scalar(reader_app, voted, (RESIDENT_NOORD, OPEN_DE_HOVEN)) == 1
    assert scalar(reader_app, voted, (RESIDENT_NOORD_2, OPEN_VOGELBUURT)) == 0
    assert scalar(reader_app, voted, (RESIDENT_NOORD_2, JOB_CREATED)) == 0


def test_demo_votes_keep_the_rules(reader_app):
    """Own wijk, not the author, at most 5 on open proposals, counts equal the rows."""
    wrong_wijk = scalar(
        reader_app,
        """
        SELECT COUNT(*) FROM votes
        JOIN proposals ON proposals.id = votes.proposal_id
        JOIN buurten AS pb ON pb.id = proposals.buurt_id
        JOIN profiles ON profiles.user_id = votes.user_id
        JOIN buurten AS hb ON hb.id = profiles.home_buurt_id
        WHERE pb.wijk_id != hb.wijk_id""",
    )
    assert wrong_wijk == 0
    assert (
        scalar(
            reader_app,
            "SELECT COUNT(*) FROM votes JOIN proposals ON proposals.id = "
            "votes.proposal_id WHERE votes.user_id = proposals.author_id",
        )
        == 0
    )
    most = scalar(
        reader_app,
        """SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM votes
        JOIN proposals ON proposals.id = votes.proposal_id WHERE proposals.status = 'open'
        GROUP BY votes.user_id)""",
    )
    assert most <= 5
    assert (
        scalar(
            reader_app,
            """SELECT COUNT(*) FROM proposals WHERE vote_count !=
        (SELECT COUNT(*) FROM votes WHERE votes.proposal_id = proposals.id)""",
        )
        == 0
    )


# --- who may open which page -----------------------------------------------------


def everyone(status):
    return {who: status for who in WHO}


def logged_in(status, **others):
    expected = {who: status for who in WHO}
    expected[ANON] = "login"
    expected.update({who.replace("_", "-"): value for who, value in others.items()})
    return expected


def only(allowed, status=200, others=403):
    expected = {who: (status if who in allowed else others) for who in WHO}
    expected[ANON] = "login"
    return expected


GET_ROUTES = {
    "/proposals": everyone(200),
    "/proposals?area=w2&status=open": everyone(200),
    "/proposals?area=b4": everyone(200),
    "/proposals?status=nope": everyone(400),
    "/proposals?area=x1": everyone(400),
    "/proposals?page=abc": everyone(400),
    "/proposals?page=500": everyone(404),
    f"/proposals/{OPEN_DE_HOVEN}": everyone(200),
    f"/proposals/{CLOSED}": everyone(200),
    f"/proposals/{WITHDRAWN}": everyone(200),
    f"/proposals/{JOB_CREATED}": everyone(200),
    f"/proposals/{DRAFT}": {**everyone(404), AUTHOR: 200},
    "/proposals/999999": everyone(404),
    f"/proposals/{HUGE_ID}": everyone(404),
    "/proposals/abc": everyone(404),
    "/proposals/new": only((RESIDENT_NOORD, RESIDENT_CENTRUM, NO_HOME, AUTHOR)),
    f"/proposals/{DRAFT}/edit": {**only((AUTHOR,), others=404)},
    f"/proposals/{CHANGES_ASKED}/edit": only((AUTHOR,)),
    f"/proposals/{OPEN_DE_HOVEN}/edit": only((AUTHOR,), status=303),
    f"/proposals/{OPEN_DE_HOVEN}/withdraw": only((AUTHOR,)),
    f"/proposals/{WITH_GEMEENTE}/withdraw": only((AUTHOR,), status=303),
    f"/proposals/{DRAFT}/withdraw": only((AUTHOR,), others=404),
    f"/proposals/{OPEN_DE_HOVEN}/report": logged_in(200),
    f"/proposals/{OPEN_DE_HOVEN}/report?comment=1": logged_in(200),
    f"/proposals/{OPEN_DE_HOVEN}/report?comment=99999": logged_in(404),
    f"/proposals/{OPEN_DE_HOVEN}/report?comment=abc": logged_in(404),
    f"/proposals/{DRAFT}/report": {**logged_in(404), AUTHOR: 200},
}


def _get_cases():
    for path, expected in GET_ROUTES.items():
        for who, status in expected.items():
            yield pytest.param(path, who, status, id=f"{path}-{who or 'anonymous'}")


@pytest.mark.parametrize(("path", "who", "status"), list(_get_cases()))
def test_get_access(reader, path, who, status):
    sign_in(reader, who)
    response = reader.get(path)
    if status == "login":
        check(response, 303, login(path))
    else:
        check(response, status)


# POST routes: (path, data, {who: status or (status, location)}); each on a fresh database.
VOTE = f"/proposals/{OPEN_VOGELBUURT}/vote"
POST_ROUTES = [
    (
        VOTE,
        {},
        {
            ANON: "login",
            RESIDENT_NOORD: 303,
            RESIDENT_CENTRUM: 403,
            NO_HOME: 409,
            AUTHOR: 403,
            "coach": 403,
            "gemeente": 403,
        },
    ),
    (f"/proposals/{OPEN_BY_BEWONER}/vote", {}, {RESIDENT_NOORD: 403}),
    (f"/proposals/{CLOSED}/vote", {}, {RESIDENT_NOORD: 409, ANON: "login"}),
    (f"/proposals/{WITHDRAWN}/vote", {}, {RESIDENT_NOORD: 409}),
    (f"/proposals/{WITH_GEMEENTE}/vote", {}, {RESIDENT_NOORD: 303}),  # she voted: the same answer
    (f"/proposals/{JOB_CREATED}/vote", {}, {RESIDENT_NOORD: 303, RESIDENT_NOORD_2: 409}),
    (f"/proposals/{DRAFT}/vote", {}, {RESIDENT_NOORD: 404, AUTHOR: 403}),
    ("/proposals/999999/vote", {}, {RESIDENT_NOORD: 404, ANON: "login"}),
    (f"/proposals/{HUGE_ID}/vote", {}, {RESIDENT_NOORD: 404}),
    (
        f"/proposals/{OPEN_DE_HOVEN}/unvote",
        {},
        {ANON: "login", RESIDENT_NOORD: 303, RESIDENT_CENTRUM: 303, "coach": 303},
    ),
    (f"/proposals/{WITH_GEMEENTE}/unvote", {}, {RESIDENT_NOORD: 409}),
    ("/proposals/999999/unvote", {}, {RESIDENT_NOORD: 404}),
    (
        "/proposals/new",
        VALID_PROPOSAL,
        {ANON: "login", RESIDENT_NOORD: 303, NO_HOME: 303, AUTHOR: 303, "coach": 403, "gemeente": 403},
    ),
    (
        f"/proposals/{DRAFT}/edit",
        VALID_PROPOSAL,
        {ANON: "login", AUTHOR: 303, RESIDENT_NOORD: 404, "gemeente": 404},
    ),
    (f"/proposals/{CHANGES_ASKED}/edit", VALID_PROPOSAL, {AUTHOR: 303, RESIDENT_NOORD: 403}),
    (f"/proposals/{DRAFT}/publish", {}, {ANON: "login", AUTHOR: 303, RESIDENT_NOORD: 404, "gemeente": 404}),
    (f"/proposals/{OPEN_DE_HOVEN}/publish", {}, {AUTHOR: 303, RESIDENT_NOORD: 403}),
    (
        f"/proposals/{CHANGES_ASKED}/resubmit",
        {"reason": "Aangepast"},
        {ANON: "login", AUTHOR: 303, RESIDENT_NOORD: 403, "gemeente": 403},
    ),
    (
        f"/proposals/{OPEN_DE_HOVEN}/withdraw",
        {"reason": ""},
        {ANON: "login", AUTHOR: 303, RESIDENT_NOORD: 403, "gemeente": 403},
    ),
    (
        f"/proposals/{OPEN_DE_HOVEN}/comments",
        {"kind": "question", "body": "Hoe laat?", "form_token": "a" * 32},
        {ANON: "login", RESIDENT_NOORD: 303, RESIDENT_CENTRUM: 303, "coach": 303, "gemeente": 303},
    ),
    (
        f"/proposals/{OPEN_DE_HOVEN}/comments",
        {"answer_to": "1", "body": "Om tien uur.", "form_token": "b" * 32},
        {AUTHOR: 303, "gemeente": 303, RESIDENT_NOORD: 403, RESIDENT_CENTRUM: 403},
    ),
    (
        f"/proposals/{WITHDRAWN}/comments",
        {"kind": "comment", "body": "Jammer", "form_token": "c" * 32},
        {RESIDENT_NOORD: 409},
    ),
    (
        f"/proposals/{DRAFT}/comments",
        {"kind": "comment", "body": "x", "form_token": "d" * 32},
        {RESIDENT_NOORD: 404},
    ),
    (
        f"/proposals/{OPEN_DE_HOVEN}/report",
        {"reason": "spam"},
        {ANON: "login", RESIDENT_NOORD: 303, "coach": 303, "gemeente": 303},
    ),
    (f"/proposals/{OPEN_DE_HOVEN}/report?comment=1", {"reason": "offensive"}, {RESIDENT_CENTRUM: 303}),
]


def _post_cases():
    for path, data, expected in POST_ROUTES:
        for who, status in expected.items():
            yield pytest.param(path, data, who, status, id=f"{path}-{who or 'anonymous'}")


@pytest.mark.parametrize(("path", "data", "who", "status"), list(_post_cases()))
def test_post_access(app, client, path, data, who, status):
    sign_in(client, who)
    response = post_form(client, path, data)
    if status == "login":
        check(response, 303, login())
    else:
        check(response, status)


CSRF_ROUTES = [
    (RESIDENT_NOORD, VOTE, {}),
    (RESIDENT_NOORD, f"/proposals/{OPEN_DE_HOVEN}/unvote", {}),
    (AUTHOR, "/proposals/new", VALID_PROPOSAL),
    (AUTHOR, f"/proposals/{DRAFT}/edit", VALID_PROPOSAL),
    (AUTHOR, f"/proposals/{DRAFT}/publish", {}),
    (AUTHOR, f"/proposals/{CHANGES_ASKED}/resubmit", {}),
    (AUTHOR, f"/proposals/{OPEN_DE_HOVEN}/withdraw", {}),
    (
        RESIDENT_NOORD,
        f"/proposals/{OPEN_DE_HOVEN}/comments",
        {"kind": "comment", "body": "Hoi", "form_token": "e" * 32},
    ),
    (RESIDENT_NOORD, f"/proposals/{OPEN_DE_HOVEN}/report", {"reason": "spam"}),
]


@pytest.mark.parametrize(("who", "path", "data"), CSRF_ROUTES, ids=[c[1] for c in CSRF_ROUTES])
@pytest.mark.parametrize("token", [None, "", "not-a-token"])
def test_post_without_valid_csrf_token_is_400_and_stores_nothing(app, client, who, path, data, token):
    sign_in(client, who)
    client.get("/settings")
    before = snapshot(app, *TABLES)
    form = dict(data)
    if token is not None:
        form["csrf_token"] = token
    response = client.post(path, data=form)
    assert response.status_code == 400
    assert t(app, "Please try again") in page(response)
    assert snapshot(app, *TABLES) == before


# --- votes -------------------------------------------------------------------------


def votes_of(app, proposal_id):
    return scalar(app, "SELECT COUNT(*) FROM votes WHERE proposal_id = ?", (proposal_id,))


def vote_count(app, proposal_id):
    return scalar(app, "SELECT vote_count FROM proposals WHERE id = ?", (proposal_id,))


def test_a_vote_counts_once_however_often_it_is_sent(app, client):
    sign_in(client, RESIDENT_NOORD)
    before = votes_of(app, OPEN_VOGELBUURT)
    answers = [post_form(client, VOTE) for _ in range(3)]
    assert [answer.status_code for answer in answers] == [303, 303, 303]
    assert len({answer.headers["Location"] for answer in answers}) == 1
    assert votes_of(app, OPEN_VOGELBUURT) == before + 1 == vote_count(app, OPEN_VOGELBUURT)
    assert (
        count(app, "votes", "proposal_id = ? AND user_id = ?", (OPEN_VOGELBUURT, user_id(app, RESIDENT_NOORD)))
        == 1
    )


def test_a_vote_says_thank_you_and_shows_the_new_count(app, client):
    sign_in(client, RESIDENT_NOORD)
    before = vote_count(app, OPEN_VOGELBUURT)
    response = post_form(client, VOTE, follow_redirects=True)
    body = page(response)
    assert t(app, "Thank you. Your vote counts.") in body
    assert t(app, "%(count)d of %(threshold)d votes", count=before + 1, threshold=25) in body
    assert t(app, "You voted for this proposal.") in body


def test_a_vote_from_the_list_goes_back_to_the_list(app, client):
    sign_in(client, RESIDENT_NOORD)
    response = post_form(client, VOTE, {"next": "/proposals?area=w2"})
    assert response.headers["Location"] == "/proposals?area=w2"
    response = post_form(client, VOTE, {"next": "https://evil.example/"})
    assert response.headers["Location"].startswith(f"/proposals/{OPEN_VOGELBUURT}")


def test_taking_back_a_vote(app, client):
    sign_in(client, RESIDENT_NOORD)
    before = votes_of(app, OPEN_DE_HOVEN)
    for _ in range(2):  # a repeat answers the same and changes nothing more
        response = post_form(client, f"/proposals/{OPEN_DE_HOVEN}/unvote", follow_redirects=True)
        assert response.status_code == 200
        assert t(app, "You took back your vote.") in page(response)
    assert votes_of(app, OPEN_DE_HOVEN) == before - 1 == vote_count(app, OPEN_DE_HOVEN)


def test_a_vote_after_the_threshold_cannot_be_taken_back(app, client):
    sign_in(client, RESIDENT_NOORD)
    before = votes_of(app, WITH_GEMEENTE)
    response = post_form(client, f"/proposals/{WITH_GEMEENTE}/unvote")
    assert response.status_code == 409
    assert t(app, "Voting has closed. Your vote stays.") in " ".join(messages(page(response)))
    assert votes_of(app, WITH_GEMEENTE) == before


@pytest.mark.parametrize(
    ("proposal", "msgid"),
    [
        (CLOSED, "Voting on this proposal has closed."),
        (WITHDRAWN, "This proposal was withdrawn. You cannot vote on it any more."),
        (REJECTED, "Voting on this proposal has closed."),
    ],
)
def test_no_vote_on_a_closed_or_withdrawn_proposal(app, client, proposal, msgid):
    execute(
        app,
        "UPDATE profiles SET home_buurt_id = (SELECT buurt_id FROM proposals WHERE id = ?) WHERE user_id = ?",
        (proposal, user_id(app, RESIDENT_NOORD)),
    )
    sign_in(client, RESIDENT_NOORD)
    before = snapshot(app, "votes")
    response = post_form(client, f"/proposals/{proposal}/vote")
    assert response.status_code == 409
    assert t(app, msgid) in " ".join(messages(page(response)))
    assert snapshot(app, "votes") == before


def test_another_wijk_cannot_vote_and_is_told_why(app, client):
    sign_in(client, RESIDENT_CENTRUM)
    response = post_form(client, VOTE)
    assert response.status_code == 403
    assert t(app, "Only residents of %(wijk)s can vote on this proposal.", wijk="Lindeveld-Noord") in " ".join(
        messages(page(response))
    )
    assert (
        count(app, "votes", "user_id = ? AND proposal_id = ?", (user_id(app, RESIDENT_CENTRUM), OPEN_VOGELBUURT))
        == 0
    )


def test_the_author_cannot_vote_for_their_own_proposal(app, client):
    sign_in(client, RESIDENT_NOORD)
    response = post_form(client, f"/proposals/{OPEN_BY_BEWONER}/vote")
    assert response.status_code == 403
    assert t(app, "This is your own proposal. You cannot vote for it.") in page(response)


def test_without_a_home_buurt_you_are_sent_to_choose_it(app, client):
    sign_in(client, NO_HOME)
    response = post_form(client, VOTE)
    assert response.status_code == 409
    body = page(response)
    assert t(app, "Tell us where you live first") in body
    assert 'href="/profile/buurt"' in body
    assert count(app, "votes", "user_id = ?", (user_id(app, NO_HOME),)) == 0


def test_the_vote_limit_counts_only_open_proposals(app, client):
    # bewoner has 1 vote on an open proposal and 2 on proposals that moved on.
    execute(app, "INSERT INTO settings (key, value, updated_at) VALUES ('vote_limit', '2', '')")
    sign_in(client, RESIDENT_NOORD)
    assert post_form(client, VOTE).status_code == 303
    execute(app, "UPDATE proposals SET status = 'open' WHERE id = ?", (OPEN_BY_BEWONER,))
    others = query(
        app,
        "SELECT id FROM proposals WHERE status = 'open' AND id NOT IN (?, ?, ?) AND buurt_id IN (4, 5, 6)",
        (OPEN_DE_HOVEN, OPEN_VOGELBUURT, OPEN_BY_BEWONER),
    )
    assert others == []  # no third open proposal in Noord: make one
    execute(
        app,
        "UPDATE proposals SET status = 'open', deadline = '2999-01-01T00:00:00Z' WHERE id = ?",
        (CHANGES_ASKED,),
    )
    response = post_form(client, f"/proposals/{CHANGES_ASKED}/vote")
    assert response.status_code == 409
    assert t(
        app, "You have used all %(limit)d votes. Take back a vote on another proposal first.", limit=2
    ) in " ".join(messages(page(response)))
    # Taking one back makes room.
    assert post_form(client, f"/proposals/{OPEN_DE_HOVEN}/unvote").status_code == 303
    assert post_form(client, f"/proposals/{CHANGES_ASKED}/vote").status_code == 303


def test_the_vote_that_reaches_the_threshold_sends_it_to_the_municipality(app, client):
    votes = vote_count(app, OPEN_VOGELBUURT)
    execute(app, "UPDATE proposals SET threshold = ? WHERE id = ?", (votes + 1, OPEN_VOGELBUURT))
    sign_in(client, RESIDENT_NOORD)
    assert post_form(client, VOTE).status_code == 303
    status = scalar(app, "SELECT status FROM proposals WHERE id = ?", (OPEN_VOGELBUURT,))
    assert status == "with_gemeente"
    event = query(app, "SELECT * FROM proposal_events WHERE proposal_id = ? ORDER BY id DESC", (OPEN_VOGELBUURT,))[
        0
    ]
    assert event["from_status"] == "open" and event["to_status"] == "with_gemeente"
    assert event["actor_id"] is None  # the votes moved it, not a person
    told = {
        row["user_id"] for row in query(app, "SELECT user_id FROM notifications WHERE kind = 'proposal_threshold'")
    }
    found = query(app, "SELECT user_id FROM votes WHERE proposal_id = ?", (OPEN_VOGELBUURT,))
    voters = {row["user_id"] for row in found}
    author = scalar(app, "SELECT author_id FROM proposals WHERE id = ?", (OPEN_VOGELBUURT,))
    assert told == voters | {author}
    # Voting has stopped: the next resident is told so.
    sign_in(client, RESIDENT_NOORD_2)
    assert post_form(client, VOTE).status_code == 409


def selects_while_posting(client, monkeypatch, path, headers):
    """The SELECTs one POST runs, seen through sqlite3's trace on the request's connection."""
    token = csrf_token(client)
    seen = []
    real_connect = webapp.db.connect

    def traced_connect(database):
        db = real_connect(database)
        db.conn.set_trace_callback(seen.append)
        return db

    monkeypatch.setattr(webapp.db, "connect", traced_connect)
    response = client.post(path, data={"csrf_token": token}, headers=headers)
    monkeypatch.setattr(webapp.db, "connect", real_connect)
    return response, [sql for sql in seen if sql.lstrip().upper().startswith("SELECT")]


@pytest.mark.parametrize(
    ("path", "headers", "status", "most"),
    [
        # The user, the proposal, the settings, their vote, their home wijk, their open votes.
        (VOTE, {}, 303, 6),
        (VOTE, {"HX-Request": "true"}, 200, 6),
        # The user, the proposal, their vote; the new box adds their wijk, open votes and the settings.
        (f"/proposals/{OPEN_DE_HOVEN}/unvote", {}, 303, 3),
        (f"/proposals/{OPEN_DE_HOVEN}/unvote", {"HX-Request": "true"}, 200, 6),
    ],
    ids=["vote", "vote-htmx", "unvote", "unvote-htmx"],
)
def test_a_vote_reads_each_thing_once(app, client, monkeypatch, path, headers, status, most):
    sign_in(client, RESIDENT_NOORD)
    response, selects = selects_while_posting(client, monkeypatch, path, headers)
    assert response.status_code == status
    assert len(selects) <= most, "\n".join(selects)
    assert len(set(selects)) == len(selects), "\n".join(selects)  # no SELECT runs twice
    tables = Counter(re.search(r"\bFROM\s+(\w+)", sql, re.IGNORECASE).group(1) for sql in selects)
    for table in ("users", "proposals", "settings", "profiles"):
        assert tables[table] <= 1, "\n".join(selects)


def test_a_proposal_past_its_deadline_closes_when_read(app, client):
    execute(app, "UPDATE proposals SET deadline = '2020-01-01T00:00:00Z' WHERE id = ?", (OPEN_VOGELBUURT,))
    body = page(client.get(f"/proposals/{OPEN_VOGELBUURT}"))
    assert scalar(app, "SELECT status FROM proposals WHERE id = ?", (OPEN_VOGELBUURT,)) == "closed"
    assert t(app, "The vote closed with too few votes") in body
    told = query(app, "SELECT user_id FROM notifications WHERE kind = 'proposal_closed'")
    assert len(told) == vote_count(app, OPEN_VOGELBUURT) + 1  # voters and the author
    sign_in(client, RESIDENT_NOORD)
    assert post_form(client, VOTE).status_code == 409


def test_the_list_closes_what_passed_its_deadline_too(app, client):
    execute(app, "UPDATE proposals SET deadline = '2020-01-01T00:00:00Z' WHERE status = 'open'")
    client.get("/proposals")
    assert count(app, "proposals", "status = 'open'") == 0


def test_close_expired_closes_each_once(app):
    from webapp.db import connect

    execute(app, "UPDATE proposals SET deadline = '2020-01-01T00:00:00Z' WHERE id = ?", (OPEN_VOGELBUURT,))
    db = connect(app.config["DATABASE"])
    try:
        assert close_expired(db, now_utc()) == 1
        assert close_expired(db, now_utc()) == 0
    finally:
        db.close()
    assert count(app, "proposal_events", "proposal_id = ? AND to_status = 'closed'", (OPEN_VOGELBUURT,)) == 1


def test_close_proposals_command(app):
    execute(app, "UPDATE proposals SET deadline = '2020-01-01T00:00:00Z' WHERE status = 'open'")
    opened = count(app, "proposals", "status = 'open'")
    result = app.test_cli_runner().invoke(args=["close-proposals"])
    assert result.exit_code == 0, result.output
    assert f"Closed {opened} proposal(s)" in result.output
    assert count(app, "proposals", "status = 'open'") == 0


def test_close_proposals_forgets_the_vote_ids_that_can_no_longer_matter(app, client):
    sign_in(client, RESIDENT_NOORD)
    for proposal in (OPEN_VOGELBUURT, OPEN_DE_HOVEN):
        post_form(
            client,
            f"/proposals/{proposal}/vote",
            {"client_id": str(uuid.uuid4())},
            token_from=f"/proposals/{proposal}",
        )
    assert count(app, "client_ids", "kind = 'vote'") == 2
    execute(app, "UPDATE proposals SET deadline = '2020-01-01T00:00:00Z' WHERE id = ?", (OPEN_DE_HOVEN,))
    result = app.test_cli_runner().invoke(args=["close-proposals"])
    assert "Forgot 1 client id(s)" in result.output
    # Voting still runs there: a late retry must still find its first answer.
    assert query(app, "SELECT item_id FROM client_ids") == [{"item_id": OPEN_VOGELBUURT}]


# --- htmx ------------------------------------------------------------------------------


def test_htmx_vote_swaps_the_vote_box(app, client):
    sign_in(client, RESIDENT_NOORD)
    response = post_form(client, VOTE, headers={"HX-Request": "true"})
    body = page(response)
    assert response.status_code == 200
    assert "<html" not in body
    assert f'id="vote-{OPEN_VOGELBUURT}"' in body
    assert t(app, "Take back my vote") in body
    assert "HX-Request" in response.headers["Vary"]


def test_htmx_refusal_is_the_box_with_the_reason(app, client):
    sign_in(client, RESIDENT_NOORD)
    response = post_form(client, f"/proposals/{CLOSED}/vote", headers={"HX-Request": "true"})
    assert response.status_code == 409
    body = page(response)
    assert "<html" not in body and 'role="alert"' in body


def test_htmx_without_a_home_buurt_shows_the_link_in_the_box(app, client):
    sign_in(client, NO_HOME)
    response = post_form(client, VOTE, headers={"HX-Request": "true"})
    assert response.status_code == 409
    body = page(response)
    assert "<html" not in body and 'href="/profile/buurt"' in body


def test_htmx_list_filter_gives_the_results_only(reader_app, reader):
    response = reader.get("/proposals?area=w1", headers={"HX-Request": "true"})
    body = page(response)
    assert response.status_code == 200 and "<html" not in body
    assert "Taalmaatjes" in body and "Boodschappendienst" not in body


# --- the list ------------------------------------------------------------------------


def test_the_list_shows_the_residents_own_wijk_first(reader):
    sign_in(reader, RESIDENT_CENTRUM)
    body = page(reader.get("/proposals"))
    assert body.index("Taalmaatjes") < body.index("Boodschappendienst")
    sign_in(reader, RESIDENT_NOORD)
    body = page(reader.get("/proposals"))
    assert body.index("Boodschappendienst") < body.index("Taalmaatjes")


def test_the_list_hides_drafts_and_hidden_proposals(app, client):
    body = page(client.get("/proposals"))
    assert "Boodschappen rondbrengen" not in body  # the draft
    execute(app, "UPDATE proposals SET moderation = 'hidden' WHERE id = ?", (OPEN_CENTRUM,))
    assert "Taalmaatjes" not in page(client.get("/proposals"))


def test_the_list_shows_status_count_threshold_and_days(reader_app, reader):
    body = page(reader.get("/proposals?status=open&area=b1"))
    assert t(reader_app, "Open for votes") in body
    assert t(reader_app, "%(count)d of %(threshold)d votes", count=11, threshold=25) in body
    assert re.search(r"<progress max=\"25\" value=\"11\"", body)


def test_the_author_sees_their_drafts_on_the_list(reader):
    sign_in(reader, AUTHOR)
    assert "Boodschappen rondbrengen" in page(reader.get("/proposals"))


# --- proposing --------------------------------------------------------------------------


def test_a_new_proposal_is_a_draft_and_only_once(app, client):
    sign_in(client, RESIDENT_NOORD)
    form = dict(VALID_PROPOSAL, form_token="f" * 32)
    first = post_form(client, "/proposals/new", form)
    second = post_form(client, "/proposals/new", form)
    assert first.status_code == second.status_code == 303
    assert first.headers["Location"] == second.headers["Location"]
    rows = query(app, "SELECT * FROM proposals WHERE title = ?", (VALID_PROPOSAL["title"],))
    assert len(rows) == 1
    assert rows[0]["status"] == "draft" and rows[0]["author_id"] == user_id(app, RESIDENT_NOORD)
    assert rows[0]["lang"] == "nl" and rows[0]["hours"] == 12


def test_a_draft_shows_similar_proposals_before_publishing(app, client):
    sign_in(client, AUTHOR)
    body = page(client.get(f"/proposals/{DRAFT}"))
    assert t(app, "Is this already there?") in body
    assert f'href="/proposals/{OPEN_DE_HOVEN}"' in body


def test_publishing_opens_the_vote_with_todays_settings(app, client):
    execute(
        app,
        "INSERT INTO settings (key, value, updated_at) VALUES ('threshold', '3', ''), ('voting_days', '10', '')",
    )
    sign_in(client, AUTHOR)
    assert post_form(client, f"/proposals/{DRAFT}/publish").status_code == 303
    row = query(app, "SELECT * FROM proposals WHERE id = ?", (DRAFT,))[0]
    assert row["status"] == "open" and row["threshold"] == 3
    days = query(
        app, "SELECT julianday(deadline) - julianday(opened_at) AS d FROM proposals WHERE id = ?", (DRAFT,)
    )[0]["d"]
    assert round(days) == 10
    assert post_form(client, f"/proposals/{DRAFT}/publish").status_code == 303  # a repeat
    assert count(app, "proposal_events", "proposal_id = ? AND to_status = 'open'", (DRAFT,)) == 1
    assert "Boodschappen rondbrengen" in page(client.get("/proposals"))


def test_editing_a_draft_saves_the_changes(app, client):
    sign_in(client, AUTHOR)
    response = post_form(client, f"/proposals/{DRAFT}/edit", dict(VALID_PROPOSAL, title="Nieuw"))
    assert response.status_code == 303
    assert scalar(app, "SELECT title FROM proposals WHERE id = ?", (DRAFT,)) == "Nieuw"


def test_an_open_proposal_cannot_be_edited(app, client):
    sign_in(client, AUTHOR)
    before = snapshot(app, "proposals")
    response = post_form(client, f"/proposals/{OPEN_DE_HOVEN}/edit", VALID_PROPOSAL)
    assert response.status_code == 303
    assert snapshot(app, "proposals") == before


def test_withdrawing_tells_the_voters(app, client):
    sign_in(client, AUTHOR)
    voters = votes_of(app, OPEN_DE_HOVEN)
    response = post_form(client, f"/proposals/{OPEN_DE_HOVEN}/withdraw", {"reason": "Geregeld"})
    assert response.status_code == 303
    assert scalar(app, "SELECT status FROM proposals WHERE id = ?", (OPEN_DE_HOVEN,)) == "withdrawn"
    assert count(app, "notifications", "kind = 'proposal_closed'") == voters
    assert "Geregeld" in page(client.get(f"/proposals/{OPEN_DE_HOVEN}"))
    assert post_form(client, f"/proposals/{OPEN_DE_HOVEN}/withdraw").status_code == 303
    assert count(app, "proposal_events", "to_status = 'withdrawn' AND proposal_id = ?", (OPEN_DE_HOVEN,)) == 1


def test_a_withdrawn_draft_stays_private(app, client):
    sign_in(client, AUTHOR)
    post_form(client, f"/proposals/{DRAFT}/withdraw")
    sign_in(client, RESIDENT_NOORD)
    assert client.get(f"/proposals/{DRAFT}").status_code == 404


def test_resubmitting_after_changes_goes_back_to_the_municipality(app, client):
    sign_in(client, AUTHOR)
    assert (
        post_form(client, f"/proposals/{CHANGES_ASKED}/resubmit", {"reason": "Met de corporatie"}).status_code
        == 303
    )
    assert scalar(app, "SELECT status FROM proposals WHERE id = ?", (CHANGES_ASKED,)) == "with_gemeente"
    assert "Met de corporatie" in page(client.get(f"/proposals/{CHANGES_ASKED}"))


BAD_PROPOSALS = [
    ({"title": ""}, "Give your proposal a short title."),
    ({"title": "   "}, "Give your proposal a short title."),
    ({"title": LONG}, "This is too long. Use at most %(max)d characters.", {"max": 120}),
    ({"tasks": ""}, "Say what the worker would do."),
    ({"problem": LONG}, "This is too long. Use at most %(max)d characters.", {"max": 2000}),
    ({"hours": "abc"}, "Fill in the hours a week: a number from 1 to 40."),
    ({"hours": "0"}, "Fill in the hours a week: a number from 1 to 40."),
    ({"hours": "99999999999999999999"}, "Fill in the hours a week: a number from 1 to 40."),
    ({"hours": SQL}, "Fill in the hours a week: a number from 1 to 40."),
    ({"buurt": "999"}, "Choose one of the options in the list."),
    ({"buurt": ""}, "Choose the neighbourhood."),
    ({"category": "nope"}, "Choose one of the options in the list."),
    ({"unpaid_now": ""}, "Choose an answer."),
    ({"far_from_work": "maybe"}, "Choose one of the options in the list."),
    ({"lang": "de"}, "Choose one of the options in the list."),
    ({"title": "a\x00b"}, "This text has characters we cannot save. Please type it again."),
]


@pytest.mark.parametrize("case", BAD_PROPOSALS, ids=[str(c[0])[:40] for c in BAD_PROPOSALS])
def test_bad_proposal_input_is_422_with_a_message_and_stores_nothing(app, client, case):
    changes, msgid, *values = case
    sign_in(client, RESIDENT_NOORD)
    before = snapshot(app, "proposals")
    response = post_form(client, "/proposals/new", dict(VALID_PROPOSAL, **changes))
    assert response.status_code == 422
    assert t(app, msgid, **(values[0] if values else {})) in " ".join(messages(page(response)))
    assert snapshot(app, "proposals") == before


def test_a_script_in_a_proposal_is_shown_escaped(app, client):
    sign_in(client, RESIDENT_NOORD)
    response = post_form(
        client, "/proposals/new", dict(VALID_PROPOSAL, title=SCRIPT, tasks=SQL), follow_redirects=True
    )
    body = page(response)
    assert SCRIPT not in body and "&lt;script&gt;" in body
    assert count(app, "users") > 0  # the SQL was only text


def test_a_missing_form_token_is_refused(app, client):
    sign_in(client, RESIDENT_NOORD)
    before = snapshot(app, "proposals")
    response = post_form(client, "/proposals/new", dict(VALID_PROPOSAL, form_token="x"))
    assert response.status_code == 422
    assert snapshot(app, "proposals") == before


# --- the page -----------------------------------------------------------------------------


def test_the_page_shows_the_timeline_and_decision(reader_app, reader):
    body = page(reader.get(f"/proposals/{REJECTED}"))
    assert has(reader_app, body, "The municipality's answer")
    assert "cleaning company" in body
    assert t(reader_app, "Published: open for votes") in body
    assert t(reader_app, "Enough votes: sent to the municipality") in body
    assert t(reader_app, "The municipality did not approve it") in body


def test_an_approved_proposal_says_who_pays_and_how_much(reader_app, reader):
    body = page(reader.get(f"/proposals/{APPROVED}"))
    assert "Zorgcentrum De Linde" in body
    assert "34.000" in body  # EUR 34,000 a year, in Dutch


def test_the_page_links_to_the_job_it_became(reader_app, reader):
    job = scalar(reader_app, "SELECT job_id FROM proposals WHERE id = ?", (JOB_CREATED,))
    assert f'href="/jobs/{job}"' in page(reader.get(f"/proposals/{JOB_CREATED}"))
    body = page(reader.get(f"/jobs/{job}"))
    expected = nt(
        reader_app,
        "Proposed by residents of %(buurt)s, %(num)d vote",
        "Proposed by residents of %(buurt)s, %(num)d votes",
        25,
        buurt="Vogelbuurt",
    )
    assert html.unescape(expected) in html.unescape(body)


def test_the_page_never_names_the_voters_or_resident_commenters(reader):
    body = page(reader.get(f"/proposals/{OPEN_DE_HOVEN}"))
    for name in ("Ayşe", "Bram", "Chantal", "buur-2-"):
        assert name not in body


def test_a_hidden_comment_is_hidden_except_for_the_municipality(reader):
    assert HIDDEN_COMMENT_TEXT not in page(reader.get(f"/proposals/{OPEN_DE_HOVEN}"))
    sign_in(reader, "gemeente")
    assert HIDDEN_COMMENT_TEXT in page(reader.get(f"/proposals/{OPEN_DE_HOVEN}"))


def test_anonymous_visitors_are_asked_to_log_in_to_vote(reader_app, reader):
    body = page(reader.get(f"/proposals/{OPEN_VOGELBUURT}"))
    assert t(reader_app, "Log in to vote") in body
    assert f'action="/proposals/{OPEN_VOGELBUURT}/vote"' not in body


# --- comments and reports ---------------------------------------------------------------------


def test_a_comment_is_stored_once(app, client):
    sign_in(client, RESIDENT_NOORD)
    data = {"kind": "question", "body": "Hoe laat begint het?", "form_token": "1" * 32}
    for _ in range(2):
        assert post_form(client, f"/proposals/{OPEN_DE_HOVEN}/comments", data).status_code == 303
    assert count(app, "proposal_comments", "body = ?", (data["body"],)) == 1
    assert data["body"] in page(client.get(f"/proposals/{OPEN_DE_HOVEN}"))


def test_a_question_tells_the_author_once(app, client):
    sign_in(client, RESIDENT_NOORD)
    data = {"kind": "question", "body": "Wie betaalt de fietsen?", "form_token": "4" * 32}
    for _ in range(2):  # a double tap: one comment, one notification
        post_form(client, f"/proposals/{OPEN_DE_HOVEN}/comments", data)
    comment = scalar(app, "SELECT id FROM proposal_comments WHERE body = ?", (data["body"],))
    told = query(app, "SELECT user_id, link FROM notifications WHERE kind = 'proposal_comment'")
    assert told == [{"user_id": user_id(app, AUTHOR), "link": f"/proposals/{OPEN_DE_HOVEN}#comment-{comment}"}]
    author = app.test_client()
    sign_in(author, AUTHOR)
    body = page(author.get("/notifications"))
    assert t(app, "Someone wrote something about your proposal.") in body
    assert data["body"] not in body  # nothing of what was written: phones show it on the lock screen


def test_an_answer_tells_whoever_asked(app, client):
    asker = scalar(app, "SELECT author_id FROM proposal_comments WHERE id = 1")
    sign_in(client, AUTHOR)
    data = {"answer_to": "1", "body": "Om tien uur.", "form_token": "5" * 32}
    post_form(client, f"/proposals/{OPEN_DE_HOVEN}/comments", data)
    told = query(app, "SELECT user_id, kind FROM notifications WHERE kind LIKE 'proposal_%'")
    assert told == [{"user_id": asker, "kind": "proposal_answer"}]


def test_the_authors_answer_is_marked_as_an_answer(app, client):
    sign_in(client, AUTHOR)
    data = {"answer_to": "1", "body": "Om negen uur.", "form_token": "2" * 32}
    assert post_form(client, f"/proposals/{OPEN_DE_HOVEN}/comments", data).status_code == 303
    row = query(app, "SELECT * FROM proposal_comments WHERE body = 'Om negen uur.'")[0]
    assert row["kind"] == "answer" and row["parent_id"] == 1
    assert t(app, "Answer from the author") in page(client.get(f"/proposals/{OPEN_DE_HOVEN}"))


def test_an_answer_to_an_unknown_or_foreign_comment_is_404(app, client):
    other = scalar(app, "SELECT id FROM proposal_comments WHERE proposal_id != ? LIMIT 1", (OPEN_DE_HOVEN,))
    sign_in(client, AUTHOR)
    for target in ("99999", str(other)):
        data = {"answer_to": target, "body": "x", "form_token": "3" * 32}
        assert post_form(client, f"/proposals/{OPEN_DE_HOVEN}/comments", data).status_code == 404


@pytest.mark.parametrize(
    ("data", "msgid"),
    [
        ({"kind": "question", "body": ""}, "Write your question or comment."),
        ({"kind": "question", "body": LONG}, "This is too long. Use at most %(max)d characters."),
        ({"kind": "shout", "body": "Hoi"}, "Choose one of the options in the list."),
        ({"body": "Hoi"}, "Choose an answer."),
    ],
)
def test_bad_comments_are_422_and_store_nothing(app, client, data, msgid):
    sign_in(client, RESIDENT_NOORD)
    before = snapshot(app, "proposal_comments")
    response = post_form(client, f"/proposals/{OPEN_DE_HOVEN}/comments", dict(data, form_token="4" * 32))
    assert response.status_code == 422
    shown = " ".join(messages(page(response)))
    assert t(app, msgid, max=1000) in shown
    assert snapshot(app, "proposal_comments") == before


def test_a_script_in_a_comment_is_escaped(app, client):
    sign_in(client, RESIDENT_NOORD)
    post_form(
        client, f"/proposals/{OPEN_DE_HOVEN}/comments", {"kind": "comment", "body": SCRIPT, "form_token": "5" * 32}
    )
    assert SCRIPT not in page(client.get(f"/proposals/{OPEN_DE_HOVEN}"))


def test_three_reports_hide_a_comment_until_the_municipality_looks(app, client):
    comment = scalar(app, "SELECT id FROM proposal_comments WHERE body LIKE 'Goed idee%'")
    for who in (RESIDENT_NOORD, RESIDENT_CENTRUM, "coach"):
        sign_in(client, who)
        for _ in range(2):  # a second report by the same person does not count
            response = post_form(
                client, f"/proposals/{OPEN_DE_HOVEN}/report?comment={comment}", {"reason": "offensive"}
            )
            assert response.status_code == 303
    assert count(app, "reports", "target_kind = 'comment' AND target_id = ?", (comment,)) == 3
    state = scalar(app, "SELECT moderation FROM proposal_comments WHERE id = ?", (comment,))
    assert state == "hidden"
    sign_in(client, NO_HOME)
    assert "Goed idee" not in page(client.get(f"/proposals/{OPEN_DE_HOVEN}"))


def test_three_reports_hide_a_proposal(app, client):
    for who in (RESIDENT_NOORD, RESIDENT_CENTRUM, "coach"):
        sign_in(client, who)
        post_form(client, f"/proposals/{OPEN_CENTRUM}/report", {"reason": "spam"})
    assert scalar(app, "SELECT moderation FROM proposals WHERE id = ?", (OPEN_CENTRUM,)) == "hidden"
    sign_in(client, NO_HOME)
    body = page(client.get(f"/proposals/{OPEN_CENTRUM}"))
    assert "Taalmaatjes" not in body
    assert t(app, "This proposal is hidden. People reported it. The municipality will look at it soon.") in body


def test_a_report_needs_a_known_reason(app, client):
    sign_in(client, RESIDENT_NOORD)
    before = snapshot(app, "reports")
    for reason in ("", "boring", SQL):
        response = post_form(client, f"/proposals/{OPEN_DE_HOVEN}/report", {"reason": reason})
        assert response.status_code == 422
    assert snapshot(app, "reports") == before


def test_a_get_of_a_form_s_address_goes_to_the_proposal(client):
    """Not a 405: the address a vote was sent to opens the proposal again."""
    sign_in(client, RESIDENT_NOORD)
    for path, proposal in (
        (VOTE, OPEN_VOGELBUURT),
        (f"/proposals/{OPEN_DE_HOVEN}/unvote", OPEN_DE_HOVEN),
        (f"/proposals/{DRAFT}/publish", DRAFT),
    ):
        response = client.get(path)
        assert (response.status_code, response.headers["Location"]) == (303, f"/proposals/{proposal}")
    assert client.put(VOTE).status_code == 405


def test_csrf_token_is_on_every_form_of_the_page(reader):
    sign_in(reader, RESIDENT_NOORD)
    body = page(reader.get(f"/proposals/{OPEN_VOGELBUURT}"))
    forms = re.findall(r"<form[^>]*method=\"post\".*?</form>", body, re.S)
    assert forms and all('name="csrf_token"' in form for form in forms)
    assert csrf_token(reader, f"/proposals/{OPEN_VOGELBUURT}")


def test_the_export_holds_my_proposals_votes_and_comments_only(reader):
    sign_in(reader, RESIDENT_NOORD)
    data = reader.get("/profile/export").get_json()
    assert [p["id"] for p in data["proposals"]] == [OPEN_BY_BEWONER]
    assert {v["proposal_id"] for v in data["votes"]} >= {OPEN_DE_HOVEN, WITH_GEMEENTE}
    assert [c["body"] for c in data["comments"]] == ["Wanneer horen we iets van de gemeente?"]
    sign_in(reader, NO_HOME)
    data = reader.get("/profile/export").get_json()
    assert data["proposals"] == data["votes"] == data["comments"] == []


def test_no_vote_on_a_hidden_proposal(app, client):
    execute(app, "UPDATE proposals SET moderation = 'hidden' WHERE id = ?", (OPEN_VOGELBUURT,))
    sign_in(client, RESIDENT_NOORD)
    before = snapshot(app, "votes")
    response = post_form(client, VOTE)
    assert response.status_code == 409
    assert has(
        app,
        " ".join(messages(page(response))),
        "This proposal is hidden for now. You can vote again when the municipality has looked at it.",
    )
    assert snapshot(app, "votes") == before
