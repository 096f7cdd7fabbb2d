"""The check-in averages on the large set: the programme for the council
(``/gemeente/impact``, which shows both suppressed tables) against the same
person's ``/settings``, in one process; and its first opening after the
check-ins changed, when the tables are counted again.

    .venv/bin/python bench/bench_checkins.py [--data FOLDER] [-n 40]

Copies the large set (``bench/.data``, made by ``bench_jobs.py``; or
``--data``) to a temporary folder, adds the large set's check-ins when it has
none (webapp/seed/checkins.py: an older set was made before them), then times
the two pages through Flask's test client, interleaved. Prints p50/p95 and the
ratio of the p95s (target 3x)."""

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from webapp import create_app
from webapp.db import connect
from webapp.seed import checkins as seed_checkins

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
from http_support import sign_in  # noqa: E402 - the tests' quick log-in


def p95(times):
    return sorted(times)[max(0, int(len(times) * 0.95) - 1)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(HERE / ".data"))
    parser.add_argument("-n", type=int, default=40)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-checkins-"))
    try:
        source = sqlite3.connect(Path(args.data) / "basisbaan.db")
        target = sqlite3.connect(folder / "basisbaan.db")
        source.backup(target)
        source.close()
        target.close()
        app = create_app({"TESTING": True, "DATABASE": str(folder / "basisbaan.db"), "SECRET_KEY": "bench"})
        db = connect(app.config["DATABASE"])
        if db.execute("SELECT COUNT(*) FROM checkins").fetchone()[0] == 0:
            started = time.perf_counter()
            seed_checkins.seed_large(db, random.Random(2026), date.today())
            print(f"added check-ins in {time.perf_counter() - started:.1f} s")
        counts = db.execute(
            "SELECT (SELECT COUNT(*) FROM checkins), (SELECT COUNT(*) FROM checkin_consent WHERE answer = 'yes')"
        ).fetchone()
        db.close()
        print(f"{counts[0]} check-ins, {counts[1]} participants who said yes")
        client = app.test_client()
        with client.session_transaction() as session:
            session.clear()
        sign_in(client, "gemeente")
        for _ in range(3):
            client.get("/gemeente/impact")
            client.get("/settings")
        times = {"/settings": [], "/gemeente/impact": []}
        for _ in range(args.n):
            for path in times:
                started = time.perf_counter()
                response = client.get(path)
                times[path].append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (path, response.status_code)
        for path, found in times.items():
            print(f"{path:20s} p50 {statistics.median(found):7.1f} ms  p95 {p95(found):7.1f} ms")
        ratio = p95(times["/gemeente/impact"]) / p95(times["/settings"])
        print(f"ratio p95 impact / settings: {ratio:.1f}x (target <= 3x)")
        # The first opening after a change makes the figures again: after a
        # check-in all of them, after a job or a placement all but the check-ins'.
        db = connect(app.config["DATABASE"])
        for counter, what in (("checkin_figures", "a check-in"), ("impact_figures", "a job change")):
            cold = []
            for _ in range(5):
                db.execute("UPDATE counters SET value = value + 1 WHERE name = ?", (counter,))
                started = time.perf_counter()
                assert client.get("/gemeente/impact").status_code == 200
                cold.append((time.perf_counter() - started) * 1000)
            label = f"first after {what}"
            print(f"{label:20s} p50 {statistics.median(cold):7.1f} ms  max {max(cold):7.1f} ms")
        db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
