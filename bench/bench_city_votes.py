"""Benchmark: a whole city votes. A burst of votes during the peak-hour mix, on the city set.

Run from the project folder (one line; needs the ``bench`` extra: Locust, psutil):

    .venv/bin/python bench/bench_city_votes.py

What it does, in order:

1. Makes (or reuses) the city set in ``bench/.data-city/``
   (``flask --app webapp seed-demo --size city``: 700,000 residents, about a
   million votes); prints the seed time and the database size (file + WAL).
   Reused while complete and made by the same seeding code (a fingerprint
   of ``webapp/seed/``, as bench_jobs.py does).
2. Starts gunicorn on 127.0.0.1 (2 workers, ``--preload``) with every limit
   raised (bench_jobs.Server, peak_hour.LIMITS).
3. Logs in the peak-hour mix's accounts (peak_hour.pick_accounts) and, apart
   from them, ``--rate`` x ``--burst-seconds`` distinct residents
   (``inwoner-NNNNNN``) who still have a vote to give, each with an open
   proposal in their own wijk that stays below its threshold.
4. Runs the peak-hour mix (bench/locustfile.py) with ``--users`` users for
   ``--seconds``; after ``--burst-after`` seconds, for ``--burst-seconds``, it
   sends ``--rate`` votes a second, each from another resident (open loop:
   the n-th vote leaves at start + n / rate, whatever the answers before),
   and, from the same client, ``--baseline-rate`` ``GET /settings`` a second
   as those residents.
5. Checks: every vote answered 303 (0 errors), each counted once (the vote
   is in ``votes`` once, and the votes table, the sum of
   ``proposals.vote_count`` and the overview's counters each moved by
   exactly the accepted votes plus any vote of the mix not yet taken back
   when Locust stopped), the vote's p95 within 2x the same client's
   ``/settings`` p95, and every page of the mix within 3x ``/settings``'
   p95 during the burst minute. Writes ``bench/results/city_votes.json``.
"""

import argparse
import concurrent.futures
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from urllib.parse import urlencode

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_jobs  # noqa: E402
import peak_hour  # noqa: E402
from bench_jobs import ROOT, Server, _load, _now, free_port, percentile, request, say  # noqa: E402

DEFAULT_DATA = os.path.join(ROOT, "bench", ".data-city")
DEFAULT_OUTPUT = os.path.join(ROOT, "bench", "results", "city_votes.json")
CITY_RESIDENTS = 700_000
CSRF = re.compile(rb'name="csrf_token"[^>]*value="([^"]+)"')
TARGET_VOTE = 2.0
TARGET_PAGE = 3.0


# -- 1. the city set ---------------------------------------------------------


def _database(data):
    return os.path.join(data, "basisbaan.db")


