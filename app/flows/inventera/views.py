"""The two Inventera steps that need more than one form: occupations (search, add, remove)
and competences (proposed from the occupations, confirmed by the person, more by search).

Every change is kept at once: adding or removing saves a draft of the step, "Save and
continue" validates and saves the answer. Without JavaScript the search is a GET form on the
same page; with htmx the hit list is re-rendered in place (block ``hits``).
"""
from __future__ import annotations

from flask import redirect, request
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from wtforms.fields.choices import SelectChoice

from app import htmx
from app.content import catalogue
from app.flows.inventera.forms import WHERE_CHOICES
from app.flows.wizard import keep_next, step_context
from app.plans import answers as saved_answers
from app.plans import store

MAX_QUERY = 100
MAX_OCCUPATIONS = 20
MAX_ADDED_SKILLS = 40


def _saved(plan, step_id: str) -> dict:
    return store.draft_for(plan, step_id) or store.answers_for(plan, step_id)


def _query(name: str) -> str:
    return (request.args.get(name) or "").strip()[:MAX_QUERY]


def _hits(q: str, kinds: list[str]) -> list:
    return catalogue.search(q, kinds=kinds, limit=10) if len(q) >= 2 else []


def _stay(flow, step, anchor: str):
    """Back to the same question (303), keeping ?next=check."""
    extra = {"next": "check"} if request.args.get("next") == "check" else {}
    return redirect(flow.url_for_step(step.key, **extra) + anchor, 303)


def _shown(rows: list[dict]) -> list[dict]:
    """The chosen jobs with their names for the page (in its language, the Swedish name beside)."""
    view = catalogue.current()
    return [dict(r, display=catalogue.occupation_html(view, r["occupation_id"], r.get("label", ""))) for r in rows]


def _render(flow, step, form, status: int = 200, **extra):
    if "rows" in extra:
        extra["rows"] = _shown(extra["rows"])
    ctx = step_context(flow, step, form, **extra)
    if request.method == "GET" and extra.get("query") is not None and htmx.is_partial():
        return htmx.render(step.template, block="hits", **ctx), status
    return htmx.render(step.template, **ctx), status


def _finish_side_action(flow, step, plan, step_id: str, data: dict, anchor: str):
    """Add/remove/search/autosave/language switch: keep what we have as a draft, then stay."""
    autosave = request.form.get("_autosave") == "1"
    if not (autosave and store.superseded(plan, step_id, request.form.get("_shown_at"))):
        store.save_draft(plan or store.get_or_create_plan(), step_id, data)     # (a late autosave: dropped)
    if autosave:
        return "", 204
    search = request.form.get("_search")
    if search in ("q", "sq"):              # a search without JS: the hits for what was asked
        query = (request.form.get(search) or "").strip()[:MAX_QUERY]
        return redirect(flow.url_for_step(step.key, **{search: query}, **keep_next()) + "#search-" + search, 303)
    switch_to = request.form.get("_lang")
    if switch_to:
        return redirect(flow.url_for_step(step.key, lang=switch_to, **keep_next()), 303)
    return _stay(flow, step, anchor)


# --- occupations ----------------------------------------------------------------------------

def _occupation_rows(form, saved_rows: list[dict]) -> list[dict]:
    """The saved rows in order, with the years and place typed in the form (when valid)."""
    posted = {e.occupation_id.data: e for e in form.occupations.entries}
    where_ok = {v for v, _ in WHERE_CHOICES}
    rows = []
    for row in saved_rows:
        entry = posted.get(row["occupation_id"])
        if entry is not None:
            years = entry.years.data
            row = dict(row, years=years if isinstance(years, int) and 0 <= years <= 60 else None,
                       where=entry.where.data if entry.where.data in where_ok else None)
        rows.append(row)
    return rows


def _occupation(occupation_id: str) -> dict | None:
    name = catalogue.occupation_name(occupation_id)
    if name is None:
        return None
    view = catalogue.current()
    return {"occupation_id": name.id, "label": name.label, "group_id": view.by_ssyk.get(name.group_ssyk),
            "ssyk": name.group_ssyk, "years": None, "where": None}


def occupations(flow, step):
    plan = store.current_plan()
    step_id = flow.step_id(step)
    saved = _saved(plan, step_id)
    saved_rows = list(saved.get("occupations") or [])
    query = _query("q")
    if request.method == "GET":
        form = step.form(formdata=None, data=saved)
        return _render(flow, step, form, rows=saved_rows, query=query,
                       hits=_hits(query, ["occupation"]))
    form = step.form(formdata=request.form)
    rows = _occupation_rows(form, saved_rows)
    add, remove = request.form.get("add"), request.form.get("remove")
    if add or remove or request.form.get("_search") or request.form.get("_autosave") == "1" or request.form.get("_lang"):
        if add and add not in {r["occupation_id"] for r in rows} and len(rows) < MAX_OCCUPATIONS:
            new = _occupation(add)
            rows += [new] if new else []
        if remove:
            rows = [r for r in rows if r["occupation_id"] != remove]
        data = {"occupations": rows, "never_worked": form.never_worked.data or []}
        return _finish_side_action(flow, step, plan, step_id, data, "#chosen" if add or remove else "")
    known = {r["occupation_id"] for r in saved_rows}
    form.occupations.entries = [e for e in form.occupations.entries if e.occupation_id.data in known]
    if form.validate():
        store.save_answers(plan or store.get_or_create_plan(), step_id,
                           {"occupations": rows, "never_worked": form.never_worked.data or []})
        return redirect(flow.next_url(step.key), 303)
    return _render(flow, step, form, 422, rows=saved_rows, query=query, hits=[])


