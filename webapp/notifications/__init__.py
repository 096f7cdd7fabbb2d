"""In-app notifications: a list, an unread count in the navigation.

Other areas call ``webapp.notifications.changes.notify``; the text comes from
the kind, so a notification never carries private content (phones show them
on the lock screen).
"""

from flask import Blueprint

bp = Blueprint("notifications", __name__)
