"""Benchmark: bytes a resident's phone moves for the job list, first visit and repeat visit.

Run from the project folder (one line):

    .venv/bin/python bench/bench_offline.py

What it does, in order:

1. Makes (or reuses) the large demo set, as bench_jobs.py does (same folder).
2. Starts gunicorn on 127.0.0.1 (2 workers, ``--preload``) and, in front of
   it, a small counting reverse proxy that passes answers on as the app sent
   them (the app compresses text itself; ``--gzip-proxy`` gzips what it left
   uncompressed, as a production proxy would). The proxy counts the bytes of
   every request and answer on the wire (status line, headers, body), in
   both directions.
3. Drives Debian's Chromium (Playwright, 390 x 844, a phone's settings) as a
   logged-in resident through the proxy:
   - **first visit**: a new browser opens ``/jobs``; the service worker
     installs, keeps the static files, the offline page and the page itself;
     the browser's install check fetches the manifest and an icon;
   - **repeat visit**: a new tab in the same browser opens ``/jobs`` again,
     with the service worker and the HTTP cache warm (the page answers 304);
   - **a week**: a new phone for ``bewoner``, then one short session a day
     for 7 days in that same browser context (worker and caches kept):
     ``/jobs``, a job, ``/proposals``, a proposal, ``/messages``,
     ``/notifications``.
   Playwright's own network events (``request.sizes()``) are summed as a
   cross-check.
4. Times, interleaved A, B, C, A, B, C ..., ``GET /jobs`` (200),
   ``GET /jobs`` with ``If-None-Match`` (304) and ``GET /settings`` (the
   baseline), to show what the ETag costs the server.
5. Prints a table and writes ``bench/results/offline.json``.

Targets: first visit <= 50 KB, repeat visit <= 5 KB, a week <= 300 KB
(1 KB = 1024 bytes), counted as what the proxy sends (bodies plus status
lines and headers);
the bytes the phone sends (mostly request headers and cookies) are reported
beside them, and the repeat visit must stay under 5 KB both ways too.
"""

import argparse
import gzip
import http.client
import os
import platform
import re
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench_jobs import (  # noqa: E402 - the sibling module, found through the path above
    DEFAULT_DATA,
    KB,
    RESIDENTS,
    Server,
    _load,
    _now,
    free_port,
    kb,
    log_in,
    prepare_data,
    request,
    say,
    summary,
    verdict,
    write_results,
)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(ROOT, "bench", "results", "offline.json")
# Headless, and no calls home: this machine reaches no network but loopback.
CHROMIUM_FLAGS = (  # noqa: SIM905 - the flags as on a command line
    "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run"
).split()
CHROMIUM = os.environ.get("BASISBAAN_CHROMIUM", "/usr/bin/chromium")

TARGET_FIRST_KB = 50
TARGET_REPEAT_KB = 5
TARGET_WEEK_KB = 300
WEEK_RESIDENT = "bewoner"  # the demo resident with a coach, messages and notifications

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"}
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "image/svg+xml",
)


# -- the counting, gzipping proxy ----------------------------------------------


class CountingProxy:
    """A reverse proxy in a thread: a log of bytes per request, and (``gzip_text``) gzip for text
    the app sent uncompressed, as a production proxy would."""

    def __init__(self, upstream_port, gzip_text=False):
        self.log = []
        self.lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 - http.server's names
                self.forward()

            do_POST = do_HEAD = do_GET  # noqa: N815

            def forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                sent_up = len(self.requestline) + 2 + len(str(self.headers)) + 2 + length
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                upstream = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=60)
                try:
                    upstream.request(self.command, self.path, body=body, headers=headers)
                    answer = upstream.getresponse()
                    data = answer.read()
                    answer_headers = answer.getheaders()
                finally:
                    upstream.close()
                out = [(k, v) for k, v in answer_headers if k.lower() not in HOP_BY_HOP | {"content-length"}]
                kind = answer.getheader("Content-Type") or ""
                raw = len(data)
                gzipped = (
                    gzip_text
                    and answer.status == 200
                    and data
                    and kind.startswith(COMPRESSIBLE)
                    and "gzip" in (self.headers.get("Accept-Encoding") or "")
                    and not answer.getheader("Content-Encoding")
                )
                if gzipped:
                    data = gzip.compress(data, compresslevel=6, mtime=0)
                    out += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
                out.append(("Content-Length", str(len(data))))
                head = (
                    f"HTTP/1.1 {answer.status} {answer.reason}\r\n"
                    + "".join(f"{k}: {v}\r\n" for k, v in out)
                    + "\r\n"
                )
                self.wfile.write(head.encode("latin-1") + (data if self.command != "HEAD" else b""))
                self.wfile.flush()
                with proxy.lock:
                    proxy.log.append(
                        {
                            "method": self.command,
                            "path": self.path,
                            "status": answer.status,
                            "type": kind.split(";")[0],
                            "raw_body": raw,
                            "body": len(data),
                            "headers": len(head),
                            "up": sent_up,
                            # document, script, style, image, manifest, serviceworker;
                            # "empty" is a fetch() (the worker's own, or the outbox's).
                            "dest": self.headers.get("Sec-Fetch-Dest", "?"),
                            "encoding": dict(out).get("Content-Encoding", ""),
                            "conditional": "If-None-Match" in self.headers,
                        }
                    )

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, args=(0.1,), daemon=True).start()

    def mark(self):
        with self.lock:
            return len(self.log)

    def since(self, mark):
        with self.lock:
            return list(self.log[mark:])

    def stop(self):
        self.server.shutdown()


