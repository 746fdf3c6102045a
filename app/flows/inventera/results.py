"""The results page: occupations ranked for the person (``app.engine.rank_targets``) as cards
with plain-language reasons. This module only gathers inputs and words; the engine ranks."""
from __future__ import annotations

from flask import get_template_attribute
from flask_babel import format_decimal, format_percent
from flask_babel import gettext as _

from app import memo, wording
from app.content import catalogue
from app.engine import Preferences, compute_gap, rank_targets
from app.engine.geo import reachable_share
from app.flows.inventera.forms import EDUCATION_WEEKS, riasec_scores
from app.plans.answers import Inventera
from app.wording import KIND_TITLES, explain

TOP = 10
JOB_CHANCES = {"stora": lambda: _("Good chances of getting a job"),
               "medelstora": lambda: _("Fair chances of getting a job"),
               "små": lambda: _("Small chances of getting a job")}


def preferences_from(answers: dict, view: catalogue.CatalogueView) -> Preferences:
    inventera = Inventera.of(answers)
    interests = {k: v for k, v in riasec_scores(list(inventera.likes)).items() if v > 0}
    weeks = EDUCATION_WEEKS.get((inventera.drivers or {}).get("education_weeks") or "any")
    outlook = {ssyk: v for ssyk, row in view.outlook.items()
               if (v := catalogue.outlook_value(row)) is not None}
    return Preferences(interests=interests, max_education_weeks=weeks, swedish_level=inventera.swedish_level,
                       outlook=outlook, commute=commute_from(answers, view), education_level=inventera.education_level,
                       goals=inventera.named_goals)


def commute_from(answers: dict, view: catalogue.CatalogueView) -> dict[str, float]:
    """Per SSYK, the share of its education routes within the person's travel time from home."""
    home = Inventera.of(answers).home or {}
    place = view.places.get(home.get("kommunkod") or "")
    if place is None:
        return {}
    return reachable_share(place, home.get("max_commute"), view.routes, view.education_places, view.places, view.rail)


def match_words(core_share: float, is_match: bool = True) -> str:
    """How much of the occupation's core the person has, in words (issue 11: the words follow
    "x of y core competences", not an opaque score). A target with nothing in common is a
    suggestion, never a match."""
    if not is_match:
        return _("Nothing in common yet")
    if core_share >= 0.5:
        return _("Good match")
    if core_share >= 0.2:
        return _("Partial match")
    return _("Small match so far")


def demand_notes(group, drivers: dict) -> list[str]:
    """Where the occupation's work demands (curated, 0-2) differ from what the person said."""
    demands = (group.work_demands or {}) if group is not None else {}
    notes = []
    if demands.get("physical", 0) >= 2 and drivers.get("physical") in ("no", "some"):
        notes.append(_("The work is often physically hard."))
    if demands.get("irregular_hours", 0) >= 2 and drivers.get("hours") == "day":
        notes.append(_("The work is often in the evenings, at weekends or at night."))
    if demands.get("outdoor", 0) >= 2 and drivers.get("place") == "indoor":
        notes.append(_("Much of the work is outdoors."))
    return notes


def _skills(view, ids) -> list[str]:
    return [catalogue.skill_label(view, s, html=True) for s in ids]


