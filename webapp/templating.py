"""Helpers the templates use: job texts, money, versioned static files."""

import hashlib
import os
from datetime import date
from decimal import Decimal

from flask import current_app, g, has_request_context, request, url_for
from flask_babel import format_currency, format_date
from markupsafe import Markup, escape

from webapp import labels
from webapp.db import JOB_PLAIN_TEXTS
from webapp.domain import jobs as job_rules
from webapp.domain import names, retention, wage
from webapp.domain.vocab import CATEGORIES, LIMITS, SKILLS, split_codes
from webapp.forms import errors_anchor
from webapp.i18n import current_choice

_static_urls = {}


def static_url(filename):
    """A URL that changes when the file does, so it can be cached for a year.

    Made once per file and mount point (a job list uses the icon sprite a
    hundred times); in debug mode every time, so an edited file shows at once.
    """
    key = (filename, request.script_root if has_request_context() else None)
    url = _static_urls.get(key)
    if url is None or current_app.debug:
        path = os.path.join(current_app.static_folder, filename)
        with open(path, "rb") as handle:
            version = hashlib.sha256(handle.read()).hexdigest()[:10]
        url = _static_urls[key] = url_for("static", filename=filename, v=version)
    return url


def job_text(job, field):
    """A job's text in the reader's language, in plain language in plain mode.

    A plain text not written yet falls back to the standard text in the same
    language, then to Dutch. A row without the plain columns (a short query
    that only needs the title) shows the standard text.
    """
    lang, plain = current_choice()
    names = [f"{field}_{lang}", f"{field}_nl"]
    if plain:
        plain_field = JOB_PLAIN_TEXTS[field]
        names = [f"{plain_field}_{lang}", names[0], f"{plain_field}_nl", names[1]]
    keys = job.keys()
    for name in names:
        if name in keys and job[name]:
            return job[name]
    return ""


def money(cents):
    return format_currency(Decimal(cents) / 100, "EUR")


def whole_euros(cents):
    """A large sum at a glance: whole euros (the tables beside it keep the cents)."""
    return format_currency(Decimal(cents) / 100, "EUR", format="¤ #,##0", currency_digits=False)


def job_wage(job, minimum):
    """Hourly and monthly pay for a job, and whether it is the minimum wage."""
    minimum_cents = minimum[0] if minimum else 0
    hourly = wage.hourly_cents(job["wage_cents"], minimum_cents)
    return {
        "hourly": hourly,
        "monthly": wage.monthly_cents(hourly, job["hours"]),
        "is_minimum": job["wage_cents"] is None or hourly == minimum_cents,
        "scale": job["wage_scale"],
        "valid_from": minimum[1] if minimum else None,
    }


def day_names(codes):
    """A job's days inside a sentence ("16 uur per week: maandag en dinsdag")."""
    return labels.day_names(split_codes(codes))


# An explicit pattern: Babel's "long" for English is "December 2, 2026".
# Our readers write the day first in both languages ("2 December 2026").
DAY_FIRST = "d MMMM y"


def date_iso(text):
    """A stored ISO date as the reader's language writes it."""
    return format_date(date.fromisoformat(text[:10]), DAY_FIRST)


def job_start(job):
    """A job's start day in the reader's words; ``""`` once that day has
    passed (the page says "as soon as possible"); ``None`` without a day."""
    if not job["start_date"]:
        return None
    day = job_rules.start_day(job["start_date"], date.today())
    return format_date(day, DAY_FIRST) if day else ""


def current_path():
    """This page's path and query, for a switcher's 'come back here'."""
    query = request.query_string.decode("latin-1")
    return request.path + ("?" + query if query else "")


def note_form_errors():
    """A form's errors are on the page (error_summary, an error notice): base.html
    then starts the title with "Error:". Rendered before the title (base.html)."""
    g.form_errors_shown = True
    return ""


def form_errors_shown():
    return g.get("form_errors_shown", False)


def bdi(value):
    """A name someone wrote, isolated in the sentence around it (``<bdi>``): an
    Arabic or Hebrew name stays readable and leaves the sentence's order alone."""
    if value is None or value == "":
        return ""
    return Markup("<bdi>%s</bdi>") % value


def in_title(value):
    """User text in ``<title>``, which cannot hold ``<bdi>``: without the bidi
    controls and zero-width characters that could turn the title around
    (names cannot hold them at all; free text such as a proposal's title can)."""
    return names.without_disguise(str(value or ""))


def isolated(text, **values):
    """A translated ``text`` with %(name)s-style ``values`` each isolated in ``<bdi>``,
    the rest escaped: for sentences with a name made in Python."""
    return escape(text) % {key: bdi(value) for key, value in values.items()}


def init_app(app):
    app.jinja_env.globals.update(
        static_url=static_url,
        job_text=job_text,
        job_wage=job_wage,
        day_names=day_names,
        job_start=job_start,
        labels=labels,
        reason_text=labels.reason_text,
        hours_label=labels.hours_label,
        current_path=current_path,
        errors_anchor=errors_anchor,
        note_form_errors=note_form_errors,
        form_errors_shown=form_errors_shown,
        job_category_icon=CATEGORIES.get,
        skill_icon=SKILLS.get,
        limit_icon=LIMITS.get,
    )
    app.jinja_env.filters.update(
        money=money,
        whole_euros=whole_euros,
        date_iso=date_iso,
        bdi=bdi,
        in_title=in_title,
        person_name=labels.person_name,
    )
    app.jinja_env.tests["former"] = retention.is_former
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
