"""A plan: the goal and a chain of dated steps, each with whom it is done and follow-up dates.

Built from a route (``app.engine.routes``). Plain data that round-trips through JSON
(``Plan.to_dict`` / ``Plan.from_dict``) so the plan store can keep it.

Steps carry their dependencies (``after``): each step that takes time follows the one before it
(a licence after its course, the job search after the last study step) and an application
belongs to its study step. Editing keeps the plan consistent: ``move_step`` moves a step and
everything that depends on it, ``reestimate`` recomputes the money of every moved study step at
its new dates (the applications with it), ``remove_step`` can be undone (``undo_remove``), and
the ready-for-work date follows.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from typing import Any, Iterable, Mapping

from app.engine.financing import ETABLERING_ENDS, FinancingFacts, Person, StudyStep, financing_periods
from app.engine.routes import (
    EDUCATION,
    JOB_SEARCH,
    LANGUAGE,
    LICENCE,
    PREPARATORY,
    RECOGNITION,
    VALIDATION,
    Route,
    schedule,
)

PLAN_VERSION = 1

# Plan step kinds beyond the route's own (language, preparatory, education, ...)
APPLY_FINANCING = "apply_financing"
APPLY_LICENCE = "apply_licence"
FOLLOW_UP_WEEKS = 4          # a check-in 4 weeks after a start, and 4 weeks before a finish
FINANCING_LEAD_WEEKS = 6     # apply for the next scheme this long before it takes over
STUDY_KINDS = (LANGUAGE, PREPARATORY, EDUCATION, VALIDATION, LICENCE)


@dataclass(frozen=True)
class Goal:
    ssyk: str
    label: str = ""


@dataclass(frozen=True)
class Money:
    scheme: str
    decided_by: str
    grant_per_month: int
    loan_per_month: int
    check_with: tuple[str, ...] = ()
    estimate: bool = True
    paid_by: str = ""             # who pays, where it differs from who decides
    # where the figures come from and the period they hold for (every line's, intersected), so the
    # plan, Agera, the PDF and the shared view show the source and say when a figure has expired
    source_url: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    year: int | None = None
    stale: bool = False           # a figure is the last known one, from before the step's year

    @classmethod
    def of(cls, option) -> "Money":
        """The plan's record of a financing option (``app.engine.financing.FinancingOption``)."""
        sourced = [line for line in option.lines if line.source_url and line.per_month]
        starts = [line.valid_from for line in sourced if line.valid_from]
        ends = [line.valid_to for line in sourced if line.valid_to]
        return cls(option.key, option.decided_by, option.grant_per_month, option.loan_per_month,
                   tuple(option.check_with), paid_by=option.payer, source_url=sourced[0].source_url if sourced else None,
                   valid_from=max(starts) if starts else None, valid_to=min(ends) if ends else None,
                   year=sourced[0].year if sourced else None, stale=any(line.stale for line in option.lines))


@dataclass(frozen=True)
class PlanStep:
    id: str                       # stable within the plan: "<n>-<kind>-<key>"
    kind: str
    key: str
    label: str
    with_whom: str                # person | municipality_adult_education | arbetsformedlingen | csn | employer | ...
    apply_by: date | None = None
    start: date | None = None
    finish: date | None = None
    follow_up: tuple[date, ...] = ()
    weeks: int = 0
    pace: int = 100
    education_id: str | None = None
    weeks_assumed: bool = False
    notes: tuple[str, ...] = ()
    money: Money | None = None
    after: tuple[str, ...] = ()   # ids of the steps this one depends on: it moves when they move
    # what the money rules need to re-estimate a study step at new dates (from the route)
    form: str = ""
    level: str = "none"
    via_af: bool = False
    financing_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Removed:
    """Steps taken out together (a course and its applications), and the steps whose dependency
    was moved on to what the removed step depended on: enough to undo it."""

    steps: tuple[PlanStep, ...]
    repointed: tuple[tuple[str, tuple[str, ...]], ...] = ()     # (step id, its dependencies before)


UNDO_DEPTH = 5               # removals that can be undone, newest last


