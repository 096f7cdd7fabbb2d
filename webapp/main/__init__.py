"""The home page, the health check and the error pages."""

from flask import Blueprint

bp = Blueprint("main", __name__)
