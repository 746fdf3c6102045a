"""The person's anonymous plan: models, store, and the `flask plans` commands."""
from __future__ import annotations

from datetime import timedelta

import click
from flask import Flask, current_app
from flask.cli import AppGroup

plans_cli = AppGroup("plans", help="Anonymous plans.")


@plans_cli.command("purge")
@click.option("--days", type=int, default=None, help="Untouched for this many days (default PLAN_RETENTION_DAYS).")
def purge_command(days: int | None) -> None:
    """Delete plans nobody has touched for DAYS days, with everything in them."""
    from sqlmodel import Session

    from app.db import get_engine
    from app.plans.store import purge_untouched

    days = days if days is not None else current_app.config["PLAN_RETENTION_DAYS"]
    with Session(get_engine()) as db:
        count = purge_untouched(db, timedelta(days=days))
    click.echo(f"Deleted {count} plan(s) untouched for {days} days.")


def init_app(app: Flask) -> None:
    app.cli.add_command(plans_cli)
    app.jinja_env.globals["shown_at"] = shown_at


def shown_at() -> str:
    """When this page was shown (one time per request): its autosaves carry it (store.superseded)."""
    from flask import g

    from app.plans.models import utcnow

    if "shown_at" not in g:
        g.shown_at = utcnow().isoformat()
    return g.shown_at
