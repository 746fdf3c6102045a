"""Read the curated content files into frozen values, and validate them. Fails loudly.

``load_content(root)`` parses ``occupations/<ssyk>.yaml``, ``educations.yaml``,
``financing.yaml`` and ``language_levels.yaml``; a file that cannot be parsed raises
``ContentError`` listing every problem as ``file: path.in.file: problem``.
``validate(content, today=...)`` returns the problems of the whole catalogue: references
between files, facts without source or validity, expired facts, minimum coverage.
``check(root)`` does both and is what ``flask content check`` and the tests run.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from app.content import freshness
from app.content.domain import (
    COMPETENCE_KINDS,
    EDUCATION_FORMS,
    FACT_STATUSES,
    WHERE_SCOPES,
    WORK_DEMANDS,
    Amount,
    Competence,
    Content,
    Education,
    Fact,
    FinancingScheme,
    GlossaryTerm,
    GroupTranslation,
    LanguageLevel,
    Occupation,
    Outlook,
    Pay,
    PrisBasbelopp,
    Problem,
    Rule,
    Translations,
)
from app.content.freshness import DatedFact

CONTENT_DIR = Path(__file__).resolve().parent / "files"
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when available: same result, faster
DATA_DIR = Path(__file__).resolve().parent / "data"

MIN_OCCUPATIONS = 40
MIN_EDUCATIONS = 30
COMPETENCES_PER_OCCUPATION = (10, 25)
# Financing schemes the product explains; each must be in financing.yaml (repealed ones too,
# so the app can say "no longer available").
REQUIRED_SCHEMES = ("csn-studiemedel", "omstallningsstudiestod", "studiestartsstod",
                    "etableringsersattning", "aktivitetsstod", "utvecklingsersattning",
                    "a-kassa-vid-studier")
FACT_KEYS = ("source_url", "source_name", "retrieved", "valid_from", "valid_to", "status", "formula")
_SSYK = re.compile(r"^\d{4}$")
# A source its own file calls unconfirmed is not published: the figure is removed, or the
# official statistics cited (a fact on a page needs a verifiable source with its year).
UNCONFIRMED = re.compile(r"ej bekräftat|inte bekräftat|obekräftad|osäkert|troligen|unconfirmed|not confirmed",
                         re.IGNORECASE)


class ContentError(Exception):
    """Content files that cannot be used; ``problems`` lists each one precisely."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _Ctx:
    """Collects problems for one file while parsing it."""

    def __init__(self, file: str, problems: list[Problem]):
        self.file, self.problems = file, problems

    def error(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.file, path, message))

    def warn(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.file, path, message, "warning"))

    # typed getters: report and return a fallback instead of raising, so one run lists all
    def req(self, data: dict, key: str, path: str, kind: type | tuple = str, default: Any = None) -> Any:
        if not isinstance(data, dict):
            self.error(path, f"expected a mapping, got {type(data).__name__}")
            return default
        if key not in data or data[key] is None:
            self.error(_join(path, key), "missing")
            return default
        return self.typed(data[key], _join(path, key), kind, default)

    def opt(self, data: dict, key: str, path: str, kind: type | tuple = str, default: Any = None) -> Any:
        if not isinstance(data, dict) or data.get(key) is None:
            return default
        return self.typed(data[key], _join(path, key), kind, default)

    def typed(self, value: Any, path: str, kind: type | tuple, default: Any) -> Any:
        if kind is int and isinstance(value, bool):
            self.error(path, f"expected a number, got {value!r}")
            return default
        if kind is float and isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if kind is bool and not isinstance(value, bool):
            self.error(path, f"expected true/false, got {value!r}")
            return default
        if not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            self.error(path, f"expected {names}, got {type(value).__name__} {value!r:.60}")
            return default
        return value

    def text(self, data: dict, key: str, path: str, required: bool = True) -> dict:
        """A localised text: ``{locale: str}`` with at least ``sv``; a bare string means sv."""
        value = data.get(key) if isinstance(data, dict) else None
        if value is None:
            if required:
                self.error(_join(path, key), "missing")
            return {}
        if isinstance(value, str):
            return {"sv": value}
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            self.error(_join(path, key), "expected {locale: text}")
            return {}
        if required and not value.get("sv"):
            self.error(_join(path, key), "missing the Swedish text ('sv')")
        return {str(k): v for k, v in value.items()}

    def date(self, value: Any, path: str) -> date | None:
        if value is None:
            return None
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.error(path, f"not a date (YYYY-MM-DD): {value!r}")
        return None

    def fact(self, data: dict, path: str, inherited: Fact | None = None) -> Fact:
        if not isinstance(data, dict):
            return inherited or Fact()
        base = inherited or Fact()
        return Fact(
            source_url=data.get("source_url") or base.source_url,
            source_name=data.get("source_name") or base.source_name,
            retrieved=self.date(data.get("retrieved"), _join(path, "retrieved")) or base.retrieved,
            valid_from=self.date(data.get("valid_from"), _join(path, "valid_from")) or base.valid_from,
            valid_to=self.date(data.get("valid_to"), _join(path, "valid_to")) or base.valid_to,
            status=data.get("status") or base.status,
            formula=data.get("formula") or base.formula,
        )


