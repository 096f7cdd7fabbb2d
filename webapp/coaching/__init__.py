"""Keeping in touch with your coach: messages, appointments, plan, caseload."""

from flask import Blueprint

bp = Blueprint("coaching", __name__)
