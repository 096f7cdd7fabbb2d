"""Settings the municipality changes without a deploy, and their limits.

The database holds only what was changed (table ``settings``); anything not
there takes the default below. The minimum wage is a dated list of its own
(table ``minimum_wage``): a new value starts on a date and never rewrites the
past.
"""

from datetime import date

from webapp.domain.verification import DEFAULT_PROOFS, PROOFS, parse_proofs

DEFAULTS = {
    "threshold": 25,  # votes a proposal needs to go to the municipality
    "voting_days": 42,  # how long a proposal is open for votes (6 weeks)
    "vote_limit": 5,  # votes a resident can have on open proposals at once
    "coach_days": 5,  # working days a resident usually waits for a coach (residents read it)
    "advice_required": 1,  # 1: a job needs the oversight board's advice before it is published
    "objection_days": 28,  # days the oversight board has to answer an objection
    "employer_charge": 30,  # the employer's charges on a wage, in percent (webapp/domain/business_case.py)
}

# Sensible bounds: a typo (a threshold of 0, a year-long vote) is refused.
BOUNDS = {
    "threshold": (1, 10_000),
    "voting_days": (1, 365),
    "vote_limit": (1, 100),
    "coach_days": (1, 60),
    "advice_required": (0, 1),
    "objection_days": (1, 180),
    "employer_charge": (0, 100),
}

# Which proofs of home buurt count for a vote: stored as words ('coach code'),
# read as a tuple in PROOFS order; at least one always stays on.
PROOFS_KEY = "vote_proofs"

MAX_HOURLY_CENTS = 100_000  # EUR 1,000 an hour: anything above is a typo


def read(stored):
    """The settings from ``{key: text}`` rows, with defaults for what is missing or wrong."""
    values = dict(DEFAULTS)
    values[PROOFS_KEY] = parse_proofs(stored.get(PROOFS_KEY)) if PROOFS_KEY in stored else DEFAULT_PROOFS
    for key, text in stored.items():
        if key not in DEFAULTS:
            continue
        try:
            number = int(text)
        except (TypeError, ValueError):
            continue
        low, high = BOUNDS[key]
        if low <= number <= high:
            values[key] = number
    return values


def setting_problem(key, value):
    """None when ``value`` is allowed for ``key``; 'unknown' or 'range' otherwise."""
    if key == PROOFS_KEY:
        chosen = tuple(value) if isinstance(value, (tuple, list)) else ()
        return None if chosen and set(chosen) <= set(PROOFS) else "range"
    if key not in DEFAULTS:
        return "unknown"
    low, high = BOUNDS[key]
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        return "range"
    return None


def stored_text(key, value):
    """How a setting is written in the ``settings`` table."""
    if key == PROOFS_KEY:
        return " ".join(proof for proof in PROOFS if proof in value)
    return str(value)


def minimum_wage_problem(valid_from, cents, existing_dates):
    """Why a new minimum wage cannot be added, or None.

    'amount': not a positive, believable hourly amount. 'date': not after the
    newest value already there (the past is never rewritten; a correction of
    a future value is a new, later date).
    """
    if not isinstance(cents, int) or cents <= 0 or cents > MAX_HOURLY_CENTS:
        return "amount"
    if not isinstance(valid_from, date):
        return "date"
    latest = max(existing_dates, default=None)
    if latest is not None and valid_from.isoformat() <= latest:
        return "date"
    return None
