"""The one request-time read model of the catalogue.

Every view, the PDF, the .ics and the shared view read the catalogue through this module, and
only this module (with ``snapshot.py`` and ``search.py`` that it builds on) reads the catalogue
tables at request time. The content files are read only by ``flask content load`` and
``flask content check``: what a person sees is what the operator loaded.

``current()`` gives one ``CatalogueView`` per process, database and catalogue version (building
it takes about 0.1 s; the cache is ``cache.versioned``, shared with the search index). It holds
the engine's inputs (``Catalog``, ``RouteInputs``, ``FinancingFacts``, the language scale) and the
rows behind the localised labels and facts the pages show.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, NamedTuple

from flask import g as request_globals
from flask import has_request_context
from flask_babel import get_locale
from markupsafe import Markup, escape
from sqlalchemy import select
from sqlmodel import Session

from app.content import search as _search
from app.content.cache import versioned
from app.content.geo import rail_lines
from app.content.models import (
    Competence,
    ContentTranslation,
    Education,
    EducationGives,
    EducationLeadsTo,
    EducationMunicipality,
    EmployerProfile,
    FinancingAmount,
    FinancingRule,
    FinancingScheme,
    GlossaryTerm,
    JobTrack,
    LanguageLevel,
    Municipality,
    OccupationGroup,
    OccupationName,
    OccupationOutlook,
    OccupationPay,
    PrisBasbelopp,
    Skill,
)
from app.content.search import fold
from app.content.snapshot import catalog_from_db
from app.db import get_session
from app.engine import Catalog
from app.engine.financing import AmountFact, FinancingFacts, RuleFact
from app.engine.gap import EmployerNeeds
from app.engine.geo import EducationPlaces, Place, RailLine
from app.engine.index import index_for
from app.engine.language import LanguageScale, Level
from app.engine.routes import RouteEducation, RouteInputs, RouteOccupation, RouteTrack, TrackIntake, TrackStepInput


class Label(NamedTuple):
    """A label for a page: the text, and whether it is in the asked language (else Swedish)."""

    text: str
    in_locale: bool


@dataclass
class LocaleLabels:
    """Everything the content says in one language, merged once when the view is built: a value
    written inline in an occupation file wins over ``translations/<locale>/``."""

    groups: dict[str, str] = field(default_factory=dict)            # SSYK -> label
    descriptions: dict[str, str] = field(default_factory=dict)      # SSYK -> description
    skills: dict[str, str] = field(default_factory=dict)            # skill id -> label
    occupations: dict[str, tuple[str, ...]] = field(default_factory=dict)   # concept id -> [shown, variants...]
    glossary: dict[str, dict] = field(default_factory=dict)         # key -> {term, text, aliases}


@dataclass
class CatalogueView:
    catalog: Catalog
    route_inputs: RouteInputs | None = None                                 # Besluta's route engine
    financing: FinancingFacts | None = None
    groups: dict[str, OccupationGroup] = field(default_factory=dict)        # group id -> row
    by_ssyk: dict[str, str] = field(default_factory=dict)                   # SSYK -> group id
    skill_labels: dict[str, dict] = field(default_factory=dict)             # curated {locale: label}
    competences: dict[str, list[tuple[int, str]]] = field(default_factory=dict)   # SSYK -> [(importance, skill id)]
    competence_rows: dict[str, list[Competence]] = field(default_factory=dict)    # SSYK -> rows in file order
    licence_names: dict[str, dict] = field(default_factory=dict)           # licence key -> {locale: name}
    educations: dict[str, Education] = field(default_factory=dict)          # in the file's order
    levels: dict[str, LanguageLevel] = field(default_factory=dict)
    schemes: dict[str, FinancingScheme] = field(default_factory=dict)
    rules: dict[tuple[str, str], FinancingRule] = field(default_factory=dict)    # (scheme, key) -> row
    outlook: dict[str, OccupationOutlook] = field(default_factory=dict)    # SSYK -> row
    pay: dict[str, OccupationPay] = field(default_factory=dict)            # SSYK -> row
    places: dict[str, Place] = field(default_factory=dict)                  # kommunkod -> coordinates
    municipality_names: dict[str, str] = field(default_factory=dict)       # kommunkod -> name
    municipality_by_name: dict[str, str] = field(default_factory=dict)     # folded name -> kommunkod
    education_places: dict[str, EducationPlaces] = field(default_factory=dict)
    rail: tuple[RailLine, ...] = ()                                         # the travel-time model's rail lines
    routes: dict[str, list[str]] = field(default_factory=dict)             # SSYK -> education ids
    leads_to: dict[str, list[str]] = field(default_factory=dict)           # education id -> SSYK codes
    tracks: dict[str, JobTrack] = field(default_factory=dict)               # published job tracks (issue 18)
    profiles: dict[str, EmployerProfile] = field(default_factory=dict)      # published employer profiles
    employer_needs: dict[str, EmployerNeeds] = field(default_factory=dict)  # profile id -> the gap's target
    i18n: dict[str, LocaleLabels] = field(default_factory=dict)            # locale -> its labels
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)        # key -> term, in the file's order
    memo: dict = field(default_factory=dict, repr=False)   # texts derived per locale, built on first ask


def _rows(session: Session, model, *order) -> list:
    rows = list(session.execute(select(model).order_by(*order)).scalars())
    for row in rows:
        session.expunge(row)
    return rows


def _build(session: Session) -> CatalogueView:
    catalog = catalog_from_db(session)
    view = CatalogueView(catalog=catalog)
    for g in _rows(session, OccupationGroup, OccupationGroup.ssyk):
        gid = g.concept_id or g.ssyk
        view.groups[gid] = g
        view.by_ssyk[g.ssyk] = gid
    for s in session.execute(select(Skill).where(Skill.labels.is_not(None))).scalars():
        if s.labels:
            view.skill_labels[s.id] = dict(s.labels)
    for c in _rows(session, Competence, Competence.group_ssyk, Competence.position, Competence.key):
        view.competences.setdefault(c.group_ssyk, []).append((c.importance, c.skill_id))
        view.competence_rows.setdefault(c.group_ssyk, []).append(c)
        if c.kind == "licence":
            view.licence_names[c.key] = dict(c.labels or {})      # the same key names one thing
        if c.labels and c.skill_id not in view.skill_labels:
            view.skill_labels[c.skill_id] = dict(c.labels)
    view.educations = {e.id: e for e in _rows(session, Education, Education.position, Education.id)}
    view.levels = {lv.id: lv for lv in _rows(session, LanguageLevel, LanguageLevel.rank, LanguageLevel.id)}
    view.schemes = {s.id: s for s in _rows(session, FinancingScheme, FinancingScheme.id)}
    view.rules = {(r.scheme_id, r.key): r for r in _rows(session, FinancingRule, FinancingRule.scheme_id, FinancingRule.key)}
    view.outlook = {r.group_ssyk: r for r in _rows(session, OccupationOutlook, OccupationOutlook.group_ssyk)}
    view.pay = {r.group_ssyk: r for r in _rows(session, OccupationPay, OccupationPay.group_ssyk)}
    for row in session.execute(select(EducationLeadsTo).join(Education).order_by(
            Education.position, Education.id, EducationLeadsTo.group_ssyk)).scalars():
        view.leads_to.setdefault(row.education_id, []).append(row.group_ssyk)
    _add_geography(session, view)
    _add_local(session, view)
    _add_translations(session, view)
    view.route_inputs = _route_inputs(session, view)
    view.financing = _financing_facts(session, view)
    index_for(catalog)          # build the ranking index now, once
    return view


def _add_geography(session: Session, view: CatalogueView) -> None:
    """Municipalities, where each education is given, and each occupation's education routes."""
    for m in session.execute(select(Municipality)).scalars():
        view.places[m.kommunkod] = Place(m.kommunkod, m.lat, m.lon)
        view.municipality_names[m.kommunkod] = m.name
        view.municipality_by_name.setdefault(fold(m.name), m.kommunkod)
    # the rail lines ship with the code (data/rail_lines.csv, read once per process), placed on the tables' coordinates
    view.rail = tuple(RailLine(r.name, tuple(view.places[c] for c in r.kommunkoder if c in view.places), r.source_url)
                      for r in rail_lines())
    given_in: dict[str, list[str]] = {}
    for row in session.execute(select(EducationMunicipality)).scalars():
        given_in.setdefault(row.education_id, []).append(row.kommunkod)
    for e in view.educations.values():
        view.education_places[e.id] = EducationPlaces(
            e.id, everywhere=e.where_scope == "all_municipalities", distance=bool(e.distance),
            places=tuple(sorted(given_in.get(e.id, ()))))
    for education_id, ssyks in view.leads_to.items():
        for ssyk in ssyks:
            view.routes.setdefault(ssyk, []).append(education_id)
    for g in view.groups.values():
        for education_id in g.education_routes or ():
            if education_id not in view.routes.setdefault(g.ssyk, []):
                view.routes[g.ssyk].append(education_id)


