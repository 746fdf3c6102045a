"""The saved plan (Besluta's answer ``besluta.plan`` = ``Plan.to_dict()``) as Agera shows it: each
step in words, its deadline, where to do it (a real link), and whether the person has done it.

Reads the plan through the store and names steps from the content files (no catalogue database
needed), so the shared view, the exports and the Agera pages all say the same thing.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from flask_babel import format_decimal
from flask_babel import gettext as _

from app import clock, wording
from app.engine import Plan
from app.flows.besluta import words
from app.flows.inventera.catalogue import localised
from app.plans import schema, store

PLAN_STEP = "besluta.plan"            # written by Besluta: Plan.to_dict() + user_notes
PROGRESS_STEP = "agera.progress"      # {"done": [step ids], "chosen_route": id, "chosen_on": iso}
COMMITMENT_STEP = "agera.commitment"

# The real place for a step, by who it is with, when the content has no address for the step itself.
# Addresses are the ones the content files cite (app/content/files/*.yaml).
PLACES = {
    "municipality_adult_education": "https://utbildningsguiden.skolverket.se/utbildning-for-vuxna",
    "csn": "https://www.csn.se",
    "arbetsformedlingen": "https://arbetsformedlingen.se",
    "forsakringskassan": "https://www.forsakringskassan.se/privatperson/arbetssokande/"
                         "ersattning-for-dig-som-deltar-i-etableringsprogrammet-hos-arbetsformedlingen",
    "folkhogskola": "https://www.folkhogskola.nu",
    "university": "https://www.antagning.se",
}


@functools.lru_cache(maxsize=1)
def content():
    from app.content.loaders import load_content

    return load_content()


@dataclass(frozen=True)
class Row:
    id: str
    kind: str
    kind_key: str
    name: str
    start: date | None
    finish: date | None
    deadline: date | None           # apply by, else the start
    with_whom: str
    with_whom_key: str
    place_url: str | None
    notes: tuple[str, ...] = ()
    user_note: str = ""
    done: bool = False
    money: str | None = None        # "Student finance from CSN: about 19 000 kr a month"
    money_source: dict | None = None  # its source and period, marked once expired (app.wording.money_fact)
    overdue: bool = False           # the deadline has passed and the step is not done
    follow_up: tuple[date, ...] = field(default_factory=tuple)


def load(plan_row=None) -> tuple[Plan | None, dict, dict]:
    """(engine Plan, the person's notes per step, progress) for a stored plan (default: this browser's)."""
    plan_row = store.current_plan() if plan_row is None else plan_row
    saved = store.answers_for(plan_row, PLAN_STEP)
    plan = schema.plan_from_stored(saved)
    if plan is None:
        return None, {}, {}
    progress = store.answers_for(plan_row, PROGRESS_STEP)
    done = progress.get("done")
    progress["done"] = [d for d in done if isinstance(d, str)] if isinstance(done, list) else []
    notes = saved.get("user_notes")
    notes = {k: v for k, v in notes.items() if isinstance(v, str)} if isinstance(notes, dict) else {}
    return plan, notes, progress


def goal_name(plan: Plan) -> str:
    occ = content().occupations.get(plan.goal.ssyk)
    return localised(occ.label, plan.goal.label) if occ is not None else (plan.goal.label or plan.goal.ssyk)


def step_name(step) -> str:
    c = content()
    if step.kind == "own":
        return step.label
    if step.kind == "language":
        lv = c.language_levels.get(step.key)
        return localised(lv.label, step.key) if lv else str(words.say(words.KINDS, step.kind))
    if step.kind == "apply_financing":
        return str(words.say(words.SCHEMES, step.key))
    edu = c.educations.get(step.education_id or step.key) if step.kind in (
        "education", "validation", "preparatory", "licence") else None
    if edu is not None:
        return localised(edu.label, step.label)
    if step.kind in ("licence", "apply_licence"):
        label = licence_labels().get(step.key)
        if label is not None:
            return localised(label, step.key)
    return str(words.say(words.KINDS, step.kind))


@functools.lru_cache(maxsize=1)
def licence_labels() -> dict:
    """Curated licence and certificate names by competence key (the same key names one thing)."""
    return {comp.key: comp.label for occ in content().occupations.values() for comp in occ.competences
            if comp.kind == "licence"}


def place_url(step) -> str | None:
    """Where to do the step: the education's or the scheme's own application page, else the authority's."""
    c = content()
    if step.kind == "apply_financing":
        scheme = c.schemes.get(step.key)
        if scheme is not None and scheme.apply_url:
            return scheme.apply_url
    if step.education_id and step.education_id in c.educations and c.educations[step.education_id].apply_url:
        return c.educations[step.education_id].apply_url
    if step.kind == "language" and step.with_whom == "municipality_adult_education":
        sfi = c.educations.get("sfi-kurs-a")
        if sfi is not None and sfi.apply_url and step.key.startswith("sfi"):
            return sfi.apply_url
    return PLACES.get(step.with_whom)


