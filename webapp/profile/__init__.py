"""The resident's profile: a step-by-step, an overview, export and delete."""

from flask import Blueprint

bp = Blueprint("profile", __name__, url_prefix="/profile")

from webapp.profile import routes  # noqa: E402, F401 - registers the views on bp
