"""Browser tests at 390x844: from a buurtgroep's proposal to a published job.

A buurtgroep proposes a job; three residents vote (one takes the vote back,
one votes with JavaScript off); the threshold (set to 2 for the test) sends
it to the municipality, which approves it with a reason, completes the job
and publishes it; the job appears and a voter sees the decision. Expected
texts come from the compiled catalogs (``browser_support.t``).
"""

import re
import sqlite3

import pytest
from browser_support import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    csp_errors,
    log_in,
    nt,
    query,
    t,
    user_id,
)
from playwright.sync_api import expect

from webapp.domain.proposals import CRITERIA

pytestmark = pytest.mark.browser

TITLE = "Fietsenmaker voor de buurt"
REASON = "Een goed plan. Het werk is nieuw en de corporatie betaalt mee."
PAYER = "Gemeente Lindeveld en Thuis in Lindeveld"
EMPLOYER = "Buurthuis De Wissel"
ENGLISH = {
    "title_en": "Bike repairer for the buurt",
    "summary_en": "Repair bikes for neighbours, together with volunteers.",
    "plain_nl": "Je maakt fietsen van buren. Je werkt samen met anderen.",
    "plain_en": "You fix bikes for neighbours. You work with others.",
    "tasks_en": "You repair the bikes of neighbours, with volunteers of the community centre.",
    "problem_en": "Many people ride a broken bike.",
    "team_en": "The community centre De Wissel.",
}
NEIGHBOURS = ("noord.een", "noord.twee")  # residents of De Hoven, made for this test


def _prepare(server):
    """Threshold 2, and two more verified residents in Lindeveld-Noord who can log in."""
    connection = sqlite3.connect(server.app.config["DATABASE"])
    try:
        connection.execute("INSERT INTO settings (key, value, updated_at) VALUES ('threshold', '2', '')")
        password_hash, buurt = connection.execute(
            """SELECT users.password_hash, profiles.home_buurt_id FROM users
               JOIN profiles ON profiles.user_id = users.id WHERE username = 'bewoner'"""
        ).fetchone()
        for name in NEIGHBOURS:
            user = connection.execute(
                """INSERT INTO users (username, display_name, password_hash, role, created_at)
                   VALUES (?, ?, ?, 'resident', '2026-01-01T00:00:00Z')""",
                (name, name, password_hash),
            ).lastrowid
            connection.execute(
                "INSERT INTO profiles (user_id, home_buurt_id, updated_at) VALUES (?, ?, '')",
                (user, buurt),
            )
            connection.execute(  # a voting code proved their home buurt: their votes count
                "INSERT INTO verifications (user_id, proof, buurt_id, verified_at) VALUES (?, 'code', ?, '')",
                (user, buurt),
            )
        connection.commit()
    finally:
        connection.close()


def _new_page(browser, browser_context_args, js=True):
    context = browser.new_context(java_script_enabled=js, **browser_context_args)
    page = context.new_page()
    return context, page, csp_errors(page)


def _propose(page, base):
    log_in(page, base, "buurtgroep")
    page.locator(".main-nav a[href='/proposals']").click()
    expect(page).to_have_url(base + "/proposals")
    page.locator("main a[href='/proposals/new']").click()
    expect(page).to_have_url(base + "/proposals/new")
    # Sending the empty form says what is missing, and keeps the page.
    page.locator("#title").fill("")
    page.locator("form.proposal-form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_contain_text(t("Give your proposal a short title."))
    page.locator("#buurt").select_option(label="De Hoven")
    page.locator("#category").select_option("handyman")
    page.locator("#title").fill(TITLE)
    page.locator("#tasks").fill("Fietsen repareren voor buren, samen met vrijwilligers.")
    page.locator("#problem").fill("Veel mensen fietsen op een kapotte fiets.")
    page.locator("#hours").fill("16")
    page.locator("#partners").fill("Buurthuis De Wissel")
    for name, value in (("unpaid_now", "yes"), ("far_from_work", "with_help"), ("lang", "nl")):
        inner = page.locator(f"input[name={name}][value={value}]")
        page.locator("main label.choice", has=inner).click()
        expect(page.locator(f"main input[name={name}][value={value}]")).to_be_checked()
    page.locator("form.proposal-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/proposals/\d+$"))
    expect(page.locator(".notice--success")).to_contain_text(t("Your draft is saved. Check it, then publish it."))
    expect(page.locator("#draft-title")).to_have_text(t("This is your draft"))
    proposal_id = int(page.url.rsplit("/", 1)[1])
    page.locator("#publish button[type=submit]").click()
    expect(page.locator(".notice--success")).to_contain_text(t("Your proposal is open for votes."))
    expect(page.locator(f"#vote-{proposal_id}-count")).to_contain_text(
        t("%(count)d of %(threshold)d votes", count=0, threshold=2)
    )
    return proposal_id


