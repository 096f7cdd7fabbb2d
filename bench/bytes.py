"""Bytes of a first load, per main page, and what two trims would save.

Run from the project folder (one line):

    .venv/bin/python bench/bytes.py

It seeds the small demo set into a temporary folder and asks the app (Flask's
test client, no server) for the main pages of each role: a visitor, the
resident ``bewoner``, the coach ``coach`` and ``gemeente``. Per page it counts,
gzipped at level 6 (1 KB = 1024 bytes):

- the HTML and every stylesheet, script and icon sprite the page references;
- the service worker's precache, which a first visit downloads as well
  (``webapp/pwa/routes.py``: ``PRECACHE``; the worker installs on the first
  page), minus what the page itself already loaded;
- **htmx only where used**: the htmx bytes a page would not load if it has no
  ``data-hx-*`` attribute (and what that saves on a first visit while the
  precache still holds htmx: nothing);
- **a trimmed sprite**: the sprite with only the icons the page uses, against
  the whole sprite; and over the whole visit of all pages of a role, the
  trimmed sprites of every page (each a file of its own) against the one
  whole sprite that is loaded once.

Writes ``bench/results/bytes.json``.
"""

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(ROOT, "bench", "results", "bytes.json")
KB = 1024
PASSWORD = "demo-wachtwoord"  # noqa: S105 - the published demo password
CSRF = re.compile(rb'name="csrf_token"[^>]*value="([^"]+)"')
SYMBOL = re.compile(rb'<symbol id="([^"]+)".*?</symbol>', re.S)

PAGES = {
    None: ["/login", "/help"],
    "bewoner": [
        "/jobs",
        "/jobs/{job}",
        "/proposals",
        "/proposals/{proposal}",
        "/messages",
        "/profile",
        "/plan",
        "/notifications",
        "/settings",
    ],
    "coach": ["/caseload", "/caseload/{participant}", "/caseload/{participant}/messages", "/settings"],
    "gemeente": ["/gemeente", "/gemeente/jobs", "/gemeente/proposals", "/settings"],
}


