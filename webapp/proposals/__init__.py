"""Neighbourhood proposals and votes: residents decide which jobs their buurt gets."""

import click
from flask import Blueprint, current_app
from flask.cli import with_appcontext

bp = Blueprint("proposals", __name__, cli_group=None)


@bp.cli.command("close-proposals")
@with_appcontext
def close_proposals_command():
    """Close open proposals whose deadline passed (run daily from a timer), and
    forget the phones' ids of votes that can no longer change."""
    from webapp.db import connect
    from webapp.proposals import changes, queries

    db = connect(current_app.config["DATABASE"])
    try:
        closed = changes.close_expired(db, queries.now_utc())
        forgotten = changes.forget_settled_vote_ids(db)
    finally:
        db.close()
    click.echo(f"Closed {closed} proposal(s) whose deadline passed.")
    click.echo(f"Forgot {forgotten} client id(s) of votes that can no longer change.")


from webapp.proposals import routes  # noqa: E402, F401 - registers the views on bp