def _vote_with_htmx(page, server, proposal_id, take_back=False):
    base = server.url
    path = f"/proposals/{proposal_id}"
    page.goto(base + path)
    box = page.locator(f"#vote-{proposal_id}")
    before = box.locator(".vote-box__count").inner_text()
    page.evaluate("window.__stillHere = true")
    loads = server.requests.count(path)
    box.get_by_role("button", name=re.compile(t("Vote for this proposal"))).click()
    expect(box.locator(".notice--success")).to_contain_text(t("Thank you. Your vote counts."))
    expect(box).to_contain_text(t("You voted for this proposal."))
    assert box.locator(".vote-box__count").inner_text() != before
    # htmx swapped the box: the same document, no new page load.
    assert page.evaluate("window.__stillHere === true"), "the page navigated"
    assert server.requests.count(path) == loads
    expect(page.locator(f"#vote-{proposal_id}")).to_have_count(1)
    if take_back:
        box.get_by_role("button", name=re.compile(t("Take back my vote"))).click()
        expect(box.locator(".notice--success")).to_contain_text(t("You took back your vote."))
        vote_button = box.get_by_role("button", name=re.compile(t("Vote for this proposal")))
        expect(vote_button).to_be_visible()
        assert box.locator(".vote-box__count").inner_text() == before
        assert page.evaluate("window.__stillHere === true")


def _vote_without_javascript(page, server, proposal_id):
    base = server.url
    path = f"/proposals/{proposal_id}"
    page.goto(base + path)
    page.locator(f"#vote-{proposal_id}").get_by_role(
        "button", name=re.compile(t("Vote for this proposal"))
    ).click()
    # A plain POST: 303 back to the proposal, at the vote box, with the thank-you as a flash.
    expect(page).to_have_url(base + path + f"#vote-{proposal_id}")
    thanks = page.locator("main > .notice--success")
    expect(thanks).to_contain_text(t("Thank you. Your vote counts."))
    expect(page.locator(f"#vote-{proposal_id}-count")).to_contain_text(
        t("%(count)d of %(threshold)d votes", count=2, threshold=2)
    )
    # That vote reached the threshold: the proposal is with the municipality now.
    expect(page.locator("main .facts--large")).to_contain_text(t("With the municipality"))
    expect(page.locator(".timeline")).to_contain_text(t("Enough votes: sent to the municipality"))


def _board_agrees(server, job_id):
    connection = sqlite3.connect(server.app.config["DATABASE"])
    try:
        connection.execute(
            """INSERT INTO advices (job_id, verdict, reason, displacement, created_at)
               VALUES (?, 'agree', 'Niemand doet dit nu.', 'Geen bedrijf doet dit.', '2026-01-01T00:00:00Z')""",
            (job_id,),
        )
        connection.commit()
    finally:
        connection.close()


