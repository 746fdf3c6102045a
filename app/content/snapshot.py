"""Build the engine's ``Catalog`` from the catalogue tables.

- skills: every skill row (taxonomy skills and ``curated:<ssyk>:<key>`` ones); a skill that
  curated competences point at takes their kind (curated judgement wins; when occupations
  disagree, the majority, ties broken licence > experience > taught).
- groups: every occupation group, keyed by JobTech concept id (the SSYK code when a curated
  group has no concept id); its profile is the JobTech relations plus the curated competences;
  its core is the curated competences of importance >= 2 (most important first; the engine's
  rule decides for groups without them), ``education_required`` the curated level, and
  ``occupation_names``/``no_education_names`` count its occupation names and those the taxonomy
  lists as needing no formal education.
- educations: ``gives`` is resolved from ``<ssyk>:<key>`` to the competence's skill id.
- language levels: id -> rank; ``language_requirements``: SSYK -> level id (curated).
"""
from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import select
from sqlmodel import Session

from app.content.models import (
    Competence,
    Education,
    EducationGives,
    EducationLeadsTo,
    GroupSkill,
    LanguageLevel,
    OccupationGroup,
    OccupationName,
    Skill,
)
from app.engine.catalog import Catalog
from app.engine.catalog import Education as EngineEducation
from app.engine.catalog import Group as EngineGroup
from app.engine.catalog import Skill as EngineSkill

_KIND_ORDER = {"licence": 0, "experience": 1, "taught": 2}
CORE_IMPORTANCE = 2   # curated competences of at least this importance (1-3) are the group's core


def _curated_kinds(competences: list[Competence]) -> dict[str, str]:
    """One kind per skill: the kind most curated competences give it (ties: licence, experience, taught)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for c in competences:
        votes[c.skill_id][c.kind] += 1
    return {sid: min(v, key=lambda k: (-v[k], _KIND_ORDER.get(k, 9))) for sid, v in votes.items()}


def catalog_from_db(session: Session) -> Catalog:
    competences = list(session.execute(select(Competence)).scalars())
    kind_override = _curated_kinds(competences)
    skills = {s.id: EngineSkill(id=s.id, label=s.label, kind=kind_override.get(s.id, s.kind))
              for s in session.execute(select(Skill)).scalars()}

    profiles: dict[str, set[str]] = defaultdict(set)
    for ssyk, skill_id in session.execute(select(GroupSkill.group_ssyk, GroupSkill.skill_id)):
        profiles[ssyk].add(skill_id)
    by_key: dict[tuple[str, str], str] = {}
    for c in competences:
        profiles[c.group_ssyk].add(c.skill_id)
        by_key[(c.group_ssyk, c.key)] = c.skill_id

    core: dict[str, list[str]] = defaultdict(list)
    for c in sorted(competences, key=lambda c: (c.group_ssyk, -c.importance, c.key)):
        if c.importance >= CORE_IMPORTANCE:
            core[c.group_ssyk].append(c.skill_id)
    names: Counter = Counter()
    no_education: Counter = Counter()
    for ssyk, free in session.execute(select(OccupationName.group_ssyk, OccupationName.no_education_required)):
        names[ssyk] += 1
        no_education[ssyk] += bool(free)

    groups: dict[str, EngineGroup] = {}
    language_requirements: dict[str, str] = {}
    for g in session.execute(select(OccupationGroup).order_by(OccupationGroup.ssyk)).scalars():
        gid = g.concept_id or g.ssyk
        groups[gid] = EngineGroup(id=gid, ssyk=g.ssyk, label=g.label, profile=frozenset(profiles.get(g.ssyk, ())),
                                  definition=g.definition or "", core=tuple(dict.fromkeys(core.get(g.ssyk, ()))),
                                  education_required=g.education_required or None,
                                  occupation_names=names[g.ssyk], no_education_names=no_education[g.ssyk])
        if g.language_requirement:
            language_requirements[g.ssyk] = g.language_requirement

    gives: dict[str, set[str]] = defaultdict(set)
    for e_id, ssyk, key in session.execute(select(EducationGives.education_id, EducationGives.group_ssyk,
                                                  EducationGives.competence_key)):
        skill_id = by_key.get((ssyk, key))
        if skill_id is not None:
            gives[e_id].add(skill_id)
    leads: dict[str, set[str]] = defaultdict(set)
    for e_id, ssyk in session.execute(select(EducationLeadsTo.education_id, EducationLeadsTo.group_ssyk)):
        leads[e_id].add(ssyk)
    educations = tuple(
        EngineEducation(id=e.id, label=(e.labels or {}).get("sv", e.id), form=e.form, weeks=e.weeks or 0,
                        gives=frozenset(gives.get(e.id, ())), leads_to=frozenset(leads.get(e.id, ())),
                        language_requirement=e.language_requirement)
        for e in session.execute(select(Education).order_by(Education.id)).scalars())

    levels = {lv.id: lv.rank for lv in session.execute(select(LanguageLevel)).scalars()}
    return Catalog(skills=skills, groups=groups, educations=educations, language_levels=levels,
                   language_requirements=language_requirements)
