"""The board's pages (``/toezicht``): its advice before a job is published."""

from webapp.oversight import bp  # noqa: F401 - the views are added here
