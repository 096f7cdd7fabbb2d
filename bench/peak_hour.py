"""Load test: a peak hour of residents, coaches and the municipality, stepped up.

Run from the project folder (one line; needs the ``bench`` extra: Locust, psutil):

    .venv/bin/python bench/peak_hour.py

What it does, in order:

1. Makes (or reuses) the large demo set in ``bench/.data/`` (as bench_jobs.py).
2. Starts gunicorn on 127.0.0.1 (2 workers, ``--preload``) with the login
   limits and the limits on successes (messages, votes ...) raised.
3. Logs in every simulated user once, as a seeded account: residents
   ``bewoner-NNNNN`` (each with a proposal in their own wijk to vote on),
   coaches ``coach-NNNN`` (with their caseload) and ``gemeente``; password
   ``demo-wachtwoord``.
4. Runs Locust (``bench/locustfile.py``, FastHttpUser, headless, one process)
   in steps of more users; after each step it compares every route's p95 with
   ``/settings``' p95 in the same step and stops after the first step where a
   route passes 3x. Meanwhile it samples the CPU and memory of the gunicorn
   workers and the CPU of Locust itself (psutil).
5. Prints per step: requests per second, errors, the worst ratio, CPU and
   memory; and per route for the last step within the limit and the first
   step past it: p50, p95, p99 and the ratio of p95 to the baseline.
   Writes ``bench/results/peak_hour.json``.
"""

import argparse
import concurrent.futures
import contextlib
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_jobs  # noqa: E402 - the shared helpers: data, server, HTTP, statistics
from bench_jobs import ROOT, Server, _load, _now, free_port, log_in, percentile, prepare_data, request, say  # noqa: E402

DEFAULT_OUTPUT = os.path.join(ROOT, "bench", "results", "peak_hour.json")
LOCUSTFILE = os.path.join(ROOT, "bench", "locustfile.py")
RAISED = bench_jobs.RAISED_LIMIT
# Every limit on attempts and on successes the app reads from its settings.
LIMITS = [
    "LOGIN_LIMIT_PER_ACCOUNT",
    "LOGIN_LIMIT_PER_ADDRESS",
    "LOGIN_LIMIT_PER_DEVICE",
    "MESSAGE_LIMIT_PER_PERSON",
    "COACH_MESSAGE_LIMIT_PER_PERSON",
    "COMMENT_LIMIT_PER_PERSON",
    "INTEREST_LIMIT_PER_PERSON",
    "PLAN_LIMIT_PER_PERSON",
    "APPOINTMENT_LIMIT_PER_PERSON",
]
CSRF = re.compile(rb'name="csrf_token"[^>]*value="([^"]+)"')
POLL = re.compile(rb'data-poll="([^"]+/poll[^"]*)"')


# -- accounts ----------------------------------------------------------------


