"""Wages: the dated statutory minimum and what an hourly wage comes to."""

from datetime import date


def minimum_on(rates, day):
    """The minimum wage valid on ``day`` from ``(valid_from, cents)`` pairs.

    Returns ``(cents, valid_from)`` or ``None`` when no rate applies yet.
    """
    valid = [(valid_from, cents) for valid_from, cents in rates if valid_from <= day.isoformat()]
    if not valid:
        return None
    valid_from, cents = max(valid)
    return cents, date.fromisoformat(valid_from)


def monthly_cents(hourly_cents, hours_per_week):
    """Gross pay a month: 52 weeks spread over 12 months."""
    return round(hourly_cents * hours_per_week * 52 / 12)


def hourly_cents(job_cents, minimum_cents):
    """A job pays its collective-agreement rate, but never below the minimum."""
    if job_cents is None:
        return minimum_cents
    return max(job_cents, minimum_cents)
