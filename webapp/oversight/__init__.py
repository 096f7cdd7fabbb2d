"""The oversight board: its advice before a job is published, objections from
anyone, and the public body of decisions (``/decisions``)."""

from flask import Blueprint

bp = Blueprint("oversight", __name__, cli_group=None)
