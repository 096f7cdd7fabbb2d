"""Fill a database with the demo municipality, small or large.

The small set is what a visitor of the demo sees; the large set is what the
benchmarks run on (40,000 residents, 2,000 jobs). Passwords are hashed once
and the hash reused: scrypt is slow on purpose, 40,000 times would take hours.
"""

import random
import sys
from datetime import UTC, date, datetime, timedelta

import click

from webapp.auth.changes import create_user
from webapp.auth.users import hash_password
from webapp.db import JOB_FIELDS, JOB_TEXT_FIELDS, one
from webapp.domain import vocab
from webapp.seed import bulk as bulk_inserts
from webapp.seed import business as seed_business
from webapp.seed import checkins as seed_checkins
from webapp.seed import coaching as seed_coaching
from webapp.seed import content
from webapp.seed import proposals as seed_proposals

DEMO_PASSWORD = "demo-wachtwoord"  # noqa: S105 - the published demo password


def is_empty(db):
    return one(db, "SELECT COUNT(*) FROM users")[0] == 0 and one(db, "SELECT COUNT(*) FROM jobs")[0] == 0


def _stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def job_row(template, buurt, buurt_id, created_at, start_date, places_filled=0):
    """One jobs row from a content template placed in a buurt."""
    fill = {"buurt": buurt["name"]}
    wage = template["wage"]
    row = {
        "status": "open",
        "category": template["category"],
        "buurt_id": buurt_id,
        "employer": template["employer"],
        "hours": template["hours"],
        "days": vocab.join_codes(template["days"], vocab.DAYS),
        "skills": ",".join(template["skills"]),
        "languages": ",".join(template["languages"]),
        "demands": ",".join(template["demands"]),
        "wage_scale": wage["scale"] if wage else None,
        "wage_cents": wage["cents"] if wage else None,
        "places": template["places"],
        "places_filled": places_filled,
        "start_date": start_date.isoformat(),
        "created_at": created_at,
    }
    for name in JOB_TEXT_FIELDS:
        row[name] = template[name].format(**fill)
    return row


def insert_jobs(db, job_rows):
    marks = ",".join("?" * len(JOB_FIELDS))
    db.conn.executemany(
        f"INSERT INTO jobs ({','.join(JOB_FIELDS)}) VALUES ({marks})",  # noqa: S608
        [tuple(row[c] for c in JOB_FIELDS) for row in job_rows],
    )


def seed_places(db):
    wijk_ids = {}
    for wijk in content.WIJKEN:
        wijk_ids[wijk["key"]] = db.execute(
            "INSERT INTO wijken (key, name) VALUES (?, ?)", (wijk["key"], wijk["name"])
        ).lastrowid
    buurt_ids = {}
    for buurt in content.BUURTEN:
        buurt_ids[buurt["key"]] = db.execute(
            "INSERT INTO buurten (key, name, wijk_id) VALUES (?, ?, ?)",
            (buurt["key"], buurt["name"], wijk_ids[buurt["wijk"]]),
        ).lastrowid
    return buurt_ids


