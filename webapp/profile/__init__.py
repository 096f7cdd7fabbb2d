"""The resident's profile: a step-by-step, an overview, export and delete."""

from flask import Blueprint

bp = Blueprint("profile", __name__, url_prefix="/profile")
