"""Sharing a plan by consent: read-only links that expire, can be revoked, and die with the plan.

The person chooses how long (1–90 days, default 30) and whether their own notes are included.
A link's token is the share's id (128 random bits); nothing else identifies the plan in it.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import select

from app.db import get_session
from app.plans.models import AuditEntry, Plan, Share, utcnow

DEFAULT_DAYS, MIN_DAYS, MAX_DAYS = 30, 1, 90
TOKEN_MAX = 64          # longer is never a token: answer without touching the database


@dataclass(frozen=True)
class Opened:
    """What a shared link shows: its state, and the plan only while the share is active."""

    state: str                   # "active" | "revoked" | "expired" | "unknown"
    share: Share | None = None
    plan: Plan | None = None


def create_share(plan: Plan, days: int = DEFAULT_DAYS, include_notes: bool = False,
                 include_profile: bool = False) -> Share:
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise ValueError(f"days must be {MIN_DAYS}–{MAX_DAYS}")
    now = utcnow()
    share = Share(id=secrets.token_urlsafe(16), plan_id=plan.id, created_at=now,
                  expires_at=now + timedelta(days=days), include_notes=include_notes,
                  include_profile=include_profile)
    db = get_session()
    db.add(share)
    db.commit()
    return share


def refusal(plan: Plan) -> str | None:
    """Why a new share cannot be made now: "too_many" active links (MAX_SHARES_PER_PLAN), or
    "too_fast" (RATELIMIT_SHARE_CREATE for this plan); None when it can. Counts the attempt."""
    from flask import current_app

    from app import limits

    if len(shares_for(plan)) >= current_app.config["MAX_SHARES_PER_PLAN"]:
        return "too_many"
    if not limits.hit(current_app.config["RATELIMIT_SHARE_CREATE"], "share-create", plan.id):
        return "too_fast"
    return None


def shares_for(plan: Plan | None, *, active_only: bool = True) -> list[Share]:
    if plan is None:
        return []
    rows = get_session().exec(select(Share).where(Share.plan_id == plan.id).order_by(Share.created_at)).all()
    return [s for s in rows if s.state() == "active"] if active_only else list(rows)


def latest_active(plan: Plan | None) -> Share | None:
    active = shares_for(plan)
    return active[-1] if active else None


def revoke_share(plan: Plan, share_id: str) -> bool:
    """Stop a share at once. Only the plan's own shares; False if there is no such share."""
    db = get_session()
    share = db.get(Share, share_id)
    if share is None or share.plan_id != plan.id:
        return False
    if share.revoked_at is None:
        share.revoked_at = utcnow()
        db.add(share)
        db.commit()
    return True


def open_share(token: str) -> Opened:
    """Look up a shared link; an active one records when it was last opened."""
    if not token or len(token) > TOKEN_MAX:
        return Opened("unknown")
    db = get_session()
    share = db.get(Share, token)
    if share is None:
        return Opened("unknown")
    state = share.state()
    if state != "active":
        return Opened(state, share)
    plan = db.get(Plan, share.plan_id)
    if plan is None:
        return Opened("unknown")
    share.last_opened_at = utcnow()
    db.add(share)
    db.add(AuditEntry(plan_id=plan.id, at=share.last_opened_at, via="share", action="opened", area="share"))
    db.commit()
    return Opened("active", share, plan)
