"""Honest behaviour in faults.

- The database (or the rate-limit store) is unavailable, or the disk is full: **503** with
  ``Retry-After``, and what the person just typed stays on the page: a question is shown again with
  their answer in it and a message saying so; any other form comes back as a "try again" page that
  carries everything they sent (nothing is saved, nothing is lost).
- Such failures are logged as one line each after the first full record (``app.logs.FailureLog``).
- The app refuses to start on a read-only database (see ``app.db.check_writable``).
"""
from __future__ import annotations

import logging

from flask import Flask, g, render_template, request
from flask_babel import lazy_gettext as _l
from sqlalchemy import exc as sa_exc

from app.logs import route_of

RETRY_AFTER = "30"
KEPT_MESSAGE = _l("We could not save just now, so nothing was changed. What you typed is kept on this page: "
                  "try again in a minute.")


def unavailable_errors() -> tuple[type[BaseException], ...]:
    """Errors that mean "the service is down for a moment", not "this request is wrong"."""
    errors: list[type[BaseException]] = [sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.InternalError,
                                         sa_exc.TimeoutError]
    try:
        from limits.errors import StorageError

        errors.append(StorageError)
    except ImportError:  # pragma: no cover
        pass
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError

        errors += [RedisConnectionError, RedisTimeoutError]
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


def _forget_the_session() -> None:
    session = g.pop("db_session", None)
    if session is not None:
        try:
            session.rollback()
            session.close()
        except Exception:        # the connection is gone with the database: nothing to roll back
            pass


def _typed() -> list[tuple[str, str]]:
    """What was sent, to send again: every text field (not the files, not the CSRF token)."""
    return [(k, v) for k, values in request.form.lists() for v in values if k != "csrf_token"]


def _step_again(message):
    """The question just answered, with the answer in it, or None when it cannot be rebuilt."""
    from flask import current_app

    from app.flows.wizard import bind_form, step_context

    name, _dot, view = (request.endpoint or "").partition(".")
    flow = getattr(current_app.blueprints.get(name), "flow", None)
    key = (request.view_args or {}).get("key")
    step = next((s for s in flow.steps if s.key == key), None) if flow is not None else None
    if step is None or view != "step" or step.view is not None:
        return None
    try:
        form = bind_form(flow, step, None, formdata=request.form)
    except unavailable_errors():            # what the form knows beyond its answer needs the database
        _forget_the_session()
        form = step.form(formdata=request.form)
    form.form_errors.append(message)
    return render_template(step.template, **step_context(flow, step, form))


def unavailable_response(error: BaseException):
    _forget_the_session()
    from flask import current_app

    current_app.extensions["vagval_failures"].log(error, route_of(request), request.method,
                                                  level=logging.ERROR, what="Unavailable")
    headers = {"Retry-After": RETRY_AFTER, "Cache-Control": "no-store"}
    body = None
    if request.method == "POST":
        try:
            body = _step_again(KEPT_MESSAGE)
        except Exception:                   # the page needs the database too: the plain page below
            _forget_the_session()
            body = None
    if body is None:
        body = render_template("errors/unavailable.html", page_heading=_l("We cannot save your answers right now"),
                               typed=_typed() if request.method == "POST" else [],
                               action=request.full_path.rstrip("?"), had_files=bool(request.files),
                               message=KEPT_MESSAGE if request.method == "POST" else
                               _l("Your saved answers are safe. Try again in a minute."))
    return body, 503, headers


def init_app(app: Flask) -> None:
    for error in unavailable_errors():
        app.register_error_handler(error, unavailable_response)
