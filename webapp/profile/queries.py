"""A resident's profile: wishes, skills and where they live."""

from webapp.db import one
from webapp.domain import matching
from webapp.domain.vocab import split_codes
from webapp.profile import steps

LIST_FIELDS = ("categories", "days", "limits", "skills", "languages")


def profile_row(db, user_id):
    return one(
        db,
        """SELECT profiles.*, buurten.name AS buurt_name, buurten.wijk_id AS home_wijk_id,
                  wijken.name AS wijk_name
           FROM profiles
           LEFT JOIN buurten ON buurten.id = profiles.home_buurt_id
           LEFT JOIN wijken ON wijken.id = buurten.wijk_id
           WHERE user_id = ?""",
        (user_id,),
    )


def resident_profile(db, user):
    """The matching profile of ``user`` (e.g. ``current_user``) if a resident, else None."""
    if user.is_authenticated and user.is_resident:
        return as_matching_profile(profile_row(db, user.id))
    return None


def as_matching_profile(row):
    if row is None:
        return matching.Profile()
    return matching.Profile(
        home_buurt=row["home_buurt_id"],
        home_wijk=row["home_wijk_id"],
        categories=frozenset(split_codes(row["categories"])),
        hours_max=row["hours_max"],
        days=frozenset(split_codes(row["days"])),
        travel=row["travel"],
        limits=frozenset(split_codes(row["limits"])),
        skills=frozenset(split_codes(row["skills"])),
        languages=frozenset(split_codes(row["languages"])),
    )


def completeness(row):
    """How many of the profile's questions have an answer: (answered, total).

    Saving "nothing" where that means something ("I can do all of this")
    counts as an answer; only a skipped question does not.
    """
    return len(steps.STEPS) - len(steps.unanswered(row)), len(steps.STEPS)


def questions_left(db, user):
    """For a resident who has begun their profile: (how many questions are open,
    the first open step), or None (not a resident, not begun, or all answered)."""
    if not (user.is_authenticated and user.is_resident):
        return None
    row = profile_row(db, user.id)
    if as_matching_profile(row).is_empty:
        return None
    left = steps.unanswered(row)
    return (len(left), left[0]) if left else None


def is_empty(db, user_id):
    """Has this resident answered nothing yet (where to send them after logging in)?"""
    return as_matching_profile(profile_row(db, user_id)).is_empty


def personal_data(db, user_id):
    """The profile's answers, for "download all your data" (lists as lists)."""
    profile = one(db, "SELECT * FROM profiles WHERE user_id = ?", (user_id,))
    if profile is None:
        return {"profile": None}
    data = dict(profile)
    data.pop("user_id", None)
    for column in (*LIST_FIELDS, "nothing_chosen"):
        data[column] = list(split_codes(data[column]))
    return {"profile": data}
