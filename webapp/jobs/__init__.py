"""Finding jobs: the list with filters, a job's page, and interests."""

from flask import Blueprint

bp = Blueprint("jobs", __name__)
