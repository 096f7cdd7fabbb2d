"""Demo data for proposals (called from webapp/seed/demo.py).

Small: 15 proposals in every status, written by residents and the buurtgroep
as people write them (in Dutch or English, each with its language), with
votes that keep the rules (own wijk, not the author, at most the vote limit
on open proposals), a timeline, questions, answers and reports. The voters
are neighbours without a password: they cannot log in, they only make the
numbers real.

Large: 5,000 proposals and about 200,000 votes in bulk. Each resident votes
about 5 times, only in their own wijk, so no one is ever over the limit.
"""

from datetime import UTC, datetime, timedelta

import click

from webapp.domain import proposals as rules
from webapp.domain import settings as settings_rules
from webapp.proposals import changes, queries
from webapp.seed import proposals_large

NEIGHBOURS_PER_WIJK = 30
NEIGHBOUR_NAMES = (
    "Ayşe",
    "Bram",
    "Chantal",
    "Dirk",
    "Esra",
    "Fenna",
    "Gijs",
    "Hanneke",
    "Iman",
    "Jeroen",
    "Karim",
    "Lotte",
    "Mohamed",
    "Noor",
    "Olga",
    "Pieter",
    "Rachida",
    "Sem",
    "Tamara",
    "Umut",
    "Vera",
    "Wim",
    "Yasmina",
    "Zoë",
    "Anton",
    "Bianca",
    "Cor",
    "Dewi",
    "Emre",
    "Floor",
)

