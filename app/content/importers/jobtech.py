"""Import the official JobTech Taxonomy exports into the catalogue tables.

Two phases, so a bad export never leaves half a catalogue behind:

1. ``parse_exports(directory)`` reads and validates every file into plain rows. Any
   problem (a missing file, truncated JSON, a concept without ``id``) raises
   ``JobtechImportError`` naming the file, the path inside it and the problem.
2. ``import_jobtech(session, directory)`` diffs those rows against the database and writes
   the inserts, updates and removed relations in one transaction with bulk statements.
   Running it twice changes nothing the second time (every count lands in "unchanged").

Merging with curated content happens by SSYK code: the import only writes the taxonomy
columns of ``occupation_group`` (label, concept id, definition, parent), never the curated
ones (descriptions, routes, demands, ...), and it never deletes a curated competence.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlmodel import Session, SQLModel

from app.content.models import (
    GroupSkill,
    Keyword,
    KeywordRelation,
    OccupationGroup,
    OccupationName,
    Skill,
    SsykLevel,
    SunField,
    SunLevel,
)
from app.content.store import upsert

FILES = {
    "hierarchy": "the-ssyk-hierarchy-with-occupations.json",
    "groups": "ssyk-level-4-groups.json",
    "profiles": "ssyk-level-4-groups-with-related-skills.json",
    "skills": "skills.json",
    "keywords": "keyword-concepts-with-relations.json",
    "no_education": "occupations-with-no-educational-requirements.json",
    "sun_levels": "sun-level-hierarchy.json",
    "sun_fields": "sun-field-hierarchy.json",
}

KINDS = ("ssyk_levels", "groups", "occupation_names", "skills", "group_skills", "keywords",
         "keyword_relations", "sun_levels", "sun_fields")


class JobtechImportError(Exception):
    """A JobTech export that cannot be imported; the message names file, place and problem."""

    def __init__(self, file: str, where: str, problem: str):
        self.file, self.where, self.problem = file, where, problem
        super().__init__(f"{file}: {where}: {problem}" if where else f"{file}: {problem}")


@dataclass
class KindCounts:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0


@dataclass
class ImportReport:
    counts: dict[str, KindCounts] = field(default_factory=dict)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def changed_anything(self) -> bool:
        return any(c.added or c.changed or c.removed for c in self.counts.values())

    def lines(self) -> list[str]:
        out = [f"{'kind':<18} {'added':>7} {'changed':>7} {'unchanged':>9} {'removed':>7}"]
        for kind in KINDS:
            c = self.counts.get(kind, KindCounts())
            out.append(f"{kind:<18} {c.added:>7} {c.changed:>7} {c.unchanged:>9} {c.removed:>7}")
        return out + [f"warning: {w}" for w in self.warnings]


# --- phase 1: parse and validate -----------------------------------------------------------

class _Reader:
    def __init__(self, directory: Path):
        self.directory = directory

    def concepts(self, key: str) -> list[dict]:
        name = FILES[key]
        path = self.directory / name
        if not path.is_file():
            raise JobtechImportError(name, "", f"file not found in {self.directory}")
        try:
            with open(path, encoding="utf-8") as handle:
                document = json.load(handle)
        except json.JSONDecodeError as exc:
            raise JobtechImportError(
                name, f"line {exc.lineno} column {exc.colno}",
                f"not valid JSON (truncated or corrupted?): {exc.msg}") from None
        except UnicodeDecodeError as exc:
            raise JobtechImportError(name, f"byte {exc.start}", "not UTF-8 text") from None
        if not isinstance(document, dict) or not isinstance(document.get("data"), dict) \
                or not isinstance(document["data"].get("concepts"), list):
            raise JobtechImportError(name, "", 'expected {"data": {"concepts": [...]}}')
        concepts = document["data"]["concepts"]
        if not concepts:
            raise JobtechImportError(name, "data.concepts", "is empty")
        return concepts


def _need(file: str, where: str, concept: Any, key: str, *, expected_type: str | None = None) -> str:
    if not isinstance(concept, dict):
        raise JobtechImportError(file, where, f"expected an object, got {type(concept).__name__}")
    value = concept.get(key)
    if not isinstance(value, str) or not value.strip():
        what = "missing" if value is None else f"invalid ({value!r})"
        raise JobtechImportError(file, where, f"{what} '{key}'")
    if expected_type and key == "type" and value != expected_type:
        raise JobtechImportError(file, where, f"type is {value!r}, expected {expected_type!r}")
    return value.strip() if key != "definition" else value


@dataclass
class TaxonomyRows:
    """Everything an export holds, as rows keyed by primary key (before any DB write)."""

    ssyk_levels: dict[str, dict] = field(default_factory=dict)
    groups: dict[str, dict] = field(default_factory=dict)
    occupation_names: dict[str, dict] = field(default_factory=dict)
    skills: dict[str, dict] = field(default_factory=dict)
    group_skills: dict[tuple, dict] = field(default_factory=dict)
    keywords: dict[str, dict] = field(default_factory=dict)
    keyword_relations: dict[tuple, dict] = field(default_factory=dict)
    sun_levels: dict[str, dict] = field(default_factory=dict)
    sun_fields: dict[str, dict] = field(default_factory=dict)


def parse_exports(directory: str | Path) -> TaxonomyRows:
    """Read and validate every export in ``directory``; raise ``JobtechImportError`` on any problem."""
    from app.engine.kinds import classify_skill

    directory = Path(directory)
    if not directory.is_dir():
        raise JobtechImportError(str(directory), "", "not a directory")
    reader = _Reader(directory)
    rows = TaxonomyRows()

    # SSYK hierarchy: levels 1-3, groups (4) and occupation names.
    file = FILES["hierarchy"]
    group_concept_to_ssyk: dict[str, str] = {}

    def walk(concept: Any, where: str, parent_code: str | None, depth: int) -> None:
        cid = _need(file, where, concept, "id")
        label = _need(file, where, concept, "preferred_label")
        ctype = _need(file, where, concept, "type")
        if ctype == "occupation-name":
            if parent_code is None or len(parent_code) != 4:
                raise JobtechImportError(file, where, "occupation-name outside an ssyk-level-4 group")
            rows.occupation_names[cid] = {"id": cid, "label": label, "group_ssyk": parent_code,
                                          "no_education_required": False}
            return
        expected = f"ssyk-level-{depth}"
        if ctype != expected:
            raise JobtechImportError(file, where, f"type is {ctype!r}, expected {expected!r}")
        code = _need(file, where, concept, "ssyk_code_2012")
        if len(code) != depth or not code.isdigit() or (parent_code and not code.startswith(parent_code)):
            raise JobtechImportError(file, where, f"ssyk_code_2012 {code!r} does not fit level {depth} under {parent_code!r}")
        if depth == 4:
            rows.groups[code] = {"ssyk": code, "concept_id": cid, "label": label,
                                 "definition": concept.get("definition") or "", "parent_code": parent_code,
                                 "in_taxonomy": True}
            group_concept_to_ssyk[cid] = code
        else:
            rows.ssyk_levels[code] = {"code": code, "level": depth, "concept_id": cid, "label": label,
                                      "parent_code": parent_code}
        narrower = concept.get("narrower") or []
        if not isinstance(narrower, list):
            raise JobtechImportError(file, where, "'narrower' is not a list")
        for i, child in enumerate(narrower):
            walk(child, f"{where}.narrower[{i}]", code, depth + 1)

    for i, concept in enumerate(reader.concepts("hierarchy")):
        walk(concept, f"data.concepts[{i}]", None, 1)
    if not rows.groups:
        raise JobtechImportError(file, "", "no ssyk-level-4 groups found")

    # Level-4 groups: definitions (the authoritative list of groups).
    file = FILES["groups"]
    for i, concept in enumerate(reader.concepts("groups")):
        where = f"data.concepts[{i}]"
        cid = _need(file, where, concept, "id")
        code = _need(file, where, concept, "ssyk_code_2012")
        label = _need(file, where, concept, "preferred_label")
        if len(code) != 4 or not code.isdigit():
            raise JobtechImportError(file, where, f"ssyk_code_2012 {code!r} is not a 4-digit code")
        group = rows.groups.get(code)
        if group is None:
            raise JobtechImportError(file, where, f"group {code} ({cid}) is not in {FILES['hierarchy']}")
        if group["concept_id"] != cid:
            raise JobtechImportError(file, where, f"group {code} has id {cid}, but {group['concept_id']} in {FILES['hierarchy']}")
        group["label"] = label
        if concept.get("definition"):
            group["definition"] = concept["definition"]

    # Skills.
    file = FILES["skills"]
    for i, concept in enumerate(reader.concepts("skills")):
        where = f"data.concepts[{i}]"
        cid = _need(file, where, concept, "id")
        label = _need(file, where, concept, "preferred_label")
        rows.skills[cid] = {"id": cid, "label": label, "kind": classify_skill(label), "in_taxonomy": True}

    # Profiles: group -> related skills.
    file = FILES["profiles"]
    for i, concept in enumerate(reader.concepts("profiles")):
        where = f"data.concepts[{i}]"
        cid = _need(file, where, concept, "id")
        code = group_concept_to_ssyk.get(cid)
        if code is None:
            raise JobtechImportError(file, where, f"group id {cid} is not an ssyk-level-4 group in {FILES['hierarchy']}")
        related = concept.get("related")
        if not isinstance(related, list):
            raise JobtechImportError(file, where, "missing 'related' list")
        for j, item in enumerate(related):
            rwhere = f"{where}.related[{j}]"
            sid = _need(file, rwhere, item, "id")
            if item.get("type", "skill") != "skill":
                continue
            if sid not in rows.skills:  # a relation to a skill missing from skills.json
                label = _need(file, rwhere, item, "preferred_label")
                rows.skills[sid] = {"id": sid, "label": label, "kind": classify_skill(label), "in_taxonomy": True}
            rows.group_skills[(code, sid)] = {"group_ssyk": code, "skill_id": sid}

    # Keywords.
    file = FILES["keywords"]
    for i, concept in enumerate(reader.concepts("keywords")):
        where = f"data.concepts[{i}]"
        cid = _need(file, where, concept, "id")
        label = _need(file, where, concept, "preferred_label")
        rows.keywords[cid] = {"id": cid, "label": label}
        related = concept.get("related") or []
        if not isinstance(related, list):
            raise JobtechImportError(file, where, "'related' is not a list")
        for j, item in enumerate(related):
            rwhere = f"{where}.related[{j}]"
            tid = _need(file, rwhere, item, "id")
            ttype = _need(file, rwhere, item, "type")
            rows.keyword_relations[(cid, tid)] = {
                "keyword_id": cid, "target_id": tid, "target_type": ttype,
                "target_label": item.get("preferred_label") or ""}

    # Occupations with no educational requirements.
    file = FILES["no_education"]
    for i, concept in enumerate(reader.concepts("no_education")):
        where = f"data.concepts[{i}]"
        _need(file, where, concept, "id")
        for j, item in enumerate(concept.get("related") or []):
            oid = _need(file, f"{where}.related[{j}]", item, "id")
            if oid in rows.occupation_names:
                rows.occupation_names[oid]["no_education_required"] = True

    # SUN levels and fields.
    for key, target, code_key in (("sun_levels", rows.sun_levels, "sun_education_level_code_2020"),
                                  ("sun_fields", rows.sun_fields, "sun_education_field_code_2020")):
        file = FILES[key]

        def walk_sun(concept: Any, where: str, parent: str | None, depth: int,
                     file: str = file, target: dict = target, code_key: str = code_key) -> None:
            cid = _need(file, where, concept, "id")
            label = _need(file, where, concept, "preferred_label")
            code = _need(file, where, concept, code_key)
            target[code] = {"code": code, "concept_id": cid, "level": depth, "label": label,
                            "definition": concept.get("definition") or "", "parent_code": parent}
            for i, child in enumerate(concept.get("narrower") or []):
                walk_sun(child, f"{where}.narrower[{i}]", code, depth + 1)

        for i, concept in enumerate(reader.concepts(key)):
            walk_sun(concept, f"data.concepts[{i}]", None, 1)

    return rows


# --- phase 2: diff and write in one transaction ---------------------------------------------

_TABLES: dict[str, tuple[type[SQLModel], tuple[str, ...]]] = {
    # kind: (model, primary-key columns)
    "ssyk_levels": (SsykLevel, ("code",)),
    "groups": (OccupationGroup, ("ssyk",)),
    "occupation_names": (OccupationName, ("id",)),
    "skills": (Skill, ("id",)),
    "group_skills": (GroupSkill, ("group_ssyk", "skill_id")),
    "keywords": (Keyword, ("id",)),
    "keyword_relations": (KeywordRelation, ("keyword_id", "target_id")),
    "sun_levels": (SunLevel, ("code",)),
    "sun_fields": (SunField, ("code",)),
}
# Relations the taxonomy owns completely: rows no longer in the export are removed.
_OWNED_RELATIONS = ("group_skills", "keyword_relations")


def _diff_and_write(session: Session, kind: str, wanted: dict, report: ImportReport) -> None:
    model, pk = _TABLES[kind]
    added, changed, unchanged = upsert(session, model, wanted.values(), pk)
    counts = KindCounts(added=added, changed=changed, unchanged=unchanged)
    if kind in _OWNED_RELATIONS:
        table = model.__table__
        wanted_keys = {k if isinstance(k, tuple) else (k,) for k in wanted}
        stale = [tuple(r) for r in session.execute(select(*[table.c[k] for k in pk]))
                 if tuple(r) not in wanted_keys]
        for key in stale:
            session.execute(delete(table).where(*[table.c[k] == v for k, v in zip(pk, key)]))
        counts.removed = len(stale)
    report.counts[kind] = counts


def _check_curated_links(session: Session, rows: TaxonomyRows, report: ImportReport) -> None:
    """Curated content that points at the taxonomy should find it there (reported, not fatal)."""
    from app.content.models import Competence

    for ssyk, key, taxonomy_id in session.execute(
            select(Competence.group_ssyk, Competence.key, Competence.taxonomy_id)
            .where(Competence.taxonomy_id.is_not(None))):
        if taxonomy_id not in rows.skills:
            report.warnings.append(f"curated competence {ssyk}:{key} points at {taxonomy_id}, not a skill in this export")
    for ssyk, concept_id in session.execute(select(OccupationGroup.ssyk, OccupationGroup.concept_id)
                                            .where(OccupationGroup.curated)):
        if ssyk not in rows.groups:
            report.warnings.append(f"curated occupation {ssyk} is not an SSYK level-4 group in this export")


def import_jobtech(session: Session, directory: str | Path) -> ImportReport:
    """Import the exports in ``directory``; all or nothing. Returns counts per kind."""
    from app.content.store import bump_version

    started = time.perf_counter()
    rows = parse_exports(directory)  # raises before anything is written
    report = ImportReport()
    try:
        # Groups first (names, relations and competences reference them), then skills.
        for kind in ("ssyk_levels", "groups", "occupation_names", "skills", "group_skills",
                     "keywords", "keyword_relations", "sun_levels", "sun_fields"):
            _diff_and_write(session, kind, getattr(rows, kind), report)
        _check_curated_links(session, rows, report)
        if report.changed_anything:
            bump_version(session)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    report.seconds = time.perf_counter() - started
    return report


# --- the engine's catalogue straight from the exports (benchmarks, `flask engine rank`, tests) -----

def catalog_from_jobtech(directory: str | Path, **kwargs: Any):
    """An engine ``Catalog`` of the taxonomy in ``directory``, parsed and validated by
    ``parse_exports`` (the same reading as the import; no database). Extra keyword arguments
    (educations, language_levels, ...) go to the ``Catalog``. The app itself reads the catalogue
    tables (``app.content.catalogue``); this is for measuring the engine on the raw taxonomy."""
    from app.engine.catalog import Catalog, Group
    from app.engine.catalog import Skill as EngineSkill

    rows = parse_exports(directory)
    skills = {sid: EngineSkill(id=sid, label=s["label"], kind=s["kind"]) for sid, s in rows.skills.items()}
    profiles: dict[str, set[str]] = {}
    for ssyk, sid in rows.group_skills:
        profiles.setdefault(ssyk, set()).add(sid)
    names: Counter = Counter()
    no_education: Counter = Counter()
    for name in rows.occupation_names.values():
        names[name["group_ssyk"]] += 1
        no_education[name["group_ssyk"]] += bool(name.get("no_education_required"))
    groups = {}
    for g in sorted(rows.groups.values(), key=lambda g: (g["ssyk"], g["concept_id"])):
        groups[g["concept_id"]] = Group(id=g["concept_id"], ssyk=g["ssyk"], label=g["label"],
                                        profile=frozenset(profiles.get(g["ssyk"], ())),
                                        definition=g["definition"] or "",
                                        occupation_names=names[g["ssyk"]], no_education_names=no_education[g["ssyk"]])
    return Catalog(skills=skills, groups=groups, **kwargs)
