"""The one place the app asks for today's date.

Every page that judges time (a fact's validity, a step's start, what is due this week) calls
``clock.today()`` through the module, so a test can set the clock for a whole request with
``monkeypatch.setattr(app.clock, "today", ...)`` and see what a person would see on that day.
"""
from __future__ import annotations

from datetime import date


def today() -> date:
    return date.today()
