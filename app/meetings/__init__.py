"""The joint meeting (issue 15): a counsellor and a person work on the person's plan together,
live, with the person in control. ``store`` holds every state change, ``access`` the checks on
every request, ``routes`` the person's pages, ``counsellor_routes`` the counsellor's, ``views`` what
both screens show. See docs/ARCHITECTURE.md ("The joint meeting") and docs/SECURITY.md §10."""
from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from app.meetings import access, counsellor_routes, routes, store, views

    if views.save_summary_after_timeout not in store.ON_TIMED_OUT:
        store.ON_TIMED_OUT.append(views.save_summary_after_timeout)
    access.init_app(app)
    routes.init_app(app)
    counsellor_routes.init_app(app)
