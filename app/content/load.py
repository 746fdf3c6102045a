"""Write the curated default (content files + geography) into the catalogue tables.

Idempotent: a second run reports everything unchanged. Curated rows and imported JobTech
rows meet on the SSYK code; the curated load never overwrites a label or concept id that
came from the taxonomy, and the JobTech import never touches curated columns.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlmodel import Session

from app.content.domain import Content
from app.content.geo import LAN, kommuner
from app.content.models import (
    Competence,
    ContentTranslation,
    Education,
    EducationGives,
    EducationLeadsTo,
    EducationMunicipality,
    FinancingAmount,
    FinancingRule,
    FinancingScheme,
    GlossaryTerm,
    LanguageLevel,
    Municipality,
    OccupationGroup,
    OccupationOutlook,
    OccupationPay,
    PrisBasbelopp,
    Region,
    Skill,
)
from app.content.store import bump_version, sync, upsert


@dataclass
class LoadReport:
    counts: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)

    @property
    def changed_anything(self) -> bool:
        return any(a or c or r for a, c, _u, r in self.counts.values())

    def lines(self) -> list[str]:
        out = [f"{'kind':<24} {'added':>7} {'changed':>7} {'unchanged':>9} {'removed':>7}"]
        for kind, (a, c, u, r) in self.counts.items():
            out.append(f"{kind:<24} {a:>7} {c:>7} {u:>9} {r:>7}")
        return out


def load_geography(session: Session, report: LoadReport) -> None:
    regions = [{"code": code, "name": name, "letter": letter} for code, (name, letter, _g) in LAN.items()]
    report.counts["regions"] = sync(session, Region, regions, ("code",))
    munis = [{"kommunkod": k.kommunkod, "name": k.name, "slug": k.slug, "lan_code": k.lan_code,
              "lat": k.lat, "lon": k.lon} for k in kommuner()]
    report.counts["municipalities"] = sync(session, Municipality, munis, ("kommunkod",))


def load_curated(session: Session, content: Content) -> LoadReport:
    """Upsert the curated content (and the kommun/län tables) in one transaction."""
    report = LoadReport()
    try:
        _load(session, content, report)
        if report.changed_anything:
            bump_version(session)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return report


def _load(session: Session, content: Content, report: LoadReport) -> None:
    load_geography(session, report)

    report.counts["language_levels"] = sync(session, LanguageLevel, [
        {"id": lv.id, "family": lv.family, "rank": lv.rank, "cefr": lv.cefr, "labels": dict(lv.label),
         "can_do": dict(lv.can_do),
         "course": _jsonable(lv.course if isinstance(lv.course, dict) or lv.course is None else {"name": str(lv.course)}),
         "extra": _jsonable(dict(lv.extra)),
         **lv.fact.columns()} for lv in content.language_levels.values()], ("id",))

    report.counts["financing_schemes"] = upsert_counts(session, FinancingScheme, [
        {"id": s.id, "provider": s.provider, "name": _loc(s.name), "summary": _loc(s.summary),
         "apply_url": s.apply_url, "repealed": s.repealed, "extra": _jsonable(dict(s.extra))}
        for s in content.schemes.values()], ("id",))
    # (duplicates are errors for `content check`; here the last one wins)
    report.counts["financing_rules"] = sync(session, FinancingRule, _unique([
        {"scheme_id": s.id, "key": r.key, "value": _jsonable(r.value), "description": _loc(r.description), **r.fact.columns()}
        for s in content.schemes.values() for r in s.rules], ("scheme_id", "key")), ("scheme_id", "key"))
    report.counts["financing_amounts"] = sync(session, FinancingAmount, _unique([
        {"id": f"{s.id}:{a.id}", "scheme_id": s.id, "key": a.key, "pace": a.pace, "year": a.year,
         "value": a.value, "unit": a.unit, "kind": a.kind, "qualifiers": _jsonable(dict(a.qualifiers)),
         **a.fact.columns()}
        for s in content.schemes.values() for a in s.amounts], ("id",)), ("id",))
    report.counts["prisbasbelopp"] = sync(session, PrisBasbelopp, [
        {"year": p.year, "value": p.value, **p.fact.columns()} for p in content.prisbasbelopp], ("year",))

    # Occupation groups: curated columns always; label/concept id only where the taxonomy has not set them.
    from_taxonomy = set(session.execute(select(OccupationGroup.ssyk).where(OccupationGroup.in_taxonomy)).scalars())
    curated_cols = []
    base_cols = []
    for o in content.occupations.values():
        row = {"ssyk": o.ssyk, "curated": True, "labels": dict(o.label), "description": dict(o.description),
               "work_demands": dict(o.work_demands), "riasec": list(o.riasec),
               "education_required": o.education_required, "typical_education_weeks": o.typical_education_weeks,
               "language_requirement": o.language_requirement, "education_routes": list(o.education_routes)}
        if o.ssyk in from_taxonomy:
            curated_cols.append(row)
        else:
            base_cols.append({**row, "label": o.label.get("sv", o.ssyk), "concept_id": o.concept_id,
                              "parent_code": o.ssyk[:3]})
    a1 = upsert(session, OccupationGroup, curated_cols, ("ssyk",))
    a2 = upsert(session, OccupationGroup, base_cols, ("ssyk",))
    report.counts["occupation_groups"] = tuple(x + y for x, y in zip(a1, a2)) + (0,)

    # Skills behind curated competences: taxonomy skills keep their taxonomy label.
    skills_in_taxonomy = set(session.execute(select(Skill.id).where(Skill.in_taxonomy)).scalars())
    skill_rows: dict[str, dict] = {}
    label_rows: dict[str, dict] = {}
    competences = []
    for o in content.occupations.values():
        for position, c in enumerate(o.competences):
            sid = c.skill_id(o.ssyk)
            if sid in skills_in_taxonomy:
                label_rows[sid] = {"id": sid, "labels": dict(c.label)}
            else:
                skill_rows[sid] = {"id": sid, "label": c.label.get("sv", c.key), "kind": c.kind,
                                   "labels": dict(c.label)}
            competences.append({"group_ssyk": o.ssyk, "key": c.key, "skill_id": sid, "kind": c.kind,
                                "importance": c.importance, "taxonomy_id": c.taxonomy_id, "labels": dict(c.label),
                                "position": position})
    s1 = upsert(session, Skill, skill_rows.values(), ("id",))
    s2 = upsert(session, Skill, label_rows.values(), ("id",))
    report.counts["skills"] = tuple(x + y for x, y in zip(s1, s2)) + (0,)
    report.counts["competences"] = sync(session, Competence, competences, ("group_ssyk", "key"))

    outlooks, pays = [], []
    for o in content.occupations.values():
        if o.outlook is not None:
            outlooks.append({"group_ssyk": o.ssyk, "job_chances": o.outlook.job_chances,
                             "recruitment": o.outlook.recruitment, "five_year": o.outlook.five_year,
                             "year": o.outlook.fact.valid_from.year if o.outlook.fact.valid_from else None,
                             **o.outlook.fact.columns()})
        if o.pay is not None:
            pays.append({"group_ssyk": o.ssyk, "monthly_average": o.pay.monthly_average, "year": o.pay.year,
                         **o.pay.fact.columns()})
    report.counts["outlook"] = sync(session, OccupationOutlook, outlooks, ("group_ssyk",))
    report.counts["pay"] = sync(session, OccupationPay, pays, ("group_ssyk",))

    # Educations and their relations (curated content owns them completely).
    edus, gives, leads, munis = [], [], [], []
    for position, e in enumerate(content.educations.values()):
        edus.append({"id": e.id, "form": e.form, "labels": dict(e.label), "description": dict(e.description),
                     "provider": e.provider, "sun_level": e.sun_level, "level": e.level, "weeks": e.weeks,
                     "pace_options": list(e.pace_options), "cost_sek": e.cost_sek,
                     "entry_requirements": _jsonable(e.entry_requirements), "language_requirement": e.language_requirement,
                     "language_integrated": e.language_integrated, "gives_language_level": e.gives_language_level,
                     "where_scope": e.where_scope, "distance": e.distance, "financing": list(e.financing),
                     "apply_url": e.apply_url, "extra": _jsonable(dict(e.extra)), "position": position,
                     **e.fact.columns()})
        gives += [{"education_id": e.id, "group_ssyk": s, "competence_key": k} for s, k in dict.fromkeys(e.gives)]
        leads += [{"education_id": e.id, "group_ssyk": s} for s in dict.fromkeys(e.leads_to)]
        munis += [{"education_id": e.id, "kommunkod": m} for m in dict.fromkeys(e.municipalities)]
    # Parents are added before their relations and removed after them (foreign keys).
    added, changed, unchanged = upsert(session, Education, edus, ("id",))
    report.counts["education_gives"] = sync(session, EducationGives, gives, ("education_id", "group_ssyk", "competence_key"))
    report.counts["education_leads_to"] = sync(session, EducationLeadsTo, leads, ("education_id", "group_ssyk"))
    report.counts["education_municipalities"] = sync(session, EducationMunicipality, munis, ("education_id", "kommunkod"))
    removed = sync(session, Education, edus, ("id",))[3]
    report.counts["educations"] = (added, changed, unchanged, removed)

    report.counts["glossary_terms"] = sync(session, GlossaryTerm, [
        {"key": t.key, "position": position, "term": dict(t.term), "text": dict(t.text),
         "aliases": {k: list(v) for k, v in t.aliases.items()}, "source_url": t.source_url,
         "source_name": t.source_name}
        for position, t in enumerate(content.glossary.values())], ("key",))
    report.counts["content_translations"] = sync(session, ContentTranslation, translation_rows(content),
                                                 ("locale", "kind", "key"))


def translation_rows(content: Content) -> list[dict]:
    """One row per translated entry of ``translations/<locale>/*.yaml`` (empty entries left out)."""
    rows = []
    for locale, tr in content.translations.items():
        for ssyk, g in tr.groups.items():
            value = {"label": g.label, "description": g.description, "competences": dict(g.competences)}
            if g.label or g.description or g.competences:
                rows.append({"locale": locale, "kind": "group", "key": ssyk, "value": value})
        rows += [{"locale": locale, "kind": "occupation", "key": cid, "value": list(names)}
                 for cid, names in tr.occupations.items()]
        rows += [{"locale": locale, "kind": "skill", "key": cid, "value": label} for cid, label in tr.skills.items()]
        rows += [{"locale": locale, "kind": "glossary", "key": key, "value": _jsonable(dict(entry))}
                 for key, entry in tr.glossary.items()]
    return rows


def upsert_counts(session: Session, model, rows, pk) -> tuple[int, int, int, int]:
    return upsert(session, model, rows, pk) + (0,)


def _unique(rows: list[dict], pk: tuple[str, ...]) -> list[dict]:
    return list({tuple(r[k] for k in pk): r for r in rows}.values())


def _loc(value):
    if value is None or isinstance(value, dict):
        return value
    return {"sv": str(value)}


def _jsonable(value):
    """YAML may hold dates; JSON columns need plain values."""
    import datetime

    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value
