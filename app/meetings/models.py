"""A meeting between a person and a counsellor on the person's plan, and what happened in it
(who has looked at a plan is ``app.plans.models.AuditEntry``). Everything lives in the database, so any worker of
any instance serves any request of a meeting."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Integer, String
from sqlmodel import Field, SQLModel

from app.plans.models import utcnow

__all__ = ["Meeting", "MeetingEvent"]


class Meeting(SQLModel, table=True):
    __tablename__ = "meeting"

    id: str = Field(primary_key=True, max_length=32)        # secrets.token_urlsafe(16): 128 random bits
    plan_id: str = Field(sa_column=Column(String(32), ForeignKey("plan.id", ondelete="CASCADE"),
                                          nullable=False, index=True))
    code_hash: str | None = Field(default=None, max_length=64, unique=True, index=True)   # HMAC; until used
    code_expires_at: datetime                  # the code, then the person's answer, must come by this time
    counsellor_id: int | None = Field(default=None, sa_column=Column(
        Integer, ForeignKey("counsellor.id", ondelete="SET NULL"), nullable=True, index=True))
    counsellor_label: str = Field(default="", max_length=300)   # "Anna Svensson, Komvux Västerås", as shown
    state: str = Field(default="invited", max_length=16, index=True)
    # invited → requested → active → ended; requested → declined; invited/requested → expired
    ended_by: str | None = Field(default=None, max_length=16)  # person | counsellor | timeout
    created_at: datetime = Field(default_factory=utcnow)
    requested_at: datetime | None = None
    allowed_at: datetime | None = None
    ended_at: datetime | None = None
    last_activity_at: datetime = Field(default_factory=utcnow)
    version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})   # moves on with every change
    changed_by: str | None = Field(default=None, max_length=16)                 # person | counsellor
    changed_at: datetime | None = None
    person_locale: str = Field(default="sv", max_length=16)    # the summary is saved in it and in Swedish
    # What the big screen may show, as the person chose: "targets", "plan", "profile", "swedish".
    screen: list[str] = Field(default_factory=lambda: ["targets", "plan"], sa_column=Column(JSON, nullable=False))


class MeetingEvent(SQLModel, table=True):
    """One thing that happened in a meeting: a change (which area, by whom), a comment on a step, a
    suggested step and its answer. Deleted with the plan."""

    __tablename__ = "meeting_event"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: str = Field(sa_column=Column(String(32), ForeignKey("meeting.id", ondelete="CASCADE"),
                                             nullable=False, index=True))
    at: datetime = Field(default_factory=utcnow)
    actor: str = Field(max_length=16)            # person | counsellor | system
    kind: str = Field(max_length=24)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