def totals(entries):
    down = sum(item["headers"] + item["body"] for item in entries)
    up = sum(item["up"] for item in entries)
    return {"requests": len(entries), "down_bytes": down, "up_bytes": up, "total_bytes": down + up}


# -- the browser --------------------------------------------------------------------


# One resident's week: a short session a day on the same phone (worker and caches kept).
WEEK_DAYS = 7
WEEK_PAGES = ("/jobs", "a job", "/proposals", "a proposal", "/messages", "/notifications")
JOB_LINK = re.compile(r'href="(/jobs/\d+)"')
PROPOSAL_LINK = re.compile(r'href="(/proposals/\d+)"')


def new_phone(browser, base, cookies):
    """A phone's browser context, logged in, and the list Playwright's network events go to."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
        locale="nl-NL",
    )
    context.add_cookies(
        [{"name": name, "value": value, "domain": "127.0.0.1", "path": "/"} for name, value in cookies.items()]
    )
    seen = []

    def finished(req):
        # Read the sizes now: they are gone once the tab closes.
        try:
            sizes, answer = req.sizes(), req.response()
        except Exception:  # noqa: BLE001 - a request of a closed tab: not counted
            return
        from_worker = bool(answer and answer.from_service_worker)
        seen.append(
            {
                "url": req.url.replace(base, ""),
                "from_service_worker": from_worker,
                "bytes": 0 if from_worker else sizes["responseBodySize"] + sizes["responseHeadersSize"],
            }
        )

    context.on("requestfinished", finished)
    return context, seen


def wait_for_worker(page):
    deadline = time.monotonic() + 30
    # Polled here: wait_for_function does not wait for a promise's value.
    while not page.evaluate(
        "() => navigator.serviceWorker.controller !== null && caches.match(location.href).then(r => !!r)"
    ):
        if time.monotonic() > deadline:
            raise SystemExit("the service worker did not keep the page within 30 s")
        time.sleep(0.1)


def browse(proxy, cookies, week_cookies):
    """First visit and repeat visit of /jobs, then a week on a new phone; returns the
    proxy log and Playwright's sizes per phase (the week: per day)."""
    from playwright.sync_api import sync_playwright

    base = f"http://127.0.0.1:{proxy.port}"
    phases = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_FLAGS,
        )
        context, seen = new_phone(browser, base, cookies)

        def phase(name, work, log=seen):
            mark, start = proxy.mark(), len(log)
            work()
            time.sleep(1.5)  # let late requests (manifest, icons, the worker's fetches) finish
            entries = proxy.since(mark)
            events = log[start:]
            phases[name] = {
                "proxy": totals(entries),
                "requests": entries,
                "playwright": {
                    "events": len(events),
                    "network_bytes": sum(e["bytes"] for e in events),
                    "served_by_worker": sum(e["from_service_worker"] for e in events),
                    "requests": events,
                },
            }

        def first():
            page = context.new_page()
            page.goto(base + "/jobs")
            if "/login" in page.url:
                raise SystemExit("the cookies did not log the resident in")
            wait_for_worker(page)
            # What Chrome on a phone does by itself: check installability (manifest + icon).
            cdp = context.new_cdp_session(page)
            cdp.send("Page.getInstallabilityErrors")
            page.close()

        def repeat():
            page = context.new_page()
            page.goto(base + "/jobs")
            page.wait_for_load_state("load")
            if not page.evaluate("navigator.serviceWorker.controller !== null"):
                raise SystemExit("the service worker did not control the repeat visit")
            page.close()

        phase("first_visit", first)
        phase("repeat_visit", repeat)
        context.close()

        phone, week_seen = new_phone(browser, base, week_cookies)

        def session(day):
            """Open the six pages a resident checks, as links from the page before.

            The job is another one each day (the list's first five in turn); the proposal
            is the first on the list; pages come from the HTTP cache or server as the
            browser decides (a link's navigation), with the worker in between."""
            page = phone.new_page()
            for target in WEEK_PAGES:
                if target == "a job":
                    links = JOB_LINK.findall(page.content())
                    url = links[day % min(5, len(links))] if links else None
                elif target == "a proposal":
                    links = PROPOSAL_LINK.findall(page.content())
                    url = links[0] if links else None
                else:
                    url = target
                if url is None:
                    raise SystemExit(f"day {day + 1}: no link for {target} on {page.url}")
                page.goto(base + url)
                if "/login" in page.url:
                    raise SystemExit("the cookies did not log the resident in")
                if day == 0 and target == "/jobs":
                    wait_for_worker(page)
                time.sleep(0.3)  # a glance at the page
            page.close()

        for day in range(WEEK_DAYS):
            phase(f"day_{day + 1}", lambda day=day: session(day), week_seen)
        phone.close()
        browser.close()
    return phases


