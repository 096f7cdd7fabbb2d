"""Rules for the municipality's jobs: a job's fields, places, and the CSV import.

Plain functions: the web form and the ``import-jobs`` command check a job
the same way.
"""

import re
from datetime import date
from decimal import Decimal

from webapp.domain import vocab

# Texts in both languages; a plain summary for each. Where a job is shown,
# every one of these must be there.
REQUIRED_TEXTS = tuple(
    f"{text}_{language}" for text in ("title", "summary", "plain", "tasks") for language in ("nl", "en")
)
OPTIONAL_TEXTS = ("problem_nl", "problem_en", "team_nl", "team_en")
# The plain-language version of every other text. Not needed to publish (the
# job page then shows the standard text), but the job form lists the empty ones.
PLAIN_TEXTS = tuple(
    f"{text}_plain_{language}" for text in ("title", "tasks", "problem", "team") for language in ("nl", "en")
)
TEXT_LIMITS = {
    "title": 120,
    "summary": 500,
    "plain": 500,
    "tasks": 3000,
    "problem": 2000,
    "team": 1000,
    "title_plain": 120,
    "tasks_plain": 3000,
    "problem_plain": 2000,
    "team_plain": 1000,
}
# Every text in the order the job form shows them: each plain version right
# after the standard text it goes with.
FORM_TEXTS = (
    "title_nl",
    "title_en",
    "title_plain_nl",
    "title_plain_en",
    "summary_nl",
    "summary_en",
    "plain_nl",
    "plain_en",
    "tasks_nl",
    "tasks_en",
    "tasks_plain_nl",
    "tasks_plain_en",
    "problem_nl",
    "problem_en",
    "problem_plain_nl",
    "problem_plain_en",
    "team_nl",
    "team_en",
    "team_plain_nl",
    "team_plain_en",
)
EMPLOYER_LIMIT = 120
WAGE_SCALE_LIMIT = 60
MAX_PLACES = 500

# The columns of a CSV file for ``import-jobs``, in this order or any other.
CSV_COLUMNS = (
    "status",
    "category",
    "buurt",
    "employer",
    "hours",
    "days",
    "skills",
    "languages",
    "demands",
    "wage_scale",
    "wage",
    "places",
    "start_date",
    *REQUIRED_TEXTS,
    *OPTIONAL_TEXTS,
    *PLAIN_TEXTS,
)
CSV_REQUIRED = ("category", "buurt", "hours", *REQUIRED_TEXTS)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text_limit(field):
    return TEXT_LIMITS[field.rsplit("_", 1)[0]]


def missing_plain_texts(texts):
    """The plain versions still empty while their standard text is written.

    ``texts`` maps a text's name to its value. A resident in plain mode reads
    the standard text there until someone writes the plain one.
    """
    return [
        name
        for name in PLAIN_TEXTS
        if not (texts[name] or "").strip() and (texts[name.replace("_plain", "")] or "").strip()
    ]


def places_problem(places, places_filled):
    """A job cannot have fewer places than people already placed."""
    if places < 0 or places > MAX_PLACES:
        return "range"
    if places < places_filled:
        return "below_filled"
    return None


def wage_problem(wage_cents, minimum_cents):
    """A job pays at least the minimum wage (None: the minimum itself)."""
    if wage_cents is None:
        return None
    if minimum_cents is not None and wage_cents < minimum_cents:
        return "below_minimum"
    return None


def placement_refusal(status, places, places_filled, already_placed):
    """Why a resident cannot be placed on this job now, or None."""
    if already_placed:
        return "already"
    if status != "open":
        return "not_open"
    if places_filled >= places:
        return "full"
    return None


def start_day(start_date, today):
    """The day to show as a job's start, or ``None``: "as soon as possible".

    A start date already past is no promise anyone can keep; from then on
    the job starts as soon as someone is placed. ``start_date`` is an ISO date
    (as stored) or a ``date``.
    """
    if not start_date:
        return None
    day = start_date if isinstance(start_date, date) else date.fromisoformat(str(start_date)[:10])
    return day if day >= today else None


def may_publish(status):
    return status == "draft"


def may_close(status):
    return status == "open"


def may_reopen(status):
    return status == "closed"


_EUROS = re.compile(r"\d{1,6}(?:[.,]\d{1,2})?")


