"""The only writer of local job tracks and employer profiles (``job_track``, ``employer_profile``):
every save is validated (``app.content.local``), makes a new version, writes a
``local_item_version`` row (who, what, when: the edit history and the audit) and bumps the
catalogue version so the read model shows the change at once. No personal data is logged.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import select
from sqlmodel import Session

from app.content import local
from app.content.local import CLOSED, PROFILE, PUBLISHED, TRACK, Problem, Refs
from app.content.models import (
    Competence,
    Education,
    EmployerProfile,
    JobTrack,
    LanguageLevel,
    LocalItemVersion,
    Municipality,
    OccupationGroup,
    OrganisationArea,
    Skill,
)
from app.content.store import bump_version

log = logging.getLogger(__name__)
MODELS = {TRACK: JobTrack, PROFILE: EmployerProfile}


class Forbidden(Exception):
    """Another organisation's item."""


@dataclass(frozen=True)
class Actor:
    """Who changes an item: a counsellor (id and organisation) or an operator's file (id None)."""
    organisation: str
    counsellor_id: int | None = None


def refs(session: Session, organisation: str | None = None, *, restrict_area: bool = False) -> Refs:
    """The catalogue keys a document may use; with ``restrict_area``, the organisation's municipalities."""
    area = None
    if restrict_area and organisation is not None:
        area = frozenset(session.execute(select(OrganisationArea.kommunkod).where(
            OrganisationArea.organisation == organisation)).scalars())
    skills = set(session.execute(select(Skill.id)).scalars()) | set(session.execute(select(Competence.skill_id)).scalars())
    return Refs(
        ssyk=frozenset(session.execute(select(OccupationGroup.ssyk)).scalars()),
        educations=frozenset(session.execute(select(Education.id)).scalars()),
        municipalities=frozenset(session.execute(select(Municipality.kommunkod)).scalars()),
        levels=frozenset(session.execute(select(LanguageLevel.id)).scalars()),
        skills=frozenset(skills),
        profiles=frozenset(session.execute(select(EmployerProfile.id)).scalars()),
        area=area)


def education_weeks(session: Session) -> dict[str, int | None]:
    return dict(session.execute(select(Education.id, Education.weeks)).all())


def area_of(session: Session, organisation: str) -> list[str]:
    return sorted(session.execute(select(OrganisationArea.kommunkod).where(
        OrganisationArea.organisation == organisation)).scalars())


def set_area(session: Session, organisation: str, codes: list[str]) -> None:
    for row in session.execute(select(OrganisationArea).where(OrganisationArea.organisation == organisation)).scalars():
        session.delete(row)
    session.flush()
    for code in sorted(set(codes)):
        session.add(OrganisationArea(organisation=organisation, kommunkod=code))
    session.commit()


def get(session: Session, kind: str, item_id: str):
    return session.get(MODELS[kind], item_id)


def owned(session: Session, kind: str, item_id: str, actor: Actor):
    """The item if ``actor``'s organisation owns it; ``None`` if there is none; ``Forbidden`` otherwise."""
    item = get(session, kind, item_id)
    if item is not None and item.organisation != actor.organisation:
        raise Forbidden(item_id)
    return item


def items_for(session: Session, kind: str, organisation: str) -> list:
    model = MODELS[kind]
    return list(session.execute(select(model).where(model.organisation == organisation).order_by(model.id)).scalars())


def history(session: Session, kind: str, item_id: str) -> list[LocalItemVersion]:
    return list(session.execute(select(LocalItemVersion).where(
        LocalItemVersion.kind == kind, LocalItemVersion.item_id == item_id).order_by(LocalItemVersion.version)).scalars())


def check(session: Session, kind: str, doc: dict, *, today: date, restrict_area: bool = False) -> list[Problem]:
    own_refs = refs(session, doc.get("organisation"), restrict_area=restrict_area)
    return local.validate(kind, doc, own_refs, today, education_weeks(session) if kind == TRACK else None)


def save(session: Session, kind: str, doc: dict, actor: Actor, *, today: date, action: str,
         origin: str = "counsellor") -> tuple[object | None, list[Problem]]:
    """Validate and store ``doc`` as the item's next version. Returns (item, []) or (None, problems).
    A counsellor saves only for their own organisation (``Forbidden``), within its municipalities."""
    model = MODELS[kind]
    doc = dict(doc, organisation=actor.organisation, origin=origin)
    existing = session.get(model, doc.get("id"))
    if existing is not None and existing.organisation != actor.organisation:
        raise Forbidden(doc.get("id"))
    problems = check(session, kind, doc, today=today, restrict_area=actor.counsellor_id is not None)
    if problems:
        return None, problems
    item = existing or model(id=doc["id"], organisation=actor.organisation, ssyk=doc["ssyk"], version=0)
    if existing is not None and existing.doc == doc:
        return existing, []                     # nothing changed: no new version
    item.version += 1
    item.ssyk, item.status, item.origin = doc["ssyk"], doc.get("status", "draft"), origin
    item.valid_from, item.valid_to = local.as_date(doc["valid_from"]), local.as_date(doc["valid_to"])
    item.doc = _jsonable(doc)
    item.updated_at = datetime.now(timezone.utc)
    session.add(item)
    _record(session, kind, item, action, actor)
    bump_version(session)
    session.commit()
    log.info("local item %s %s %s v%d", kind, item.id, action, item.version)
    return item, []


def close(session: Session, kind: str, item, actor: Actor) -> None:
    """Close an item: it leaves the routes at once; its history stays."""
    if item.organisation != actor.organisation:
        raise Forbidden(item.id)
    item.version += 1
    item.status = CLOSED
    item.doc = dict(item.doc, status=CLOSED)
    item.updated_at = datetime.now(timezone.utc)
    session.add(item)
    _record(session, kind, item, "closed", actor)
    bump_version(session)
    session.commit()
    log.info("local item %s %s closed v%d", kind, item.id, item.version)


def _record(session: Session, kind: str, item, action: str, actor: Actor) -> None:
    session.add(LocalItemVersion(kind=kind, item_id=item.id, version=item.version, action=action,
                                 status=item.status, doc=item.doc, counsellor_id=actor.counsellor_id,
                                 organisation=actor.organisation))


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def load_documents(session: Session, tracks: list[dict], profiles: list[dict], *, today: date,
                   origin: str) -> tuple[int, list[str]]:
    """Store documents from a content file (profiles first: tracks may name one). Returns the
    number stored and the problems (``<id> path: code``); an item with problems is not stored,
    except that an expired one is stored closed (it never shows, its history is kept)."""
    stored, report = 0, []
    for kind, docs in ((PROFILE, profiles), (TRACK, tracks)):
        for doc in docs:
            doc = _jsonable(dict(doc, example=True) if origin == "example" else dict(doc))
            doc.setdefault("status", PUBLISHED)
            actor = Actor(str(doc.get("organisation") or ""))
            try:
                item, problems = save(session, kind, doc, actor, today=today, action="loaded", origin=origin)
            except Forbidden:
                item, problems = None, [Problem("organisation", "owned_by_another")]
            if problems and all(p.code == "expired" for p in problems):
                item, _ = save(session, kind, dict(doc, status=CLOSED), actor, today=today, action="loaded", origin=origin)
            report += [f"{kind} {doc.get('id')}: {p}" for p in problems]
            stored += item is not None
    return stored, report
