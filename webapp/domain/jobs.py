"""Rules for the municipality's jobs: a job's fields, places, and the CSV import.

Plain functions: the web form and the ``import-jobs`` command check a job
the same way.
"""

import re
from datetime import date

from webapp.domain import vocab
from webapp.domain.amounts import AmountError, parse_amount
from webapp.domain.settings import MAX_HOURLY_CENTS

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
FUNDING_LIMIT = 200  # as long as "who pays" in a decision about a proposal
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
    "funding",
    *REQUIRED_TEXTS,
    *OPTIONAL_TEXTS,
    *PLAIN_TEXTS,
)
# What a row needs to become a job at all (a draft); an open job needs
# everything in PUBLISH_FIELDS too, or the row becomes a draft.
CSV_REQUIRED = ("category", "buurt", "hours")
TITLES = ("title_nl", "title_en")

# What a job needs before residents can see it, in the order the job form
# shows them: the facts a resident decides on, and every text in both
# languages. Empty days would hide a job from every match on days.
PUBLISH_FACTS = ("category", "buurt_id", "employer", "hours", "days")
PUBLISH_FIELDS = (*PUBLISH_FACTS, *(name for name in FORM_TEXTS if name in REQUIRED_TEXTS))

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


def missing_to_publish(job):
    """The fields a job still lacks before it can be published, in the form's order.

    ``job`` maps a column's name to its value (a row or a dict). A text
    counts only when it holds more than spaces. Why the work matters and who
    you work with may wait, but once written in one language they are needed
    in the other too: an English page would show them in Dutch. An empty
    list: ready.
    """
    translate = set(to_translate(job)) & set(OPTIONAL_TEXTS)
    missing = []
    for name in (*PUBLISH_FACTS, *FORM_TEXTS):
        if name not in PUBLISH_FIELDS and name not in translate:
            continue
        if _empty(job[name]):
            missing.append(name)
    return missing


def _empty(value):
    """No value: None, only spaces, or no choice at all (a form's list of days)."""
    if isinstance(value, str):
        return not value.strip()
    return value is None or (isinstance(value, list | tuple) and not value)


def to_translate(job):
    """The texts written in one language only: the other language's twin is empty.

    A job drafted from a proposal starts in the proposal's language; these
    are the fields the municipality still has to translate.
    """
    twins = {"nl": "en", "en": "nl"}
    found = []
    for name in FORM_TEXTS:
        text, lang = name.rsplit("_", 1)
        if not (job[name] or "").strip() and (job[f"{text}_{twins[lang]}"] or "").strip():
            found.append(name)
    return found


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
    if not any(row.get(name, "").strip() for name in TITLES):
        problems.append("title_nl, title_en: both empty (give a title in at least one language)")
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
        wage_cents = parse_amount(row.get("wage"), most=MAX_HOURLY_CENTS)
    except AmountError as error:
        if error.reason == "too_large":
            problems.append(f"wage: more than {MAX_HOURLY_CENTS // 100} euros an hour")
        else:
            problems.append("wage: not an amount in euros (like 15.20 or 15,20), or leave it empty")
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
    if len(row.get("funding", "")) > FUNDING_LIMIT:
        problems.append(f"funding: longer than {FUNDING_LIMIT} characters")
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
    values["funding"] = row.get("funding", "").strip()
    if values["status"] == "open" and missing_to_publish(values):
        values["status"] = "draft"  # never open with a field missing: import_report says which
    return values, problems


def import_notes(values):
    """What the import report says about a row that became a job: why it is a draft."""
    missing = missing_to_publish(values)
    if values["status"] == "draft" and missing:
        return f"saved as a draft, not open: missing {', '.join(missing)}"
    return None