# author: 'buurtgroep', 'bewoner' or 'neighbour' (a resident of the buurt's wijk).
# votes: how many; for statuses past 'open' that is the threshold (voting stops there).
# opened: days ago; moved: days ago the status after 'open' was reached.
PROPOSALS = [
    {
        "key": "boodschappen",
        "buurt": "de-hoven",
        "author": "buurtgroep",
        "lang": "nl",
        "category": "errands",
        "status": "open",
        "votes": 18,
        "opened": 30,
        "bewoner_votes": True,
        "title": "Boodschappendienst voor ouderen in De Hoven",
        "tasks": "Boodschappen doen voor buren die slecht ter been zijn. Je haalt het "
        "boodschappenlijstje op, doet de boodschappen en zet ze thuis in de kast. "
        "Er is tijd voor een praatje.",
        "problem": "Veel ouderen in De Hoven wonen alleen. De supermarkt is ver weg sinds de "
        "winkel op het plein dicht is. Sommigen eten daardoor slecht.",
        "hours": 16,
        "partners": "Buurthuis De Wissel, Stichting Welzijn Lindeveld",
        "unpaid_now": "yes",
        "funding": "Welzijn Lindeveld wil meebetalen.",
        "far_from_work": "yes",
    },
    {
        "key": "computerhulp",
        "buurt": "bloemenbuurt",
        "author": "bewoner",
        "lang": "nl",
        "category": "computer",
        "status": "open",
        "votes": 6,
        "opened": 10,
        "title": "Computerhulp in de bibliotheek",
        "tasks": "Twee ochtenden per week mensen helpen met DigiD, e-mail en de website van "
        "de gemeente. Rustig uitleggen, samen doen.",
        "problem": "Veel mensen lukt het niet om online hun zaken te regelen. Ze durven het niet te vragen.",
        "hours": 12,
        "partners": "Bibliotheek Lindeveld",
        "unpaid_now": "yes",
        "funding": "",
        "far_from_work": "with_help",
    },
    {
        "key": "repair",
        "buurt": "vogelbuurt",
        "author": "neighbour",
        "lang": "en",
        "category": "handyman",
        "status": "open",
        "votes": 3,
        "opened": 5,
        "title": "Tool library and repair café in Vogelbuurt",
        "tasks": "Lend out tools, help neighbours repair bikes, lamps and clothes, and keep "
        "the workshop tidy. Saturday mornings and one weekday evening.",
        "problem": "People throw away things that could be fixed. Not everyone can buy a "
        "drill or knows how to use one.",
        "hours": 12,
        "partners": "Buurthuis De Wissel has a room we can use.",
        "unpaid_now": "yes",
        "funding": "Maybe the housing corporation.",
        "far_from_work": "with_help",
    },
    {
        "key": "concierge",
        "buurt": "bloemenbuurt",
        "author": "buurtgroep",
        "lang": "nl",
        "category": "caretaker",
        "status": "with_gemeente",
        "votes": 25,
        "opened": 20,
        "moved": 3,
        "bewoner_votes": True,
        "title": "Buurtconciërge voor de flats aan de Bloemenlaan",
        "tasks": "Een vast gezicht in de flats: kapotte lampen melden, de galerij schoon "
        "houden, nieuwe bewoners wegwijs maken en een oogje in het zeil houden.",
        "problem": "In de flats is veel overlast en niemand voelt zich verantwoordelijk. "
        "Meldingen blijven liggen.",
        "hours": 24,
        "partners": "Woningcorporatie Thuis in Lindeveld",
        "unpaid_now": "yes",
        "funding": "De woningcorporatie betaalt een deel.",
        "far_from_work": "yes",
    },
    {
        "key": "huiskamer",
        "buurt": "lindehof",
        "author": "buurtgroep",
        "lang": "nl",
        "category": "carehome",
        "status": "approved",
        "votes": 25,
        "opened": 60,
        "moved": 30,
        "decided": 4,
        "title": "Huiskamerhulp in zorgcentrum De Linde",
        "tasks": "Koffie schenken, een spelletje doen, samen de krant lezen en helpen bij de "
        "lunch in de huiskamer van De Linde.",
        "problem": "De verzorgenden hebben weinig tijd voor een praatje. Bewoners zitten veel alleen.",
        "hours": 20,
        "partners": "Zorgcentrum De Linde",
        "unpaid_now": "yes",
        "funding": "Het zorgcentrum wil een deel betalen.",
        "far_from_work": "yes",
        "decision": {
            "reason": "Goed plan. Het helpt bewoners van De Linde en het is nieuw werk. Het "
            "zorgcentrum en de gemeente betalen samen. We maken er nu een baan van.",
            "payer": "Gemeente Lindeveld en Zorgcentrum De Linde",
            "cents": 3_400_000,
        },
    },
    {
        "key": "fietsmaatje",
        "buurt": "vogelbuurt",
        "author": "neighbour",
        "lang": "nl",
        "category": "mobility",
        "status": "job_created",
        "votes": 25,
        "opened": 90,
        "moved": 55,
        "decided": 40,
        "published": 25,
        "bewoner_votes": True,
        "title": "Fietsmaatje: samen fietsen met ouderen",
        "tasks": "Met de duofiets ouderen ophalen voor een ritje door de buurt, naar de markt of naar familie.",
        "problem": "Ouderen die niet meer zelf kunnen fietsen, komen bijna niet meer buiten.",
        "hours": 16,
        "partners": "Stichting Samen Onderweg heeft twee duofietsen.",
        "unpaid_now": "yes",
        "funding": "",
        "far_from_work": "yes",
        "decision": {
            "reason": "Dit plan helpt ouderen naar buiten. Samen Onderweg en de gemeente "
            "betalen het. Het werk is nieuw en past bij een basisbaan.",
            "payer": "Gemeente Lindeveld en Stichting Samen Onderweg",
            "cents": 2_900_000,
        },
    },
    {
        "key": "boodschappen-draft",
        "buurt": "de-hoven",
        "author": "buurtgroep",
        "lang": "nl",
        "category": "errands",
        "status": "draft",
        "title": "Boodschappen rondbrengen bij ouderen",
        "tasks": "Boodschappen bezorgen bij oudere buren die niet zelf naar de winkel kunnen.",
        "problem": "Ouderen in De Hoven kunnen moeilijk naar de supermarkt.",
        "hours": 12,
        "partners": "",
        "unpaid_now": "unsure",
        "funding": "",
        "far_from_work": "yes",
    },
    {
        "key": "klussendienst",
        "buurt": "vogelbuurt",
        "author": "buurtgroep",
        "lang": "nl",
        "category": "handyman",
        "status": "changes_asked",
        "votes": 25,
        "opened": 45,
        "moved": 12,
        "decided": 6,
        "title": "Klussendienst voor huurders",
        "tasks": "Kleine klussen bij huurders: een kraan, een plank ophangen, een slot vervangen.",
        "problem": "Huurders wachten weken op de corporatie voor kleine reparaties.",
        "hours": 24,
        "partners": "",
        "unpaid_now": "unsure",
        "funding": "",
        "far_from_work": "with_help",
        "decision": {
            "reason": "We vinden het een goed idee. Maar klusbedrijven in de buurt doen dit "
            "werk nu ook. Kun je opschrijven welke klussen zij niet doen? En wil de "
            "woningcorporatie meedoen?",
        },
    },
    {
        "key": "taalmaatjes",
        "buurt": "oude-haven",
        "author": "neighbour",
        "lang": "nl",
        "category": "newcomers",
        "status": "open",
        "votes": 11,
        "opened": 20,
        "title": "Taalmaatjes voor nieuwkomers",
        "tasks": "Samen Nederlands oefenen: boodschappen doen, een formulier invullen, een "
        "gesprek bij de dokter voorbereiden.",
        "problem": "Nieuwkomers in de Oude Haven spreken weinig Nederlands en kennen weinig mensen.",
        "hours": 16,
        "partners": "Stichting Nieuw Thuis Lindeveld",
        "unpaid_now": "yes",
        "funding": "",
        "far_from_work": "with_help",
    },
    {
        "key": "cleanup",
        "buurt": "marktbuurt",
        "author": "neighbour",
        "lang": "en",
        "category": "green",
        "status": "rejected",
        "votes": 25,
        "opened": 70,
        "moved": 35,
        "decided": 20,
        "title": "Marktbuurt clean-up crew",
        "tasks": "Pick up litter around the market square after market days and empty the small bins.",
        "problem": "The square is dirty after the market.",
        "hours": 20,
        "partners": "",
        "unpaid_now": "no",
        "funding": "",
        "far_from_work": "yes",
        "decision": {
            "reason": "We say no to this plan. A cleaning company is paid for this work now. "
            "A basisbaan must not take work away from them. Thank you for your "
            "idea.",
        },
    },
    {
        "key": "homework",
        "buurt": "kerkeland",
        "author": "neighbour",
        "lang": "en",
        "category": "school",
        "status": "open",
        "votes": 22,
        "opened": 40,
        "title": "Homework help at the community centre",
        "tasks": "Help children with their homework after school, three afternoons a week, "
        "and make tea for the parents who come to pick them up.",
        "problem": "Many parents in Kerkeland cannot help with homework in Dutch.",
        "hours": 12,
        "partners": "Basisschool De Regenboog",
        "unpaid_now": "yes",
        "funding": "The school can pay part of it.",
        "far_from_work": "with_help",
    },
    {
        "key": "ogen-oren",
        "buurt": "het-broek",
        "author": "neighbour",
        "lang": "nl",
        "category": "watch",
        "status": "closed",
        "votes": 9,
        "opened": 50,
        "moved": 10,
        "title": "Ogen en oren van Het Broek",
        "tasks": "Een rondje door de buurt lopen, praten met bewoners en gevaarlijke plekken melden.",
        "problem": "Mensen voelen zich 's avonds niet veilig.",
        "hours": 16,
        "partners": "",
        "unpaid_now": "unsure",
        "funding": "",
        "far_from_work": "yes",
    },
    {
        "key": "vervoer",
        "buurt": "lindehof",
        "author": "neighbour",
        "lang": "nl",
        "category": "mobility",
        "status": "with_gemeente",
        "votes": 25,
        "opened": 35,
        "moved": 9,
        "title": "Vervoer naar de huisarts",
        "tasks": "Ouderen met de buurtbus naar de huisarts, het ziekenhuis of de apotheek "
        "brengen en weer ophalen.",
        "problem": "De bus rijdt niet meer door Lindehof. Ouderen missen afspraken.",
        "hours": 20,
        "partners": "Stichting Samen Onderweg",
        "unpaid_now": "yes",
        "funding": "",
        "far_from_work": "with_help",
    },
    {
        "key": "moestuin",
        "buurt": "zuiderpark",
        "author": "neighbour",
        "lang": "nl",
        "category": "green",
        "status": "withdrawn",
        "votes": 4,
        "opened": 25,
        "moved": 15,
        "title": "Moestuin bij de basisschool",
        "tasks": "Samen met kinderen een moestuin aanleggen en bijhouden.",
        "problem": "Kinderen weten niet waar groente vandaan komt.",
        "hours": 8,
        "partners": "Kindcentrum De Vlinder",
        "unpaid_now": "yes",
        "funding": "",
        "far_from_work": "yes",
        "withdraw_reason": "De school doet dit nu zelf met vrijwilligers. Dank voor jullie stemmen.",
    },
    {
        "key": "kookclub",
        "buurt": "de-weide",
        "author": "neighbour",
        "lang": "nl",
        "category": "elderly",
        "status": "open",
        "votes": 14,
        "opened": 15,
        "title": "Kookclub voor ouderen die alleen wonen",
        "tasks": "Een keer per week samen koken en eten in het buurthuis. Boodschappen doen, "
        "koken, de tafel dekken en afwassen.",
        "problem": "Ouderen die alleen wonen, eten vaak slecht en zien weinig mensen.",
        "hours": 12,
        "partners": "Buurthuis De Wissel",
        "unpaid_now": "yes",
        "funding": "",
        "far_from_work": "yes",
    },
]

