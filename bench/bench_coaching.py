"""Benchmark: the coach's caseload ("My participants", compact since issue 11), its
search as you type, a thread of 1,000 messages and the "anything new?" poll,
against the coach's /settings page, in the same run, interleaved.

Run from the project folder (one line):

    .venv/bin/python bench/bench_coaching.py

What it does, in order:

1. Makes (or reuses, when complete) the large demo set, the same one
   bench_jobs.py uses (``flask --app webapp seed-demo --size large``: 40,000
   residents, 1,300 coaches with about 30 participants each, 500,000
   messages), default ``bench/.data/``.
2. Starts gunicorn on 127.0.0.1 (free port, 2 workers, ``--preload``).
3. Logs in several large-set coaches (``coach-0001`` ...) and times, in turn
   (A, B, C, D, A, B ...): ``GET /settings`` (the baseline), ``GET /caseload``
   (the dashboard: needs you now, the rest A to Z, the A-Z jump and the chart),
   ``GET /caseload?q=<2 letters>`` as htmx asks for it while a coach types (the
   list alone, ``HX-Request: true``), ``GET /caseload/<id>/messages`` (the latest page of the
   1,000-message thread of coach-0001's first participant) and the poll
   ``GET /caseload/<id>/messages/poll?after=..&unread=..`` with nothing new
   (answered 204, or 304 to ``If-None-Match``). It also counts the bytes of
   each poll answer: status line, headers and body.
4. Prints a table and writes ``bench/results/coaching-latest.json``.

Targets: dashboard, search and thread p95 at most 3x the baseline p95; the poll
at most 1.5x and under 1 KB per answer. It also reports how many participants
each coach's dashboard lists (every one of them: the page is not cut short).
"""

import argparse
import os
import re
import signal
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_jobs as base  # noqa: E402 - the shared helpers: data, server, HTTP, statistics

ROOT = base.ROOT
DEFAULT_OUTPUT = os.path.join(ROOT, "bench", "results", "coaching-latest.json")
COACHES = 1_300
MESSAGES = 500_000
THREAD = 1_000
TARGET_PAGE_RATIO = 3.0
TARGET_POLL_RATIO = 1.5
TARGET_POLL_BYTES = 1024
say = base.say


def coaching_is_complete(data):
    path = os.path.join(data, "basisbaan.db")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            coaches = conn.execute(
                "SELECT COUNT(*) FROM users WHERE role = 'coach' AND username LIKE 'coach-%'"
            ).fetchone()[0]
            messages = conn.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return coaches >= COACHES and messages >= MESSAGES


def bench_thread(data):
    """coach-0001's participant with the longest thread, and its length."""
    conn = sqlite3.connect(f"file:{os.path.join(data, 'basisbaan.db')}?mode=ro", uri=True)
    try:
        return conn.execute(
            """SELECT users.id, COUNT(messages.id) AS n FROM users
               JOIN users AS coach ON coach.id = users.coach_id AND coach.username = 'coach-0001'
               JOIN messages ON messages.resident_id = users.id
               GROUP BY users.id ORDER BY n DESC LIMIT 1"""
        ).fetchone()
    finally:
        conn.close()


def log_in_coach(port, username):
    return base.log_in(port, username, "/caseload", (b"caseload-item__name",))


def listed(page):
    """How many participants a caseload page (or its htmx list) shows."""
    return page.count(b'class="caseload-item__name"')


def answer_bytes(status, headers, body):
    """What the answer costs on the wire (uncompressed): status line, headers, body."""
    line = len(f"HTTP/1.1 {status} \r\n")
    head = sum(len(name) + len(value) + 4 for name, value in headers.items()) + 2
    return line + head + len(body)


def timed(port, path, cookies, expect, headers=None):
    started = time.perf_counter()
    status, answer_headers, body = base.request(port, "GET", path, cookies, headers=headers)
    elapsed = (time.perf_counter() - started) * 1000
    if status not in expect:
        raise SystemExit(f"GET {path} gave {status}")
    return elapsed, answer_bytes(status, answer_headers, body), status, answer_headers


