"""The person's anonymous plan: who they are is never stored, only what they answered."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, String
from sqlmodel import Field, SQLModel

__all__ = ["AuditEntry", "Plan", "PlanAnswer", "Share", "utcnow"]


def utcnow() -> datetime:
    """Aware UTC: SQLModel stores it as UTC on SQLite and PostgreSQL alike."""
    return datetime.now(timezone.utc)


class Plan(SQLModel, table=True):
    __tablename__ = "plan"

    id: str = Field(primary_key=True, max_length=32)     # secrets.token_urlsafe(16): 128 random bits
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, index=True)
    # HMAC of the resume code; the code itself is shown once and never stored.
    resume_code_hash: str | None = Field(default=None, max_length=64, unique=True, index=True)
    resume_code_expires_at: datetime | None = None
    # Bumped by "forget me on this device" and by a new resume: a cookie carrying an older
    # generation no longer opens the plan (copies of the cookie are revoked with it).
    session_generation: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class PlanAnswer(SQLModel, table=True):
    """One question's answer (or an unfinished draft of it) as JSON."""

    __tablename__ = "plan_answer"

    plan_id: str = Field(sa_column=Column(String(32), ForeignKey("plan.id", ondelete="CASCADE"),
                                          primary_key=True))
    step: str = Field(primary_key=True, max_length=80)        # "inventera.swedish"
    is_draft: bool = Field(default=False, primary_key=True)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow)
    # When the person last pressed "Save and continue" (not an autosave): autosaves composed on a
    # page shown before that are stale and never replace the answer.
    submitted_at: datetime | None = None


class Share(SQLModel, table=True):
    """A read-only link to a plan that its owner chose to share (consent: how long, with notes or not).

    The id is the link's secret (``secrets.token_urlsafe(16)``: 128 random bits). Revoked or expired
    shares are kept until the plan goes, so the link can say "no longer shared" instead of "not found".
    """

    __tablename__ = "share"

    id: str = Field(primary_key=True, max_length=32)
    plan_id: str = Field(sa_column=Column(String(32), ForeignKey("plan.id", ondelete="CASCADE"),
                                          nullable=False, index=True))
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    revoked_at: datetime | None = None
    last_opened_at: datetime | None = None
    include_notes: bool = False
    include_profile: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})   # own consent

    def state(self, now: datetime | None = None) -> str:
        """"active", "revoked" or "expired"."""
        now = now or utcnow()
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if _aware(self.expires_at) <= now else "active"


class AuditEntry(SQLModel, table=True):
    """Who has seen the plan: each request a counsellor makes in a meeting, each opening of a share
    link. The person reads it on "Who has seen my plan"; it goes with the plan."""

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: str = Field(sa_column=Column(String(32), ForeignKey("plan.id", ondelete="CASCADE"),
                                          nullable=False, index=True))
    at: datetime = Field(default_factory=utcnow)
    via: str = Field(max_length=16)              # meeting | share
    who: str = Field(default="", max_length=300)  # the counsellor as shown to the person; "" for a link
    meeting_id: str | None = Field(default=None, max_length=32)
    action: str = Field(max_length=16)           # viewed | changed | opened
    area: str = Field(default="", max_length=40)  # upptacka | inventera | besluta | agera | meeting | start


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes: they are UTC."""
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
