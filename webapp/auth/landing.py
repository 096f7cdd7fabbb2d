"""Where a person lands after logging in, whichever way they logged in."""

from flask import url_for

from webapp.db import get_db
from webapp.domain import landing
from webapp.profile import queries as profile_queries


def home_for(user):
    """``landing.start_page`` for this person: staff on their own start, a
    resident on the questions (an empty profile) or the jobs."""
    empty = user.is_resident and profile_queries.is_empty(get_db(), user.id)
    return url_for(landing.start_page(user.role, profile_is_empty=empty))
