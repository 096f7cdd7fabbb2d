"""Configuration classes.

Secrets never live in code: the secret key comes from the environment
(``BASISBAAN_SECRET_KEY``) or from a file the app writes into its instance
folder on first run. Any setting can be overridden from the environment as
``BASISBAAN_<NAME>`` (see ``load_environment``).
"""

import difflib
import os
import re
import secrets
import time
from datetime import timedelta

import click


class Config:
    # Open sign-up lets residents make an account without a coach. The demo
    # has it on; a municipality that only wants coach-made accounts sets
    # BASISBAAN_OPEN_SIGNUP=0.
    OPEN_SIGNUP = True

    # Rate limits (Flask-Limiter syntax). Tests and load tests may raise them
    # explicitly; one test proves the defaults stop guessing.
    # On unless a load test turns it off. Always set: Flask-Limiter keeps the
    # last app's choice on its one shared object when a setting is missing.
    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    # Failed logins (OWASP's device cookies, webapp/auth/guessing.py): a
    # browser where the account logged in before has its own allowance
    # (per device); any other browser counts per account and per address.
    # Guessing from elsewhere then locks out unknown devices only, never the
    # owner on their own phone. The device cookie lasts DEVICE_COOKIE_DAYS.
    LOGIN_LIMIT_PER_ACCOUNT = "5 per 15 minutes"
    LOGIN_LIMIT_PER_ADDRESS = "30 per 15 minutes"
    LOGIN_LIMIT_PER_DEVICE = "5 per 15 minutes"
    DEVICE_COOKIE_DAYS = 365
    ACTIVATE_LIMIT_PER_ADDRESS = "10 per hour"
    SIGNUP_LIMIT_PER_ADDRESS = "10 per hour"
    # Wrong voting codes typed at /settings/verify (a right one never counts).
    VERIFY_LIMIT_PER_ADDRESS = "30 per hour"
    VERIFY_LIMIT_PER_ACCOUNT = "10 per hour"

    # Limits on what SUCCEEDS (webapp/limits.py), per logged-in person; a
    # refused form never counts, nor does a repeat the server answers with
    # its first result (the outbox sending twice). They are set far above what
    # a busy real person does, and far below what was seen: 509 messages in
    # 40 seconds from one account, 22 sign-ups from one address in seconds.
    # The short window stops a script within minutes; the daily one stops a
    # slow script that stays just under it. Answer: 429 with Retry-After.
    #
    # A message takes at least 5-10 seconds to type on a phone; a lively chat
    # with the coach is 10-20 messages in 10 minutes, a long day perhaps 50.
    MESSAGE_LIMIT_PER_PERSON = "60 per 10 minutes; 300 per day"
    # A coach writes to many residents: a round of "see you tomorrow" to a
    # whole caseload (40-80 residents) by hand takes well over 10 minutes.
    COACH_MESSAGE_LIMIT_PER_PERSON = "120 per 10 minutes; 1000 per day"
    # Questions, comments and the author's answers on proposals: an author
    # answering every question after a week away writes perhaps 20.
    COMMENT_LIMIT_PER_PERSON = "30 per 10 minutes; 200 per day"
    # A proposal (title, description, neighbourhood, hours) takes minutes to
    # write; a very active resident writes a few in a year.
    PROPOSAL_LIMIT_PER_PERSON = "10 per hour; 30 per day"
    # Reports (one per proposal or comment): even a flood of bad comments
    # rarely needs more than a handful.
    REPORT_LIMIT_PER_PERSON = "20 per 10 minutes; 100 per day"
    # "I want this job" and taking it back (each tells the coach): a page
    # shows 10 jobs; 30 in 10 minutes means three full pages, every job.
    INTEREST_LIMIT_PER_PERSON = "30 per 10 minutes; 200 per day"
    # New goals and steps in a plan, by the resident or the coach: an intake
    # writes perhaps 5 goals and 15 steps; a coach plans for several people.
    PLAN_LIMIT_PER_PERSON = "60 per 10 minutes; 400 per day"
    # Appointments a coach plans, and a resident asking for another time:
    # a full day of a coach is 10-15 appointments.
    APPOINTMENT_LIMIT_PER_PERSON = "30 per 10 minutes; 200 per day"
    # Successful sign-ups from one address (failures count in
    # SIGNUP_LIMIT_PER_ADDRESS). One address can be a whole community
    # centre's wifi during a sign-up morning, or a phone network's shared
    # address: 10 in 10 minutes still lets a room of people sign up one
    # after another; 22 in seconds is a script.
    SIGNUPS_PER_ADDRESS = "10 per 10 minutes; 50 per day"
    # Objections (issue 17), per person logged in and per address for
    # everyone else, like sign-ups: a neighbourhood meeting may object from
    # one wifi; dozens in minutes is a campaign by script. Each e-mail address
    # or phone number has its own daily limit on top
    # (webapp.domain.objections.PER_CONTACT_A_DAY).
    OBJECTIONS_PER_ADDRESS = "10 per 10 minutes; 30 per day"

    # The help page (/help, linked from every page's footer): how to reach
    # the municipality. Set them to your own: the phone number as people dial
    # it, the days (mon tue wed thu fri sat sun) and the hours ("09:00-17:00").
    HELP_PHONE = "020 123 4567"
    HELP_DAYS = "mon tue wed thu fri"
    HELP_HOURS = "09:00-17:00"

    # The statements the law asks for (/privacy, /accessibility and
    # /.well-known/security.txt). The municipality is the data controller and
    # fills these in itself; left empty, the pages say "not yet filled in"
    # instead of claiming anything. MUNICIPALITY_NAME as residents know it
    # ("Gemeente Lindeveld"). PRIVACY_CONTACT: how to reach its privacy
    # officer (an e-mail address or a web address). ACCESSIBILITY_STATUS: the
    # letter (A-E) from its own evaluation, ACCESSIBILITY_DATE the day of that
    # statement (YYYY-MM-DD), ACCESSIBILITY_REPORT a web address of the
    # evaluation report, ACCESSIBILITY_CONTACT where to report a problem.
    # SECURITY_CONTACT (an e-mail address or a web address) is security.txt's
    # Contact: without it /.well-known/security.txt is a 404. Its Expires lies
    # SECURITY_TXT_DAYS ahead (RFC 9116: at most a year); SECURITY_POLICY is an
    # optional web address of the published SECURITY.md.
    MUNICIPALITY_NAME = ""
    PRIVACY_CONTACT = ""
    ACCESSIBILITY_STATUS = ""
    ACCESSIBILITY_DATE = ""
    ACCESSIBILITY_REPORT = ""
    ACCESSIBILITY_CONTACT = ""
    SECURITY_CONTACT = ""
    SECURITY_TXT_DAYS = 180
    SECURITY_POLICY = ""

    # The municipality's own login (OpenID Connect: DigiD through the
    # municipality's broker, or the staff's identity provider). Off until
    # OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set, e.g. as
    # BASISBAAN_OIDC_ISSUER. The app finds the rest at
    # <issuer>/.well-known/openid-configuration. OIDC_BUURT_CLAIM names the
    # claim that holds a postcode (e.g. "postal_code"); it maps to a buurt
    # through the postcode table the municipality uploads at
    # /gemeente/postcodes. OIDC_SCOPE must ask for that claim where the
    # provider needs a scope for it. OIDC_LEEWAY: seconds of clock difference
    # allowed when checking the ID token's times.
    OIDC_ISSUER = ""
    OIDC_CLIENT_ID = ""
    OIDC_CLIENT_SECRET = ""
    OIDC_SCOPE = "openid"
    OIDC_BUURT_CLAIM = ""
    OIDC_LEEWAY = 60
    OIDC_TIMEOUT = 10

    START_CODE_DAYS = 14
    # Storage limitation (AVG): a resident who has not used Basisbaan for this
    # many months (no log-in, message, vote, interest or appointment) is
    # anonymised by the daily `flask --app webapp retention`, after a warning
    # 30 days before. Never someone in a job, waiting for an answer about one,
    # or with an appointment to come (webapp/domain/retention.py).
    RETENTION_MONTHS = 26
    # Ten cards a page: enough to choose from, little to scroll on a small screen.
    JOBS_PER_PAGE = 10

    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"

    # How many reverse proxies in front of the app to believe (werkzeug's
    # ProxyFix): 1 behind one nginx or Caddy that sets X-Forwarded-For and
    # X-Forwarded-Proto. Limits per address then see the person's address,
    # not the proxy's. 0 (the default): those headers are ignored; never set
    # it higher than the proxies there are, or anyone can pick an address.
    # The proxy passes the Host header on as it came.
    TRUSTED_PROXIES = 0

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_DURATION = timedelta(days=90)
    # Sessions live on the server (webapp/auth/sessions.py). One without "stay
    # logged in" ends after SESSION_IDLE_MINUTES without a page view: 12 hours
    # lets a form left open all evening still be sent (as WTF_CSRF_TIME_LIMIT),
    # and a library computer or a borrowed phone someone forgot to log out of is
    # closed by the next morning. A remembered device may rest as long as its
    # cookie lasts (REMEMBER_COOKIE_DURATION). "Last used" is written at most
    # every SESSION_TOUCH_MINUTES, so a page view stays a read.
    SESSION_IDLE_MINUTES = 12 * 60
    SESSION_TOUCH_MINUTES = 5
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    PREFERENCE_COOKIE_DAYS = 365

    # How long a request waits for another writer before it answers 503 ("not
    # saved, try again"), in milliseconds. A write takes a few milliseconds, so
    # a queue of workers clears well within this; a lock held longer is a
    # backup, an import or a stuck process, and waiting more would only keep a
    # phone on a spinner. Shorter would turn ordinary bursts into 503s (the
    # outbox then sends again, but a form without it shows the notice).
    DATABASE_BUSY_TIMEOUT = 5000
    # Seconds a 503 asks the browser (and the outbox) to wait before trying again.
    UNAVAILABLE_RETRY_AFTER = 30
    # /healthz: milliseconds its test write waits for the lock.
    HEALTH_BUSY_TIMEOUT = 1000

    # Web Push (VAPID). The key pair is made in the instance folder on first
    # run. PUSH_CONTACT is the "sub" the push services may write to: set it
    # to the municipality's address. Endpoints must be https on one of
    # PUSH_SERVICE_HOSTS (a leading dot allows subdomains).
    PUSH_ENABLED = True
    PUSH_SYNC = False  # True: send before the response returns (tests)
    PUSH_CONTACT = "mailto:basisbaan@example.org"
    PUSH_SERVICE_HOSTS = (
        "fcm.googleapis.com,android.googleapis.com,updates.push.services.mozilla.com,"
        ".push.apple.com,.notify.windows.com"
    )
    PUSH_INSECURE_HOSTS = ""  # hosts reachable over plain http (a test's stand-in)
    PUSH_TTL = 24 * 3600  # seconds a push service keeps a push for a phone that is off
    PUSH_TIMEOUT = 10
    PUSH_SUBSCRIPTIONS_PER_USER = 10

    # Text answers go out compressed when the browser accepts it (Flask-Compress),
    # whatever serves the app: flask run, a bare gunicorn, or behind a proxy.
    # Brotli at level 5 is smaller than gzip and about as fast; gzip for the
    # rest. Answers under 500 bytes and images (PNG is compressed already) go
    # as they are. Static files count as "streamed" (read from disk as they
    # go out): compressed on the way, with an ETag per coding and 304s
    # (Flask-Compress's default for the ``static`` endpoint). No view streams
    # on purpose; one that must flush as it goes (server-sent events) would
    # need ``COMPRESS_STREAMS`` reconsidered. Pages get an ETag per coding
    # too (webapp.pwa).
    COMPRESS_ALGORITHM = ["br", "gzip"]
    COMPRESS_ALGORITHM_STREAMING = ["br", "gzip"]
    COMPRESS_BR_LEVEL = 5
    COMPRESS_LEVEL = 6
    COMPRESS_MIN_SIZE = 500

    # The app's log (stderr; under gunicorn its error log): each line carries
    # the request's id (webapp/requestid.py). INFO has one line per error
    # page (a 404, a 429) besides the warnings and errors; WARNING leaves those out.
    LOG_LEVEL = "INFO"

    # The largest form anybody could send us, with room to spare.
    MAX_CONTENT_LENGTH = 256 * 1024
    WTF_CSRF_TIME_LIMIT = None  # a form left open all evening still works