def is_file_level(problem: Problem) -> bool:
    """A whole file is unusable (missing, not YAML): loading would drop its rows."""
    return problem.severity == "error" and (problem.path == "" or problem.path.startswith(("line ", "byte ")))


def _join(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _read_yaml(path: Path, problems: list[Problem], rel: str) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_YamlLoader)
    except FileNotFoundError:
        problems.append(Problem(rel, "", "file not found"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1} column {mark.column + 1}" if mark else ""
        problems.append(Problem(rel, where, f"not valid YAML: {getattr(exc, 'problem', exc)}"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, f"byte {exc.start}", "not UTF-8 text"))
    return None


def _list(ctx: _Ctx, data: Any, key: str, path: str, required: bool = True) -> list:
    value = data.get(key) if isinstance(data, dict) else None
    if value is None:
        if required:
            ctx.error(_join(path, key), "missing")
        return []
    if not isinstance(value, list):
        ctx.error(_join(path, key), f"expected a list, got {type(value).__name__}")
        return []
    return value


# --- occupations ---------------------------------------------------------------------------

def parse_occupation(ctx: _Ctx, data: Any, stem: str) -> Occupation | None:
    if not isinstance(data, dict):
        ctx.error("", "expected a mapping at the top of the file")
        return None
    ssyk = str(ctx.req(data, "ssyk", "", (str, int), "") or "")
    if not _SSYK.match(ssyk):
        ctx.error("ssyk", f"{ssyk!r} is not a 4-digit SSYK 2012 code (quote it: \"5321\")")
    elif ssyk != stem:
        ctx.error("ssyk", f"{ssyk} does not match the file name {stem}.yaml")
    competences = []
    keys = set()
    for i, item in enumerate(_list(ctx, data, "competences", "")):
        path = f"competences[{i}]"
        key = ctx.req(item, "key", path, str, "")
        if key in keys:
            ctx.error(_join(path, "key"), f"duplicate competence key {key!r}")
        keys.add(key)
        kind = ctx.req(item, "kind", path, str, "taught")
        if kind not in COMPETENCE_KINDS:
            ctx.error(_join(path, "kind"), f"{kind!r} is not one of {', '.join(COMPETENCE_KINDS)}")
        importance = ctx.req(item, "importance", path, int, 2)
        if importance not in (1, 2, 3):
            ctx.error(_join(path, "importance"), f"{importance!r} is not 1, 2 or 3")
        competences.append(Competence(
            key=key, label=ctx.text(item, "label", path), kind=kind,
            taxonomy_id=ctx.opt(item, "taxonomy_id", path, str), importance=importance))
    demands = {}
    raw_demands = ctx.req(data, "work_demands", "", dict, {}) or {}
    for name in WORK_DEMANDS:
        value = raw_demands.get(name)
        if value not in (0, 1, 2) or isinstance(value, bool):
            ctx.error(f"work_demands.{name}", f"{value!r} is not 0, 1 or 2")
        else:
            demands[name] = value
    for name in raw_demands:
        if name not in WORK_DEMANDS:
            ctx.error(f"work_demands.{name}", f"unknown demand (known: {', '.join(WORK_DEMANDS)})")
    outlook = pay = None
    if isinstance(data.get("outlook"), dict):
        o = data["outlook"]
        outlook = Outlook(o.get("job_chances"), o.get("recruitment"), o.get("five_year"),
                          ctx.fact(o, "outlook"))
    else:
        ctx.error("outlook", "missing")
    if isinstance(data.get("pay"), dict):
        p = data["pay"]
        pay = Pay(ctx.opt(p, "monthly_average", "pay", int), ctx.opt(p, "year", "pay", int),
                  ctx.fact(p, "pay"))
    else:
        ctx.error("pay", "missing")
    return Occupation(
        ssyk=ssyk,
        concept_id=ctx.opt(data, "concept_id", "", str),
        label=ctx.text(data, "label", ""),
        description=ctx.text(data, "description", ""),
        work_demands=demands,
        riasec=tuple(str(x) for x in _list(ctx, data, "riasec", "")),
        education_required=None if data.get("education_required") is None else str(data["education_required"]),
        typical_education_weeks=ctx.opt(data, "typical_education_weeks", "", int),
        language_requirement=ctx.opt(data, "language_requirement", "", str),
        competences=tuple(competences),
        outlook=outlook,
        pay=pay,
        education_routes=tuple(str(x) for x in _list(ctx, data, "education_routes", "")),
        file=ctx.file,
    )


# --- educations ----------------------------------------------------------------------------

_EDUCATION_KNOWN = {"id", "form", "label", "description", "provider", "sun_level", "level", "weeks",
                    "pace_options", "cost_sek", "entry_requirements", "language_requirement",
                    "language_integrated", "gives", "gives_language_level", "leads_to", "where",
                    "financing", "apply_url", *FACT_KEYS}


def parse_education(ctx: _Ctx, item: Any, path: str) -> Education | None:
    if not isinstance(item, dict):
        ctx.error(path, "expected a mapping")
        return None
    eid = ctx.req(item, "id", path, str, "")
    form = ctx.req(item, "form", path, str, "")
    if form and form not in EDUCATION_FORMS:
        ctx.error(_join(path, "form"), f"{form!r} is not one of {', '.join(EDUCATION_FORMS)}")
    gives = []
    for j, ref in enumerate(_list(ctx, item, "gives", path, required=False)):
        if not isinstance(ref, str) or ":" not in ref:
            ctx.error(f"{path}.gives[{j}]", f"{ref!r} is not '<ssyk>:<competence key>'")
            continue
        ssyk, key = ref.split(":", 1)
        gives.append((ssyk.strip(), key.strip()))
    where = item.get("where") or {}
    if not isinstance(where, dict):
        ctx.error(_join(path, "where"), "expected a mapping {scope, municipalities, distance}")
        where = {}
    scope = where.get("scope", "all_municipalities")
    if scope not in WHERE_SCOPES:
        ctx.error(_join(path, "where.scope"), f"{scope!r} is not one of {', '.join(WHERE_SCOPES)}")
    munis = where.get("municipalities") or []
    if not isinstance(munis, list):
        ctx.error(_join(path, "where.municipalities"), "expected a list of kommunkoder")
        munis = []
    weeks = ctx.opt(item, "weeks", path, (int, float))
    pace = item.get("pace_options") or []
    return Education(
        id=eid, form=form, label=ctx.text(item, "label", path),
        description=ctx.text(item, "description", path, required=False),
        provider=None if item.get("provider") is None else str(item["provider"]),
        sun_level=None if item.get("sun_level") is None else str(item["sun_level"]),
        level=None if item.get("level") is None else str(item["level"]),
        weeks=None if weeks is None else int(weeks),
        pace_options=tuple(pace) if isinstance(pace, list) else (pace,),
        cost_sek=ctx.opt(item, "cost_sek", path, int),
        entry_requirements=item.get("entry_requirements"),
        language_requirement=ctx.opt(item, "language_requirement", path, str),
        language_integrated=bool(item.get("language_integrated", False)),
        gives=tuple(gives),
        gives_language_level=ctx.opt(item, "gives_language_level", path, str),
        leads_to=tuple(str(x) for x in _list(ctx, item, "leads_to", path, required=False)),
        where_scope=scope,
        municipalities=tuple(str(m).zfill(4) if isinstance(m, int) else str(m) for m in munis),
        distance=bool(where.get("distance", scope == "distance_only")),
        financing=tuple(str(x) for x in _list(ctx, item, "financing", path, required=False)),
        apply_url=ctx.opt(item, "apply_url", path, str),
        fact=ctx.fact(item, path),
        extra={k: v for k, v in item.items() if k not in _EDUCATION_KNOWN},
    )


# --- financing -----------------------------------------------------------------------------

def _int_or_none(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    match = re.match(r"^\s*(\d+)", str(value))
    return int(match.group(1)) if match else None


_AMOUNT_KNOWN = {"key", "pace", "value", "unit", "kind", "year", "description", "note", *FACT_KEYS}


def parse_financing(ctx: _Ctx, data: Any) -> tuple[dict, tuple]:
    schemes: dict[str, FinancingScheme] = {}
    pbb = []
    if not isinstance(data, dict):
        ctx.error("", "expected a mapping with 'prisbasbelopp' and 'schemes'")
        return schemes, ()
    for i, row in enumerate(_list(ctx, data, "prisbasbelopp", "", required=False)):
        path = f"prisbasbelopp[{i}]"
        pbb.append(PrisBasbelopp(ctx.req(row, "year", path, int, 0), ctx.req(row, "value", path, int, 0),
                                 ctx.fact(row, path)))
    for i, item in enumerate(_list(ctx, data, "schemes", "")):
        path = f"schemes[{i}]"
        sid = ctx.req(item, "id", path, str, "")
        if not isinstance(item, dict):
            continue
        rules, amounts, seen = [], [], set()
        for j, rule in enumerate(_list(ctx, item, "rules", path, required=False)):
            rpath = f"{path}.rules[{j}]"
            key = ctx.req(rule, "key", rpath, str, "")
            if key in seen:
                ctx.error(_join(rpath, "key"), f"duplicate rule key {key!r}")
            seen.add(key)
            rules.append(Rule(key, rule.get("value") if isinstance(rule, dict) else None,
                              rule.get("description") if isinstance(rule, dict) else None,
                              ctx.fact(rule, rpath)))
        seen_amounts = set()
        for j, amount in enumerate(_list(ctx, item, "amounts", path, required=False)):
            apath = f"{path}.amounts[{j}]"
            key = ctx.req(amount, "key", apath, str, "")
            if not isinstance(amount, dict):
                continue
            value = amount.get("value")
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
                ctx.error(_join(apath, "value"), f"expected a number, got {value!r}")
                value = None
            qualifiers = {k: v for k, v in amount.items() if k not in _AMOUNT_KNOWN}
            a = Amount(key, _int_or_none(amount.get("pace")), None if value is None else float(value),
                       None if amount.get("unit") is None else str(amount["unit"]),
                       None if amount.get("kind") is None else str(amount["kind"]),
                       _int_or_none(amount.get("year")), ctx.fact(amount, apath), qualifiers)
            if a.id in seen_amounts:
                ctx.error(apath, f"duplicate amount {a.id} (key:pace:year)")
            seen_amounts.add(a.id)
            amounts.append(a)
        if sid in schemes:
            ctx.error(_join(path, "id"), f"duplicate scheme id {sid!r}")
        schemes[sid] = FinancingScheme(
            id=sid, provider=item.get("provider"), name=item.get("name"), summary=item.get("summary"),
            apply_url=item.get("apply_url"), repealed=bool(item.get("repealed", False)),
            rules=tuple(rules), amounts=tuple(amounts),
            extra={k: v for k, v in item.items() if k not in _SCHEME_KNOWN})
    return schemes, tuple(pbb)


_SCHEME_KNOWN = {"id", "provider", "name", "summary", "apply_url", "repealed", "rules", "amounts"}


# --- language levels -----------------------------------------------------------------------

_LEVEL_KNOWN = {"id", "family", "rank", "cefr", "label", "can_do", "course", *FACT_KEYS}


def parse_language_levels(ctx: _Ctx, data: Any) -> dict[str, LanguageLevel]:
    levels: dict[str, LanguageLevel] = {}
    if not isinstance(data, dict):
        ctx.error("", "expected a mapping with 'levels'")
        return levels
    file_fact = ctx.fact(data, "")
    for i, item in enumerate(_list(ctx, data, "levels", "")):
        path = f"levels[{i}]"
        lid = ctx.req(item, "id", path, str, "")
        if lid in levels:
            ctx.error(_join(path, "id"), f"duplicate level id {lid!r}")
        levels[lid] = LanguageLevel(
            id=lid, family=ctx.req(item, "family", path, str, ""), rank=ctx.req(item, "rank", path, int, 0),
            cefr=None if not isinstance(item, dict) or item.get("cefr") is None else str(item["cefr"]),
            label=ctx.text(item, "label", path), can_do=ctx.text(item, "can_do", path, required=False),
            course=item.get("course") if isinstance(item, dict) else None,
            fact=ctx.fact(item, path, file_fact),
            extra={k: v for k, v in item.items() if k not in _LEVEL_KNOWN} if isinstance(item, dict) else {})
    return levels


# --- glossary and content translations --------------------------------------------------------

MIN_GLOSSARY_TERMS = 40
_GLOSSARY_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CONCEPT_ID = re.compile(r"^[A-Za-z0-9_]{4,32}$")
TRANSLATION_FILES = ("groups.yaml", "occupations.yaml", "skills.yaml", "glossary.yaml")


def parse_glossary(ctx: _Ctx, data: Any) -> dict[str, GlossaryTerm]:
    terms: dict[str, GlossaryTerm] = {}
    if not isinstance(data, dict) or not isinstance(data.get("terms"), dict):
        ctx.error("terms" if isinstance(data, dict) else "", "expected a mapping 'terms: {key: {term, text, aliases, source}}'")
        return terms
    for key, item in data["terms"].items():
        path = f"terms.{key}"
        if not isinstance(key, str) or not _GLOSSARY_KEY.match(key):
            ctx.error(path, f"{key!r} is not a key of a-z, 0-9 and '-' (it is the page anchor)")
            continue
        if not isinstance(item, dict):
            ctx.error(path, "expected a mapping {term, text, aliases, source}")
            continue
        for extra in set(item) - {"term", "text", "aliases", "source"}:
            ctx.error(_join(path, extra), "unknown field (known: term, text, aliases, source)")
        term, text = ctx.text(item, "term", path), ctx.text(item, "text", path)
        if text and not text.get("sv@lattlast"):
            ctx.warn(_join(path, "text"), "no lättläst explanation ('sv@lattlast')")
        aliases: dict[str, tuple[str, ...]] = {}
        raw = item.get("aliases") or {}
        if isinstance(raw, list):
            raw = {"sv": raw}
        if not isinstance(raw, dict):
            ctx.error(_join(path, "aliases"), "expected {locale: [forms]}")
            raw = {}
        for locale, forms in raw.items():
            if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
                ctx.error(f"{path}.aliases.{locale}", "expected a list of words")
                continue
            aliases[str(locale)] = tuple(f.strip() for f in forms)
        source = item.get("source")
        if not isinstance(source, dict) or not isinstance(source.get("url"), str) \
                or not source["url"].startswith(("https://", "http://")):
            ctx.error(_join(path, "source"), "expected {url: https://..., name: ...}")
            source = {}
        elif not source.get("name"):
            ctx.error(_join(path, "source.name"), "missing")
        terms[key] = GlossaryTerm(key=key, term=term, text=text, aliases=aliases,
                                  source_url=str(source.get("url") or ""), source_name=str(source.get("name") or ""))
    return terms


def _overlay_text(ctx: _Ctx, value: Any, path: str) -> str:
    """A translated label: a string (empty = not translated yet)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        ctx.error(path, f"expected a text, got {type(value).__name__} {value!r:.60}")
        return ""
    return value.strip()


def parse_translations(root: Path, problems: list[Problem]) -> dict[str, Translations]:
    """``translations/<locale>/{groups,occupations,skills,glossary}.yaml`` (every file optional)."""
    out: dict[str, Translations] = {}
    base = root / "translations"
    if not base.is_dir():
        return out
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        locale = folder.name
        rel_dir = f"translations/{locale}/"
        try:
            from babel import Locale

            Locale.parse(locale)
        except (ValueError, TypeError) as exc:
            problems.append(Problem(rel_dir, "", f"{locale!r} is not a locale id: {exc}"))
            continue
        for other in sorted(folder.iterdir()):
            if other.name not in TRANSLATION_FILES:
                problems.append(Problem(rel_dir + other.name, "", f"unknown file (known: {', '.join(TRANSLATION_FILES)})",
                                        "warning"))
        parts: dict[str, Any] = {}
        for name in TRANSLATION_FILES:
            path = folder / name
            if not path.exists():
                continue
            rel = rel_dir + name
            data = _read_yaml(path, problems, rel)
            if data is None:
                continue
            if not isinstance(data, dict):
                problems.append(Problem(rel, "", "expected a mapping at the top of the file"))
                continue
            ctx = _Ctx(rel, problems)
            parts[name] = _PARSERS[name](ctx, data)
        out[locale] = Translations(locale=locale, groups=parts.get("groups.yaml", {}),
                                   occupations=parts.get("occupations.yaml", {}),
                                   skills=parts.get("skills.yaml", {}), glossary=parts.get("glossary.yaml", {}))
    return out


def _parse_groups_overlay(ctx: _Ctx, data: dict) -> dict[str, GroupTranslation]:
    groups = {}
    for ssyk, item in data.items():
        path = str(ssyk)
        if not isinstance(ssyk, str) or not _SSYK.match(ssyk):
            ctx.error(path, f"{ssyk!r} is not a 4-digit SSYK code in quotes (\"5120\")")
            continue
        if not isinstance(item, dict):
            ctx.error(path, "expected a mapping {label, description, competences}")
            continue
        for extra in set(item) - {"label", "description", "competences"}:
            ctx.error(_join(path, extra), "unknown field (known: label, description, competences)")
        comps = item.get("competences") or {}
        if not isinstance(comps, dict):
            ctx.error(_join(path, "competences"), "expected a mapping {competence key: label}")
            comps = {}
        labels = {str(k): _overlay_text(ctx, v, f"{path}.competences.{k}") for k, v in comps.items()}
        groups[ssyk] = GroupTranslation(
            label=_overlay_text(ctx, item.get("label"), _join(path, "label")),
            description=_overlay_text(ctx, item.get("description"), _join(path, "description")),
            competences={k: v for k, v in labels.items() if v})
    return groups


def _parse_occupations_overlay(ctx: _Ctx, data: dict) -> dict[str, tuple[str, ...]]:
    names = {}
    for cid, value in data.items():
        path = str(cid)
        if not isinstance(cid, str) or not _CONCEPT_ID.match(cid):
            ctx.error(path, f"{cid!r} is not a taxonomy concept id")
            continue
        if isinstance(value, str):
            value = [value]
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            ctx.error(path, "expected a list of names [shown name, search variant, ...]")
            continue
        cleaned = tuple(dict.fromkeys(v.strip() for v in value if v.strip()))
        if cleaned:
            names[cid] = cleaned
    return names


def _parse_skills_overlay(ctx: _Ctx, data: dict) -> dict[str, str]:
    labels = {}
    for cid, value in data.items():
        path = str(cid)
        if not isinstance(cid, str) or not _CONCEPT_ID.match(cid):
            ctx.error(path, f"{cid!r} is not a taxonomy concept id")
            continue
        text = _overlay_text(ctx, value, path)
        if text:
            labels[cid] = text
    return labels


def _parse_glossary_overlay(ctx: _Ctx, data: dict) -> dict[str, dict]:
    terms = {}
    for key, item in data.items():
        path = str(key)
        if not isinstance(item, dict):
            ctx.error(path, "expected a mapping {term, text}")
            continue
        for extra in set(item) - {"term", "text", "aliases"}:
            ctx.error(_join(path, extra), "unknown field (known: term, text, aliases)")
        entry: dict[str, Any] = {}
        for name in ("term", "text"):
            text = _overlay_text(ctx, item.get(name), _join(path, name))
            if text:
                entry[name] = text
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            ctx.error(_join(path, "aliases"), "expected a list of words")
        elif aliases:
            entry["aliases"] = tuple(a.strip() for a in aliases if a.strip())
        if entry:
            terms[str(key)] = entry
    return terms


_PARSERS = {"groups.yaml": _parse_groups_overlay, "occupations.yaml": _parse_occupations_overlay,
            "skills.yaml": _parse_skills_overlay, "glossary.yaml": _parse_glossary_overlay}


def validate_translations(content: Content, taxonomy: "TaxonomyIds | None" = None) -> list[Problem]:
    """References of the translation overlays: SSYK codes and competence keys of curated groups,
    glossary keys, and (when a taxonomy is imported) occupation and skill concept ids."""
    problems: list[Problem] = []
    try:
        from app.i18n import SUPPORTED_LOCALES
    except ImportError:                     # pragma: no cover - the app is always importable
        SUPPORTED_LOCALES = {}
    for locale, tr in content.translations.items():
        base = f"translations/{locale}/"
        if SUPPORTED_LOCALES and locale not in SUPPORTED_LOCALES:
            problems.append(Problem(base, "", f"{locale!r} is not in SUPPORTED_LOCALES (app/i18n.py): not shown", "warning"))
        if locale == "sv":
            problems.append(Problem(base, "", "Swedish is the source: write it in the content files"))
        for ssyk, group in tr.groups.items():
            occ = content.occupations.get(ssyk)
            if occ is None:
                problems.append(Problem(base + "groups.yaml", ssyk, f"SSYK {ssyk} has no curated occupation file"))
                continue
            keys = {c.key for c in occ.competences}
            for key in group.competences:
                if key not in keys:
                    problems.append(Problem(base + "groups.yaml", f"{ssyk}.competences.{key}",
                                            f"{occ.file} has no competence {key!r}"))
        for key in tr.glossary:
            if key not in content.glossary:
                problems.append(Problem(base + "glossary.yaml", key, f"no glossary term {key!r} in glossary.yaml"))
        if taxonomy is not None:
            for cid in tr.occupations:
                if cid not in taxonomy.occupations:
                    problems.append(Problem(base + "occupations.yaml", cid,
                                            "not an occupation name of the imported taxonomy"))
            for cid in tr.skills:
                if cid not in taxonomy.skills:
                    problems.append(Problem(base + "skills.yaml", cid, "not a skill of the imported taxonomy"))
    return problems


def validate_glossary(content: Content) -> list[Problem]:
    problems: list[Problem] = []
    if len(content.glossary) < MIN_GLOSSARY_TERMS:
        problems.append(Problem("glossary.yaml", "terms", f"{len(content.glossary)} terms, at least {MIN_GLOSSARY_TERMS} needed"))
    seen: dict[str, str] = {}
    for term in content.glossary.values():
        for word in (term.term.get("sv", ""), *term.aliases.get("sv", ())):
            folded = word.casefold()
            if folded in seen and seen[folded] != term.key:
                problems.append(Problem("glossary.yaml", f"terms.{term.key}",
                                        f"{word!r} also names {seen[folded]!r}: a page word must link to one term"))
            seen.setdefault(folded, term.key)
    return problems


@dataclass(frozen=True)
class TaxonomyIds:
    """Concept ids of an imported taxonomy, to check the translation overlays against."""

    occupations: frozenset[str]
    skills: frozenset[str]


# --- the whole catalogue -------------------------------------------------------------------

def load_content(root: str | Path = CONTENT_DIR, *, problems: list[Problem] | None = None) -> Content:
    """Parse every content file; raise ``ContentError`` if any file has errors."""
    root = Path(root)
    own = problems if problems is not None else []
    start = len(own)

    occupations: dict[str, Occupation] = {}
    occ_dir = root / "occupations"
    files = sorted(occ_dir.glob("*.yaml")) if occ_dir.is_dir() else []
    if not files:
        own.append(Problem("occupations/", "", "no occupation files found"))
    for path in files:
        rel = f"occupations/{path.name}"
        ctx = _Ctx(rel, own)
        data = _read_yaml(path, own, rel)
        if data is None:
            continue
        occ = parse_occupation(ctx, data, path.stem)
        if occ is not None:
            if occ.ssyk in occupations:
                ctx.error("ssyk", f"SSYK {occ.ssyk} is also in {occupations[occ.ssyk].file}")
            occupations[occ.ssyk] = occ

    educations: dict[str, Education] = {}
    ctx = _Ctx("educations.yaml", own)
    data = _read_yaml(root / "educations.yaml", own, "educations.yaml")
    if data is not None:
        for i, item in enumerate(_list(ctx, data, "educations", "")):
            edu = parse_education(ctx, item, f"educations[{i}]")
            if edu is not None:
                if edu.id in educations:
                    ctx.error(f"educations[{i}].id", f"duplicate education id {edu.id!r}")
                educations[edu.id] = edu

    ctx = _Ctx("financing.yaml", own)
    data = _read_yaml(root / "financing.yaml", own, "financing.yaml")
    schemes, pbb = parse_financing(ctx, data) if data is not None else ({}, ())

    ctx = _Ctx("language_levels.yaml", own)
    data = _read_yaml(root / "language_levels.yaml", own, "language_levels.yaml")
    levels = parse_language_levels(ctx, data) if data is not None else {}

    ctx = _Ctx("glossary.yaml", own)
    data = _read_yaml(root / "glossary.yaml", own, "glossary.yaml")
    glossary = parse_glossary(ctx, data) if data is not None else {}
    translations = parse_translations(root, own)

    errors = [p for p in own[start:] if p.severity == "error"]
    if errors and problems is None:
        raise ContentError(errors)
    return Content(occupations=occupations, educations=educations, schemes=schemes,
                   prisbasbelopp=pbb, language_levels=levels, root=str(root),
                   glossary=glossary, translations=translations)


def load_search_synonyms() -> dict:
    """``data/search_synonyms.yaml``: everyday words for taxonomy titles (shipped with the code,
    read once per process by the search index; ``content check`` does not load it into tables)."""
    with open(DATA_DIR / "search_synonyms.yaml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_YamlLoader) or {}


def kommunkoder() -> set[str]:
    with open(DATA_DIR / "kommuner.csv", encoding="utf-8") as handle:
        return {row["kommunkod"] for row in csv.DictReader(line for line in handle if not line.startswith("#"))}


def _check_fact(problems: list[Problem], dated: DatedFact, today: date, within_days: int) -> None:
    """Errors for a fact that makes no checkable claim; ``expired``/``expiring`` for one whose
    period ends (never an error: the service keeps working on the last known figure)."""
    file, path, fact = dated.file, dated.path, dated.fact

    def err(msg: str) -> None:
        problems.append(Problem(file, path, msg))

    if not fact.source_url:
        err("fact without source_url")
    if not fact.valid_from:
        err("fact without valid_from")
    if not fact.valid_to:
        err("fact without valid_to")
    if fact.status not in FACT_STATUSES:
        err(f"status {fact.status!r} is not one of {', '.join(FACT_STATUSES)}")
    if fact.status == "computed" and not fact.formula:
        err("computed fact without formula")
    if fact.source_name and UNCONFIRMED.search(fact.source_name):
        err("source marked as unconfirmed: remove the figure or cite the official statistics")
    if fact.valid_from and fact.valid_to and fact.valid_to < fact.valid_from:
        err(f"valid_to {fact.valid_to} is before valid_from {fact.valid_from}")
    if fact.valid_to and not dated.history:
        st = freshness.state(fact.valid_to, today, within_days)
        if st == freshness.EXPIRED:
            problems.append(Problem(file, path, f"expired: valid_to {fact.valid_to} is before today ({today})",
                                    freshness.EXPIRED))
        elif st == freshness.EXPIRING:
            problems.append(Problem(file, path, f"expires soon: valid_to {fact.valid_to} is within "
                                    f"{within_days} days of today ({today})", freshness.EXPIRING))


def validate(content: Content, *, today: date | None = None,
             within_days: int = freshness.DEFAULT_WITHIN_DAYS, taxonomy: TaxonomyIds | None = None) -> list[Problem]:
    """Cross-file checks and fact checks; returns problems: errors, warnings, and facts that have
    expired or expire within ``within_days`` of ``today`` (severity ``expired``/``expiring``).
    With ``taxonomy``, the translation overlays' concept ids are checked against it."""
    today = today or date.today()
    problems: list[Problem] = validate_glossary(content) + validate_translations(content, taxonomy)
    occ, edus, levels, schemes = content.occupations, content.educations, content.language_levels, content.schemes
    munis = kommunkoder()

    def level_ref(file: str, path: str, level: str | None) -> None:
        if level is not None and level not in levels:
            problems.append(Problem(file, path, f"unknown language level {level!r} (see language_levels.yaml)"))

    # occupations
    if len(occ) < MIN_OCCUPATIONS:
        problems.append(Problem("occupations/", "", f"{len(occ)} occupation files, at least {MIN_OCCUPATIONS} needed"))
    low, high = COMPETENCES_PER_OCCUPATION
    for o in occ.values():
        n = len(o.competences)
        if not low <= n <= high:
            problems.append(Problem(o.file, "competences", f"{n} competences, expected {low}-{high}"))
        level_ref(o.file, "language_requirement", o.language_requirement)
        for i, route in enumerate(o.education_routes):
            if route not in edus:
                problems.append(Problem(o.file, f"education_routes[{i}]", f"unknown education id {route!r}"))
        if o.concept_id is None:
            problems.append(Problem(o.file, "concept_id", "missing JobTech concept id", "warning"))

    # educations
    if len(edus) < MIN_EDUCATIONS:
        problems.append(Problem("educations.yaml", "educations", f"{len(edus)} educations, at least {MIN_EDUCATIONS} needed"))
    missing_forms = [f for f in EDUCATION_FORMS if f not in {e.form for e in edus.values()}]
    if missing_forms and edus:
        problems.append(Problem("educations.yaml", "educations", f"no education of form(s): {', '.join(missing_forms)}"))
    for i, e in enumerate(edus.values()):
        path = f"educations[id={e.id}]"
        for ssyk, key in e.gives:
            if ssyk not in occ:
                problems.append(Problem("educations.yaml", f"{path}.gives", f"'{ssyk}:{key}': no occupation file for SSYK {ssyk}"))
            elif key not in {c.key for c in occ[ssyk].competences}:
                problems.append(Problem("educations.yaml", f"{path}.gives", f"'{ssyk}:{key}': {occ[ssyk].file} has no competence {key!r}"))
        for ssyk in e.leads_to:
            if not _SSYK.match(ssyk):
                problems.append(Problem("educations.yaml", f"{path}.leads_to", f"{ssyk!r} is not a 4-digit SSYK code"))
            elif ssyk not in occ:
                problems.append(Problem("educations.yaml", f"{path}.leads_to", f"SSYK {ssyk} has no occupation file", "warning"))
        level_ref("educations.yaml", f"{path}.language_requirement", e.language_requirement)
        level_ref("educations.yaml", f"{path}.gives_language_level", e.gives_language_level)
        for sid in e.financing:
            if sid not in schemes:
                problems.append(Problem("educations.yaml", f"{path}.financing", f"unknown financing scheme {sid!r}"))
        for code in e.municipalities:
            if code not in munis:
                problems.append(Problem("educations.yaml", f"{path}.where.municipalities", f"{code!r} is not a kommunkod"))
        if e.where_scope == "selected" and not e.municipalities:
            problems.append(Problem("educations.yaml", f"{path}.where", "scope 'selected' but no municipalities"))

    # financing
    for sid in REQUIRED_SCHEMES:
        if sid not in schemes:
            problems.append(Problem("financing.yaml", "schemes", f"scheme {sid!r} is missing"))

    # language levels
    if not levels:
        problems.append(Problem("language_levels.yaml", "levels", "no levels"))
    for lv in levels.values():
        if isinstance(lv.course, dict):     # dates of a level's course that do not parse
            ctx = _Ctx("language_levels.yaml", problems)
            for sub, raw in freshness.nested_facts(lv.course, f"levels[id={lv.id}].course"):
                ctx.fact(raw, sub, lv.fact)

    # every dated fact: a source and a period; expired or expiring ones listed apart from errors
    # (an amount a later year replaces, or a repealed scheme's rule, is history, never expired)
    for dated in freshness.dated_facts(content):
        _check_fact(problems, dated, today, within_days)
    return problems


def check(root: str | Path = CONTENT_DIR, *, today: date | None = None,
          within_days: int = freshness.DEFAULT_WITHIN_DAYS,
          taxonomy: TaxonomyIds | None = None) -> tuple[Content | None, list[Problem]]:
    """Parse and validate; returns (content or None if unparseable, every problem)."""
    problems: list[Problem] = []
    content = load_content(root, problems=problems)
    problems.extend(validate(content, today=today, within_days=within_days, taxonomy=taxonomy))
    return content, problems


# --- local job tracks and employer profiles (issue 18; validated by app.content.local) ---------

LOCAL_DIR = "local"                                   # content files: files/local/*.yaml (none shipped)
EXAMPLES_FILE = Path(__file__).parent / "examples" / "local_examples.yaml"


def load_local_documents(path: str | Path) -> tuple[list[dict], list[dict]]:
    """(tracks, profiles) of one YAML file ``{tracks: [...], profiles: [...]}``, or of every
    ``*.yaml`` in a directory. Raises ``ContentError`` on a file that is not YAML."""
    path = Path(path)
    files = sorted(path.glob("*.yaml")) if path.is_dir() else ([path] if path.exists() else [])
    tracks: list[dict] = []
    profiles: list[dict] = []
    for file in files:
        problems: list[Problem] = []
        data = _read_yaml(file, problems, file.name)
        if problems:
            raise ContentError(problems)
        data = data or {}
        if not isinstance(data, dict):
            raise ContentError([Problem(file.name, "", "expected a mapping with tracks and profiles")])
        tracks += [dict(d) for d in data.get("tracks") or [] if isinstance(d, dict)]
        profiles += [dict(d) for d in data.get("profiles") or [] if isinstance(d, dict)]
    return tracks, profiles
def read_file(path: str | Path) -> Any:
    """One YAML file as plain data (None when it does not exist): for the translation work list and
    `flask i18n report`, which count what is written; pages never read it (they read the tables)."""
    path = Path(path)
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_YamlLoader)
