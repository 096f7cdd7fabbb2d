"""The programme for the council (``/gemeente/impact``): jobs, places and the
people placed in them, per category or per wijk, from counts the store gives.

Placements have a start and no end in the app: a placement that is removed no
longer counts, and "how long" is the time from its start until now.

Money is a year of each job's business case for its filled places
(``business_case.filled_places``), in whole cents, summed per group.
"""

DAYS_PER_MONTH = 365.25 / 12
HALF_YEAR_DAYS = 182

# The figures of one row, in the order of the page's tables and the downloads.
FIGURES = ("jobs", "open_jobs", "places", "places_filled", "people", "months", "half_year")
# The money of one row, a year, in cents (None: nobody placed to share the cost over).
MONEY = ("cost", "partners", "benefit", "net", "net_per_person")


def months(days):
    """Average days as months with one decimal; None when nobody is placed."""
    if days is None:
        return None
    return round(max(days, 0) / DAYS_PER_MONTH, 1)


def _empty(name):
    return {
        "name": name,
        "jobs": 0,
        "open_jobs": 0,
        "places": 0,
        "places_filled": 0,
        "people": 0,
        "placements": 0,
        "days": 0.0,
        "half_year": 0,
        "cost": 0,
        "partners": 0,
        "benefit": 0,
    }


def summarise(job_cells, placement_cells, totals, wijk_of_buurt, money_cells=()):
    """Tables per category, per wijk and all together (``"all"``), each a list
    of rows sorted by name, from counts per (category, buurt) cell.

    ``job_cells``: category, buurt_id, jobs, open_jobs, places, places_filled;
    ``placement_cells``: category, buurt_id, people, placements, days (their
    sum), half_year; ``totals``: people, placements, days, half_year over all
    placements (so a person placed twice counts once there). In a category or
    a wijk, a person placed in jobs of two of its buurten counts twice: rare,
    and reading people per cell keeps the page to a few small reads.
    ``money_cells``: category, buurt_id, and a ``business_case.Case`` for the
    filled places of one job, as ``case``."""
    tables = {"category": {}, "wijk": {}}

    def rows_for(cell):
        names = {"category": cell["category"], "wijk": wijk_of_buurt.get(cell["buurt_id"], "")}
        return [tables[group].setdefault(name, _empty(name)) for group, name in names.items()]

    for cell in job_cells:
        for row in rows_for(cell):
            for name in ("jobs", "open_jobs", "places", "places_filled"):
                row[name] += cell[name] or 0
    for cell in placement_cells:
        for row in rows_for(cell):
            for name in ("people", "placements", "days", "half_year"):
                row[name] += cell[name] or 0
    for cell in money_cells:
        case = cell["case"]
        for row in rows_for(cell):
            row["cost"] += case.cost_cents
            row["partners"] += case.partners_cents
            row["benefit"] += case.benefit_cents
    report = {group: [found[name] for name in sorted(found, key=str)] for group, found in tables.items()}
    everything = _empty("all")
    for row in report["category"]:
        for name in ("jobs", "open_jobs", "places", "places_filled", "cost", "partners", "benefit"):
            everything[name] += row[name]
    for name in ("people", "placements", "days", "half_year"):
        everything[name] = totals[name] or 0 if totals else 0
    report["all"] = [everything] if job_cells else []
    for rows in report.values():
        for row in rows:
            row["months"] = months(row["days"] / row["placements"] if row["placements"] else None)
            del row["days"], row["placements"]
            row["net"] = row["cost"] - row["partners"] - row["benefit"]
            row["net_per_person"] = round_half_away(row["net"], row["people"]) if row["people"] else None
    return report


def round_half_away(numerator, denominator):
    """``numerator / denominator`` (denominator > 0) to a whole number, halves
    away from zero: a net cost can be below zero (a surplus)."""
    whole = (2 * abs(numerator) + denominator) // (2 * denominator)
    return whole if numerator >= 0 else -whole
