"""Benchmark: a resident's ranked job list against a near-empty page, and page weight.

Run from the project folder (one line):

    .venv/bin/python bench/bench_jobs.py

What it does, in order:

1. Makes (or reuses, when complete) an instance folder with the large demo set
   (``flask --app webapp seed-demo --size large``), default ``bench/.data/``.
2. Starts gunicorn on 127.0.0.1 (free port, 2 workers, ``--preload``) with the
   login rate limits raised through the environment; waits for ``/healthz``.
3. Logs in several synthetic residents and times, interleaved (A, B, A, B ...),
   ``GET /jobs`` (best fit first) against ``GET /settings`` (the baseline).
4. Measures the first-load transfer of ``/jobs``: the HTML plus the CSS, JS and
   icon sprite it references, each gzipped at level 6 as a reverse proxy would.
5. Prints a table and writes ``bench/results/latest.json``.

Only the standard library; the app and gunicorn come from the project's venv.
"""

import argparse
import contextlib
import gzip
import hashlib
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(ROOT, "bench", ".data")
DEFAULT_OUTPUT = os.path.join(ROOT, "bench", "results", "latest.json")

RESIDENTS = 40_000  # what `seed-demo --size large` makes
LARGE_JOBS = 2_000
PASSWORD = "demo-wachtwoord"  # noqa: S105 - the published demo password
RAISED_LIMIT = "100000 per minute"
KB = 1024

TARGET_RATIO_P95 = 3.0  # list p95 <= 3x baseline p95
TARGET_TOTAL_KB = 50
TARGET_HTML_KB = 14


def say(text=""):
    print(text, flush=True)


# -- 1. the data set ---------------------------------------------------------


def _database(data):
    return os.path.join(data, "basisbaan.db")