def _add_translations(session: Session, view: CatalogueView) -> None:
    """Per locale, every label the content has in it (inline values win), and the glossary."""
    view.glossary = {t.key: t for t in _rows(session, GlossaryTerm, GlossaryTerm.position, GlossaryTerm.key)}
    overlay: dict[str, dict[str, dict[str, Any]]] = {}
    t = ContentTranslation
    for locale, kind, key, value in session.execute(select(t.locale, t.kind, t.key, t.value)):   # plain rows: thousands
        overlay.setdefault(locale, {}).setdefault(kind, {})[key] = value
    locales = set(overlay)
    for grp in view.groups.values():
        locales |= set(grp.labels or {}) | set(grp.description or {})
    for rows in view.competence_rows.values():
        for c in rows:
            locales |= set(c.labels or {})
    locales.discard("sv")
    for locale in sorted(locales):
        own = overlay.get(locale, {})
        out = view.i18n[locale] = LocaleLabels()
        groups_overlay = own.get("group", {})
        for grp in view.groups.values():
            if not grp.curated:
                continue
            tr = groups_overlay.get(grp.ssyk) or {}
            label = (grp.labels or {}).get(locale) or tr.get("label")
            if label:
                out.groups[grp.ssyk] = label
            text = (grp.description or {}).get(locale) or tr.get("description")
            if text:
                out.descriptions[grp.ssyk] = text
        for sid, texts in view.skill_labels.items():        # curated labels written inline
            if texts.get(locale):
                out.skills[sid] = texts[locale]
        for ssyk, rows in view.competence_rows.items():     # then the groups' competences
            comps = (groups_overlay.get(ssyk) or {}).get("competences") or {}
            for c in rows:
                text = (c.labels or {}).get(locale) or comps.get(c.key)
                if text:
                    out.skills.setdefault(c.skill_id, text)
        for sid, text in (own.get("skill") or {}).items():  # then the taxonomy's skills
            if text and sid in view.catalog.skills:
                out.skills.setdefault(sid, text)
        out.occupations = {cid: tuple(names) for cid, names in (own.get("occupation") or {}).items() if names}
        out.glossary = {key: dict(v) for key, v in (own.get("glossary") or {}).items() if key in view.glossary}


