"""Making and finding the open-data files in the instance folder.

``flask open-data`` (a daily timer; and at first start when the files are
missing) writes every dataset as CSV and JSON. Each file is written beside its
place and then moved over it (``os.replace``), so a reader never gets half a
file and a failed run leaves yesterday's files."""

import json
import os
import tempfile
from datetime import UTC, datetime

from webapp import exports
from webapp.opendata.datasets import DATASETS, FORMATS

FOLDER = "open-data"


def folder(instance_path):
    return os.path.join(instance_path, FOLDER)


def path(instance_path, name, extension):
    return os.path.join(folder(instance_path), f"{name}.{extension}")


def _write_atomically(target, data):
    directory = os.path.dirname(target)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=os.path.basename(target))
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def _records(db, dataset):
    columns = [name for name, _description in dataset.columns]
    return columns, [[row[name] for name in columns] for row in dataset.read(db)]


def make(db, instance_path, now=None):
    """Write every dataset's files; the number of rows per dataset."""
    os.makedirs(folder(instance_path), exist_ok=True)
    made_at = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    counts = {}
    for dataset in DATASETS:
        columns, records = _records(db, dataset)
        _write_atomically(
            path(instance_path, dataset.name, "csv"), exports.csv_text(columns, records).encode("utf-8")
        )
        document = {
            "dataset": dataset.name,
            "made_at": made_at,
            "columns": columns,
            "rows": [dict(zip(columns, record, strict=True)) for record in records],
        }
        _write_atomically(
            path(instance_path, dataset.name, "json"),
            json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"),
        )
        counts[dataset.name] = len(records)
    return counts


def missing(instance_path):
    return any(
        not os.path.exists(path(instance_path, dataset.name, extension))
        for dataset in DATASETS
        for extension in FORMATS
    )


def made_at(instance_path):
    """When the oldest file was written (UTC), or None when any is missing."""
    if missing(instance_path):
        return None
    oldest = min(
        os.path.getmtime(path(instance_path, dataset.name, extension))
        for dataset in DATASETS
        for extension in FORMATS
    )
    return datetime.fromtimestamp(oldest, UTC)
