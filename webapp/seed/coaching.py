"""Demo data for coaching (called from webapp/seed/demo.py).

Small: ``coach`` (Sanne de Vries) gets a caseload of 30 (``bewoner``,
``bewoner2`` and 28 more) with threads, appointments and plans in Dutch;
``coach2`` (Ahmed El Amrani) a separate caseload of 12. No notifications are
made: the demo starts with a quiet bell.

Large: 1,300 coaches, the 40,000 large residents spread over them (about 30
each) and 500,000 messages, in bulk with progress bars. The first large
coach (``coach-0001``) has a participant with a thread of 1,000 messages,
which the benchmark opens.
"""

import random
import sys
from datetime import UTC, datetime, time, timedelta

import click

from webapp.auth.changes import create_user
from webapp.auth.users import hash_password
from webapp.db import one, rows
from webapp.domain import vocab

DEMO_PASSWORD = "demo-wachtwoord"  # noqa: S105 - the published demo password (as in demo.py)

COACHES = {
    "coach": {"phone": "020 555 01 23", "days": "mon tue wed thu", "from": "09:00", "to": "17:00"},
    "coach2": {"phone": "020 555 01 45", "days": "tue wed fri", "from": "08:30", "to": "16:30"},
}

# (username, name, has a profile) for the 28 more of coach and the 12 of coach2.
PARTICIPANTS = [
    "Anouk Bakker",
    "Mohamed Amrani",
    "Petra Visser",
    "Sevda Yilmaz",
    "Kees van Dijk",
    "Olena Kovalenko",
    "Yusuf Demir",
    "Ria Smit",
    "Jan de Boer",
    "Samira Haddou",
    "Wim Mulder",
    "Tamara Bos",
    "Abdi Warsame",
    "Gerda Meijer",
    "Rachid Bouzid",
    "Ingrid de Groot",
    "Tesfay Gebremedhin",
    "Marloes Vos",
    "Piotr Nowak",
    "Linda Peters",
    "Hasan Kaya",
    "Truus Hendriks",
    "Dennis van Leeuwen",
    "Fenna Dekker",
    "Ayoub Benali",
    "Joke Brouwer",
    "Sandra Koster",
    "Milan Jansen",
    # coach2
    "Els de Wit",
    "Mustafa Arslan",
    "Nina Prins",
    "Bart Huisman",
    "Aster Tesfaye",
    "Cor Verhoeven",
    "Latifa Ouali",
    "Henk-Jan Kok",
    "Iris Blom",
    "Daan Schouten",
    "Zeynep Aydin",
    "Marian van der Berg",
]
COACH_ONE_EXTRA = 28

FATIMA_THREAD = [
    (False, -40, "10:12", "Hallo Sanne, ik heb mijn profiel ingevuld. Kun je ernaar kijken?"),
    (
        True,
        -40,
        "14:30",
        "Hoi Fatima, wat fijn! Ik heb het gelezen. Je houdt van werk met ouderen, dat past goed bij je.",
    ),
    (True, -12, "09:05", "Er is een nieuwe baan in De Hoven: bezoek bij ouderen thuis. Kijk je er eens naar?"),
    (False, -11, "19:40", "Ja, die vind ik leuk. Ik heb gezegd dat ik hem wil."),
    (True, -10, "10:15", "Mooi. Zullen we er volgende week over praten? Ik stuur je een afspraak."),
    (False, -2, "16:22", "Dank je. Moet ik iets meenemen naar de afspraak?"),
]
HENK_THREAD = [
    (
        True,
        -3,
        "11:00",
        "Hallo Henk, welkom bij Basisbaan. Ik ben Sanne, je coach. Vul je "
        "profiel in wanneer het jou uitkomt. Ik help je graag.",
    ),
]

