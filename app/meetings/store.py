"""Meetings: the only code that reads or writes them (states, codes, timeouts, changes, audit).

States: ``invited`` (a code shown, valid MEETING_CODE_MINUTES) → ``requested`` (a counsellor entered
it; the person is asked, again within MEETING_CODE_MINUTES) → ``active`` (allowed) → ``ended`` (by
either side, or after MEETING_MAX_MINUTES in all or MEETING_IDLE_MINUTES without a request).
``requested`` → ``declined``; ``invited``/``requested`` → ``expired``. Timeouts are applied when a
meeting is read (``refresh``), so no process needs a timer and every instance agrees.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlmodel import select

from app.counsellors.models import Counsellor, aware
from app.db import get_session
from app.meetings.models import Meeting, MeetingEvent
from app.plans.models import AuditEntry, Plan, utcnow
from app.plans.store import CODE_ALPHABET

CODE_LENGTH = 8
LIVE = ("invited", "requested", "active")
TOUCH_SECONDS = 30
MAX_COMMENT = 1000
MAX_SUGGESTION = 120


def now() -> datetime:
    """The meetings' clock (tests move it)."""
    return utcnow()


@dataclass(frozen=True)
class Invite:
    meeting: Meeting
    code: str            # "ABCD-EFGH", shown to the person (and read aloud) only


def _db():
    return get_session()


def _minutes(name: str) -> timedelta:
    return timedelta(minutes=current_app.config[name])


def _code_hash(code: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, b"meeting|" + code.encode(), hashlib.sha256).hexdigest()


def normalise_code(raw: str) -> str | None:
    code = "".join(ch for ch in (raw or "")[:40].upper() if ch not in " -\t")
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


def format_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def _event(meeting: Meeting, actor: str, kind: str, **detail) -> MeetingEvent:
    event = MeetingEvent(meeting_id=meeting.id, at=now(), actor=actor, kind=kind, detail=detail)
    _db().add(event)
    return event


def _bump(meeting: Meeting, actor: str) -> None:
    """A new version: the other screen reloads (or its bar says so). ``actor``: person | counsellor | system."""
    meeting.version += 1
    meeting.changed_by, meeting.changed_at = actor, now()


def _finish(meeting: Meeting, state: str, by: str) -> None:
    meeting.state, meeting.ended_by, meeting.ended_at = state, by, now()
    meeting.code_hash = None
    _bump(meeting, by if by != "timeout" else "system")
    _event(meeting, by if by != "timeout" else "system", state)


# --- the person's side ----------------------------------------------------------------------------------

def invite(plan: Plan) -> Invite:
    """A new meeting code for the plan; any meeting still live on it ends."""
    db = _db()
    for old in db.exec(select(Meeting).where(Meeting.plan_id == plan.id, Meeting.state.in_(LIVE))):
        _finish(old, "ended" if old.state == "active" else "expired", "person")
    for _ in range(5):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if db.exec(select(Meeting.id).where(Meeting.code_hash == _code_hash(code))).first() is None:
            break
    meeting = Meeting(id=secrets.token_urlsafe(16), plan_id=plan.id, code_hash=_code_hash(code),
                      code_expires_at=now() + _minutes("MEETING_CODE_MINUTES"), created_at=now(),
                      last_activity_at=now())
    db.add(meeting)
    _event(meeting, "person", "invited")
    db.commit()
    return Invite(meeting=meeting, code=format_code(code))


def live_for_plan(plan: Plan | None) -> Meeting | None:
    """The plan's meeting that is not over, if any (timeouts applied)."""
    if plan is None:
        return None
    meeting = _db().exec(select(Meeting).where(Meeting.plan_id == plan.id, Meeting.state.in_(LIVE))
                         .order_by(Meeting.created_at.desc())).first()
    return refresh(meeting) if meeting else None


def latest_for_plan(plan: Plan | None) -> Meeting | None:
    if plan is None:
        return None
    meeting = _db().exec(select(Meeting).where(Meeting.plan_id == plan.id)
                         .order_by(Meeting.created_at.desc())).first()
    return refresh(meeting) if meeting else None


def allow(meeting: Meeting) -> bool:
    if refresh(meeting).state != "requested":
        return False
    meeting.state, meeting.allowed_at, meeting.last_activity_at = "active", now(), now()
    _bump(meeting, "person")
    _event(meeting, "person", "allowed")
    _db().add(meeting)
    _db().commit()
    return True


def decline(meeting: Meeting) -> bool:
    if refresh(meeting).state != "requested":
        return False
    _finish(meeting, "declined", "person")
    _db().add(meeting)
    _db().commit()
    return True


def end(meeting: Meeting, by: str) -> bool:
    """Either side ends the meeting: the counsellor's next request answers "this meeting has ended"."""
    if refresh(meeting).state not in LIVE:
        return False
    _finish(meeting, "ended" if meeting.state == "active" else "expired", by)
    _db().add(meeting)
    _db().commit()
    return True


def set_screen(meeting: Meeting, parts: list[str]) -> None:
    meeting.screen = [p for p in ("targets", "plan", "profile", "swedish") if p in parts]
    _bump(meeting, "person")
    _db().add(meeting)
    _db().commit()


# --- the counsellor's side ------------------------------------------------------------------------------

def find_by_code(raw: str) -> Meeting | None:
    """The invited meeting behind a code, if the code is current."""
    code = normalise_code(raw)
    if code is None:
        return None
    meeting = _db().exec(select(Meeting).where(Meeting.code_hash == _code_hash(code))).first()
    if meeting is None or refresh(meeting).state != "invited":
        return None
    return meeting


