"""The business case of a job: what it costs a year, who pays what, what the
municipality no longer pays in benefit, and whether that closes.

Everything is whole cents and whole numbers: no float ever touches an amount,
so a sum on the page is the sum of the numbers beside it. Dated amounts (the
minimum wage, the bijstand) are lists of ``(valid_from, value)`` pairs: a new
value starts on a date and never rewrites the past.
"""

from dataclasses import dataclass
from datetime import date

from webapp.domain import wage
from webapp.domain.amounts import MAX_CENTS

WEEKS_A_YEAR = 52
MONTHS_A_YEAR = 12
PERIODS = ("month", "year")  # a bijstand amount is given a month or a year
KINDS = ("money", "in_kind")  # a partner pays money, or gives something worth an estimated amount
NAME_LIMIT = 120
NOTE_LIMIT = 300
MAX_PARTNERS = 12  # a longer list is no business case anyone reads
MAX_CHARGE_PERCENT = 100
MAX_BENEFIT_MONTH_CENTS = 10_000_00  # EUR 10,000 a month: above it, a typo
BAR_SCALE = 1000  # the bar's width in its own units (an SVG viewBox)


def amount_on(dated, day):
    """The value valid on ``day`` from ``(valid_from, value)`` pairs (ISO dates).

    Returns ``(value, valid_from)`` with ``valid_from`` a date, or ``None``
    when nothing applies yet. Dates are compared as dates, whatever the order
    of the list.
    """
    valid = [(date.fromisoformat(valid_from), value) for valid_from, value in dated]
    valid = [pair for pair in valid if pair[0] <= day]
    if not valid:
        return None
    valid_from, value = max(valid, key=lambda pair: pair[0])
    return value, valid_from


def yearly_benefit(cents, period):
    """A bijstand amount a month or a year, as cents a year."""
    if period not in PERIODS:
        raise ValueError(period)
    return cents * MONTHS_A_YEAR if period == "month" else cents


def benefit_problem(valid_from, cents, period, existing):
    """Why a new bijstand amount cannot be added, or None.

    ``existing``: ``(valid_from, cents, period)`` already kept. 'amount' or
    'period': not a believable amount; 'date': not after the newest one (the
    past is never rewritten). Adding exactly the newest one again is no
    problem: the change does nothing (a repeated form).
    """
    if period not in PERIODS:
        return "period"
    most = MAX_BENEFIT_MONTH_CENTS * (MONTHS_A_YEAR if period == "year" else 1)
    if not isinstance(cents, int) or isinstance(cents, bool) or not 0 < cents <= most:
        return "amount"
    if not isinstance(valid_from, date):
        return "date"
    newest = max(existing, default=None, key=lambda row: row[0])
    if newest is None:
        return None
    if tuple(newest) == (valid_from.isoformat(), cents, period):
        return None
    if valid_from.isoformat() <= newest[0]:
        return "date"
    return None


def round_half_up(numerator, denominator):
    """``numerator / denominator`` rounded to a whole number, halves up (both >= 0)."""
    return (2 * numerator + denominator) // (2 * denominator)


def yearly_wage(hours, hourly_cents):
    """Gross wage a year for one place: hours a week x the hourly wage x 52."""
    return hours * hourly_cents * WEEKS_A_YEAR


def employer_charges(wage_cents, percent):
    """The employer's charges on a wage (social insurance, pension, holiday pay)."""
    return round_half_up(wage_cents * percent, 100)


def hourly_on(job_cents, minimum_rates, day):
    """The hourly wage on ``day``: the job's collective-agreement amount, never
    below the minimum wage valid then; ``None`` without either."""
    minimum = amount_on(minimum_rates, day)
    return hourly_with(job_cents, None if minimum is None else minimum[0])


def hourly_with(job_cents, minimum_cents):
    """The hourly wage with the minimum already found (``None``: none set)."""
    if minimum_cents is None:
        return job_cents
    return wage.hourly_cents(job_cents, minimum_cents)


@dataclass(frozen=True)
class Partner:
    name: str
    kind: str  # one of KINDS
    yearly_cents: int


def partner_problems(name, kind, yearly_cents, note=""):
    """What is wrong with a partner as typed: a list of field names."""
    problems = []
    if not (name or "").strip() or len(name.strip()) > NAME_LIMIT:
        problems.append("name")
    if kind not in KINDS:
        problems.append("kind")
    if not isinstance(yearly_cents, int) or isinstance(yearly_cents, bool) or not 0 < yearly_cents <= MAX_CENTS:
        problems.append("amount")
    if len(note or "") > NOTE_LIMIT:
        problems.append("note")
    return problems