# --- settings from the environment ------------------------------------------------
#
# ``BASISBAAN_<NAME>`` overrides a setting. The text is read as the type of the
# setting's default in ``Config`` (``BASISBAAN_RATELIMIT_ENABLED=0`` is off,
# never the string "0", which Python counts as true); a name the app does not
# know or a value that does not fit its type stops the start with a message
# naming the variable (``ConfigError``).

# Settings with no default in ``Config`` that the app or its extensions (Flask,
# Flask-Login, Flask-Limiter, Flask-WTF, Flask-Compress) read, with their types.
# Add one here before setting it from the environment.
OTHER_SETTINGS = {
    "SECRET_KEY": str,
    "DATABASE": str,
    "SERVER_NAME": str,
    "PREFERRED_URL_SCHEME": str,
    "PERMANENT_SESSION_LIFETIME": timedelta,
    "SESSION_COOKIE_NAME": str,
    "SESSION_COOKIE_DOMAIN": str,
    "SESSION_COOKIE_PATH": str,
    "SESSION_REFRESH_EACH_REQUEST": bool,
    "REMEMBER_COOKIE_NAME": str,
    "REMEMBER_COOKIE_DOMAIN": str,
    "REMEMBER_COOKIE_PATH": str,
    "REMEMBER_COOKIE_REFRESH_EACH_REQUEST": bool,
    "RATELIMIT_DEFAULT": str,
    "RATELIMIT_STRATEGY": str,
    "RATELIMIT_KEY_PREFIX": str,
    "RATELIMIT_SWALLOW_ERRORS": bool,
    "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": bool,
    "WTF_CSRF_ENABLED": bool,
    "WTF_CSRF_SSL_STRICT": bool,
    "COMPRESS_MIMETYPES": list,
    "COMPRESS_REGISTER": bool,
    "COMPRESS_STREAMS": bool,
}