def data_is_complete(data):
    """True when the database holds the whole large set (a stopped seed does not)."""
    path = _database(data)
    if not os.path.exists(path):
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            residents = conn.execute(
                """SELECT COUNT(*) FROM users JOIN profiles ON profiles.user_id = users.id
                   WHERE users.role = 'resident' AND users.username LIKE 'bewoner-%'"""
            ).fetchone()[0]
            jobs = conn.execute("SELECT COUNT(*) FROM jobs WHERE status = 'open'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return residents >= RESIDENTS and jobs >= LARGE_JOBS


def seed_fingerprint():
    """A hash of the seeding code: data made by other seed code is made again."""
    digest = hashlib.sha256()
    folder = os.path.join(ROOT, "webapp", "seed")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            with open(os.path.join(folder, name), "rb") as handle:
                digest.update(name.encode() + b"\0" + handle.read())
    return digest.hexdigest()[:16]


def prepare_data(data, reseed=False):
    """Seed the large set into ``data`` unless it is already there; returns facts."""
    marker = os.path.join(data, "bench-seed.json")
    fingerprint = seed_fingerprint()
    made = {}
    if os.path.exists(marker):
        with open(marker, encoding="utf-8") as handle:
            made = json.load(handle)
    if reseed:
        why = "--reseed"
    elif not data_is_complete(data):
        why = "no complete large set yet"
    elif made.get("seed_code") != fingerprint:
        why = "the seeding code changed since it was made"
    else:
        earlier = made.get("seconds")
        say(f"Data: reusing {data} (seeding took {earlier:.1f} s when it was made)")
        return {"reused": True, "seconds": 0.0, "seconds_when_made": earlier}
    os.makedirs(data, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):  # an incomplete or old database goes
        path = _database(data) + suffix
        if os.path.exists(path):
            os.remove(path)
    say(f"Data: seeding the large set into {data} ({why}) ...")
    env = dict(os.environ, BASISBAAN_INSTANCE=data)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "webapp", "seed-demo", "--size", "large"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    seconds = round(time.perf_counter() - started, 2)
    if not data_is_complete(data):
        raise SystemExit("Seeding finished but the data set is not complete")
    with open(marker, "w", encoding="utf-8") as handle:
        json.dump({"seconds": seconds, "at": _now(), "seed_code": fingerprint}, handle)
    say(f"Data: seeding took {seconds:.1f} s")
    return {"reused": False, "seconds": seconds, "seconds_when_made": seconds}


def _open_jobs(path):
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT COUNT(*) FROM jobs WHERE status = 'open'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def many_jobs_folder(large, jobs):
    """Where the copy of the large set with ``jobs`` open jobs lives: beside it."""
    return f"{large.rstrip(os.sep)}-jobs{jobs}"


def prepare_many_jobs(large, jobs):
    """A copy of the large set (in ``large``, made first) with ``jobs`` open jobs
    in ``many_jobs_folder``: the jobs added are made as ``seed-demo`` makes its
    own (the same templates, spread over the buurten, each older than the last).
    Reused while complete and made by the same seeding code; returns that folder.
    The large set must be there (``prepare_data``)."""
    data = many_jobs_folder(large, jobs)
    marker = os.path.join(data, "bench-jobs.json")
    fingerprint = seed_fingerprint()
    made = {}
    if os.path.exists(marker):
        with open(marker, encoding="utf-8") as handle:
            made = json.load(handle)
    if made.get("seed_code") == fingerprint and made.get("jobs") == jobs and _open_jobs(_database(data)) >= jobs:
        say(f"Data: reusing {data} ({jobs} open jobs; adding them took {made['seconds']:.1f} s)")
        return data
    started = time.perf_counter()
    os.makedirs(data, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        path = _database(data) + suffix
        if os.path.exists(path):
            os.remove(path)
    for name in ("secret_key", "vapid_private_key.pem"):
        if os.path.exists(os.path.join(large, name)):
            shutil.copyfile(os.path.join(large, name), os.path.join(data, name))
    source = sqlite3.connect(f"file:{_database(large)}?mode=ro", uri=True)
    target = sqlite3.connect(_database(data))
    try:
        source.backup(target)  # a consistent copy, whatever the WAL holds
    finally:
        source.close()
        target.close()
    _add_jobs(data, jobs - _open_jobs(_database(data)))
    seconds = round(time.perf_counter() - started, 1)
    with open(marker, "w", encoding="utf-8") as handle:
        json.dump({"jobs": jobs, "seconds": seconds, "at": _now(), "seed_code": fingerprint}, handle)
    say(f"Data: {data} has {_open_jobs(_database(data))} open jobs (copy and add took {seconds:.1f} s)")
    return data


def _add_jobs(data, count):
    """``count`` more open jobs, older than every job there (the app's own seed code)."""
    import random  # noqa: PLC0415 - only this step needs the app and its seed code
    from datetime import timedelta  # noqa: PLC0415

    from webapp.db import connect  # noqa: PLC0415
    from webapp.seed import content  # noqa: PLC0415
    from webapp.seed.demo import insert_jobs, job_row  # noqa: PLC0415

    if count <= 0:
        return
    db = connect(_database(data))  # the app brings the schema up to date when it starts
    try:
        rng = random.Random(20_000)
        buurten = [(row[0], {"name": row[1]}) for row in db.conn.execute("SELECT id, name FROM buurten")]
        oldest = db.conn.execute("SELECT MIN(created_at) FROM jobs").fetchone()[0]
        oldest = datetime.strptime(oldest, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        today = datetime.now(UTC).date()
        with db.atomic():
            batch = []
            for index in range(count):
                buurt_id, buurt = rng.choice(buurten)
                created = oldest - timedelta(minutes=13 * (index + 1))
                start = today + timedelta(days=rng.randint(-30, 120))
                batch.append(
                    job_row(
                        rng.choice(content.JOB_TEMPLATES),
                        buurt,
                        buurt_id,
                        created.strftime("%Y-%m-%dT%H:%M:%SZ"),
                        start,
                    )
                )
                if len(batch) == 1000:
                    insert_jobs(db, batch)
                    batch = []
            insert_jobs(db, batch)
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


# -- 2. the server -----------------------------------------------------------


@contextlib.contextmanager
def project_at(revision, scripts):
    """A copy of the project at ``revision`` (translations compiled), with
    today's bench ``scripts`` in it, so "before" is measured the same way."""
    with tempfile.TemporaryDirectory(prefix="bench-before-") as tree:
        archive = subprocess.run(["git", "archive", revision], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
        subprocess.run(
            [sys.executable, "-m", "flask", "--app", "webapp", "translate", "compile"],
            cwd=tree,
            check=True,
            capture_output=True,
        )
        for name in scripts:
            shutil.copyfile(os.path.join(ROOT, "bench", name), os.path.join(tree, "bench", name))
        yield tree


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn_has(option):
    result = subprocess.run([sys.executable, "-m", "gunicorn", "--help"], cwd=ROOT, capture_output=True, text=True)
    return option in result.stdout


class Server:
    """gunicorn in the background; ``stop`` is safe to call more than once."""

    def __init__(self, data, port, workers):
        self.port = port
        self.log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in stop()
            prefix="bench-gunicorn-", suffix=".log", delete=False
        )
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--preload",
            "--log-level",
            "warning",
        ]
        if gunicorn_has("--no-control-socket"):
            command.append("--no-control-socket")
        command.append("webapp:create_app()")
        self.command = command
        env = dict(
            os.environ,
            BASISBAAN_INSTANCE=data,
            BASISBAAN_LOGIN_LIMIT_PER_ACCOUNT=RAISED_LIMIT,
            BASISBAAN_LOGIN_LIMIT_PER_ADDRESS=RAISED_LIMIT,
            BASISBAAN_LOGIN_LIMIT_PER_DEVICE=RAISED_LIMIT,
        )
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_healthy(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                code = self.process.returncode
                raise SystemExit(f"gunicorn stopped (exit {code}):\n{self.tail()}")
            try:
                status, _headers, body = request(self.port, "GET", "/healthz")
                if status == 200 and b'"ok"' in body:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer /healthz in {timeout} s:\n{self.tail()}")

    def tail(self):
        self.log.flush()
        with open(self.log.name, encoding="utf-8", errors="replace") as handle:
            return "".join(handle.readlines()[-30:])

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()  # the master stops its own workers
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if not self.log.closed:
            self.log.close()
            os.unlink(self.log.name)


# -- HTTP with a tiny cookie jar ---------------------------------------------


def request(port, method, path, cookies=None, body=None, headers=None):
    """One request on a fresh connection (gunicorn's sync workers close it anyway)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        sent = dict(headers or {})
        if cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        data = response.read()
        if cookies is not None:
            for value in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(value).items():
                    if morsel["expires"] and "1970" in morsel["expires"] or morsel.value == "":
                        cookies.pop(name, None)
                    else:
                        cookies[name] = morsel.value
        return response.status, response.headers, data
    finally:
        connection.close()


CSRF = re.compile(rb'name="csrf_token"[^>]*value="([^"]+)"')


def log_in(port, username, landing="/jobs", marks=(b'href="/interests"', b"job-card")):
    """A logged-in cookie jar for ``username``, checked against the page it lands on.

    ``marks``: what only this user's page holds (a resident's list links to
    their interests; a coach's dashboard lists a caseload).
    """
    cookies = {}
    status, _headers, page = request(port, "GET", "/login", cookies)
    match = CSRF.search(page)
    if status != 200 or not match:
        raise SystemExit(f"GET /login gave {status} without a csrf_token")
    token = match.group(1).decode()
    form = urlencode({"csrf_token": token, "username": username, "password": PASSWORD, "next": ""})
    status, headers, _page = request(port, "POST", "/login", cookies, body=form)
    if status != 303:
        raise SystemExit(f"Logging in {username} gave {status} to {headers.get('Location')}")
    status, _headers, page = request(port, "GET", landing, cookies)
    if status != 200 or not all(mark in page for mark in marks):
        raise SystemExit(f"{username}: {landing} is not the page this user should see ({status})")
    return cookies


def say_latency(lat, rows, ratios, width=40):
    """The latency table: a row per (name, label), then each name in ``ratios`` over the baseline."""
    say(f"  {'request':<{width}}{'p50':>8}{'p95':>8}{'mean':>8}{'max':>8}")
    for name, label in rows:
        figures = "".join(f"{lat[name][key]:>8.1f}" for key in ("p50_ms", "p95_ms", "mean_ms", "max_ms"))
        say(f"  {label:<{width}}{figures}")
    for name in ratios:
        ratio = lat["ratio"][name]
        say(f"  {'ratio ' + name + '/baseline':<{width}}{ratio['p50']:>7.2f}x{ratio['p95']:>7.2f}x")


def data_for(args):
    """The instance folder to measure (``--data``, with ``--jobs`` open jobs) and how it was made."""
    data = os.path.abspath(args.data)
    seed = prepare_data(data, args.reseed)
    if args.jobs > LARGE_JOBS:
        data = prepare_many_jobs(data, args.jobs)
    return data, seed


def save_json(results, path):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2)
        handle.write("\n")
    say(f"Wrote {os.path.relpath(path, os.getcwd())} ({results['total_seconds']} s)")


# -- 3. latency --------------------------------------------------------------


def percentile(values, fraction):
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * fraction  # linear interpolation, as numpy's default
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(milliseconds):
    return {
        "n": len(milliseconds),
        "p50_ms": round(percentile(milliseconds, 0.50), 2),
        "p95_ms": round(percentile(milliseconds, 0.95), 2),
        "mean_ms": round(statistics.fmean(milliseconds), 2),
        "max_ms": round(max(milliseconds), 2),
    }


def interleaved_rounds(port, jar, pages, count, warmup, rounds, ratio_name, baseline="settings"):
    """Time ``pages`` ({name: path}, the ``baseline`` among them) in turns,
    ``count`` each per round after ``warmup`` untimed turns. Each round gives
    every other page's p50 and p95 as a ratio to the baseline's, under
    ``ratio_name(page)`` + ``_p50``/``_p95``; the result holds each page's
    summary over all rounds and the median of the rounds' ratios."""
    measured = [name for name in pages if name != baseline]
    for _index in range(warmup):
        for path in pages.values():
            timed_get(port, path, jar)
    result = {"rounds": []}
    every = {name: [] for name in pages}
    for _round in range(rounds):
        times = {name: [] for name in pages}
        for _index in range(count):
            for name, path in pages.items():
                elapsed, _size = timed_get(port, path, jar)
                times[name].append(elapsed)
        found = {name: summary(values) for name, values in times.items()}
        for name in measured:
            for kind in ("p50", "p95"):
                ratio = found[name][f"{kind}_ms"] / found[baseline][f"{kind}_ms"]
                found[f"{ratio_name(name)}_{kind}"] = round(ratio, 2)
        result["rounds"].append(found)
        for name in pages:
            every[name] += times[name]
    for name in pages:
        result[name] = summary(every[name])
    for name in measured:
        for kind in ("p50", "p95"):
            key = f"{ratio_name(name)}_{kind}"
            result[key] = statistics.median(found[key] for found in result["rounds"])
    return result


def timed_get(port, path, cookies):
    started = time.perf_counter()
    status, _headers, body = request(port, "GET", path, cookies)
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise SystemExit(f"GET {path} gave {status}")
    return elapsed, len(body)


def measure_latency(port, jars, count, warmup):
    pages = {"jobs": "/jobs", "settings": "/settings"}
    for index in range(warmup):  # both workers load the job facts and templates
        for path in pages.values():
            timed_get(port, path, jars[index % len(jars)])
    times = {name: [] for name in pages}
    sizes = {name: 0 for name in pages}
    for index in range(count):  # A, B, A, B ...: both see the same machine state
        jar = jars[index % len(jars)]
        for name, path in pages.items():
            elapsed, size = timed_get(port, path, jar)
            times[name].append(elapsed)
            sizes[name] = size
    result = {name: summary(values) | {"html_bytes": sizes[name]} for name, values in times.items()}
    result["ratio"] = {
        "p50": round(result["jobs"]["p50_ms"] / result["settings"]["p50_ms"], 2),
        "p95": round(result["jobs"]["p95_ms"] / result["settings"]["p95_ms"], 2),
    }
    return result


# -- 4. page weight ----------------------------------------------------------


class Assets(HTMLParser):
    """Stylesheets, scripts and the icon sprite a page references, in order, once each."""

    def __init__(self):
        super().__init__()
        self.found = []

    def add(self, kind, url):
        url = url.split("#", 1)[0]
        if url and all(url != seen for _kind, seen in self.found):
            self.found.append((kind, url))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.add("css", attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.add("js", attrs["src"])
        elif tag == "use":
            href = attrs.get("href") or attrs.get("xlink:href") or ""
            if "icons.svg" in href:
                self.add("svg", href)


def gzipped(data):
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def measure_weight(port, jar):
    status, headers, html = request(port, "GET", "/jobs", jar, headers={"Accept-Encoding": "gzip"})
    if status != 200:
        raise SystemExit(f"GET /jobs gave {status}")
    app_compresses = headers.get("Content-Encoding") is not None
    if headers.get("Content-Encoding") == "gzip":  # the app compresses by itself now
        html = gzip.decompress(html)
    files = [{"kind": "html", "url": "/jobs", "raw_bytes": len(html), "gzip_bytes": gzipped(html)}]
    parser = Assets()
    parser.feed(html.decode("utf-8"))
    for kind, url in parser.found:
        status, _headers, body = request(port, "GET", url)
        if status != 200:
            raise SystemExit(f"GET {url} gave {status}")
        files.append({"kind": kind, "url": url, "raw_bytes": len(body), "gzip_bytes": gzipped(body)})
    total = sum(item["gzip_bytes"] for item in files)
    return {
        "compression": "gzip level 6, as a reverse proxy would (the app sends uncompressed)",
        "app_sends_compressed": app_compresses,
        "files": files,
        "total_raw_bytes": sum(item["raw_bytes"] for item in files),
        "total_gzip_bytes": total,
        "html_gzip_bytes": files[0]["gzip_bytes"],
    }


# -- 5. report ---------------------------------------------------------------


def _load():
    """The 1-minute load average, where the system has one."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def _now():
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def kb(size):
    return f"{size / KB:.1f}"


def verdict(ok):
    return "PASS" if ok else "FAIL"


def write_results(results, args, report):
    """Print the table and write the JSON file; the exit code (1 with --strict when a target fails)."""
    report(results)
    save_json(results, args.output)
    failed = [name for name, target in results["targets"].items() if not target["pass"]]
    return 1 if args.strict and failed else 0


def report(results):
    lat = results["latency"]
    say()
    say(
        f"Latency, {lat['jobs']['n']} interleaved requests each, {results['residents']} residents "
        f"(ms, one client, wall time incl. connect)"
    )
    say(f"  {'page':<28}{'p50':>8}{'p95':>8}{'mean':>8}{'max':>8}{'HTML KB':>9}")
    for name, label in (("jobs", "/jobs (best fit first)"), ("settings", "/settings (baseline)")):
        row = lat[name]
        say(
            f"  {label:<28}{row['p50_ms']:>8.1f}{row['p95_ms']:>8.1f}{row['mean_ms']:>8.1f}"
            f"{row['max_ms']:>8.1f}{kb(row['html_bytes']):>9}"
        )
    say(f"  {'ratio list/baseline':<28}{lat['ratio']['p50']:>7.2f}x{lat['ratio']['p95']:>7.2f}x")
    weight = results["weight"]
    say()
    say("First load of /jobs, " + weight["compression"])
    if weight["app_sends_compressed"]:
        say("  (note: the app answered with Content-Encoding; sizes here are recompressed)")
    say(f"  {'file':<44}{'raw KB':>9}{'gzip KB':>9}")
    for item in weight["files"]:
        url = item["url"].split("?", 1)[0]
        say(f"  {url:<44}{kb(item['raw_bytes']):>9}{kb(item['gzip_bytes']):>9}")
    say(f"  {'total':<44}{kb(weight['total_raw_bytes']):>9}{kb(weight['total_gzip_bytes']):>9}")
    say()
    say("Targets")
    for target in results["targets"].values():
        say(f"  {verdict(target['pass'])}  {target['what']}: {target['value']} (limit {target['limit']})")
    seed = results["seed"]
    seeded = (
        f"reused (made in {seed['seconds_when_made']:.1f} s)" if seed["reused"] else f"{seed['seconds']:.1f} s"
    )
    say()
    say(f"Seeding: {seeded}; whole run: {results['total_seconds']:.1f} s")
    load = results["machine"]["load_during"]
    if load and max(load) > results["machine"]["cpus"]:
        say(
            f"Note: the machine was busy (load {load[0]:.1f} before, {load[1]:.1f} after, "
            f"{results['machine']['cpus']} CPUs): latencies, p95 most, are noisy."
        )


def targets(results):
    lat, weight = results["latency"], results["weight"]
    return {
        "list_p95_ratio": {
            "what": "list p95 / baseline p95",
            "value": f"{lat['ratio']['p95']:.2f}x",
            "limit": f"{TARGET_RATIO_P95:.0f}x",
            "pass": lat["ratio"]["p95"] <= TARGET_RATIO_P95,
        },
        "total_gzip": {
            "what": "first load total, gzip",
            "value": f"{kb(weight['total_gzip_bytes'])} KB",
            "limit": f"{TARGET_TOTAL_KB} KB",
            "pass": weight["total_gzip_bytes"] <= TARGET_TOTAL_KB * KB,
        },
        "html_gzip": {
            "what": "/jobs HTML, gzip",
            "value": f"{kb(weight['html_gzip_bytes'])} KB",
            "limit": f"{TARGET_HTML_KB} KB",
            "pass": weight["html_gzip_bytes"] <= TARGET_HTML_KB * KB,
        },
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", "--requests", type=int, default=400, help="requests per page")
    parser.add_argument("--residents", type=int, default=20, help="residents to log in")
    parser.add_argument("--warmup", type=int, default=40, help="untimed requests per page first")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", default=DEFAULT_DATA, help="instance folder for the large set")
    parser.add_argument("--reseed", action="store_true", help="seed again even if complete")
    parser.add_argument(
        "--jobs", type=int, default=LARGE_JOBS, help="open jobs: more than 2000 uses a copy of the set with more"
    )
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    if args.requests < 1 or not 1 <= args.residents <= RESIDENTS:
        parser.error("--requests must be >= 1 and --residents between 1 and 40000")

    started = time.perf_counter()
    data, seed = data_for(args)

    # A stop signal becomes SystemExit, so the finally below still stops gunicorn.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    port = free_port()
    server = Server(data, port, args.workers)
    try:
        server.wait_healthy()
        say(f"Server: {' '.join(server.command[1:])} (port {port})")
        step = RESIDENTS // args.residents  # spread over the set: different profiles
        names = [f"bewoner-{1 + i * step:05d}" for i in range(args.residents)]
        jars = [log_in(port, name) for name in names]
        say(f"Logged in {len(jars)} residents ({names[0]} ... {names[-1]})")
        load_before = _load()
        latency = measure_latency(port, jars, args.requests, args.warmup)
        load_after = _load()
        weight = measure_weight(port, jars[0])
    finally:
        server.stop()

    results = {
        "generated_at": _now(),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_during": [load_before, load_after] if load_before is not None else None,
        },
        "settings": {
            "requests": args.requests,
            "residents": args.residents,
            "warmup": args.warmup,
            "workers": args.workers,
            "jobs": args.jobs,
        },
        "residents": args.residents,
        "seed": seed,
        "latency": latency,
        "weight": weight,
    }
    results["targets"] = targets(results)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    return write_results(results, args, report)


if __name__ == "__main__":
    sys.exit(main())
