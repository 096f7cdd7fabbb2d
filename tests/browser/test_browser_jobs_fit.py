"""A Monday/Tuesday resident on a phone (390 x 844): the first job on /jobs
fits her; a job only on Wednesday and Saturday is in its own part below."""

import sqlite3

import pytest
from browser_support import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    log_in,
    t,
    user_id,
)
from playwright.sync_api import expect

from webapp.domain.vocab import SKILLS

pytestmark = pytest.mark.browser

WED_SAT = 1  # made the reported case below: liked kind, her buurt, only Wed and Sat


def _prepare(server):
    """bewoner2: Monday and Tuesday, at most 12 hours, any distance, likes the
    kind of job 1. Job 1 becomes the reported case: only on Wednesday and
    Saturday, yet with the most points (her buurt, her kind of work, and
    three skills of hers no other job of that kind asks)."""
    connection = sqlite3.connect(server.app.config["DATABASE"])
    try:
        category, buurt = connection.execute(
            "SELECT category, buurt_id FROM jobs WHERE id = ?", (WED_SAT,)
        ).fetchone()
        asked = {
            code
            for (skills,) in connection.execute("SELECT skills FROM jobs WHERE category = ?", (category,))
            for code in skills.split(",")
        }
        hers = ",".join(sorted(code for code in SKILLS if code not in asked)[:3])
        connection.execute("UPDATE jobs SET days = 'wed,sat', hours = 8, skills = ? WHERE id = ?", (hers, WED_SAT))
        connection.execute(
            """INSERT OR REPLACE INTO profiles (user_id, home_buurt_id, hours_max, travel, categories,
                   days, limits, skills, languages, updated_at)
               VALUES (?, ?, 12, 'town', ?, 'mon,tue', '', ?, '', '2026-12-01T10:00:00Z')""",
            (user_id(server, "bewoner2"), buurt, category, hers),
        )
        connection.commit()
    finally:
        connection.close()


def test_the_first_job_fits_a_monday_tuesday_resident(page, live_server):
    _prepare(live_server)
    base = live_server.url
    log_in(page, base, "bewoner2")
    page.goto(base + "/jobs")
    cards = page.locator("#results .job-card")
    first = cards.first
    expect(first).to_be_visible()
    # The first card is a job that fits: not the Wednesday/Saturday job (which
    # earns the most points), not in the "do not fit" part, and it says
    # nothing of days she cannot work.
    expect(first.locator(".job-card__title a")).not_to_have_attribute("href", f"/jobs/{WED_SAT}")
    assert first.evaluate("card => card.closest('.misfits') === null")
    expect(first).not_to_contain_text(t("Only on days you cannot work: %(days)s", days="woensdag en zaterdag"))
    # Every card above the heading fits; the reported job is below it.
    page.goto(base + "/jobs?page=" + str(_page_of(page, base, WED_SAT)))
    heading = page.locator("#misfits-title")
    expect(heading).to_have_text(t("These do not fit what you told us"))
    misfit = page.locator(f".misfits .job-card:has(a[href='/jobs/{WED_SAT}'])")
    expect(misfit).to_contain_text(t("Only on days you cannot work: %(days)s", days="woensdag en zaterdag"))
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_horizontal_scroll(page)


def _page_of(page, base, job_id):
    """The list page that shows ``job_id`` (the part that does not fit may start on a later page)."""
    number = 1
    while True:
        response = page.goto(f"{base}/jobs?page={number}")
        assert response.status == 200, f"job {job_id} not on any page"
        if page.locator(f"#results a[href='/jobs/{job_id}']").count():
            return number
        number += 1
