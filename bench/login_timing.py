"""Benchmark: does a wrong login take as long for an unknown name as for a real one?

Run from the project folder (one line):

    .venv/bin/python bench/login_timing.py

What it does, in order:

1. Seeds the small demo set (``flask --app webapp seed-demo``) into a
   temporary folder: one real account is all it needs.
2. Starts gunicorn on 127.0.0.1 (1 worker, ``--preload``) with the login rate
   limits raised through the environment; waits for ``/healthz``.
3. Takes a login form's token once, then times ``POST /login`` with a wrong
   password, interleaved (A, B, A, B ...): A for the demo resident
   ``bewoner`` (a real account: its password hash is checked), B for a name
   nobody has (a new one each time). Each time is the wall time on a fresh
   connection, as one client sees it; untimed rounds go first.
4. Prints median, p95 and mean of both and the ratio real / unknown; writes
   ``bench/results/login_timing.json``.

``--before REV`` does the same for the project as it was at git revision REV
(exported with ``git archive``, translations compiled there) and prints both:
before the dummy hash an unknown name answered many times faster.

Target: the medians' ratio between 0.9 and 1.1 (the same work either way).
The machine's noise is in both columns alike; compare ratios, not milliseconds.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from urllib.parse import urlencode

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench_jobs import CSRF, Server, free_port, project_at, request, say, summary  # noqa: E402 - the sibling module

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(ROOT, "bench", "results", "login_timing.json")
WRONG = "niet-het-wachtwoord"  # noqa: S105 - wrong on purpose
REAL_NAME = "bewoner"
TARGET = (0.9, 1.1)


def seed(folder):
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "webapp", "seed-demo"],
        cwd=ROOT,
        env=dict(os.environ, BASISBAAN_INSTANCE=folder),
        check=True,
        capture_output=True,
    )


def form_token(port):
    cookies = {}
    status, _headers, page = request(port, "GET", "/login", cookies)
    match = CSRF.search(page)
    if status != 200 or not match:
        raise SystemExit(f"GET /login gave {status} without a csrf_token")
    return cookies, match.group(1).decode()


def timed_login(port, cookies, token, username):
    body = urlencode({"csrf_token": token, "username": username, "password": WRONG, "next": ""})
    started = time.perf_counter()
    status, _headers, _page = request(port, "POST", "/login", dict(cookies), body=body)
    elapsed = (time.perf_counter() - started) * 1000
    if status != 422:
        raise SystemExit(f"A wrong login for {username!r} gave {status}, not 422")
    return elapsed


def time_logins(port, count, warmup):
    cookies, token = form_token(port)
    times = {"real": [], "unknown": []}
    for index in range(warmup + count):
        real = timed_login(port, cookies, token, REAL_NAME)
        unknown = timed_login(port, cookies, token, f"niemand-{index:05d}")
        if index >= warmup:
            times["real"].append(real)
            times["unknown"].append(unknown)
    result = {name: summary(values) for name, values in times.items()}
    result["ratio"] = {
        "p50": round(result["real"]["p50_ms"] / result["unknown"]["p50_ms"], 2),
        "mean": round(result["real"]["mean_ms"] / result["unknown"]["mean_ms"], 2),
    }
    return result


def measure(count, warmup):
    with tempfile.TemporaryDirectory(prefix="bench-login-") as folder:
        seed(folder)
        server = Server(folder, free_port(), workers=1)
        try:
            server.wait_healthy()
            return time_logins(server.port, count, warmup)
        finally:
            server.stop()


def measure_at(revision, count, warmup):
    """Run this same measurement in a copy of the project at ``revision``."""
    with project_at(revision, ("login_timing.py", "bench_jobs.py")) as tree:
        out = os.path.join(tree, "login_timing.json")
        script = os.path.join(tree, "bench", "login_timing.py")
        subprocess.run(
            [sys.executable, script, "-n", str(count), "--warmup", str(warmup), "--output", out, "--quiet"],
            cwd=tree,
            check=True,
        )
        with open(out, encoding="utf-8") as handle:
            return json.load(handle)["now"]


def lines(name, result):
    for case in ("real", "unknown"):
        row = result[case]
        label = f"{name}, {REAL_NAME if case == 'real' else 'unknown name'}"
        yield f"{label:<28} {row['p50_ms']:>9.1f} {row['p95_ms']:>9.1f} {row['mean_ms']:>9.1f}"
    ratio = result["ratio"]
    yield f"{name + ', ratio real / unknown':<28} {ratio['p50']:>9.2f} {'':>9} {ratio['mean']:>9.2f}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, default=200, help="timed logins of each kind (default 200)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed rounds first (default 10)")
    parser.add_argument("--before", metavar="REV", help="also measure the project at this git revision")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--quiet", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target fails")
    args = parser.parse_args(argv)

    results = {"load_average": list(os.getloadavg())}
    if args.before:
        say(f"measuring {args.before} ...")
        results["before"] = measure_at(args.before, args.count, args.warmup)
        results["before_revision"] = args.before
    if not args.quiet:
        say(f"measuring the working tree: {args.count} wrong logins of each kind ...")
    results["now"] = measure(args.count, args.warmup)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2)
    if args.quiet:
        return 0
    print(f"\nPOST /login with a wrong password, {args.count} of each, interleaved (ms, fresh connection each)")
    print(f"{'':<28} {'median':>9} {'p95':>9} {'mean':>9}")
    if "before" in results:
        for text in lines("before", results["before"]):
            print(text)
    for text in lines("now", results["now"]):
        print(text)
    ratio = results["now"]["ratio"]["p50"]
    ok = TARGET[0] <= ratio <= TARGET[1]
    verdict = "met" if ok else "NOT MET"
    print(f"\nTarget: median ratio between {TARGET[0]} and {TARGET[1]}: {verdict} ({ratio:.2f})")
    print(f"Load average at the start: {', '.join(f'{x:.2f}' for x in results['load_average'])}")
    print(f"Wrote {os.path.relpath(args.output, ROOT)}")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
