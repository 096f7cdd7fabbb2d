"""Static files as a phone receives them.

Our own scripts and stylesheet are minified when served (rjsmin, rcssmin):
their comments say why for the people who read the source, and a phone on
prepaid data should not pay for them. Everything else (and htmx, already
minified) goes out as it is. The URL's version (``static_url``) still
follows the source file, so a change reaches every phone.
"""

import functools
import hashlib
import io
import mimetypes
import os

import rcssmin
import rjsmin
from flask import current_app, send_file
from werkzeug.exceptions import NotFound
from werkzeug.security import safe_join

_MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minifiable(filename):
    extension = os.path.splitext(filename)[1]
    return extension in _MINIFIERS and not filename.endswith(".min.js")


@functools.lru_cache(maxsize=64)
def _minified(path, _mtime_ns, _size):
    """The file minified, once per version of it (the key changes with the file)."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    body = _MINIFIERS[os.path.splitext(path)[1]](text).encode()
    return body, hashlib.sha256(body).hexdigest()[:32]


def minified_source(filename):
    """The text a phone receives for this static file (the service worker's code too)."""
    path = os.path.join(current_app.static_folder, filename)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    return _MINIFIERS[os.path.splitext(filename)[1]](text) if minifiable(filename) else text


def static_file(filename):
    """Flask's ``static`` view, minifying our scripts and stylesheet on the way out."""
    if not minifiable(filename):
        return current_app.send_static_file(filename)
    path = safe_join(current_app.static_folder, filename)
    if path is None or not os.path.isfile(path):
        raise NotFound()
    stat = os.stat(path)
    body, etag = _minified(path, stat.st_mtime_ns, stat.st_size)
    return send_file(
        io.BytesIO(body),
        mimetype=mimetypes.guess_type(filename)[0],
        etag=etag,
        last_modified=stat.st_mtime,
        max_age=current_app.get_send_file_max_age(filename),
        conditional=True,
    )


def init_app(app):
    app.view_functions["static"] = static_file
