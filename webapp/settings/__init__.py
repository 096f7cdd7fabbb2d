"""Settings: language, plain language, and your data."""

from flask import Blueprint

bp = Blueprint("settings", __name__)