def request_join(meeting: Meeting, counsellor: Counsellor) -> None:
    """The counsellor entered the code: the person is asked; the code is used up."""
    meeting.state, meeting.counsellor_id = "requested", counsellor.id
    meeting.counsellor_label = f"{counsellor.name}, {counsellor.organisation}"[:300]
    meeting.code_hash, meeting.requested_at = None, now()
    meeting.code_expires_at = now() + _minutes("MEETING_CODE_MINUTES")
    _bump(meeting, "counsellor")
    _event(meeting, "counsellor", "requested")
    _db().add(meeting)
    _db().commit()


def for_counsellor(counsellor: Counsellor) -> list[Meeting]:
    """The counsellor's own meetings that are waiting or going on (nothing else: no search)."""
    rows = _db().exec(select(Meeting).where(Meeting.counsellor_id == counsellor.id,
                                            Meeting.state.in_(("requested", "active")))
                      .order_by(Meeting.requested_at.desc())).all()
    return [m for m in rows if refresh(m).state in ("requested", "active")]


def get(meeting_id: str) -> Meeting | None:
    if not meeting_id or len(meeting_id) > 32:
        return None
    meeting = _db().get(Meeting, meeting_id)
    return refresh(meeting) if meeting else None


# --- time and changes -----------------------------------------------------------------------------------

def refresh(meeting: Meeting) -> Meeting:
    """Apply the timeouts (and save them): a code not used, an answer not given, a meeting too long
    or left idle."""
    at = now()
    if meeting.state in ("invited", "requested") and at >= aware(meeting.code_expires_at):
        _finish(meeting, "expired", "timeout")
    elif meeting.state == "active" and (
            at >= aware(meeting.allowed_at) + _minutes("MEETING_MAX_MINUTES")
            or at >= aware(meeting.last_activity_at) + _minutes("MEETING_IDLE_MINUTES")):
        _finish(meeting, "ended", "timeout")
        _db().add(meeting)
        _db().commit()
        for hook in ON_TIMED_OUT:            # the summary is saved as when either side ends it
            hook(meeting)
        return meeting
    else:
        return meeting
    _db().add(meeting)
    _db().commit()
    return meeting


# Called once with a meeting that was going on and has just timed out (app/meetings/views.py
# registers the summary): this layer knows no wording.
ON_TIMED_OUT: list = []


def touch(meeting: Meeting) -> None:
    """A request in the meeting (not a poll): it is not idle."""
    if aware(meeting.last_activity_at) < now() - timedelta(seconds=TOUCH_SECONDS):
        meeting.last_activity_at = now()
        _db().add(meeting)
        _db().commit()


def changed(meeting: Meeting, actor: str, area: str) -> None:
    """Someone changed the plan: the other screen sees a new version."""
    _bump(meeting, actor)
    meeting.last_activity_at = now()
    _event(meeting, actor, "changed", area=area)
    _db().add(meeting)
    _db().commit()


def audit(meeting: Meeting, action: str, area: str) -> None:
    _db().add(AuditEntry(plan_id=meeting.plan_id, at=now(), via="meeting", who=meeting.counsellor_label,
                         meeting_id=meeting.id, action=action, area=area[:40]))
    _db().commit()


def audit_log(plan: Plan) -> list[AuditEntry]:
    return list(_db().exec(select(AuditEntry).where(AuditEntry.plan_id == plan.id)
                           .order_by(AuditEntry.at.desc()).limit(500)))


def meetings_of(plan: Plan) -> list[Meeting]:
    return list(_db().exec(select(Meeting).where(Meeting.plan_id == plan.id, Meeting.counsellor_id.is_not(None))
                           .order_by(Meeting.created_at.desc()).limit(100)))


def events(meeting: Meeting, kinds: tuple[str, ...] | None = None) -> list[MeetingEvent]:
    query = select(MeetingEvent).where(MeetingEvent.meeting_id == meeting.id)
    if kinds:
        query = query.where(MeetingEvent.kind.in_(kinds))
    return list(_db().exec(query.order_by(MeetingEvent.id)))


# --- comments and suggestions ---------------------------------------------------------------------------

def comment(meeting: Meeting, actor: str, step_id: str, text: str) -> None:
    _event(meeting, actor, "comment", step=step_id[:200], text=text[:MAX_COMMENT])
    _bump(meeting, actor)
    meeting.last_activity_at = now()
    _db().add(meeting)
    _db().commit()


def suggest(meeting: Meeting, title: str, when: str | None) -> None:
    _event(meeting, "counsellor", "suggestion", title=title[:MAX_SUGGESTION], when=when, answer=None)
    _bump(meeting, "counsellor")
    meeting.last_activity_at = now()
    _db().add(meeting)
    _db().commit()


def open_suggestion(meeting: Meeting, event_id: int) -> MeetingEvent | None:
    event = _db().get(MeetingEvent, event_id)
    if event is None or event.meeting_id != meeting.id or event.kind != "suggestion" or event.detail.get("answer"):
        return None
    return event


def answer_suggestion(meeting: Meeting, event: MeetingEvent, accepted: bool) -> None:
    event.detail = dict(event.detail, answer="accepted" if accepted else "declined")
    _db().add(event)
    _bump(meeting, "person")
    meeting.last_activity_at = now()
    _db().add(meeting)
    _db().commit()
