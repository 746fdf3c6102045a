"""Build the engine's plain inputs (language scale, financing facts, route inputs) from content.

The engine may not import ``app.content``; this module is the bridge. Everything it returns is
frozen plain data from ``app.engine``.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from app.content.domain import Content
from app.engine.financing import AmountFact, FinancingFacts, RuleFact
from app.engine.language import LanguageScale, Level
from app.engine.routes import RouteEducation, RouteInputs, RouteOccupation


def language_scale(content: Content) -> LanguageScale:
    levels = []
    for lv in content.language_levels.values():
        course = lv.course if isinstance(lv.course, dict) else None
        by_path = None
        if course and course.get("weeks_by_study_path"):
            by_path = {str(k): int(v) for k, v in course["weeks_by_study_path"].items()}
        levels.append(Level(
            id=lv.id, family=lv.family, rank=lv.rank, cefr=lv.cefr,
            formal_merit=bool(lv.extra.get("formal_merit", True)),
            course_form=course.get("form") if course else None,
            course_weeks=course.get("weeks") if course else None,
            weeks_by_study_path=by_path,
            course_status=course.get("status") if course else None,
            source_url=(course.get("source_url") if course else None) or lv.fact.source_url,
        ))
    return LanguageScale(tuple(sorted(levels, key=lambda x: (x.rank, x.id))))


def financing_facts(content: Content) -> FinancingFacts:
    amounts, rules, repealed, urls = [], [], [], []
    for scheme in content.schemes.values():
        if scheme.apply_url:
            urls.append((scheme.id, scheme.apply_url))
        for r in scheme.rules:
            rules.append(RuleFact(scheme.id, r.key, r.value, r.fact.source_url, r.fact.status))
            if r.key == "repealed_from" and r.value:
                repealed.append((scheme.id, date.fromisoformat(str(r.value))))
        for a in scheme.amounts:
            qualifiers = tuple(sorted((k, v) for k, v in a.qualifiers.items() if not isinstance(v, (dict, list))
                                      and k != "is_income_ceiling"))
            amounts.append(AmountFact(
                scheme=scheme.id, key=a.key, pace=a.pace, value=a.value, unit=a.unit, kind=a.kind,
                year=a.year, source_url=a.fact.source_url, valid_from=a.fact.valid_from,
                valid_to=a.fact.valid_to, status=a.fact.status, qualifiers=qualifiers))
    pbb = tuple(sorted((p.year, p.value) for p in content.prisbasbelopp))
    return FinancingFacts(tuple(amounts), tuple(rules), pbb, tuple(repealed), tuple(urls))


def _int_or_none(value: Any) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def route_inputs(content: Content) -> RouteInputs:
    educations = {}
    for e in content.educations.values():
        extra = dict(e.extra)
        educations[e.id] = RouteEducation(
            id=e.id, form=e.form, level=e.level or "none", label=e.label.get("sv", e.id),
            weeks=e.weeks, weeks_status=extra.get("weeks_status") or e.fact.status,
            weeks_min=_int_or_none(extra.get("weeks_min")), weeks_max=_int_or_none(extra.get("weeks_max")),
            pace_options=tuple(int(p) for p in e.pace_options or ()),
            language_requirement=e.language_requirement,
            language_integrated=bool(e.language_integrated),
            gives=tuple(e.gives), gives_language_level=e.gives_language_level,
            leads_to=tuple(e.leads_to), financing=tuple(e.financing),
            requires=tuple(extra.get("requires") or ()),
            via_af=extra.get("apply_via") == "arbetsformedlingen",
            min_age=_int_or_none(extra.get("min_age")),
            apply_url=e.apply_url, source_url=e.fact.source_url, status=e.fact.status,
        )
    occupations = {}
    for o in content.occupations.values():
        occupations[o.ssyk] = RouteOccupation(
            ssyk=o.ssyk, label=o.label.get("sv", o.ssyk), education_required=o.education_required,
            typical_education_weeks=o.typical_education_weeks, language_requirement=o.language_requirement,
            education_routes=tuple(o.education_routes),
            licences=tuple((c.key, c.label.get("sv", c.key)) for c in o.competences
                           if c.kind == "licence" and c.importance >= 3),
        )
    return RouteInputs(educations=educations, occupations=occupations, scale=language_scale(content))
