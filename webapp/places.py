"""The town's map: wijken and their buurten, read by every area that asks "where?"."""

from webapp.db import rows


def places(db):
    """Wijken with their buurten, for filters and the profile."""
    wijken = rows(db, "SELECT id, name FROM wijken ORDER BY name")
    buurten = rows(db, "SELECT id, name, wijk_id FROM buurten ORDER BY name")
    return [(wijk, [buurt for buurt in buurten if buurt["wijk_id"] == wijk["id"]]) for wijk in wijken]