def measure(port, coach_jars, bench_jar, resident_id, count, warmup):
    thread_path = f"/caseload/{resident_id}/messages"
    status, _headers, page = base.request(port, "GET", thread_path, bench_jar)
    if status != 200:
        raise SystemExit(f"GET {thread_path} gave {status}")
    shown = len(re.findall(rb'class="message message--', page))
    # The poll's address sits on #thread-poll (static/js/coaching.js asks it since issue 10).
    poll_path = re.search(rb'data-poll="([^"]+/poll[^"]+)"', page).group(1).decode()
    poll_path = poll_path.replace("&amp;", "&")
    _ms, _size, _status, poll_headers = timed(port, poll_path, bench_jar, (204,))
    etag = poll_headers.get("ETag")

    htmx = {"HX-Request": "true"}
    status, _headers, typed = base.request(port, "GET", "/caseload?q=an", bench_jar, headers=htmx)
    if status != 200 or b"<html" in typed:
        raise SystemExit(f"GET /caseload?q=an (htmx) gave {status}, or a whole page")
    pages = {
        "settings": ("/settings", (200,), None),
        "dashboard": ("/caseload", (200,), None),
        "search": ("/caseload?q=an", (200,), htmx),
        "thread": (thread_path, (200,), None),
        "poll": (poll_path, (204,), None),
        "poll_304": (poll_path, (304,), {"If-None-Match": etag}),
    }
    for index in range(warmup):
        for name, (path, expect, headers) in pages.items():
            jar = coach_jars[index % len(coach_jars)] if name in ("dashboard", "search") else bench_jar
            timed(port, path, jar, expect, headers)
    times = {name: [] for name in pages}
    sizes = {name: [] for name in pages}
    for index in range(count):
        for name, (path, expect, headers) in pages.items():
            jar = coach_jars[index % len(coach_jars)] if name in ("dashboard", "search") else bench_jar
            elapsed, size, _status, _h = timed(port, path, jar, expect, headers)
            times[name].append(elapsed)
            sizes[name].append(size)
    result = {
        name: base.summary(values) | {"bytes_max": max(sizes[name]), "bytes_last": sizes[name][-1]}
        for name, values in times.items()
    }
    baseline = result["settings"]["p95_ms"]
    result["ratio_p95"] = {
        name: round(result[name]["p95_ms"] / baseline, 2)
        for name in ("dashboard", "search", "thread", "poll", "poll_304")
    }
    result["ratio_p50"] = {
        name: round(result[name]["p50_ms"] / result["settings"]["p50_ms"], 2)
        for name in ("dashboard", "search", "thread", "poll", "poll_304")
    }
    result["thread_messages_shown"] = shown
    result["participants_listed"] = [listed(base.request(port, "GET", "/caseload", jar)[2]) for jar in coach_jars]
    return result


def targets(lat):
    ratio = lat["ratio_p95"]
    most = max(lat["poll"]["bytes_max"], lat["poll_304"]["bytes_max"])
    return {
        "dashboard": {
            "what": "dashboard p95 / baseline p95",
            "value": f"{ratio['dashboard']:.2f}x",
            "limit": "3x",
            "pass": ratio["dashboard"] <= TARGET_PAGE_RATIO,
        },
        "search": {
            "what": "search as you type (htmx list) p95 / baseline p95",
            "value": f"{ratio['search']:.2f}x",
            "limit": "3x",
            "pass": ratio["search"] <= TARGET_PAGE_RATIO,
        },
        "thread": {
            "what": "thread (1,000) p95 / baseline p95",
            "value": f"{ratio['thread']:.2f}x",
            "limit": "3x",
            "pass": ratio["thread"] <= TARGET_PAGE_RATIO,
        },
        "poll": {
            "what": "poll (204) p95 / baseline p95",
            "value": f"{ratio['poll']:.2f}x",
            "limit": "1.5x",
            "pass": ratio["poll"] <= TARGET_POLL_RATIO,
        },
        "poll_304": {
            "what": "poll (304) p95 / baseline p95",
            "value": f"{ratio['poll_304']:.2f}x",
            "limit": "1.5x",
            "pass": ratio["poll_304"] <= TARGET_POLL_RATIO,
        },
        "poll_bytes": {
            "what": "bytes per poll answer (max)",
            "value": str(most),
            "limit": f"{TARGET_POLL_BYTES}",
            "pass": most < TARGET_POLL_BYTES,
        },
    }


