"""Neighbourhood proposals and votes: residents decide which jobs their buurt gets."""

from flask import Blueprint

bp = Blueprint("proposals", __name__, cli_group=None)

from webapp.proposals import routes  # noqa: E402, F401 - registers the views and the command on bp