FROM_RESIDENT = [
    "Hallo, ik heb een vraag over de baan in de buurt.",
    "Ik kan volgende week niet op dinsdag. Kan het een andere dag?",
    "Dank je wel voor het gesprek van vandaag.",
    "Ik heb de vragenlijst ingevuld.",
    "Wanneer hoor ik iets over de baan?",
    "Ik ben ziek, ik bel je morgen.",
    "Ik wil graag meer uren werken.",
    "Mijn fiets is kapot, kan ik ook met de bus komen?",
    "Ik heb een brief van de gemeente gekregen. Kun je helpen?",
    "Het gaat goed op het werk, de collega's zijn aardig.",
]
FROM_COACH = [
    "Hoi, hoe gaat het met je?",
    "Ik heb een baan gevonden die bij je past. Kijk je even?",
    "Goed dat je het laat weten. We zoeken samen een andere dag.",
    "Neem gerust je vragen mee naar onze afspraak.",
    "Ik heb de werkgever gebeld. Ze willen je graag ontmoeten.",
    "Beterschap! Bel me als het weer gaat.",
    "Dat is een goed idee. Ik zoek banen met meer uren voor je.",
    "Met de bus is prima. Ik stuur je de route.",
    "Stuur me een foto van de brief, dan kijken we samen.",
    "Wat fijn om te horen!",
]
PLACES = [
    "Wijkcentrum De Hoven, kamer 2",
    "Buurthuis De Weide",
    "Gemeentehuis Lindeveld, balie 4",
    "Bibliotheek Marktbuurt",
]
GOALS = [
    (
        "Werk vinden voor 16 uur per week",
        ["Profiel helemaal invullen", "Drie banen uitkiezen die je leuk vindt", "Kennismaken bij een werkgever"],
    ),
    ("Beter Nederlands spreken", ["Aanmelden bij het taalcafé", "Elke week één keer naar het taalcafé"]),
    ("Meer bewegen en buiten komen", ["Elke dag een half uur wandelen", "Meedoen met de buurttuin"]),
    ("Rust in de geldzaken", ["Afspraak bij de schuldhulp maken", "Alle brieven in één map doen"]),
]


def _stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _utc(day, clock):
    """A local Amsterdam day and 'HH:MM' as a stored UTC stamp (near enough: CET)."""
    hour, minute = (int(part) for part in clock.split(":"))
    local = datetime.combine(day, time(hour, minute))
    return _stamp((local - timedelta(hours=1)).replace(tzinfo=UTC))


def _user_id(db, username):
    return one(db, "SELECT id FROM users WHERE username = ?", (username,))[0]


def _random_codes(rng, codes, low, high):
    chosen = rng.sample(list(codes), rng.randint(low, high))
    return ",".join(code for code in codes if code in chosen)


def _profile(db, rng, user_id, buurt_ids, stamp):
    db.execute(
        """INSERT INTO profiles (user_id, home_buurt_id, hours_max, travel, categories, days,
               limits, skills, languages, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            user_id,
            rng.choice(buurt_ids),
            rng.choice(vocab.HOURS_CHOICES),
            rng.choice(list(vocab.TRAVEL)),
            _random_codes(rng, vocab.CATEGORIES, 1, 3),
            _random_codes(rng, vocab.DAYS, 2, 5),
            _random_codes(rng, vocab.LIMITS, 0, 2),
            _random_codes(rng, vocab.SKILLS, 1, 4),
            _random_codes(rng, vocab.LANGUAGES, 1, 2),
            stamp,
        ),
    )


def _messages(db, resident_id, coach_id, thread, today, unread_last=True):
    """Insert ``(from_coach, day offset, 'HH:MM', text)``; the last one may be unread."""
    for index, (from_coach, offset, clock, text) in enumerate(thread):
        created = _utc(today + timedelta(days=offset), clock)
        last = index == len(thread) - 1
        read_at = None if (last and unread_last) else created
        db.execute(
            """INSERT INTO messages (resident_id, sender_id, from_coach, body, created_at,
                                     read_at) VALUES (?, ?, ?, ?, ?, ?)""",
            (resident_id, coach_id if from_coach else resident_id, int(from_coach), text, created, read_at),
        )


def _appointment(
    db, resident_id, coach_id, day, clock, status="accepted", kind="place", place=None, note="", reason=""
):
    # A past appointment was reminded of in its time; a coming one not yet.
    created = _stamp(datetime.now(UTC))
    db.execute(
        """INSERT INTO appointments (resident_id, coach_id, starts_at, minutes, kind, place,
               note, status, reason, created_at, updated_at, reminded_at)
           VALUES (?, ?, ?, 45, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            resident_id,
            coach_id,
            f"{day.isoformat()}T{clock}",
            kind,
            place if place is not None else (PLACES[0] if kind == "place" else "Ik bel je."),
            note,
            status,
            reason,
            created,
            created,
            None if day.isoformat() >= created[:10] else created,
        ),
    )


