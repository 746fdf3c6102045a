"""Small shared helpers for writing the catalogue: the version counter and bulk upserts."""
from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import insert, select, update
from sqlmodel import Session, SQLModel

from app.content.models import CatalogueMeta

VERSION_KEY = "version"


def get_version(session: Session) -> str:
    """The catalogue version: changes whenever a load or an import changed something."""
    row = session.get(CatalogueMeta, VERSION_KEY)
    return row.value if row else "0"


def bump_version(session: Session) -> None:
    row = session.get(CatalogueMeta, VERSION_KEY)
    if row is None:
        session.add(CatalogueMeta(key=VERSION_KEY, value="1"))
    else:
        row.value = str(int(row.value or "0") + 1)
        session.add(row)
    session.flush()
    from flask import g, has_request_context

    if has_request_context():                 # a change made within a request: seen at once
        g.pop("_catalogue_versions", None)


def model_defaults(model: type[SQLModel]) -> dict[str, Any]:
    """Python-side defaults of a table model (Core inserts do not apply them)."""
    out = {}
    for name, info in model.model_fields.items():
        if not info.is_required() and info.default is not None and not callable(info.default):
            out[name] = info.default
    return out


def upsert(session: Session, model: type[SQLModel], rows: Iterable[dict], pk: tuple[str, ...]) -> tuple[int, int, int]:
    """Insert missing rows, update changed ones (only the given columns); (added, changed, unchanged)."""
    from sqlalchemy import bindparam

    rows = list(rows)
    if not rows:
        return 0, 0, 0
    table = model.__table__
    columns = list(rows[0])
    existing = {tuple(r[:len(pk)]): tuple(r[len(pk):]) for r in session.execute(
        select(*[table.c[k] for k in pk], *[table.c[c] for c in columns]))}
    defaults = model_defaults(model)
    inserts, updates, unchanged = [], [], 0
    for row in rows:
        key = tuple(row[k] for k in pk)
        current = existing.get(key)
        if current is None:
            inserts.append({**defaults, **row})
        elif current != tuple(row[c] for c in columns):
            updates.append(row)
        else:
            unchanged += 1
    if inserts:
        session.execute(insert(table), inserts)
    if updates:
        non_pk = [c for c in columns if c not in pk]
        stmt = update(table).where(*[table.c[k] == bindparam(f"b_{k}") for k in pk]).values(
            {c: bindparam(f"b_{c}") for c in non_pk})
        session.connection().execute(stmt, [{f"b_{k}": v for k, v in row.items()} for row in updates])
    return len(inserts), len(updates), unchanged


def sync(session: Session, model: type[SQLModel], rows: Iterable[dict], pk: tuple[str, ...],
         scope: dict[str, Any] | None = None) -> tuple[int, int, int, int]:
    """``upsert`` plus removal of rows (optionally only those matching ``scope``) not in ``rows``.

    Returns (added, changed, unchanged, removed).
    """
    from sqlalchemy import delete

    rows = list(rows)
    added, changed, unchanged = upsert(session, model, rows, pk)
    table = model.__table__
    wanted = {tuple(r[k] for k in pk) for r in rows}
    stmt = select(*[table.c[k] for k in pk])
    for col, value in (scope or {}).items():
        stmt = stmt.where(table.c[col] == value)
    stale = [tuple(r) for r in session.execute(stmt) if tuple(r) not in wanted]
    for key in stale:
        session.execute(delete(table).where(*[table.c[k] == v for k, v in zip(pk, key)]))
    return added, changed, unchanged, len(stale)
