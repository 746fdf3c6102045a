"""One process-wide cache for everything built from the catalogue tables (the read model in
``catalogue.py``, the search index in ``search.py``): per database and read model, rebuilt when
the catalogue version changes (``flask content load``/``import-jobtech`` bump it)."""
from __future__ import annotations

import threading
from typing import Callable, TypeVar

from sqlalchemy import select
from sqlmodel import Session

from app.content.models import CatalogueMeta

T = TypeVar("T")

_cache: dict[tuple[str, str], tuple[str, object]] = {}
_lock = threading.Lock()


def version(session: Session) -> str:
    """The catalogue version, read from the database (never from the session's cache) once per
    request: a page asks for the read model a dozen times, and a load between two of those
    asks is seen by the next request."""
    from flask import g, has_request_context

    key = str(session.get_bind().url)
    seen = g.setdefault("_catalogue_versions", {}) if has_request_context() else None
    if seen is not None and key in seen:
        return seen[key]
    value = session.execute(select(CatalogueMeta.value).where(CatalogueMeta.key == "version")).scalar() or "0"
    if seen is not None:
        seen[key] = value
    return value


def versioned(session: Session, name: str, build: Callable[[Session], T]) -> T:
    """``build(session)`` once per database, ``name`` and catalogue version."""
    key = (str(session.get_bind().url), name)
    current = version(session)
    cached = _cache.get(key)
    if cached is not None and cached[0] == current:
        return cached[1]  # type: ignore[return-value]
    with _lock:
        cached = _cache.get(key)
        if cached is None or cached[0] != current:
            cached = _cache[key] = (current, build(session))
        return cached[1]  # type: ignore[return-value]


def invalidate() -> None:
    _cache.clear()
