"""Reads for the municipality's login and the postcode table."""

from webapp.db import one, rows


def link_by_subject(db, issuer, subject):
    return one(db, "SELECT * FROM oidc_links WHERE issuer = ? AND subject = ?", (issuer, subject))


def link_of_user(db, user_id):
    return one(db, "SELECT * FROM oidc_links WHERE user_id = ?", (user_id,))


def buurt_for_postcode(db, keys):
    """The buurt (id, name) of the first of ``keys`` the postcode table knows."""
    for key in keys:
        row = one(
            db,
            """SELECT buurten.id, buurten.name FROM postcodes
               JOIN buurten ON buurten.id = postcodes.buurt_id WHERE postcodes.postcode = ?""",
            (key,),
        )
        if row:
            return row
    return None


def buurt_keys(db):
    """Each buurt's key and name, lower case, to its id (for the upload)."""
    found = {}
    for row in rows(db, "SELECT id, key, name FROM buurten"):
        found[row["name"].lower()] = row["id"]
        found[row["key"].lower()] = row["id"]
    return found


def postcode_counts(db):
    """How many postcodes each buurt has, for the upload page."""
    return rows(
        db,
        """SELECT buurten.name, COUNT(*) AS count FROM postcodes
           JOIN buurten ON buurten.id = postcodes.buurt_id
           GROUP BY buurten.id ORDER BY buurten.name""",
    )


def home_buurt(db, user_id):
    row = one(db, "SELECT home_buurt_id FROM profiles WHERE user_id = ?", (user_id,))
    return row["home_buurt_id"] if row else None
