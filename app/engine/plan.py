"""A plan: the goal and a chain of dated steps, each with whom it is done and follow-up dates.

Built from a route (``app.engine.routes``). Plain data that round-trips through JSON
(``Plan.to_dict`` / ``Plan.from_dict``) so the plan store can keep it.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any, Mapping

from app.engine.financing import ETABLERING_ENDS
from app.engine.routes import (
    EDUCATION, JOB_SEARCH, LANGUAGE, LICENCE, PREPARATORY, RECOGNITION, VALIDATION, Route, schedule,
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
                   tuple(option.check_with), source_url=sourced[0].source_url if sourced else None,
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


@dataclass(frozen=True)
class Plan:
    goal: Goal
    route_id: str
    start: date
    ready_date: date
    steps: tuple[PlanStep, ...]
    version: int = PLAN_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "goal": {"ssyk": self.goal.ssyk, "label": self.goal.label},
                "route_id": self.route_id, "start": self.start.isoformat(),
                "ready_date": self.ready_date.isoformat(), "steps": [_step_to_dict(s) for s in self.steps]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Plan":
        return cls(goal=Goal(**data["goal"]), route_id=data["route_id"], start=date.fromisoformat(data["start"]),
                   ready_date=date.fromisoformat(data["ready_date"]),
                   steps=tuple(_step_from_dict(s) for s in data["steps"]), version=data.get("version", PLAN_VERSION))

    def next_follow_up(self, today: date) -> date | None:
        dates = sorted(d for s in self.steps for d in s.follow_up if d >= today)
        return dates[0] if dates else None


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
        elif f.name == "notes":
            value = list(value)
        elif f.name == "money" and value is not None:
            value = {"scheme": value.scheme, "decided_by": value.decided_by,
                     "grant_per_month": value.grant_per_month, "loan_per_month": value.loan_per_month,
                     "check_with": list(value.check_with), "estimate": value.estimate,
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
        money=None if money is None else Money(
            money["scheme"], money["decided_by"], money["grant_per_month"], money["loan_per_month"],
            tuple(money.get("check_with", ())), money.get("estimate", True), source_url=money.get("source_url"),
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
    financing application before each study step that has money, and follow-up dates.

    Money is the route's estimate (computed for the route's own dates): re-estimate with
    ``estimate_financing`` if the plan's dates move into another year.
    """
    dated, ready = schedule(tuple(route.steps), start_date)
    money_by_index = [s.financing for s in route.steps]
    periods_by_index = [s.financing_periods for s in route.steps]
    steps: list[PlanStep] = []
    n = 0

    def add(**kw: Any) -> None:
        nonlocal n
        n += 1
        steps.append(PlanStep(id=f"{n}-{kw['kind']}-{kw['key']}", **kw))

    for i, step in enumerate(dated):
        estimate = money_by_index[i]
        primary = estimate.primary if estimate else None
        money = None
        if primary is not None and primary.total_per_month:
            money = Money.of(primary)
            # Etableringsersättning is applied for each month at Försäkringskassan (paid in arrears).
            monthly = primary.decided_by == "forsakringskassan"
            add(kind=APPLY_FINANCING, key=primary.key, label=primary.key, with_whom=primary.decided_by,
                apply_by=step.apply_by, start=step.apply_by, finish=step.apply_by, money=money,
                notes=("apply_each_month",) if monthly else ("apply_before_the_studies_start",))
        if step.kind == LICENCE and step.weeks == 0:
            add(kind=APPLY_LICENCE, key=step.key, label=step.label, with_whom=step.with_whom,
                apply_by=step.start, start=step.start, finish=step.finish, notes=step.notes,
                follow_up=(step.start + timedelta(weeks=FOLLOW_UP_WEEKS),))
            continue
        follow = () if step.start is None or step.finish is None or step.kind == RECOGNITION \
            else _follow_ups(step.start, step.finish, step.kind)
        if step.kind == RECOGNITION:
            follow = (step.start + timedelta(weeks=FOLLOW_UP_WEEKS * 2),)
        add(kind=step.kind, key=step.key, label=step.label, with_whom=step.with_whom, apply_by=step.apply_by,
            start=step.start, finish=step.finish, follow_up=follow, weeks=step.weeks, pace=step.pace,
            education_id=step.education_id, weeks_assumed=step.weeks_assumed, notes=step.notes, money=money)
        # Later in the same step another scheme may pay (the etableringsprogram ends half-way):
        # the line between them is a step of its own, in time to apply for what comes next.
        previous = primary.key if primary is not None else None
        for period in periods_by_index[i][1:]:
            nxt = period.estimate.primary
            if nxt is None or not nxt.total_per_month or nxt.key == previous:
                continue
            apply_by = max(period.start - timedelta(weeks=FINANCING_LEAD_WEEKS), step.start or start_date)
            why = "financing_after_programme" if ETABLERING_ENDS in period.because else "financing_changes"
            monthly = nxt.decided_by == "forsakringskassan"
            add(kind=APPLY_FINANCING, key=nxt.key, label=nxt.key, with_whom=nxt.decided_by,
                apply_by=apply_by, start=apply_by, finish=apply_by, money=Money.of(nxt),
                notes=(why, "apply_each_month") if monthly else (why,), follow_up=(period.start,))
            previous = nxt.key
    return Plan(goal=goal, route_id=route.id, start=start_date, ready_date=ready, steps=tuple(steps))