# --- the engine's inputs for routes and money (Besluta, Agera) ------------------------------------

def _int_or_none(value: Any) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def _plain(value: Any) -> Any:
    """A value as the content file had it: JSON columns turn YAML's integer keys
    (``{51: 220}``) into strings; turn them back."""
    if isinstance(value, dict):
        keys = list(value)
        if keys and all(isinstance(k, str) and k.lstrip("-").isdigit() for k in keys):
            return {int(k): _plain(v) for k, v in value.items()}
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def language_scale(levels: dict[str, LanguageLevel]) -> LanguageScale:
    out = []
    for lv in levels.values():
        course = lv.course if isinstance(lv.course, dict) and set(lv.course) != {"name"} else None
        extra = lv.extra or {}
        by_path = None
        if course and course.get("weeks_by_study_path"):
            by_path = {str(k): int(v) for k, v in course["weeks_by_study_path"].items()}
        out.append(Level(
            id=lv.id, family=lv.family, rank=lv.rank, cefr=lv.cefr,
            formal_merit=bool(extra.get("formal_merit", True)),
            course_form=course.get("form") if course else None,
            course_weeks=course.get("weeks") if course else None,
            weeks_by_study_path=by_path,
            course_status=course.get("status") if course else None,
            source_url=(course.get("source_url") if course else None) or lv.source_url,
        ))
    return LanguageScale(tuple(sorted(out, key=lambda x: (x.rank, x.id))))


