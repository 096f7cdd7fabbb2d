"""A resident's profile: wishes, skills and where they live."""

from webapp.db import now_iso, one
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


def as_matching_profile(row):
    if row is None:
        return matching.Profile()
    return matching.Profile(
        home_buurt=row["home_buurt_id"], home_wijk=row["home_wijk_id"],
        categories=frozenset(split_codes(row["categories"])), hours_max=row["hours_max"],
        days=frozenset(split_codes(row["days"])), travel=row["travel"],
        limits=frozenset(split_codes(row["limits"])), skills=frozenset(split_codes(row["skills"])),
        languages=frozenset(split_codes(row["languages"])),
    )  # fmt: skip


def save_answer(db, user_id, values):
    """Store one step's answers; the other answers stay as they are."""
    db.execute(
        "INSERT INTO profiles (user_id, updated_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (user_id, now_iso()),
    )
    assignments = ", ".join(f"{name} = ?" for name in values)
    db.execute(
        f"UPDATE profiles SET {assignments}, updated_at = ? WHERE user_id = ?",  # noqa: S608 - names come from the step table
        (*values.values(), now_iso(), user_id),
    )


def completeness(row):
    """How many of the profile's questions have an answer: (answered, total)."""
    if row is None:
        return 0, 8
    answered = sum(
        1
        for value in (
            row["home_buurt_id"], row["hours_max"], row["travel"], row["categories"],
            row["days"], row["limits"], row["skills"], row["languages"],
        )  # fmt: skip
        if value
    )
    return answered, 8
