"""Benchmark: a resident's proposal list and a vote, against the /settings page.

Run from the project folder (one line):

    .venv/bin/python bench/bench_proposals.py

What it does, in order:

1. Makes (or reuses, when complete) the large demo set in ``bench/.data/``
   (shared with bench_jobs.py: ``flask --app webapp seed-demo --size large``,
   which also adds 5,000 proposals and about 200,000 votes).
2. Starts gunicorn on 127.0.0.1 (free port, 2 workers, ``--preload``).
3. Logs in residents who still have votes to give, each with an open
   proposal in their own wijk that is far from its threshold.
4. Times, interleaved per round: ``GET /proposals`` (their wijk first),
   ``GET /settings`` (the baseline) and ``POST /proposals/<id>/vote``; an
   untimed ``POST .../unvote`` after each vote keeps the data as it was.
5. Prints a table and writes ``bench/results/proposals.json``.

Targets: the list's p95 at most 3x the baseline's, the vote's at most 2x.
"""

import argparse
import os
import re
import signal
import sqlite3
import sys
import time
from urllib.parse import urlencode

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_jobs  # noqa: E402 - the shared helpers: data, server, HTTP, statistics
from bench_jobs import (  # noqa: E402
    ROOT,
    Server,
    _load,
    _now,
    free_port,
    log_in,
    prepare_data,
    request,
    say,
    summary,
)

DEFAULT_OUTPUT = os.path.join(ROOT, "bench", "results", "proposals.json")
LARGE_PROPOSALS = 5_000
TARGET_LIST = 3.0
TARGET_VOTE = 2.0
CSRF = re.compile(rb'name="csrf_token"[^>]*value="([^"]+)"')


def proposals_present(data):
    path = os.path.join(data, "basisbaan.db")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            found = connection.execute("SELECT COUNT(*) FROM proposals").fetchone()[0]
            return found >= LARGE_PROPOSALS
        finally:
            connection.close()
    except sqlite3.Error:
        return False


