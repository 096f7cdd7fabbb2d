"""In-app notifications: a list, an unread count in the navigation.

Other areas call ``webapp.notifications.changes.notify``; the text comes from
the kind, so a notification never carries private content (phones show them
on the lock screen).

Unlike the other areas, this package does not import its views: every area
that writes imports ``notify``, and that must not bring the views along.
``create_app`` imports ``webapp.notifications.routes``.
"""

from flask import Blueprint

bp = Blueprint("notifications", __name__)

# The old address of notify(), kept while proposals, gemeente and coaching import it
# from here; it brings no views along. Goes once they import webapp.notifications.changes.
from webapp.notifications.changes import notify  # noqa: E402, F401
