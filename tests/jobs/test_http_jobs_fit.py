"""/jobs puts the jobs that do not fit in their own part, below every job
that fits, with true counts and the reason on each card."""

import re
from datetime import date, timedelta

import pytest
from http_support import execute, nt, page, sign_in, t, user_id

from webapp.db import connect
from webapp.domain import matching
from webapp.jobs.queries import as_fact, job_by_id
from webapp.profile.queries import as_matching_profile, profile_row

CARD = re.compile(r'class="job-card__title"><a href="/jobs/(\d+)"')
MISFITS = 'id="misfits-title"'


def give_profile(app, username="bewoner2", days="mon,tue", **answers):
    """A profile as the questions store it: Monday and Tuesday, any distance."""
    values = {"hours_max": None, "travel": "town", "categories": "elderly,green", "limits": ""}
    values.update(answers)
    execute(
        app,
        """INSERT OR REPLACE INTO profiles
           (user_id, home_buurt_id, hours_max, travel, categories, days, limits, skills,
            languages, updated_at)
           VALUES (?, 1, ?, ?, ?, ?, ?, '', '', '2026-12-01T10:00:00Z')""",
        (
            user_id(app, username),
            values["hours_max"],
            values["travel"],
            values["categories"],
            days,
            values["limits"],
        ),
    )


def fit_of(app, username, job_ids):
    """What the matching rule says of each job, read straight from the database."""
    db = connect(app.config["DATABASE"])
    try:
        profile = as_matching_profile(profile_row(db, user_id(app, username)))
        return {job_id: matching.assess(profile, as_fact(job_by_id(db, job_id))) for job_id in job_ids}
    finally:
        db.close()


def split(html):
    """Job ids above the "do not fit" heading, and below it."""
    above, _, below = html.partition(MISFITS)
    return [int(i) for i in CARD.findall(above)], [int(i) for i in CARD.findall(below)]


def all_pages(client, query=""):
    ids_above, ids_below, page_number = [], [], 1
    while True:
        response = client.get(f"/jobs?page={page_number}{query}")
        if response.status_code == 404:
            return ids_above, ids_below
        assert response.status_code == 200
        above, below = split(page(response))
        if ids_below:
            assert not above, "a job that fits came after one that does not"
        ids_above += above
        ids_below += below
        page_number += 1


@pytest.mark.parametrize(
    "query",
    ["", "&sort=new", "&category=elderly", "&hours=16", "&q=ouderen", "&area=w1"],
)
def test_no_job_that_does_not_fit_is_above_one_that_fits_on_any_page(app, client, query):
    give_profile(app)
    sign_in(client, "bewoner2")
    above, below = all_pages(client, query)
    fits = fit_of(app, "bewoner2", above + below)
    assert all(fits[i].fits_you for i in above)
    assert all(not fits[i].fits_you and fits[i].blockers for i in below)
    if not query:
        assert above and below, "the demo data should have both kinds for Monday and Tuesday"


def test_the_section_heading_and_true_counts(app, client):
    give_profile(app)
    sign_in(client, "bewoner2")
    html = page(client.get("/jobs"))
    above, below = all_pages(client)
    total = len(above) + len(below)
    assert nt(app, "%(num)d job found", "%(num)d jobs found", total) in html
    assert nt(app, "%(num)d job fits what you told us.", "%(num)d jobs fit what you told us.", len(above)) in html
    misfit_line = nt(
        app,
        "%(num)d job does not. It comes after the jobs that fit.",
        "%(num)d jobs do not. They come after the jobs that fit.",
        len(below),
    )
    assert misfit_line in html
    last = page(client.get(f"/jobs?page={-(-total // 10)}"))
    assert t(app, "These do not fit what you told us") in last


def test_the_reported_case_only_wednesday_and_saturday_is_below_with_its_reason(app, client):
    give_profile(app)
    wed_sat = 1
    execute(app, "UPDATE jobs SET days = 'wed,sat', category = 'elderly' WHERE id = ?", (wed_sat,))
    sign_in(client, "bewoner2")
    above, below = all_pages(client)
    assert wed_sat in below and wed_sat not in above
    html = page(client.get(f"/jobs?q=&page={1 + (above + below).index(wed_sat) // 10}"))
    card = html[html.index(f'href="/jobs/{wed_sat}"') :]
    card = card[: card.index("</article>")]
    assert t(app, "Only on days you cannot work: %(days)s", days="woensdag en zaterdag") in card
    assert "Ook op dagen" not in card
    detail = page(client.get(f"/jobs/{wed_sat}"))
    assert t(app, "Only on days you cannot work: %(days)s", days="woensdag en zaterdag") in detail
    assert t(app, "This job does not fit what you told us") in detail


def test_some_days_off_say_also_with_only_those_days(app, client):
    give_profile(app)
    execute(app, "UPDATE jobs SET days = 'tue,wed' WHERE id = 1")
    sign_in(client, "bewoner2")
    detail = page(client.get("/jobs/1"))
    assert t(app, "Also on days you cannot work: %(days)s", days="woensdag") in detail
    assert t(app, "This job does not fit what you told us") not in detail


def test_htmx_gets_the_same_parts_in_the_same_order(app, client):
    give_profile(app)
    sign_in(client, "bewoner2")
    above, below = all_pages(client)
    last = -(-(len(above) + len(below)) // 10)
    for number in range(1, last + 1):
        full = split(page(client.get(f"/jobs?page={number}")))
        partial = client.get(f"/jobs?page={number}", headers={"HX-Request": "true"})
        assert "<html" not in page(partial)
        assert split(page(partial)) == full


def test_everything_fits_says_so_and_has_no_section(app, client):
    give_profile(app, days="", categories="elderly", travel=None)
    sign_in(client, "bewoner2")
    html = page(client.get("/jobs"))
    assert MISFITS not in html
    total = len(all_pages(client)[0])
    assert nt(app, "It fits what you told us.", "All %(num)d fit what you told us.", total) in html


def test_nothing_fits_on_the_home_page_says_so_instead_of_no_jobs(app, client):
    give_profile(app, days="sun", limits="heavy_lifting")
    execute(app, "UPDATE jobs SET days = 'mon'")
    sign_in(client, "bewoner2")
    home = page(client.get("/"))
    assert t(app, "No open job fits everything you told us yet.") in home
    assert 'class="job-card' not in home
    jobs = page(client.get("/jobs"))
    assert nt(app, "It does not fit what you told us.", "None of them fit what you told us.", 2) in jobs
    assert MISFITS in jobs


def test_the_home_page_shows_only_jobs_that_fit(app, client):
    give_profile(app)
    sign_in(client, "bewoner2")
    home = page(client.get("/"))
    shown = [int(i) for i in CARD.findall(home)]
    assert shown
    assert all(fit.fits_you for fit in fit_of(app, "bewoner2", shown).values())


def test_a_past_start_date_reads_as_soon_as_possible(app, client):
    past = (date.today() - timedelta(days=3)).isoformat()
    future = date.today() + timedelta(days=40)
    execute(app, "UPDATE jobs SET start_date = ? WHERE id = 1", (past,))
    execute(app, "UPDATE jobs SET start_date = ? WHERE id = 2", (future.isoformat(),))
    detail = page(client.get("/jobs/1"))
    assert t(app, "As soon as possible") in detail
    assert past not in detail
    listed = page(client.get("/jobs?sort=new&q="))
    assert t(app, "Start: as soon as possible") in listed
    later = page(client.get("/jobs/2"))
    assert t(app, "As soon as possible") not in later
    assert str(future.year) in later
