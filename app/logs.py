"""Logs without secrets or personal text, and without floods.

- Request lines (werkzeug, gunicorn) keep the method, the path and the status, but never a query
  string (search terms, resume codes), a share token or share id in a path, or a client address.
- An unhandled exception is logged with the **route pattern** (``/delad/<token>``), the exception's
  class and its frames: never the path, never the exception's message (it may quote what a person
  typed). The same failure again within a minute is one line with a count, not another traceback.
- WeasyPrint's warnings name the characters it could not draw (that is a person's note): the
  characters are dropped, and one such line per minute is enough.
"""
from __future__ import annotations

import logging
import re
import threading
import time
import traceback

from flask import Flask

# Path segments that are secrets: share tokens and share ids; meeting ids (one person's meeting).
_SECRET_PATHS = [
    (re.compile(r"/delad/[^/ ?\"]+"), "/delad/<token>"),
    (re.compile(r"/radgivare/mote/[^/ ?\"]+"), "/radgivare/mote/<meeting_id>"),
    (re.compile(r"/agera/dela/[^/ ?\"]+/"), "/agera/dela/<share_id>/"),
]
_QUERY = re.compile(r"\?[^ \"]*")
_IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9a-fA-F:]*::[0-9a-fA-F:.]*|(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4})(?![\w:])")
_WERKZEUG_CLIENT = re.compile(r"^\S+ - - \[")       # werkzeug puts the client address first
# gunicorn access-log atoms that name the client, or carry the query or headers
_GUNICORN_PERSONAL = {"h", "q", "a", "l", "u"}


def redact(text: str) -> str:
    text = _WERKZEUG_CLIENT.sub("- - - [", text)
    text = _QUERY.sub("", text)
    for pattern, replacement in _SECRET_PATHS:
        text = pattern.sub(replacement, text)
    text = _IPV4.sub("-", text)
    return _IPV6.sub("-", text)


def _redact_value(value):
    return redact(value) if isinstance(value, str) else value


class RedactRequestLines(logging.Filter):
    """Request log lines keep method, path and status; never queries, tokens or client addresses."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, dict):      # gunicorn's access log passes a dict of atoms
            record.args = {k: ("-" if k in _GUNICORN_PERSONAL or k.startswith("{") else _redact_value(v))
                           for k, v in record.args.items()}
        elif record.args and isinstance(record.args, tuple):
            record.args = tuple(_redact_value(a) for a in record.args)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


class OncePerMinute(logging.Filter):
    """Lets the same message template through once a minute (for noisy library warnings), and
    never with its arguments when ``drop_args`` (they carry text from a person's plan)."""

    def __init__(self, drop_args: bool = False, window: float = 60.0):
        super().__init__()
        self.drop_args, self.window = drop_args, window
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        key = str(record.msg)
        now = time.monotonic()
        with self._lock:
            if now - self._seen.get(key, -self.window) < self.window:
                return False
            self._seen[key] = now
        if self.drop_args and record.args:
            record.msg = re.sub(r"%[-#0 +]*\d*(?:\.\d+)?[sdrifxX]", "…", str(record.msg).replace("%%", "%"))
            record.args = None
        return True


class FailureLog:
    """One full record for a failure, one line for each repeat within ``window`` seconds."""

    def __init__(self, logger: logging.Logger, window: float = 60.0):
        self.logger, self.window = logger, window
        self._last: dict[tuple, list] = {}      # key -> [first logged at, repeats since]
        self._lock = threading.Lock()

    def log(self, exc: BaseException, route: str, method: str, *, level: int = logging.ERROR,
            what: str = "Exception") -> None:
        frames = traceback.extract_tb(exc.__traceback__)
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
        key = (type(exc).__name__, route, where)
        now = time.monotonic()
        with self._lock:
            seen = self._last.get(key)
            if seen is not None and now - seen[0] < self.window:
                seen[1] += 1
                repeats = seen[1]
            else:
                self._last[key] = [now, 0]
                repeats = None
        name = f"{type(exc).__module__}.{type(exc).__qualname__}"
        if repeats is not None:
            self.logger.log(level, "%s on %s [%s]: %s again (%d since the full record)",
                            what, route, method, name, repeats)
            return
        stack = "".join(traceback.format_list(frames))
        self.logger.log(level, "%s on %s [%s]: %s (message left out: it may quote what was typed)\n%s",
                        what, route, method, name, stack.rstrip())


class App(Flask):
    """Flask, logging unhandled exceptions by route pattern, without their message, once a minute."""

    def log_exception(self, exc_info) -> None:
        from flask import request

        self.extensions["vagval_failures"].log(exc_info[1], route_of(request), request.method)


def route_of(request) -> str:
    rule = getattr(request, "url_rule", None)
    return rule.rule if rule is not None else "<no route>"


def init_app(app) -> None:
    request_lines = RedactRequestLines()
    for name in ("werkzeug", "gunicorn.access", "gunicorn.error"):
        logging.getLogger(name).addFilter(request_lines)
    weasyprint = logging.getLogger("weasyprint")
    if not any(isinstance(f, OncePerMinute) for f in weasyprint.filters):
        weasyprint.addFilter(OncePerMinute(drop_args=True))
    logging.getLogger("flask-limiter").setLevel(logging.WARNING)   # its breach lines name the IP
    app.extensions["vagval_failures"] = FailureLog(app.logger)
