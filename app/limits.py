"""Rate limits (Flask-Limiter) whose counters every worker shares.

Where guessing is possible (resume codes, share links) and where an action is costly (the PDF,
creating shares). Counters live in the app's own database by default (``RATELIMIT_STORAGE_URI``
empty: table ``rate_limit``), or in Redis (``redis://…``); ``memory://`` counts per process and is
refused when more than one worker serves the app (gunicorn.conf.py tells the app how many).

Keys are the client address (behind a proxy, set ``PROXY_FIX_HOPS`` to the number of proxies you
run, never more: see docs/SECURITY.md), and for resume codes also one key for everyone, so the
number of guesses is bounded whatever addresses they come from.
"""
from __future__ import annotations

import contextlib
import os
import random
import time
from pathlib import Path

import sqlalchemy as sa
from flask import current_app, has_app_context
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse_many
from limits.storage import Storage
from sqlmodel import Field, SQLModel

DB_STORAGE_URI = "vagval+db://"
limiter = Limiter(key_func=get_remote_address, default_limits=[])


class RateLimitCounter(SQLModel, table=True):
    """One fixed-window counter: ``key`` is the limit and who it counts, ``expires_at`` a Unix time."""

    __tablename__ = "rate_limit"

    key: str = Field(primary_key=True, max_length=255)
    count: int = 0
    expires_at: float = Field(index=True)


class DatabaseStorage(Storage):
    """A `limits` storage in the app's database: one atomic upsert per hit, on SQLite and PostgreSQL."""

    STORAGE_SCHEME = ["vagval+db"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def base_exceptions(self):
        return sa.exc.SQLAlchemyError

    @staticmethod
    def _engine():
        from app.db import get_engine

        return get_engine(current_app)

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        now = time.time()
        table = RateLimitCounter.__table__
        with self._engine().begin() as conn:
            dialect = conn.dialect.name
            if dialect == "postgresql":
                from sqlalchemy.dialects.postgresql import insert
            else:
                from sqlalchemy.dialects.sqlite import insert
            stmt = insert(table).values(key=key, count=amount, expires_at=now + expiry)
            stale = table.c.expires_at <= now
            stmt = stmt.on_conflict_do_update(index_elements=["key"], set_={
                "count": sa.case((stale, amount), else_=table.c.count + amount),
                "expires_at": sa.case((stale, now + expiry), else_=table.c.expires_at),
            }).returning(table.c.count)
            count = conn.execute(stmt).scalar_one()
            if random.random() < 0.01:          # now and then, forget windows long gone
                conn.execute(table.delete().where(table.c.expires_at < now - 3600))
        return count

    def get(self, key: str) -> int:
        table = RateLimitCounter.__table__
        with self._engine().connect() as conn:
            row = conn.execute(sa.select(table.c.count).where(table.c.key == key,
                                                              table.c.expires_at > time.time())).first()
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        table = RateLimitCounter.__table__
        with self._engine().connect() as conn:
            row = conn.execute(sa.select(table.c.expires_at).where(table.c.key == key)).first()
        return row[0] if row and row[0] > time.time() else time.time()

    def check(self) -> bool:
        if not has_app_context():
            return True
        with self._engine().connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        return True

    def reset(self) -> int | None:
        with self._engine().begin() as conn:
            return conn.execute(RateLimitCounter.__table__.delete()).rowcount

    def clear(self, key: str) -> None:
        table = RateLimitCounter.__table__
        with self._engine().begin() as conn:
            conn.execute(table.delete().where(table.c.key == key))


def workers() -> int:
    """How many processes serve the app: gunicorn.conf.py sets VAGVAL_WORKERS; WEB_CONCURRENCY too."""
    for name in ("VAGVAL_WORKERS", "WEB_CONCURRENCY"):
        value = os.environ.get(name, "")
        if value.isdigit():
            return int(value)
    return 1


class SharedCountersRequired(RuntimeError):
    pass


def check_storage(uri: str, n_workers: int) -> None:
    if uri.startswith("memory://") and n_workers > 1:
        raise SharedCountersRequired(
            f"RATELIMIT_STORAGE_URI=memory:// counts in each process, and {n_workers} workers would each "
            "allow the full limit. Leave RATELIMIT_STORAGE_URI empty (the database keeps the counters) "
            "or set it to redis://…")


def storage_uri(config) -> str:
    return config.get("RATELIMIT_STORAGE_URI") or DB_STORAGE_URI


def hit(limit: str, *identifiers: str) -> bool:
    """Count one costly action against ``limit`` ("6 per minute;30 per hour") for ``identifiers``;
    False when any window is full (then nothing more is counted). For actions inside a view."""
    strategy = limiter.limiter
    items = parse_many(limit)
    if not all(strategy.test(item, "vagval", *identifiers) for item in items):
        return False
    return all([strategy.hit(item, "vagval", *identifiers) for item in items])


@contextlib.contextmanager
def exclusive(name: str):
    """One at a time across the workers on this machine (a non-blocking file lock in the
    instance folder): yields False when another worker holds it. For work so costly that two at
    once would leave no worker for pages (making a PDF)."""
    import fcntl

    folder = Path(current_app.instance_path) / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{name}.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _warn_about_a_proxy_once(app):
    """Behind a proxy with PROXY_FIX_HOPS=0 every client has the proxy's address: one key for all."""
    warned = []

    def check():
        from flask import request

        if not warned and "X-Forwarded-For" in request.headers:
            warned.append(True)
            app.logger.warning("Requests carry X-Forwarded-For but PROXY_FIX_HOPS=0: rate limits see the "
                               "proxy's address for everyone. Set PROXY_FIX_HOPS to the number of proxies "
                               "in front (docs/SECURITY.md).")
    return check


def init_app(app) -> None:
    uri = storage_uri(app.config)
    check_storage(uri, workers())
    app.config["RATELIMIT_STORAGE_URI"] = uri
    limiter.init_app(app)
    if not app.config.get("PROXY_FIX_HOPS"):
        app.before_request(_warn_about_a_proxy_once(app))


def allowed(limit: str, *identifiers: str) -> bool:
    """Whether every window of ``limit`` still has room for ``identifiers`` (nothing is counted)."""
    strategy = limiter.limiter
    return all(strategy.test(item, "vagval", *identifiers) for item in parse_many(limit))


def count(limit: str, *identifiers: str) -> None:
    """Count one attempt (a failed sign-in) against every window of ``limit``."""
    strategy = limiter.limiter
    for item in parse_many(limit):
        strategy.hit(item, "vagval", *identifiers)
