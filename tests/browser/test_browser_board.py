"""The oversight board in the browser (issue 17): the board objects to a draft,
the municipality publishes it anyway with a public reason, and everyone reads
both on the job page. Then a second draft: the board agrees, the municipality
publishes it plainly."""

import sqlite3

import pytest
from browser_support import csp_errors, log_in, query, t
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

REASON = "Dit werk doet de schoonmaakdienst van de gemeente al."
DISPLACEMENT = "Schoonmaakbedrijf Glans heeft het contract tot 2027."
OVERRIDE = "Het contract met Glans stopt in januari. De buurt heeft het werk dan nodig."


def _two_drafts(server):
    """Two open jobs of the demo made drafts again, without the board's advice."""
    connection = sqlite3.connect(server.app.config["DATABASE"])
    try:
        ids = [
            row[0] for row in connection.execute("SELECT id FROM jobs WHERE status = 'open' ORDER BY id LIMIT 2")
        ]
        for job_id in ids:
            connection.execute("UPDATE jobs SET status = 'draft' WHERE id = ?", (job_id,))
            connection.execute("DELETE FROM advices WHERE job_id = ?", (job_id,))
        connection.commit()
    finally:
        connection.close()
    return ids


def _advise(page, base, job_id, verdict, reason, displacement):
    page.goto(base + "/toezicht")
    page.locator(f"a[href='/toezicht/jobs/{job_id}/advice']").first.click()
    page.locator("label.choice", has=page.locator(f"input[name=verdict][value={verdict}]")).click()
    page.locator("#reason").fill(reason)
    page.locator("#displacement").fill(displacement)
    page.get_by_role("button", name=t("Give this advice")).click()
    expect(page.locator(".notice--success")).to_contain_text(
        t("Your advice is saved. The municipality hears of it.")
    )


def test_the_board_advises_and_the_municipality_publishes(browser, browser_context_args, live_server):
    base = live_server.url
    objected, agreed = _two_drafts(live_server)
    contexts, problems = [], []

    def session():
        context = browser.new_context(**browser_context_args)
        contexts.append(context)
        page = context.new_page()
        problems.append(csp_errors(page))
        return page

    try:
        board = session()
        log_in(board, base, "toezicht")
        expect(board).to_have_url(base + "/toezicht")
        # An empty advice is refused with the reasons, on the first screen.
        board.goto(base + f"/toezicht/jobs/{objected}/advice")
        board.get_by_role("button", name=t("Give this advice")).click()
        expect(board.locator(".error-summary")).to_contain_text(
            t("Choose agree, agree with conditions, or object.")
        )
        expect(board.locator(".error-summary")).to_be_in_viewport()
        _advise(board, base, objected, "object", REASON, DISPLACEMENT)
        _advise(board, base, agreed, "agree", "Niemand doet dit werk nu.", "Geen bedrijf in de buurt doet dit.")

        town = session()
        log_in(town, base, "gemeente")
        town.locator(".brand-row__notifications").click()
        expect(town.locator("main")).to_contain_text(t("The oversight board gave its advice on a job."))
        # Against the objection: only with a reason of its own.
        town.goto(base + f"/gemeente/jobs/{objected}/edit")
        expect(town.locator("#publish")).to_contain_text(t("The oversight board objects to this job."))
        town.get_by_role("button", name=t("Publish against the advice")).click()
        expect(town.locator("#publish")).to_contain_text(
            t("The board objects to this job. Write your public reason to publish it anyway.")
        )
        assert query(live_server, "SELECT status FROM jobs WHERE id = ?", (objected,))[0][0] == "draft"
        town.locator("#reason").fill(OVERRIDE)
        town.get_by_role("button", name=t("Publish against the advice")).click()
        expect(town.locator(".notice--success")).to_contain_text(t("The job is open. Residents can react now."))
        # The agreed job publishes with one button.
        town.goto(base + f"/gemeente/jobs/{agreed}/edit")
        town.get_by_role("button", name=t("Publish the job")).click()
        expect(town.locator(".notice--success")).to_contain_text(t("The job is open. Residents can react now."))

        anyone = session()
        anyone.goto(base + f"/jobs/{objected}")
        advice = anyone.locator("#advice")
        expect(advice).to_contain_text(t("The oversight board objects to this job."))
        expect(advice).to_contain_text(REASON)
        expect(advice).to_contain_text(DISPLACEMENT)
        expect(advice).to_contain_text(t("Published against the advice"))
        expect(advice).to_contain_text(OVERRIDE)
        anyone.goto(base + f"/jobs/{agreed}")
        expect(anyone.locator("#advice")).to_contain_text(t("The oversight board agrees with this job."))
        expect(anyone.locator("#advice")).not_to_contain_text(t("Published against the advice"))
        for found in problems:
            assert found == [], "CSP violations:\n" + "\n".join(found)
    finally:
        for context in contexts:
            context.close()