# -- what an ETag costs the server ----------------------------------------------------------


# What Chromium sends: the app picks brotli, so the times include compressing.
ACCEPT_ENCODING = {"Accept-Encoding": "gzip, deflate, br, zstd"}


def measure_latency(port, cookies, count, warmup):
    status, headers, _body = request(port, "GET", "/jobs", cookies, headers=ACCEPT_ENCODING)
    etag = headers.get("ETag")
    if status != 200 or not etag:
        raise SystemExit(f"/jobs gave {status} without an ETag")
    cases = {
        "jobs_200": ("/jobs", ACCEPT_ENCODING),
        "jobs_304": ("/jobs", {**ACCEPT_ENCODING, "If-None-Match": etag}),
        "settings": ("/settings", ACCEPT_ENCODING),
    }
    expected = {"jobs_200": 200, "jobs_304": 304, "settings": 200}
    times = {name: [] for name in cases}
    for index in range(warmup + count):
        for name, (path, extra) in cases.items():
            started = time.perf_counter()
            status, _headers, _body = request(port, "GET", path, cookies, headers=extra)
            elapsed = (time.perf_counter() - started) * 1000
            if status != expected[name]:
                raise SystemExit(f"{name}: GET {path} gave {status}")
            if index >= warmup:
                times[name].append(elapsed)
    result = {name: summary(values) for name, values in times.items()}
    result["ratio"] = {
        name: {
            "p50": round(result[name]["p50_ms"] / result["settings"]["p50_ms"], 2),
            "p95": round(result[name]["p95_ms"] / result["settings"]["p95_ms"], 2),
        }
        for name in ("jobs_200", "jobs_304")
    }
    return result


# -- report -------------------------------------------------------------------------------


