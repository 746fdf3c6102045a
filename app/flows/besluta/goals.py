"""Helpers for naming a goal ("I want to become ..."), making any occupation a target (at most 3,
with a swap), and the occupations one could move into from a decision page (issue 11). The
views are in ``routes.py``."""
from __future__ import annotations

from flask import abort, make_response, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import Optional

from app import wording
from app.content import catalogue
from app.engine.gap import similar_occupations
from app.forms import AppForm

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


def query() -> str:
    return (request.args.get("q") or "").strip()[:MAX_QUERY]


def goal_hits(view, q: str) -> list[dict]:
    """Occupation names, groups and synonyms matching ``q``, one row per occupation group."""
    rows, seen = [], set()
    for hit in catalogue.search(q, kinds=SEARCH_KINDS, limit=20) if len(q) >= 2 else []:
        if not hit.ssyk or hit.ssyk in seen or hit.ssyk not in view.by_ssyk:
            continue
        seen.add(hit.ssyk)
        gid = view.by_ssyk[hit.ssyk]
        rows.append({"label": catalogue.hit_name(hit), "ssyk": hit.ssyk, "group": catalogue.group_label(view, gid, html=True),
                     "url": url_for("besluta.occupation", ssyk=hit.ssyk)})
    return rows


def area_groups(view, area: str) -> list[dict]:
    return [{"ssyk": g.ssyk, "label": catalogue.group_label(view, g.id, html=True),
             "url": url_for("besluta.occupation", ssyk=g.ssyk)}
            for g in sorted(view.catalog.groups.values(), key=lambda g: g.ssyk) if g.ssyk.startswith(area)]


def ask_which(ssyk: str, chosen: list[dict], form, invalid: bool):
    """The page asking which of the 3 targets a new one replaces (422 after an invalid choice)."""
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
    return [{"name": catalogue.group_label(view, s.group_id, html=True), "ssyk": s.ssyk,
             "url": url_for("besluta.occupation", ssyk=s.ssyk), "why": wording.explain(s.reason, view)}
            for s in similar_occupations(view.catalog, view.by_ssyk[ssyk])]
