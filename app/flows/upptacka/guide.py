"""Upptäcka's short guide pages and example routes. Every fact shown (cost, weeks, age limit,
financing) comes from the catalogue with its source and date; the prose is gettext."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from app import wording
from app.content import catalogue
from app.content.catalogue import localised, tagged


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


def _shown(texts: dict | None, fallback: str = ""):
    """A content text for the page: in its language, else Swedish marked ``lang="sv"``."""
    text = localised(texts, fallback)
    return tagged(text, texts) if text else ""


def education(view: catalogue.CatalogueView, education_id: str) -> dict | None:
    e = view.educations.get(education_id)
    if e is None:
        return None
    ssyks = set(view.leads_to.get(e.id, ()))
    groups = [g for g in view.groups.values() if g.ssyk in ssyks]          # ordered by SSYK
    schemes = [s for s in view.schemes.values() if s.id in (e.financing or []) and not s.repealed]
    return {"id": e.id, "label": _shown(e.labels, e.id), "description": _shown(e.description),
            "weeks": e.weeks, "cost": e.cost_sek, "language_integrated": e.language_integrated,
            "occupations": [catalogue.group_label(view, g.concept_id or g.ssyk, html=True) for g in groups if g.curated][:3],
            "financing": [_shown(s.name, s.id) for s in schemes], "fact": wording.fact(e)}


def facts(view: catalogue.CatalogueView) -> dict:
    rule = view.rules.get(("csn-studiemedel", "max_age_year_turns"))
    schemes = [s for s in view.schemes.values() if not s.repealed]             # ordered by id
    sfi = view.educations.get("sfi-kurs-a")
    combined = sorted((e for e in view.educations.values() if e.form == "kombination_sfi"), key=lambda e: e.id)
    return {
        "max_age": {"value": rule.value, "fact": wording.fact(rule, wording.RULE)} if rule is not None and rule.value else None,
        "sfi": {"cost": sfi.cost_sek, "fact": wording.fact(sfi)} if sfi is not None else None,
        "combined": [{"label": _shown(e.labels, e.id), "weeks": e.weeks, "fact": wording.fact(e)} for e in combined],
        "schemes": [{"name": _shown(s.name, s.id), "summary": _shown(s.summary), "url": s.apply_url}
                    for s in schemes],
    }
