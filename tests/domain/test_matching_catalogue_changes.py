"""A catalogue changed job by job (``Catalogue.changed``) gives the same pages
and counts as one built afresh from the changed jobs, and leaves the old one
as it was (a request may still be reading it)."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from matching_strategies import profiles
from test_matching_catalogue import DATES, filters, job_lists, kinds

from webapp.domain.matching import Catalogue, Job


def pages(catalogue, profile, wants, ids):
    """Every page the catalogue can show, in both orders, with its counts."""
    found = []
    for newest_first in (False, True):
        for start in range(0, 45, 7):
            page = catalogue.page(profile, start, start + 7, newest_first=newest_first, ids=ids, **wants)
            found.append(([job.id for job in page.jobs], page.total, page.fit_count))
    return found


@st.composite
def changes(draw, jobs):
    """Some jobs closed, changed (facts or age) or added; returns (removed, added, jobs after)."""
    by_id = {job.id: job for job in jobs}
    removed, added = [], []
    next_id = max(by_id, default=0) + 1
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        action = draw(st.sampled_from(["close", "change", "age", "add"] if by_id else ["add"]))
        if action == "add":
            job = Job(id=next_id, created_at=draw(st.sampled_from(DATES)), **draw(kinds()))
            next_id += 1
            by_id[job.id] = job
            added.append(job)
            continue
        old = by_id.pop(draw(st.sampled_from(sorted(by_id))))
        if old in added:
            added.remove(old)
        else:
            removed.append(old)
        if action == "change":
            new = Job(id=old.id, created_at=old.created_at, **draw(kinds()))
        elif action == "age":
            new = replace(old, created_at=draw(st.sampled_from(DATES)))
        else:
            continue
        by_id[new.id] = new
        added.append(new)
    return removed, added, list(by_id.values())


@settings(max_examples=150, database=None, deadline=None)
@given(data=st.data(), jobs=job_lists(), profile=st.none() | profiles(), wants=filters())
def test_a_changed_catalogue_equals_a_fresh_build(data, jobs, profile, wants):
    catalogue = Catalogue(jobs)
    seen_before = pages(catalogue, profile, wants, None)
    current = catalogue
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        removed, added, jobs = data.draw(changes(jobs))
        current = current.changed(removed, added)
        fresh = Catalogue(jobs)
        assert len(current) == len(fresh)
        assert pages(current, profile, wants, None) == pages(fresh, profile, wants, None)
        ids = {job.id for job in jobs if job.id % 2}
        assert pages(current, profile, wants, ids) == pages(fresh, profile, wants, ids)
    # The first catalogue is untouched.
    assert pages(catalogue, profile, wants, None) == seen_before


def test_only_the_changed_kinds_are_copied():
    base = {"category": "care", "wijk": 10, "hours": 8, "days": frozenset(), "skills": (), "languages": ()}
    jobs = [Job(id=i, created_at="2026-10-01", buurt=1 + i % 2, demands=(), **base) for i in range(1, 11)]
    catalogue = Catalogue(jobs)
    changed = replace(jobs[0], hours=4)
    new = catalogue.changed([jobs[0]], [changed])
    untouched = catalogue.kind_of[jobs[1].id]  # the other buurt's kind
    assert new.kinds[untouched][1] is catalogue.kinds[untouched][1]
    assert [job.id for job in new.kinds[new.kind_of[changed.id]][1]] == [changed.id]
