"""The peak-hour mix for Locust; started by ``bench/peak_hour.py``, not by hand.

The runner logs every simulated user in beforehand (once, as a seeded account)
and passes the sessions in a JSON plan (``PEAK_HOUR_PLAN``). Here:

- three kinds of user with think time between pages: residents (jobs,
  proposals, a vote taken back at once, messages written and polled), coaches
  (caseload, a participant's page and thread, the thread's poll) and the
  municipality (overview, jobs);
- a step shape: the number of users goes up step by step; after each step the
  p95 of every route (its first seconds left out while users start) is
  compared with the p95 of ``/settings`` in the same step; the run stops after
  the first step where a route passes the limit (or after the last step);
- every request's time is written to ``PEAK_HOUR_SAMPLES`` at the end, with
  the steps' start and end, for the runner to summarise.
"""

import itertools
import json
import os
import random
import re
import time

from locust import LoadTestShape, between, events, task
from locust.contrib.fasthttp import FastHttpUser

PLAN_PATH = os.environ.get("PEAK_HOUR_PLAN", "")
SAMPLES_PATH = os.environ.get("PEAK_HOUR_SAMPLES", "")
PLAN = {}
if PLAN_PATH:
    with open(PLAN_PATH, encoding="utf-8") as handle:
        PLAN = json.load(handle)

BASELINE = "/settings"
POLL = re.compile(r'data-poll="([^"]+/poll[^"]*)"')
THINK = PLAN.get("think", [1.0, 3.0])
SETTLE = PLAN.get("settle_seconds", 3)
MIN_SAMPLES = PLAN.get("min_samples", 20)

SAMPLES = []  # (seconds since start, route, milliseconds, ok)
STEPS = []  # {"users", "start", "end", "p95": {...}, "worst": ...}
STARTED = time.time()


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return None
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@events.request.add_listener
def _record(request_type, name, response_time, response_length, exception=None, **_kwargs):
    SAMPLES.append((round(time.time() - STARTED, 3), name, round(response_time, 2), exception is None))


@events.quitting.add_listener
def _write(**_kwargs):
    if SAMPLES_PATH:
        with open(SAMPLES_PATH, "w", encoding="utf-8") as handle:
            json.dump({"started": STARTED, "steps": STEPS, "samples": SAMPLES}, handle)


def _pool(kind):
    """An endless round of the sessions the runner made for ``kind``."""
    return itertools.cycle(PLAN.get(kind) or [None])


POOLS = {kind: _pool(kind) for kind in ("residents", "coaches", "gemeente")}


class Person(FastHttpUser):
    abstract = True
    wait_time = between(*THINK)
    kind = ""

    def on_start(self):
        self.account = next(POOLS[self.kind])
        self.headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.account["cookies"].items())}

    def page(self, path, name=None, ok=(200,), headers=None):
        sent = dict(self.headers, **(headers or {}))
        with self.client.get(
            path, name=name or path, headers=sent, allow_redirects=False, catch_response=True
        ) as answer:
            if answer.status_code not in ok:
                answer.failure(f"{answer.status_code} (expected {ok})")
            return answer.text if answer.status_code == 200 else ""

    def post(self, path, fields, name, ok=(303,)):
        sent = dict(self.headers, **{"Content-Type": "application/x-www-form-urlencoded"})
        body = "&".join(f"{k}={v}" for k, v in fields.items())
        with self.client.post(
            path, data=body, name=name, headers=sent, allow_redirects=False, catch_response=True
        ) as answer:
            if answer.status_code not in ok:
                answer.failure(f"{answer.status_code} (expected {ok})")

    def poll_from(self, html, name):
        match = POLL.search(html or "")
        if match:
            self.page(match.group(1).replace("&amp;", "&"), name=name, ok=(200, 204))

    @task(1)
    def settings(self):
        self.page(BASELINE)


