"""How a fact's source, period and age are said, on every page, the PDF and the shared view.

A fact whose validity period has ended is never presented as current: ``fact()`` adds an
``expired`` sentence in the person's language (e.g. "The forecast was valid until 31 December
2026 – a newer one may be available from Arbetsförmedlingen."), which the ``fact_source`` macro
shows beside the source link. The guide keeps working on the last known figure.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from app import clock
from app.content.freshness import is_expired
from app.i18n import gettext as _
from app.wording.sentences import date_text, period

# What kind of fact it is decides how its age is said (and whom to ask for a newer one).
OUTLOOK, PAY, AMOUNT, RULE, EDUCATION = "outlook", "pay", "amount", "rule", "education"


def expired_text(kind: str | None, valid_to: date) -> str:
    """The sentence that marks a fact whose period has ended, by kind of fact."""
    until = date_text(valid_to)
    if kind == OUTLOOK:
        return _("The forecast was valid until %(date)s – a newer one may be available from Arbetsförmedlingen.",
                 date=until)
    if kind == PAY:
        return _("These pay figures were valid until %(date)s – newer ones may be available from SCB.", date=until)
    if kind == AMOUNT:
        return _("This amount was valid until %(date)s: it is the last known figure – check with the authority.",
                 date=until)
    return _("This was valid until %(date)s – newer information may be available from the source.", date=until)


def freshness(kind: str | None, valid_to: date | None, today: date | None = None) -> str | None:
    """The expiry sentence for a fact valid to ``valid_to``, or None while it is still valid."""
    if not is_expired(valid_to, today or clock.today()):
        return None
    return expired_text(kind, valid_to)


def fact(row: Any, kind: str | None = None, *, today: date | None = None) -> dict | None:
    """A curated fact (a catalogue row or a content ``Fact``) as the ``fact_source`` macro shows it:
    {url, name, period, retrieved, expired}; None for a fact without a source."""
    if row is None or not getattr(row, "source_url", None):
        return None
    valid_from, valid_to = getattr(row, "valid_from", None), getattr(row, "valid_to", None)
    return {"url": row.source_url, "name": getattr(row, "source_name", None) or row.source_url,
            "period": period(valid_from, valid_to, getattr(row, "year", None)),
            "retrieved": date_text(getattr(row, "retrieved", None)),
            "expired": freshness(kind, valid_to, today)}


def money_fact(money: Any, *, today: date | None = None) -> dict | None:
    """The source and period of a plan step's money (``app.engine.plan.Money``) for ``fact_source``:
    marked when the figures' period has ended, or when a figure is the last known one."""
    if money is None or not getattr(money, "source_url", None):
        return None
    expired = freshness(AMOUNT, money.valid_to, today)
    if expired is None and money.stale:
        expired = _("last known figure")
    return {"url": money.source_url, "name": None, "period": period(money.valid_from, money.valid_to, money.year),
            "retrieved": "", "expired": expired}