def seed_small(db, today=None):
    today = today or date.today()
    templates = {t["key"]: t for t in content.JOB_TEMPLATES}
    buurten = {b["key"]: b for b in content.BUURTEN}
    with db.atomic():
        buurt_ids = seed_places(db)
        now = datetime.now(UTC).replace(microsecond=0)
        rows_ = []
        # Spread creation over the past weeks so "newest first" means something.
        for index, (template_key, buurt_key, offset) in enumerate(content.DEMO_JOBS):
            created = now - timedelta(hours=7 * (len(content.DEMO_JOBS) - index))
            rows_.append(
                job_row(
                    templates[template_key],
                    buurten[buurt_key],
                    buurt_ids[buurt_key],
                    _stamp(created),
                    today + timedelta(days=offset),
                )
            )
        insert_jobs(db, rows_)

        password_hash = hash_password(DEMO_PASSWORD)
        coach = create_user(
            db,
            username="coach",
            role="coach",
            display_name="Sanne de Vries",
            email="coach@example.org",
            password_hash=password_hash,
        )
        bewoner = create_user(
            db,
            username="bewoner",
            role="resident",
            display_name="Fatima",
            password_hash=password_hash,
            coach_id=coach,
        )
        create_user(
            db,
            username="bewoner2",
            role="resident",
            display_name="Henk",
            password_hash=password_hash,
            coach_id=coach,
        )
        create_user(
            db,
            username="buurtgroep",
            role="buurtgroep",
            display_name="Buurtgroep De Hoven",
            password_hash=password_hash,
        )
        create_user(
            db,
            username="gemeente",
            role="gemeente",
            display_name="Gemeente Lindeveld",
            password_hash=password_hash,
        )
        board = create_user(
            db,
            username="toezicht",
            role="toezicht",
            display_name="Toezichtraad Lindeveld",
            password_hash=password_hash,
        )

        profile = content.DEMO_PROFILE
        db.execute(
            """INSERT INTO profiles (user_id, home_buurt_id, hours_max, travel, categories,
                   days, limits, skills, languages, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                bewoner,
                buurt_ids[profile["home_buurt"]],
                profile["hours_max"],
                profile["travel"],
                ",".join(profile["categories"]),
                vocab.join_codes(profile["days"], vocab.DAYS),
                ",".join(profile["limits"]),
                ",".join(profile["skills"]),
                ",".join(profile["languages"]),
                _stamp(now),
            ),
        )
        template_key, buurt_key, message = content.DEMO_INTEREST
        title = templates[template_key]["title_nl"].format(buurt=buurten[buurt_key]["name"])
        job_id = one(db, "SELECT id FROM jobs WHERE title_nl = ?", (title,))[0]
        db.execute(
            """INSERT INTO interests (user_id, job_id, message, status, created_at, updated_at)
               VALUES (?, ?, ?, 'open', ?, ?)""",
            (bewoner, job_id, message, _stamp(now), _stamp(now)),
        )
        seed_proposals.seed_small(db, today)
        seed_coaching.seed_small(db, today)
        verify_residents(db, now)
        # After the proposals: the demo's voters are chosen from the residents
        # there are, and Yasmin has not voted yet.
        seed_waiting_resident(db, buurt_ids, now, password_hash)
        seed_advices(db, board)
        seed_business.seed_partners(db)
        seed_small_placements(db, now)
        seed_checkins.seed_small(db, today)


# The oversight board's advice on every open job (webapp/oversight), so the
# demo's open jobs were published the way a new one is: after the advice.
ADVICE_REASON = (
    "Dit werk blijft nu liggen. Niemand krijgt er nu voor betaald. "
    "De baan past bij de criteria voor een basisbaan."
)
ADVICE_DISPLACEMENT = (
    "We vroegen werkgevers en bonden in de buurt. Geen bedrijf of betaalde kracht doet dit werk nu."
)


def seed_advices(db, board_id):
    """An 'agree' on every open job that has no advice yet, dated when the job was made."""
    db.execute(
        """INSERT INTO advices (job_id, verdict, reason, displacement, advised_by, created_at)
           SELECT jobs.id, 'agree', ?, ?, ?, jobs.created_at FROM jobs
           WHERE jobs.status = 'open' AND NOT EXISTS (SELECT 1 FROM advices WHERE advices.job_id = jobs.id)""",
        (ADVICE_REASON, ADVICE_DISPLACEMENT, board_id),
    )


# Residents whose home buurt is not proved, so the demo shows both: Henk has no
# home buurt yet, Yasmin signed up on her own and waits for a coach.
UNVERIFIED = ("bewoner2", "bewoner3")


def verify_residents(db, now):
    """Every resident with a home buurt proved it, so the demo's and the
    benchmarks' votes count: "met by a coach" for a coach's participants, a
    voting code for the other neighbours. A resident verified already keeps
    their proof."""
    db.execute(
        f"""INSERT OR IGNORE INTO verifications (user_id, proof, buurt_id, verified_at, verified_by)
           SELECT users.id, CASE WHEN users.coach_id IS NULL THEN 'code' ELSE 'coach' END,
                  profiles.home_buurt_id, ?, users.coach_id
           FROM users JOIN profiles ON profiles.user_id = users.id
           WHERE users.role = 'resident' AND profiles.home_buurt_id IS NOT NULL
             AND users.username NOT IN ({",".join("?" * len(UNVERIFIED))})""",  # noqa: S608 - only '?' marks
        (_stamp(now), *UNVERIFIED),
    )


def seed_waiting_resident(db, buurt_ids, now, password_hash):
    """Yasmin signed up on her own three days ago and wants one job: the
    municipality's caseload page shows her waiting for a coach."""
    signed_up = _stamp(now - timedelta(days=3))
    yasmin = create_user(
        db,
        username="bewoner3",
        role="resident",
        display_name="Yasmin",
        password_hash=password_hash,
    )
    db.execute("UPDATE users SET created_at = ? WHERE id = ?", (signed_up, yasmin))
    db.execute(
        """INSERT INTO profiles (user_id, home_buurt_id, hours_max, categories, days, updated_at)
           VALUES (?, ?, 12, 'elderly,green', ?, ?)""",
        (yasmin, buurt_ids["bloemenbuurt"], vocab.join_codes(("mon", "tue"), vocab.DAYS), signed_up),
    )
    job_id = one(
        db,
        """SELECT jobs.id FROM jobs JOIN buurten ON buurten.id = jobs.buurt_id
           WHERE jobs.category = 'elderly' AND buurten.id = ? ORDER BY jobs.id LIMIT 1""",
        (buurt_ids["bloemenbuurt"],),
    )[0]
    asked = _stamp(now - timedelta(days=2))
    db.execute(
        """INSERT INTO interests (user_id, job_id, message, status, created_at, updated_at)
           VALUES (?, ?, ?, 'open', ?, ?)""",
        (yasmin, job_id, "Ik kook graag. Mag ik dit komen doen?", asked, asked),
    )


def _random_codes(rng, codes, low, high):
    return ",".join(sorted(rng.sample(list(codes), rng.randint(low, high)), key=list(codes).index))


def seed_large(db, residents=40_000, jobs=2_000, today=None, seed=2026, neighbours=0, messages=None, **sizes):
    """The benchmark set on top of the small one, in bulk, with progress bars.

    ``residents`` are on a benefit (a profile, a coach); ``neighbours`` only live
    in a buurt and vote (the city set). ``messages`` and ``sizes`` (proposals,
    threshold, votes_per_resident) change the coaching's and the proposals' sizes."""
    rng = random.Random(seed)
    today = today or date.today()
    templates = content.JOB_TEMPLATES
    buurt_rows = db.conn.execute("SELECT id, key, name FROM buurten").fetchall()
    buurten = [(row[0], {"key": row[1], "name": row[2]}) for row in buurt_rows]
    now = datetime.now(UTC).replace(microsecond=0)
    with click.progressbar(length=jobs, label="Jobs", file=sys.stderr) as bar, db.atomic():
        batch = []
        for index in range(jobs):
            template = rng.choice(templates)
            buurt_id, buurt = rng.choice(buurten)
            created = now - timedelta(minutes=13 * index + rng.randint(0, 12))
            start = today + timedelta(days=rng.randint(-30, 120))
            batch.append(job_row(template, buurt, buurt_id, _stamp(created), start))
            if len(batch) == 500:
                insert_jobs(db, batch)
                bar.update(len(batch))
                batch = []
        insert_jobs(db, batch)
        bar.update(len(batch))

    password_hash = hash_password(DEMO_PASSWORD)
    created_at = _stamp(now)
    with (
        click.progressbar(length=residents, label="Residents", file=sys.stderr) as bar,
        db.atomic(),
    ):
        start_id = one(db, "SELECT COALESCE(MAX(id), 0) FROM users")[0] + 1
        for first in range(0, residents, 2_000):
            count = min(2_000, residents - first)
            users = []
            profiles = []
            for offset in range(count):
                number = first + offset + 1
                user_id = start_id + first + offset
                users.append(
                    (user_id, f"bewoner-{number:05d}", f"Bewoner {number}", password_hash, "resident", created_at)
                )
                profiles.append(
                    (
                        user_id,
                        rng.choice(buurten)[0],
                        rng.choice(vocab.HOURS_CHOICES),
                        rng.choice(list(vocab.TRAVEL)),
                        _random_codes(rng, vocab.CATEGORIES, 1, 3),
                        _random_codes(rng, vocab.DAYS, 2, 6),
                        _random_codes(rng, vocab.LIMITS, 0, 2),
                        _random_codes(rng, vocab.SKILLS, 1, 4),
                        _random_codes(rng, vocab.LANGUAGES, 1, 2),
                        created_at,
                    )
                )
            db.conn.executemany(
                """INSERT INTO users (id, username, display_name, password_hash, role, created_at)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                users,
            )
            db.conn.executemany(
                """INSERT INTO profiles (user_id, home_buurt_id, hours_max, travel, categories,
                       days, limits, skills, languages, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                profiles,
            )
            bar.update(count)
    seed_neighbours(db, rng, neighbours, [buurt_id for buurt_id, _ in buurten], password_hash, created_at)
    seed_proposals.seed_large(db, rng, today, **sizes)
    if messages is None:
        seed_coaching.seed_large(db, rng, today)
    else:
        seed_coaching.seed_large(db, rng, today, messages=messages)
    with db.atomic():
        verify_residents(db, datetime.now(UTC).replace(microsecond=0))
        board = one(db, "SELECT id FROM users WHERE username = 'toezicht'")
        seed_advices(db, board[0] if board else None)
        seed_business.seed_partners(db)
        seed_placements(db, rng, now, residents // 20)
    seed_checkins.seed_large(db, rng, today)


def seed_small_placements(db, now, count=14):
    """The first ``count`` demo participants (deelnemer01 ...) work in a
    basisbaan job, one each, started 2 to 15 months ago, so the programme for
    the council has people and money to show. A job keeps a free place."""
    jobs = [
        row[0]
        for row in db.conn.execute(
            "SELECT id FROM jobs WHERE status = 'open' AND places - places_filled >= 2 ORDER BY id"
        )
    ]
    people = [
        row[0]
        for row in db.conn.execute(
            "SELECT id FROM users WHERE username LIKE 'deelnemer%' AND coach_id IS NOT NULL ORDER BY username"
        )
    ]
    db.conn.executemany(
        "INSERT INTO placements (job_id, user_id, created_at) VALUES (?, ?, ?)",
        [
            (job_id, user_id, _stamp(now - timedelta(days=60 + 30 * number)))
            for number, (job_id, user_id) in enumerate(zip(jobs, people[:count], strict=False))
        ],
    )


def seed_placements(db, rng, now, count):
    """About ``count`` residents placed in open jobs over the past two years, for
    the programme for the council (/gemeente/impact). A job takes no more than its places."""
    open_places = db.conn.execute(
        "SELECT id, places - places_filled FROM jobs WHERE status = 'open' AND places > places_filled"
    ).fetchall()
    slots = [job_id for job_id, free in open_places for _ in range(free)]
    rng.shuffle(slots)
    residents = [
        row[0]
        for row in db.conn.execute("SELECT id FROM users WHERE role = 'resident' AND username LIKE 'bewoner-%'")
    ]
    chosen = rng.sample(residents, min(count, len(residents), len(slots)))
    db.conn.executemany(
        "INSERT OR IGNORE INTO placements (job_id, user_id, created_at) VALUES (?, ?, ?)",
        [
            (job_id, user_id, _stamp(now - timedelta(days=rng.randint(0, 730))))
            for job_id, user_id in zip(slots, chosen, strict=False)
        ],
    )


def seed_neighbours(db, rng, count, buurt_ids, password_hash, created_at, batch=20_000):
    """Adult residents who are not on a benefit: ``inwoner-NNNNNN``, a home buurt
    (proved with a voting code by verify_residents), no coach, no wishes."""
    if not count:
        return
    with (
        click.progressbar(length=count, label="Neighbours", file=sys.stderr) as bar,
        db.atomic(),
    ):
        start_id = one(db, "SELECT COALESCE(MAX(id), 0) FROM users")[0] + 1
        for first in range(0, count, batch):
            ids = range(start_id + first, start_id + min(first + batch, count))
            db.conn.executemany(
                """INSERT INTO users (id, username, display_name, password_hash, role, created_at)
                   VALUES (?, ?, ?, ?, 'resident', ?)""",
                [
                    (
                        user_id,
                        f"inwoner-{user_id - start_id + 1:06d}",
                        f"Inwoner {user_id - start_id + 1}",
                        password_hash,
                        created_at,
                    )
                    for user_id in ids
                ],
            )
            db.conn.executemany(
                "INSERT INTO profiles (user_id, home_buurt_id, updated_at) VALUES (?, ?, ?)",
                [(user_id, rng.choice(buurt_ids), created_at) for user_id in ids],
            )
            bar.update(len(ids))


# The city set: a city the size of Amsterdam (about 700,000 adults) votes on
# the proposals. 40,000 of them are on a benefit, as in the large set. With a
# million votes over 5,000 proposals, the threshold is 400 and each resident
# votes at most twice.
CITY = {"residents": 700_000, "participants": 40_000, "threshold": 400, "votes_per_resident": 2}


def seed_city(db, residents=CITY["residents"], participants=CITY["participants"], bulk=True, **sizes):
    """The large set with ``residents`` in all, about a million votes, in bulk.

    With ``bulk`` the counter triggers are dropped for the inserts and the
    counters counted afterwards (webapp/seed/bulk.py); without it every row
    goes through the triggers (the tests compare the two)."""
    participants = min(participants, residents)
    sizes = {"threshold": CITY["threshold"], "votes_per_resident": CITY["votes_per_resident"], **sizes}
    if not bulk:
        seed_large(db, residents=participants, neighbours=residents - participants, **sizes)
        return
    with bulk_inserts.counters_paused(db):
        seed_large(db, residents=participants, neighbours=residents - participants, **sizes)