# A whole number, or empty for none (no limit).
OPTIONAL_INT = "optional int"

# The type of settings whose default in ``Config`` is None.
NONE_DEFAULTS = {"WTF_CSRF_TIME_LIMIT": OPTIONAL_INT}

# ``BASISBAAN_*`` variables that are not settings: the instance folder
# (``create_app``) and the tests' and benchmarks' browser.
NOT_SETTINGS = {"INSTANCE", "CHROMIUM"}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_DURATION = re.compile(r"\s*(\d+)\s*([smhd]?)\s*\Z")
_UNITS = {"": "seconds", "s": "seconds", "m": "minutes", "h": "hours", "d": "days"}

TYPE_WORDS = {
    bool: "yes or no (1, true, yes, on / 0, false, no, off)",
    int: "a whole number",
    float: "a number",
    str: "text",
    list: "a list, comma-separated (empty: none)",
    timedelta: "a duration: seconds, or a number with s, m, h or d (90d)",
    OPTIONAL_INT: "a whole number, or empty for none",
}


class ConfigError(click.ClickException, RuntimeError):
    """A setting from the environment that cannot be used.

    A ClickException, so ``flask --app webapp ...`` prints ``Error: <message>``
    without a traceback; a RuntimeError, so ``gunicorn --preload`` prints
    ``Error: <message>`` and stops.
    """


