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
    they first ran (proposals, coaching, the phone app). A new area with tables
    goes at the end."""
    from webapp import db
    from webapp.coaching import schema as coaching
    from webapp.proposals import schema as proposals
    from webapp.pwa import schema as pwa

    return db.migration_set(proposals.MIGRATIONS, coaching.MIGRATIONS, pwa.MIGRATIONS)


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
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(app.instance_path)

    from webapp import assets, db, templating
    from webapp.extensions import babel, csrf, limiter, login_manager
    from webapp.i18n import select_locale

    babel.init_app(app, locale_selector=select_locale)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None  # the login page explains itself
    templating.init_app(app)
    assets.init_app(app)
    db.init_app(app)
    app.extensions["migrations"] = migrations()
    db.init_database(app.config["DATABASE"], app.extensions["migrations"])

    # The other areas import notify(); its views come only here (see webapp.notifications).
    import webapp.notifications.routes  # noqa: F401
    from webapp import (
        auth,
        coaching,
        gemeente,
        i18n,
        jobs,
        main,
        notifications,
        profile,
        proposals,
        pwa,
        settings,
    )  # fmt: skip

    for blueprint in (
        main.bp, auth.bp, jobs.bp, profile.bp, settings.bp, i18n.bp, notifications.bp,
        proposals.bp, gemeente.bp, coaching.bp, pwa.bp,
    ):  # fmt: skip
        app.register_blueprint(blueprint)
    main.routes.register_error_pages(app)
    app.extensions["personal_data"] = personal_data_parts()
    app.extensions["notification_listeners"] = (pwa.push.schedule,)

    from webapp import cli

    cli.init_app(app)
    app.cli.add_command(i18n.translate)

    @app.before_request
    def refuse_uploads():
        # No form here takes a file; a file where text belongs is a bad request
        # (the forms would otherwise get a FileStorage where they expect text).
        if request.files:
            abort(400)

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # The policies govern documents (pages, SVG) and workers; on a script,
        # stylesheet or PNG they are bytes a phone on prepaid data pays for.
        static = request.endpoint == "static"
        if not static or response.mimetype == "image/svg+xml":
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
    from webapp.coaching.export import coaching_export
    from webapp.jobs import queries as job_queries
    from webapp.notifications import queries as notification_queries
    from webapp.profile import queries as profile_queries
    from webapp.proposals import queries as proposal_queries
    from webapp.pwa import queries as pwa_queries

    def coaching_part(db, user_id):
        # Messages, appointments, plan, who looked at your data, your coaches.
        return coaching_export(db, user_id) if auth_queries.is_resident(db, user_id) else {}

    return (
        auth_queries.account_data,
        profile_queries.personal_data,
        job_queries.personal_data,
        auth_queries.start_code_data,
        notification_queries.personal_data,
        proposal_queries.export_for,
        pwa_queries.personal_data,
        coaching_part,
    )
