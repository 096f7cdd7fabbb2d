"""Command-line tasks: `flask --app webapp <command>`."""

import sqlite3
import time
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import click
from flask import current_app
from flask.cli import with_appcontext

from webapp.auth.changes import create_user, issue_start_code
from webapp.db import connect, one
from webapp.domain import names, usernames
from webapp.domain.vocab import ROLES


def _db():
    return connect(current_app.config["DATABASE"])


def _check_names(username, display_name):
    """The same rules as the forms: a plain username, a name that cannot disguise itself."""
    if not usernames.is_valid(username):
        raise click.BadParameter("use 3 to 40 letters, digits, '.', '_' or '-'", param_hint="username")
    hidden = names.disguising_characters(display_name)
    if hidden:
        raise click.BadParameter(
            f"the name holds hidden characters that change how it looks ({names.code_points(hidden)})",
            param_hint="--name",
        )


@click.command("create-user")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--username", required=True)
@click.option("--name", "display_name", default="", help="The name people see.")
@click.option("--email", default=None)
@click.option("--coach", "coach_username", default=None, help="A resident's coach (username).")
@click.password_option(help="Asked for when left out.")
@with_appcontext
def create_user_command(role, username, display_name, email, coach_username, password):
    """Create a coach, buurtgroep, gemeente, toezicht (oversight board) or resident account."""
    _check_names(username, display_name)
    db = _db()
    coach_id = None
    if coach_username:
        coach = one(db, "SELECT id FROM users WHERE username = ? AND role = 'coach'", (coach_username,))
        if coach is None:
            raise click.ClickException(f"No coach with username {coach_username}")
        coach_id = coach[0]
    try:
        user_id = create_user(
            db,
            username=username,
            role=role,
            display_name=display_name,
            email=email,
            password=password,
            coach_id=coach_id,
        )
    except sqlite3.IntegrityError:
        raise click.ClickException(f"The username or e-mail {username} is taken") from None
    click.echo(f"Created {role} {username} (id {user_id})")


@click.command("start-code")
@click.argument("username")
@click.option("--create", is_flag=True, help="Create the resident account first.")
@click.option("--name", "display_name", default="")
@click.option("--days", default=14, show_default=True, type=click.IntRange(1, 14))
@with_appcontext
def start_code_command(username, create, display_name, days):
    """Make a one-time start code for a resident (they choose a password at /activate)."""
    db = _db()
    row = one(db, "SELECT id, role FROM users WHERE username = ?", (username,))
    if row is None and create:
        _check_names(username, display_name)
        user_id = create_user(db, username=username, role="resident", display_name=display_name)
    elif row is None:
        raise click.ClickException(f"No user {username}; add --create to make a resident")
    else:
        user_id = row[0]
    code, expires = issue_start_code(db, user_id, days=days)
    click.echo(f"Start code for {username}: {code}")
    click.echo(f"Valid until {expires:%Y-%m-%d %H:%M} UTC, once. Older codes no longer work.")


@click.command("seed-demo")
@click.option("--size", type=click.Choice(["small", "large", "city"]), default="small", show_default=True)
@click.option("--residents", type=int, default=None, help="City only: residents in all (default 700,000).")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database has data.")
@with_appcontext
def seed_demo_command(size, residents, if_empty):
    """Fill the database with the demo municipality (large, city: for benchmarks)."""
    from webapp.seed import demo

    db = _db()
    if not demo.is_empty(db):
        if if_empty:
            click.echo("The database already has data: nothing to do.")
            return
        raise click.ClickException("The database is not empty. Remove it first to re-seed.")
    demo.seed_small(db)
    if size == "large":
        demo.seed_large(db)
    elif size == "city":
        demo.seed_city(db, **({} if residents is None else {"residents": residents}))
    counts = {
        table: one(db, f"SELECT COUNT(*) FROM {table}")[0]  # noqa: S608 - fixed names
        for table in ("users", "jobs", "profiles", "votes")
    }
    click.echo("Demo data ready: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
    from webapp.opendata import files as open_data

    open_data.make(db, current_app.instance_path)  # the files made at first start were empty
    accounts = "bewoner, bewoner2, bewoner3, buurtgroep, coach, gemeente, toezicht"
    click.echo(f"Demo accounts: {accounts} (password {demo.DEMO_PASSWORD})")


def _size(size):
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return None


@click.command("backup")
@click.argument("dest", type=click.Path(dir_okay=True, file_okay=True))
@click.option("--force", is_flag=True, help="Replace DEST when it exists.")
@with_appcontext
def backup_command(dest, force):
    """Copy the database while the app runs (DEST: a file, or a folder for a dated file)."""
    from webapp import backup

    try:
        copied = backup.backup(current_app.config["DATABASE"], dest, force=force)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Backup written to {copied.path}: {_size(copied.size)} in {copied.seconds:.2f} s.")
    click.echo("Integrity check: ok.")


@click.command("restore")
@click.argument("src", type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def restore_command(src):
    """Put a backup in place of the database. Stop the app first."""
    import os

    from webapp import backup

    database = current_app.config["DATABASE"]
    # This command's own app marks the instance as running: let go of that.
    held = current_app.extensions.pop("instance_lock", None)
    if held is not None:
        held.close()
    started = time.perf_counter()
    try:
        with backup.stopped_instance(os.path.dirname(database)):
            kept = backup.restore(src, database, current_app.extensions["migrations"])
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from None
    size = _size(os.path.getsize(database))
    click.echo(f"Restored {src} to {database}: {size} in {time.perf_counter() - started:.2f} s.")
    click.echo("Integrity check: ok. Migrations it lacks run when the app starts.")
    if kept is not None:
        click.echo(f"The database it replaced is kept as {kept}.")


@click.command("settings-table")
def settings_table_command():
    """Print every setting with its type and default (the table in README's Configuration)."""
    from webapp.config import settings_table

    click.echo(settings_table())


@click.command("retention")
@click.option("--dry-run", is_flag=True, help="Only count what would change; change nothing.")
@click.option(
    "--now", "now_text", default=None, metavar="YYYY-MM-DDTHH:MM", help="Pretend it is this moment (UTC)."
)
@with_appcontext
def retention_command(dry_run, now_text):
    """Anonymise residents inactive for RETENTION_MONTHS; warn them 30 days before (run daily)."""
    from webapp.retention import changes as retention

    try:
        now = datetime.fromisoformat(now_text).replace(tzinfo=UTC) if now_text else datetime.now(UTC)
    except ValueError:
        raise click.BadParameter("use YYYY-MM-DDTHH:MM", param_hint="--now") from None
    config = current_app.config
    months = int(config["RETENTION_MONTHS"])
    if months < 1:
        raise click.ClickException("RETENTION_MONTHS must be at least 1")
    now_local = now.astimezone(ZoneInfo(config["BABEL_DEFAULT_TIMEZONE"])).strftime("%Y-%m-%dT%H:%M")
    db = _db()
    try:
        report = retention.run(db, now, now_local, months, dry_run=dry_run)
    finally:
        db.close()
    if dry_run:
        click.echo(f"Retention dry run ({months} months), nothing changed: would change {report.line()}")
        return
    line = f"Retention ({months} months): {report.line()}"
    current_app.logger.info(line)
    click.echo(line)


def init_app(app):
    for command in (
        create_user_command,
        start_code_command,
        seed_demo_command,
        backup_command,
        restore_command,
        settings_table_command,
        retention_command,
    ):
        app.cli.add_command(command)