def _route_inputs(session: Session, view: CatalogueView) -> RouteInputs:
    gives: dict[str, list[tuple[str, str]]] = {}
    for row in session.execute(select(EducationGives).order_by(
            EducationGives.education_id, EducationGives.group_ssyk, EducationGives.competence_key)).scalars():
        gives.setdefault(row.education_id, []).append((row.group_ssyk, row.competence_key))
    educations = {}
    for e in view.educations.values():
        extra = dict(e.extra or {})
        educations[e.id] = RouteEducation(
            id=e.id, form=e.form, level=e.level or "none", label=(e.labels or {}).get("sv", e.id),
            weeks=e.weeks, weeks_status=extra.get("weeks_status") or e.status,
            weeks_min=_int_or_none(extra.get("weeks_min")), weeks_max=_int_or_none(extra.get("weeks_max")),
            pace_options=tuple(int(p) for p in e.pace_options or ()),
            language_requirement=e.language_requirement,
            language_integrated=bool(e.language_integrated),
            gives=tuple(gives.get(e.id, ())), gives_language_level=e.gives_language_level,
            leads_to=tuple(view.leads_to.get(e.id, ())), financing=tuple(e.financing or ()),
            requires=tuple(extra.get("requires") or ()),
            via_af=extra.get("apply_via") == "arbetsformedlingen",
            min_age=_int_or_none(extra.get("min_age")),
            apply_url=e.apply_url, source_url=e.source_url, status=e.status,
        )
    occupations = {}
    for g in view.groups.values():
        if not g.curated:
            continue
        labels = g.labels or {}
        occupations[g.ssyk] = RouteOccupation(
            ssyk=g.ssyk, label=labels.get("sv", g.ssyk), education_required=g.education_required,
            typical_education_weeks=g.typical_education_weeks, language_requirement=g.language_requirement,
            education_routes=tuple(g.education_routes or ()),
            licences=tuple((c.key, (c.labels or {}).get("sv", c.key)) for c in view.competence_rows.get(g.ssyk, ())
                           if c.kind == "licence" and c.importance >= 3),
        )
    return RouteInputs(educations=educations, occupations=occupations, scale=language_scale(view.levels),
                       tracks=tuple(_route_track(view, t) for t in view.tracks.values()), rail=view.rail)


def _add_local(session: Session, view: CatalogueView) -> None:
    """Published job tracks and employer profiles (closed and draft ones never reach a person)."""
    view.tracks = {t.id: t for t in _rows(session, JobTrack, JobTrack.id) if t.status == "published"}
    view.profiles = {p.id: p for p in _rows(session, EmployerProfile, EmployerProfile.id) if p.status == "published"}
    for p in view.profiles.values():
        doc = p.doc or {}
        view.employer_needs[p.id] = EmployerNeeds(
            id=p.id, ssyk=p.ssyk, employer=str(doc.get("employer") or ""), needed=tuple(doc.get("needed") or ()),
            learned_on_job=tuple(doc.get("learned_on_job") or ()), swedish_level=doc.get("swedish_level"),
            places=tuple(doc.get("municipalities") or ()), example=bool(doc.get("example")),
            valid_from=p.valid_from, valid_to=p.valid_to)


