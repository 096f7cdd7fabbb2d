"""What the work does for people, with their consent: the check-in every three
months (five questions), a participant's own answers, the coach's "a check-in
is due", and the averages the municipality may see (never one person's answers)."""

from flask import Blueprint

bp = Blueprint("checkins", __name__, cli_group=None)