@dataclass(frozen=True)
class Plan:
    goal: Goal
    route_id: str
    start: date
    ready_date: date
    steps: tuple[PlanStep, ...]
    version: int = PLAN_VERSION
    removed: tuple[Removed, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = {"version": self.version, "goal": {"ssyk": self.goal.ssyk, "label": self.goal.label},
               "route_id": self.route_id, "start": self.start.isoformat(),
               "ready_date": self.ready_date.isoformat(), "steps": [_step_to_dict(s) for s in self.steps]}
        if self.removed:
            out["removed"] = [{"steps": [_step_to_dict(s) for s in r.steps],
                               "repointed": [[sid, list(after)] for sid, after in r.repointed]}
                              for r in self.removed]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Plan":
        removed = tuple(Removed(tuple(_step_from_dict(s) for s in r["steps"]),
                                tuple((str(sid), tuple(after)) for sid, after in r.get("repointed", ())))
                        for r in data.get("removed") or ())
        return cls(goal=Goal(**data["goal"]), route_id=data["route_id"], start=date.fromisoformat(data["start"]),
                   ready_date=date.fromisoformat(data["ready_date"]),
                   steps=tuple(_step_from_dict(s) for s in data["steps"]), version=data.get("version", PLAN_VERSION),
                   removed=removed)

    def step(self, step_id: str) -> PlanStep | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def next_follow_up(self, today: date) -> date | None:
        dates = sorted(d for s in self.steps for d in s.follow_up if d >= today)
        return dates[0] if dates else None


def in_order(steps) -> tuple[PlanStep, ...]:
    """The plan's steps by date (ties: finish, then id): the one order every page and export shows."""
    return tuple(sorted(steps, key=lambda s: (s.start or date.max, s.finish or date.max, s.id)))


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _day(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _step_to_dict(step: PlanStep) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(step):
        value = getattr(step, f.name)
        if isinstance(value, date):
            value = value.isoformat()
        elif f.name == "follow_up":
            value = [d.isoformat() for d in value]
        elif f.name in ("notes", "after", "financing_ids"):
            value = list(value)
        elif f.name == "money" and value is not None:
            value = {"scheme": value.scheme, "decided_by": value.decided_by,
                     "grant_per_month": value.grant_per_month, "loan_per_month": value.loan_per_month,
                     "check_with": list(value.check_with), "estimate": value.estimate, "paid_by": value.paid_by,
                     "source_url": value.source_url, "year": value.year, "stale": value.stale,
                     "valid_from": value.valid_from.isoformat() if value.valid_from else None,
                     "valid_to": value.valid_to.isoformat() if value.valid_to else None}
        out[f.name] = value
    return out


def _step_from_dict(data: Mapping[str, Any]) -> PlanStep:
    money = data.get("money")
    return PlanStep(
        id=data["id"], kind=data["kind"], key=data["key"], label=data.get("label", ""),
        with_whom=data["with_whom"], apply_by=_day(data.get("apply_by")), start=_day(data.get("start")),
        finish=_day(data.get("finish")), follow_up=tuple(date.fromisoformat(d) for d in data.get("follow_up", ())),
        weeks=data.get("weeks", 0), pace=data.get("pace", 100), education_id=data.get("education_id"),
        weeks_assumed=data.get("weeks_assumed", False), notes=tuple(data.get("notes", ())),
        after=tuple(data.get("after", ())), form=data.get("form", ""), level=data.get("level", "none"),
        via_af=bool(data.get("via_af", False)), financing_ids=tuple(data.get("financing_ids", ())),
        money=None if money is None else Money(
            money["scheme"], money["decided_by"], money["grant_per_month"], money["loan_per_month"],
            tuple(money.get("check_with", ())), money.get("estimate", True), paid_by=money.get("paid_by", ""),
            source_url=money.get("source_url"),
            valid_from=_day(money.get("valid_from")), valid_to=_day(money.get("valid_to")),
            year=money.get("year"), stale=bool(money.get("stale", False))))


def _follow_ups(start: date, finish: date, kind: str) -> tuple[date, ...]:
    if kind == JOB_SEARCH:
        dates, d = [], start + timedelta(weeks=FOLLOW_UP_WEEKS)
        while d <= finish:
            dates.append(d)
            d += timedelta(weeks=FOLLOW_UP_WEEKS)
        return tuple(dates)
    dates = {start + timedelta(weeks=FOLLOW_UP_WEEKS), finish - timedelta(weeks=FOLLOW_UP_WEEKS)}
    return tuple(sorted(d for d in dates if start < d < finish))


def build_plan(route: Route, goal: Goal, start_date: date) -> Plan:
    """The route's steps dated from ``start_date`` (same rules as the route), with the
    financing application before each study step that has money (and when another scheme takes
    over later in the step), follow-up dates, and each step's dependencies."""
    dated, ready = schedule(tuple(route.steps), start_date)
    steps: list[PlanStep] = []
    n = 0
    previous_timed: str | None = None          # the step that the next timed step follows

    def next_id(kind: str, key: str) -> str:
        nonlocal n
        n += 1
        return f"{n}-{kind}-{key}"

    for i, step in enumerate(dated):
        source = route.steps[i]
        periods = source.financing_periods
        first = source.financing.primary if source.financing else None
        money = Money.of(first) if first is not None and first.total_per_month else None
        apply_id = next_id(APPLY_FINANCING, first.key) if money is not None else None
        if step.kind == LICENCE and step.weeks == 0:
            sid = next_id(APPLY_LICENCE, step.key)
            steps.append(PlanStep(id=sid, kind=APPLY_LICENCE, key=step.key, label=step.label,
                                  with_whom=step.with_whom, apply_by=step.start, start=step.start,
                                  finish=step.finish, notes=step.notes,
                                  follow_up=(step.start + timedelta(weeks=FOLLOW_UP_WEEKS),),
                                  after=(previous_timed,) if previous_timed else ()))
            continue
        sid = next_id(step.kind, step.key)
        if apply_id is not None:
            steps.append(_application(apply_id, first, step.apply_by, sid, money))
        follow = () if step.start is None or step.finish is None or step.kind == RECOGNITION \
            else _follow_ups(step.start, step.finish, step.kind)
        if step.kind == RECOGNITION:
            follow = (step.start + timedelta(weeks=FOLLOW_UP_WEEKS * 2),)
        timed = step.weeks > 0 or step.kind == JOB_SEARCH
        steps.append(PlanStep(
            id=sid, kind=step.kind, key=step.key, label=step.label, with_whom=step.with_whom,
            apply_by=step.apply_by, start=step.start, finish=step.finish, follow_up=follow, weeks=step.weeks,
            pace=step.pace, education_id=step.education_id, weeks_assumed=step.weeks_assumed, notes=step.notes,
            money=money, after=(previous_timed,) if previous_timed and step.kind != RECOGNITION else (),
            form=step.form, level=step.level, via_af=step.via_af, financing_ids=step.financing_ids))
        for later in _later_applications(periods, first.key if first else None, step.start or start_date, sid):
            steps.append(replace(later, id=next_id(APPLY_FINANCING, later.key)))
        if timed and step.kind != RECOGNITION:
            previous_timed = sid
    return Plan(goal=goal, route_id=route.id, start=start_date, ready_date=ready, steps=tuple(steps))


def _application(step_id: str, option, apply_by: date | None, study_id: str, money: Money) -> PlanStep:
    """Apply for the money before the study step starts: CSN once; what Försäkringskassan pays
    (etableringsersättning, aktivitetsstöd) month by month, paid in arrears."""
    monthly = option.payer == "forsakringskassan"
    return PlanStep(id=step_id, kind=APPLY_FINANCING, key=option.key, label=option.key, with_whom=option.payer,
                    apply_by=apply_by, start=apply_by, finish=apply_by, money=money,
                    notes=("apply_each_month",) if monthly else ("apply_before_the_studies_start",),
                    after=(study_id,))


def _later_applications(periods, first_key: str | None, not_before: date, study_id: str) -> list[PlanStep]:
    """Later in the same step another scheme may pay (the etableringsprogram ends half-way): the
    line between them is a step of its own, in time to apply for what comes next."""
    out, previous = [], first_key
    for period in tuple(periods)[1:]:
        nxt = period.estimate.primary
        if nxt is None or not nxt.total_per_month or nxt.key == previous:
            continue
        apply_by = max(period.start - timedelta(weeks=FINANCING_LEAD_WEEKS), not_before)
        why = "financing_after_programme" if ETABLERING_ENDS in period.because else "financing_changes"
        monthly = nxt.payer == "forsakringskassan"
        out.append(PlanStep(id="", kind=APPLY_FINANCING, key=nxt.key, label=nxt.key, with_whom=nxt.payer,
                            apply_by=apply_by, start=apply_by, finish=apply_by, money=Money.of(nxt),
                            notes=(why, "apply_each_month") if monthly else (why,), follow_up=(period.start,),
                            after=(study_id,)))
        previous = nxt.key
    return out


# ---------------------------------------------------------------------------------------------
# Editing: every change leaves a consistent plan


def dependents(plan: Plan, step_id: str) -> set[str]:
    """The ids of every step that depends on ``step_id``, directly or through others."""
    found: set[str] = set()
    frontier = {step_id}
    while frontier:
        nxt = {s.id for s in plan.steps if set(s.after) & frontier and s.id not in found and s.id != step_id}
        found |= nxt
        frontier = nxt
    return found


def _shift(step: PlanStep, delta: timedelta) -> PlanStep:
    def move(d: date | None) -> date | None:
        return d + delta if d else d
    return replace(step, start=move(step.start), finish=move(step.finish), apply_by=move(step.apply_by),
                   follow_up=tuple(d + delta for d in step.follow_up))


def ready_date(steps: Iterable[PlanStep], fallback: date) -> date:
    """Ready for work: the job search's start, else the day after the last study step ends."""
    steps = tuple(steps)
    job = [s.start for s in steps if s.kind == JOB_SEARCH and s.start]
    if job:
        return min(job)
    ends = [s.finish for s in steps if s.kind in STUDY_KINDS and s.finish]
    return max(ends) + timedelta(days=3) if ends else fallback


def _with_steps(plan: Plan, steps: Iterable[PlanStep], **kw: Any) -> Plan:
    steps = tuple(steps)
    return replace(plan, steps=steps, ready_date=ready_date(steps, plan.ready_date), **kw)


def move_step(plan: Plan, step_id: str, start: date) -> tuple[Plan, set[str]]:
    """The step on a new start date, same length; everything that depends on it moves by the same
    number of days (a course's application and follow-ups, the licence after it, the job search).
    Returns the plan and the ids of the steps whose dates changed."""
    step = plan.step(step_id)
    if step is None:
        raise KeyError(step_id)
    delta = start - step.start if step.start else timedelta(0)
    if not delta:
        return plan, set()
    moving = {step_id} | dependents(plan, step_id)
    steps = tuple(_shift(s, delta) if s.id in moving else s for s in plan.steps)
    if not step.start:     # a step without a date: it gets one
        steps = tuple(replace(s, start=start, finish=start) if s.id == step_id else s for s in steps)
    return _with_steps(plan, steps), moving


def remove_step(plan: Plan, step_id: str) -> Plan:
    """Take a step out (with the applications that belong only to it); the steps that followed it
    now follow what it followed, so the chain holds. Can be undone."""
    step = plan.step(step_id)
    if step is None:
        raise KeyError(step_id)
    own_applications = {s.id for s in plan.steps if s.kind == APPLY_FINANCING and s.after == (step_id,)}
    gone = {step_id} | own_applications
    repointed = []
    steps = []
    for s in plan.steps:
        if s.id in gone:
            continue
        if step_id in s.after:
            repointed.append((s.id, s.after))
            s = replace(s, after=tuple(dict.fromkeys(a for x in s.after for a in (step.after if x == step_id else (x,)))))
        steps.append(s)
    removed = Removed(tuple(s for s in plan.steps if s.id in gone), tuple(repointed))
    return _with_steps(plan, steps, removed=(plan.removed + (removed,))[-UNDO_DEPTH:])


def undo_remove(plan: Plan) -> Plan:
    """Put back the steps removed last, with their dependencies as they were."""
    if not plan.removed:
        return plan
    last = plan.removed[-1]
    before = dict(last.repointed)
    steps = [replace(s, after=before[s.id]) if s.id in before else s for s in plan.steps]
    return _with_steps(plan, (*steps, *last.steps), removed=plan.removed[:-1])


def add_own_step(plan: Plan, title: str, start: date) -> tuple[Plan, str]:
    """The person's own step (e.g. "visit the job fair"): it depends on nothing."""
    n = 1 + max([int(s.id[4:]) for s in plan.steps if s.id.startswith("own-") and s.id[4:].isdigit()] or [0])
    step = PlanStep(id=f"own-{n}", kind="own", key="own", label=title, with_whom="person", start=start, finish=start)
    return replace(plan, steps=plan.steps + (step,)), step.id


def reestimate(plan: Plan, person: Person | None, facts: FinancingFacts | None, changed: Iterable[str]) -> Plan:
    """The money of every changed study step at its new dates: the step's own money and its
    applications are computed again (another scheme may pay now, a new year's amounts apply).
    Steps without what the rules need (a plan made before this was kept) keep their money."""
    if person is None or facts is None:
        return plan
    steps = list(plan.steps)
    for sid in changed:
        step = next((s for s in steps if s.id == sid), None)
        if step is None or not step.form or not step.start or step.weeks <= 0 or step.kind not in STUDY_KINDS:
            continue
        study = StudyStep(form=step.form, level=step.level, start=step.start, weeks=step.weeks, pace=step.pace,
                          education_id=step.education_id or "", via_af=step.via_af, financing=step.financing_ids)
        periods = financing_periods(person, study, facts, step.finish)
        first = periods[0].estimate.primary if periods else None
        money = Money.of(first) if first is not None and first.total_per_month else None
        old_apps = [s for s in steps if s.kind == APPLY_FINANCING and s.after == (sid,)]
        keep_ids = {a.key: a.id for a in old_apps}
        steps = [replace(s, money=money) if s.id == sid else s for s in steps if s not in old_apps]
        new_apps = []
        if money is not None:
            new_apps.append(_application(keep_ids.get(first.key) or _new_id(steps, first.key), first,
                                         step.apply_by, sid, money))
        for later in _later_applications(periods, first.key if first else None, step.start, sid):
            new_apps.append(replace(later, id=keep_ids.get(later.key) or _new_id(steps + new_apps, later.key)))
        steps.extend(new_apps)
    return _with_steps(plan, steps)


def _new_id(steps: Iterable[PlanStep], key: str) -> str:
    numbers = [int(s.id.split("-")[0]) for s in steps if s.id.split("-")[0].isdigit()]
    return f"{max(numbers, default=0) + 1}-{APPLY_FINANCING}-{key}"
