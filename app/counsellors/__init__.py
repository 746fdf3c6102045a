"""Counsellors: accounts made by an operator (`flask counsellors add|disable|enable|reset`), sign-in
with a password and a TOTP second factor, and a session of their own (cookie
``COUNSELLOR_COOKIE_NAME``, rows in ``counsellor_session``).

For other code: ``current_counsellor()`` and ``@counsellor_required`` (from here).
"""
from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from app.counsellors.accounts import counsellor_required, current_counsellor

__all__ = ["counsellor_required", "current_counsellor", "init_app"]

counsellors_cli = AppGroup("counsellors", help="Counsellor accounts.")


def _db():
    from sqlmodel import Session

    from app.db import get_engine

    return Session(get_engine(), expire_on_commit=False)


def _found(db, email):
    from app.counsellors import accounts

    counsellor = accounts.find(db, email)
    if counsellor is None:
        raise click.ClickException("No counsellor with that email address.")
    return counsellor


@counsellors_cli.command("add")
@click.argument("email")
@click.option("--name", required=True, help="Shown to the person: 'Anna Svensson'.")
@click.option("--organisation", required=True, help="Shown to the person: 'Komvux Västerås'.")
def add_command(email: str, name: str, organisation: str) -> None:
    """Create an account; prints a first password to hand over (the second factor is set up at sign-in)."""
    from app.counsellors import accounts

    with _db() as db:
        try:
            counsellor, password = accounts.add_counsellor(db, email, name, organisation)
        except accounts.AccountError as err:
            raise click.ClickException(str(err)) from None
    click.echo(f"Added {counsellor.email}. First password (shown once): {password}")


@counsellors_cli.command("disable")
@click.argument("email")
def disable_command(email: str) -> None:
    """Stop an account signing in; its sessions end at once."""
    from app.counsellors import accounts

    with _db() as db:
        accounts.disable(db, _found(db, email))
    click.echo(f"Disabled {accounts.normalise_email(email)}.")


@counsellors_cli.command("enable")
@click.argument("email")
def enable_command(email: str) -> None:
    """Let a disabled account sign in again."""
    from app.counsellors import accounts

    with _db() as db:
        accounts.enable(db, _found(db, email))
    click.echo(f"Enabled {accounts.normalise_email(email)}.")


@counsellors_cli.command("reset")
@click.argument("email")
def reset_command(email: str) -> None:
    """A new password and a new second factor (enrolled at the next sign-in); sessions end."""
    from app.counsellors import accounts

    with _db() as db:
        password = accounts.reset(db, _found(db, email))
    click.echo(f"Reset {accounts.normalise_email(email)}. New password (shown once): {password}")


@counsellors_cli.command("list")
def list_command() -> None:
    """Every account, with whether it can sign in."""
    from sqlmodel import select

    from app.counsellors.models import Counsellor

    with _db() as db:
        for c in db.exec(select(Counsellor).order_by(Counsellor.email)):
            state = "disabled" if c.disabled_at else ("active" if c.totp_secret else "not enrolled")
            click.echo(f"{c.email}\t{c.name}\t{c.organisation}\t{state}")


def init_app(app: Flask) -> None:
    from app.counsellors import accounts
    from app.counsellors.routes import bp

    app.register_blueprint(bp)
    app.after_request(accounts.save_cookie)
    app.cli.add_command(counsellors_cli)
