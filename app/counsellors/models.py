"""Counsellor accounts and their server-side sessions (created by an operator, never by sign-up)."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from app.plans.models import utcnow

__all__ = ["Counsellor", "CounsellorSession", "aware"]


def aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes: they are UTC."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class Counsellor(SQLModel, table=True):
    __tablename__ = "counsellor"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)     # lower-cased
    name: str = Field(max_length=120)
    organisation: str = Field(max_length=160)
    password_hash: str = Field(max_length=255)                       # argon2id, PHC string
    # The TOTP secret, sealed with SECRET_KEY (app.sessions.seal); None until enrolled.
    totp_secret: str | None = Field(default=None, max_length=255)
    totp_last_step: int = Field(default=0, sa_column_kwargs={"server_default": "0"})   # no code twice
    created_at: datetime = Field(default_factory=utcnow)
    disabled_at: datetime | None = None


class CounsellorSession(SQLModel, table=True):
    """One sign-in. The cookie holds a random token; only its SHA-256 is stored here, so signing
    out (or an operator's disable/reset) ends the session on the server for every copy of the cookie."""

    __tablename__ = "counsellor_session"

    id: str = Field(primary_key=True, max_length=64)                 # sha256 hex of the cookie token
    counsellor_id: int = Field(sa_column=Column(Integer, ForeignKey("counsellor.id", ondelete="CASCADE"),
                                                nullable=False, index=True))
    stage: str = Field(max_length=16)            # "password" (second factor asked) | "enrol" | "active"
    pending_secret: str | None = Field(default=None, max_length=255)  # sealed; while enrolling
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    ended_at: datetime | None = None
    # The meeting this counsellor is working in (app.meetings checks it on every request).
    meeting_id: str | None = Field(default=None, max_length=32)
