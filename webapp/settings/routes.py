"""The settings page (the language switcher posts to ``webapp.i18n``)."""

from flask import render_template

from webapp.settings import bp


@bp.get("/settings")
def index():
    return render_template("settings/index.html")
