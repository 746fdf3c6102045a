"""Content fixtures: one real database per backend (SQLite file, local PostgreSQL), migrated,
with the curated default loaded and the real JobTech exports imported once per session."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from flask import Flask
from sqlmodel import Session

from app.content.cli import init_app
from app.content.importers.jobtech import import_jobtech
from app.content.load import load_curated
from app.db import init_app as db_init_app
from app.db import make_engine, upgrade
from tests.conftest import make_database_url

JOBTECH_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "jobtech"


@pytest.fixture(scope="session")
def jobtech_dir() -> Path:
    assert (JOBTECH_DIR / "skills.json").is_file(), f"JobTech exports not found in {JOBTECH_DIR}"
    return JOBTECH_DIR


@pytest.fixture(scope="session")
def content():
    from app.content.loaders import CONTENT_DIR, check

    parsed, _problems = check(CONTENT_DIR)
    return parsed


_make_url = make_database_url


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db_url(request, tmp_path_factory):
    """A freshly migrated, empty database (one per test)."""
    url, drop = _make_url(request.param, tmp_path_factory)
    upgrade(url)
    yield url
    drop()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def catalogue_engine(request, tmp_path_factory, jobtech_dir, content):
    """Migrated, curated default loaded, full taxonomy imported (once per backend per session)."""
    url, drop = _make_url(request.param, tmp_path_factory)
    upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session:
        load_curated(session, content)
        import_jobtech(session, jobtech_dir)
    yield engine
    engine.dispose()
    drop()


@pytest.fixture(scope="session")
def sqlite_catalogue_engine(tmp_path_factory, jobtech_dir, content):
    url, _drop = _make_url("sqlite", tmp_path_factory)
    upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session:
        load_curated(session, content)
        import_jobtech(session, jobtech_dir)
    yield engine
    engine.dispose()


def make_cli_app(database_url: str) -> Flask:
    """A minimal app with the db layer and the content CLI (not the whole create_app)."""
    app = Flask("content_test")
    app.config["DATABASE_URL"] = database_url
    db_init_app(app)
    init_app(app)
    return app


@pytest.fixture
def copy_exports(tmp_path, jobtech_dir):
    def copy() -> Path:
        target = tmp_path / "exports"
        shutil.copytree(jobtech_dir, target)
        return target
    return copy


@pytest.fixture(name="make_cli_app")
def make_cli_app_fixture():
    """Build minimal CLI apps; their engines are disposed after the test."""
    apps = []

    def make(database_url: str) -> Flask:
        app = make_cli_app(database_url)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["vagval_db"].dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def imported_db_url(request, tmp_path_factory, jobtech_dir):
    """Migrated with only the JobTech import (shared by tests that must leave it unchanged)."""
    url, drop = _make_url(request.param, tmp_path_factory)
    upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session:
        import_jobtech(session, jobtech_dir)
    engine.dispose()
    yield url
    drop()
