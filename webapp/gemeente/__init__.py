"""The municipality's workspace: review proposals, manage jobs, moderate, settings."""

from flask import Blueprint

bp = Blueprint("gemeente", __name__, url_prefix="/gemeente", cli_group=None)

from webapp.gemeente import caseloads, importer, jobs, overview, proposals, reports, settings  # noqa: E402, F401, I001