class Resident(Person):
    weight = PLAN.get("weights", {}).get("residents", 85)
    kind = "residents"

    @task(4)
    def jobs(self):
        self.page("/jobs")

    @task(2)
    def job(self):
        self.page(f"/jobs/{random.choice(PLAN['jobs'])}", name="/jobs/[id]")

    @task(3)
    def proposals(self):
        self.page("/proposals")

    @task(2)
    def proposal(self):
        self.page(f"/proposals/{random.choice(PLAN['proposals'])}", name="/proposals/[id]")

    @task(1)
    def vote(self):
        """A vote, taken back at once, so the data stays as it was (residents
        who have given all their votes look at a proposal instead)."""
        proposal = self.account["proposal"]
        if not proposal:
            self.proposal()
            return
        fields = {"csrf_token": self.account["csrf"]}
        self.post(f"/proposals/{proposal}/vote", fields, "POST /proposals/[id]/vote")
        self.post(f"/proposals/{proposal}/unvote", fields, "POST /proposals/[id]/unvote")

    @task(2)
    def messages(self):
        html = self.page("/messages")
        self.poll_from(html, "/messages/poll")

    @task(4)
    def poll(self):
        self.page(self.account["poll"], name="/messages/poll", ok=(200, 204))

    @task(1)
    def write(self):
        text = f"Peak hour test {random.randrange(10**9)}"
        self.post("/messages", {"csrf_token": self.account["csrf"], "body": text}, "POST /messages")


class Coach(Person):
    weight = PLAN.get("weights", {}).get("coaches", 12)
    kind = "coaches"

    @task(3)
    def caseload(self):
        self.page("/caseload")

    @task(2)
    def participant(self):
        self.page(f"/caseload/{random.choice(self.account['participants'])}", name="/caseload/[id]")

    @task(2)
    def thread(self):
        resident = random.choice(self.account["participants"])
        html = self.page(f"/caseload/{resident}/messages", name="/caseload/[id]/messages")
        self.poll_from(html, "/caseload/[id]/messages/poll")


class Municipality(Person):
    weight = PLAN.get("weights", {}).get("gemeente", 3)
    kind = "gemeente"

    @task(2)
    def overview(self):
        self.page("/gemeente")

    @task(2)
    def jobs(self):
        self.page("/gemeente/jobs")


def judge(start, end):
    """p95 per route in [start + SETTLE, end) and the worst ratio to the baseline's p95."""
    times = {}
    errors = 0
    for moment, name, milliseconds, ok in SAMPLES:
        if start <= moment < end:
            errors += not ok
            if moment >= start + SETTLE:
                times.setdefault(name, []).append(milliseconds)
    base = percentile(times.get(BASELINE, []), 0.95)
    p95 = {name: percentile(values, 0.95) for name, values in times.items() if len(values) >= MIN_SAMPLES}
    worst = None
    if base:
        ratios = {name: value / base for name, value in p95.items() if name != BASELINE}
        if ratios:
            name = max(ratios, key=ratios.get)
            worst = {"route": name, "ratio": round(ratios[name], 2)}
    return {"baseline_p95": base, "worst": worst, "errors": errors}


class Steps(LoadTestShape):
    """Users step up; stop after the first step where a route passes the limit."""

    steps = PLAN.get("steps", [10, 20])
    seconds = PLAN.get("step_seconds", 30)
    limit = PLAN.get("limit", 3.0)
    keep_going = PLAN.get("keep_going", False)
    # Past its capacity the server queues every request alike: all routes
    # wait about as long, their ratios drop to 1 and hide the limit. So a
    # step also ends the run when /settings' p95 passes this many times its
    # p95 in the first step.
    saturation = PLAN.get("saturation", 4.0)

    def __init__(self):
        super().__init__()
        self.index = 0
        self.step_start = None
        self.first_baseline = None

    def tick(self):
        now = time.time() - STARTED
        if self.step_start is None:
            self.step_start = now
        if now - self.step_start >= self.seconds:
            verdict = judge(self.step_start, now)
            base = verdict["baseline_p95"]
            self.first_baseline = self.first_baseline or base
            saturated = bool(base and self.first_baseline and base > self.saturation * self.first_baseline)
            verdict["saturated"] = saturated
            STEPS.append({"users": self.steps[self.index], "start": self.step_start, "end": now} | verdict)
            worst = verdict["worst"]
            past = bool(worst and worst["ratio"] > self.limit)
            if ((past or saturated) and not self.keep_going) or self.index + 1 >= len(self.steps):
                return None
            self.index += 1
            self.step_start = now
        users = self.steps[self.index]
        return users, users  # all of a step's users start within about a second