def _route_track(view: CatalogueView, t: JobTrack) -> RouteTrack:
    doc = t.doc or {}
    intake = doc.get("intake") or {}
    eligibility = doc.get("eligibility") or {}
    steps = tuple(TrackStepInput(kind="education", education_id=s["education"]) if s.get("education") else
                  TrackStepInput(kind=s.get("kind") or "training", label=_sv(s.get("label")), weeks=s.get("weeks"),
                                 teaches=tuple(s.get("teaches") or ()))
                  for s in doc.get("steps") or ())
    return RouteTrack(
        id=t.id, ssyk=t.ssyk, label=_sv(doc.get("title")),
        places=tuple(view.places[c] for c in doc.get("municipalities") or () if c in view.places),
        steps=steps, valid_from=t.valid_from or date.min, valid_to=t.valid_to or date.min,
        intakes=tuple(TrackIntake(date.fromisoformat(i["start"]),
                                  date.fromisoformat(i["apply_by"]) if i.get("apply_by") else None)
                      for i in intake.get("dates") or ()),
        continuous=bool(intake.get("continuous")), registered_af=bool(eligibility.get("registered_af", True)),
        swedish_level=eligibility.get("swedish_level"), profile_id=doc.get("profile"), example=bool(doc.get("example")))


def _sv(value: Any) -> str:
    return str(value.get("sv") or "") if isinstance(value, dict) else str(value or "")


def _financing_facts(session: Session, view: CatalogueView) -> FinancingFacts:
    rules, repealed = [], []
    for (scheme, key), r in view.rules.items():
        value = _plain(r.value)
        rules.append(RuleFact(scheme, key, value, r.source_url, r.status))
        if key == "repealed_from" and value:
            repealed.append((scheme, date.fromisoformat(str(value))))
    amounts = []
    for a in session.execute(select(FinancingAmount).order_by(FinancingAmount.scheme_id, FinancingAmount.id)).scalars():
        qualifiers = tuple(sorted((k, v) for k, v in _plain(a.qualifiers or {}).items()
                                  if not isinstance(v, (dict, list)) and k != "is_income_ceiling"))
        amounts.append(AmountFact(
            scheme=a.scheme_id, key=a.key, pace=a.pace, value=a.value, unit=a.unit, kind=a.kind, year=a.year,
            source_url=a.source_url, valid_from=a.valid_from, valid_to=a.valid_to, status=a.status,
            qualifiers=qualifiers))
    pbb = tuple(sorted((p.year, p.value) for p in session.execute(select(PrisBasbelopp)).scalars()))
    urls = tuple((s.id, s.apply_url) for s in view.schemes.values() if s.apply_url)
    return FinancingFacts(tuple(amounts), tuple(rules), pbb, tuple(repealed), urls)


def current() -> CatalogueView:
    """The process-wide catalogue for this database, rebuilt when its version changes."""
    return versioned(get_session(), "catalogue", _build)


# --- what the views ask of it ------------------------------------------------------------------------

def search(query: str, *, kinds: list[str] | None = None, limit: int = 10,
           locale: str | None = None) -> list[_search.Hit]:
    """Search occupation names, groups, keywords and skills (the same cache, the same version):
    in Swedish always, and in ``locale`` (default: the page's; lättläst too) through its names,
    each hit with its name in that language (``Hit.local_label``) where it has one."""
    session = get_session()
    hits = _search.search(session, query, kinds=kinds, limit=limit)
    loc = locale or page_locale()
    if loc == "sv":
        return hits
    view = current()
    labels = _locale_labels(view, loc)
    if labels is None:
        return hits
    index = versioned(session, f"search:{loc}", lambda s: locale_index(s, view, loc))
    hits = _search.merge(hits, index.search(query, kinds=kinds, limit=limit), limit)
    return [_with_local_label(view, hit, loc) for hit in hits]


GROUP_NAME_PENALTY = 2.0     # an occupation found by its group's translated name, after its own names


def hit_name(hit: _search.Hit) -> Markup:
    """A hit's name for HTML: in the page's language with the Swedish title beside it
    ("طباخ – Kock"), else the Swedish title (marked on a page in another language)."""
    if hit.local_label:
        return escape(hit.local_label) + Markup(" – ") + swedish(hit.label, fallback=False)
    return swedish(hit.label)


