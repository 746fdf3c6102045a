"""Name a goal ("I want to become ..."), make any occupation a target (at most 3, with a swap),
and the occupations one could move into from a decision page (issue 11)."""
from __future__ import annotations

from flask import abort, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import Optional

from app.content.search import search
from app.db import get_session
from app.engine.gap import similar_occupations
from app.flows.besluta.person import TARGETS_STEP, targets
from app.flows.inventera import catalogue
from app.forms import AppForm
from app.plans import store

MAX_TARGETS = 3
MAX_QUERY = 100
SEARCH_KINDS = ["occupation", "group", "keyword"]

# SSYK 2012 major groups, for browsing by area when a search finds nothing.
AREAS = {
    "0": _l("Military work"),
    "1": _l("Managers"),
    "2": _l("Work that requires a university degree at an advanced level"),
    "3": _l("Work that requires a university degree or equivalent"),
    "4": _l("Administration and customer service"),
    "5": _l("Service, care and sales"),
    "6": _l("Agriculture, gardening, forestry and fishing"),
    "7": _l("Construction and manufacturing"),
    "8": _l("Machine operation and transport"),
    "9": _l("Work that requires a short education or an introduction"),
}


class MakeTargetForm(AppForm):
    replace = StringField(_l("Which occupation should it replace?"), validators=[Optional()])


def group_or_404(ssyk: str) -> str:
    """The group id of ``ssyk``, or a translated 404 page with a goal search box."""
    view = catalogue.current()
    gid = view.by_ssyk.get(ssyk)
    if gid is None or gid not in view.catalog.groups:
        page = render_template("besluta/unknown_occupation.html", page_heading=_("We do not know that occupation"),
                               ssyk=ssyk[:12], query="")
        abort(make_response(page, 404))
    return gid


def _query() -> str:
    return (request.args.get("q") or "").strip()[:MAX_QUERY]


def goal_hits(view, q: str) -> list[dict]:
    """Occupation names, groups and synonyms matching ``q``, one row per occupation group."""
    rows, seen = [], set()
    for hit in search(get_session(), q, kinds=SEARCH_KINDS, limit=20) if len(q) >= 2 else []:
        if not hit.ssyk or hit.ssyk in seen or hit.ssyk not in view.by_ssyk:
            continue
        seen.add(hit.ssyk)
        gid = view.by_ssyk[hit.ssyk]
        rows.append({"label": hit.label, "ssyk": hit.ssyk, "group": catalogue.group_label(view, gid, html=True),
                     "url": url_for("besluta.occupation", ssyk=hit.ssyk)})
    return rows


def area_groups(view, area: str) -> list[dict]:
    if area not in AREAS:
        return []
    return [{"ssyk": g.ssyk, "label": catalogue.group_label(view, g.id, html=True),
             "url": url_for("besluta.occupation", ssyk=g.ssyk)}
            for g in sorted(view.catalog.groups.values(), key=lambda g: g.ssyk) if g.ssyk.startswith(area)]


def goal_view():
    """GET /besluta/mal?q=...: search every occupation name and synonym; ?omrade=N browses an area."""
    view = catalogue.current()
    q, area = _query(), (request.args.get("omrade") or "")[:1]
    return render_template("besluta/goal.html", page_heading=_("I want to become ..."), query=q,
                           hits=goal_hits(view, q), areas=[(k, str(v)) for k, v in AREAS.items()],
                           area=area if area in AREAS else None, area_label=str(AREAS[area]) if area in AREAS else None,
                           area_groups=area_groups(view, area))


def current_targets() -> list[dict]:
    return targets(store.all_answers(store.current_plan()))


def make_target_view(ssyk: str):
    """POST /besluta/yrke/<ssyk>/mal: make the occupation a target; with 3 already, ask which to swap."""
    gid = group_or_404(ssyk)
    form = MakeTargetForm()
    if not form.validate_on_submit():
        return redirect(url_for("besluta.occupation", ssyk=ssyk), 303)
    chosen = current_targets()
    if any(t["ssyk"] == ssyk for t in chosen):
        return redirect(url_for("besluta.occupation", ssyk=ssyk), 303)
    if len(chosen) >= MAX_TARGETS:
        swap = form.replace.data
        if swap not in {t["ssyk"] for t in chosen}:
            return _ask_which(ssyk, chosen, form, invalid=swap is not None)
        chosen = [t for t in chosen if t["ssyk"] != swap]
    view = catalogue.current()
    chosen.append({"group_id": gid, "ssyk": ssyk, "label": catalogue.group_label(view, gid), "named": True})
    store.save_answers(store.current_plan() or store.get_or_create_plan(), TARGETS_STEP,
                       {"targets": [t["group_id"] for t in chosen], "details": chosen})
    return redirect(url_for("besluta.occupation", ssyk=ssyk, added=1), 303)


def _ask_which(ssyk: str, chosen: list[dict], form, invalid: bool):
    view = catalogue.current()
    if invalid:
        form.replace.errors = [_("Choose which occupation to replace.")]
    options = [{"ssyk": t["ssyk"], "label": catalogue.group_label(view, view.by_ssyk[t["ssyk"]], html=True)
                if t["ssyk"] in view.by_ssyk else t.get("label", t["ssyk"])} for t in chosen]
    name = catalogue.group_label(view, view.by_ssyk[ssyk], html=True)
    page = render_template("besluta/replace_target.html", page_heading=_("You already have 3 occupations"),
                           ssyk=ssyk, name=name, options=options, form=form)
    return page, 422 if invalid else 200


def similar(view, ssyk: str) -> list[dict]:
    """3-5 occupations one could move into from ``ssyk``, each with its reason in words."""
    from app.flows.inventera.results import explain

    out = []
    for s in similar_occupations(view.catalog, view.by_ssyk[ssyk]):
        out.append({"name": catalogue.group_label(view, s.group_id, html=True), "ssyk": s.ssyk,
                    "url": url_for("besluta.occupation", ssyk=s.ssyk), "why": explain(s.reason, view)})
    return out
