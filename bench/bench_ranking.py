"""Benchmark: the ranked job list, its text search and a coach's participant
page, each against the same user's /settings, interleaved, in one run.

Run from the project folder (one line):

    .venv/bin/python bench/bench_ranking.py [--before REV] [--data FOLDER]

It reuses the large set of bench_jobs.py (``bench/.data``; ``--data`` for
another folder, such as a set with 20,000 open jobs), starts gunicorn
(2 workers) and times, in turn: a resident's ``/settings`` (baseline),
``/jobs`` (best fit first), ``/jobs?q=zorg``, then a coach's ``/settings``
(baseline) and ``/caseload/<id>`` (the participant page with its fitting
jobs; every opening is written to the access log). Ratios are p95 over the
same user's baseline p95. ``--before REV`` measures the project at git
revision REV the same way first (same data, same script).
Writes ``bench/results/ranking.json``.
"""

import argparse
import json
import os
import signal
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_coaching as coaching  # noqa: E402 - the sibling modules
import bench_jobs as base  # noqa: E402

DEFAULT_OUTPUT = os.path.join(base.ROOT, "bench", "results", "ranking.json")
TARGET = 3.0
say = base.say


def participants(data, coach, count):
    conn = sqlite3.connect(f"file:{os.path.join(data, 'basisbaan.db')}?mode=ro", uri=True)
    try:
        found = conn.execute(
            """SELECT users.id FROM users JOIN users AS coach ON coach.id = users.coach_id
               JOIN profiles ON profiles.user_id = users.id
               WHERE coach.username = ? ORDER BY users.id LIMIT ?""",
            (coach, count),
        ).fetchall()
        open_jobs = conn.execute("SELECT COUNT(*) FROM jobs WHERE status = 'open'").fetchone()[0]
    finally:
        conn.close()
    return [row[0] for row in found], open_jobs


def measure(root, data, count, warmup, workers):
    base.ROOT = root  # gunicorn runs the project in ``root`` (a copy at --before REV)
    port = base.free_port()
    server = base.Server(data, port, workers)
    try:
        server.wait_healthy()
        residents = [base.log_in(port, f"bewoner-{1 + i * 2000:05d}") for i in range(20)]
        coach = coaching.log_in_coach(port, "coach-0001")
        ids, open_jobs = participants(data, "coach-0001", 10)
        pages = {
            "settings": lambda i: ("/settings", residents[i % 20]),
            "jobs": lambda i: ("/jobs", residents[i % 20]),
            "jobs_q": lambda i: ("/jobs?q=zorg", residents[i % 20]),
            "coach_settings": lambda i: ("/settings", coach),
            "participant": lambda i: (f"/caseload/{ids[i % len(ids)]}", coach),
        }
        for index in range(warmup):
            for page in pages.values():
                base.timed_get(port, *page(index))
        times = {name: [] for name in pages}
        for index in range(count):
            for name, page in pages.items():
                times[name].append(base.timed_get(port, *page(index))[0])
    finally:
        server.stop()
        base.ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    result = {name: base.summary(values) for name, values in times.items()}
    result["open_jobs"] = open_jobs
    result["ratio_p95"] = {
        "jobs": round(result["jobs"]["p95_ms"] / result["settings"]["p95_ms"], 2),
        "jobs_q": round(result["jobs_q"]["p95_ms"] / result["settings"]["p95_ms"], 2),
        "participant": round(result["participant"]["p95_ms"] / result["coach_settings"]["p95_ms"], 2),
    }
    return result


LABELS = {
    "settings": "resident /settings (baseline)",
    "jobs": "/jobs",
    "jobs_q": "/jobs?q=zorg",
    "coach_settings": "coach /settings (baseline)",
    "participant": "/caseload/<id> (participant)",
}


def show(title, result):
    say()
    say(f"{title}: {result['open_jobs']} open jobs, {result['settings']['n']} interleaved requests each (ms)")
    say(f"  {'page':<34}{'p50':>8}{'p95':>8}{'x p95':>8}")
    for name, label in LABELS.items():
        ratio = result["ratio_p95"].get(name)
        shown = f"{ratio:>7.2f}x" if ratio is not None else ""
        say(f"  {label:<34}{result[name]['p50_ms']:>8.1f}{result[name]['p95_ms']:>8.1f}{shown}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", "--requests", type=int, default=200, help="requests per page")
    parser.add_argument("--warmup", type=int, default=20, help="untimed rounds first")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", default=base.DEFAULT_DATA, help="instance folder with a large set")
    parser.add_argument("--before", metavar="REV", help="also measure the project at this git revision")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    data = os.path.abspath(args.data)
    if not base.data_is_complete(data):
        raise SystemExit(f"No complete large set in {data}: run bench/bench_jobs.py first")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    results = {"generated_at": base._now(), "data": data, "load_before": base._load()}
    if args.before:
        with base.project_at(args.before, ("bench_jobs.py", "bench_coaching.py", "bench_ranking.py")) as tree:
            results["before"] = measure(tree, data, args.requests, args.warmup, args.workers)
        results["before_revision"] = args.before
        show(f"before ({args.before})", results["before"])
    results["after"] = measure(base.ROOT, data, args.requests, args.warmup, args.workers)
    show("now", results["after"])
    results["load_after"] = base._load()
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    say()
    for name, ratio in results["after"]["ratio_p95"].items():
        say(f"  {base.verdict(ratio <= TARGET)}  {LABELS[name]} p95 / baseline p95: {ratio:.2f}x (limit 3x)")
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2)
        handle.write("\n")
    say(f"Wrote {os.path.relpath(args.output, os.getcwd())} ({results['total_seconds']} s)")


if __name__ == "__main__":
    main()