def _plan(db, resident_id, coach_id, goals, today, rng, done_steps=1):
    for title, steps in goals:
        goal_id = db.execute(
            """INSERT INTO plan_goals (resident_id, title, written_by, by_coach, created_at)
               VALUES (?, ?, ?, 1, ?)""",
            (resident_id, title, coach_id, _utc(today - timedelta(days=30), "10:00")),
        ).lastrowid
        for index, text in enumerate(steps):
            done = index < done_steps
            by_coach = rng.random() < 0.5
            db.execute(
                """INSERT INTO plan_steps (goal_id, text, due_date, written_by, by_coach,
                       done_at, done_by_coach, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    goal_id,
                    text,
                    (today + timedelta(days=14 * (index + 1) - 20)).isoformat(),
                    coach_id if by_coach else resident_id,
                    int(by_coach),
                    _utc(today - timedelta(days=5), "12:00") if done else None,
                    int(not by_coach) if done else None,
                    _utc(today - timedelta(days=30), "10:05"),
                ),
            )


def _random_thread(rng, today):
    """Contacts spread over the last year: a day with one to three messages each time."""
    contacts = rng.randint(0, 9)
    last = rng.choice([1, 2, 4, 6, 9, 15, 22, 35, 48, 70])
    days = sorted({last + rng.randint(0, 330) for _ in range(contacts - 1)} | {last}, reverse=True)
    thread = []
    for offset in days:
        starts_with_coach = rng.random() < 0.5
        for turn in range(rng.randint(1, 3)):
            from_coach = starts_with_coach == (turn % 2 == 0)
            text = rng.choice(FROM_COACH if from_coach else FROM_RESIDENT)
            clock = f"{9 + turn * 2:02d}:{rng.randint(0, 59):02d}"
            thread.append((from_coach, -offset, clock, text))
    return thread if contacts else []


def seed_small(db, today):
    """The small demo set: runs after places, jobs and the demo accounts exist."""
    rng = random.Random(4)
    now = datetime.now(UTC).replace(microsecond=0)
    stamp = _stamp(now)
    password_hash = one(db, "SELECT password_hash FROM users WHERE username = 'coach'")[0]
    coach = _user_id(db, "coach")
    coach2 = create_user(
        db,
        username="coach2",
        role="coach",
        display_name="Ahmed El Amrani",
        email="coach2@example.org",
        password_hash=password_hash,
    )
    for username, details in COACHES.items():
        db.execute(
            """INSERT INTO coach_details (user_id, phone, available_days, available_from, available_to, updated_at)
               VALUES (?, ?, ?, ?, ?, ?)""",
            (_user_id(db, username), details["phone"], details["days"], details["from"], details["to"], stamp),
        )
    buurt_ids = [row[0] for row in rows(db, "SELECT id FROM buurten ORDER BY id")]
    job_ids = [row[0] for row in rows(db, "SELECT id FROM jobs WHERE status = 'open' ORDER BY id")]

    fatima = _user_id(db, "bewoner")
    henk = _user_id(db, "bewoner2")
    _messages(db, fatima, coach, FATIMA_THREAD, today)
    _messages(db, henk, coach, HENK_THREAD, today)
    _appointment(db, fatima, coach, today - timedelta(days=40), "14:00")
    _appointment(
        db,
        fatima,
        coach,
        today + timedelta(days=6),
        "10:00",
        status="planned",
        note="We praten over de baan bij de ouderen in De Hoven.",
    )
    _appointment(
        db,
        henk,
        coach,
        today + timedelta(days=9),
        "13:30",
        status="planned",
        kind="phone",
        place="Ik bel je op je mobiele nummer.",
        note="Kennismaken. Ik vertel hoe Basisbaan werkt.",
    )
    _plan(db, fatima, coach, GOALS[:2], today, rng)
    db.execute(
        """INSERT INTO access_log (resident_id, coach_id, coach_name, what, at)
           VALUES (?, ?, ?, ?, ?)""",
        (fatima, coach, "Sanne de Vries", "page", _utc(today - timedelta(days=2), "16:40")),
    )

    for index, name in enumerate(PARTICIPANTS):
        own_coach = coach if index < COACH_ONE_EXTRA else coach2
        username = f"deelnemer{index + 1:02d}"
        user_id = create_user(
            db,
            username=username,
            role="resident",
            display_name=name,
            password_hash=password_hash,
            coach_id=own_coach,
        )
        if index % 7 != 3:  # a few have not filled in their profile yet
            _profile(db, rng, user_id, buurt_ids, stamp)
        thread = _random_thread(rng, today)
        _messages(db, user_id, own_coach, thread, today, unread_last=rng.random() < 0.3)
        if thread:
            held = today + timedelta(days=thread[-1][1])
            _appointment(db, user_id, own_coach, held, "11:00", place=rng.choice(PLACES))
        if rng.random() < 0.6:
            day = today + timedelta(days=rng.randint(1, 28))
            status = rng.choice(["planned", "accepted", "accepted", "other_time"])
            reason = "Dan moet ik naar de dokter." if status == "other_time" else ""
            _appointment(
                db,
                user_id,
                own_coach,
                day,
                rng.choice(["09:30", "11:00", "14:00"]),
                status=status,
                place=rng.choice(PLACES),
                reason=reason,
                kind=rng.choice(["place", "place", "phone"]),
            )
        if index % 3 == 0:
            _plan(
                db,
                user_id,
                own_coach,
                rng.sample(GOALS, rng.randint(1, 2)),
                today,
                rng,
                done_steps=rng.randint(0, 2),
            )
        if index % 5 == 1:
            # Jobs 1 and 2 stay as the foundation's tests expect them.
            job = rng.choice(job_ids[2:])
            answered = index % 10 == 6
            db.execute(
                """INSERT INTO interests (user_id, job_id, message, status, created_at,
                       updated_at, coach_answer, answered_by, answered_at)
                   VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?)""",
                (
                    user_id,
                    job,
                    "Deze baan lijkt me leuk.",
                    stamp,
                    stamp,
                    "talk" if answered else None,
                    own_coach if answered else None,
                    stamp if answered else None,
                ),
            )


# --- the large set ----------------------------------------------------------------

LARGE_COACHES = 1_300
LARGE_MESSAGES = 500_000
BENCH_THREAD = 1_000


def seed_large(db, rng, today, messages=LARGE_MESSAGES):
    """The benchmark set: runs after the large residents and jobs exist."""
    now = datetime.now(UTC).replace(microsecond=0)
    stamp = _stamp(now)
    password_hash = hash_password(DEMO_PASSWORD)
    first_coach = one(db, "SELECT COALESCE(MAX(id), 0) FROM users")[0] + 1
    coach_ids = list(range(first_coach, first_coach + LARGE_COACHES))
    with (
        click.progressbar(length=LARGE_COACHES, label="Coaches", file=sys.stderr) as bar,
        db.atomic(),
    ):
        db.conn.executemany(
            """INSERT INTO users (id, username, display_name, password_hash, role, email,
                                  created_at) VALUES (?, ?, ?, ?, 'coach', ?, ?)""",
            [
                (
                    coach_id,
                    f"coach-{n + 1:04d}",
                    f"Coach {n + 1}",
                    password_hash,
                    f"coach-{n + 1:04d}@example.org",
                    stamp,
                )
                for n, coach_id in enumerate(coach_ids)
            ],
        )
        db.conn.executemany(
            "INSERT INTO coach_details (user_id, phone, available_days, updated_at) VALUES (?, ?, ?, ?)",
            [
                (coach_id, f"020 555 {n // 100:02d} {n % 100:02d}", "mon tue wed thu fri", stamp)
                for n, coach_id in enumerate(coach_ids)
            ],
        )
        bar.update(LARGE_COACHES)

    residents = [
        row[0]
        for row in rows(
            db, "SELECT id FROM users WHERE role = 'resident' AND username LIKE 'bewoner-%' ORDER BY id"
        )
    ]
    with (
        click.progressbar(length=len(residents), label="Caseloads", file=sys.stderr) as bar,
        db.atomic(),
    ):
        # In turn, so every coach gets about 30 and neighbours in the list differ.
        db.conn.executemany(
            "UPDATE users SET coach_id = ? WHERE id = ?",
            [(coach_ids[i % LARGE_COACHES], resident) for i, resident in enumerate(residents)],
        )
        bar.update(len(residents))

    _large_messages(db, rng, residents, coach_ids, today, messages)
    _large_appointments(db, rng, residents, coach_ids, today, stamp)


def _large_messages(db, rng, residents, coach_ids, today, total=LARGE_MESSAGES):
    """500,000 messages: 1,000 in the benchmark thread, the rest spread at random.

    Made thread by thread in time order, so ids follow time as in real life.
    """
    bench_resident = residents[0]  # in the caseload of coach-0001
    others = total - BENCH_THREAD
    counts = [0] * len(residents)
    for _ in range(others):
        counts[rng.randrange(1, len(residents))] += 1
    counts[0] = BENCH_THREAD
    start = datetime.combine(today, time(8, 0)).replace(tzinfo=UTC) - timedelta(days=365)
    texts_resident, texts_coach = FROM_RESIDENT, FROM_COACH
    batch = []
    with (
        click.progressbar(length=total, label="Messages", file=sys.stderr) as bar,
        db.atomic(),
    ):
        for index, resident in enumerate(residents):
            count = counts[index]
            if not count:
                continue
            coach = coach_ids[index % LARGE_COACHES]
            step = timedelta(minutes=max(1, 365 * 24 * 60 // (count + 1)))
            moment = start + timedelta(minutes=rng.randint(0, 600))
            for number in range(count):
                moment += step
                from_coach = rng.random() < 0.5
                last = number == count - 1
                created = _stamp(moment)
                batch.append(
                    (
                        resident,
                        coach if from_coach else resident,
                        int(from_coach),
                        rng.choice(texts_coach if from_coach else texts_resident),
                        created,
                        None if last and rng.random() < 0.3 else created,
                    )
                )
            if len(batch) >= 20_000:
                _insert_messages(db, batch)
                bar.update(len(batch))
                batch = []
        _insert_messages(db, batch)
        bar.update(len(batch))
    return bench_resident


def _insert_messages(db, batch):
    db.conn.executemany(
        """INSERT INTO messages (resident_id, sender_id, from_coach, body, created_at, read_at)
           VALUES (?, ?, ?, ?, ?, ?)""",
        batch,
    )


def _large_appointments(db, rng, residents, coach_ids, today, stamp):
    """One past and, for most, one coming appointment per participant."""
    batch = []
    with (
        click.progressbar(length=len(residents), label="Appointments", file=sys.stderr) as bar,
        db.atomic(),
    ):
        for index, resident in enumerate(residents):
            coach = coach_ids[index % LARGE_COACHES]
            past = today - timedelta(days=rng.randint(1, 120))
            batch.append(
                (
                    resident,
                    coach,
                    f"{past.isoformat()}T10:00",
                    "place",
                    PLACES[index % 4],
                    "accepted",
                    stamp,
                    stamp,
                    stamp,
                )
            )
            if rng.random() < 0.7:
                coming = today + timedelta(days=rng.randint(1, 40))
                batch.append(
                    (
                        resident,
                        coach,
                        f"{coming.isoformat()}T14:00",
                        "place",
                        PLACES[index % 4],
                        rng.choice(["planned", "accepted"]),
                        stamp,
                        stamp,
                        None,
                    )
                )
        db.conn.executemany(
            """INSERT INTO appointments (resident_id, coach_id, starts_at, kind, place, status,
                   created_at, updated_at, reminded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            batch,
        )
        bar.update(len(residents))