def report(results):
    say()
    say(f"Bytes on the wire, logged-in resident, /jobs ({results['how'].split(';')[0]})")
    say(f"  {'phase':<16}{'requests':>9}{'down KB':>9}{'up KB':>8}{'total KB':>10}{'Playwright KB':>15}")
    for name in ("first_visit", "repeat_visit"):
        phase = results["bytes"][name]
        proxy = phase["proxy"]
        say(
            f"  {name.replace('_', ' '):<16}{proxy['requests']:>9}{kb(proxy['down_bytes']):>9}"
            f"{kb(proxy['up_bytes']):>8}{kb(proxy['total_bytes']):>10}"
            f"{kb(phase['playwright']['network_bytes']):>15}"
        )
    for name in ("first_visit", "repeat_visit"):
        say()
        say(f"  {name.replace('_', ' ')}: every request")
        for item in results["bytes"][name]["requests"]:
            path = item["path"].split("?", 1)[0]
            say(
                f"    {item['method']:<5}{path:<34}{item['status']:>4}  {item['dest']:<14}"
                f"{kb(item['headers'] + item['body']):>7} KB down{kb(item['up']):>6} KB up"
            )
    week = results["week"]
    say()
    say(f"A week of {WEEK_RESIDENT}: one short session a day ({', '.join(week['pages'])})")
    say(f"  {'day':<6}{'requests':>9}{'200':>5}{'304':>5}{'down KB':>9}{'up KB':>8}{'Playwright KB':>15}")
    for number, day in enumerate(week["days"], 1):
        proxy = day["proxy"]
        statuses = [item["status"] for item in day["requests"]]
        say(
            f"  {number:<6}{proxy['requests']:>9}{statuses.count(200):>5}{statuses.count(304):>5}"
            f"{kb(proxy['down_bytes']):>9}{kb(proxy['up_bytes']):>8}{kb(day['playwright']['network_bytes']):>15}"
        )
    say(
        f"  {'week':<16}{'':>8}{kb(week['down_bytes']):>9}{kb(week['up_bytes']):>8}"
        f"{kb(week['playwright_bytes']):>15}"
    )
    say()
    say("  day 2: every request")
    for item in week["days"][1]["requests"] if len(week["days"]) > 1 else []:
        path = item["path"].split("?", 1)[0]
        say(
            f"    {item['method']:<5}{path:<34}{item['status']:>4}  {item['dest']:<14}"
            f"{kb(item['headers'] + item['body']):>7} KB down  {item.get('encoding') or '-':<5}"
            f"{'If-None-Match' if item.get('conditional') else ''}"
        )
    lat = results["latency"]
    say()
    say(f"Server time, {lat['settings']['n']} interleaved requests each (ms, one client, fresh connection)")
    say(f"  {'request':<30}{'p50':>8}{'p95':>8}{'ratio p50':>11}{'ratio p95':>11}")
    for name, label in (
        ("jobs_200", "/jobs (200, full page)"),
        ("jobs_304", "/jobs (304, If-None-Match)"),
        ("settings", "/settings (baseline)"),
    ):
        row = lat[name]
        ratio = lat["ratio"].get(name, {"p50": 1.0, "p95": 1.0})
        say(f"  {label:<30}{row['p50_ms']:>8.1f}{row['p95_ms']:>8.1f}{ratio['p50']:>10.2f}x{ratio['p95']:>10.2f}x")
    say()
    say("Targets")
    for target in results["targets"].values():
        say(f"  {verdict(target['pass'])}  {target['what']}: {target['value']} (limit {target['limit']})")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", "--requests", type=int, default=200, help="timed requests per case")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", default=DEFAULT_DATA, help="instance folder for the large set")
    parser.add_argument("--reseed", action="store_true")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    parser.add_argument(
        "--gzip-proxy",
        action="store_true",
        help="the proxy gzips text the app sent uncompressed (as a production proxy would)",
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    data = os.path.abspath(args.data)
    seed = prepare_data(data, args.reseed)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    port = free_port()
    server = Server(data, port, args.workers)
    proxy = None
    try:
        server.wait_healthy()
        say(f"Server: {' '.join(server.command[1:])} (port {port})")
        proxy = CountingProxy(port, gzip_text=args.gzip_proxy)
        name = f"bewoner-{RESIDENTS // 2:05d}"
        cookies = log_in(port, name)
        week_cookies = log_in(port, WEEK_RESIDENT)
        say(f"Logged in {name} and {WEEK_RESIDENT}; proxy on port {proxy.port}")
        load_before = _load()
        phases = browse(proxy, cookies, week_cookies)
        latency = measure_latency(port, cookies, args.requests, args.warmup)
        load_after = _load()
    finally:
        if proxy:
            proxy.stop()
        server.stop()

    first, repeat = phases["first_visit"]["proxy"], phases["repeat_visit"]["proxy"]
    days = [phases.pop(f"day_{day + 1}") for day in range(WEEK_DAYS)]
    week = {
        "pages": list(WEEK_PAGES),
        "days": days,
        "down_bytes": sum(day["proxy"]["down_bytes"] for day in days),
        "up_bytes": sum(day["proxy"]["up_bytes"] for day in days),
        "playwright_bytes": sum(day["playwright"]["network_bytes"] for day in days),
    }
    results = {
        "generated_at": _now(),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_during": [load_before, load_after],
        },
        "settings": vars(args),
        "seed": seed,
        "how": "bytes counted by a reverse proxy on the wire, both directions"
        + (" (it gzips text the app sent uncompressed, level 6)" if args.gzip_proxy else " (passed on as sent)")
        + "; "
        "Playwright request.sizes() summed as a cross-check (downloads only; it does not count "
        "the body of the service worker script, and events may land in the next phase)",
        "bytes": phases,
        "week": week,
        "latency": latency,
        "targets": {
            "first_visit": {
                "what": "first visit, downloaded (headers included)",
                "value": f"{kb(first['down_bytes'])} KB",
                "limit": f"{TARGET_FIRST_KB} KB",
                "pass": first["down_bytes"] <= TARGET_FIRST_KB * KB,
            },
            "repeat_visit": {
                "what": "repeat visit, downloaded (headers included)",
                "value": f"{kb(repeat['down_bytes'])} KB",
                "limit": f"{TARGET_REPEAT_KB} KB",
                "pass": repeat["down_bytes"] <= TARGET_REPEAT_KB * KB,
            },
            "week": {
                "what": f"a week ({WEEK_DAYS} short sessions), downloaded (headers included)",
                "value": f"{kb(week['down_bytes'])} KB",
                "limit": f"{TARGET_WEEK_KB} KB",
                "pass": week["down_bytes"] <= TARGET_WEEK_KB * KB,
            },
            "repeat_visit_both_ways": {
                "what": "repeat visit, both directions",
                "value": f"{kb(repeat['total_bytes'])} KB",
                "limit": f"{TARGET_REPEAT_KB} KB",
                "pass": repeat["total_bytes"] <= TARGET_REPEAT_KB * KB,
            },
        },
    }
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    return write_results(results, args, report)


if __name__ == "__main__":
    sys.exit(main())
