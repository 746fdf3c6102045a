"""The catalogue tables: the JobTech taxonomy merged with the curated content files.

Keys are the public codes where there is one (SSYK code, SUN code, kommunkod, JobTech
concept id), so curated rows and imported rows meet on the same key. Curated prose in
several locales (``{"sv": ..., "en": ..., "sv@lattlast": ...}``) is kept in JSON columns,
which work the same on SQLite and PostgreSQL. Facts carry their source columns
(``FactColumns``).
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Optional

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

__all__ = [
    "CatalogueMeta", "SsykLevel", "OccupationGroup", "OccupationName", "Skill", "GroupSkill",
    "Competence", "Keyword", "KeywordRelation", "SunLevel", "SunField", "Education",
    "EducationGives", "EducationLeadsTo", "EducationMunicipality", "LanguageLevel",
    "FinancingScheme", "FinancingRule", "FinancingAmount", "PrisBasbelopp", "OccupationOutlook",
    "OccupationPay", "Region", "Municipality", "JobTrack", "EmployerProfile", "LocalItemVersion",
    "OrganisationArea",
    "OccupationPay", "Region", "Municipality", "GlossaryTerm", "ContentTranslation",
]


def _json(nullable: bool = True) -> Any:
    return Field(default=None, sa_type=JSON, nullable=nullable)


class FactColumns(SQLModel):
    """Where a fact comes from and when it holds (every curated fact has these)."""

    source_url: Optional[str] = None
    source_name: Optional[str] = None
    retrieved: Optional[date] = None
    valid_from: Optional[date] = None
    valid_to: Optional[date] = None
    status: Optional[str] = Field(default=None, max_length=16)  # verified|computed|secondary|unverified
    formula: Optional[str] = None


class CatalogueMeta(SQLModel, table=True):
    """Key/value bookkeeping: ``version`` is bumped by every load/import (search cache key)."""

    __tablename__ = "catalogue_meta"
    key: str = Field(primary_key=True, max_length=64)
    value: str = ""


# --- SSYK ------------------------------------------------------------------------------

class SsykLevel(SQLModel, table=True):
    """SSYK 2012 levels 1-3 (major, sub-major and minor groups)."""

    __tablename__ = "ssyk_level"
    code: str = Field(primary_key=True, max_length=3)
    level: int
    concept_id: Optional[str] = Field(default=None, max_length=32, unique=True)
    label: str
    parent_code: Optional[str] = Field(default=None, max_length=3)


class OccupationGroup(SQLModel, table=True):
    """An SSYK 2012 level-4 occupation group; curated fields stay ``None`` when not curated."""

    __tablename__ = "occupation_group"
    ssyk: str = Field(primary_key=True, max_length=4)
    concept_id: Optional[str] = Field(default=None, max_length=32, unique=True)
    label: str                                  # Swedish label (JobTech preferred_label)
    definition: str = ""                        # JobTech definition (Swedish)
    parent_code: Optional[str] = Field(default=None, max_length=3)
    in_taxonomy: bool = False                   # seen in an imported JobTech export
    curated: bool = False                       # has a curated file in content/files/occupations
    labels: Optional[dict] = _json()            # curated {locale: label}
    description: Optional[dict] = _json()       # curated {locale: text}
    work_demands: Optional[dict] = _json()
    riasec: Optional[list] = _json()
    education_required: Optional[str] = None
    typical_education_weeks: Optional[int] = None
    language_requirement: Optional[str] = Field(default=None, max_length=32)
    education_routes: Optional[list] = _json()  # curated education ids, in the file's order


class OccupationName(SQLModel, table=True):
    __tablename__ = "occupation_name"
    id: str = Field(primary_key=True, max_length=32)          # JobTech concept id
    label: str
    group_ssyk: str = Field(foreign_key="occupation_group.ssyk", index=True, max_length=4)
    no_education_required: bool = False


class Skill(SQLModel, table=True):
    """A competence: a JobTech skill concept, or ``curated:<ssyk>:<key>`` for curated ones."""

    __tablename__ = "skill"
    id: str = Field(primary_key=True, max_length=80)
    label: str
    kind: str = Field(default="taught", max_length=16)       # taught|licence|experience
    in_taxonomy: bool = False
    labels: Optional[dict] = _json()                          # curated {locale: label}


class GroupSkill(SQLModel, table=True):
    """The JobTech competence profile of a group (ssyk-level-4 ``related`` skills)."""

    __tablename__ = "group_skill"
    group_ssyk: str = Field(foreign_key="occupation_group.ssyk", primary_key=True, max_length=4)
    skill_id: str = Field(foreign_key="skill.id", primary_key=True, max_length=80, index=True)


class Competence(SQLModel, table=True):
    """A curated competence of a group (``<ssyk>:<key>``), resolved to a skill id."""

    __tablename__ = "competence"
    group_ssyk: str = Field(foreign_key="occupation_group.ssyk", primary_key=True, max_length=4)
    key: str = Field(primary_key=True, max_length=64)
    skill_id: str = Field(foreign_key="skill.id", max_length=80, index=True)
    kind: str = Field(default="taught", max_length=16)
    importance: int = 2
    taxonomy_id: Optional[str] = Field(default=None, max_length=32)
    labels: Optional[dict] = _json()
    position: int = 0                           # order in the occupation's file (the engine keeps it)


class Keyword(SQLModel, table=True):
    __tablename__ = "keyword"
    id: str = Field(primary_key=True, max_length=32)
    label: str


class KeywordRelation(SQLModel, table=True):
    """A keyword points at an occupation name, a skill, a SUN field, ... (search synonyms)."""

    __tablename__ = "keyword_relation"
    keyword_id: str = Field(foreign_key="keyword.id", primary_key=True, max_length=32)
    target_id: str = Field(primary_key=True, max_length=32, index=True)
    target_type: str = Field(max_length=40)
    target_label: str = ""


# --- SUN 2020 --------------------------------------------------------------------------

class SunConceptColumns(SQLModel):
    """A SUN 2020 concept: levels and fields have the same shape (code, hierarchy, label)."""

    code: str = Field(primary_key=True, max_length=8)
    concept_id: Optional[str] = Field(default=None, max_length=32, unique=True)
    level: int
    label: str
    definition: str = ""
    parent_code: Optional[str] = Field(default=None, max_length=8)


class SunLevel(SunConceptColumns, table=True):
    __tablename__ = "sun_level"


class SunField(SunConceptColumns, table=True):
    __tablename__ = "sun_field"


# --- Educations ------------------------------------------------------------------------

class Education(FactColumns, table=True):
    __tablename__ = "education"
    id: str = Field(primary_key=True, max_length=80)
    form: str = Field(max_length=40, index=True)
    labels: Optional[dict] = _json()
    description: Optional[dict] = _json()
    provider: Optional[str] = None
    sun_level: Optional[str] = Field(default=None, max_length=8)
    level: Optional[str] = Field(default=None, max_length=40)
    weeks: Optional[int] = None                 # at full pace; None = not in our fact base
    pace_options: Optional[list] = _json()
    cost_sek: Optional[int] = None
    entry_requirements: Optional[Any] = _json()
    language_requirement: Optional[str] = Field(default=None, max_length=32)
    language_integrated: bool = False
    gives_language_level: Optional[str] = Field(default=None, max_length=32)
    where_scope: str = Field(default="all_municipalities", max_length=24)
    distance: bool = False
    financing: Optional[list] = _json()
    apply_url: Optional[str] = None
    extra: Optional[dict] = _json()
    position: int = 0                           # order in educations.yaml (the engine keeps it)


class EducationGives(SQLModel, table=True):
    __tablename__ = "education_gives"
    education_id: str = Field(foreign_key="education.id", primary_key=True, max_length=80)
    group_ssyk: str = Field(primary_key=True, max_length=4)
    competence_key: str = Field(primary_key=True, max_length=64)


class EducationLeadsTo(SQLModel, table=True):
    __tablename__ = "education_leads_to"
    education_id: str = Field(foreign_key="education.id", primary_key=True, max_length=80)
    group_ssyk: str = Field(primary_key=True, max_length=4)


class EducationMunicipality(SQLModel, table=True):
    __tablename__ = "education_municipality"
    education_id: str = Field(foreign_key="education.id", primary_key=True, max_length=80)
    kommunkod: str = Field(foreign_key="municipality.kommunkod", primary_key=True, max_length=4)


class LanguageLevel(FactColumns, table=True):
    __tablename__ = "language_level"
    id: str = Field(primary_key=True, max_length=32)
    family: str = Field(max_length=32)
    rank: int
    cefr: Optional[str] = Field(default=None, max_length=16)
    labels: Optional[dict] = _json()
    can_do: Optional[dict] = _json()
    course: Optional[dict] = _json()            # the course that reaches it (form, weeks, ... + source)
    extra: Optional[dict] = _json()             # formal_merit, equivalent_to, notes, ...


# --- Financing -------------------------------------------------------------------------

class FinancingScheme(SQLModel, table=True):
    __tablename__ = "financing_scheme"
    id: str = Field(primary_key=True, max_length=64)
    provider: Optional[str] = None
    name: Optional[dict] = _json()
    summary: Optional[dict] = _json()
    apply_url: Optional[str] = None
    repealed: bool = False
    extra: Optional[dict] = _json()             # parts, notes and other curated detail


class FinancingRule(FactColumns, table=True):
    __tablename__ = "financing_rule"
    scheme_id: str = Field(foreign_key="financing_scheme.id", primary_key=True, max_length=64)
    key: str = Field(primary_key=True, max_length=80)
    value: Optional[Any] = _json()
    description: Optional[dict] = _json()


class FinancingAmount(FactColumns, table=True):
    __tablename__ = "financing_amount"
    id: str = Field(primary_key=True, max_length=200)   # "<scheme>:<key>:<pace>:<year>"
    scheme_id: str = Field(foreign_key="financing_scheme.id", index=True, max_length=64)
    key: str = Field(max_length=80)
    pace: Optional[int] = None
    year: Optional[int] = None
    value: Optional[float] = None
    unit: Optional[str] = Field(default=None, max_length=40)
    kind: Optional[str] = Field(default=None, max_length=40)
    qualifiers: Optional[dict] = _json()        # e.g. {"children": 2}


class PrisBasbelopp(FactColumns, table=True):
    __tablename__ = "prisbasbelopp"
    year: int = Field(primary_key=True)
    value: int


# --- Labour market facts per group -------------------------------------------------------

class OccupationOutlook(FactColumns, table=True):
    __tablename__ = "occupation_outlook"
    group_ssyk: str = Field(foreign_key="occupation_group.ssyk", primary_key=True, max_length=4)
    job_chances: Optional[str] = Field(default=None, max_length=40)
    recruitment: Optional[str] = Field(default=None, max_length=40)
    five_year: Optional[str] = Field(default=None, max_length=40)
    year: Optional[int] = None


class OccupationPay(FactColumns, table=True):
    __tablename__ = "occupation_pay"
    group_ssyk: str = Field(foreign_key="occupation_group.ssyk", primary_key=True, max_length=4)
    monthly_average: Optional[int] = None
    year: Optional[int] = None


# --- Geography ---------------------------------------------------------------------------

class Region(SQLModel, table=True):
    """A län (county), keyed by its SCB länskod."""

    __tablename__ = "region"
    code: str = Field(primary_key=True, max_length=2)
    name: str
    letter: Optional[str] = Field(default=None, max_length=2)


class Municipality(SQLModel, table=True):
    """A kommun, keyed by its SCB kommunkod (first two digits = länskod)."""

    __tablename__ = "municipality"
    kommunkod: str = Field(primary_key=True, max_length=4)
    name: str
    slug: str = Field(max_length=64, unique=True)
    lan_code: str = Field(foreign_key="region.code", index=True, max_length=2)
    lat: float
    lon: float




# --- Local job tracks and employer competence profiles (issue 18) ------------------------------
#
# Written by counsellors (``app/jobtracks``) and by ``flask content load`` / ``load-examples``,
# always through ``app.content.local_store`` (validation, versions, audit). The item itself is one
# JSON document (``doc``, validated by ``app.content.local``); the columns beside it are what the
# read model filters on.


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class _LocalItem(SQLModel):
    id: str = Field(primary_key=True, max_length=64)
    organisation: str = Field(max_length=300, index=True)     # the owner: a counsellor's organisation
    ssyk: str = Field(max_length=4, index=True)
    status: str = Field(default="draft", max_length=16)       # draft | published | closed
    origin: str = Field(default="counsellor", max_length=16)  # counsellor | file | example
    version: int = 1
    valid_from: Optional[date] = None
    valid_to: Optional[date] = None
    doc: dict = Field(default_factory=dict, sa_type=JSON, nullable=False)
    updated_at: datetime = Field(default_factory=_utcnow)


class JobTrack(_LocalItem, table=True):
    """A local job track (lokalt jobbspår): a chain of steps that normally ends in a job."""

    __tablename__ = "job_track"


class EmployerProfile(_LocalItem, table=True):
    """An employer competence profile: what the work really takes, on an SSYK group's base."""

    __tablename__ = "employer_profile"


