"""Vägval: the application factory."""
from __future__ import annotations

import logging

from flask import Flask
from flask_compress import Compress
from jinja2 import StrictUndefined

from app.config import REPO_ROOT, Config
from app.logs import App


def create_app(config: Config | None = None) -> Flask:
    config = config or Config.from_env()
    app = App(__name__, instance_path=str(REPO_ROOT / "data"), instance_relative_config=False)
    app.config.update(config.as_flask_config())
    app.jinja_env.undefined = StrictUndefined
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    logging.basicConfig(level=logging.INFO)

    from app import (
        assets,
        counsellors,
        db,
        faults,
        htmx,
        i18n,
        jobtracks,
        limits,
        logs,
        meetings,
        pages,
        plans,
        security,
        sessions,
    )
    from app.flows import register_flows
    from app.wording import terms

    if config.PROXY_FIX_HOPS:
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = config.PROXY_FIX_HOPS
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    logs.init_app(app)
    db.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    sessions.init_app(app)
    htmx.init_app(app)
    Compress(app)
    assets.init_app(app)          # after Compress: its hook must run first
    limits.init_app(app)
    pages.init_app(app)
    faults.init_app(app)
    register_flows(app)
    plans.init_app(app)
    counsellors.init_app(app)
    meetings.init_app(app)
    jobtracks.init_app(app)
    terms.init_app(app)
    _register_optional_cli(app)
    return app


def _register_optional_cli(app: Flask) -> None:
    from app import cli

    cli.init_app(app)
