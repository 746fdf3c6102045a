"""The catalogue snapshot the engine works on: plain, frozen data.

The engine never reads the database or Flask. Whoever builds a ``Catalog`` (the JobTech
reader below, or ``app.content.snapshot`` from the database) hands it plain values.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping


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
