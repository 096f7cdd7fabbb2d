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


def summarise(jobs, placements, groups=("category", "wijk")):
    """One table per group and one for all together (``"all"``), each a list of
    rows sorted by name.

    ``jobs``: published jobs, each with ``id``, ``status``, ``places``,
    ``places_filled`` and a value for each group; ``placements``: (job_id,
    user_id, days since the start). A person placed in two jobs of a group
    counts once in it; the average is over the placements."""
    by_id = {job["id"]: job for job in jobs}
    report = {}
    for group in (*groups, "all"):
        found = {}

        def row(job, found=found, group=group):
            name = "all" if group == "all" else job[group]
            if name not in found:
                found[name] = {
                    "name": name,
                    "jobs": 0,
                    "open_jobs": 0,
                    "places": 0,
                    "places_filled": 0,
                    "people": set(),
                    "days": [],
                    "half_year": set(),
                }
            return found[name]

        for job in jobs:
            counted = row(job)
            counted["jobs"] += 1
            counted["open_jobs"] += job["status"] == "open"
            counted["places"] += job["places"]
            counted["places_filled"] += job["places_filled"]
        for job_id, user_id, days in placements:
            if job_id not in by_id:
                continue
            counted = row(by_id[job_id])
            counted["people"].add(user_id)
            counted["days"].append(days)
            if days >= HALF_YEAR_DAYS:
                counted["half_year"].add(user_id)
        report[group] = [
            {
                **counted,
                "people": len(counted["people"]),
                "months": months(sum(counted["days"]) / len(counted["days"]) if counted["days"] else None),
                "half_year": len(counted["half_year"]),
            }
            for _name, counted in sorted(found.items(), key=lambda item: str(item[0]))
        ]
    for rows in report.values():
        for counted in rows:
            del counted["days"]
    return report