# (proposal key, who, kind, text, answer (who, text) or None, reports[, lang])
COMMENTS = [
    (
        "boodschappen",
        "neighbour",
        "question",
        "Kan de bezorger ook medicijnen ophalen bij de apotheek?",
        ("author", "Ja, dat nemen we mee. De apotheek vindt het een goed idee."),
        0,
    ),
    ("boodschappen", "neighbour", "comment", "Goed idee. Mijn moeder zou hier heel blij mee zijn.", None, 0),
    (
        "boodschappen",
        "neighbour",
        "comment",
        "Koop nu goedkope zonnepanelen!! Bel 0612345678 voor de beste deal.",
        None,
        3,
    ),
    (
        "repair",
        "neighbour",
        "question",
        "Where would the repair café be? I use a wheelchair.",
        ("author", "In the community centre. It has a ramp and a lift."),
        0,
    ),
    (
        "concierge",
        "bewoner",
        "question",
        "Wanneer horen we iets van de gemeente?",
        ("gemeente", "We kijken deze maand naar het plan. Je hoort het hier."),
        0,
    ),
    ("homework", "neighbour", "comment", "I would be happy to help as a volunteer too.", None, 1),
    # Written in English on a Dutch proposal: the page marks it and reads it in English.
    (
        "boodschappen",
        "neighbour",
        "comment",
        "My Dutch is still weak, but I can carry bags. Could I help on Saturdays?",
        None,
        0,
        "en",
    ),
]


