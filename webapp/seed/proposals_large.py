"""The large set of proposals and votes, for benchmarks (see webapp/seed/proposals.py).

5,000 proposals and about 200,000 votes, inserted in bulk. The votes keep the
rules: each resident votes about 5 times, only on proposals in their own
wijk, never on their own; voting stops at the threshold, so a proposal past
'open' has exactly the threshold's votes and the others fewer.

Why the threshold is 60 here, not 25: 200,000 votes over 5,000 proposals is
40 votes each on average. With voting stopping at 25, that cannot be done
while most proposals stay below the threshold; a town with 40,000
residents sets a higher threshold, and so does this set (in the settings).
"""

import sys
from datetime import UTC, datetime, timedelta

from webapp.domain import proposals as rules

PROPOSALS = 5_000
THRESHOLD = 60
VOTES_PER_RESIDENT = 5
# How many proposals end in each status; the rest of the 5,000 are open.
ABOVE = {"with_gemeente": 140, "changes_asked": 25, "approved": 35, "rejected": 50, "job_created": 50}
BELOW = {"closed": 1_800, "withdrawn": 150, "draft": 150}

# (category, Dutch title, English title, what the worker does (nl, en), the problem (nl, en))
IDEAS = [
    (
        "errands",
        "Boodschappendienst",
        "Errand service",
        "Boodschappen doen voor buren die slecht ter been zijn.",
        "Do the shopping for neighbours who cannot walk far.",
        "Ouderen kunnen niet meer zelf naar de winkel.",
        "Older people cannot get to the shop.",
    ),
    (
        "elderly",
        "Koffie-ochtend voor ouderen",
        "Coffee morning for older residents",
        "Een ochtend per week koffie schenken en praten met ouderen.",
        "Serve coffee and chat with older residents one morning a week.",
        "Veel ouderen zijn eenzaam.",
        "Many older people are lonely.",
    ),
    (
        "computer",
        "Computerhulp",
        "Computer help",
        "Mensen helpen met DigiD, e-mail en online formulieren.",
        "Help people with DigiD, e-mail and online forms.",
        "Veel mensen lukt het niet online.",
        "Many people cannot manage online.",
    ),
    (
        "caretaker",
        "Buurtconciërge",
        "Neighbourhood caretaker",
        "Kapotte dingen melden en de portieken netjes houden.",
        "Report broken things and keep the entrances tidy.",
        "Niemand voelt zich verantwoordelijk voor de flats.",
        "Nobody feels responsible for the flats.",
    ),
    (
        "green",
        "Groenploeg",
        "Green team",
        "Het park en de geveltuinen bijhouden met bewoners.",
        "Look after the park and front gardens with residents.",
        "Het groen in de buurt is verwaarloosd.",
        "The green spaces are neglected.",
    ),
    (
        "handyman",
        "Klussendienst",
        "Handyman service",
        "Kleine klussen doen bij mensen die het zelf niet kunnen.",
        "Do small repairs for people who cannot do them themselves.",
        "Kleine reparaties blijven liggen.",
        "Small repairs are left undone.",
    ),
    (
        "newcomers",
        "Taalmaatje",
        "Language buddy",
        "Samen Nederlands oefenen in het dagelijks leven.",
        "Practise Dutch together in daily life.",
        "Nieuwkomers spreken weinig Nederlands.",
        "Newcomers speak little Dutch.",
    ),
    (
        "school",
        "Klassenassistent",
        "Classroom assistant",
        "De juf helpen met lezen en knutselen.",
        "Help the teacher with reading and crafts.",
        "De klassen zijn groot.",
        "The classes are large.",
    ),
    (
        "mobility",
        "Vervoer naar de dokter",
        "Rides to the doctor",
        "Ouderen naar de huisarts en het ziekenhuis brengen.",
        "Drive older people to the GP and the hospital.",
        "De bus rijdt niet meer door de buurt.",
        "The bus no longer runs through the buurt.",
    ),
    (
        "watch",
        "Ogen en oren van de straat",
        "Eyes and ears of the street",
        "Rondes lopen en praten met bewoners.",
        "Walk rounds and talk with residents.",
        "Mensen voelen zich niet veilig.",
        "People do not feel safe.",
    ),
    (
        "carehome",
        "Huiskamerhulp",
        "Living-room help",
        "Helpen in de huiskamer van het zorgcentrum.",
        "Help in the care home's living room.",
        "De verzorgenden hebben weinig tijd.",
        "The carers have little time.",
    ),
]