def setting_type(name):
    """The type a setting's text is read as, or None for a name the app does not know."""
    if name in NONE_DEFAULTS:
        return NONE_DEFAULTS[name]
    if hasattr(Config, name) and name.isupper():
        default = getattr(Config, name)
        return list if isinstance(default, tuple) else type(default)
    return OTHER_SETTINGS.get(name)


def parse_setting(kind, text):
    """``text`` as a value of ``kind``; ValueError when it is not one."""
    if kind is bool:
        word = text.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise ValueError(text)
    if kind is int:
        return int(text.strip())
    if kind is float:
        return float(text.strip())
    if kind is list:
        return [part.strip() for part in text.split(",") if part.strip()]
    if kind is timedelta:
        match = _DURATION.match(text)
        if not match:
            raise ValueError(text)
        return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
    if kind == OPTIONAL_INT:
        return int(text.strip()) if text.strip() else None
    return text


def environment_settings(environ, prefix="BASISBAAN_"):
    """The settings ``environ`` overrides, read by type; ConfigError listing every problem."""
    found, problems = {}, []
    known = sorted({name for name in dir(Config) if name.isupper()} | set(OTHER_SETTINGS))
    for variable, text in sorted(environ.items()):
        if not variable.startswith(prefix):
            continue
        name = variable[len(prefix) :]
        if name in NOT_SETTINGS:
            continue
        kind = setting_type(name)
        if kind is None:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" Did you mean {prefix}{close[0]}?" if close else ""
            problems.append(f"{variable} is not a setting Basisbaan knows.{hint}")
            continue
        try:
            found[name] = parse_setting(kind, text)
        except ValueError:
            problems.append(f"{variable}={text!r} is not {TYPE_WORDS[kind]}.")
    if problems:
        raise ConfigError(
            "Settings from the environment that cannot be used (README, Configuration, lists them all):\n  "
            + "\n  ".join(problems)
        )
    return found