def voters(data, count):
    """``[(username, proposal_id)]``: residents with a vote to give, each with an open
    proposal in their own wijk, not theirs, not voted on, far below its threshold."""
    connection = sqlite3.connect(f"file:{os.path.join(data, 'basisbaan.db')}?mode=ro", uri=True)
    try:
        limit = connection.execute("SELECT value FROM settings WHERE key = 'vote_limit'").fetchone()
        limit = int(limit[0]) if limit else 5
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        # Votes on open proposals per resident, counted in one pass over the votes
        # (a count per resident made SQLite walk every open proposal 40,000 times).
        given = dict(
            connection.execute(
                """SELECT votes.user_id, COUNT(*) FROM proposals
                   JOIN votes ON votes.proposal_id = proposals.id
                   WHERE proposals.status = 'open' AND proposals.deadline > ?
                   GROUP BY votes.user_id""",
                (now,),
            ).fetchall()
        )
        candidates = [
            row
            for row in connection.execute(
                """SELECT users.id, users.username, buurten.wijk_id FROM users
                   JOIN profiles ON profiles.user_id = users.id
                   JOIN buurten ON buurten.id = profiles.home_buurt_id
                   WHERE users.username LIKE 'bewoner-%'
                   ORDER BY users.id"""
            ).fetchall()
            if given.get(row[0], 0) < limit
        ]
        chosen, used = [], set()
        step = max(1, len(candidates) // count)
        for user_id, username, wijk_id in candidates[::step]:
            row = connection.execute(
                """SELECT id FROM proposals
                   WHERE status = 'open' AND wijk_id = ? AND deadline > ? AND author_id != ?
                     AND vote_count < threshold - 5
                     AND id NOT IN (SELECT proposal_id FROM votes WHERE user_id = ?)
                   ORDER BY id LIMIT 1 OFFSET ?""",
                (wijk_id, now, user_id, user_id, len(chosen)),
            ).fetchone()
            if row and row[0] not in used:
                used.add(row[0])
                chosen.append((username, row[0]))
            if len(chosen) == count:
                break
        return chosen
    finally:
        connection.close()


def timed(port, method, path, cookies, body=None, expect=200):
    started = time.perf_counter()
    status, headers, page = request(port, method, path, cookies, body=body)
    elapsed = (time.perf_counter() - started) * 1000
    if status != expect:
        raise SystemExit(f"{method} {path} gave {status}, expected {expect}")
    return elapsed, page, headers


def token_for(port, cookies, proposal_id):
    status, _headers, page = request(port, "GET", f"/proposals/{proposal_id}", cookies)
    match = CSRF.search(page)
    if status != 200 or not match:
        raise SystemExit(f"GET /proposals/{proposal_id} gave {status} without a csrf_token")
    if f'action="/proposals/{proposal_id}/vote"'.encode() not in page:
        raise SystemExit(f"proposal {proposal_id} offers this resident no vote button")
    return match.group(1).decode()


def measure(port, people, rounds, warmup):
    times = {"list": [], "settings": [], "vote": []}
    sizes = {}
    for index in range(warmup + rounds):
        cookies, proposal_id, token = people[index % len(people)]
        body = urlencode({"csrf_token": token})
        list_ms, page, _h = timed(port, "GET", "/proposals", cookies)
        settings_ms, settings_page, _h = timed(port, "GET", "/settings", cookies)
        vote_ms, _page, headers = timed(port, "POST", f"/proposals/{proposal_id}/vote", cookies, body, expect=303)
        if not headers.get("Location", "").startswith(f"/proposals/{proposal_id}"):
            raise SystemExit(f"the vote went to {headers.get('Location')}")
        timed(port, "POST", f"/proposals/{proposal_id}/unvote", cookies, body, expect=303)
        if index == 0 and b"proposal-card" not in page:
            raise SystemExit("/proposals shows no proposals")
        if index >= warmup:
            times["list"].append(list_ms)
            times["settings"].append(settings_ms)
            times["vote"].append(vote_ms)
        sizes = {"list": len(page), "settings": len(settings_page)}
    result = {name: summary(values) for name, values in times.items()}
    for name, size in sizes.items():
        result[name]["html_bytes"] = size
    base = result["settings"]
    result["ratio"] = {
        name: {
            "p50": round(result[name]["p50_ms"] / base["p50_ms"], 2),
            "p95": round(result[name]["p95_ms"] / base["p95_ms"], 2),
        }
        for name in ("list", "vote")
    }
    return result


def report(results):
    lat = results["latency"]
    say()
    say(
        f"Latency, {lat['list']['n']} interleaved rounds, {results['residents']} residents "
        "(ms, one client, wall time incl. connect)"
    )
    bench_jobs.say_latency(
        lat,
        (
            ("list", "GET /proposals (own wijk first)"),
            ("vote", "POST /proposals/<id>/vote"),
            ("settings", "GET /settings (baseline)"),
        ),
        ("list", "vote"),
        width=36,
    )
    say()
    say("Targets")
    for target in results["targets"].values():
        say(
            f"  {'PASS' if target['pass'] else 'FAIL'}  {target['what']}: {target['value']} "
            f"(limit {target['limit']})"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", "--rounds", type=int, default=400, help="timed rounds")
    parser.add_argument("--residents", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", default=bench_jobs.DEFAULT_DATA)
    parser.add_argument("--reseed", action="store_true")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    data = os.path.abspath(args.data)
    seed = prepare_data(data, args.reseed or not proposals_present(data))
    if not proposals_present(data):
        raise SystemExit("The large set has no proposals: seed it again with --reseed")
    chosen = voters(data, args.residents)
    if len(chosen) < args.residents:
        raise SystemExit(f"Found only {len(chosen)} residents with a vote to give")

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    port = free_port()
    server = Server(data, port, args.workers)
    try:
        server.wait_healthy()
        say(f"Server: {' '.join(server.command[1:])} (port {port})")
        people = []
        for username, proposal_id in chosen:
            cookies = log_in(port, username)
            people.append((cookies, proposal_id, token_for(port, cookies, proposal_id)))
        say(f"Logged in {len(people)} residents, each with an open proposal to vote on")
        load_before = _load()
        latency = measure(port, people, args.rounds, args.warmup)
        load_after = _load()
    finally:
        server.stop()

    lat = latency
    results = {
        "generated_at": _now(),
        "machine": {"cpus": os.cpu_count(), "load_during": [load_before, load_after]},
        "settings": vars(args) | {"data": data},
        "residents": len(people),
        "seed": seed,
        "latency": latency,
        "targets": {
            "list_p95_ratio": {
                "what": "list p95 / baseline p95",
                "value": f"{lat['ratio']['list']['p95']:.2f}x",
                "limit": f"{TARGET_LIST:.0f}x",
                "pass": lat["ratio"]["list"]["p95"] <= TARGET_LIST,
            },
            "vote_p95_ratio": {
                "what": "vote p95 / baseline p95",
                "value": f"{lat['ratio']['vote']['p95']:.2f}x",
                "limit": f"{TARGET_VOTE:.0f}x",
                "pass": lat["ratio"]["vote"]["p95"] <= TARGET_VOTE,
            },
        },
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    return bench_jobs.write_results(results, args, report)


if __name__ == "__main__":
    sys.exit(main())
