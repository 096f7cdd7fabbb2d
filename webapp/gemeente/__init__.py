"""The municipality's workspace: review proposals, manage jobs and placements,
moderate, change settings and caseloads, and import jobs from a CSV file."""

from flask import Blueprint

bp = Blueprint("gemeente", __name__, url_prefix="/gemeente", cli_group=None)
