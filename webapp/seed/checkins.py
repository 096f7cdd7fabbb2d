"""Demo check-ins (webapp/checkins): about a year of answers for the demo's
participants, some of whom said yes, some no and some were never asked; for
the large set a realistic spread over its residents, in bulk."""

import random
import sys
from datetime import UTC, date, datetime, timedelta

import click

from webapp.db import rows
from webapp.domain import checkins as rules

# Days ago of each demo check-in: about every 3 months over a year. The last
# is a little over 3 months ago, so new questions are waiting.
SMALL_DAYS_AGO = (370, 280, 190, 98)


def _stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _answer(rng, base):
    return max(1, min(5, round(rng.gauss(base, 0.9))))


def _answers(rng, user_id, day, base):
    moment = datetime(day.year, day.month, day.day, 10, 0, tzinfo=UTC)
    return (user_id, day.isoformat(), *(_answer(rng, base) for _q in rules.QUESTIONS), _stamp(moment))


_INSERT_CHECKIN = f"""INSERT INTO checkins (user_id, answered_on, {", ".join(rules.QUESTIONS)}, created_at)
                      VALUES (?, ?, ?, ?, ?, ?, ?, ?)"""  # noqa: S608 - fixed names
_INSERT_CONSENT = """INSERT OR IGNORE INTO checkin_consent (user_id, answer, share_with_coach, answered_at)
                     VALUES (?, ?, ?, ?)"""


def seed_small(db, today):
    """Fatima (bewoner) said yes and answered 4 times; new questions wait for
    her. Henk (bewoner2) was never asked. Of the other participants about two
    in three said yes (a few share with their coach), the rest said no."""
    rng = random.Random(18)
    residents = {
        row["username"]: row["id"]
        for row in rows(db, "SELECT id, username FROM users WHERE role = 'resident' AND coach_id IS NOT NULL")
    }
    consents, checkins = [], []
    asked = _stamp(datetime.combine(today - timedelta(days=380), datetime.min.time(), UTC))
    for username, user_id in sorted(residents.items()):
        if username == "bewoner2" or not (username == "bewoner" or username.startswith("deelnemer")):
            continue
        if username != "bewoner" and rng.random() < 0.33:
            consents.append((user_id, "no", 0, asked))
            continue
        consents.append((user_id, "yes", int(username != "bewoner" and rng.random() < 0.3), asked))
        base = rng.uniform(2.4, 3.8)
        for number, days_ago in enumerate(SMALL_DAYS_AGO):
            if username != "bewoner" and rng.random() < 0.15:
                continue  # not every one answered every time
            checkins.append(
                _answers(rng, user_id, today - timedelta(days=days_ago + rng.randint(0, 6)), base + 0.1 * number)
            )
    db.conn.executemany(_INSERT_CONSENT, consents)
    db.conn.executemany(_INSERT_CHECKIN, checkins)


def seed_large(db, rng, today):
    """The large set's residents: 55 % said yes, 25 % no, the rest were never
    asked. Those who said yes answered up to 4 times in the last year; one in
    six started a basisbaan job half a year ago, and their answers after it
    are a little higher (what the experiment hoped to see, not a finding)."""
    residents = [
        row[0] for row in rows(db, "SELECT id FROM users WHERE username LIKE 'bewoner-%' AND coach_id IS NOT NULL")
    ]
    # A free place on an open job for some who started (a third of the free places at most).
    jobs = [
        job_id
        for job_id, free in rows(
            db, "SELECT id, places - places_filled FROM jobs WHERE status = 'open' ORDER BY id"
        )
        for _place in range(max(free, 0))
    ]
    rng.shuffle(jobs)
    del jobs[len(jobs) // 3 :]  # most places stay free, for whoever comes next
    # Someone the programme's seed placed already keeps that start.
    placed = {
        user_id: date.fromisoformat(first[:10])
        for user_id, first in rows(
            db, "SELECT user_id, MIN(created_at) FROM placements WHERE user_id IS NOT NULL GROUP BY user_id"
        )
    }
    asked = _stamp(datetime.combine(today - timedelta(days=400), datetime.min.time(), UTC))
    consents, checkins, placements = [], [], []
    with click.progressbar(length=len(residents), label="Check-ins", file=sys.stderr) as bar, db.atomic():
        for user_id in residents:
            draw = rng.random()
            if draw >= 0.8:
                continue
            if draw >= 0.55:
                consents.append((user_id, "no", 0, asked))
                continue
            consents.append((user_id, "yes", int(rng.random() < 0.2), asked))
            started = placed.get(user_id)
            if started is None and jobs and rng.random() < 1 / 6:
                started = today - timedelta(days=rng.randint(120, 240))
                moment = datetime(started.year, started.month, started.day, 9, 0, tzinfo=UTC)
                placements.append((jobs.pop(), user_id, _stamp(moment)))
            base = rng.uniform(2.2, 3.6)
            first = rng.randint(0, 90)
            for days_ago in range(360 - first, 0, -rng.randint(91, 100)):
                day = today - timedelta(days=days_ago)
                lift = 0.5 if started and day >= started else 0.0
                checkins.append(_answers(rng, user_id, day, base + lift))
        db.conn.executemany(_INSERT_CONSENT, consents)
        db.conn.executemany(_INSERT_CHECKIN, checkins)
        db.conn.executemany(
            "INSERT OR IGNORE INTO placements (job_id, user_id, created_at) VALUES (?, ?, ?)", placements
        )
        bar.update(len(residents))
