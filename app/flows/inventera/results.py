"""The results page: occupations ranked for the person (``app.engine.rank_targets``) as cards
with plain-language reasons. This module only gathers inputs and words; the engine ranks."""
from __future__ import annotations

from flask import redirect, render_template, request, url_for
from flask_babel import format_decimal, format_percent
from flask_babel import gettext as _
from wtforms.fields.choices import SelectChoice

from app.engine import Explanation, Preferences, compute_gap, rank_targets
from app.engine.geo import reachable_share
from app.flows.inventera import catalogue
from app.flows.inventera.forms import EDUCATION_WEEKS, TargetsForm, riasec_scores
from app.plans import store

TOP = 10
KIND_TITLES = {"taught": lambda: _("Learned in an education"), "licence": lambda: _("Licences and certificates"),
               "experience": lambda: _("Learned by working")}
JOB_CHANCES = {"stora": lambda: _("Good chances of getting a job"),
               "medelstora": lambda: _("Fair chances of getting a job"),
               "små": lambda: _("Small chances of getting a job")}


def swedish_level(answers: dict) -> str | None:
    level = answers.get("inventera.swedish", {}).get("level")
    if level == "native":                 # Swedish as a first language: the top of the scale
        return "svenska_3"
    if level == "unknown":
        level = answers.get("inventera.swedish_can_do", {}).get("level")
    return level if level and level != "unknown" else None


def preferences_from(answers: dict, view: catalogue.CatalogueView) -> Preferences:
    interests = {k: v for k, v in riasec_scores(answers.get("inventera.interests", {}).get("likes")).items() if v > 0}
    weeks = EDUCATION_WEEKS.get(answers.get("inventera.drivers", {}).get("education_weeks") or "any")
    outlook = {ssyk: v for ssyk, row in view.outlook.items()
               if (v := catalogue.outlook_value(row)) is not None}
    return Preferences(interests=interests, max_education_weeks=weeks, swedish_level=swedish_level(answers),
                       outlook=outlook, commute=commute_from(answers, view))


def commute_from(answers: dict, view: catalogue.CatalogueView) -> dict[str, float]:
    """Per SSYK, the share of its education routes within the person's travel time from home."""
    home = answers.get("inventera.home", {})
    place = view.places.get(home.get("kommunkod") or "")
    if place is None:
        return {}
    return reachable_share(place, home.get("max_commute"), view.routes, view.education_places, view.places)


def explain(e: Explanation, view: catalogue.CatalogueView) -> str | None:
    """One translated sentence per explanation key (docs/ENGINE.md lists the keys)."""
    p = e.params
    key = e.key
    if key == "have_n_of_m":
        return _("You already have %(have)s of the %(total)s competences that matter most here.",
                 have=p["have"], total=p["total"])
    if key == "have_all_of_m":
        return _("You already have all %(total)s competences that matter most here.", total=p["total"])
    if key == "have_none_of_m":
        return _("You do not yet have any of the %(total)s competences that matter most here.", total=p["total"])
    if key == "missing_taught":
        return _("To learn in an education: %(count)s.", count=p["count"])
    if key == "missing_licence":
        return _("Licences or certificates to get: %(count)s.", count=p["count"])
    if key == "missing_experience":
        return _("Learned by working: %(count)s.", count=p["count"])
    if key == "education_covers":
        return _("%(education)s (%(weeks)s weeks) teaches %(n)s of the things you are missing.",
                 education=catalogue.education_label(view, p["education"]), weeks=p["weeks"], n=len(p["skills"]))
    if key == "interest_fit":
        fit = float(p["fit"])
        if fit >= 0.6:
            return _("It fits well with what you like to do.")
        if fit >= 0.3:
            return _("It fits partly with what you like to do.")
        return _("It fits little with what you like to do.")
    if key == "outlook":
        value = float(p["outlook"])
        if value > 0:
            return _("There are many jobs compared with the number of job seekers.")
        if value < 0:
            return _("There are few jobs compared with the number of job seekers.")
        return _("There are about as many jobs as job seekers.")
    if key == "education_too_long":
        return _("The shortest education we know of takes %(weeks)s weeks, longer than you wanted.", weeks=p["weeks"])
    if key == "education_fits":
        return _("There is an education of %(weeks)s weeks, within the time you wanted.", weeks=p["weeks"])
    if key == "swedish_below":
        return _("The work asks for Swedish at the level \u201c%(required)s\u201d; you are at \u201c%(level)s\u201d. "
                 "You can study Swedish at the same time.",
                 required=catalogue.level_label(view, p["required"]), level=catalogue.level_label(view, p["level"]))
    if key == "swedish_ok":
        return _("Your Swedish is enough for this work (\u201c%(required)s\u201d).",
                 required=catalogue.level_label(view, p["required"]))
    if key == "commute":
        share = float(p["reachable"])
        if share >= 1:
            return _("You can reach the educations for this work within your travel time, or study at a distance.")
        if share > 0:
            return _("Some of the educations for this work are within your travel time.")
        return _("The educations for this work are further away than you want to travel.")
    return None