def _wijk_residents(db):
    """``{wijk_id: [resident ids]}`` of residents who have a home buurt."""
    found = {}
    for user_id, wijk_id in db.conn.execute(
        """SELECT profiles.user_id, buurten.wijk_id FROM profiles
           JOIN users ON users.id = profiles.user_id AND users.role = 'resident'
           JOIN buurten ON buurten.id = profiles.home_buurt_id ORDER BY profiles.user_id"""
    ):
        found.setdefault(wijk_id, []).append(user_id)
    return found


def _add_neighbours(db, buurten, created_at):
    """30 residents per wijk, without a password: they only vote in the demo."""
    by_wijk = {}
    for buurt_id, wijk_id in buurten.values():
        by_wijk.setdefault(wijk_id, []).append(buurt_id)
    for wijk_id, wijk_buurten in sorted(by_wijk.items()):
        for index in range(NEIGHBOURS_PER_WIJK):
            name = NEIGHBOUR_NAMES[index % len(NEIGHBOUR_NAMES)]
            cursor = db.conn.execute(
                """INSERT INTO users (username, display_name, role, created_at)
                   VALUES (?, ?, 'resident', ?)""",
                (f"buur-{wijk_id}-{index + 1:02d}", name, created_at),
            )
            db.conn.execute(
                "INSERT INTO profiles (user_id, home_buurt_id, updated_at) VALUES (?, ?, ?)",
                (cursor.lastrowid, wijk_buurten[index % len(wijk_buurten)], created_at),
            )


