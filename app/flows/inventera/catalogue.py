"""The catalogue as the Inventera views need it: one engine ``Catalog`` per process and
catalogue version (building it takes about 0.1 s), plus the localised labels and facts the
cards show. Reads only; every figure comes from ``app.content`` or ``app.engine``."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from flask_babel import get_locale
from markupsafe import Markup, escape
from sqlalchemy import select

from app import wording
from app.content.models import (
    CatalogueMeta, Competence, Education, EducationLeadsTo, EducationMunicipality, LanguageLevel,
    Municipality, OccupationGroup, OccupationOutlook, OccupationPay, Skill,
)
from app.content.search import fold
from app.content.snapshot import catalog_from_db
from app.db import get_session
from app.engine import Catalog
from app.engine.geo import EducationPlaces, Place
from app.engine.index import index_for


@dataclass
class CatalogueView:
    catalog: Catalog
    groups: dict[str, OccupationGroup] = field(default_factory=dict)        # group id -> row
    by_ssyk: dict[str, str] = field(default_factory=dict)                   # SSYK -> group id
    skill_labels: dict[str, dict] = field(default_factory=dict)             # curated {locale: label}
    competences: dict[str, list[tuple[int, str]]] = field(default_factory=dict)   # SSYK -> [(importance, skill id)]
    educations: dict[str, Education] = field(default_factory=dict)
    levels: dict[str, LanguageLevel] = field(default_factory=dict)
    outlook: dict[str, OccupationOutlook] = field(default_factory=dict)    # SSYK -> row
    pay: dict[str, OccupationPay] = field(default_factory=dict)            # SSYK -> row
    places: dict[str, Place] = field(default_factory=dict)                  # kommunkod -> coordinates
    municipality_names: dict[str, str] = field(default_factory=dict)       # kommunkod -> name
    municipality_by_name: dict[str, str] = field(default_factory=dict)     # folded name -> kommunkod
    education_places: dict[str, EducationPlaces] = field(default_factory=dict)
    routes: dict[str, list[str]] = field(default_factory=dict)             # SSYK -> education ids


_cache: dict[str, tuple[str, CatalogueView]] = {}
_lock = threading.Lock()


def _version(session) -> str:
    return session.execute(select(CatalogueMeta.value).where(CatalogueMeta.key == "version")).scalar() or "0"


def _build(session) -> CatalogueView:
    catalog = catalog_from_db(session)
    view = CatalogueView(catalog=catalog)
    for g in session.execute(select(OccupationGroup)).scalars():
        session.expunge(g)
        gid = g.concept_id or g.ssyk
        view.groups[gid] = g
        view.by_ssyk[g.ssyk] = gid
    for s in session.execute(select(Skill).where(Skill.labels.is_not(None))).scalars():
        if s.labels:
            view.skill_labels[s.id] = dict(s.labels)
    for c in session.execute(select(Competence)).scalars():
        view.competences.setdefault(c.group_ssyk, []).append((c.importance, c.skill_id))
        if c.labels and c.skill_id not in view.skill_labels:
            view.skill_labels[c.skill_id] = dict(c.labels)
    for rows, target, key in ((Education, view.educations, "id"), (LanguageLevel, view.levels, "id"),
                              (OccupationOutlook, view.outlook, "group_ssyk"),
                              (OccupationPay, view.pay, "group_ssyk")):
        for row in session.execute(select(rows)).scalars():
            session.expunge(row)
            target[getattr(row, key)] = row
    _add_geography(session, view)
    index_for(catalog)          # build the ranking index now, once
    return view


def _add_geography(session, view: CatalogueView) -> None:
    """Municipalities, where each education is given, and each occupation's education routes."""
    for m in session.execute(select(Municipality)).scalars():
        view.places[m.kommunkod] = Place(m.kommunkod, m.lat, m.lon)
        view.municipality_names[m.kommunkod] = m.name
        view.municipality_by_name.setdefault(fold(m.name), m.kommunkod)
    given_in: dict[str, list[str]] = {}
    for row in session.execute(select(EducationMunicipality)).scalars():
        given_in.setdefault(row.education_id, []).append(row.kommunkod)
    for e in view.educations.values():
        view.education_places[e.id] = EducationPlaces(
            e.id, everywhere=e.where_scope == "all_municipalities", distance=bool(e.distance),
            places=tuple(sorted(given_in.get(e.id, ()))))
    for row in session.execute(select(EducationLeadsTo)).scalars():
        view.routes.setdefault(row.group_ssyk, []).append(row.education_id)
    for g in view.groups.values():
        for education_id in g.education_routes or ():
            if education_id not in view.routes.setdefault(g.ssyk, []):
                view.routes[g.ssyk].append(education_id)


