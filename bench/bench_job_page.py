"""A job's page with its business case, against the same visitor's /settings.

    .venv/bin/python bench/bench_job_page.py --data <instance folder> [-n 300]

In-process (Flask's test client, no network, one thread): it measures what the
page itself costs, the reads and the template, not the server around it. Runs
an anonymous visitor's ``/settings`` (baseline) and ``/jobs/<id>`` for 20 open
jobs, interleaved, after untimed warm-up rounds. Prints p50 and p95 in ms and
the ratio of the p95s (target 3x). Uses a large set made by ``bench_jobs.py``
(``bench/.data``); the app migrates it on start, so point it at a copy.
"""

import argparse
import os
import statistics
import time


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("-n", type=int, default=300)
    args = parser.parse_args()
    os.environ["BASISBAAN_INSTANCE"] = os.path.abspath(args.data)
    from webapp import create_app

    app = create_app()
    client = app.test_client()
    with app.app_context():
        from webapp.db import get_db

        ids = [row[0] for row in get_db().conn.execute("SELECT id FROM jobs WHERE status = 'open' LIMIT 20")]
    times = {"settings": [], "job": []}
    for round_ in range(args.n + 30):
        for name, path in (("settings", "/settings"), ("job", f"/jobs/{ids[round_ % len(ids)]}")):
            start = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - start) * 1000
            assert response.status_code == 200, (path, response.status_code)
            if round_ >= 30:
                times[name].append(elapsed)
    for name, values in times.items():
        print(f"{name:9} p50 {statistics.median(values):6.2f} ms   p95 {percentile(values, 0.95):6.2f} ms")
    ratio = percentile(times["job"], 0.95) / percentile(times["settings"], 0.95)
    print(f"ratio p95 job page / settings: {ratio:.2f}x (target <= 3x)")


if __name__ == "__main__":
    main()
