"""Finding jobs: the list with filters, a job's page, and interests."""

from flask import Blueprint

bp = Blueprint("jobs", __name__)

from webapp.jobs import routes  # noqa: E402, F401 - registers the views on bp

# The old address of list_jobs, kept while coaching imports it from here; goes once
# it imports webapp.jobs.queries.
from webapp.jobs.queries import list_jobs  # noqa: E402, F401
