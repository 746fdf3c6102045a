"""The plan store: the only code that reads or writes a person's plan.

A plan is created on the first saved answer; its id lives in the signed session cookie.
A resume code (10 characters without 0/O/1/I/L) restores it on another device.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from flask import current_app, g, session
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, delete, select

from app.db import checkpoint, get_session
from app.plans.models import Plan, PlanAnswer, Share, utcnow

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"   # no 0/O, 1/I/L
CODE_LENGTH = 10
SESSION_KEY = "plan_id"
GENERATION_KEY = "plan_gen"      # the plan's session_generation when this browser got it


class ResumeCodeError(Exception):
    """A resume code that is malformed, unknown or expired; `reason` says which."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason   # "malformed" | "unknown" | "expired"


@dataclass(frozen=True)
class IssuedCode:
    code: str              # "ABCDE-FGHJK", shown to the person once
    expires_at: datetime


def new_plan_id() -> str:
    return secrets.token_urlsafe(16)


def _db() -> Session:
    return get_session()


def current_plan() -> Plan | None:
    """This browser's plan; for a counsellor in an allowed meeting, the person's plan (app.meetings
    sets ``g.meeting_plan_id`` after checking the meeting on this very request)."""
    meeting_plan = g.get("meeting_plan_id")
    key = ("meeting", meeting_plan) if meeting_plan else ("own", session.get(SESSION_KEY), session.get(GENERATION_KEY, 0))
    seen = g.get("_current_plan")              # once per request: a page asks several times
    if seen is not None and seen[0] == key and _still_stored(seen[1]):
        return seen[1]
    if meeting_plan:
        plan = _db().get(Plan, meeting_plan)
    else:
        plan_id = session.get(SESSION_KEY)
        if not plan_id:
            return None
        plan = _db().get(Plan, plan_id)
        if plan is None or session.get(GENERATION_KEY, 0) != plan.session_generation:
            # deleted or purged, or this cookie was revoked ("forget me on this device"): forget it
            session.pop(SESSION_KEY, None)
            session.pop(GENERATION_KEY, None)
            return None
    if plan is not None:
        g._current_plan = (key, plan)
    return plan


def _still_stored(plan: Plan) -> bool:
    """The remembered plan is still a row of this request's session (not deleted meanwhile)."""
    from sqlalchemy import inspect

    state = inspect(plan)
    return state.persistent and not state.deleted


def _attach(plan: Plan) -> None:
    session[SESSION_KEY] = plan.id
    session[GENERATION_KEY] = plan.session_generation
    session.permanent = True


def get_or_create_plan() -> Plan:
    plan = current_plan()
    if plan is None:
        plan = Plan(id=new_plan_id())
        db = _db()
        db.add(plan)
        db.commit()
        _attach(plan)
    return plan


def _get_answer(plan: Plan, step: str, draft: bool) -> PlanAnswer | None:
    return _db().get(PlanAnswer, (plan.id, step, draft))


def answers_for(plan: Plan | None, step: str) -> dict[str, Any]:
    if plan is None:
        return {}
    row = _get_answer(plan, step, False)
    return dict(row.data) if row else {}


def draft_for(plan: Plan | None, step: str) -> dict[str, Any] | None:
    if plan is None:
        return None
    row = _get_answer(plan, step, True)
    return dict(row.data) if row else None


def all_answers(plan: Plan | None) -> dict[str, dict[str, Any]]:
    """Every saved answer of the plan, by step: read once per request (a page asks several
    times) and read again after any write; each caller gets its own copy to change."""
    if plan is None:
        return {}
    seen = g.setdefault("_plan_answers", {})
    rows = seen.get(plan.id)
    if rows is None:
        rows = seen[plan.id] = {row.step: row.data for row in _db().exec(
            select(PlanAnswer).where(PlanAnswer.plan_id == plan.id, PlanAnswer.is_draft == False))}  # noqa: E712
    return {step: dict(data) for step, data in rows.items()}


def _forget_read_answers() -> None:
    g.pop("_plan_answers", None)


def _upsert(plan: Plan, step: str, data: dict[str, Any], draft: bool, submitted: bool = False) -> None:
    """INSERT ... ON CONFLICT DO UPDATE: autosave and a submit may race for the same answer."""
    db = _db()
    now = utcnow()
    values = {"plan_id": plan.id, "step": step, "is_draft": draft, "data": data, "updated_at": now,
              "submitted_at": now if submitted else None}
    dialect = db.get_bind().dialect.name
    insert = {"sqlite": sqlite_insert, "postgresql": pg_insert}[dialect]
    stmt = insert(PlanAnswer).values(**values)
    changes = {"data": stmt.excluded.data, "updated_at": stmt.excluded.updated_at}
    if submitted:
        changes["submitted_at"] = stmt.excluded.submitted_at
    stmt = stmt.on_conflict_do_update(index_elements=["plan_id", "step", "is_draft"], set_=changes)
    db.execute(stmt)
    db.expire_all()
    _forget_read_answers()
    plan.updated_at = now
    db.add(plan)