def occupation_html(view: CatalogueView, occupation_id: str, swedish_name: str) -> Markup:
    """A taxonomy occupation name for HTML, in the page's language with the Swedish name beside it."""
    label = occupation_text(view, occupation_id, swedish_name)
    if label.in_locale and label.text.casefold() != swedish_name.casefold():
        return escape(label.text) + Markup(" – ") + swedish(swedish_name, fallback=False)
    return mark(label)


def locale_index(session: Session, view: CatalogueView, locale: str) -> _search.SearchIndex:
    """The search index of one language's names (built once per catalogue version): curated
    groups by their name in it, every translated name and search variant of the taxonomy's
    occupation names, the occupation names of a curated group also by the group's name (so the
    jobs step finds them before their own names are translated), and translated skills."""
    labels = _locale_labels(view, locale) or LocaleLabels()
    entries = []
    for ssyk, text in labels.groups.items():
        gid = view.by_ssyk.get(ssyk)
        if gid is not None:
            grp = view.groups[gid]
            entries.append(_search.entry("group", gid, grp.label, text, grp))
    wanted = sorted(labels.occupations)
    names = {}
    columns = (OccupationName.id, OccupationName.label, OccupationName.group_ssyk)
    for chunk in range(0, len(wanted), 500):
        names.update({r.id: r for r in session.execute(select(*columns).where(
            OccupationName.id.in_(wanted[chunk:chunk + 500])))})
    for cid, texts in labels.occupations.items():
        row = names.get(cid)
        if row is None:
            continue
        grp = view.groups.get(view.by_ssyk.get(row.group_ssyk, ""))
        for n, text in enumerate(texts):
            entries.append(_search.entry("occupation", cid, row.label, text, grp, penalty=0.0 if n == 0 else 0.3))
    if labels.groups:
        for row in session.execute(select(*columns).where(OccupationName.group_ssyk.in_(sorted(labels.groups)))):
            grp = view.groups.get(view.by_ssyk.get(row.group_ssyk, ""))
            entries.append(_search.entry("occupation", row.id, row.label, labels.groups[row.group_ssyk], grp,
                                         penalty=GROUP_NAME_PENALTY))
    for sid, text in labels.skills.items():
        skill = view.catalog.skills.get(sid)
        if skill is not None:
            entries.append(_search.entry("skill", sid, skill.label, text, None))
    return _search.SearchIndex(e for e in entries if e is not None)


def _with_local_label(view: CatalogueView, hit: _search.Hit, locale: str) -> _search.Hit:
    if hit.kind == "occupation":
        label = occupation_text(view, hit.id, hit.label, locale)
    elif hit.kind == "group":
        label = group_text(view, hit.id, locale)
    elif hit.kind == "skill":
        label = skill_text(view, hit.id, locale)
    else:
        label = Label(hit.label, False)
    group = group_text(view, hit.group_id, locale) if hit.group_id else None
    same = label.text.casefold() == hit.label.casefold()       # (lättläst often keeps the title)
    return replace(hit, local_label=label.text if label.in_locale and not same else None,
                   local_group_label=group.text if group is not None and group.in_locale else None)


def occupation_name(occupation_id: str) -> OccupationName | None:
    """A JobTech occupation name (thousands of them: read when asked, not cached)."""
    return get_session().get(OccupationName, occupation_id)


def find_municipality(view: CatalogueView, typed: str) -> str | None:
    """The kommunkod for what someone typed ("malmo", "Malmö kommun", "Malmö stad"), or None."""
    name = fold(typed)
    for suffix in (" kommun", " stad", " municipality"):
        name = name.removesuffix(suffix)
    return view.municipality_by_name.get(name.strip())


def licences_held(view: CatalogueView, skill_ids: list[str]) -> tuple[str, ...]:
    """Competence keys of the licences among the ticked competences (curated rows only)."""
    wanted = set(skill_ids or ())
    return tuple(sorted({c.key for rows in view.competence_rows.values() for c in rows
                         if c.kind == "licence" and c.skill_id in wanted}))


