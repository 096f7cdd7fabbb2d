"""Backups and restores of the one SQLite database (`flask --app webapp backup`/`restore`).

A backup is SQLite's online backup API: one read transaction copies every
page as it was when the copy started, the WAL's committed pages included,
while the app goes on writing (a WAL reader never blocks a writer). The copy
is switched to the rollback journal, so it is one self-contained file, and
checked with ``PRAGMA integrity_check`` before it gets its name.

A restore only runs while the app is stopped: every process that runs the
app (each gunicorn worker, a timer's command) holds a shared lock on
``<instance>/running.lock`` for as long as it lives (the kernel drops it,
even after ``kill -9``), and the restore takes the same lock exclusively
first. It refuses a damaged copy and a copy made by a newer version of the
code (a migration this code does not know); an older copy is fine, the next
start applies what it lacks. The database it replaces is kept beside it.
"""

import contextlib
import fcntl
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

LOCK_NAME = "running.lock"
# Wait this long for the write lock while copying (milliseconds).
BUSY_TIMEOUT = 10_000


class BackupError(Exception):
    """A backup or restore that must not go on; the message says why, in plain words."""


@dataclass(frozen=True)
class Copied:
    path: Path
    size: int  # bytes
    seconds: float  # copying and checking


def _stamp(now=None):
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")


def _open(path, busy_timeout=BUSY_TIMEOUT):
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout)}")
    return conn


def _remove(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")


def _copy(source, dest):
    """Copy ``source`` (any journal mode, its WAL included) to ``dest``, one file."""
    src = _open(source)
    try:
        dst = _open(dest)
        try:
            # pages=-1: every page in one step, inside one read transaction,
            # so the copy is one moment of the database even while others
            # write (copying in steps would start again after each write).
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def integrity_problems(path):
    """What ``PRAGMA integrity_check`` finds wrong in the database at ``path`` (empty: none)."""
    try:
        conn = _open(path, busy_timeout=0)
        try:
            found = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return [] if found == ["ok"] else found


def backup(database, dest, *, force=False):
    """Copy the live ``database`` to ``dest`` (a file, or a folder for a dated file)."""
    database, dest = Path(database), Path(dest)
    if not database.exists():
        raise BackupError(f"There is no database at {database}.")
    if dest.is_dir():
        dest = dest / f"{database.stem}-{_stamp()}.db"
    if dest.resolve() == database.resolve():
        raise BackupError("DEST is the database itself. Choose a file or folder elsewhere.")
    if dest.exists() and not force:
        raise BackupError(f"{dest} already exists. Choose another name, or add --force to replace it.")
    if not dest.parent.is_dir():
        raise BackupError(f"The folder {dest.parent} does not exist.")
    partial = dest.with_name(dest.name + ".partial")
    _remove(partial)
    started = time.perf_counter()
    try:
        _copy(database, partial)
        problems = integrity_problems(partial)
        if problems:
            raise BackupError(f"The copy failed its integrity check: {'; '.join(problems[:5])}")
        os.replace(partial, dest)
    finally:
        _remove(partial)
    return Copied(dest, dest.stat().st_size, time.perf_counter() - started)


def applied_migrations(path, migrations):
    """The names of the migrations applied to the database at ``path``."""
    db = Database(str(path))
    try:
        return [step.name for step in migrations.applied(db)]
    finally:
        db.close()


def known_migrations(migrations):
    """Every migration name this code knows (all of them are pending on an empty database)."""
    return [step.name for step in migrations.pending(Database(memory=True))]


def schema_problem(path, migrations):
    """Why the database at ``path`` cannot be restored by this code (None: it can)."""
    applied = applied_migrations(path, migrations)
    if not applied:
        return "It is not a Basisbaan database: it has no record of Basisbaan's migrations."
    unknown = [name for name in applied if name not in set(known_migrations(migrations))]
    if unknown:
        return (
            "It was made by a newer version of Basisbaan: this code does not know its migrations "
            f"{', '.join(unknown)}. Install that version first, then restore."
        )
    return None


def hold_instance(instance_path):
    """Mark this process as running the app on ``instance_path`` until it ends.

    Returns the open lock file; keep it (the lock lasts as long as the file
    is open in this process or in one forked from it).
    """
    handle = open(os.path.join(instance_path, LOCK_NAME), "a+")  # noqa: SIM115 - held for the process's life
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        # A restore holds the instance: the migrations at start wait for it
        # through SQLite's own lock; nothing to mark here.
        handle.close()
        return None
    return handle


@contextlib.contextmanager
def stopped_instance(instance_path):
    """Hold ``instance_path`` exclusively, or refuse when the app runs on it."""
    handle = open(os.path.join(instance_path, LOCK_NAME), "a+")  # noqa: SIM115 - closed below
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise BackupError(
                "The app is running on this instance folder (a gunicorn worker or another flask "
                "command holds it). Stop it first, then restore."
            ) from None
        yield
    finally:
        handle.close()


def restore(source, database, migrations, *, now=None):
    """Put the copy at ``source`` in place of ``database`` (the app must be stopped).

    Checks a copy of ``source`` (never ``source`` itself), keeps the database
    it replaces as ``<database>.before-restore-<time>`` and returns that path
    (None when there was no database).
    """
    source, database = Path(source), Path(database)
    if not source.is_file():
        raise BackupError(f"There is no file at {source}.")
    incoming = database.with_name(database.name + ".restoring")
    _remove(incoming)
    try:
        try:
            _copy(source, incoming)
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{source} is damaged or is no SQLite database ({error}).") from None
        problems = integrity_problems(incoming)
        if problems:
            raise BackupError(f"{source} is damaged: the integrity check found {'; '.join(problems[:5])}")
        problem = schema_problem(incoming, migrations)
        if problem:
            raise BackupError(f"{source} cannot be restored. {problem}")
        kept = None
        if database.exists():
            kept = database.with_name(f"{database.name}.before-restore-{_stamp(now)}")
            _copy(database, kept)
        _remove(database)
        os.replace(incoming, database)
    finally:
        _remove(incoming)
    return kept
