"""Database access: one SQLAlchemy engine per app, one SQLModel session per request.

SQLite (WAL) in the instance folder (``data/``) by default; ``DATABASE_URL`` switches to
PostgreSQL. The schema is owned by Alembic (``migrations/``); ``flask db upgrade`` applies it.
"""
from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app, g
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15},
                               hide_parameters=True)   # answers never reach an error log

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA secure_delete=ON")     # deleted notes are overwritten, not left in free pages
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def get_engine(app: Flask | None = None) -> Engine:
    app = app or current_app
    return app.extensions["vagval_db"]


def get_session() -> Session:
    """The request's session (created on first use, closed at teardown)."""
    if "db_session" not in g:
        g.db_session = Session(get_engine(), expire_on_commit=False)
    return g.db_session


def _close_session(_exc: BaseException | None = None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(url), revision)


@click.group("db")
def db_cli() -> None:
    """Database schema commands."""


@db_cli.command("upgrade")
@click.argument("revision", default="head")
def upgrade_command(revision: str) -> None:
    """Apply Alembic migrations up to REVISION (default: head)."""
    upgrade(current_app.config["DATABASE_URL"], revision)
    click.echo(f"Database at {revision}.")


class ReadOnlyDatabase(RuntimeError):
    pass


def check_writable(engine: Engine) -> None:
    """Refuse to start on a database that cannot be written to (every save would fail); a database
    that does not answer yet is let be (it may come up in a moment, and requests then say 503)."""
    from sqlalchemy import exc, text

    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("PRAGMA busy_timeout = 1000")
                try:
                    # a write that is rolled back: a read-only file, mount or connection refuses it
                    conn.exec_driver_sql("BEGIN")
                    conn.exec_driver_sql("CREATE TABLE _vagval_write_check (x INTEGER)")
                    conn.exec_driver_sql("ROLLBACK")
                except exc.OperationalError as err:
                    if conn.connection.dbapi_connection.in_transaction:
                        conn.exec_driver_sql("ROLLBACK")
                    if _says_read_only(err):
                        raise ReadOnlyDatabase(_READ_ONLY) from None
                    # "locked": another process is writing, so it is writable
                finally:
                    conn.exec_driver_sql("PRAGMA busy_timeout = 15000")
            elif conn.execute(text("SHOW transaction_read_only")).scalar() == "on":
                raise ReadOnlyDatabase(_READ_ONLY)
    except ReadOnlyDatabase:
        raise
    except exc.OperationalError as err:
        if _says_read_only(err):             # e.g. SQLite cannot even switch on its write-ahead log
            raise ReadOnlyDatabase(_READ_ONLY) from None
        import logging

        logging.getLogger(__name__).warning("The database does not answer at start-up; pages say 503 until it does.")


def _says_read_only(err) -> bool:
    text = str(getattr(err, "orig", err)).lower()
    return "readonly" in text or "read-only" in text or "read only" in text


_READ_ONLY = ("The database at DATABASE_URL is read-only: Vägval cannot save anything and will not start. "
              "Check the file's permissions and the disk (SQLite), or that the server is the primary (PostgreSQL).")


def checkpoint(session: Session) -> None:
    """SQLite: move the write-ahead log into the database file and empty it, so deleted rows do not
    linger in vagval.sqlite3-wal (secure_delete then overwrites them in the file)."""
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def init_app(app: Flask) -> None:
    url = app.config["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///").split("?")[0].removeprefix("file:")).parent.mkdir(
            parents=True, exist_ok=True)
    app.extensions["vagval_db"] = engine = make_engine(url)
    try:
        check_writable(engine)
    except ReadOnlyDatabase:
        engine.dispose()
        raise
    app.teardown_appcontext(_close_session)
    app.cli.add_command(db_cli)
