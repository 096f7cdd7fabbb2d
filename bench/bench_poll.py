"""Benchmark: what the open message thread's poll costs a phone in an hour with nothing new.

Run from the project folder (one line):

    .venv/bin/python bench/bench_poll.py

What it does, in order:

1. Seeds the small demo set (``flask --app webapp seed-demo``) into a
   temporary folder: the poll's cost does not depend on the size of the data.
2. Starts gunicorn on 127.0.0.1 (1 worker) and, in front of it, a small
   counting reverse proxy that passes bytes on unchanged and counts every
   request and answer on the wire: request line, headers and body up; status
   line, headers and body down.
3. Debian's Chromium (Playwright, 390 x 844, a phone's settings) logs in as
   the demo resident through the proxy and opens ``/messages``. The page's
   clock is Playwright's fake clock: the bench runs one simulated hour, a
   second at a time, letting each poll's real request finish. The client's
   own schedule decides when it polls; nobody writes, so nothing is new.
4. Prints the polls in that hour, the bytes of one poll (up and down) and the
   bytes per hour; writes ``bench/results/poll.json``.

``--before REV`` does the same for the project as it was at git revision REV
(exported to a temporary folder with ``git archive``, translations compiled
there) and prints both side by side.

Target: at most 100 KB an hour, both ways together (1 KB = 1024 bytes).
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench_jobs import KB, Server, free_port, project_at, say  # noqa: E402 - the sibling module

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(ROOT, "bench", "results", "poll.json")
CHROMIUM_FLAGS = (  # noqa: SIM905 - the flags as on a command line
    "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run"
).split()
CHROMIUM = os.environ.get("BASISBAAN_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "demo-wachtwoord"  # noqa: S105 - the published demo password
HOUR = 3600
TARGET_HOUR_KB = 100


class ByteCounter:
    """A TCP proxy in threads: one upstream connection per client connection.

    It reads each HTTP message's head to tell the poll's bytes from the rest;
    bodies are passed on by Content-Length (gunicorn's answers have one).
    """

    def __init__(self, upstream_port):
        self.upstream_port = upstream_port
        self.log = []  # (path, up bytes, down bytes, status, head of the answer)
        self.lock = threading.Lock()
        self.open = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    @staticmethod
    def _read_message(sock, buffer):
        """One HTTP message (head and Content-Length body) from ``sock``; returns (raw, rest)."""
        while b"\r\n\r\n" not in buffer:
            chunk = sock.recv(65536)
            if not chunk:
                return None, buffer
            buffer += chunk
        head, _, rest = buffer.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            rest += chunk
        return head + b"\r\n\r\n" + rest[:length], rest[length:]

    def _serve(self, client):
        upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
        buffer_in, buffer_out = b"", b""
        try:
            while True:
                request, buffer_in = self._read_message(client, buffer_in)
                if request is None:
                    return
                path = request.split(b" ", 2)[1].decode("latin-1")
                with self.lock:
                    self.open += 1
                try:
                    upstream.sendall(request)
                    answer, buffer_out = self._read_message(upstream, buffer_out)
                    if answer is None:  # gunicorn closed: a new connection for the next one
                        upstream.close()
                        upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
                        upstream.sendall(request)
                        answer, buffer_out = self._read_message(upstream, b"")
                    client.sendall(answer)
                    head = answer.partition(b"\r\n\r\n")[0].decode("latin-1")
                    status = int(head.split(" ", 2)[1])
                    with self.lock:
                        self.log.append((path, len(request), len(answer), status, head))
                    if b"connection: close" in answer.partition(b"\r\n\r\n")[0].lower():
                        upstream.close()
                        upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
                        buffer_out = b""
                finally:
                    with self.lock:
                        self.open -= 1
        except OSError:
            return
        finally:
            client.close()
            upstream.close()

    def polls(self):
        with self.lock:
            return [entry for entry in self.log if "/poll" in entry[0]]

    def busy(self):
        with self.lock:
            return self.open > 0

    def stop(self):
        self.listener.close()


def seed(folder):
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "webapp", "seed-demo"],
        cwd=ROOT,
        env=dict(os.environ, BASISBAAN_INSTANCE=folder),
        check=True,
        capture_output=True,
    )


def simulate_hour(port, seconds):
    from playwright.sync_api import sync_playwright

    proxy = ByteCounter(port)
    base = f"http://127.0.0.1:{proxy.port}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            context = browser.new_context(
                viewport={"width": 390, "height": 844},
                device_scale_factor=3,
                is_mobile=True,
                has_touch=True,
                locale="nl-NL",
            )
            page = context.new_page()
            page.goto(base + "/login")
            page.locator("#username").fill("bewoner")
            page.locator("#password").fill(PASSWORD)
            page.locator("main form button[type=submit]").click()
            page.wait_for_url(lambda url: "/login" not in url)
            page.clock.install()
            page.goto(base + "/messages")
            page.wait_for_load_state("networkidle")
            start = len(proxy.polls())
            for _ in range(seconds):
                page.clock.run_for(1000)
                for _wait in range(200):  # a poll under way: let its answer set the next timer
                    if not proxy.busy():
                        break
                    page.wait_for_timeout(10)
            page.wait_for_timeout(50)
            browser.close()
    finally:
        proxy.stop()
    polls = proxy.polls()[start:]
    up = sum(entry[1] for entry in polls)
    down = sum(entry[2] for entry in polls)
    one = polls[0] if polls else None
    return {
        "simulated_seconds": seconds,
        "polls": len(polls),
        "statuses": sorted({entry[3] for entry in polls}),
        "set_cookie_answers": sum("\nset-cookie:" in entry[4].lower() for entry in polls),
        "up_bytes": up,
        "down_bytes": down,
        "bytes_per_hour": round((up + down) * HOUR / seconds),
        "one_poll": {"up": one[1], "down": one[2], "answer_head": one[4]} if one else None,
    }


def measure(seconds):
    with tempfile.TemporaryDirectory(prefix="bench-poll-") as folder:
        seed(folder)
        server = Server(folder, free_port(), workers=1)
        try:
            server.wait_healthy()
            return simulate_hour(server.port, seconds)
        finally:
            server.stop()


def measure_at(revision, seconds):
    """Run this same measurement in a copy of the project at ``revision``."""
    with project_at(revision, ("bench_poll.py", "bench_jobs.py")) as tree:
        script = os.path.join(tree, "bench", "bench_poll.py")
        out = os.path.join(tree, "poll.json")
        subprocess.run(
            [sys.executable, script, "--seconds", str(seconds), "--output", out, "--quiet"], cwd=tree, check=True
        )
        with open(out, encoding="utf-8") as handle:
            return json.load(handle)["now"]


def line(name, result):
    one = result["one_poll"] or {"up": 0, "down": 0}
    return (
        f"{name:<8} {result['polls']:>6} {one['up']:>8} {one['down']:>9} "
        f"{result['bytes_per_hour'] / KB:>10.1f} {result['set_cookie_answers']:>11}"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=HOUR, help="simulated seconds (default: one hour)")
    parser.add_argument("--before", metavar="REV", help="also measure the project at this git revision")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--quiet", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target fails")
    args = parser.parse_args(argv)

    results = {"now": measure(args.seconds)}
    if args.before:
        say(f"measuring {args.before} too ...")
        results["before"] = measure_at(args.before, args.seconds)
        results["before_revision"] = args.before
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2)
    if args.quiet:
        return 0
    print(f"\nThe open thread's poll, {args.seconds} simulated seconds with nothing new (1 KB = 1024 bytes)")
    print(f"{'':<8} {'polls':>6} {'1 up, B':>8} {'1 down, B':>9} {'KB / hour':>10} {'Set-Cookie':>11}")
    if "before" in results:
        print(line("before", results["before"]))
    print(line("now", results["now"]))
    head = (results["now"]["one_poll"] or {}).get("answer_head", "")
    print("\nOne idle poll's answer now:\n  " + head.replace("\r\n", "\n  "))
    ok = results["now"]["bytes_per_hour"] <= TARGET_HOUR_KB * KB
    print(f"\nTarget: at most {TARGET_HOUR_KB} KB an hour: {'met' if ok else 'NOT MET'}")
    print(f"Wrote {os.path.relpath(args.output, ROOT)}")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