def gz(data):
    return len(gzip.compress(data, compresslevel=6, mtime=0))


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.files = []  # (kind, url)
        self.icons = []
        self.htmx_attributes = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.htmx_attributes += sum(1 for name in attrs if name.startswith(("data-hx-", "hx-")))
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.add("css", attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.add("js", attrs["src"])
        elif tag == "use":
            href = attrs.get("href") or ""
            if "icons.svg" in href:
                url, _hash, name = href.partition("#")
                self.add("svg", url)
                if name not in self.icons:
                    self.icons.append(name)

    def add(self, kind, url):
        if (kind, url) not in self.files:
            self.files.append((kind, url))


def trimmed_sprite(sprite, names):
    """The sprite with only ``names``' symbols (the same wrapper around them)."""
    head = sprite[: sprite.index(b"<symbol")]
    tail = sprite[sprite.rindex(b"</symbol>") + len(b"</symbol>") :]
    keep = [match.group(0) for match in SYMBOL.finditer(sprite) if match.group(1).decode() in names]
    return head + b"".join(keep) + tail


def make_app(folder):
    env = dict(os.environ, BASISBAAN_INSTANCE=folder)
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "webapp", "seed-demo"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    os.environ["BASISBAAN_INSTANCE"] = folder
    os.environ["BASISBAAN_RATELIMIT_ENABLED"] = "0"
    sys.path.insert(0, ROOT)
    from webapp import create_app

    return create_app()


def log_in(client, username):
    page = client.get("/login").data
    token = CSRF.search(page).group(1).decode()
    answer = client.post("/login", data={"csrf_token": token, "username": username, "password": PASSWORD})
    if answer.status_code != 303:
        raise SystemExit(f"Logging in {username} gave {answer.status_code}")


def ids(app):
    from webapp.db import connect

    with app.app_context():
        db = connect(app.config["DATABASE"])
        try:
            one = lambda sql: db.conn.execute(sql).fetchone()[0]  # noqa: E731
            return {
                "job": one("SELECT id FROM jobs WHERE status = 'open' ORDER BY id LIMIT 1"),
                "proposal": one("SELECT id FROM proposals WHERE status = 'open' ORDER BY id LIMIT 1"),
                "participant": one(
                    "SELECT users.id FROM users JOIN users AS coach ON coach.id = users.coach_id "
                    "WHERE coach.username = 'coach' AND users.username = 'bewoner'"
                ),
            }
        finally:
            db.close()


def measure(app):
    from webapp.pwa.routes import PRECACHE

    static = app.static_folder
    with open(os.path.join(static, "icons.svg"), "rb") as handle:
        sprite = handle.read()
    sprite_gz = gz(sprite)
    precache = {}
    for name in PRECACHE:
        with open(os.path.join(static, name), "rb") as handle:
            precache[name] = gz(handle.read())
    htmx_name = next(name for name in PRECACHE if "htmx" in name)
    found = ids(app)
    pages, roles = [], {}
    for role, paths in PAGES.items():
        client = app.test_client()
        if role:
            log_in(client, role)
        role_icons = set()
        role_trimmed = 0
        for template in paths:
            path = template.format(**found)
            answer = client.get(path)
            if answer.status_code != 200:
                raise SystemExit(f"{role or 'visitor'} GET {path} gave {answer.status_code}")
            html = answer.get_data()
            parser = Assets()
            parser.feed(html.decode("utf-8"))
            files = {"html": gz(html)}
            loaded = set()
            for _kind, url in parser.files:
                name = url.split("?", 1)[0].split("/static/", 1)[-1]
                loaded.add(name)
                with open(os.path.join(static, name), "rb") as handle:
                    files[name] = gz(handle.read())
            page_total = sum(files.values())
            worker_extra = sum(size for name, size in precache.items() if name not in loaded)
            uses_htmx = parser.htmx_attributes > 0
            trimmed = gz(trimmed_sprite(sprite, parser.icons)) if parser.icons else 0
            role_icons.update(parser.icons)
            role_trimmed += trimmed
            pages.append(
                {
                    "role": role or "visitor",
                    "path": template,
                    "html_gzip": files["html"],
                    "page_gzip": page_total,
                    "first_visit_gzip": page_total + worker_extra,
                    "uses_htmx": uses_htmx,
                    "htmx_saving_page": 0 if uses_htmx else files.get(htmx_name, 0),
                    "icons": len(parser.icons),
                    "sprite_gzip": files.get("icons.svg", 0),
                    "trimmed_sprite_gzip": trimmed,
                }
            )
        roles[role or "visitor"] = {
            "icons_used": len(role_icons),
            "whole_sprite_once_gzip": sprite_gz,
            "trimmed_per_page_sum_gzip": role_trimmed,
            "one_trimmed_sprite_for_role_gzip": gz(trimmed_sprite(sprite, role_icons)),
        }
    return {
        "sprite": {"symbols": len(SYMBOL.findall(sprite)), "raw": len(sprite), "gzip": sprite_gz},
        "htmx_gzip": precache[htmx_name],
        "precache_gzip": sum(precache.values()),
        "pages": pages,
        "roles": roles,
    }


def report(results):
    sprite = results["sprite"]
    print(
        f"Icon sprite: {sprite['symbols']} icons, {sprite['raw'] / KB:.1f} KB raw, "
        f"{sprite['gzip'] / KB:.1f} KB gzip; htmx {results['htmx_gzip'] / KB:.1f} KB gzip; "
        f"the worker's precache {results['precache_gzip'] / KB:.1f} KB"
    )
    print()
    print(
        f"{'role':<10}{'page':<34}{'HTML':>6}{'page':>7}{'1st visit':>10}{'htmx?':>7}"
        f"{'-htmx':>7}{'icons':>6}{'sprite':>8}{'trimmed':>8}"
    )
    for row in results["pages"]:
        print(
            f"{row['role']:<10}{row['path']:<34}{row['html_gzip'] / KB:>6.1f}{row['page_gzip'] / KB:>7.1f}"
            f"{row['first_visit_gzip'] / KB:>10.1f}{'yes' if row['uses_htmx'] else 'no':>7}"
            f"{row['htmx_saving_page'] / KB:>7.1f}{row['icons']:>6}{row['sprite_gzip'] / KB:>8.1f}"
            f"{row['trimmed_sprite_gzip'] / KB:>8.1f}"
        )
    print()
    print(
        "Sprite over a visit of all the role's pages (KB gzip): whole once / a trimmed one per page / one per role"
    )
    for role, row in results["roles"].items():
        print(
            f"  {role:<10}{row['icons_used']:>3} icons  {row['whole_sprite_once_gzip'] / KB:>6.1f}"
            f"{row['trimmed_per_page_sum_gzip'] / KB:>8.1f}{row['one_trimmed_sprite_for_role_gzip'] / KB:>8.1f}"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-bytes-") as folder:
        results = measure(make_app(folder))
    report(results)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2)
        handle.write("\n")
    print(f"Wrote {os.path.relpath(args.output, os.getcwd())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
