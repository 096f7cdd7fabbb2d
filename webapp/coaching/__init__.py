"""Keeping in touch with a coach: messages, appointments, the shared plan, and the
coach's caseload with a page about each participant.

The coach of today is the only coach who reads a resident's thread, plan and
appointments (rules in ``webapp.domain.coaching``); the municipality
reassigns participants but reads none of it.
"""

from flask import Blueprint

# cli_group=None: `flask send-reminders`, not `flask coaching send-reminders`.
bp = Blueprint("coaching", __name__, cli_group=None)