def _event(db, proposal_id, at, actor, from_status, to_status, reason=""):
    db.conn.execute(
        """INSERT INTO proposal_events (proposal_id, at, actor_id, from_status, to_status, reason)
           VALUES (?, ?, ?, ?, ?, ?)""",
        (proposal_id, rules.stamp(at), actor, from_status, to_status, reason),
    )


def seed_small(db, today):
    """The small demo set: runs after places, jobs and the demo accounts exist."""
    now = datetime.now(UTC).replace(microsecond=0)
    now = now.replace(year=today.year, month=today.month, day=today.day)
    day = timedelta(days=1)
    users = {row[0]: row[1] for row in db.conn.execute("SELECT username, id FROM users")}
    buurten = {row[0]: (row[1], row[2]) for row in db.conn.execute("SELECT key, id, wijk_id FROM buurten")}
    _add_neighbours(db, buurten, rules.stamp(now - 120 * day))
    residents = _wijk_residents(db)
    bewoner, buurtgroep, gemeente = users["bewoner"], users["buurtgroep"], users["gemeente"]
    settings = settings_rules.DEFAULTS
    ids = {}
    # Each neighbour takes turns, so nobody has more than a few votes on open proposals.
    turn = {wijk_id: 0 for wijk_id in residents}
    for spec in PROPOSALS:
        buurt_id, wijk_id = buurten[spec["buurt"]]
        neighbours = [user for user in residents[wijk_id] if user != bewoner]
        if spec["author"] == "buurtgroep":
            author = buurtgroep
        elif spec["author"] == "bewoner":
            author = bewoner
        else:
            author = neighbours[-1 - len(ids) % 5]
        opened = now - spec.get("opened", 0) * day
        created = opened - 2 * day
        status = spec["status"]
        cursor = db.conn.execute(
            """INSERT INTO proposals (author_id, buurt_id, status, lang, category, title, tasks,
                   problem, hours, partners, unpaid_now, funding, far_from_work, threshold,
                   opened_at, deadline, created_at, updated_at)
               VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                author,
                buurt_id,
                spec["lang"],
                spec["category"],
                spec["title"],
                spec["tasks"],
                spec["problem"],
                spec["hours"],
                spec["partners"],
                spec["unpaid_now"],
                spec["funding"],
                spec["far_from_work"],
                None if status == "draft" else settings["threshold"],
                None if status == "draft" else rules.stamp(opened),
                None if status == "draft" else rules.stamp(rules.deadline_for(opened, settings["voting_days"])),
                rules.stamp(created),
                rules.stamp(created),
            ),
        )
        proposal_id = ids[spec["key"]] = cursor.lastrowid
        if status == "draft":
            continue
        _event(db, proposal_id, opened, author, "draft", "open")
        # Votes, spread over the time the vote was open.
        voters = []
        if spec.get("bewoner_votes"):
            voters.append(bewoner)
        pool = [user for user in neighbours if user != author]
        while len(voters) < spec["votes"]:
            candidate = pool[turn[wijk_id] % len(pool)]
            turn[wijk_id] += 1
            if candidate not in voters:
                voters.append(candidate)
        last_vote = now - spec.get("moved", 0) * day - timedelta(hours=1)
        db.conn.executemany(
            "INSERT INTO votes (proposal_id, user_id, created_at) VALUES (?, ?, ?)",
            [
                (proposal_id, user, rules.stamp(opened + (last_vote - opened) * ((n + 1) / len(voters))))
                for n, user in enumerate(voters)
            ],
        )
        _seed_history(db, spec, proposal_id, author, gemeente, now, day, changes, queries)
    _seed_comments(db, ids, users, residents, buurten, now, day)


def _set_status(db, proposal_id, status):
    db.conn.execute("UPDATE proposals SET status = ? WHERE id = ?", (status, proposal_id))


def _seed_history(db, spec, proposal_id, author, gemeente, now, day, changes, queries):
    """The status changes after opening, with their events, decisions and jobs."""
    status = spec["status"]
    moved = now - spec.get("moved", 0) * day
    if status == "open":
        _set_status(db, proposal_id, "open")
        return
    if status == "closed":
        deadline = db.conn.execute("SELECT deadline FROM proposals WHERE id = ?", (proposal_id,)).fetchone()[0]
        _event(db, proposal_id, rules.parse_time(deadline), None, "open", "closed")
        _set_status(db, proposal_id, "closed")
        return
    if status == "withdrawn":
        _event(db, proposal_id, moved, author, "open", "withdrawn", spec["withdraw_reason"])
        _set_status(db, proposal_id, "withdrawn")
        return
    _event(db, proposal_id, moved, None, "open", "with_gemeente")
    _set_status(db, proposal_id, "with_gemeente")
    if status == "with_gemeente":
        return
    decision = spec["decision"]
    decided = now - spec["decided"] * day
    outcome = "approved" if status in ("approved", "job_created") else status
    db.conn.execute(
        """UPDATE proposals SET decision_reason = ?, decision_payer = ?,
               decision_cents_per_year = ?, decision_criteria = ?, decided_at = ?, decided_by = ?
           WHERE id = ?""",
        (
            decision["reason"],
            decision.get("payer", ""),
            decision.get("cents"),
            ",".join(rules.CRITERIA) if outcome == "approved" else "",
            rules.stamp(decided),
            gemeente,
            proposal_id,
        ),
    )
    _event(db, proposal_id, decided, gemeente, "with_gemeente", outcome, decision["reason"])
    _set_status(db, proposal_id, outcome)
    if outcome != "approved":
        return
    proposal = queries.proposal_by_id(db, proposal_id)
    job_id = changes._job_draft(db, proposal, decision["payer"], decided)
    db.conn.execute("UPDATE proposals SET job_id = ? WHERE id = ?", (job_id, proposal_id))
    if status == "job_created":
        published = now - spec["published"] * day
        db.conn.execute(
            """UPDATE jobs SET status = 'open', places = 2, start_date = ?,
                   employer = 'Stichting Samen Onderweg', days = 'tue,thu',
                   title_en = ?, summary_en = ?, plain_nl = ?, plain_en = ?, tasks_en = ?,
                   problem_en = ?, team_en = ?, summary_nl = ?, title_plain_nl = ?, title_plain_en = ?,
                   tasks_plain_nl = ?, tasks_plain_en = ?, problem_plain_nl = ?, problem_plain_en = ?,
                   team_plain_nl = ?, team_plain_en = ?
               WHERE id = ?""",
            (
                (now + 14 * day).date().isoformat(),
                "Cycling buddy: rides with older neighbours",
                "Take older neighbours out on the duo bike: a ride through the buurt, to the market or to family.",
                "Je fietst met oudere buren op een duofiets. Zo komen ze weer buiten.",
                "You ride a duo bike with older neighbours. So they get outside again.",
                "You pick up older neighbours with the duo bike for a ride through the buurt, "
                "to the market or to family, and bring them home safely.",
                "Older people who cannot cycle themselves hardly get outside any more.",
                "Stichting Samen Onderweg, which has two duo bikes.",
                "Met de duofiets ouderen ophalen voor een ritje door de buurt, naar de markt of naar familie.",
                "Fietsen met oudere buren",
                "Cycling with older neighbours",
                "Je haalt oudere buren op met de duofiets. Je fietst samen door de buurt. "
                "Of naar de markt of naar familie. Daarna breng je ze weer veilig thuis.",
                "You pick up older neighbours with the duo bike. You ride together around the area. "
                "Or to the market or to family. Then you take them home safely.",
                "Sommige ouderen kunnen zelf niet meer fietsen. Ze komen bijna niet meer buiten.",
                "Some older people cannot cycle any more. They hardly go outside now.",
                "Je werkt met Samen Onderweg. Zij hebben 2 duofietsen.",
                "You work with Samen Onderweg. They have 2 duo bikes.",
                job_id,
            ),
        )
        _event(db, proposal_id, published, gemeente, "approved", "job_created")
        _set_status(db, proposal_id, "job_created")


def _seed_comments(db, ids, users, residents, buurten, now, day):
    # A comment is in its proposal's language unless it names its own (a 7th item).
    for index, (key, who, kind, text, answer, reports, *lang) in enumerate(COMMENTS):
        proposal = db.conn.execute(
            "SELECT id, author_id, buurt_id, lang FROM proposals WHERE id = ?", (ids[key],)
        ).fetchone()
        written_in = lang[0] if lang else proposal[3]
        wijk_id = next(wijk for buurt, wijk in buurten.values() if buurt == proposal[2])
        neighbours = [user for user in residents[wijk_id] if user not in (users["bewoner"], proposal[1])]
        author = users["bewoner"] if who == "bewoner" else neighbours[index]
        at = now - (8 - index) * day
        cursor = db.conn.execute(
            """INSERT INTO proposal_comments (proposal_id, author_id, kind, body, lang, moderation,
                   created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (
                proposal[0],
                author,
                kind,
                text,
                written_in,
                "hidden" if reports >= 3 else "visible",
                rules.stamp(at),
            ),
        )
        comment_id = cursor.lastrowid
        if answer:
            who_answers, answer_text = answer
            answerer = users["gemeente"] if who_answers == "gemeente" else proposal[1]
            db.conn.execute(
                """INSERT INTO proposal_comments (proposal_id, author_id, parent_id, kind, body, lang,
                       created_at) VALUES (?, ?, ?, 'answer', ?, ?, ?)""",
                (proposal[0], answerer, comment_id, answer_text, proposal[3], rules.stamp(at + day)),
            )
        reporters = [user for user in residents[wijk_id] if user != author][:reports]
        reasons = ("spam", "spam", "off_topic")
        db.conn.executemany(
            """INSERT INTO reports (target_kind, target_id, reporter_id, reason, created_at)
               VALUES ('comment', ?, ?, ?, ?)""",
            [
                (comment_id, reporter, reasons[n % 3], rules.stamp(at + day))
                for n, reporter in enumerate(reporters)
            ],
        )


def seed_large(db, rng, today, **sizes):
    """The benchmark set: runs after the large residents and jobs exist.
    ``sizes``: proposals, threshold, votes_per_resident (see proposals_large.seed)."""
    proposals_large.seed(db, rng, today, click, **sizes)
