"""The person's anonymous plan: who they are is never stored, only what they answered."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, String
from sqlmodel import Field, SQLModel

__all__ = ["Plan", "PlanAnswer", "utcnow"]


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


class PlanAnswer(SQLModel, table=True):
    """One question's answer (or an unfinished draft of it) as JSON."""

    __tablename__ = "plan_answer"

    plan_id: str = Field(sa_column=Column(String(32), ForeignKey("plan.id", ondelete="CASCADE"),
                                          primary_key=True))
    step: str = Field(primary_key=True, max_length=80)        # "inventera.swedish"
    is_draft: bool = Field(default=False, primary_key=True)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow)