def match_words(match_score: float) -> str:
    """The engine's competence match (0..1) in words. Calibrated on real profiles: a person who
    ticks 8 of the proposed competences of their own occupation scores about 0.3, 15 about 0.45."""
    if match_score >= 0.4:
        return _("Good match")
    if match_score >= 0.2:
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
        "match_words": match_words(target.match_score),
        "profile_have": len(gap.have), "profile_total": len(gap.have) + len(gap.missing),
        "coverage": format_percent(target.coverage),
        "headline": explain(target.explanation, view),
        "reasons": [s for r in target.reasons if r.key not in ("swedish_ok", "swedish_below") and (s := explain(r, view))],
        "language": language[0] if language else None,
        "outlook": JOB_CHANCES[outlook.job_chances]() if outlook is not None and outlook.job_chances in JOB_CHANCES else None,
        "outlook_fact": catalogue.fact(outlook, "outlook"),
        "pay": format_decimal(pay.monthly_average) if pay is not None and pay.monthly_average else None,
        "pay_year": pay.year if pay is not None else None, "pay_fact": catalogue.fact(pay, "pay"),
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
    view = catalogue.current()
    have = frozenset(s for s in answers.get("inventera.competences", {}).get("skills") or [] if s in view.catalog.skills)
    prefs = preferences_from(answers, view)
    if have:
        targets = rank_targets(view.catalog, have, preferences=prefs, top=TOP)
    else:
        # Nothing ticked (never worked, or none fit): no competence match to rank on, so show the
        # curated occupations (the ones with facts) in the order of the preference factors alone.
        curated = [t for t in rank_targets(view.catalog, have, preferences=prefs)
                   if (g := view.groups.get(t.group_id)) is not None and g.curated]
        targets = sorted(curated, key=lambda t: (-t.preference_factor, t.ssyk))[:TOP]
    drivers = answers.get("inventera.drivers", {})
    return [card(view, t, have, drivers, i) for i, t in enumerate(targets)]


def results_view():
    plan = store.current_plan()
    answers = store.all_answers(plan)
    draft = store.draft_for(plan, "inventera.competences")   # ticked and autosaved, not yet "continued"
    if draft:
        answers["inventera.competences"] = draft
    cards = ranked_cards(answers)
    form = TargetsForm(formdata=request.form if request.method == "POST" else None,
                       data=answers.get("inventera.targets") if request.method == "GET" else None)
    saved = (answers.get("inventera.targets") or {}).get("targets") or []
    ids = [c["group_id"] for c in cards] + [g for g in saved if g not in {c["group_id"] for c in cards}]
    form.targets.choices = [SelectChoice(g, g) for g in ids]
    status = 200
    if request.method == "POST":
        if form.validate():
            view = catalogue.current()
            chosen = form.targets.data
            store.save_answers(plan or store.get_or_create_plan(), "inventera.targets", {
                "targets": chosen,
                "details": [{"group_id": g, "ssyk": view.catalog.groups[g].ssyk if g in view.catalog.groups else None,
                             "label": catalogue.group_label(view, g)} for g in chosen]})
            return redirect(url_for("inventera.results", saved=1) + "#choose", 303)
        status = 422
    answered = [k for k in ("inventera.competences", "inventera.interests", "inventera.drivers") if k in answers]
    return render_template("inventera/results.html", cards=cards, form=form, answered=answered,
                           saved_ok=request.args.get("saved") == "1",
                           page_heading=_("Occupations that could fit you")), status


def preview(answers: dict, skills: list[str], top: int = 5) -> list[dict]:
    """The best few occupations for the competences ticked so far (shown beside the checkboxes)."""
    view = catalogue.current()
    have = frozenset(s for s in skills if s in view.catalog.skills)
    if not have:
        return []
    targets = rank_targets(view.catalog, have, preferences=preferences_from(answers, view), top=top)
    return [{"name": catalogue.group_label(view, t.group_id, html=True), "have": t.explanation.params.get("have", 0),
             "total": t.explanation.params.get("total", 0)} for t in targets]