def load_environment(app, prefix="BASISBAAN_"):
    """Let ``BASISBAAN_<NAME>`` override a setting, read as the type of its default."""
    app.config.update(environment_settings(os.environ, prefix))


# --- the list of settings in the README ---------------------------------------------


def _type_name(kind):
    if kind == OPTIONAL_INT:
        return "int or empty"
    return {timedelta: "duration"}.get(kind, kind.__name__)


def _default_text(value):
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, timedelta):
        seconds = int(value.total_seconds())
        for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
            if seconds % size == 0:
                return f"{seconds // size}{unit}"
        return str(seconds)
    if isinstance(value, (list, tuple)):
        return ",".join(value)
    return "" if value is None else str(value)


def settings_table():
    """The Markdown table of every setting: those in ``Config`` with type and
    default, then the other ones the environment may set (README,
    "Configuration"; ``flask --app webapp settings-table`` prints it)."""
    lines = ["| setting | type | default |", "|---|---|---|"]
    for name in sorted(name for name in vars(Config) if name.isupper()):
        default = _default_text(getattr(Config, name)).replace("|", "\\|")
        shown = f"`{default}`" if default else "(empty)"
        lines.append(f"| `{name}` | {_type_name(setting_type(name))} | {shown} |")
    made = {"DATABASE": "`basisbaan.db` in the instance folder", "SECRET_KEY": "made in the instance folder"}
    for name, kind in sorted(OTHER_SETTINGS.items()):
        default = made.get(name, "the extension's")
        lines.append(f"| `{name}` | {_type_name(kind)} | {default} |")
    return "\n".join(lines)


def instance_secret_key(instance_path):
    """Read the secret key from the instance folder, creating it once.

    Creating with O_EXCL means two processes starting at once agree on one
    key: the loser of the race reads the winner's file.
    """
    path = os.path.join(instance_path, "secret_key")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        # The other process may still be writing: wait for the key briefly.
        for _ in range(50):
            with open(path, encoding="ascii") as handle:
                key = handle.read().strip()
            if key:
                return key
            time.sleep(0.02)
        raise RuntimeError(f"{path} is empty: delete it and start again") from None
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        key = secrets.token_hex(32)
        handle.write(key)
    return key
