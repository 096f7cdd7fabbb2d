"""The municipality's workspace: review proposals, manage jobs, moderate, settings."""

from flask import Blueprint

bp = Blueprint("gemeente", __name__, url_prefix="/gemeente")
from webapp.gemeente import caseloads  # noqa: E402,F401
