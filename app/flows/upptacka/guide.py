"""Upptäcka's short guide pages and example routes. Every fact shown (cost, weeks, age limit,
financing) comes from the catalogue with its source and date; the prose is gettext."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import abort, render_template, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app import wording
from app.content.models import Education, EducationLeadsTo, FinancingRule, FinancingScheme, OccupationGroup
from app.db import get_session
from app.flows.inventera.catalogue import localised


@dataclass(frozen=True)
class GuidePage:
    slug: str
    title: Any
    template: str


PAGES = (
    GuidePage("vuxenutbildning", _l("Adult education: what it is and what it costs"), "upptacka/guide_education.html"),
    GuidePage("alder-och-svenska", _l("Your age and your Swedish are no barrier"), "upptacka/guide_age.html"),
    GuidePage("svenska-samtidigt", _l("Study a trade while you learn Swedish"), "upptacka/guide_swedish.html"),
    GuidePage("betalt", _l("Money to live on while you study"), "upptacka/guide_money.html"),
    GuidePage("exempel", _l("Examples: from here to a job"), "upptacka/guide_examples.html"),
)

# Example routes, drawn from the catalogue (educations.yaml): short, common, with Swedish included.
EXAMPLE_ROUTES = ("yrkesvux-yrkesforare-person", "sfi-kombo-barnskotare", "yrkesvux-underskoterska")


def _fact(row, kind: str | None = None) -> dict | None:
    return wording.fact(row, kind)


def _education(session, education_id: str) -> dict | None:
    e = session.get(Education, education_id)
    if e is None:
        return None
    ssyks = [r for r in session.execute(select(EducationLeadsTo.group_ssyk)
                                        .where(EducationLeadsTo.education_id == e.id)).scalars()]
    groups = [g for g in session.execute(select(OccupationGroup).where(OccupationGroup.ssyk.in_(ssyks))
                                         .order_by(OccupationGroup.ssyk)).scalars()]
    schemes = [s for s in session.execute(select(FinancingScheme).where(FinancingScheme.id.in_(e.financing or [])))
               .scalars() if not s.repealed]
    return {"id": e.id, "label": localised(e.labels, e.id), "description": localised(e.description),
            "weeks": e.weeks, "cost": e.cost_sek, "language_integrated": e.language_integrated,
            "occupations": [localised(g.labels, g.label) for g in groups if g.curated][:3],
            "financing": [localised(s.name, s.id) for s in schemes], "fact": _fact(e)}


def _facts(session) -> dict:
    rule = session.get(FinancingRule, ("csn-studiemedel", "max_age_year_turns"))
    schemes = [s for s in session.execute(select(FinancingScheme).order_by(FinancingScheme.id)).scalars()
               if not s.repealed]
    sfi = session.get(Education, "sfi-kurs-a")
    combined = [e for e in session.execute(select(Education).where(Education.form == "kombination_sfi")
                                           .order_by(Education.id)).scalars()]
    return {
        "max_age": {"value": rule.value, "fact": _fact(rule, wording.RULE)} if rule is not None and rule.value else None,
        "sfi": {"cost": sfi.cost_sek, "fact": _fact(sfi)} if sfi is not None else None,
        "combined": [{"label": localised(e.labels, e.id), "weeks": e.weeks, "fact": _fact(e)} for e in combined],
        "schemes": [{"name": localised(s.name, s.id), "summary": localised(s.summary), "url": s.apply_url}
                    for s in schemes],
    }


def guide_view(slug: str):
    slugs = [p.slug for p in PAGES]
    if slug not in slugs:
        abort(404)
    i = slugs.index(slug)
    page = PAGES[i]
    session = get_session()
    next_url = (url_for("upptacka.guide", slug=PAGES[i + 1].slug) if i + 1 < len(PAGES)
                else url_for("upptacka.step", key="goal"))
    back_url = url_for("upptacka.guide", slug=PAGES[i - 1].slug) if i else url_for("upptacka.index")
    examples = [x for x in (_education(session, eid) for eid in EXAMPLE_ROUTES) if x] if slug == "exempel" else []
    return render_template(page.template, page=page, pages=PAGES, position=i + 1, facts=_facts(session),
                           examples=examples, next_url=next_url, back_url=back_url,
                           next_title=PAGES[i + 1].title if i + 1 < len(PAGES) else None,
                           page_heading=page.title)