def _sorted(steps) -> tuple:
    return tuple(sorted(steps, key=lambda s: (s.start or date.max, s.finish or date.max, s.id)))


def rows(plan: Plan, notes: dict | None = None, progress: dict | None = None, *,
         with_notes: bool = True) -> list[Row]:
    done = set((progress or {}).get("done") or [])
    out = []
    for s in _sorted(plan.steps):
        out.append(Row(
            id=s.id, kind=str(words.say(words.KINDS, s.kind)), kind_key=s.kind, name=step_name(s),
            start=s.start, finish=s.finish, deadline=s.apply_by or s.start,
            with_whom=str(words.say(words.WITH_WHOM, s.with_whom)), with_whom_key=s.with_whom,
            place_url=place_url(s), notes=tuple(str(words.say(words.NOTES, n)) for n in s.notes if s.kind != "own"),
            user_note=(notes or {}).get(s.id, "") if with_notes else "", done=s.id in done,
            money=money_text(s.money), money_source=wording.money_fact(s.money), follow_up=tuple(s.follow_up),
            overdue=bool((s.apply_by or s.start) and (s.apply_by or s.start) < clock.today() and s.id not in done)))
    return out


def money_text(money) -> str | None:
    if money is None:
        return None
    total = format_decimal(money.grant_per_month + money.loan_per_month)
    text = _("%(scheme)s: about %(total)s kr a month", scheme=words.say(words.SCHEMES, money.scheme), total=total)
    if money.loan_per_month:
        text += " " + _("(of which %(amount)s kr is a loan)", amount=format_decimal(money.loan_per_month))
    return text


def week_bounds(today: date) -> tuple[date, date, date]:
    """Monday of this week, Monday of next week, Monday of the week after."""
    monday = today - timedelta(days=today.weekday())
    return monday, monday + timedelta(weeks=1), monday + timedelta(weeks=2)


def grouped(all_rows: list[Row], today: date) -> dict[str, list[Row]]:
    """Open steps by when they are due: "now" (this week or late), "next" (next week), "later"."""
    _monday, next_monday, after = week_bounds(today)
    groups: dict[str, list[Row]] = {"now": [], "next": [], "later": []}
    for r in all_rows:
        if r.done:
            continue
        due = r.deadline or date.max
        groups["now" if due < next_monday else "next" if due < after else "later"].append(r)
    return groups


def progress_text(all_rows: list[Row]) -> dict[str, Any]:
    done = sum(1 for r in all_rows if r.done)
    return {"done": done, "total": len(all_rows),
            "text": _("%(done)s of %(total)s done", done=done, total=len(all_rows))}


def calendar_events(plan: Plan, all_rows: list[Row]) -> list[dict]:
    """The plan in a calendar: each step's deadline, an event spanning each step that takes time
    (start to finish), and its follow-ups. UIDs are stable per step and kind of event; every
    event has its own title (a repeated one gets its date)."""
    out = []
    for r in all_rows:
        what = _("%(kind)s: %(name)s", kind=r.kind, name=r.name) if r.kind != r.name else r.name
        about = " ".join(filter(None, [r.with_whom, r.place_url or ""]))
        spans = bool(r.start and r.finish and r.finish > r.start)
        if (r.deadline or r.start) and not (spans and r.deadline in (None, r.start)):
            # the deadline, unless it is the first day of the span event below
            out.append({"uid": f"{r.id}@{plan.route_id}.vagval", "day": r.deadline or r.start,
                        "summary": _("Apply by this day: %(what)s", what=what) if spans else what,
                        "description": about, "url": r.place_url})
        if spans:
            out.append({"uid": f"{r.id}-span@{plan.route_id}.vagval", "day": r.start, "end": r.finish,
                        "summary": what, "description": about, "url": r.place_url})
        for i, day in enumerate(r.follow_up):
            out.append({"uid": f"{r.id}-follow-up-{i}@{plan.route_id}.vagval", "day": day,
                        "summary": _("Follow-up: %(what)s", what=what), "description": about, "url": r.place_url})
    seen: dict[str, int] = {}
    for e in out:
        seen[e["summary"]] = seen.get(e["summary"], 0) + 1
    for e in out:
        if seen[e["summary"]] > 1:
            e["summary"] = f"{e['summary']} ({words.date_text(e['day'])})"
    return out
