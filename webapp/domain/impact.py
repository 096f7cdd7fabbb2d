"""The programme for the council (``/gemeente/impact``): jobs, places and the
people placed in them, per category or per wijk, from counts the store gives.

Placements have a start and no end in the app: a placement that is removed no
longer counts, and "how long" is the time from its start until now.
"""

DAYS_PER_MONTH = 365.25 / 12
HALF_YEAR_DAYS = 182

# The figures of one row, in the order of the page's tables and the downloads.
FIGURES = ("jobs", "open_jobs", "places", "places_filled", "people", "months", "half_year")


def months(days):
    """Average days as months with one decimal; None when nobody is placed."""
    if days is None:
        return None
    return round(max(days, 0) / DAYS_PER_MONTH, 1)


def combine(job_counts, placement_counts):
    """One row per group: ``job_counts`` (name, jobs, open_jobs, places, places_filled)
    and ``placement_counts`` (name, people, days, half_year) by name; a group with
    placements but no published job still gets its row."""
    placed = {row["name"]: row for row in placement_counts}
    names = [row["name"] for row in job_counts] + [
        name for name in placed if name not in {row["name"] for row in job_counts}
    ]
    jobs = {row["name"]: row for row in job_counts}
    combined = []
    for name in names:
        counted = jobs.get(name) or {}
        people = placed.get(name) or {}
        combined.append(
            {
                "name": name,
                "jobs": counted.get("jobs") or 0,
                "open_jobs": counted.get("open_jobs") or 0,
                "places": counted.get("places") or 0,
                "places_filled": counted.get("places_filled") or 0,
                "people": people.get("people") or 0,
                "months": months(people.get("days")),
                "half_year": people.get("half_year") or 0,
            }
        )
    return combined