@dataclass(frozen=True)
class Case:
    """A job's business case for one year, for all its places."""

    places: int
    hourly_cents: int
    wage_cents: int  # gross wages, all places
    charges_cents: int  # the employer's charges on them
    partners: tuple  # Partner, in the order given
    benefit_cents: int  # bijstand no longer paid, all places (0 when unknown)
    benefit_known: bool
    # The wage of a place is below the bijstand: whoever works here still gets
    # the rest as bijstand, so only the part the wage replaces is saved.
    topped_up: bool = False

    @property
    def cost_cents(self):
        return self.wage_cents + self.charges_cents

    @property
    def partners_cents(self):
        return sum(partner.yearly_cents for partner in self.partners)

    @property
    def covered_cents(self):
        return self.partners_cents + self.benefit_cents

    @property
    def balance_cents(self):
        """Positive: more is covered than the job costs; negative: what is missing."""
        return self.covered_cents - self.cost_cents

    @property
    def closes(self):
        return self.balance_cents >= 0

    @property
    def missing_cents(self):
        return max(0, -self.balance_cents)


def business_case(hours, places, hourly_cents, charge_percent, partners, benefit_yearly_cents):
    """The case for a job of ``hours`` a week and ``places`` places.

    ``benefit_yearly_cents``: the bijstand one participant no longer gets, a
    year (``None`` when the municipality set none: counted as 0, and said).
    It saves at most the gross wage of a place: someone who earns less than
    the bijstand still gets the rest as bijstand. The municipality itself is
    a partner like any other when it pays more than the benefit it saves.
    """
    places = max(0, places)
    one_wage = yearly_wage(hours, hourly_cents)
    wage_cents = one_wage * places
    saved = min(benefit_yearly_cents or 0, one_wage)
    return Case(
        places=places,
        hourly_cents=hourly_cents,
        wage_cents=wage_cents,
        charges_cents=employer_charges(wage_cents, charge_percent),
        partners=tuple(partners),
        benefit_cents=saved * places,
        benefit_known=benefit_yearly_cents is not None,
        topped_up=benefit_yearly_cents is not None and benefit_yearly_cents > one_wage,
    )


def filled_places(hours, places, filled, hourly_cents, charge_percent, partners_cents, benefit_yearly_cents):
    """The case of a job for its filled places only, as the council's programme
    counts it: wages and charges of the people working, the bijstand no longer
    paid to them, and the partners' contribution shared over the job's places
    (a job with half its places filled is counted with half of it)."""
    filled = max(0, min(filled, places))
    share = round_half_up(partners_cents * filled, places) if places and partners_cents else 0
    partners = (Partner("", "money", share),) if share else ()
    return business_case(hours, filled, hourly_cents, charge_percent, partners, benefit_yearly_cents)


@dataclass(frozen=True)
class Segment:
    kind: str  # 'partner', 'benefit' or 'missing'
    label: str  # the partner's name; '' for the others
    cents: int
    x: int  # start on the bar, in BAR_SCALE units
    width: int


def bar(case, scale=BAR_SCALE):
    """Who pays what, as segments of a bar ``scale`` wide.

    The bar's whole is the larger of the cost and what is covered; what is
    still missing is the last segment. Widths are whole units made by the
    largest remainder, so they always add up to exactly ``scale`` (when there
    is anything to show) and an amount above zero never disappears: it is at
    least one unit.
    """
    parts = [Segment("partner", partner.name, partner.yearly_cents, 0, 0) for partner in case.partners]
    if case.benefit_cents:
        parts.append(Segment("benefit", "", case.benefit_cents, 0, 0))
    if case.missing_cents:
        parts.append(Segment("missing", "", case.missing_cents, 0, 0))
    total = sum(part.cents for part in parts)
    if total == 0:
        return []
    widths = _largest_remainder([part.cents for part in parts], total, scale)
    segments, x = [], 0
    for part, width in zip(parts, widths, strict=True):
        segments.append(Segment(part.kind, part.label, part.cents, x, width))
        x += width
    return segments


def _largest_remainder(values, total, scale):
    floors = [value * scale // total for value in values]
    order = sorted(range(len(values)), key=lambda i: (-(values[i] * scale % total), i))
    for i in order[: scale - sum(floors)]:
        floors[i] += 1
    # An amount above zero stays visible: take a unit from the widest.
    for i, value in enumerate(values):
        if value and floors[i] == 0:
            widest = max(range(len(floors)), key=lambda j: floors[j])
            if floors[widest] > 1:
                floors[widest] -= 1
                floors[i] = 1
    return floors
