"""The saved plan (Besluta's answer ``besluta.plan`` = ``Plan.to_dict()``) as Agera shows it: each
step in words, its deadline, where to do it (a real link), and whether the person has done it.

Reads the plan through the store and names steps from the catalogue's read model (the same one
Besluta reads), so the shared view, the exports and the Agera pages all say the same thing.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask_babel import gettext as _

from app import wording
from app.content import catalogue
from app.engine import Plan
from app.plans import answers, schema, store
from app.wording import PlanRow

PLAN_STEP, PROGRESS_STEP, COMMITMENT_STEP = answers.PLAN, answers.PROGRESS, answers.COMMITMENT
MEETINGS_STEP = answers.MEETING_SUMMARIES


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


def profile(plan_row) -> dict:
    """What the person has told about themselves, in words (a shared link with their consent)."""
    return wording.profile_summary(answers.Inventera.of(store.all_answers(plan_row)), catalogue.current())


def goal_name(plan: Plan) -> str:
    return wording.goal_name(catalogue.current(), plan.goal.ssyk, plan.goal.label)


def rows(plan: Plan, notes: dict | None = None, progress: dict | None = None, *,
         with_notes: bool = True) -> list[PlanRow]:
    """The plan's steps as things to do, by date, with the person's notes (if shared) and progress."""
    view = catalogue.current()
    done = set((progress or {}).get("done") or [])
    return [wording.agenda_row(s, view, user_note=(notes or {}).get(s.id, "") if with_notes else "",
                               done=s.id in done) for s in wording.in_order(plan.steps)]


def week_bounds(today: date) -> tuple[date, date, date]:
    """Monday of this week, Monday of next week, Monday of the week after."""
    monday = today - timedelta(days=today.weekday())
    return monday, monday + timedelta(weeks=1), monday + timedelta(weeks=2)


def grouped(all_rows: list[PlanRow], today: date) -> dict[str, list[PlanRow]]:
    """Open steps by when they are due: "now" (this week or late), "next" (next week), "later"."""
    _monday, next_monday, after = week_bounds(today)
    groups: dict[str, list[PlanRow]] = {"now": [], "next": [], "later": []}
    for r in all_rows:
        if r.done:
            continue
        due = r.deadline or date.max
        groups["now" if due < next_monday else "next" if due < after else "later"].append(r)
    return groups


def progress_text(all_rows: list[PlanRow]) -> dict[str, Any]:
    done = sum(1 for r in all_rows if r.done)
    return {"done": done, "total": len(all_rows),
            "text": _("%(done)s of %(total)s done", done=done, total=len(all_rows))}


def calendar_events(plan: Plan, all_rows: list[PlanRow]) -> list[dict]:
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
            e["summary"] = f"{e['summary']} ({wording.date_text(e['day'])})"
    return out
