"""Basisbaan: find basisbaan jobs that fit you.

``create_app`` is the application factory (as in Flask's tutorial): it reads
the configuration, applies the database migrations, and registers one
blueprint per area.
"""

import os

from flask import Flask, abort, request

from webapp.config import Config, instance_secret_key, load_environment

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def migrations():
    """The whole schema: the core tables, then each area's tables in the order
    they first ran (proposals, coaching, the phone app, then the profile's and
    the accounts' changes to their core tables, then what an area added later).
    A new area with tables goes at the end."""
    from webapp import db
    from webapp.auth import schema as auth
    from webapp.checkins import schema as checkins
    from webapp.coaching import schema as coaching
    from webapp.gemeente import schema as gemeente
    from webapp.jobs import schema as jobs
    from webapp.main import schema as main
    from webapp.oversight import schema as oversight
    from webapp.profile import schema as profile
    from webapp.proposals import schema as proposals
    from webapp.pwa import schema as pwa
    from webapp.retention import schema as retention
    from webapp.verification import schema as verification

    return db.migration_set(
        proposals.MIGRATIONS,
        coaching.MIGRATIONS,
        pwa.MIGRATIONS,
        profile.MIGRATIONS,
        auth.MIGRATIONS,
        jobs.MIGRATIONS,
        coaching.LATER_MIGRATIONS,
        proposals.LATER_MIGRATIONS,
        verification.MIGRATIONS,
        main.MIGRATIONS,
        auth.SESSION_MIGRATIONS,
        auth.NAME_MIGRATIONS,
        retention.RETENTION_MIGRATIONS,
        jobs.FACTS_MIGRATIONS,
        gemeente.OVERVIEW_MIGRATIONS,
        oversight.OVERSIGHT_MIGRATIONS,
        jobs.BUSINESS_MIGRATIONS,
        gemeente.IMPACT_MIGRATIONS,
        checkins.CHECKIN_MIGRATIONS,
    )