def report(results):
    lat = results["latency"]
    say()
    say(f"Latency, {lat['settings']['n']} interleaved requests each (ms, one client, wall time incl. connect)")
    say(f"  {'page':<34}{'p50':>8}{'p95':>8}{'mean':>8}{'max':>8}{'bytes':>9}{'x p95':>8}")
    labels = {
        "settings": "/settings (baseline)",
        "dashboard": "/caseload (dashboard)",
        "search": "/caseload?q=an (htmx list)",
        "thread": f"thread of {results['thread_length']} (latest)",
        "poll": "poll, nothing new (204)",
        "poll_304": "poll, If-None-Match (304)",
    }
    for name, label in labels.items():
        row = lat[name]
        ratio = lat["ratio_p95"].get(name, 1.0)
        say(
            f"  {label:<34}{row['p50_ms']:>8.1f}{row['p95_ms']:>8.1f}{row['mean_ms']:>8.1f}"
            f"{row['max_ms']:>8.1f}{row['bytes_last']:>9}{ratio:>7.2f}x"
        )
    say(f"  participants listed per coach: {lat['participants_listed']}")
    say()
    say("Targets")
    for target in results["targets"].values():
        say(f"  {base.verdict(target['pass'])}  {target['what']}: {target['value']} (limit {target['limit']})")
    seed = results["seed"]
    seeded = (
        f"reused (made in {seed['seconds_when_made']:.1f} s)" if seed["reused"] else f"{seed['seconds']:.1f} s"
    )
    say()
    say(f"Seeding: {seeded}; whole run: {results['total_seconds']:.1f} s")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", "--requests", type=int, default=300, help="requests per page")
    parser.add_argument("--coaches", type=int, default=10, help="coaches for the dashboard")
    parser.add_argument("--warmup", type=int, default=20, help="untimed rounds first")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", default=base.DEFAULT_DATA, help="instance folder, large set")
    parser.add_argument("--reseed", action="store_true", help="seed again even if complete")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    if args.requests < 1 or not 1 <= args.coaches <= COACHES:
        parser.error("--requests must be >= 1 and --coaches between 1 and 1300")

    started = time.perf_counter()
    data = os.path.abspath(args.data)
    seed = base.prepare_data(data, args.reseed)
    if not coaching_is_complete(data):
        say("Data: the large set has no coaching data yet; seeding again ...")
        seed = base.prepare_data(data, reseed=True)
    resident_id, length = bench_thread(data)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    port = base.free_port()
    server = base.Server(data, port, args.workers)
    try:
        server.wait_healthy()
        say(f"Server: {' '.join(server.command[1:])} (port {port})")
        names = [f"coach-{1 + i * (COACHES // args.coaches):04d}" for i in range(args.coaches)]
        jars = [log_in_coach(port, name) for name in names]
        say(
            f"Logged in {len(jars)} coaches ({names[0]} ... {names[-1]}); "
            f"thread of {length} messages: participant {resident_id}"
        )
        load_before = base._load()
        latency = measure(port, jars, jars[0], resident_id, args.requests, args.warmup)
        load_after = base._load()
    finally:
        server.stop()

    results = {
        "generated_at": base._now(),
        "machine": {"cpus": os.cpu_count(), "load_during": [load_before, load_after]},
        "settings": {
            "requests": args.requests,
            "coaches": args.coaches,
            "warmup": args.warmup,
            "workers": args.workers,
        },
        "seed": seed,
        "thread_length": length,
        "latency": latency,
    }
    results["targets"] = targets(latency)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    return base.write_results(results, args, report)


if __name__ == "__main__":
    sys.exit(main())