def _approve_and_publish(page, server, proposal_id):
    base = server.url
    log_in(page, base, "gemeente")
    page.locator(".main-nav a[href='/gemeente']").click()
    page.locator(".sub-nav a[href='/gemeente/proposals']").click()
    page.locator(f"a[href='/gemeente/proposals/{proposal_id}']").click()
    expect(page.locator("main h1")).to_have_text(TITLE)
    # Approving without the checklist is refused with a reason.
    page.locator("label.choice", has=page.locator("input[name=decision][value=approved]")).click()
    page.locator(".decision-form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_contain_text(
        t("Tick every criterion before you approve. Or ask for changes.")
    )
    for code in CRITERIA:
        box = page.locator(f"input[name=criteria][value={code}]")
        page.locator("label.choice", has=box).click()
        expect(box).to_be_checked()
    page.locator("label.choice", has=page.locator("input[name=decision][value=approved]")).click()
    page.locator("#reason").fill(REASON)
    page.locator("#payer").fill(PAYER)
    page.locator("#amount").fill("28.000")  # the Dutch way of writing 28000
    page.locator(".decision-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/gemeente/jobs/\d+/edit$"))
    job_id = int(page.url.split("/")[-2])
    cents = query(server, "SELECT decision_cents_per_year FROM proposals WHERE id = ?", (proposal_id,))
    assert cents[0][0] == 2_800_000
    expect(page.locator("main")).to_contain_text(
        t("Proposed by residents of %(buurt)s, %(votes)d votes.", buurt="De Hoven", votes=2)
    )
    # The draft starts from the proposal in its own language; English waits,
    # marked to translate. Who pays is the job's funding; the employer is asked.
    expect(page.locator("#title_nl")).to_have_value(TITLE)
    for name in ENGLISH:
        if name.endswith("_en"):
            expect(page.locator(f"#{name}")).to_have_value("")
    expect(page.locator("#title_en-hint")).to_have_text(t("To translate: the Dutch text is there."))
    expect(page.locator("#funding")).to_have_value(PAYER)
    expect(page.locator("#employer")).to_have_value("")
    # Publishing now names what is missing, on the first screen.
    page.get_by_role("button", name=t("Publish the job")).click()
    refused = page.locator(".notice--error")
    expect(refused).to_contain_text(t("Summary in plain language (English)"))
    expect(refused).to_contain_text(t("Days"))
    expect(refused).to_be_in_viewport()
    page.locator("#employer").fill(EMPLOYER)
    for day in ("tue", "thu"):
        page.locator("label.choice", has=page.locator(f"input[name=days][value={day}]")).click()
    for name, text in ENGLISH.items():
        page.locator(f"#{name}").fill(text)
    page.locator("#places").fill("2")
    page.locator(".job-form button[type=submit]").last.click()
    expect(page.locator(".notice--success")).to_contain_text(t("The job is saved."))
    # The oversight board's advice comes first (test_browser_board.py gives one in the browser).
    _board_agrees(server, job_id)
    page.get_by_role("button", name=t("Publish the job")).click()
    expect(page.locator(".notice--success")).to_contain_text(t("The job is open. Residents can react now."))
    # Nothing went out half in the wrong language.
    job = query(server, "SELECT * FROM jobs WHERE id = ?", (job_id,))[0]
    for name in job.keys():  # noqa: SIM118 - a sqlite3.Row iterates its values
        if name.endswith("_en") and job[name.replace("_en", "_nl")]:
            assert job[name] != job[name.replace("_en", "_nl")], f"{name} is a copy of the Dutch text"
    page.goto(base + f"/jobs/{job_id}?lang=en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main h1")).to_have_text(ENGLISH["title_en"])
    expect(page.locator("main")).to_contain_text(ENGLISH["tasks_en"])
    expect(page.locator("main")).not_to_contain_text(TITLE)
    expect(page.locator("main")).to_contain_text(PAYER)
    page.goto(base + f"/jobs/{job_id}?lang=nl")
    return job_id


def _job_appears_and_the_voter_sees_the_decision(page, base, proposal_id, job_id):
    page.goto(base + f"/jobs/{job_id}")
    expect(page.locator("main h1")).to_have_text(TITLE)
    expect(page.locator(".origin")).to_contain_text(
        nt(
            "Proposed by residents of %(buurt)s, %(num)d vote",
            "Proposed by residents of %(buurt)s, %(num)d votes",
            2,
            buurt="De Hoven",
        )
    )
    page.locator(".site-header a[href='/notifications']").click()
    items = page.locator(".notification-list")
    expect(items).to_contain_text(t("The municipality decided about a proposal you support."))
    expect(items).to_contain_text(t("A job that residents proposed is now open."))
    page.locator(
        ".notification__open", has_text=t("The municipality decided about a proposal you support.")
    ).click()
    expect(page).to_have_url(base + f"/proposals/{proposal_id}")
    decision = page.locator("section.decision")
    expect(decision).to_contain_text(REASON)
    expect(decision).to_contain_text(PAYER)
    expect(decision.get_by_role("link", name=t("See the job"))).to_have_attribute("href", f"/jobs/{job_id}")
    expect(page.locator("main .facts--large")).to_contain_text(t("Became a job"))


