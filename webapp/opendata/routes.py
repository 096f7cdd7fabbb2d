"""``/open-data``: what each file holds, and the files themselves (made by
``flask open-data``; served as they are, with Last-Modified and an ETag)."""

import click
from flask import abort, current_app, render_template, send_file
from flask.cli import with_appcontext
from flask_babel import format_date, format_time

from webapp.db import connect
from webapp.opendata import bp, files
from webapp.opendata.datasets import BY_NAME, DATASETS, FORMATS


@bp.get("/open-data")
def index():
    made_at = files.made_at(current_app.instance_path)
    made = (format_date(made_at, "long"), format_time(made_at, "short")) if made_at else None
    return render_template("opendata/index.html", datasets=DATASETS, made=made)


@bp.get("/open-data/<file_name>")
def download(file_name):
    name, _dot, extension = file_name.rpartition(".")
    if name not in BY_NAME or extension not in FORMATS:
        abort(404)
    found = files.path(current_app.instance_path, name, extension)
    try:
        response = send_file(
            found,
            mimetype=FORMATS[extension],
            as_attachment=extension == "csv",
            download_name=f"basisbaan-{name}.{extension}",
            conditional=True,
            etag=True,
            max_age=3600,
        )
    except FileNotFoundError:
        abort(404)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.cli.command("open-data")
@with_appcontext
def open_data_command():
    """Write the open-data files (CSV and JSON) into the instance folder (run daily)."""
    db = connect(current_app.config["DATABASE"])
    try:
        counts = files.make(db, current_app.instance_path)
    finally:
        db.close()
    click.echo(
        "Open data written to "
        + files.folder(current_app.instance_path)
        + ": "
        + ", ".join(f"{count} {name}" for name, count in counts.items())
    )


def make_if_missing(app):
    """At first start: make the files when any is missing (then the daily timer keeps them fresh)."""
    if not files.missing(app.instance_path):
        return
    db = connect(app.config["DATABASE"])
    try:
        files.make(db, app.instance_path)
    finally:
        db.close()