def card(view, target, have: frozenset[str], drivers: dict, index: int) -> dict:
    group = view.groups.get(target.group_id)
    gap = compute_gap(view.catalog, target.group_id, have)
    head = target.explanation.params
    have_by_kind = {k: [] for k in KIND_TITLES}
    for sid in gap.most_important_have + tuple(sorted(gap.have - set(gap.most_important_have))):
        have_by_kind.setdefault(catalogue.skill_kind(view, sid), []).append(sid)
    pay = view.pay.get(target.ssyk)
    outlook = view.outlook.get(target.ssyk)
    weeks = group.typical_education_weeks if group is not None else None
    for r in target.reasons:
        if weeks is None and r.key in ("education_fits", "education_too_long"):
            weeks = r.params["weeks"]
    language = [explain(r, view) for r in target.reasons if r.key in ("swedish_ok", "swedish_below")]
    return {
        "index": index, "group_id": target.group_id, "ssyk": target.ssyk,
        "name": catalogue.group_label(view, target.group_id, html=True),
        "taxonomy_label": catalogue.tagged(target.label),
        "have": head.get("have", 0), "total": head.get("total", 0),
        "share": format_percent(head.get("share", 0)), "is_match": target.is_match,
        "match_words": match_words(head.get("share", 0), target.is_match),
        "profile_have": len(gap.have), "profile_total": len(gap.have) + len(gap.missing),
        "coverage": format_percent(target.coverage),
        "headline": explain(target.explanation, view),
        "reasons": [s for r in target.reasons if r.key not in ("swedish_ok", "swedish_below") and (s := explain(r, view))],
        "language": language[0] if language else None,
        "outlook": JOB_CHANCES[outlook.job_chances]() if outlook is not None and outlook.job_chances in JOB_CHANCES else None,
        "outlook_fact": wording.fact(outlook, wording.OUTLOOK),
        "pay": format_decimal(pay.monthly_average) if pay is not None and pay.monthly_average else None,
        "pay_year": pay.year if pay is not None else None, "pay_fact": wording.fact(pay, wording.PAY),
        "weeks": weeks,
        "notes": demand_notes(group, drivers),
        "have_by_kind": [(KIND_TITLES[k](), _skills(view, ids)) for k, ids in have_by_kind.items() if ids and k in KIND_TITLES],
        "missing_by_kind": [(KIND_TITLES[k](), [(catalogue.skill_label(view, s, html=True),
                                                [catalogue.education_label(view, e, html=True) for e in gap.covered_by.get(s, ())[:2]])
                                               for s in ids[:12]], max(0, len(ids) - 12))
                            for k, ids in gap.missing_by_kind.items() if ids and k in KIND_TITLES],
        "educations": [{"label": catalogue.education_label(view, c.education_id, html=True), "weeks": c.weeks,
                        "n": len(c.skills), "leads_to": c.leads_to} for c in gap.educations[:3]],
    }


def ranked_cards(answers: dict) -> list[dict]:
    """The cards of the results page, built once per profile version (see app/memo.py)."""
    view = catalogue.current()
    return memo.per_profile("results", view, answers, lambda: _ranked_cards(view, answers))


def _ranked_cards(view, answers: dict) -> list[dict]:
    have = frozenset(s for s in Inventera.of(answers).skills if s in view.catalog.skills)
    prefs = preferences_from(answers, view)
    everything = rank_targets(view.catalog, have, preferences=prefs)
    if have:
        targets = list(everything[:TOP])
    else:
        # Nothing ticked (never worked, or none fit): no competence match to rank on, so show the
        # curated occupations (the ones with facts) in the engine's order, which then follows
        # interests, education level, Swedish and the other preferences.
        targets = [t for t in everything if (g := view.groups.get(t.group_id)) is not None and g.curated][:TOP]
    # the person's saved targets (a named goal, whatever its rank) keep their card
    shown = {t.group_id for t in targets}
    extra = [g for g in Inventera.of(answers).target_ids if g not in shown and g in view.catalog.groups]
    if extra:
        by_group = {t.group_id: t for t in everything}
        targets += [by_group[g] for g in extra]
    drivers = Inventera.of(answers).drivers or {}
    cards = [card(view, t, have, drivers, i) for i, t in enumerate(targets)]
    body = get_template_attribute("inventera/_target_card.html", "target_card_body")
    for c in cards:
        c["html"] = body(c)
    return cards


def preview(answers: dict, skills: list[str], top: int = 5) -> list[dict]:
    """The best few occupations for the competences ticked so far (shown beside the checkboxes)."""
    view = catalogue.current()
    have = frozenset(s for s in skills if s in view.catalog.skills)
    if not have:
        return []
    targets = rank_targets(view.catalog, have, preferences=preferences_from(answers, view), top=top)
    return [{"name": catalogue.group_label(view, t.group_id, html=True), "have": t.explanation.params.get("have", 0),
             "total": t.explanation.params.get("total", 0)} for t in targets]