def parse_euros(text):
    """'14,71' or '14.71' (euros) as cents; '' as None; ValueError when it is no amount."""
    text = (text or "").strip().replace("€", "").replace(" ", "")
    if not text:
        return None
    if not _EUROS.fullmatch(text):
        raise ValueError("not an amount")
    cents = int(Decimal(text.replace(",", ".")) * 100)
    if cents <= 0:
        raise ValueError("not an amount")
    return cents


def _codes(text, allowed, name, problems):
    codes = [code.strip() for code in (text or "").replace(";", ",").split(",") if code.strip()]
    unknown = [code for code in codes if code not in allowed]
    if unknown:
        problems.append(f"{name}: unknown {', '.join(unknown)} (use {', '.join(allowed)})")
    return vocab.join_codes(codes, tuple(allowed))


def _whole(text, name, low, high, problems):
    try:
        number = int((text or "").strip())
    except ValueError:
        problems.append(f"{name}: not a whole number")
        return None
    if not low <= number <= high:
        problems.append(f"{name}: must be between {low} and {high}")
        return None
    return number


def job_from_csv(row, buurten, minimum_cents):
    """One CSV row as the values of a new job, and what is wrong with it.

    ``row`` maps column names to text; ``buurten`` maps a buurt's key and
    its name (lower case) to its id. Returns ``(values, problems)``; the
    problems are short English sentences for the person running the import.
    """
    problems = []
    row = {key: (value or "") for key, value in row.items() if key}
    for name, value in row.items():
        if _CONTROL.search(value):
            problems.append(f"{name}: has control characters")
    for name in CSV_REQUIRED:
        if not row.get(name, "").strip():
            problems.append(f"{name}: empty")
    status = row.get("status", "").strip() or "open"
    if status not in ("draft", "open"):
        problems.append("status: use draft or open")
    category = row.get("category", "").strip()
    if category and category not in vocab.CATEGORIES:
        problems.append(f"category: unknown {category}")
    buurt_text = row.get("buurt", "").strip()
    buurt_id = buurten.get(buurt_text) or buurten.get(buurt_text.lower())
    if buurt_text and buurt_id is None:
        problems.append(f"buurt: unknown {buurt_text}")
    hours = _whole(row.get("hours"), "hours", 1, 40, problems) if row.get("hours") else None
    places = 1
    if row.get("places", "").strip():
        places = _whole(row.get("places"), "places", 1, MAX_PLACES, problems)
    wage_cents = None
    try:
        wage_cents = parse_euros(row.get("wage"))
    except ValueError:
        problems.append("wage: not an amount in euros (like 15.20), or leave it empty")
    if wage_problem(wage_cents, minimum_cents):
        problems.append("wage: below the minimum wage")
    start = row.get("start_date", "").strip()
    if start:
        try:
            start = date.fromisoformat(start).isoformat()
        except ValueError:
            problems.append("start_date: not a date like 2026-03-01")
    for name in (*REQUIRED_TEXTS, *OPTIONAL_TEXTS, *PLAIN_TEXTS):
        if len(row.get(name, "")) > text_limit(name):
            problems.append(f"{name}: longer than {text_limit(name)} characters")
    if len(row.get("employer", "")) > EMPLOYER_LIMIT:
        problems.append(f"employer: longer than {EMPLOYER_LIMIT} characters")
    if len(row.get("wage_scale", "")) > WAGE_SCALE_LIMIT:
        problems.append(f"wage_scale: longer than {WAGE_SCALE_LIMIT} characters")
    values = {
        "status": status,
        "category": category,
        "buurt_id": buurt_id,
        "employer": row.get("employer", "").strip(),
        "hours": hours,
        "days": _codes(row.get("days"), vocab.DAYS, "days", problems),
        "skills": _codes(row.get("skills"), vocab.SKILLS, "skills", problems),
        "languages": _codes(row.get("languages"), vocab.LANGUAGES, "languages", problems),
        "demands": _codes(row.get("demands"), vocab.LIMITS, "demands", problems),
        "wage_scale": row.get("wage_scale", "").strip() or None,
        "wage_cents": wage_cents,
        "places": places,
        "start_date": start or None,
    }
    for name in (*REQUIRED_TEXTS, *OPTIONAL_TEXTS, *PLAIN_TEXTS):
        values[name] = row.get(name, "").strip()
    return values, problems