def save_answers(plan: Plan, step: str, data: dict[str, Any], *, autosave: bool = False) -> None:
    """Save a valid answer; any draft of the same question is superseded. A submit (not an
    autosave) records when, so that an autosave from a page shown before it is recognised as stale."""
    _upsert(plan, step, data, draft=False, submitted=not autosave)
    db = _db()
    db.exec(delete(PlanAnswer).where(PlanAnswer.plan_id == plan.id, PlanAnswer.step == step,
                                     PlanAnswer.is_draft == True))  # noqa: E712
    db.commit()


def restore_answers(plan: Plan, answers: dict[str, dict[str, Any]]) -> None:
    """Answers read from a plan file (already typed by ``app.plans.schema``), saved as if answered."""
    for step, data in answers.items():
        save_answers(plan, step, data)


def save_draft(plan: Plan, step: str, raw: dict[str, Any]) -> None:
    """Keep what the person typed even when it does not validate yet."""
    _upsert(plan, step, raw, draft=True)
    _db().commit()


def superseded(plan: Plan | None, step: str, shown_at: str | None) -> bool:
    """Whether an autosave from a page shown at ``shown_at`` (ISO time) comes after the answer was
    submitted from a later look at it: a late autosave must never replace a submitted answer."""
    if plan is None or not shown_at:
        return False
    try:
        shown = datetime.fromisoformat(shown_at)
    except ValueError:
        return False
    row = _get_answer(plan, step, False)
    if row is None or row.submitted_at is None:
        return False
    submitted = row.submitted_at if row.submitted_at.tzinfo else row.submitted_at.replace(tzinfo=timezone.utc)
    shown = shown if shown.tzinfo else shown.replace(tzinfo=timezone.utc)
    return submitted > shown


def _code_hash(code: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, code.encode(), hashlib.sha256).hexdigest()


def normalise_code(raw: str) -> str:
    code = "".join(ch for ch in raw.upper() if ch not in " -\t")
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        raise ResumeCodeError("malformed")
    return code


def format_code(code: str) -> str:
    half = CODE_LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def issue_resume_code(plan: Plan) -> IssuedCode:
    """A fresh code for the plan (any older one stops working)."""
    db = _db()
    for _ in range(5):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        digest = _code_hash(code)
        if db.exec(select(Plan.id).where(Plan.resume_code_hash == digest)).first() is None:
            break
    expires = utcnow() + timedelta(days=current_app.config["RESUME_CODE_DAYS"])
    plan.resume_code_hash = digest
    plan.resume_code_expires_at = expires
    db.add(plan)
    db.commit()
    return IssuedCode(code=format_code(code), expires_at=expires)


def find_by_resume_code(raw: str) -> Plan:
    code = normalise_code(raw)
    plan = _db().exec(select(Plan).where(Plan.resume_code_hash == _code_hash(code))).first()
    if plan is None:
        raise ResumeCodeError("unknown")
    if plan.resume_code_expires_at is None or plan.resume_code_expires_at < utcnow():
        raise ResumeCodeError("expired")
    return plan


def resume(raw: str) -> Plan:
    """Attach the plan behind a resume code to this browser."""
    plan = find_by_resume_code(raw)
    _attach(plan)
    return plan


def delete_plan(plan: Plan) -> None:
    db = _db()
    db.exec(delete(Share).where(Share.plan_id == plan.id))      # the links stop working with the plan
    db.exec(delete(PlanAnswer).where(PlanAnswer.plan_id == plan.id))
    _forget_read_answers()
    db.delete(plan)
    db.commit()
    checkpoint(db)          # SQLite: nothing of the plan left in the write-ahead log either
    session.pop(SESSION_KEY, None)
    session.pop(GENERATION_KEY, None)


def purge_untouched(db: Session, older_than: timedelta) -> int:
    """Remove plans whose last change is older than `older_than`; returns how many."""
    cutoff = utcnow() - older_than
    ids = list(db.exec(select(Plan.id).where(Plan.updated_at < cutoff)))
    if ids:
        db.exec(delete(Share).where(Share.plan_id.in_(ids)))
        db.exec(delete(PlanAnswer).where(PlanAnswer.plan_id.in_(ids)))
        db.exec(delete(Plan).where(Plan.id.in_(ids)))
        db.commit()
        checkpoint(db)
    return len(ids)


def has_answers(plan: Plan | None) -> bool:
    return bool(all_answers(plan))


def code_is_current(plan: Plan | None, code: str) -> bool:
    """Whether `code` is the plan's live code (a double submit may have replaced it)."""
    if plan is None or not plan.resume_code_hash:
        return False
    try:
        return hmac.compare_digest(_code_hash(normalise_code(code)), plan.resume_code_hash)
    except ResumeCodeError:
        return False


def forget_on_this_device() -> None:
    """This browser lets go of the plan, and so does every copy of its cookie: the plan's
    generation moves on, so an older cookie no longer opens it (the resume code still does)."""
    plan = current_plan()
    if plan is not None:
        db = _db()
        plan.session_generation += 1
        db.add(plan)
        db.commit()
    session.pop(SESSION_KEY, None)
    session.pop(GENERATION_KEY, None)
