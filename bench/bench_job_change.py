"""Benchmark: the first job list a worker shows after one job changed.

Run from the project folder (one line):

    .venv/bin/python bench/bench_job_change.py [--jobs 20000] [--field hours]

Every worker keeps the facts of all open jobs. What does its first ``/jobs``
cost after one job changed somewhere else (a coach, the municipality or the
other worker)? In order:

1. Makes (or reuses) the large demo set in ``bench/.data/`` as ``bench_jobs.py``
   does; with ``--jobs N`` above 2,000 a copy of it with N open jobs beside it
   (``bench/.data-jobsN/``).
2. Starts gunicorn on 127.0.0.1 with ONE worker (``--workers``), so every
   request meets the same cache, and logs in residents.
3. Per round: ``GET /settings`` (the baseline), ``GET /jobs`` (warm: nothing
   changed), then one UPDATE of one open job straight in the database (as
   another process would), then ``GET /jobs`` again: the first after the
   change. ``--field hours`` changes what the ranking reads;
   ``--field places_filled`` a filled place, which it does not read.
   Each changed job gets its old value back at the end.
4. Prints p50/p95 of the three and writes ``bench/results/job_change.json``.
"""

import argparse
import os
import random
import signal
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_jobs  # noqa: E402 - the shared helpers: data, server, HTTP, statistics
from bench_jobs import (  # noqa: E402
    LARGE_JOBS,
    RESIDENTS,
    ROOT,
    Server,
    _database,
    _load,
    _now,
    free_port,
    log_in,
    say,
    summary,
    timed_get,
)

DEFAULT_OUTPUT = os.path.join(ROOT, "bench", "results", "job_change.json")
FIELDS = {"hours": "hours % 40 + 1", "places_filled": "places_filled + 1"}


def measure(port, path, jars, rounds, warmup, field):
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    ids = [row[0] for row in connection.execute("SELECT id FROM jobs WHERE status = 'open'")]
    chosen = random.Random(16).sample(ids, warmup + rounds)
    old = {}
    times = {"settings": [], "warm": [], "changed": []}
    try:
        for index, job_id in enumerate(chosen):
            jar = jars[index % len(jars)]
            settings_ms, _size = timed_get(port, "/settings", jar)
            warm_ms, _size = timed_get(port, "/jobs", jar)
            old[job_id] = connection.execute(f"SELECT {field} FROM jobs WHERE id = ?", (job_id,)).fetchone()[0]  # noqa: S608
            connection.execute(f"UPDATE jobs SET {field} = {FIELDS[field]} WHERE id = ?", (job_id,))  # noqa: S608
            changed_ms, _size = timed_get(port, "/jobs", jar)
            if index >= warmup:
                times["settings"].append(settings_ms)
                times["warm"].append(warm_ms)
                times["changed"].append(changed_ms)
    finally:
        for job_id, value in old.items():
            connection.execute(f"UPDATE jobs SET {field} = ? WHERE id = ?", (value, job_id))  # noqa: S608
        connection.close()
    result = {name: summary(values) for name, values in times.items()}
    base = result["settings"]
    result["ratio"] = {
        name: {
            "p50": round(result[name]["p50_ms"] / base["p50_ms"], 2),
            "p95": round(result[name]["p95_ms"] / base["p95_ms"], 2),
        }
        for name in ("warm", "changed")
    }
    result["extra_p50_ms"] = round(result["changed"]["p50_ms"] - result["warm"]["p50_ms"], 2)
    return result


def report(results):
    lat = results["latency"]
    say()
    say(
        f"First /jobs after one change of '{results['settings']['field']}', "
        f"{lat['changed']['n']} rounds, {results['open_jobs']} open jobs, "
        f"{results['settings']['workers']} worker(s) (ms, one client)"
    )
    bench_jobs.say_latency(
        lat,
        (
            ("changed", "GET /jobs, first after the change"),
            ("warm", "GET /jobs, nothing changed"),
            ("settings", "GET /settings (baseline)"),
        ),
        ("changed", "warm"),
    )
    say(f"  the change adds (p50): {lat['extra_p50_ms']:.1f} ms")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", "--rounds", type=int, default=100, help="timed rounds")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--residents", type=int, default=10)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=LARGE_JOBS, help="open jobs: above 2000 a copy with more")
    parser.add_argument("--field", choices=sorted(FIELDS), default="hours")
    parser.add_argument("--data", default=bench_jobs.DEFAULT_DATA)
    parser.add_argument("--reseed", action="store_true")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--strict", action="store_true", help="unused: no target, only figures")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    data, seed = bench_jobs.data_for(args)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    port = free_port()
    server = Server(data, port, args.workers)
    try:
        server.wait_healthy()
        say(f"Server: {' '.join(server.command[1:])} (port {port})")
        step = RESIDENTS // args.residents
        jars = [log_in(port, f"bewoner-{1 + i * step:05d}") for i in range(args.residents)]
        load_before = _load()
        latency = measure(port, _database(data), jars, args.rounds, args.warmup, args.field)
        load_after = _load()
    finally:
        server.stop()
    connection = sqlite3.connect(f"file:{_database(data)}?mode=ro", uri=True)
    open_jobs = connection.execute("SELECT COUNT(*) FROM jobs WHERE status = 'open'").fetchone()[0]
    connection.close()
    results = {
        "generated_at": _now(),
        "machine": {"cpus": os.cpu_count(), "load_during": [load_before, load_after]},
        "settings": vars(args) | {"data": data},
        "open_jobs": open_jobs,
        "seed": seed,
        "latency": latency,
        "targets": {},
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    return bench_jobs.write_results(results, args, report)


if __name__ == "__main__":
    sys.exit(main())
