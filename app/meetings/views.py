"""What both screens of a meeting show: the profile summary, the targets, the chosen route and its
steps (with comments and suggestions), in words. Reads the plan through the store and the answer
accessors, names through the catalogue's read model and ``app.wording`` — like every page."""
from __future__ import annotations

from flask import url_for

from app import wording
from app.content import catalogue
from app.meetings import store as meetings
from app.plans import answers, schema, store


def clock_time(moment) -> str:
    """A moment as the time of day in Sweden ("14:05"), where the meetings happen."""
    from zoneinfo import ZoneInfo

    from flask_babel import format_time

    from app.counsellors.models import aware

    if moment is None:
        return ""
    return format_time(aware(moment).astimezone(ZoneInfo("Europe/Stockholm")).time(), "short")


def profile(all_answers: dict) -> dict:
    return wording.profile_summary(answers.Inventera.of(all_answers), catalogue.current())


def targets(all_answers: dict) -> list[dict]:
    view = catalogue.current()
    return [{"name": wording.goal_name(view, t["ssyk"], t.get("label", "")),
             "url": url_for("besluta.occupation", ssyk=t["ssyk"])} for t in answers.Inventera.of(all_answers).targets]


def plan_steps(plan_row, meeting=None) -> dict | None:
    saved = store.answers_for(plan_row, answers.PLAN)
    plan = schema.plan_from_stored(saved)
    if plan is None:
        return None
    view = catalogue.current()
    notes = saved.get("user_notes") if isinstance(saved.get("user_notes"), dict) else {}
    done = set(store.answers_for(plan_row, answers.PROGRESS).get("done") or [])
    comments: dict[str, list] = {}
    for event in meetings.events(meeting, ("comment",)) if meeting else []:
        comments.setdefault(event.detail.get("step"), []).append(event)
    rows = []
    for n, step in enumerate(wording.in_order(plan.steps)):
        row = wording.agenda_row(step, view, user_note=notes.get(step.id, "") if isinstance(notes.get(step.id), str)
                                 else "", done=step.id in done)
        rows.append({"row": row, "id": step.id, "n": n, "comments": comments.get(step.id, [])})
    return {"goal": wording.goal_name(view, plan.goal.ssyk, plan.goal.label),
            "ready": wording.date_text(plan.ready_date), "steps": rows}


def suggestions(meeting) -> list:
    return meetings.events(meeting, ("suggestion",)) if meeting else []


def shared_view(plan_row, meeting, parts=("profile", "targets", "plan")) -> dict:
    """Everything the meeting page shows for ``plan_row``."""
    all_answers = store.all_answers(plan_row)
    return {"profile": profile(all_answers) if "profile" in parts else None,
            "targets": targets(all_answers) if "targets" in parts else None,
            "plan": plan_steps(plan_row, meeting) if "plan" in parts else None,
            "suggestions": suggestions(meeting),
            "summaries": (store.answers_for(plan_row, answers.MEETING_SUMMARIES).get("items") or [])[-3:]}


def _summary_in(plan_row, meeting, locale: str) -> dict:
    from flask_babel import force_locale
    from flask_babel import gettext as _

    with force_locale(locale):
        steps = plan_steps(plan_row, meeting)
        open_steps = [s for s in (steps or {}).get("steps", []) if not s["row"].done][:5]
        comments = [{"step": next((s["row"].name for s in (steps or {}).get("steps", []) if s["id"] == e.detail.get("step")),
                                  ""), "text": e.detail.get("text", "")}
                    for e in meetings.events(meeting, ("comment",))]
        return {
            "title": _("Meeting with %(who)s, %(date)s", who=meeting.counsellor_label,
                       date=wording.date_text(meetings.now().date())),
            "route": _("Route: %(goal)s, ready %(date)s", goal=steps["goal"], date=steps["ready"]) if steps else
            _("No route chosen yet."),
            "next_steps": [_("%(name)s (%(date)s) – %(who)s", name=s["row"].name, date=s["row"].deadline_text or "–",
                             who=s["row"].with_whom) for s in open_steps],
            "comments": [(f"{c['step']}: {c['text']}" if c["step"] else c["text"]) for c in comments],
        }


def summary(plan_row, meeting, person_locale: str) -> dict:
    """What the meeting decided, in the person's language and in Swedish (saved to the plan)."""
    locales = [person_locale] if person_locale == "sv" else [person_locale, "sv"]
    return {"at": meetings.now().isoformat(timespec="minutes"), "with": meeting.counsellor_label,
            "texts": {loc: _summary_in(plan_row, meeting, loc) for loc in locales}}


def save_summary(plan_row, meeting, person_locale: str) -> None:
    if meeting.allowed_at is None:
        return
    saved = store.answers_for(plan_row, answers.MEETING_SUMMARIES)
    items = list(saved.get("items") or [])[-19:] + [summary(plan_row, meeting, person_locale)]
    store.save_answers(plan_row, answers.MEETING_SUMMARIES, {"items": items})


def save_summary_after_timeout(meeting) -> None:
    """A meeting that ended by itself (2 hours, or 20 minutes idle) gets its summary too."""
    from app.db import get_session
    from app.plans.models import Plan

    plan_row = get_session().get(Plan, meeting.plan_id)
    if plan_row is not None:
        save_summary(plan_row, meeting, meeting.person_locale)
