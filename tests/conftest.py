"""Shared fixtures: a real database (SQLite file, and the local PostgreSQL when it answers),
an app per test on it, a client, and a page-invariant checker (A5 client_request)."""
from __future__ import annotations

import os
import re
import secrets
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from app import create_app
from app.config import Config
from app.db import get_engine, upgrade

pytest_plugins = ["tests.counsellor_fixtures"]     # counsellor accounts, for tests/counsellors and tests/meetings

REPO = Path(__file__).resolve().parents[1]
SHARED_JOBTECH = REPO.parent / "shared" / "jobtech"
PG_ADMIN_URL = os.environ.get("TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI") == "true"


def _pg_available() -> bool:
    try:
        engine = sa.create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


def make_database_url(kind: str, tmp_path_factory):
    """A new empty database of `kind` ("sqlite" or "postgresql"): (url, drop). PostgreSQL is a
    throwaway database on the local server, required in CI, skipped elsewhere if it is down."""
    if kind == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'vagval.sqlite3'}", lambda: None
    if not _pg_available():
        if IN_CI:
            pytest.fail("PostgreSQL at 127.0.0.1:5432 does not answer (required in CI)")
        pytest.skip("PostgreSQL does not answer")
    name = f"vagval_t_{secrets.token_hex(6)}"
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}", drop


@pytest.fixture(scope="session")
def postgresql_database_url(tmp_path_factory):
    """A throwaway PostgreSQL database for the session, migrated to head."""
    url, drop = make_database_url("postgresql", tmp_path_factory)
    upgrade(url)
    yield url
    drop()


@pytest.fixture(scope="session")
def sqlite_database_url(tmp_path_factory):
    url, _drop = make_database_url("sqlite", tmp_path_factory)
    upgrade(url)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request):
    """Database tests run on both engines."""
    return request.getfixturevalue(f"{request.param}_database_url")


def load_catalogue(url: str) -> None:
    """Migrate `url`, load the curated default and import the real JobTech exports."""
    from sqlmodel import Session

    from app.content.importers.jobtech import import_jobtech
    from app.content.load import load_curated
    from app.content.loaders import CONTENT_DIR, check
    from app.db import make_engine

    assert (SHARED_JOBTECH / "skills.json").is_file(), f"JobTech exports not found in {SHARED_JOBTECH}"
    upgrade(url)
    engine = make_engine(url)
    content, _problems = check(CONTENT_DIR)
    with Session(engine) as session:
        load_curated(session, content)
        import_jobtech(session, SHARED_JOBTECH)
    engine.dispose()


@pytest.fixture(scope="session")
def catalogue_url(tmp_path_factory):
    """A SQLite database with the curated default and the full taxonomy (built once)."""
    url, _drop = make_database_url("sqlite", tmp_path_factory)
    load_catalogue(url)
    return url


@pytest.fixture
def cclient(create_app_for, catalogue_url):
    """A client on the app with the real catalogue."""
    return create_app_for(catalogue_url).test_client()


def make_config(database_url: str, **overrides) -> Config:
    settings = dict(SECRET_KEY="test-secret-" + "x" * 20, DATABASE_URL=database_url, TESTING=True,
                    RATELIMIT_STORAGE_URI="memory://")
    settings.update(overrides)
    return replace(Config(), **settings)


@pytest.fixture
def create_app_for(sqlite_database_url):
    """Factory: an app on a given database (default: the session's SQLite file)."""
    apps = []

    def _create(database_url: str | None = None, **overrides):
        app = create_app(make_config(database_url or sqlite_database_url, **overrides))
        apps.append(app)
        return app
    yield _create
    for app in apps:
        get_engine(app).dispose()


@pytest.fixture
def app(create_app_for):
    return create_app_for()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(client, url: str) -> str:
    html = client.get(url).get_data(as_text=True)
    return CSRF_RE.search(html).group(1)
