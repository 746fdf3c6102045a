"""The catalogue snapshot the engine works on: plain, frozen data.

The engine never reads the database or Flask. Whoever builds a ``Catalog`` (the JobTech
reader below, or ``app.content.snapshot`` from the database) hands it plain values.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping


# What kind of competence a skill is: it decides how a missing one is closed.
SKILL_KIND_TAUGHT = "taught"          # an ability or method an education teaches
SKILL_KIND_LICENCE = "licence"        # a licence, certificate or authorisation (körkort, truckkort, legitimation)
SKILL_KIND_EXPERIENCE = "experience"  # gained by working (a workplace type, a setting)
SKILL_KINDS = (SKILL_KIND_TAUGHT, SKILL_KIND_LICENCE, SKILL_KIND_EXPERIENCE)


@dataclass(frozen=True)
class Skill:
    id: str
    label: str
    kind: str = SKILL_KIND_TAUGHT


@dataclass(frozen=True)
class Group:
    """An SSYK 2012 level-4 occupation group and its competence profile."""

    id: str                       # JobTech concept id
    ssyk: str                     # 4-digit SSYK 2012 code
    label: str
    profile: frozenset[str] = frozenset()   # skill ids
    definition: str = ""
    # Curated core competences (skill ids in the profile, most important first); empty = the
    # rule in app.engine.core decides.
    core: tuple[str, ...] = ()
    # Education the work asks for, on EDUCATION_RANK (curated; None = derived from the SSYK
    # major group, see app.engine.suggest).
    education_required: str | None = None
    occupation_names: int = 0      # occupation names in the group (taxonomy)
    no_education_names: int = 0    # of them, names the taxonomy lists as needing no formal education


@dataclass(frozen=True)
class Education:
    """An education in the catalogue, as the engine needs it."""

    id: str
    label: str
    form: str                     # e.g. "sfi", "komvux_gymnasial", "yrkesvux", "yrkeshogskola", ...
    weeks: int = 0                # length at full pace
    gives: frozenset[str] = frozenset()      # skill ids it teaches or certifies
    leads_to: frozenset[str] = frozenset()   # SSYK codes of groups it leads to
    language_requirement: str | None = None  # a level id on the language scale


@dataclass(frozen=True)
class Catalog:
    skills: Mapping[str, Skill]
    groups: Mapping[str, Group]               # by group id
    educations: tuple[Education, ...] = ()
    # The shared language scale: level id -> rank (higher = more Swedish). See app/content/files.
    language_levels: Mapping[str, int] = field(default_factory=dict)
    extras: Mapping[str, object] = field(default_factory=dict)  # room for later issues
    # Swedish level id each group needs, by SSYK code (optional; see app.engine.gap).
    language_requirements: Mapping[str, str] = field(default_factory=dict)
    # Private, lazily filled cache of derived indexes (app.engine.index). Not part of the value.
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def from_jobtech(cls, path: str | os.PathLike[str], **kwargs: Any) -> "Catalog":
        """Read the official JobTech taxonomy exports in ``path`` (read at run time only).

        Uses ``ssyk-level-4-groups.json``, ``ssyk-level-4-groups-with-related-skills.json``
        and ``skills.json`` (each ``{"data": {"concepts": [...]}}``), and when present
        ``the-ssyk-hierarchy-with-occupations.json`` and
        ``occupations-with-no-educational-requirements.json`` (how many occupation names
        each group has, and how many need no formal education). Every skill gets its kind
        from ``classify_skill``. Extra keyword arguments (educations, language_levels, ...)
        are passed on to the constructor.
        """
        from app.engine.kinds import classify_skill

        root = Path(path)

        def concepts(name: str) -> list[dict]:
            with open(root / name, encoding="utf-8") as handle:
                return json.load(handle)["data"]["concepts"]

        skills: dict[str, Skill] = {}
        for concept in concepts("skills.json"):
            label = concept.get("preferred_label", "")
            skills[concept["id"]] = Skill(id=concept["id"], label=label, kind=classify_skill(label))

        profiles: dict[str, frozenset[str]] = {}
        for concept in concepts("ssyk-level-4-groups-with-related-skills.json"):
            related = concept.get("related") or ()
            ids = []
            for item in related:
                if item.get("type", "skill") != "skill":
                    continue
                ids.append(item["id"])
                if item["id"] not in skills:  # a relation to a skill missing from skills.json
                    label = item.get("preferred_label", "")
                    skills[item["id"]] = Skill(id=item["id"], label=label, kind=classify_skill(label))
            profiles[concept["id"]] = frozenset(ids)

        names: dict[str, list[str]] = {}   # SSYK code -> occupation-name ids
        if (root / "the-ssyk-hierarchy-with-occupations.json").is_file():
            def walk(concept: dict, code: str | None) -> None:
                if concept.get("type") == "ssyk-level-4":
                    code = concept.get("ssyk_code_2012")
                if concept.get("type") == "occupation-name" and code:
                    names.setdefault(code, []).append(concept["id"])
                for child in concept.get("narrower") or ():
                    walk(child, code)
            for concept in concepts("the-ssyk-hierarchy-with-occupations.json"):
                walk(concept, None)
        no_education: set[str] = set()
        if (root / "occupations-with-no-educational-requirements.json").is_file():
            for concept in concepts("occupations-with-no-educational-requirements.json"):
                no_education |= {r["id"] for r in concept.get("related") or () if r.get("type") == "occupation-name"}

        groups: dict[str, Group] = {}
        for concept in sorted(concepts("ssyk-level-4-groups.json"), key=lambda c: (c.get("ssyk_code_2012", ""), c["id"])):
            groups[concept["id"]] = Group(
                id=concept["id"],
                ssyk=concept.get("ssyk_code_2012", ""),
                label=concept.get("preferred_label", ""),
                profile=profiles.get(concept["id"], frozenset()),
                definition=concept.get("definition", "") or "",
                occupation_names=len(names.get(concept.get("ssyk_code_2012", ""), ())),
                no_education_names=sum(1 for n in names.get(concept.get("ssyk_code_2012", ""), ()) if n in no_education),
            )
        return cls(skills=skills, groups=groups, **kwargs)
