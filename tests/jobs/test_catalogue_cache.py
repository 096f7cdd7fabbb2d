"""After a job change a worker's catalogue is updated for that job only, not
built again, and shows the same pages as a catalogue built afresh."""

import gc

import pytest
from http_support import sign_in
from test_job_facts_cache import CARD, CARD_START, copy_job, open_ids

from webapp.db import connect
from webapp.domain import matching
from webapp.jobs import queries


@pytest.fixture
def builds(monkeypatch):
    """How many times a ``Catalogue`` is built from all jobs."""
    made = []

    class Counted(matching.Catalogue):
        def __init__(self, jobs):
            made.append(len(jobs))
            super().__init__(jobs)

    monkeypatch.setattr(queries.matching, "Catalogue", Counted)
    monkeypatch.setattr(queries, "_cache", {})
    monkeypatch.setattr(queries, "_catalogues", {})
    return made


def all_pages(catalogue, profile):
    found = []
    for newest_first in (False, True):
        for start in range(0, len(catalogue) + 10, 10):
            page = catalogue.page(profile, start, start + 10, newest_first=newest_first)
            found.append(([job.id for job in page.jobs], page.total, page.fit_count))
    return found


def test_one_changed_job_updates_the_catalogue_without_a_rebuild(app, db, builds):
    path = app.config["DATABASE"]
    first = queries.catalogue(db, path)
    assert len(builds) == 1
    assert queries.catalogue(db, path) is first  # nothing changed: the same one
    ids = open_ids(db)
    profile = matching.Profile(home_buurt=None, home_wijk=None, categories=frozenset({first.kinds[0][0].category}))
    before = all_pages(first, profile)
    db.execute("UPDATE jobs SET hours = 3, category = 'green' WHERE id = ?", (ids[0],))
    db.execute("UPDATE jobs SET status = 'closed' WHERE id = ?", (ids[1],))
    new = copy_job(db, ids[2], "2030-01-01T00:00:00Z")
    changed = queries.catalogue(db, path)
    db.execute("UPDATE jobs SET created_at = '2000-01-01T00:00:00Z' WHERE id = ?", (ids[3],))
    changed = queries.catalogue(db, path)
    assert len(builds) == 1  # followed the changes, never built again
    assert changed is not first
    fresh = matching.Catalogue(queries.JobFacts().get(db))
    assert all_pages(changed, profile) == all_pages(fresh, profile)
    assert all_pages(changed, None) == all_pages(fresh, None)
    assert changed.page(None, 0, 1, newest_first=True).jobs[0].id == new
    assert all_pages(first, profile) == before  # the old one is as it was


def test_a_catalogue_too_far_behind_is_built_again(app, db, builds):
    path = app.config["DATABASE"]
    queries.catalogue(db, path)
    ids = open_ids(db)
    # Many steps the catalogue did not see (other pages read only the facts).
    for step in range(queries.KEEP_STEPS + 1):
        db.execute("UPDATE jobs SET hours = ? WHERE id = ?", (2 + step % 3, ids[step % len(ids)]))
        queries.open_job_facts(db, path)
    caught_up = queries.catalogue(db, path)
    assert len(builds) == 2
    assert all_pages(caught_up, None) == all_pages(matching.Catalogue(queries.JobFacts().get(db)), None)


def test_the_job_list_shows_a_new_job_without_a_rebuild(app, client, builds):
    sign_in(client, "bewoner")
    client.get("/jobs?sort=new")
    db = connect(app.config["DATABASE"])
    try:
        new = copy_job(db, open_ids(db)[0], "2030-01-01T00:00:00Z")
    finally:
        db.close()
    html = client.get("/jobs?sort=new").get_data(as_text=True)
    assert html.index(CARD.format(new)) == html.index(CARD_START)
    assert len(builds) == 1


def test_a_built_catalogue_is_kept_out_of_the_collectors_full_passes(app, db, builds):
    # At 20,000 jobs a full pass over the catalogue took ~100 ms every few searches.
    gc.unfreeze()
    queries.catalogue(db, app.config["DATABASE"])
    assert builds
    assert gc.get_freeze_count() > 0
