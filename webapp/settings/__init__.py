"""Settings: language, plain language, and your data."""

from flask import Blueprint

bp = Blueprint("settings", __name__)

from webapp.settings import routes  # noqa: E402, F401 - registers the views on bp