def create_app(test_config=None):
    app = Flask(
        __name__,
        instance_path=os.environ.get("BASISBAAN_INSTANCE", os.path.join(ROOT, "instance")),
        instance_relative_config=True,
        template_folder=os.path.join(ROOT, "templates"),
        static_folder=os.path.join(ROOT, "static"),
    )
    # Every <int:...> in a URL stays within SQLite's integer range: a longer
    # number is a 404, never an OverflowError (a 500) in a query.
    from webapp.web import DatabaseIdConverter

    app.url_map.converters["int"] = DatabaseIdConverter
    app.config.from_object(Config)
    app.config["DATABASE"] = os.path.join(app.instance_path, "basisbaan.db")
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = os.path.join(ROOT, "translations")
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        load_environment(app)
    else:
        app.config.from_mapping(test_config)
    os.makedirs(app.instance_path, exist_ok=True)
    if not app.testing:
        # While this process (or a worker forked from it) runs, a restore
        # refuses to replace the database under it (webapp/backup.py).
        from webapp import backup

        app.extensions["instance_lock"] = backup.hold_instance(os.path.dirname(app.config["DATABASE"]))
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(app.instance_path)
    proxies = max(int(app.config.get("TRUSTED_PROXIES") or 0), 0)
    if proxies:
        # The address and scheme as the person's browser used them, from the
        # headers the trusted proxies add (see TRUSTED_PROXIES in config.py).
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)

    from flask_compress import Compress

    from webapp import assets, db, requestid, templating
    from webapp.extensions import babel, csrf, limiter, login_manager
    from webapp.i18n import select_locale, translate

    requestid.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    csrf.init_app(app)
    # Before the blueprints: its hook then runs after theirs (webapp.pwa compresses
    # pages itself, to give each coding its own ETag). One for each app: it
    # keeps the settings on itself.
    app.extensions["compress"] = Compress(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None  # the login page explains itself
    # Nothing here asks for a "fresh" login, and Flask-Login's "basic" mode
    # marked every first anonymous request's session as not fresh: a new
    # session cookie on answers to the service worker's background fetches.
    # One that was sent before a login and answered after it put the
    # anonymous cookie back, and the person was logged out at once.
    login_manager.session_protection = None
    templating.init_app(app)
    assets.init_app(app)
    db.init_app(app)
    app.extensions["migrations"] = migrations()
    db.init_database(app.config["DATABASE"], app.extensions["migrations"])

    # Each area's package makes its blueprint; importing its routes adds the
    # views (and its commands) to it. Nothing else imports the routes, so an
    # area can use another's queries without pulling in its views.
    from webapp.auth import routes as auth
    from webapp.checkins import routes as checkins
    from webapp.coaching import routes as coaching
    from webapp.gemeente import importer  # noqa: F401 - adds the import-jobs command
    from webapp.gemeente import routes as gemeente
    from webapp.i18n import routes as i18n
    from webapp.jobs import routes as jobs
    from webapp.main import routes as main
    from webapp.notifications import routes as notifications
    from webapp.objections import routes as objections
    from webapp.opendata import routes as opendata
    from webapp.oversight import routes as oversight
    from webapp.profile import routes as profile
    from webapp.proposals import routes as proposals
    from webapp.pwa import push
    from webapp.pwa import routes as pwa
    from webapp.retention import routes as retention
    from webapp.settings import routes as settings
    from webapp.verification import routes as verification

    areas = (
        main,
        auth,
        jobs,
        profile,
        settings,
        i18n,
        notifications,
        proposals,
        gemeente,
        coaching,
        pwa,
        verification,
        retention,
        oversight,
        objections,
        opendata,
        checkins,
    )
    for area in areas:
        app.register_blueprint(area.bp)
    main.register_error_pages(app)
    # After every view: each POST-only URL gets its GET (a 303 to its form's page).
    from webapp.web import answer_get_on_post_urls

    answer_get_on_post_urls(app)
    app.extensions["personal_data"] = personal_data_parts()
    app.extensions["notification_listeners"] = (push.schedule,)

    from webapp import cli

    cli.init_app(app)
    if not app.testing:
        # At first start, the open-data files (then a daily `flask open-data`).
        opendata.make_if_missing(app)
    app.cli.add_command(translate)
    # `translate report` scores the demo jobs' plain Dutch pages too.
    from webapp.i18n import JOB_PAGES
    from webapp.seed.content import plain_job_pages

    app.extensions[JOB_PAGES] = plain_job_pages

    @app.before_request
    def refuse_uploads():
        # Only a view marked ``takes_files`` takes a file; a file where text
        # belongs is a bad request (the forms would otherwise get a
        # FileStorage where they expect text).
        view = app.view_functions.get(request.endpoint)
        if request.files and not getattr(view, "takes_files", False):
            abort(400)

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # The policies govern documents (pages, SVG) and workers; on a script,
        # stylesheet or PNG they are bytes a phone on prepaid data pays for.
        static = request.endpoint == "static"
        # A 204 (the message poll's "nothing new") and the manifest have no document to govern.
        governs = response.status_code != 204 and response.mimetype != "application/manifest+json"
        if (not static or response.mimetype == "image/svg+xml") and governs:
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            response.headers.setdefault("Referrer-Policy", "same-origin")
            response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if static:
            response.headers.pop("Content-Disposition", None)
        if static and "v" in request.args:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response

    return app


def personal_data_parts():
    """What each area gives to "download all your data" (/profile/export), in the
    order of the file: each part is ``(db, user_id) -> dict`` of its keys."""
    from webapp.auth import queries as auth_queries
    from webapp.checkins import queries as checkin_queries
    from webapp.coaching import queries as coaching_queries
    from webapp.jobs import queries as job_queries
    from webapp.notifications import queries as notification_queries
    from webapp.objections import queries as objection_queries
    from webapp.profile import queries as profile_queries
    from webapp.proposals import queries as proposal_queries
    from webapp.pwa import queries as pwa_queries

    return (
        auth_queries.account_data,
        profile_queries.personal_data,
        job_queries.personal_data,
        auth_queries.start_code_data,
        notification_queries.personal_data,
        proposal_queries.personal_data,
        objection_queries.personal_data,
        pwa_queries.personal_data,
        coaching_queries.personal_data,
        checkin_queries.personal_data,
    )