def page_locale() -> str:
    return str(get_locale() or "sv") if has_request_context() else "sv"


def _locale_labels(view: CatalogueView, locale: str | None = None) -> LocaleLabels | None:
    loc = locale or page_locale()
    return view.i18n.get(loc) or view.i18n.get(loc.split("@")[0])


def _swedish_page(locale: str | None = None) -> bool:
    return (locale or page_locale()).startswith("sv")


def skill_text(view: CatalogueView, skill_id: str, locale: str | None = None) -> Label:
    """A competence's label in ``locale`` (default: the page's), else its Swedish label."""
    labels = _locale_labels(view, locale)
    if labels is not None and skill_id in labels.skills:
        return Label(labels.skills[skill_id], True)
    skill = view.catalog.skills.get(skill_id)
    texts = view.skill_labels.get(skill_id) or {}
    return Label(texts.get("sv") or (skill.label if skill else skill_id), _swedish_page(locale))


def group_text(view: CatalogueView, group_id: str, locale: str | None = None) -> Label:
    """An occupation group's name in ``locale``, else Swedish (curated label, else the taxonomy's)."""
    grp = view.groups.get(group_id)
    ssyk = grp.ssyk if grp is not None else (view.catalog.groups[group_id].ssyk if group_id in view.catalog.groups else "")
    labels = _locale_labels(view, locale)
    if labels is not None and ssyk in labels.groups:
        return Label(labels.groups[ssyk], True)
    if grp is not None:
        return Label((grp.labels or {}).get("sv") or grp.label, _swedish_page(locale))
    cat = view.catalog.groups.get(group_id)
    return Label(cat.label if cat else group_id, _swedish_page(locale))


def description_text(view: CatalogueView, ssyk: str, locale: str | None = None) -> Label:
    """A curated group's description in ``locale``, else Swedish ("" when it has none)."""
    labels = _locale_labels(view, locale)
    if labels is not None and ssyk in labels.descriptions:
        return Label(labels.descriptions[ssyk], True)
    gid = view.by_ssyk.get(ssyk)
    grp = view.groups.get(gid) if gid else None
    return Label(((grp.description or {}).get("sv") or "") if grp is not None else "", _swedish_page(locale))


def description_html(view: CatalogueView, ssyk: str) -> Markup | None:
    """What the work is, for the decision page: the curated description in the page's language
    (else Swedish, marked), else the taxonomy's Swedish definition; None when there is neither."""
    label = description_text(view, ssyk)
    if not label.text:
        gid = view.by_ssyk.get(ssyk)
        grp = view.groups.get(gid) if gid else None
        if grp is None or not grp.definition:
            return None
        label = Label(grp.definition, _swedish_page())
    return mark(label)


def occupation_text(view: CatalogueView, occupation_id: str, swedish: str, locale: str | None = None) -> Label:
    """A taxonomy occupation name in ``locale`` (the first of its translated names), else ``swedish``."""
    labels = _locale_labels(view, locale)
    names = labels.occupations.get(occupation_id) if labels is not None else None
    if names:
        return Label(names[0], True)
    return Label(swedish, _swedish_page(locale))


def glossary_text(view: CatalogueView, key: str, locale: str | None = None) -> tuple[Label, Label]:
    """A glossary term's (word, explanation) in ``locale``; each falls back to Swedish on its own
    (sv@lattlast uses its own simple Swedish where written)."""
    term = view.glossary[key]
    loc = locale or page_locale()
    labels = _locale_labels(view, loc)
    own = labels.glossary.get(key, {}) if labels is not None else {}
    out = []
    for name, texts in (("term", term.term or {}), ("text", term.text or {})):
        if own.get(name):
            out.append(Label(own[name], True))
        elif texts.get(loc):
            out.append(Label(texts[loc], True))
        else:
            out.append(Label(texts.get("sv", ""), _swedish_page(loc)))
    return out[0], out[1]


