"""What there is to translate, by a fixed rule, and how much of it is translated per language.

Shared by ``scripts/translation_worklist.py`` (prints what a translator still has to do) and
``flask i18n report`` (prints completeness per language), so both, and the tests, agree:
- skills: the 1,000 taxonomy skills that occur in the most SSYK level-4 group profiles
  (ties broken by concept id), read from ../shared/jobtech (or JOBTECH_DIR);
- occupations: every occupation name in a curated group, plus the taxonomy's
  "no educational requirement" list (310 names);
- groups: each curated group's label, description and competence labels;
- glossary: the terms of app/content/files/glossary.yaml.
The content files' format is in docs/TRANSLATIONS.md. Reads files only (never the tables) and
changes nothing.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from app.content.loaders import read_file

ROOT = Path(__file__).resolve().parents[2]
FILES = ROOT / "app" / "content" / "files"
TOP_SKILLS = 1000


def jobtech_dir() -> Path:
    return Path(os.environ.get("JOBTECH_DIR", ROOT.parent / "shared" / "jobtech"))


def _concepts(name: str) -> list[dict]:
    return json.loads((jobtech_dir() / name).read_text(encoding="utf-8"))["data"]["concepts"]


def has_taxonomy() -> bool:
    return (jobtech_dir() / "ssyk-level-4-groups-with-related-skills.json").exists()


def curated_groups() -> list[dict]:
    return [read_file(p) for p in sorted((FILES / "occupations").glob("*.yaml"))]


def top_skills(n: int = TOP_SKILLS) -> list[tuple[str, str]]:
    """(concept id, Swedish label) of the n skills in the most group profiles."""
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for group in _concepts("ssyk-level-4-groups-with-related-skills.json"):
        for skill in group.get("related") or []:
            if skill.get("type", "skill") == "skill":
                counts[skill["id"]] += 1
                labels[skill["id"]] = skill.get("preferred_label", "")
    ranked = sorted(counts, key=lambda i: (-counts[i], i))[:n]
    return [(i, labels[i]) for i in ranked]


def worklist_occupations() -> list[tuple[str, str]]:
    """(concept id, Swedish label) of the occupation names to translate, in a stable order."""
    curated = {g["ssyk"] for g in curated_groups()}
    names: dict[str, tuple[str, str | None]] = {}

    def walk(concept: dict, group: str | None) -> None:
        if concept.get("type") == "ssyk-level-4":
            group = concept.get("ssyk_code_2012")
        if concept.get("type") == "occupation-name":
            names[concept["id"]] = (concept["preferred_label"], group)
        for child in concept.get("narrower") or []:
            walk(child, group)

    for top in _concepts("the-ssyk-hierarchy-with-occupations.json"):
        walk(top, None)
    wanted = {i for i, (_, g) in names.items() if g in curated}
    for coll in _concepts("occupations-with-no-educational-requirements.json"):
        wanted |= {r["id"] for r in coll.get("related") or []}
    return sorted(((i, names[i][0]) for i in wanted if i in names), key=lambda x: (x[1], x[0]))


def load_translations(locale: str, name: str) -> dict:
    """app/content/files/translations/<locale>/<name> as a dict ({} when it does not exist)."""
    return read_file(FILES / "translations" / locale / name) or {}


def glossary_terms() -> dict | None:
    """The glossary's terms by key, or None when glossary.yaml does not exist (yet)."""
    data = read_file(FILES / "glossary.yaml")
    return None if data is None else (data.get("terms") or {})


# --- completeness ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Count:
    done: int
    total: int

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.done}/{self.total} ({self.share:.0%})" if self.total else "–"


def _filled(value) -> bool:
    if isinstance(value, (list, tuple)):
        return bool(value) and all(_filled(v) for v in value[:1])
    if isinstance(value, dict):
        return all(_filled(v) for v in value.values()) and bool(value)
    return bool(str(value or "").strip())


def content_completeness(locale: str, *, source: str = "sv") -> dict[str, Count | None]:
    """Per part: how many of the work list's items have a text in ``locale`` (inline in the content
    files or in translations/<locale>/). The source language counts as complete; None: the part's
    source is not at hand (no taxonomy exports, no glossary file)."""
    groups = [g for g in curated_groups() if g]
    mine = load_translations(locale, "groups.yaml")
    is_source = locale == source

    def has(texts: dict | None, override) -> bool:
        return is_source or _filled(override) or _filled((texts or {}).get(locale))

    labels = Count(sum(has(g.get("label"), (mine.get(g["ssyk"]) or {}).get("label")) for g in groups), len(groups))
    descriptions = Count(sum(has(g.get("description"), (mine.get(g["ssyk"]) or {}).get("description")) for g in groups),
                         len(groups))
    comps = [(g["ssyk"], c) for g in groups for c in g.get("competences") or []]
    competences = Count(sum(has(c.get("label"), ((mine.get(s) or {}).get("competences") or {}).get(c["key"]))
                            for s, c in comps), len(comps))
    result: dict[str, Count | None] = {"group labels": labels, "descriptions": descriptions, "competences": competences}
    if has_taxonomy():
        skills = load_translations(locale, "skills.yaml")
        top = top_skills()
        result["skills"] = Count(len(top) if is_source else sum(_filled(skills.get(i)) for i, _ in top), len(top))
        names = load_translations(locale, "occupations.yaml")
        occ = worklist_occupations()
        result["occupations"] = Count(len(occ) if is_source else sum(_filled(names.get(i)) for i, _ in occ), len(occ))
    else:
        result["skills"] = result["occupations"] = None
    terms = glossary_terms()
    if terms is None:
        result["glossary"] = None
    else:
        own = load_translations(locale, "glossary.yaml")
        result["glossary"] = Count(sum(is_source or _filled(own.get(k)) or
                                       (_filled((t.get("term") or {}).get(locale)) and _filled((t.get("text") or {}).get(locale)))
                                       for k, t in terms.items()), len(terms))
    return result
