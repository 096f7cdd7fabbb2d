"""Verification: proof that a resident lives in a buurt, so that one person has one vote."""

from flask import Blueprint

bp = Blueprint("verification", __name__)
