"""Benchmark: the municipality's overview (``/gemeente``) against the same
user's ``/settings`` page, on the large data set, in the same run.

Run from the project folder (one line):

    .venv/bin/python bench/bench_overview.py

What it does, in order:

1. Makes (or reuses, when complete) the large demo set that bench_jobs.py uses
   (``flask --app webapp seed-demo --size large``: 193,000 votes), default
   ``bench/.data/``.
2. Starts gunicorn on 127.0.0.1 (free port, 2 workers, ``--preload``) and logs
   in the demo municipality account ``gemeente``.
3. Times ``GET /gemeente`` and ``GET /settings`` (the baseline) in interleaved
   pairs (A, B, A, B ...), each on a fresh connection, after untimed warm-up
   requests; three rounds. The ratio is the median of the three rounds' p95
   ratios (p50 too).
4. Prints a table and writes ``bench/results/overview-latest.json``.

``--before REV`` also measures the project as it was at git revision REV
(a copy made with ``git archive``, on the same data folder), for a
before/after figure in one command.

Target: the overview's p95 at most 3x the baseline p95.
"""

import argparse
import json
import os
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_jobs as base  # noqa: E402 - the shared helpers: data, server, HTTP, statistics

ROOT = base.ROOT
DEFAULT_OUTPUT = os.path.join(ROOT, "bench", "results", "overview-latest.json")
TARGET_RATIO = 3.0
USERNAME = "gemeente"
say = base.say


def log_in_gemeente(port):
    return base.log_in(port, USERNAME, "/gemeente", (b"chart-weeks",))


def measure(port, jar, count, warmup, rounds):
    pages = {"overview": "/gemeente", "settings": "/settings"}
    return base.interleaved_rounds(port, jar, pages, count, warmup, rounds, lambda _name: "ratio")


def run(data, args):
    port = base.free_port()
    server = base.Server(data, port, args.workers)
    try:
        server.wait_healthy()
        say(f"Server: {' '.join(server.command[1:])} (port {port})")
        jar = log_in_gemeente(port)
        load_before = base._load()
        result = measure(port, jar, args.requests, args.warmup, args.rounds)
        result["load_during"] = [load_before, base._load()]
        return result
    finally:
        server.stop()


def measure_at(revision, args, data):
    """Run this same measurement in a copy of the project at ``revision``."""
    with base.project_at(revision, ("bench_overview.py", "bench_jobs.py")) as tree:
        out = os.path.join(tree, "overview.json")
        command = [sys.executable, os.path.join(tree, "bench", "bench_overview.py"), "--data", data]
        command += ["--output", out, "--quiet", "-n", str(args.requests), "--warmup", str(args.warmup)]
        command += ["--rounds", str(args.rounds), "--workers", str(args.workers)]
        subprocess.run(command, cwd=tree, check=True)  # noqa: S603 - our own script
        with open(out, encoding="utf-8") as handle:
            return json.load(handle)["now"]


def line(name, result):
    return (
        f"{name:<8} {result['overview']['p50_ms']:>9.1f} {result['overview']['p95_ms']:>9.1f} "
        f"{result['settings']['p50_ms']:>9.1f} {result['settings']['p95_ms']:>9.1f} "
        f"{result['ratio_p50']:>7.2f}x {result['ratio_p95']:>7.2f}x"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--requests", type=int, default=150, help="timed requests per page and round")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests per page first")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", default=base.DEFAULT_DATA, help="instance folder for the large set")
    parser.add_argument("--before", metavar="REV", help="also measure the project at this git revision")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--quiet", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target fails")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.rounds < 1:
        parser.error("--requests and --rounds must be >= 1")

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    data = os.path.abspath(args.data)
    results = {"generated_at": base._now(), "cpus": os.cpu_count()}
    if not args.quiet:
        results["seed"] = base.prepare_data(data, False)
    if args.before:
        say(f"measuring {args.before} first ...")
        results["before"] = measure_at(args.before, args, data)
        results["before_revision"] = args.before
    results["now"] = run(data, args)
    passed = results["now"]["ratio_p95"] <= TARGET_RATIO
    results["target"] = {"what": "overview p95 / baseline p95", "limit": "3x", "pass": passed}
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2)
    if args.quiet:
        return 0
    print(f"\nThe municipality's overview against /settings ({args.rounds} rounds x {args.requests} pairs, ms)")
    print(f"{'':<8} {'/gemeente':>19} {'/settings':>19} {'ratio':>17}")
    print(f"{'':<8} {'p50':>9} {'p95':>9} {'p50':>9} {'p95':>9} {'p50':>8} {'p95':>8}")
    if "before" in results:
        print(line("before", results["before"]))
    print(line("now", results["now"]))
    print(f"\nTarget p95 <= 3x: {'pass' if passed else 'FAIL'} (median of the rounds' ratios)")
    print(f"Wrote {os.path.relpath(args.output, ROOT)}")
    return 1 if args.strict and not passed else 0


if __name__ == "__main__":
    sys.exit(main())