def summarise_occupations(saved: dict) -> list[str]:
    from flask_babel import gettext as _
    from flask_babel import ngettext

    where = dict(WHERE_CHOICES)
    lines = []
    view = catalogue.current()
    for row in saved.get("occupations") or []:
        years = row.get("years")
        keep = {"job": "%(job)s", "where": "%(where)s"}       # filled below, the job as marked-up text
        line = (ngettext("%(job)s: %(num)s year, %(where)s", "%(job)s: %(num)s years, %(where)s", years, **keep)
                if years is not None else _("%(job)s: years not given, %(where)s", **keep))
        lines.append(Markup(line) % {"job": catalogue.occupation_html(view, row.get("occupation_id", ""), row.get("label", "")),
                                     "where": str(where.get(row.get("where"), "?"))})
    if not lines and saved.get("never_worked"):
        lines.append(_("I have never had a paid job"))
    return lines


# --- competences ----------------------------------------------------------------------------

def chosen_groups(plan) -> list[str]:
    rows = _saved(plan, saved_answers.OCCUPATIONS).get("occupations") or []
    return [r["group_id"] for r in rows if r.get("group_id")]


def _skill_choices(view, proposed: list[str], saved: dict) -> list[str]:
    ids = list(proposed)
    for sid in list(saved.get("added") or []) + list(saved.get("skills") or []):
        if sid not in ids and sid in view.catalog.skills:
            ids.append(sid)
    return ids


def competences(flow, step):
    plan = store.current_plan()
    step_id = flow.step_id(step)
    saved = _saved(plan, step_id)
    view = catalogue.current()
    proposed = catalogue.proposed_skills(view, chosen_groups(plan))
    ids = _skill_choices(view, proposed, saved)
    query = _query("sq")
    form = step.form(formdata=request.form if request.method == "POST" else None,
                     data=None if request.method == "POST" else saved)
    form.skills.choices = [SelectChoice(sid, catalogue.skill_label(view, sid, html=True)) for sid in ids]
    if proposed:
        form.skills.description = _l("These are things people often do in the jobs you have had. "
                                     "Tick only what you can do. Nothing is ticked for you.")
    extra = dict(query=query, proposed=proposed, kinds={sid: catalogue.skill_kind(view, sid) for sid in ids})
    if request.method == "GET":
        return _render(flow, step, form, hits=_hits(query, ["skill"]),
                       preview=_preview(saved.get("skills") or []), **extra)
    added = [s for s in (saved.get("added") or []) if s in view.catalog.skills]
    skills = [s for s in (form.skills.data or []) if s in ids]
    add = request.form.get("add_skill")
    if add or request.form.get("_search") or request.form.get("_autosave") == "1" or request.form.get("_lang"):
        if add and add in view.catalog.skills and add not in added and len(added) < MAX_ADDED_SKILLS:
            added.append(add)
            if add not in skills:
                skills.append(add)
        data = {"skills": skills, "added": added, "none_fit": form.none_fit.data or []}
        response = _finish_side_action(flow, step, plan, step_id, data, "#skills" if add else "")
        if request.form.get("_autosave") == "1" and htmx.is_partial():
            # htmx: the occupations that fit what is ticked now, re-ranked in place.
            return htmx.render(step.template, block="preview", **step_context(
                flow, step, form, preview=_preview(skills), **extra))
        return response
    if form.validate():
        store.save_answers(plan or store.get_or_create_plan(), step_id,
                           {"skills": skills, "added": added, "none_fit": form.none_fit.data or []})
        return redirect(flow.next_url(step.key), 303)
    return _render(flow, step, form, 422, hits=[], preview=_preview(skills), **extra)


def _preview(skills: list[str]) -> list[dict]:
    from app.flows.inventera.results import preview

    return preview(store.all_answers(store.current_plan()), skills)


def summarise_competences(saved: dict) -> list[str]:
    from flask_babel import gettext as _

    view = catalogue.current()
    labels = [catalogue.skill_label(view, s, html=True) for s in saved.get("skills") or []]
    if labels:
        return [Markup(", ").join(labels)]
    return [_("None of these fit me")] if saved.get("none_fit") else []