def mark(label: Label) -> Markup:
    """A label for HTML: Swedish on a page in another language is marked ``lang="sv"`` and isolated
    left to right (``dir="ltr"``: its full stop stays at its end on a right-to-left page), and the
    page then says once that some words are in Swedish."""
    if label.in_locale:
        return escape(label.text)
    return _swedish_span(label.text)


def _swedish_span(text: str) -> Markup:
    if has_request_context():
        request_globals.swedish_shown = True
    return Markup('<span lang="sv" dir="ltr" class="untranslated">%s</span>') % text


def swedish(text: str, fallback: bool = True) -> Markup:
    """Swedish ``text`` for HTML on the page: marked (``lang="sv" dir="ltr"``) on a page in another
    language. ``fallback=False`` for a Swedish name shown
    on purpose beside its translation (it does not bring the note that words are in Swedish)."""
    if _swedish_page():
        return escape(text)
    if fallback:
        return _swedish_span(text)
    return Markup('<span lang="sv" dir="ltr">%s</span>') % text


UNTRANSLATED = 'class="untranslated"'     # on every Swedish fallback: pages kept once per profile (app/memo.py) too


def swedish_shown(html: str = "") -> bool:
    """True when this request has shown a Swedish fallback on a page in another language, or
    ``html`` (the page's main content, perhaps with parts rendered for an earlier request) has one."""
    return bool(has_request_context() and request_globals.get("swedish_shown")) or UNTRANSLATED in str(html)


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
    """The text for HTML; marked lang="sv" when it is Swedish on a page in another language, and
    isolated left to right (dir="ltr": its full stop stays at its end on a right-to-left page)."""
    if _in_locale(texts):
        return escape(text)
    return _swedish_span(text)


def skill_label(view: CatalogueView, skill_id: str, html: bool = False) -> str:
    label = skill_text(view, skill_id)
    return mark(label) if html else label.text


def skill_kind(view: CatalogueView, skill_id: str) -> str:
    skill = view.catalog.skills.get(skill_id)
    return skill.kind if skill else "taught"


def group_label(view: CatalogueView, group_id: str, html: bool = False) -> str:
    label = group_text(view, group_id)
    return mark(label) if html else label.text


def education_label(view: CatalogueView, education_id: str, html: bool = False) -> str:
    e = view.educations.get(education_id)
    text = localised(e.labels, education_id) if e else education_id
    return tagged(text, e.labels if e else None) if html else text


def level_label(view: CatalogueView, level_id: str | None) -> str:
    lv = view.levels.get(level_id or "")
    return localised(lv.labels, level_id or "") if lv else (level_id or "")


def licence_labels(view: CatalogueView, ssyk: str) -> dict[str, str]:
    """Names of curated competences by key, for HTML: the target's own, then every licence the
    catalogue names (a route may need one its target does not list, e.g. a B licence before a bus course)."""
    key = ("licence_labels", str(get_locale() or "sv"), ssyk)
    found = view.memo.get(key)
    if found is None:
        found = view.memo[key] = _licence_labels(view, ssyk)
    return dict(found)


def _licence_labels(view: CatalogueView, ssyk: str) -> dict[str, str]:
    other = {c.key: mark(competence_text(view, c)) for rows in view.competence_rows.values() for c in rows
             if c.kind == "licence"}
    own = {c.key: mark(competence_text(view, c)) for c in view.competence_rows.get(ssyk, ())}
    return {**other, **own}


def competence_text(view: CatalogueView, competence: Competence, locale: str | None = None) -> Label:
    """A curated competence's label in ``locale``: its own (inline, then its group's translation),
    else what its skill is called in that language, else Swedish."""
    loc = locale or page_locale()
    texts = competence.labels or {}
    if texts.get(loc):
        return Label(texts[loc], True)
    swedish = texts.get("sv") or competence.key
    if _swedish_page(loc):
        return Label(swedish, True)
    label = skill_text(view, competence.skill_id, loc)
    return label if label.in_locale else Label(swedish, False)


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
