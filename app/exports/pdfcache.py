"""Made PDFs, kept until the plan changes: the same plan, notes, progress, language and day give
the same file, so asking again costs nothing. Small (a few MB at most), per process, thread safe."""
from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from typing import Any


class PdfCache:
    def __init__(self, size: int = 32):
        self.size = size
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(*parts: Any) -> str:
        """A digest of everything the PDF shows: it changes whenever the plan does."""
        return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
            return body

    def put(self, key: str, body: bytes) -> None:
        with self._lock:
            self._items[key] = body
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
