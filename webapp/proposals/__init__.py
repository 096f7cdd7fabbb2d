"""Neighbourhood proposals and votes: residents decide which jobs their buurt gets."""

from flask import Blueprint

bp = Blueprint("proposals", __name__, cli_group=None)
