"""Work done once per profile version: the ranked cards, a decision basis, a comparison.

A results page ranks 400 occupation groups and words ten cards; a decision basis builds and
words every route to a target. Both depend only on the person's answers, the catalogue, the
page's language and today's date, so the result is kept, keyed by exactly those: a digest of
the answers (any change to any answer is a new key, so every answer invalidates it), the
catalogue read model it was built from (a new catalogue version is a new read model), the
locale and the date. Kept in the worker's memory, bounded (least recently used goes first),
never written anywhere and never keyed by anything that identifies the person; a page is still
sent `Cache-Control: no-store`, so nothing personal is kept in a shared browser.
"""
from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from typing import Callable, TypeVar

from flask_babel import get_locale

from app import clock

T = TypeVar("T")
MAX_ENTRIES = 512

_entries: OrderedDict[tuple, tuple[object, object]] = OrderedDict()
_lock = threading.Lock()


def digest(answers: dict) -> str:
    """A digest of the answers: equal answers, equal digest; any change, another one."""
    text = json.dumps(answers, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def per_profile(kind: str, view: object, answers: dict, build: Callable[[], T], *extra) -> T:
    """``build()`` once per (kind, read model, answers, locale, today, extra)."""
    key = (kind, id(view), digest(answers), str(get_locale() or ""), clock.today().isoformat(), *extra)
    with _lock:
        found = _entries.get(key)
        if found is not None and found[0] is view:       # the same read model, not a reused id
            _entries.move_to_end(key)
            return found[1]  # type: ignore[return-value]
    value = build()
    with _lock:
        _entries[key] = (view, value)
        _entries.move_to_end(key)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value


def clear() -> None:
    with _lock:
        _entries.clear()
