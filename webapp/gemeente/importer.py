"""``flask import-jobs FILE.csv``: add many jobs at once, all or nothing.

Every row is checked first (with a progress bar); one bad row and nothing is
imported, and the report names each bad row by its line in the file and
says what is wrong. A row without everything publishing needs becomes a
draft, never an open job, and the report names its line and what is missing.
While the municipality's setting asks for the oversight board's advice
before publishing, an 'open' row becomes a draft waiting for that advice,
and the report says how many.
The columns are in the README.
"""

import csv

import click
from flask import current_app

from webapp.db import connect
from webapp.domain import jobs as job_rules
from webapp.domain import oversight as oversight_rules
from webapp.gemeente import bp, changes, queries
from webapp.jobs.queries import minimum_wage
from webapp.proposals.queries import now_utc, read_settings

MAX_ROWS = 10_000


def read_rows(handle):
    """``(line_number, row)`` pairs; the line is where the row starts in the file."""
    reader = csv.DictReader(handle)
    if reader.fieldnames is None:
        raise click.ClickException("The file is empty: it has no header line.")
    columns = [name.strip() for name in reader.fieldnames]
    unknown = sorted(set(columns) - set(job_rules.CSV_COLUMNS))
    missing = [name for name in job_rules.CSV_REQUIRED if name not in columns]
    twice = _named_twice(columns)
    if unknown or missing or twice:
        problems = []
        if twice:
            # A DictReader keeps the last of two cells with one name and drops
            # the other without a word: which one the file meant, only its
            # author knows.
            problems.extend(
                f"line 1, column {name} is named more than once (columns "
                + ", ".join(str(position) for position in positions)
                + ")"
                for name, positions in twice
            )
        if unknown:
            problems.append("unknown columns: " + ", ".join(unknown))
        if missing:
            problems.append("missing columns: " + ", ".join(missing))
        raise click.ClickException(
            "The header line is not right (" + "; ".join(problems) + "). The columns are listed in the README."
        )
    reader.fieldnames = columns
    found = []
    line = reader.line_num + 1
    for row in reader:
        if None in row:  # more cells than columns
            row["__extra__"] = row.pop(None)
        found.append((line, row))
        line = reader.line_num + 1
        if len(found) > MAX_ROWS:
            raise click.ClickException(f"The file has more than {MAX_ROWS} rows: split it up.")
    return found


def _named_twice(columns):
    """``(name, [positions])`` for each column name in the header more than once (counted from 1)."""
    positions = {}
    for position, name in enumerate(columns, start=1):
        positions.setdefault(name, []).append(position)
    return [(name, found) for name, found in positions.items() if len(found) > 1]


def check_rows(found, buurten, minimum_cents):
    """``(values, rejected, notes)``: the job values, ``(line, problems)`` for
    bad rows and ``(line, note)`` for good rows that become drafts."""
    values, rejected, notes = [], [], []
    with click.progressbar(found, label="Checking rows") as bar:
        for line, row in bar:
            extra = row.pop("__extra__", None)
            job, problems = job_rules.job_from_csv(row, buurten, minimum_cents)
            if extra:
                problems.insert(0, "more cells than there are columns")
            if problems:
                rejected.append((line, problems))
            else:
                values.append(job)
                note = job_rules.import_notes(job)
                if note:
                    notes.append((line, note))
    return values, rejected, notes


def wait_for_advice(jobs, advice_required):
    """Make 'open' jobs drafts where the board's advice comes first; returns how many."""
    waiting = 0
    for job in jobs:
        status = oversight_rules.imported_status(job["status"], advice_required)
        if status != job["status"]:
            job["status"] = status
            waiting += 1
    return waiting


@bp.cli.command("import-jobs")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Only check the file; import nothing.")
def import_jobs_command(path, dry_run):
    """Import jobs from a CSV file (UTF-8, header line; all rows or none)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            found = read_rows(handle)
    except UnicodeDecodeError:
        raise click.ClickException("The file is not UTF-8 text. Save it as CSV UTF-8.") from None
    except csv.Error as error:
        raise click.ClickException(f"The file is not valid CSV: {error}") from None
    if not found:
        raise click.ClickException("The file has a header line but no jobs.")
    db = connect(current_app.config["DATABASE"])
    try:
        minimum = minimum_wage(db)
        jobs, rejected, notes = check_rows(found, queries.buurt_keys(db), minimum[0] if minimum else None)
        if rejected:
            click.echo(
                f"\n{len(rejected)} of {len(found)} rows have problems. Nothing was "
                "imported. Fix these rows and run the import again:",
                err=True,
            )
            for line, problems in rejected:
                click.echo(f"  line {line}: " + "; ".join(problems), err=True)
            raise SystemExit(1)
        waiting = wait_for_advice(jobs, read_settings(db)[oversight_rules.ADVICE_SETTING])
        drafts = sum(job["status"] == "draft" for job in jobs)
        if dry_run:
            click.echo(f"All {len(jobs)} rows are fine. Nothing was imported (--dry-run).")
        else:
            with click.progressbar(length=len(jobs), label="Importing") as bar:
                changes.import_jobs(db, jobs, now_utc().strftime("%Y-%m-%dT%H:%M:%SZ"), bar.update)
            click.echo(f"Imported {len(jobs)} jobs: {len(jobs) - drafts} open, {drafts} drafts.")
        if waiting and not dry_run:
            click.echo(
                f"{waiting} jobs wait for the oversight board's advice before they can be published. "
                "The board sees them on /toezicht. After its advice, publish them on /gemeente/jobs."
            )
        if notes:
            click.echo(
                f"{len(notes)} rows are drafts because something is missing. Complete them on /gemeente/jobs:"
            )
            for line, note in notes:
                click.echo(f"  line {line}: {note}")
    finally:
        db.close()