def test_from_proposal_to_job(browser, browser_context_args, live_server):
    base = live_server.url
    _prepare(live_server)
    opened = []

    def session(js=True):
        context, page, problems = _new_page(browser, browser_context_args, js)
        opened.append((context, problems))
        return page

    try:
        page = session()
        proposal_id = _propose(page, base)

        second = session()  # votes and takes it back
        log_in(second, base, NEIGHBOURS[0])
        _vote_with_htmx(second, live_server, proposal_id, take_back=True)

        first = session()
        log_in(first, base, "bewoner")
        _vote_with_htmx(first, live_server, proposal_id)

        third = session(js=False)
        log_in(third, base, NEIGHBOURS[1])
        _vote_without_javascript(third, live_server, proposal_id)

        row = query(live_server, "SELECT status, vote_count FROM proposals WHERE id = ?", (proposal_id,))[0]
        assert (row["status"], row["vote_count"]) == ("with_gemeente", 2)

        municipality = session()
        job_id = _approve_and_publish(municipality, live_server, proposal_id)

        first.goto(base + "/proposals")  # the voter, in her own browser
        _job_appears_and_the_voter_sees_the_decision(first, base, proposal_id, job_id)
        for _context, problems in opened:
            assert problems == [], "CSP violations:\n" + "\n".join(problems)
    finally:
        for context, _problems in opened:
            context.close()


def test_vote_and_take_back_without_javascript(browser, browser_context_args, live_server):
    base = live_server.url
    context = browser.new_context(java_script_enabled=False, **browser_context_args)
    try:
        page = context.new_page()
        log_in(page, base, "bewoner")
        page.goto(base + "/proposals/3")
        before = query(live_server, "SELECT vote_count FROM proposals WHERE id = 3")[0][0]
        page.get_by_role("button", name=re.compile(t("Vote for this proposal"))).click()
        expect(page).to_have_url(base + "/proposals/3#vote-3")
        expect(page.locator("#vote-3-count")).to_contain_text(
            t("%(count)d of %(threshold)d votes", count=before + 1, threshold=25)
        )
        page.get_by_role("button", name=re.compile(t("Take back my vote"))).click()
        expect(page.locator("main > .notice--success")).to_contain_text(t("You took back your vote."))
        expect(page.locator("#vote-3-count")).to_contain_text(
            t("%(count)d of %(threshold)d votes", count=before, threshold=25)
        )
    finally:
        context.close()


def test_an_unverified_resident_is_told_how_to_get_verified(page, live_server):
    """At 390x844: two plain sentences and a link in the vote box, nothing stored, axe clean."""
    base = live_server.url
    connection = sqlite3.connect(live_server.app.config["DATABASE"])
    try:
        connection.execute(
            "DELETE FROM verifications WHERE user_id = (SELECT id FROM users WHERE username = 'bewoner')"
        )
        connection.commit()
    finally:
        connection.close()
    log_in(page, base, "bewoner")
    page.goto(base + "/proposals/3")
    box = page.locator("#vote-3")
    explanation = t(
        "Your vote counts once we know you live in %(wijk)s. Enter the voting code from the letter of the "
        "municipality, or ask your coach.",
        wijk="Lindeveld-Noord",
    )
    expect(box).to_contain_text(explanation)
    expect(box.get_by_role("button")).to_have_count(0)  # no vote button that would be refused
    link = box.get_by_role("link", name=t("Show where you live"))
    expect(link).to_have_attribute("href", "/settings/verify")
    assert page.viewport_size == {"width": 390, "height": 844}
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 844})
    assert_no_horizontal_scroll(page)
    assert (
        query(
            live_server,
            "SELECT COUNT(*) FROM votes WHERE proposal_id = 3 AND user_id = ?",
            (user_id(live_server, "bewoner"),),
        )[0][0]
        == 0
    )


def test_without_a_home_buurt_the_vote_box_points_to_the_profile(page, live_server):
    base = live_server.url
    log_in(page, base, "bewoner2")
    page.goto(base + "/proposals/3")
    box = page.locator("#vote-3")
    expect(box).to_contain_text(t("Tell us where you live first. Then you can vote in your district."))
    box.get_by_role("link", name=t("Choose where you live")).click()
    expect(page).to_have_url(base + "/profile/buurt")
