"""Objections from anyone on a proposal or a job, the board's answer to them,
and the public body of decisions (``/decisions``)."""

from flask import Blueprint

bp = Blueprint("objections", __name__, cli_group=None)