def find_municipality(view: CatalogueView, typed: str) -> str | None:
    """The kommunkod for what someone typed ("malmo", "Malmö kommun", "Malmö stad"), or None."""
    name = fold(typed)
    for suffix in (" kommun", " stad", " municipality"):
        name = name.removesuffix(suffix)
    return view.municipality_by_name.get(name.strip())


def current() -> CatalogueView:
    """The process-wide catalogue for this database, rebuilt when its version changes."""
    session = get_session()
    key = str(session.get_bind().url)
    version = _version(session)
    cached = _cache.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    with _lock:
        cached = _cache.get(key)
        if cached is None or cached[0] != version:
            cached = _cache[key] = (version, _build(session))
        return cached[1]


def localised(texts: dict | None, fallback: str = "") -> str:
    """A {locale: text} value in the current locale (sv@lattlast falls back to sv)."""
    if not texts:
        return fallback
    loc = str(get_locale() or "sv")
    for candidate in (loc, loc.split("@")[0], "sv"):
        if texts.get(candidate):
            return texts[candidate]
    return fallback or next(iter(texts.values()), "")


def _in_locale(texts: dict | None) -> bool:
    """True when ``texts`` has a text in the current locale (or Swedish is the locale)."""
    loc = str(get_locale() or "sv")
    return loc.startswith("sv") or bool(texts and (texts.get(loc) or texts.get(loc.split("@")[0])))


def tagged(text: str, texts: dict | None = None) -> Markup:
    """The text for HTML; marked lang="sv" when it is Swedish on a page in another language."""
    if _in_locale(texts):
        return escape(text)
    return Markup('<span lang="sv">%s</span>') % text


def skill_label(view: CatalogueView, skill_id: str, html: bool = False) -> str:
    skill = view.catalog.skills.get(skill_id)
    texts = view.skill_labels.get(skill_id)
    text = localised(texts, skill.label if skill else skill_id)
    return tagged(text, texts) if html else text


def skill_kind(view: CatalogueView, skill_id: str) -> str:
    skill = view.catalog.skills.get(skill_id)
    return skill.kind if skill else "taught"


def group_label(view: CatalogueView, group_id: str, html: bool = False) -> str:
    g = view.groups.get(group_id)
    texts = g.labels if g is not None else None
    if g is None:
        grp = view.catalog.groups.get(group_id)
        text = grp.label if grp else group_id
    else:
        text = localised(g.labels, g.label)
    return tagged(text, texts) if html else text


def education_label(view: CatalogueView, education_id: str, html: bool = False) -> str:
    e = view.educations.get(education_id)
    text = localised(e.labels, education_id) if e else education_id
    return tagged(text, e.labels if e else None) if html else text


def level_label(view: CatalogueView, level_id: str | None) -> str:
    lv = view.levels.get(level_id or "")
    return localised(lv.labels, level_id or "") if lv else (level_id or "")


def proposed_skills(view: CatalogueView, group_ids: list[str], limit: int = 20) -> list[str]:
    """The most specific competences of the person's occupation groups, curated ones first
    (by importance), then the heaviest skills of the JobTech profile; interleaved across groups."""
    index = index_for(view.catalog)
    per_group: list[list[str]] = []
    for gid in group_ids:
        group = view.catalog.groups.get(gid)
        if group is None:
            continue
        curated = [sid for _imp, sid in sorted(view.competences.get(group.ssyk, []), key=lambda t: (-t[0], t[1]))]
        ranked = list(index.ranked_profile[index.position[gid]]) if gid in index.position else []
        per_group.append(curated + [s for s in ranked if s not in set(curated)])
    out: list[str] = []
    seen: set[str] = set()
    depth = 0
    while len(out) < limit and any(depth < len(lst) for lst in per_group):
        for lst in per_group:
            if depth < len(lst) and lst[depth] not in seen and len(out) < limit:
                seen.add(lst[depth])
                out.append(lst[depth])
        depth += 1
    return out


def outlook_value(row: OccupationOutlook | None) -> float | None:
    """Yrkesbarometern's job chances as -1 (small) .. +1 (large); None when unknown."""
    if row is None:
        return None
    return {"stora": 1.0, "medelstora": 0.0, "små": -1.0}.get(row.job_chances or "")


def fact(row: Any, kind: str | None = None) -> dict | None:
    """Source, period and age of a curated fact, for the card (see ``app.wording.fact``)."""
    return wording.fact(row, kind)
