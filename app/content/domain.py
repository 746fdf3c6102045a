"""The curated content as plain frozen values (what ``loaders.load_content`` returns).

Localised text is a mapping ``{locale: text}`` with the project's locale ids (``sv``,
``sv@lattlast``, ``en``, ``ar``, ...). Every fact carries a ``Fact`` (source and validity).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Mapping

Text = Mapping[str, str]

FACT_STATUSES = ("verified", "computed", "secondary", "unverified")
COMPETENCE_KINDS = ("taught", "licence", "experience")
EDUCATION_FORMS = (
    "sfi", "sas", "komvux_grundlaggande", "komvux_gymnasial", "yrkesvux", "kombination_sfi",
    "folkhogskola", "yrkeshogskola", "arbetsmarknadsutbildning", "hogskola", "validering",
    "kompletterande",
)
WHERE_SCOPES = ("all_municipalities", "selected", "distance_only")
WORK_DEMANDS = ("physical", "people", "things", "information", "outdoor", "irregular_hours")


@dataclass(frozen=True)
class Fact:
    source_url: str | None = None
    source_name: str | None = None
    retrieved: date | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    status: str | None = None
    formula: str | None = None

    def columns(self) -> dict[str, Any]:
        return {"source_url": self.source_url, "source_name": self.source_name,
                "retrieved": self.retrieved, "valid_from": self.valid_from,
                "valid_to": self.valid_to, "status": self.status, "formula": self.formula}


@dataclass(frozen=True)
class Competence:
    key: str
    label: Text
    kind: str
    taxonomy_id: str | None
    importance: int

    def skill_id(self, ssyk: str) -> str:
        """The skill id the engine sees: the taxonomy concept, or a synthetic curated id."""
        return self.taxonomy_id or f"curated:{ssyk}:{self.key}"


@dataclass(frozen=True)
class Outlook:
    job_chances: str | None
    recruitment: str | None
    five_year: str | None
    fact: Fact


@dataclass(frozen=True)
class Pay:
    monthly_average: int | None
    year: int | None
    fact: Fact


@dataclass(frozen=True)
class Occupation:
    ssyk: str
    concept_id: str | None
    label: Text
    description: Text
    work_demands: Mapping[str, int]
    riasec: tuple[str, ...]
    education_required: str | None
    typical_education_weeks: int | None
    language_requirement: str | None
    competences: tuple[Competence, ...]
    outlook: Outlook | None
    pay: Pay | None
    education_routes: tuple[str, ...]
    file: str = ""


@dataclass(frozen=True)
class Education:
    id: str
    form: str
    label: Text
    description: Text
    provider: str | None
    sun_level: str | None
    level: str | None
    weeks: int | None          # at full pace; None = unknown (ask the provider)
    pace_options: tuple
    cost_sek: int | None
    entry_requirements: Any
    language_requirement: str | None
    language_integrated: bool
    gives: tuple[tuple[str, str], ...]          # (ssyk, competence key)
    gives_language_level: str | None
    leads_to: tuple[str, ...]
    where_scope: str
    municipalities: tuple[str, ...]
    distance: bool
    financing: tuple[str, ...]
    apply_url: str | None
    fact: Fact
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    key: str
    value: Any
    description: Any
    fact: Fact


@dataclass(frozen=True)
class Amount:
    key: str
    pace: int | None
    value: float | None
    unit: str | None
    kind: str | None
    year: int | None
    fact: Fact
    qualifiers: Mapping[str, Any] = field(default_factory=dict)   # e.g. {"children": 2}

    @property
    def id(self) -> str:
        extra = "".join(f":{k}={v}" for k, v in sorted(self.qualifiers.items()) if not isinstance(v, (dict, list)))
        return f"{self.key}:{self.pace}:{self.year}{extra}"


@dataclass(frozen=True)
class FinancingScheme:
    id: str
    provider: str | None
    name: Any
    summary: Any
    apply_url: str | None
    repealed: bool
    rules: tuple[Rule, ...]
    amounts: tuple[Amount, ...]
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PrisBasbelopp:
    year: int
    value: int
    fact: Fact


@dataclass(frozen=True)
class LanguageLevel:
    id: str
    family: str
    rank: int
    cefr: str | None
    label: Text
    can_do: Text
    course: Any
    fact: Fact
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class GlossaryTerm:
    """A Swedish word of guidance or financing, explained in plain words (``glossary.yaml``)."""

    key: str                                     # a-z0-9-, the anchor on the glossary page
    term: Text                                   # {locale: the word}; sv required
    text: Text                                   # {locale: a plain explanation}; sv required
    aliases: Mapping[str, tuple[str, ...]]       # {locale: other forms found on pages}
    source_url: str
    source_name: str


@dataclass(frozen=True)
class GroupTranslation:
    """A curated group in one language (``translations/<locale>/groups.yaml``)."""

    label: str = ""
    description: str = ""
    competences: Mapping[str, str] = field(default_factory=dict)   # competence key -> label


@dataclass(frozen=True)
class Translations:
    """The content translations of one locale (``translations/<locale>/*.yaml``): only our own
    words, keyed by SSYK code, competence key, taxonomy concept id or glossary key. Empty
    entries (what the work list prints) are left out: they are not translated yet."""

    locale: str
    groups: Mapping[str, GroupTranslation] = field(default_factory=dict)       # SSYK -> group
    occupations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)   # concept id -> [shown, variants...]
    skills: Mapping[str, str] = field(default_factory=dict)                    # concept id -> label
    glossary: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)    # key -> {term, text, aliases}


@dataclass(frozen=True)
class Content:
    occupations: Mapping[str, Occupation]        # by SSYK code
    educations: Mapping[str, Education]          # by id
    schemes: Mapping[str, FinancingScheme]       # by id
    prisbasbelopp: tuple[PrisBasbelopp, ...]
    language_levels: Mapping[str, LanguageLevel]
    root: str = ""
    glossary: Mapping[str, GlossaryTerm] = field(default_factory=dict)       # by key, in the file's order
    translations: Mapping[str, Translations] = field(default_factory=dict)   # by locale id


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file: where it is and what is wrong."""

    file: str
    path: str
    message: str
    severity: str = "error"     # error | warning | expired | expiring (see app.content.freshness)

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{self.severity.upper()} {where}: {self.message}"