class LocalItemVersion(SQLModel, table=True):
    """Every saved version of a track or a profile, and who did what: the edit history and the audit."""

    __tablename__ = "local_item_version"
    id: Optional[int] = Field(default=None, primary_key=True)
    kind: str = Field(max_length=16)                          # track | profile
    item_id: str = Field(max_length=64, index=True)
    version: int
    action: str = Field(max_length=16)                        # created | updated | published | closed | loaded
    status: str = Field(max_length=16)
    doc: dict = Field(default_factory=dict, sa_type=JSON, nullable=False)
    counsellor_id: Optional[int] = None                       # None: an operator's content file
    organisation: str = Field(default="", max_length=300)
    at: datetime = Field(default_factory=_utcnow)


class OrganisationArea(SQLModel, table=True):
    """The municipalities an organisation's counsellors publish for (set by an operator)."""

    __tablename__ = "organisation_area"
    organisation: str = Field(primary_key=True, max_length=300)
    kommunkod: str = Field(primary_key=True, max_length=4)
# --- Glossary and content translations -----------------------------------------------------------

class GlossaryTerm(SQLModel, table=True):
    """A Swedish word of guidance or financing with a plain explanation (``glossary.yaml``)."""

    __tablename__ = "glossary_term"
    key: str = Field(primary_key=True, max_length=64)
    position: int = 0                           # order in glossary.yaml
    term: Optional[dict] = _json()              # {locale: word}
    text: Optional[dict] = _json()              # {locale: explanation}
    aliases: Optional[dict] = _json()           # {locale: [forms found on pages]}
    source_url: Optional[str] = None
    source_name: Optional[str] = None


class ContentTranslation(SQLModel, table=True):
    """One entry of ``translations/<locale>/<kind>s.yaml``: our own words only, keyed by SSYK code
    (group), taxonomy concept id (occupation, skill) or glossary key (glossary)."""

    __tablename__ = "content_translation"
    locale: str = Field(primary_key=True, max_length=16)
    kind: str = Field(primary_key=True, max_length=16)    # group | occupation | skill | glossary
    key: str = Field(primary_key=True, max_length=80)
    value: Optional[Any] = _json()              # group {label, description, competences}; occupation [names]; skill label; glossary {term, text, aliases}
