"""`flask --app webapp backup` and `restore`: a copy taken while the app writes, put back whole."""

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from webapp import backup
from webapp.db import connect, now_iso, write_transaction

KIND = "backup-test"


def _write(db_path, user_id):
    """One notification written the way the app writes (BEGIN IMMEDIATE); its id."""
    db = connect(db_path)
    try:
        with write_transaction(db):
            cursor = db.conn.execute(
                "INSERT INTO notifications (user_id, kind, link, created_at) VALUES (?, ?, '', ?)",
                (user_id, KIND, now_iso()),
            )
        return cursor.lastrowid
    finally:
        db.close()


def _ids(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return [row[0] for row in conn.execute("SELECT id FROM notifications WHERE kind = ? ORDER BY id", (KIND,))]
    finally:
        conn.close()


def _pad(db_path, megabytes):
    """Make the database larger, so copying it takes long enough to overlap writes."""
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("CREATE TABLE padding (blob BLOB)")
        conn.executemany("INSERT INTO padding VALUES (randomblob(1000000))", [()] * megabytes)
    conn.close()


class Writer(threading.Thread):
    """Writes one row after another until stopped; records each commit with its time."""

    def __init__(self, db_path, user_id):
        super().__init__(daemon=True)
        self.db_path, self.user_id = db_path, user_id
        self.committed = []  # (id, perf_counter after COMMIT)
        self.stop = threading.Event()
        self.error = None

    def run(self):
        try:
            while not self.stop.is_set():
                self.committed.append((_write(self.db_path, self.user_id), time.perf_counter()))
        except Exception as error:  # noqa: BLE001 - reported by the test
            self.error = error

    def ids_before(self, moment):
        return [row_id for row_id, at in self.committed if at < moment]


@pytest.fixture
def user_id(db):
    return db.conn.execute("SELECT id FROM users WHERE username = 'bewoner'").fetchone()[0]


def _backup(app, dest, *extra):
    return app.test_cli_runner().invoke(args=["backup", str(dest), *extra])


def _restore(app, src):
    return app.test_cli_runner().invoke(args=["restore", str(src)])


def test_a_backup_while_the_app_writes_holds_every_earlier_commit_and_restores(
    app, user_id, tmp_path_factory, build_app
):
    database = app.config["DATABASE"]
    _pad(database, 40)
    writer = Writer(database, user_id)
    writer.start()
    while len(writer.committed) < 50:
        time.sleep(0.005)
    started = time.perf_counter()
    dest = tmp_path_factory.mktemp("backups") / "copy.db"
    result = _backup(app, dest)
    finished = time.perf_counter()
    while writer.ids_before(finished)[-1:] == writer.committed[-1:]:
        time.sleep(0.005)  # a few more writes after the backup
    writer.stop.set()
    writer.join()
    assert writer.error is None
    assert result.exit_code == 0, result.output
    assert f"Backup written to {dest}" in result.output and "Integrity check: ok." in result.output
    assert " MB in " in result.output

    # No downtime: the writer went on committing while the copy was made.
    during = [row_id for row_id, at in writer.committed if started < at < finished]
    assert during, "no write was committed while the backup ran"

    copied = _ids(dest)
    before = writer.ids_before(started)
    assert set(before) <= set(copied)
    # One moment of the database: the first so many commits, no gaps.
    assert copied == [row_id for row_id, _ in writer.committed[: len(copied)]]
    assert backup.integrity_problems(dest) == []
    assert Database(str(dest)).journal_mode == "delete"  # one file, no -wal beside it

    fresh = build_app(tmp_path_factory.mktemp("fresh"))
    result = _restore(fresh, dest)
    assert result.exit_code == 0, result.output
    assert "Integrity check: ok." in result.output
    assert _ids(fresh.config["DATABASE"]) == copied
    assert backup.integrity_problems(fresh.config["DATABASE"]) == []


def test_a_backup_into_a_folder_gets_a_dated_name(app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("backups")
    result = _backup(app, folder)
    assert result.exit_code == 0, result.output
    [made] = list(folder.iterdir())
    assert made.name.startswith("basisbaan-") and made.suffix == ".db"


def test_a_backup_never_replaces_a_file_without_force(app, user_id, tmp_path_factory):
    dest = tmp_path_factory.mktemp("backups") / "copy.db"
    dest.write_bytes(b"an older backup")
    result = _backup(app, dest)
    assert result.exit_code != 0
    assert "already exists" in result.output and "--force" in result.output
    assert dest.read_bytes() == b"an older backup"

    result = _backup(app, app.config["DATABASE"], "--force")
    assert result.exit_code != 0 and "the database itself" in result.output

    row_id = _write(app.config["DATABASE"], user_id)
    result = _backup(app, dest, "--force")
    assert result.exit_code == 0, result.output
    assert row_id in _ids(dest)


def _corrupt(path):
    """Overwrite pages in the middle of the file, keeping its header."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page * 3, len(data) - page, page * 7):
        data[start + 8 : start + 200] = b"\xa5" * 192
    path.write_bytes(bytes(data))


@pytest.fixture
def copy(app, tmp_path_factory):
    dest = tmp_path_factory.mktemp("backups") / "copy.db"
    assert _backup(app, dest).exit_code == 0
    return dest


def _users(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT COUNT(*) FROM users").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def marked_app(app, user_id, copy):
    """The app with one row written after the copy: a refused restore keeps it."""
    app.marker = _write(app.config["DATABASE"], user_id)
    return app


def test_restore_refuses_a_damaged_copy(marked_app, copy):
    _corrupt(copy)
    assert backup.integrity_problems(copy)
    result = _restore(marked_app, copy)
    assert result.exit_code != 0
    assert "is damaged" in result.output
    assert marked_app.marker in _ids(marked_app.config["DATABASE"])


def test_restore_runs_the_integrity_check_on_the_copy(marked_app, copy):
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    with conn:
        conn.execute("UPDATE users SET role = 'pirate' WHERE username = 'bewoner'")
    conn.close()
    result = _restore(marked_app, copy)
    assert result.exit_code != 0
    assert "is damaged: the integrity check found" in result.output and "users" in result.output
    assert marked_app.marker in _ids(marked_app.config["DATABASE"])


def test_restore_refuses_a_file_that_is_no_database(marked_app, tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database at all\n" * 200)
    result = _restore(marked_app, junk)
    assert result.exit_code != 0
    assert "is no SQLite database" in result.output
    assert marked_app.marker in _ids(marked_app.config["DATABASE"])


def test_restore_refuses_a_copy_from_a_newer_version(marked_app, copy):
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('basisbaan', ?, ?)",
            ("z999_from_the_future", now_iso()),
        )
    conn.close()
    result = _restore(marked_app, copy)
    assert result.exit_code != 0
    assert "newer version of Basisbaan" in result.output and "z999_from_the_future" in result.output
    assert marked_app.marker in _ids(marked_app.config["DATABASE"])


def test_an_older_copy_restores_and_the_next_start_brings_it_up_to_date(app, tmp_path, build_app):
    migrations = app.extensions["migrations"]
    names = backup.known_migrations(migrations)
    older = tmp_path / "older.db"
    db = Database(str(older))
    migrations.apply(db, stop_before=names[-1])
    db.close()
    assert backup.applied_migrations(older, migrations) == names[:-1]

    result = _restore(app, older)
    assert result.exit_code == 0, result.output
    restarted = build_app(tmp_path)
    assert backup.applied_migrations(restarted.config["DATABASE"], migrations) == names


def test_restore_keeps_the_database_it_replaces(marked_app, copy):
    database = marked_app.config["DATABASE"]
    result = _restore(marked_app, copy)
    assert result.exit_code == 0, result.output
    assert marked_app.marker not in _ids(database)
    [kept] = list(Path(database).parent.glob("basisbaan.db.before-restore-*"))
    assert f"kept as {kept}" in result.output
    assert marked_app.marker in _ids(kept)


def test_restore_refuses_while_the_app_runs(app, copy):
    folder = str(Path(app.config["DATABASE"]).parent)
    # A process that runs the app on this folder, as a gunicorn worker does.
    running = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            sys.executable,
            "-c",
            "import sys, time; from webapp.backup import hold_instance;"
            "held = hold_instance(sys.argv[1]); print('held', flush=True); time.sleep(60)",
            folder,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert running.stdout.readline().strip() == "held"
        result = _restore(app, copy)
        assert result.exit_code != 0
        assert "Stop it first" in result.output
    finally:
        running.kill()  # like kill -9: the kernel lets go of its lock
        running.wait()
    result = _restore(app, copy)
    assert result.exit_code == 0, result.output