def _residents_in(data):
    path = _database(data)
    if not os.path.exists(path):
        return 0
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute(
                """SELECT COUNT(*) FROM users
                   WHERE role = 'resident' AND (username LIKE 'bewoner-%' OR username LIKE 'inwoner-%')"""
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def database_bytes(data):
    sizes = {}
    for suffix in ("", "-wal"):
        path = _database(data) + suffix
        sizes["file" if not suffix else "wal"] = os.path.getsize(path) if os.path.exists(path) else 0
    return sizes


def prepare_city(data, residents, reseed=False):
    """Seed the city set into ``data`` unless it is there, complete, from the same seed code."""
    marker = os.path.join(data, "bench-seed.json")
    fingerprint = bench_jobs.seed_fingerprint()
    made = {}
    if os.path.exists(marker):
        with open(marker, encoding="utf-8") as handle:
            made = json.load(handle)
    if reseed:
        why = "--reseed"
    elif made.get("residents") != residents or _residents_in(data) < residents:
        why = f"no complete city set of {residents:,} residents yet"
    elif made.get("seed_code") != fingerprint:
        why = "the seeding code changed since it was made"
    else:
        say(f"Data: reusing {data} (seeding took {made['seconds']:.1f} s when it was made)")
        return made | {"reused": True}
    os.makedirs(data, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        path = _database(data) + suffix
        if os.path.exists(path):
            os.remove(path)
    if os.path.exists(marker):
        os.remove(marker)
    say(f"Data: seeding the city set ({residents:,} residents) into {data} ({why}) ...")
    env = dict(os.environ, BASISBAAN_INSTANCE=data)
    command = [sys.executable, "-m", "flask", "--app", "webapp", "seed-demo", "--size", "city"]
    command += ["--residents", str(residents)]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    seconds = round(time.perf_counter() - started, 1)
    conn = sqlite3.connect(_database(data))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = {
            table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names
            for table in ("users", "votes", "proposals", "messages", "jobs")
        }
    finally:
        conn.close()
    made = {
        "seconds": seconds,
        "at": _now(),
        "seed_code": fingerprint,
        "residents": residents,
        "counts": counts,
        "bytes_after_seed": database_bytes(data),
    }
    with open(marker, "w", encoding="utf-8") as handle:
        json.dump(made, handle)
    say(f"Data: seeding took {seconds:.1f} s; {counts}")
    return made | {"reused": False}


# -- 3. the burst's voters ---------------------------------------------------


def pick_burst_voters(data, count, exclude_proposals=()):
    """``count`` distinct residents not on a benefit, each with a vote to give and an
    open proposal of their own wijk that stays below its threshold with the burst."""
    conn = sqlite3.connect(f"file:{_database(data)}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'vote_limit'").fetchone()
        limit = int(row[0]) if row else 5
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        room = {}
        by_wijk = {}
        for proposal_id, wijk_id, author_id, left in conn.execute(
            """SELECT id, wijk_id, author_id, threshold - vote_count - 1 FROM proposals
               WHERE status = 'open' AND deadline > ? ORDER BY threshold - vote_count DESC""",
            (now,),
        ):
            if proposal_id in exclude_proposals or left <= 0:
                continue
            room[proposal_id] = left
            by_wijk.setdefault(wijk_id, []).append((proposal_id, author_id))
        people = conn.execute(
            """SELECT users.id, users.username, buurten.wijk_id FROM users
               JOIN profiles ON profiles.user_id = users.id
               JOIN buurten ON buurten.id = profiles.home_buurt_id
               WHERE users.username LIKE 'inwoner-%' ORDER BY users.id"""
        ).fetchall()
        chosen = []
        stride = 7919  # a prime: spread over the whole set
        for index in range(len(people)):
            if len(chosen) == count:
                break
            user_id, username, wijk_id = people[(index * stride) % len(people)]
            given = conn.execute(
                """SELECT COUNT(*) FROM votes JOIN proposals ON proposals.id = votes.proposal_id
                   WHERE votes.user_id = ? AND proposals.status = 'open' AND proposals.deadline > ?""",
                (user_id, now),
            ).fetchone()[0]
            if given >= limit:
                continue
            for proposal_id, author_id in by_wijk.get(wijk_id, []):
                if room[proposal_id] <= 0 or author_id == user_id:
                    continue
                if conn.execute(
                    "SELECT 1 FROM votes WHERE proposal_id = ? AND user_id = ?", (proposal_id, user_id)
                ).fetchone():
                    continue
                room[proposal_id] -= 1
                chosen.append({"user_id": user_id, "username": username, "proposal": proposal_id})
                break
        if len(chosen) < count:
            raise SystemExit(f"Only {len(chosen)} residents with a vote to give; {count} wanted")
        return chosen
    finally:
        conn.close()


def burst_session(port, voter):
    """Logged in, with the proposal page's CSRF token; checks the page offers the vote."""
    cookies = {}
    status, _headers, page = request(port, "GET", "/login", cookies)
    token = CSRF.search(page).group(1).decode()
    form = urlencode({"csrf_token": token, "username": voter["username"], "password": bench_jobs.PASSWORD})
    status, _headers, _page = request(port, "POST", "/login", cookies, body=form + "&next=")
    if status != 303:
        raise SystemExit(f"Logging in {voter['username']} gave {status}")
    status, _headers, page = request(port, "GET", f"/proposals/{voter['proposal']}", cookies)
    if status != 200 or f'action="/proposals/{voter["proposal"]}/vote"'.encode() not in page:
        raise SystemExit(f"{voter['username']}: proposal {voter['proposal']} offers no vote ({status})")
    return voter | {"cookies": cookies, "csrf": CSRF.search(page).group(1).decode()}


# -- 4. the burst --------------------------------------------------------------


def run_burst(port, voters, rate, baseline_rate, seconds):
    """Open loop: vote n leaves at start + n / rate; /settings at baseline_rate beside it."""
    plan = [(i / rate, "vote", voters[i]) for i in range(int(rate * seconds))]
    plan += [(i / baseline_rate, "settings", voters[i % len(voters)]) for i in range(int(baseline_rate * seconds))]
    plan.sort(key=lambda item: item[0])
    results = []
    lock = threading.Lock()

    def send(kind, voter, due):
        started = time.perf_counter()
        try:
            if kind == "vote":
                body = urlencode({"csrf_token": voter["csrf"]})
                status, _h, _b = request(
                    port, "POST", f"/proposals/{voter['proposal']}/vote", voter["cookies"], body
                )
            else:
                status, _h, _b = request(port, "GET", "/settings", voter["cookies"])
        except OSError as error:
            status = f"{type(error).__name__}"
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            results.append(
                {
                    "kind": kind,
                    "at": time.time(),
                    "late_ms": (started - due) * 1000,
                    "ms": elapsed,
                    "status": status,
                    "voter": voter["username"],
                }
            )

    began = time.perf_counter()
    wall = time.time()
    with concurrent.futures.ThreadPoolExecutor(256) as pool:  # enough that no vote waits for a thread
        for offset, kind, voter in plan:
            due = began + offset
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            pool.submit(send, kind, voter, due)
    return results, (wall, time.time())


# -- 5. counting -------------------------------------------------------------


COUNTS = {
    "votes": "SELECT COUNT(*) FROM votes",
    "sum_vote_count": "SELECT SUM(vote_count) FROM proposals",
    "overview_vote_days": "SELECT SUM(votes) FROM overview_vote_days",
    "overview_proofs": "SELECT SUM(value) FROM overview_totals WHERE name LIKE 'proof:%'",
    "overview_voters_votes": "SELECT SUM(votes) FROM overview_voters",
    "overview_voters": "SELECT value FROM overview_totals WHERE name = 'voters'",
}


def counters(data):
    conn = sqlite3.connect(f"file:{_database(data)}?mode=ro", uri=True)
    try:
        return {name: conn.execute(sql).fetchone()[0] for name, sql in COUNTS.items()}
    finally:
        conn.close()


def present(data, pairs):
    """How many times each (proposal, user) pair is in votes."""
    conn = sqlite3.connect(f"file:{_database(data)}?mode=ro", uri=True)
    try:
        return [
            conn.execute("SELECT COUNT(*) FROM votes WHERE proposal_id = ? AND user_id = ?", pair).fetchone()[0]
            for pair in pairs
        ]
    finally:
        conn.close()


def window_routes(recorded, start, end):
    """p50/p95/p99 per route of the mix in [start, end] (wall clock), with the ratio to /settings."""
    times = {}
    for moment, name, milliseconds, _ok in recorded["samples"]:
        at = recorded["started"] + moment
        if start <= at <= end:
            times.setdefault(name, []).append(milliseconds)
    base = percentile(times["/settings"], 0.95) if times.get("/settings") else None
    return base, {
        name: {
            "n": len(values),
            "p50_ms": round(percentile(values, 0.5), 1),
            "p95_ms": round(percentile(values, 0.95), 1),
            "p99_ms": round(percentile(values, 0.99), 1),
            "ratio_p95": round(percentile(values, 0.95) / base, 2) if base else None,
        }
        for name, values in sorted(times.items())
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--residents", type=int, default=CITY_RESIDENTS, help="the city's size (seed)")
    parser.add_argument("--reseed", action="store_true")
    parser.add_argument("--seed-only", action="store_true", help="make the city set and stop")
    parser.add_argument("--users", type=int, default=60, help="users of the peak-hour mix")
    parser.add_argument("--seconds", type=int, default=100, help="how long the mix runs")
    parser.add_argument("--burst-after", type=int, default=25, help="seconds into the mix the burst starts")
    parser.add_argument("--burst-seconds", type=int, default=60)
    parser.add_argument("--rate", type=float, default=50, help="votes a second in the burst")
    parser.add_argument("--baseline-rate", type=float, default=10, help="GET /settings a second beside the votes")
    parser.add_argument("--think", default="1,3")
    parser.add_argument("--weights", default="85,12,3")
    parser.add_argument("--coaches", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    data = os.path.abspath(args.data)
    started = time.perf_counter()
    seed = prepare_city(data, args.residents, args.reseed)
    size = database_bytes(data)
    say(f"Data: database {size['file'] / 1e6:.0f} MB + WAL {size['wal'] / 1e6:.0f} MB")
    if args.seed_only:
        return 0
    think = [float(n) for n in args.think.split(",")]

    say("Accounts: the mix's residents, coaches and gemeente; the burst's voters ...")
    chosen, coaches, jobs, proposals = peak_hour.pick_accounts(data, args.users, args.coaches)
    mix_pairs = [person["proposal"] for person in chosen if person["proposal"]]
    burst_count = int(args.rate * args.burst_seconds)
    voters = pick_burst_voters(data, burst_count, set(mix_pairs))
    say(f"Accounts: {len(chosen)} residents for the mix ({len(mix_pairs)} voting), {len(voters)} burst voters")

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    for name in peak_hour.LIMITS:
        os.environ[f"BASISBAAN_{name}"] = bench_jobs.RAISED_LIMIT
    port = free_port()
    server = Server(data, port, args.workers)
    workdir = tempfile.mkdtemp(prefix="city-votes-")
    locust = None
    try:
        server.wait_healthy(timeout=180)
        say(f"Server: {' '.join(server.command[1:])} (port {port})")
        login_started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            resident_jars = list(pool.map(lambda p: peak_hour.resident_session(port, p), chosen))
            coach_jars = list(pool.map(lambda c: peak_hour.coach_session(port, c), coaches))
            gemeente_jars = list(pool.map(lambda _i: peak_hour.gemeente_session(port), range(3)))
            burst_jars = list(pool.map(lambda v: burst_session(port, v), voters))
        login_seconds = time.perf_counter() - login_started
        say(
            f"Logged in {len(resident_jars) + len(coach_jars) + 3} mix users and {len(burst_jars)} voters "
            f"in {login_seconds:.0f} s"
        )
        mix_voter_pairs = [
            (person["proposal"], _user_id(data, person["username"])) for person in chosen if person["proposal"]
        ]
        before = counters(data)
        plan = {
            "steps": [args.users],
            "step_seconds": args.seconds,
            "settle_seconds": 3,
            "limit": TARGET_PAGE,
            "keep_going": True,
            "saturation": 1000.0,
            "min_samples": 20,
            "weights": dict(
                zip(("residents", "coaches", "gemeente"), (int(n) for n in args.weights.split(",")), strict=True)
            ),
            "think": think,
            "residents": resident_jars,
            "coaches": coach_jars,
            "gemeente": gemeente_jars,
            "jobs": jobs,
            "proposals": proposals,
        }
        plan_path = os.path.join(workdir, "plan.json")
        samples_path = os.path.join(workdir, "samples.json")
        with open(plan_path, "w", encoding="utf-8") as handle:
            json.dump(plan, handle)
        sampler = peak_hour.Sampler(server.process.pid)
        sampler.start()
        load_before = _load()
        command = [
            os.path.join(os.path.dirname(sys.executable), "locust"),
            "-f",
            peak_hour.LOCUSTFILE,
            "--headless",
            "--host",
            f"http://127.0.0.1:{port}",
            "--loglevel",
            "WARNING",
            "--only-summary",
        ]
        env = dict(os.environ, PEAK_HOUR_PLAN=plan_path, PEAK_HOUR_SAMPLES=samples_path)
        say(
            f"Locust: {args.users} users for {args.seconds} s; burst of {args.rate:g} votes/s "
            f"for {args.burst_seconds} s after {args.burst_after} s"
        )
        locust = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        import psutil

        sampler.locust = psutil.Process(locust.pid)
        time.sleep(args.burst_after)
        burst, (burst_start, burst_end) = run_burst(
            port, burst_jars, args.rate, args.baseline_rate, args.burst_seconds
        )
        locust.wait()
        sampler.halt.set()
        load_after = _load()
        with open(samples_path, encoding="utf-8") as handle:
            recorded = json.load(handle)
    finally:
        if locust and locust.poll() is None:
            locust.terminate()
        server.stop()

    after = counters(data)
    votes = [r for r in burst if r["kind"] == "vote"]
    baseline = [r for r in burst if r["kind"] == "settings"]
    vote_errors = [r for r in votes if r["status"] != 303]
    baseline_errors = [r for r in baseline if r["status"] != 200]
    times_present = present(data, [(v["proposal"], v["user_id"]) for v in voters])
    accepted = sum(1 for n in times_present if n == 1)
    twice = sum(1 for n in times_present if n > 1)
    leftover = sum(present(data, mix_voter_pairs))
    expected = accepted + leftover
    deltas = {name: after[name] - before[name] for name in COUNTS}
    counted_once = all(deltas[name] == expected for name in COUNTS if name != "overview_voters") and twice == 0
    vote_ms = [r["ms"] for r in votes]
    base_ms = [r["ms"] for r in baseline]
    vote_p95, base_p95 = percentile(vote_ms, 0.95), percentile(base_ms, 0.95)
    mix_base, routes = window_routes(recorded, burst_start, burst_end)
    # Before the burst: the mix alone (its first 3 s left out). A server past its
    # capacity queues every request alike and every ratio drops towards 1: the
    # ratios then say nothing, so the run is marked saturated instead of judged.
    quiet_base, _quiet = window_routes(recorded, recorded["started"] + 3, burst_start)
    planned = args.burst_seconds
    saturated = bool(
        (quiet_base and mix_base and mix_base > 4 * quiet_base) or (burst_end - burst_start) > 1.1 * planned
    )
    step = peak_hour.step_summary(recorded["samples"], recorded["started"], recorded["steps"][0], 3)
    step["usage"] = peak_hour.usage(sampler.rows, *step.pop("window"))
    burst_usage = peak_hour.usage(sampler.rows, burst_start, burst_end)
    mix_errors = sum(1 for s in recorded["samples"] if not s[3])
    pages = {name: row for name, row in routes.items() if name != "/settings" and row["n"] >= 20}
    worst_page = max(pages.items(), key=lambda item: item[1]["ratio_p95"] or 0) if pages else (None, {})
    results = {
        "generated_at": _now(),
        "settings": vars(args),
        "seed": seed,
        "database_bytes": size,
        "login_seconds": round(login_seconds, 1),
        "machine": {"cpus": os.cpu_count(), "load_before": load_before, "load_after": load_after},
        "burst": {
            "sent": len(votes),
            "seconds": round(burst_end - burst_start, 1),
            "answered_303": len(votes) - len(vote_errors),
            "errors": len(vote_errors),
            "error_examples": vote_errors[:5],
            "accepted": accepted,
            "in_votes_twice": twice,
            "latest_send_ms": round(max(r["late_ms"] for r in votes), 1),
            "vote": {
                "p50_ms": round(percentile(vote_ms, 0.5), 1),
                "p95_ms": round(vote_p95, 1),
                "p99_ms": round(percentile(vote_ms, 0.99), 1),
            },
            "settings_same_client": {
                "n": len(base_ms),
                "errors": len(baseline_errors),
                "p50_ms": round(percentile(base_ms, 0.5), 1),
                "p95_ms": round(base_p95, 1),
            },
            "vote_ratio_p95": round(vote_p95 / base_p95, 2),
            "vote_ratio_p95_to_mix_settings": round(vote_p95 / mix_base, 2) if mix_base else None,
            "usage": burst_usage,
        },
        "counted": {
            "before": before,
            "after": after,
            "deltas": deltas,
            "accepted": accepted,
            "mix_votes_not_taken_back": leftover,
            "expected_delta": expected,
            "each_once": counted_once,
        },
        "saturated": saturated,
        "mix_before_burst": {
            "settings_p95_ms": round(quiet_base, 1) if quiet_base else None,
            "usage": peak_hour.usage(sampler.rows, recorded["started"] + 3, burst_start),
        },
        "mix_during_burst": {
            "settings_p95_ms": round(mix_base, 1) if mix_base else None,
            "routes": routes,
            "worst": {"route": worst_page[0], "ratio": worst_page[1].get("ratio_p95")},
        },
        "mix_whole_run": step,
        "mix_errors": mix_errors,
    }
    ok_votes = not vote_errors and accepted == len(votes) and counted_once
    ok_vote_ratio = results["burst"]["vote_ratio_p95"] <= TARGET_VOTE
    ok_pages = all((row["ratio_p95"] or 0) <= TARGET_PAGE for row in pages.values())
    results["targets"] = {
        "every_vote_answered_and_counted_once": ok_votes,
        "vote_p95_within_2x": "not judged: saturated" if saturated else ok_vote_ratio,
        "every_page_within_3x": "not judged: saturated" if saturated else ok_pages,
        "mix_errors_zero": mix_errors == 0,
    }
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    report(results)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2, default=str)
        handle.write("\n")
    say(f"Wrote {os.path.relpath(args.output, os.getcwd())} ({results['total_seconds']} s)")
    return 0 if ok_votes and mix_errors == 0 else 1


def _user_id(data, username):
    conn = sqlite3.connect(f"file:{_database(data)}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id FROM users WHERE username = ?", (username,)).fetchone()[0]
    finally:
        conn.close()


def report(results):
    seed, burst, counted = results["seed"], results["burst"], results["counted"]
    size = results["database_bytes"]
    say()
    say(
        f"City set: {seed.get('counts')}; seeded in {seed['seconds']:.0f} s; "
        f"database {size['file'] / 1e6:.0f} MB + WAL {size['wal'] / 1e6:.0f} MB"
    )
    say(
        f"Burst: {burst['sent']} votes in {burst['seconds']} s, {burst['answered_303']} answered 303, "
        f"{burst['errors']} errors, {burst['accepted']} counted (twice: {burst['in_votes_twice']})"
    )
    say(
        f"  vote p50 {burst['vote']['p50_ms']} ms, p95 {burst['vote']['p95_ms']} ms; /settings (same client) "
        f"p95 {burst['settings_same_client']['p95_ms']} ms -> ratio {burst['vote_ratio_p95']}x "
        f"(to the mix's /settings: {burst['vote_ratio_p95_to_mix_settings']}x)"
    )
    say(f"  workers during the burst: {burst['usage']}")
    say(
        f"Counted once: {counted['each_once']}; deltas {counted['deltas']}; expected "
        f"{counted['expected_delta']} ({counted['accepted']} burst + {counted['mix_votes_not_taken_back']} "
        "mix votes not yet taken back)"
    )
    mix = results["mix_during_burst"]
    say(
        f"Mix during the burst: /settings p95 {mix['settings_p95_ms']} ms; mix errors {results['mix_errors']}; "
        f"whole run {results['mix_whole_run']['rps']} requests/s"
    )
    say(f"  {'route':<36}{'n':>6}{'p50':>8}{'p95':>8}{'p99':>8}{'p95/base':>10}")
    for name, row in mix["routes"].items():
        ratio = f"{row['ratio_p95']:.2f}x" if row["ratio_p95"] is not None else "-"
        say(f"  {name:<36}{row['n']:>6}{row['p50_ms']:>8.1f}{row['p95_ms']:>8.1f}{row['p99_ms']:>8.1f}{ratio:>10}")
    say()
    if results["saturated"]:
        say(
            f"SATURATED: the mix's /settings p95 went from {results['mix_before_burst']['settings_p95_ms']} ms "
            f"to {mix['settings_p95_ms']} ms, or the burst fell behind; the workers got "
            f"{burst['usage'].get('workers_cpu_cores')} cores. Ratios near 1 then mean queueing, not speed."
        )
    for name, ok in results["targets"].items():
        say(f"  {name}: {ok if isinstance(ok, str) else 'PASS' if ok else 'FAIL'}")


if __name__ == "__main__":
    sys.exit(main())