COMMENT_TEXTS = (
    ("question", "nl", "Wanneer zou dit beginnen?"),
    ("comment", "nl", "Goed idee, ik doe graag mee."),
    ("question", "en", "Who would organise this?"),
    ("comment", "en", "My neighbours would love this."),
)


def _stamp(moment):
    return rules.stamp(moment)


def _statuses(rng, proposals=PROPOSALS):
    # The same shares at any number of proposals (exactly the counts above at 5,000).
    counts = {status: n * proposals // PROPOSALS for status, n in {**ABOVE, **BELOW}.items()}
    statuses = [status for status, n in counts.items() for _ in range(n)]
    statuses += ["open"] * (proposals - len(statuses))
    rng.shuffle(statuses)
    return statuses


def _plan(rng, status, now):
    """When a proposal opened and when its later steps happened (all before now)."""
    day = timedelta(days=1)
    if status == "draft":
        return {"created": now - rng.uniform(0, 30) * day}
    if status == "open":
        opened = now - rng.uniform(0.1, 41) * day
        return {"created": opened - day, "opened": opened, "votes_until": now}
    if status == "closed":
        opened = now - rng.uniform(43, 300) * day
        deadline = opened + 42 * day
        return {"created": opened - day, "opened": opened, "votes_until": deadline - day, "closed": deadline}
    if status == "withdrawn":
        opened = now - rng.uniform(5, 200) * day
        withdrawn = opened + rng.uniform(1, 4) * day
        return {"created": opened - day, "opened": opened, "votes_until": withdrawn, "withdrawn": withdrawn}
    opened = now - rng.uniform(60, 300) * day
    reached = opened + rng.uniform(3, 40) * day
    decided = reached + rng.uniform(1, 10) * day
    published = decided + rng.uniform(1, 5) * day
    return {
        "created": opened - day,
        "opened": opened,
        "votes_until": reached,
        "reached": reached,
        "decided": decided,
        "published": published,
    }


def _targets(rng, status, threshold=THRESHOLD):
    if status in ABOVE:
        return threshold
    if status == "draft":
        return 0
    if status == "withdrawn":
        return rng.randint(0, 20)
    return rng.randint(min(20, threshold - 1), threshold - 1)


def seed(db, rng, today, click, proposals=PROPOSALS, threshold=THRESHOLD, votes_per_resident=VOTES_PER_RESIDENT):
    """``proposals`` proposals on the residents there are (``bewoner-*`` and, in
    the city set, ``inwoner-*``), ``threshold`` votes to pass, and each resident
    votes at most ``votes_per_resident`` times."""
    now = datetime.now(UTC).replace(microsecond=0)
    now = now.replace(year=today.year, month=today.month, day=today.day)
    buurten = db.conn.execute("SELECT id, name, wijk_id FROM buurten ORDER BY id").fetchall()
    residents = {}
    for user_id, wijk_id in db.conn.execute(
        """SELECT users.id, buurten.wijk_id FROM users
           JOIN profiles ON profiles.user_id = users.id
           JOIN buurten ON buurten.id = profiles.home_buurt_id
           WHERE users.username LIKE 'bewoner-%' OR users.username LIKE 'inwoner-%'
           ORDER BY users.id"""
    ):
        residents.setdefault(wijk_id, []).append(user_id)
    if not residents:
        return
    buurtgroep = db.conn.execute("SELECT id FROM users WHERE username = 'buurtgroep'").fetchone()
    gemeente = db.conn.execute("SELECT id FROM users WHERE username = 'gemeente'").fetchone()[0]
    how_many = proposals
    statuses = _statuses(rng, how_many)
    # Every resident holds 5 tickets; a vote uses one. Above-threshold proposals are
    # served first, so they always get their full count.
    tickets = {}
    for wijk_id, people in residents.items():
        pool = [person for person in people for _ in range(votes_per_resident)]
        rng.shuffle(pool)
        tickets[wijk_id] = pool
    start_id = db.conn.execute("SELECT COALESCE(MAX(id), 0) FROM proposals").fetchone()[0] + 1
    proposals, events, votes, jobs_made = [], [], [], []
    order = sorted(range(how_many), key=lambda i: statuses[i] not in ABOVE)
    plans = {}
    with click.progressbar(order, label="Proposals", file=sys.stderr) as bar:
        for index in bar:
            status = statuses[index]
            proposal_id = start_id + index
            buurt_id, buurt_name, wijk_id = rng.choice(buurten)
            idea = rng.choice(IDEAS)
            lang = "en" if rng.random() < 0.2 else "nl"
            people = residents[wijk_id]
            author = buurtgroep[0] if buurtgroep and rng.random() < 0.1 else rng.choice(people)
            plan = plans[index] = _plan(rng, status, now)
            text = 1 if lang == "nl" else 2
            title = f"{idea[text]} {buurt_name}"
            tasks, problem = idea[2 + text], idea[4 + text]
            opened = plan.get("opened")
            proposals.append(
                (
                    proposal_id,
                    author,
                    buurt_id,
                    status,
                    lang,
                    idea[0],
                    title,
                    tasks,
                    problem,
                    rng.choice((8, 12, 16, 20, 24)),
                    "",
                    rng.choice(("yes", "unsure")),
                    "",
                    rng.choice(("yes", "with_help", "unsure")),
                    None if status == "draft" else threshold,
                    _stamp(opened) if opened else None,
                    _stamp(opened + timedelta(days=42)) if opened else None,
                    _stamp(plan["created"]),
                    _stamp(plan.get("decided") or plan["created"]),
                )
            )
            if opened is None:
                continue
            events.append((proposal_id, _stamp(opened), author, "draft", "open", ""))
            wanted = _targets(rng, status, threshold)
            chosen, skipped, pool = set(), [], tickets[wijk_id]
            while len(chosen) < wanted and pool:
                person = pool.pop()
                if person in chosen or person == author:
                    skipped.append(person)
                else:
                    chosen.add(person)
            pool.extend(skipped)
            span = (plan["votes_until"] - opened).total_seconds()
            for person in chosen:
                moment = opened + timedelta(seconds=rng.uniform(0, span))
                votes.append((proposal_id, person, _stamp(moment)))
            _history(events, proposal_id, status, plan, author, gemeente)
            if status in ("approved", "job_created"):
                jobs_made.append((proposal_id, status, idea, buurt_id, plan))
    with db.atomic():
        db.conn.execute(
            """INSERT INTO settings (key, value, updated_at) VALUES ('threshold', ?, ?)
               ON CONFLICT (key) DO UPDATE SET value = excluded.value""",
            (str(threshold), _stamp(now)),
        )
        db.conn.executemany(
            """INSERT INTO proposals (id, author_id, buurt_id, status, lang, category, title,
                   tasks, problem, hours, partners, unpaid_now, funding, far_from_work,
                   threshold, opened_at, deadline, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            proposals,
        )
        db.conn.executemany(
            """INSERT INTO proposal_events (proposal_id, at, actor_id, from_status, to_status,
                   reason) VALUES (?, ?, ?, ?, ?, ?)""",
            events,
        )
        _decisions(db, statuses, start_id, plans, gemeente)
        _jobs(db, jobs_made)
        _comments(db, rng, start_id, statuses, residents, now)
    with (
        click.progressbar(length=len(votes), label="Votes", file=sys.stderr) as bar,
        db.atomic(),
    ):
        for first in range(0, len(votes), 50_000):
            batch = votes[first : first + 50_000]
            db.conn.executemany("INSERT INTO votes (proposal_id, user_id, created_at) VALUES (?, ?, ?)", batch)
            bar.update(len(batch))


REASONS = {
    "approved": "Goed plan. Het is nieuw werk en de partners betalen mee. We maken er een baan van.",
    "job_created": "Goed plan. Het is nieuw werk en de partners betalen mee. We maken er een baan van.",
    "rejected": "Dit werk wordt nu al betaald gedaan. Een basisbaan mag dat werk niet wegnemen.",
    "changes_asked": "Wie betaalt er mee? Schrijf op welke partners meedoen.",
}


def _history(events, proposal_id, status, plan, author, gemeente):
    if status == "closed":
        events.append((proposal_id, _stamp(plan["closed"]), None, "open", "closed", ""))
    elif status == "withdrawn":
        events.append((proposal_id, _stamp(plan["withdrawn"]), author, "open", "withdrawn", ""))
    elif status in ABOVE:
        events.append((proposal_id, _stamp(plan["reached"]), None, "open", "with_gemeente", ""))
        if status == "with_gemeente":
            return
        decision = "approved" if status == "job_created" else status
        events.append((proposal_id, _stamp(plan["decided"]), gemeente, "with_gemeente", decision, REASONS[status]))
        if status == "job_created":
            events.append((proposal_id, _stamp(plan["published"]), gemeente, "approved", "job_created", ""))


def _decisions(db, statuses, start_id, plans, gemeente):
    rows = []
    criteria = ",".join(rules.CRITERIA)
    for index, status in enumerate(statuses):
        if status not in REASONS:
            continue
        approved = status in ("approved", "job_created")
        rows.append(
            (
                REASONS[status],
                "Gemeente Lindeveld" if approved else "",
                3_000_000 if approved else None,
                criteria if approved else "",
                _stamp(plans[index]["decided"]),
                gemeente,
                start_id + index,
            )
        )
    db.conn.executemany(
        """UPDATE proposals SET decision_reason = ?, decision_payer = ?,
               decision_cents_per_year = ?, decision_criteria = ?, decided_at = ?,
               decided_by = ? WHERE id = ?""",
        rows,
    )


def _jobs(db, made):
    for proposal_id, status, idea, buurt_id, plan in made:
        published = status == "job_created"
        cursor = db.conn.execute(
            """INSERT INTO jobs (status, category, buurt_id, employer, hours, places,
                   proposal_id, created_at, title_nl, title_en, summary_nl, summary_en,
                   plain_nl, plain_en, tasks_nl, tasks_en, problem_nl, problem_en)
               VALUES (?, ?, ?, 'Gemeente Lindeveld', 16, 2, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                "open" if published else "draft",
                idea[0],
                buurt_id,
                proposal_id,
                _stamp(plan["published"] if published else plan["decided"]),
                idea[1],
                idea[2],
                idea[3],
                idea[4],
                idea[3] if published else "",
                idea[4] if published else "",
                idea[3],
                idea[4],
                idea[5],
                idea[6],
            ),
        )
        db.conn.execute("UPDATE proposals SET job_id = ? WHERE id = ?", (cursor.lastrowid, proposal_id))


def _comments(db, rng, start_id, statuses, residents, now):
    people = [person for group in residents.values() for person in group]
    rows = []
    for index, status in enumerate(statuses):
        if status == "draft" or rng.random() > 0.1:
            continue
        kind, lang, body = rng.choice(COMMENT_TEXTS)
        moment = now - timedelta(days=rng.uniform(0, 30))
        rows.append((start_id + index, rng.choice(people), kind, body, lang, _stamp(moment)))
    db.conn.executemany(
        """INSERT INTO proposal_comments (proposal_id, author_id, kind, body, lang, created_at)
           VALUES (?, ?, ?, ?, ?, ?)""",
        rows,
    )
