"""Each worker keeps the facts of all open jobs; one changed job makes it read
that job again, not every job (``job_changes``, ``queries.JobFacts``)."""

import pytest
from http_support import execute, scalar, sign_in

from webapp.db import JOB_FIELDS
from webapp.jobs import queries
from webapp.jobs.queries import JobFacts

CARD_START = 'class="job-card__title"><a href="/jobs/'
CARD = CARD_START + '{}"'


@pytest.fixture
def reads(monkeypatch):
    """Every ``read_facts`` call: ``None`` for all jobs, else the set of ids asked."""
    calls = []
    real = queries.read_facts

    def spy(db, ids=None):
        found = real(db, ids)
        calls.append((None if ids is None else set(ids), len(found)))
        return found

    monkeypatch.setattr(queries, "read_facts", spy)
    return calls


def open_ids(db):
    return [row[0] for row in db.execute("SELECT id FROM jobs WHERE status = 'open' ORDER BY id")]


def copy_job(db, job_id, created_at):
    columns = ", ".join(name for name in JOB_FIELDS if name != "created_at")
    return db.execute(
        f"INSERT INTO jobs ({columns}, created_at) SELECT {columns}, ? FROM jobs WHERE id = ?",  # noqa: S608
        (created_at, job_id),
    ).lastrowid


def test_one_changed_job_is_read_again_and_no_other(db, reads):
    worker = JobFacts()
    before = worker.get(db)
    assert reads == [(None, len(open_ids(db)))]
    changed = open_ids(db)[1]
    db.execute("UPDATE jobs SET hours = 3 WHERE id = ?", (changed,))
    after = worker.get(db)
    assert reads[1:] == [({changed}, 1)]
    assert next(job for job in after if job.id == changed).hours == 3
    # The other jobs' facts are the very objects read before: nothing else was built.
    assert all(old is new for old, new in zip(before, after, strict=True) if old.id != changed)


def test_a_filled_place_reads_nothing(db, reads):
    worker = JobFacts()
    facts = worker.get(db)
    db.execute("UPDATE jobs SET places_filled = 1, title_nl = 'Ander' WHERE id = ?", (facts[0].id,))
    assert worker.get(db) is facts
    assert len(reads) == 1


def test_a_second_worker_sees_closed_new_changed_and_deleted_jobs(db):
    first, second = JobFacts(), JobFacts()
    first.get(db)
    second.get(db)
    ids = open_ids(db)
    db.execute("UPDATE jobs SET status = 'closed' WHERE id = ?", (ids[0],))
    new = copy_job(db, ids[1], "2030-01-01T00:00:00Z")  # newest of all
    db.execute("UPDATE jobs SET created_at = '2000-01-01T00:00:00Z', days = 'sat' WHERE id = ?", (ids[2],))
    db.execute("DELETE FROM jobs WHERE id = ?", (ids[3],))
    # The first "worker" looks after the changes, the second after more of them.
    first.get(db)
    db.execute("UPDATE jobs SET status = 'open' WHERE id = ?", (ids[0],))
    db.execute("UPDATE jobs SET category = 'green' WHERE id = ?", (ids[4],))
    for worker in (first, second):
        facts = worker.get(db)
        assert facts == JobFacts().get(db)  # as if every job were read again
        assert facts[0].id == new
        assert facts[-1].id == ids[2]
        assert frozenset({"sat"}) == facts[-1].days
        assert ids[3] not in {job.id for job in facts}
        assert ids[0] in {job.id for job in facts}


def test_a_replaced_database_is_read_again(db, reads):
    worker = JobFacts()
    worker.get(db)
    db.execute("DELETE FROM job_changes")
    db.execute("UPDATE jobs SET hours = 5 WHERE id = ?", (open_ids(db)[0],))
    worker.get(db)
    assert reads[-1][0] is None


def test_many_changes_at_once_read_every_job_once(db, reads, monkeypatch):
    monkeypatch.setattr(queries, "REBUILD_AFTER", 2)
    worker = JobFacts()
    worker.get(db)
    db.execute("UPDATE jobs SET hours = 4 WHERE status = 'open'")
    facts = worker.get(db)
    assert [ids for ids, _rows in reads] == [None, None]
    assert {job.hours for job in facts} == {4}


def test_the_job_list_follows_a_change_made_elsewhere(app, client):
    sign_in(client, "bewoner")
    first = client.get("/jobs?sort=new").get_data(as_text=True)
    top = int(first.split(CARD_START, 1)[1].split('"', 1)[0])
    # Another worker closes the top job and adds a newer one.
    execute(app, "UPDATE jobs SET status = 'closed' WHERE id = ?", (top,))
    columns = ", ".join(name for name in JOB_FIELDS if name not in ("created_at", "status"))
    execute(
        app,
        f"""INSERT INTO jobs ({columns}, status, created_at)
            SELECT {columns}, 'open', '2030-01-01T00:00:00Z' FROM jobs WHERE id = ?""",  # noqa: S608
        (top,),
    )
    new = scalar(app, "SELECT MAX(id) FROM jobs")
    html = client.get("/jobs?sort=new").get_data(as_text=True)
    assert CARD.format(top) not in html
    assert html.index(CARD.format(new)) == html.index(CARD_START)


def test_every_job_column_the_facts_read_is_watched_by_the_trigger(db):
    trigger = db.execute("SELECT sql FROM sqlite_master WHERE name = 'job_changes_au'").fetchone()[0]
    watched = {name.strip() for name in trigger.split("UPDATE OF", 1)[1].split(" ON ", 1)[0].split(",")}
    columns = {row[1] for row in db.execute("PRAGMA table_info(jobs)")}
    read = {word.strip(",.") for word in queries.FACT_SELECT.replace(",", " ").split()}
    read = {word.removeprefix("jobs.") for word in read} & columns
    assert read - {"id"} <= watched
    assert {"status", "hours", "days"} <= read
