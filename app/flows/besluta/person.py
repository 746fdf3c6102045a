"""From saved answers to the engine's plain inputs: the ``Person`` (Besluta's situation question
plus Inventera's education, Swedish, jobs and competences) and the targets. Reads only.

Assumptions where the questions do not ask, or the person leaves a question empty
(docs/ARCHITECTURE.md, "Besluta"):
- a child's year of birth is taken as born on 1 July; a child without a year is counted as 5 now;
- an introduction programme whose start is not given is assumed to go on (the result says so);
- a completed post-secondary education counts as 180 hp; one taken abroad is a "foreign degree in
  the field" of the jobs the person had abroad in SSYK major group 2 (jobs that need a degree);
- work months come from the years worked in Sweden (Inventera's jobs), the last 24 months from
  being employed now.
"""
from __future__ import annotations

from datetime import date

from app import clock
from app.content import catalogue
from app.engine import Person
from app.engine.financing import (
    EMPLOYED,
    ETABLERING,
    OTHER_PERMIT,
    PERMITS,
    UNEMPLOYED,
    add_months,
    etablering_end,
)
from app.flows.besluta.forms import year_parts
from app.plans.answers import Besluta, Inventera

# The situation question's driving licences, as the catalogue's licence competence keys
DRIVING_LICENCES = {"B": ("b-licence",), "C": ("c-ce-licence",), "D": ("d-licence",), "YKB": ("ykb",)}
ASSUMED_CHILD_AGE = 5
YEARS_OF_SCHOOLING = {"none": 6, "compulsory": 9, "upper_secondary": 12, "post_secondary": 15}
DEGREE_HP = 180


def engine_inputs():
    """(RouteInputs, FinancingFacts) from the catalogue's read model (one per catalogue version)."""
    view = catalogue.current()
    return view.route_inputs, view.financing


def money_over_time_groups(answers: dict) -> tuple[str, ...]:
    """Which of the money-over-time questions matter for this person (none: the step is skipped).
    Before the situation is answered (someone who came straight here) every one may matter."""
    situation = Besluta.of(answers).situation or {}
    if not situation.get("situation"):
        return ("programme", "children", "permit", "work", "income_before")
    kind = situation.get("situation")
    groups = []
    if kind == ETABLERING:
        groups.append("programme")
    if int(situation.get("children") or 0) > 0:
        groups.append("children")
    abroad = Inventera.of(answers).education_country in ("abroad", "both")
    if kind == ETABLERING or abroad:
        groups.append("permit")
    if kind in (UNEMPLOYED, EMPLOYED):
        groups.append("work")
    if kind == UNEMPLOYED:
        groups.append("income_before")
    return tuple(groups)


def licences_held(skill_ids) -> tuple[str, ...]:
    """Competence keys of the licences among the ticked competences (curated rows only)."""
    if not skill_ids:
        return ()
    return catalogue.licences_held(catalogue.current(), list(skill_ids))


def person_from(answers: dict) -> Person | None:
    """The engine's ``Person``; None until the situation question is answered."""
    besluta, inventera = Besluta.of(answers), Inventera.of(answers)
    if not besluta.situation_done:
        return None
    situation = besluta.situation
    level = inventera.education_level
    gymnasium = inventera.upper_secondary
    if gymnasium is None:
        gymnasium = situation.get("upper_secondary") == "yes"
    jobs = inventera.jobs
    abroad_degree = level == "post_secondary" and inventera.education_country in ("abroad", "both")
    months_sweden = sum(int(j.get("years") or 0) * 12 for j in jobs if j.get("where") == "sweden")
    employed = situation.get("situation") == EMPLOYED
    income = situation.get("income")
    more = besluta.money or {}
    years_worked, recent = more.get("work_years"), more.get("work_months_recent")
    return Person(
        birth_year=int(situation["birth_year"]),
        situation=situation.get("situation") or "other",
        children_ages=(ASSUMED_CHILD_AGE,) * int(situation.get("children") or 0),
        children_born=_children_born(situation, more),
        has_grundskola=level not in ("none",),
        has_gymnasieexamen=bool(gymnasium),
        hogskolepoang=DEGREE_HP if level == "post_secondary" else 0,
        years_of_schooling=YEARS_OF_SCHOOLING.get(level or ""),
        foreign_degree_ssyk=tuple(sorted({j["ssyk"] for j in jobs if abroad_degree and j.get("where") == "abroad"
                                          and str(j.get("ssyk") or "").startswith("2")})),
        experience_ssyk=tuple(sorted({j["ssyk"] for j in jobs if j.get("ssyk")})),
        swedish_level=inventera.swedish_level,
        licences=tuple(sorted(set(licences_held(inventera.skills))
                              | {k for letter in situation.get("driving_licences") or ()
                                 for k in DRIVING_LICENCES.get(letter, ())})),
        prior_year_income=int(income) * 12 if income else None,
        work_months_last_24=int(recent) if recent is not None else (24 if employed else 0),
        work_months_last_14_years=int(years_worked) * 12 if years_worked is not None else min(months_sweden, 168),
        etablering_until=_programme_end(more),
        permit=more.get("permit") if more.get("permit") in PERMITS else None,
        permit_from=_month(more, "permit"),
        residence_ok=more.get("permit") != OTHER_PERMIT,
        has_akassa=more.get("akassa") == "yes",
        income_before=int(more["income_before"]) if more.get("income_before") is not None
        else (int(income) if employed and income else None),
    )


def _month(more: dict, prefix: str) -> date | None:
    month, year = more.get(f"{prefix}_month"), more.get(f"{prefix}_year")
    return date(int(year), int(month), 1) if month and year else None


def _programme_end(more: dict) -> date | None:
    start = _month(more, "programme")
    return etablering_end(start, engine_inputs()[1]) if start else None


def _children_born(situation: dict, more: dict) -> tuple[date, ...]:
    """Birth dates from the years given (1 July of each); children without a year: 5 years old now."""
    count = int(situation.get("children") or 0)
    years = [int(y) for y in year_parts(str(more.get("children_born") or "")) if y.isdigit()][:count]
    if not years:
        return ()
    assumed = add_months(date(today().year, 7, 1), -12 * ASSUMED_CHILD_AGE)
    return tuple(date(y, 7, 1) for y in years) + (assumed,) * (count - len(years))


def income_now(answers: dict) -> int | None:
    """The income now per month, or None when not given: the pages then compare nothing with it."""
    return Besluta.of(answers).income_known


def targets(answers: dict) -> list[dict]:
    """The person's chosen occupations (1–3): {"ssyk", "label", "group_id"}."""
    return list(Inventera.of(answers).targets)


def today() -> date:
    return clock.today()
