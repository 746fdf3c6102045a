"""The catalogue migration matches the models and can be downgraded."""
from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.content import models as content_models
from app.db import alembic_config, upgrade

CONTENT_TABLES = {getattr(content_models, name).__tablename__ for name in content_models.__all__}


def test_migration_matches_models_and_downgrades(empty_db_url):
    engine = sa.create_engine(empty_db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert [d for d in diff if CONTENT_TABLES & set(map(str, _tables(d)))] == []
    assert CONTENT_TABLES <= set(sa.inspect(engine).get_table_names())
    engine.dispose()
    command.downgrade(alembic_config(empty_db_url), "20261123_01_plans")
    engine = sa.create_engine(empty_db_url)
    assert not CONTENT_TABLES & set(sa.inspect(engine).get_table_names())
    engine.dispose()
    upgrade(empty_db_url)


def _tables(diff) -> list[str]:
    out = []
    for item in diff if isinstance(diff, list) else [diff]:
        for part in item if isinstance(item, tuple) else (item,):
            name = getattr(part, "name", None) if not isinstance(part, str) else part
            if name:
                out.append(name)
            table = getattr(part, "table", None)
            if table is not None:
                out.append(table.name)
    return out
