"""Settings: language, plain language, and your data."""

from flask import Blueprint, render_template

bp = Blueprint("settings", __name__)


@bp.get("/settings")
def index():
    return render_template("settings/index.html")
