"""Open data (``/open-data``): proposals with their vote counts, the board's
advices, the decisions on objections and the published jobs, as CSV and JSON
files that ``flask open-data`` makes (daily, and at first start); the page
only serves them. No personal data: no residents' names, no single votes."""

from flask import Blueprint

bp = Blueprint("opendata", __name__, cli_group=None)
