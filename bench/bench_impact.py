"""Benchmark: the programme for the council (``/gemeente/impact``) and the
open-data page (``/open-data``) against the same user's ``/settings``, on the
large data set, in the same run.

Run from the project folder (one line):

    .venv/bin/python bench/bench_impact.py

What it does, in order:

1. Makes (or reuses, when complete) the large demo set that bench_jobs.py uses
   (``flask --app webapp seed-demo --size large``: 40,000 residents, about
   2,000 of them placed in a job), default ``bench/.data/``; the open-data
   files are made at the server's first start when missing.
2. Starts gunicorn on 127.0.0.1 (free port, 2 workers, ``--preload``) and logs
   in the demo municipality account ``gemeente``.
3. Times ``GET /gemeente/impact``, ``GET /open-data`` and ``GET /settings``
   (the baseline) in interleaved turns, each on a fresh connection, after
   untimed warm-up requests; three rounds. Each ratio is the median of the
   three rounds' p95 ratios (p50 too).
4. Prints a table and writes ``bench/results/impact-latest.json``.

Target: each page's p95 at most 3x the baseline p95.
"""

import argparse
import json
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_jobs as base  # noqa: E402 - the shared helpers: data, server, HTTP, statistics

ROOT = base.ROOT
DEFAULT_OUTPUT = os.path.join(ROOT, "bench", "results", "impact-latest.json")
TARGET_RATIO = 3.0
USERNAME = "gemeente"
PAGES = {"impact": "/gemeente/impact", "open_data": "/open-data", "settings": "/settings"}
MEASURED = ("impact", "open_data")  # against "settings"
say = base.say


def measure(port, jar, count, warmup, rounds):
    return base.interleaved_rounds(port, jar, PAGES, count, warmup, rounds, lambda name: f"{name}_ratio")


def run(data, args):
    port = base.free_port()
    server = base.Server(data, port, args.workers)
    try:
        server.wait_healthy()
        say(f"Server: {' '.join(server.command[1:])} (port {port})")
        jar = base.log_in(port, USERNAME, "/gemeente/impact", (b"chart-wijk",))
        load_before = base._load()
        result = measure(port, jar, args.requests, args.warmup, args.rounds)
        result["load_during"] = [load_before, base._load()]
        return result
    finally:
        server.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--requests", type=int, default=100, help="timed requests per page and round")
    parser.add_argument("--warmup", type=int, default=15, help="untimed requests per page first")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", default=base.DEFAULT_DATA, help="instance folder for the large set")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.rounds < 1:
        parser.error("--requests and --rounds must be >= 1")

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    data = os.path.abspath(args.data)
    results = {"generated_at": base._now(), "cpus": os.cpu_count()}
    results["seed"] = base.prepare_data(data, False)
    results["now"] = now = run(data, args)
    passed = all(now[f"{name}_ratio_p95"] <= TARGET_RATIO for name in MEASURED)
    results["target"] = {"what": "page p95 / baseline p95", "limit": "3x", "pass": passed}
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2)
    print(f"\nImpact and open data against /settings ({args.rounds} rounds x {args.requests} turns, ms)")
    print(f"{'page':<18} {'p50':>9} {'p95':>9} {'ratio p50':>10} {'ratio p95':>10}")
    for name in PAGES:
        ratio = f"{now[f'{name}_ratio_p50']:>9.2f}x {now[f'{name}_ratio_p95']:>9.2f}x" if name in MEASURED else ""
        print(f"{PAGES[name]:<18} {now[name]['p50_ms']:>9.1f} {now[name]['p95_ms']:>9.1f} {ratio}")
    print(f"\nTarget p95 <= 3x: {'pass' if passed else 'FAIL'} (median of the rounds' ratios)")
    print(f"Wrote {os.path.relpath(args.output, ROOT)}")
    return 1 if args.strict and not passed else 0


if __name__ == "__main__":
    sys.exit(main())