def pick_accounts(data, residents, coaches):
    """Residents with a vote to give and an open proposal in their wijk; coaches with participants.

    One account at a time with indexed look-ups (no scan of all votes)."""
    connection = sqlite3.connect(f"file:{os.path.join(data, 'basisbaan.db')}?mode=ro", uri=True)
    try:
        limit = connection.execute("SELECT value FROM settings WHERE key = 'vote_limit'").fetchone()
        limit = int(limit[0]) if limit else 5
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        people = connection.execute(
            """SELECT users.id, users.username, buurten.wijk_id FROM users
               JOIN profiles ON profiles.user_id = users.id
               JOIN buurten ON buurten.id = profiles.home_buurt_id
               WHERE users.username LIKE 'bewoner-%' ORDER BY users.id"""
        ).fetchall()
        # Most large residents have given all their votes: voters are looked for
        # along the whole list; the others browse without voting.
        voters, used = {}, set()
        wanted = max(1, residents // 4)
        stride = 97  # a prime: the walk visits every resident, spread over the set
        for index in range(len(people)):
            if len(voters) == wanted:
                break
            user_id, username, wijk_id = people[(index * stride) % len(people)]
            given = connection.execute(
                """SELECT COUNT(*) FROM votes JOIN proposals ON proposals.id = votes.proposal_id
                   WHERE votes.user_id = ? AND proposals.status = 'open' AND proposals.deadline > ?""",
                (user_id, now),
            ).fetchone()[0]
            if given >= limit:
                continue
            row = connection.execute(
                """SELECT id FROM proposals
                   WHERE status = 'open' AND wijk_id = ? AND deadline > ? AND author_id != ?
                     AND vote_count < threshold - 5
                     AND id NOT IN (SELECT proposal_id FROM votes WHERE user_id = ?)
                     AND id NOT IN (SELECT value FROM json_each(?))
                   ORDER BY id LIMIT 1""",
                (wijk_id, now, user_id, user_id, json.dumps(sorted(used))),
            ).fetchone()
            if row:
                used.add(row[0])
                voters[username] = row[0]
        chosen = [{"username": name, "proposal": proposal} for name, proposal in voters.items()]
        step = max(1, len(people) // residents)
        for _user_id, username, _wijk_id in people[::step]:
            if len(chosen) >= residents:
                break
            if username not in voters:
                chosen.append({"username": username, "proposal": None})
        coach_rows = connection.execute(
            "SELECT id, username FROM users WHERE role = 'coach' AND username LIKE 'coach-%' ORDER BY id LIMIT ?",
            (coaches,),
        ).fetchall()
        coach_list = []
        for coach_id, username in coach_rows:
            participants = [
                row[0]
                for row in connection.execute(
                    "SELECT id FROM users WHERE coach_id = ? AND role = 'resident' ORDER BY id", (coach_id,)
                )
            ]
            if participants:
                coach_list.append({"username": username, "participants": participants})
        jobs = [row[0] for row in connection.execute("SELECT id FROM jobs WHERE status = 'open' ORDER BY id")]
        proposals = [
            row[0]
            for row in connection.execute(
                "SELECT id FROM proposals WHERE status = 'open' ORDER BY id DESC LIMIT 2000"
            )
        ]
        return chosen, coach_list, jobs, proposals
    finally:
        connection.close()


def log_in_any(port, username):
    """A logged-in cookie jar for any role (log_in checks a resident's landing page)."""
    cookies = {}
    status, _headers, page = request(port, "GET", "/login", cookies)
    token = CSRF.search(page).group(1).decode()
    form = f"csrf_token={token}&username={username}&password={bench_jobs.PASSWORD}&next="
    status, _headers, _page = request(port, "POST", "/login", cookies, body=form)
    if status != 303:
        raise SystemExit(f"Logging in {username} gave {status}")
    return cookies


def resident_session(port, person):
    cookies = log_in(port, person["username"])
    if person["proposal"]:
        status, _headers, page = request(port, "GET", f"/proposals/{person['proposal']}", cookies)
        if status != 200 or f'action="/proposals/{person["proposal"]}/vote"'.encode() not in page:
            raise SystemExit(f"{person['username']}: proposal {person['proposal']} offers no vote ({status})")
    status, _headers, thread = request(port, "GET", "/messages", cookies)
    csrf = CSRF.search(page if person["proposal"] else thread).group(1).decode()
    page = thread
    poll = POLL.search(page)
    if status != 200 or not poll:
        raise SystemExit(f"{person['username']}: /messages has no poll address ({status})")
    return person | {"cookies": cookies, "csrf": csrf, "poll": poll.group(1).decode().replace("&amp;", "&")}


def coach_session(port, coach):
    cookies = log_in_any(port, coach["username"])
    status, _headers, page = request(port, "GET", "/caseload", cookies)
    if status != 200:
        raise SystemExit(f"{coach['username']}: /caseload gave {status}")
    return coach | {"cookies": cookies}


def gemeente_session(port):
    cookies = log_in_any(port, "gemeente")
    status, _headers, _page = request(port, "GET", "/gemeente", cookies)
    if status != 200:
        raise SystemExit(f"gemeente: /gemeente gave {status}")
    return {"username": "gemeente", "cookies": cookies}


# -- CPU and memory ----------------------------------------------------------


class Sampler(threading.Thread):
    """Every second: CPU seconds and memory of the gunicorn workers, CPU seconds of Locust."""

    def __init__(self, master_pid):
        super().__init__(daemon=True)
        import psutil

        self.psutil = psutil
        self.master = psutil.Process(master_pid)
        self.locust = None
        self.rows = []  # (time, workers cpu s, workers rss bytes, locust cpu s)
        self.halt = threading.Event()

    def cpu(self, process):
        try:
            times = process.cpu_times()
            return times.user + times.system
        except self.psutil.Error:
            return 0.0

    def run(self):
        while not self.halt.wait(1.0):
            workers = self.master.children()
            rss = 0
            for worker in workers:
                with contextlib.suppress(self.psutil.Error):
                    rss += worker.memory_info().rss
            locust = self.cpu(self.locust) if self.locust else 0.0
            self.rows.append((time.time(), sum(self.cpu(w) for w in workers), rss, locust))


def usage(rows, start, end):
    """CPU (in cores) of workers and Locust, and the workers' peak memory, in [start, end]."""
    inside = [row for row in rows if start <= row[0] <= end]
    if len(inside) < 2:
        return {}
    seconds = inside[-1][0] - inside[0][0]
    return {
        "workers_cpu_cores": round((inside[-1][1] - inside[0][1]) / seconds, 2),
        "workers_rss_mb": round(max(row[2] for row in inside) / 2**20, 1),
        "locust_cpu_cores": round((inside[-1][3] - inside[0][3]) / seconds, 2),
    }


# -- summary -----------------------------------------------------------------


def step_summary(samples, started, step, settle):
    start, end = step["start"], step["end"]
    inside = [s for s in samples if start <= s[0] < end]
    times = {}
    for moment, name, milliseconds, _ok in inside:
        if moment >= start + settle:
            times.setdefault(name, []).append(milliseconds)
    base = percentile(times["/settings"], 0.95) if times.get("/settings") else None
    routes = {}
    for name, values in sorted(times.items()):
        p95 = percentile(values, 0.95)
        routes[name] = {
            "n": len(values),
            "p50_ms": round(percentile(values, 0.50), 1),
            "p95_ms": round(p95, 1),
            "p99_ms": round(percentile(values, 0.99), 1),
            "ratio_p95": round(p95 / base, 2) if base else None,
        }
    counted = [s for s in inside if s[0] >= start + settle]
    seconds = end - start - settle
    return {
        "users": step["users"],
        "seconds": round(end - start, 1),
        "requests": len(inside),
        "rps": round(len(counted) / seconds, 1) if seconds > 0 else None,
        "errors": sum(1 for s in inside if not s[3]),
        "worst": step["worst"],
        "saturated": step.get("saturated", False),
        "baseline_p95_ms": round(base, 1) if base else None,
        "routes": routes,
        "window": (started + start + settle, started + end),
    }


def why(step, limit):
    worst = step["worst"] or {}
    reasons = []
    if worst.get("ratio", 0) > limit:
        reasons.append(f"{worst['route']} {worst['ratio']}x")
    if step["saturated"]:
        reasons.append(f"saturated: /settings p95 {step['baseline_p95_ms']} ms")
    return "; ".join(reasons)


def report(results):
    say()
    say(
        f"{'users':>6}{'req/s':>8}{'errors':>8}{'worst p95 ratio':>36}{'base p95':>10}"
        f"{'workers CPU':>13}{'RSS MB':>8}{'Locust CPU':>12}"
    )
    for step in results["steps"]:
        worst = step["worst"] or {}
        label = f"{worst.get('route', '-')} {worst.get('ratio', 0):.2f}x"
        use = step.get("usage", {})
        say(
            f"{step['users']:>6}{step['rps']:>8}{step['errors']:>8}{label:>36}"
            f"{step['baseline_p95_ms'] or 0:>9.0f}{'*' if step['saturated'] else ' '}"
            f"{use.get('workers_cpu_cores', 0):>13.2f}{use.get('workers_rss_mb', 0):>8.0f}"
            f"{use.get('locust_cpu_cores', 0):>12.2f}"
        )
    for key, title in (("last_within", "Last step within the limit"), ("first_past", "First step past the limit")):
        step = results.get(key)
        if not step:
            continue
        say()
        say(f"{title}: {step['users']} users, {step['rps']} requests/s, {step['errors']} errors")
        say(f"  {'route':<36}{'n':>6}{'p50':>8}{'p95':>8}{'p99':>8}{'p95/base':>10}")
        for name, row in step["routes"].items():
            ratio = f"{row['ratio_p95']:.2f}x" if row["ratio_p95"] is not None else "-"
            say(
                f"  {name:<36}{row['n']:>6}{row['p50_ms']:>8.1f}{row['p95_ms']:>8.1f}"
                f"{row['p99_ms']:>8.1f}{ratio:>10}"
            )
    say()
    say(results["verdict"])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--steps", default="20,40,80,120,160,200,260,320", help="users per step")
    parser.add_argument("--step-seconds", type=int, default=30)
    parser.add_argument("--settle", type=int, default=3, help="seconds left out at the start of each step")
    parser.add_argument("--think", default="1,3", help="think time between pages, seconds: low,high")
    parser.add_argument("--limit", type=float, default=3.0, help="p95 ratio to /settings that ends the run")
    parser.add_argument(
        "--saturation", type=float, default=4.0, help="end when /settings' p95 passes this times its first p95"
    )
    parser.add_argument("--keep-going", action="store_true", help="run every step, also past the limit")
    parser.add_argument("--residents", type=int, default=0, help="resident accounts (default: as many as users)")
    parser.add_argument("--coaches", type=int, default=60)
    parser.add_argument(
        "--weights", default="85,12,3", help="share of residents, coaches and municipality staff among the users"
    )
    parser.add_argument(
        "--min-samples", type=int, default=20, help="requests a route needs in a step to be judged"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", default=bench_jobs.DEFAULT_DATA)
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    steps = [int(n) for n in args.steps.split(",")]
    think = [float(n) for n in args.think.split(",")]
    residents = args.residents or max(steps)

    started = time.perf_counter()
    data = os.path.abspath(args.data)
    seed = prepare_data(data)
    say("Accounts: choosing residents with a vote to give, coaches with a caseload ...")
    chosen, coaches, jobs, proposals = pick_accounts(data, residents, args.coaches)
    voting = sum(1 for person in chosen if person["proposal"])
    say(f"Accounts: {len(chosen)} residents ({voting} with a vote to give), {len(coaches)} coaches, gemeente")

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    for name in LIMITS:
        os.environ[f"BASISBAAN_{name}"] = RAISED
    port = free_port()
    server = Server(data, port, args.workers)
    workdir = tempfile.mkdtemp(prefix="peak-hour-")
    locust = None
    try:
        server.wait_healthy()
        say(f"Server: {' '.join(server.command[1:])} (port {port})")
        login_started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            resident_jars = list(pool.map(lambda p: resident_session(port, p), chosen))
            coach_jars = list(pool.map(lambda c: coach_session(port, c), coaches))
            gemeente_jars = list(pool.map(lambda _i: gemeente_session(port), range(4)))
        say(
            f"Logged in {len(resident_jars) + len(coach_jars) + 4} users "
            f"in {time.perf_counter() - login_started:.0f} s"
        )
        plan = {
            "steps": steps,
            "step_seconds": args.step_seconds,
            "settle_seconds": args.settle,
            "limit": args.limit,
            "keep_going": args.keep_going,
            "saturation": args.saturation,
            "min_samples": args.min_samples,
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
        sampler = Sampler(server.process.pid)
        sampler.start()
        load_before = _load()
        command = [
            os.path.join(os.path.dirname(sys.executable), "locust"),
            "-f",
            LOCUSTFILE,
            "--headless",
            "--host",
            f"http://127.0.0.1:{port}",
            "--loglevel",
            "WARNING",
            "--only-summary",
        ]
        env = dict(os.environ, PEAK_HOUR_PLAN=plan_path, PEAK_HOUR_SAMPLES=samples_path)
        say(f"Locust: steps {steps} users, {args.step_seconds} s each, think time {think[0]}-{think[1]} s")
        locust = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        import psutil

        sampler.locust = psutil.Process(locust.pid)
        locust.wait()
        sampler.halt.set()
        load_after = _load()
        with open(samples_path, encoding="utf-8") as handle:
            recorded = json.load(handle)
    finally:
        if locust and locust.poll() is None:
            locust.terminate()
        server.stop()

    summaries = []
    for step in recorded["steps"]:
        summary = step_summary(recorded["samples"], recorded["started"], step, args.settle)
        summary["usage"] = usage(sampler.rows, *summary.pop("window"))
        summaries.append(summary)
    past = [s for s in summaries if (s["worst"] and s["worst"]["ratio"] > args.limit) or s["saturated"]]
    within = [s for s in summaries if s not in past]
    if past:  # the peak is the last good step before the first bad one
        within = [s for s in within if s["users"] < past[0]["users"]]
    results = {
        "generated_at": _now(),
        "settings": vars(args) | {"steps": steps},
        "seed": seed,
        "machine": {"cpus": os.cpu_count(), "load_before": load_before, "load_after": load_after},
        "steps": summaries,
        "last_within": within[-1] if within else None,
        "first_past": past[0] if past else None,
        "errors": sum(s["errors"] for s in summaries),
    }
    if past and within:
        verdict = (
            f"Peak within {args.limit:g}x: {within[-1]['rps']} requests/s at {within[-1]['users']} users; "
            f"past it at {past[0]['users']} users ({why(past[0], args.limit)})."
        )
    elif past:
        verdict = (
            f"Past {args.limit:g}x already at the first step ({past[0]['users']} users, {past[0]['rps']} "
            f"requests/s): {why(past[0], args.limit)}."
        )
    else:
        verdict = f"Every step within {args.limit:g}x; the last: {within[-1]['rps']} requests/s."
    results["verdict"] = verdict + f" Errors: {results['errors']}."
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    report(results)
    bench_jobs.save_json(results, args.output)
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
