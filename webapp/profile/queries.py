"""A resident's profile: wishes, skills and where they live."""

from webapp.db import one
from webapp.domain import matching
from webapp.domain.vocab import split_codes

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
    """How many of the profile's questions have an answer: (answered, total)."""
    if row is None:
        return 0, 8
    answered = sum(
        1
        for value in (
            row["home_buurt_id"],
            row["hours_max"],
            row["travel"],
            row["categories"],
            row["days"],
            row["limits"],
            row["skills"],
            row["languages"],
        )
        if value
    )
    return answered, 8


def personal_data(db, user_id):
    """The profile's answers, for "download all your data" (lists as lists)."""
    profile = one(db, "SELECT * FROM profiles WHERE user_id = ?", (user_id,))
    if profile is None:
        return {"profile": None}
    data = dict(profile)
    data.pop("user_id", None)
    for column in LIST_FIELDS:
        data[column] = list(split_codes(data[column]))
    return {"profile": data}
