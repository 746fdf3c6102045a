"""The catalogue snapshot the engine works on: plain, frozen data.

The engine never reads the database, files or Flask. Whoever builds a ``Catalog``
(``app.content.catalogue`` from the tables, ``app.content.importers.jobtech.catalog_from_jobtech``
from the raw exports for benchmarks) hands it plain values.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from app.engine.kinds import SKILL_KIND_TAUGHT


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
    # major group, see app.engine.levels).
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
