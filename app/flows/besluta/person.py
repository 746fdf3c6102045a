"""From saved answers to the engine's plain inputs: the ``Person`` (Besluta's situation question
plus Inventera's education, Swedish, jobs and competences) and the targets. Reads only.

Assumptions where the questions do not ask (docs/ARCHITECTURE.md, "Besluta"):
- children's ages are unknown: counted as under 11 (the lower etableringstillägg band);
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
from app.engine.financing import EMPLOYED
from app.plans.answers import Besluta, Inventera

ASSUMED_CHILD_AGE = 5
YEARS_OF_SCHOOLING = {"none": 6, "compulsory": 9, "upper_secondary": 12, "post_secondary": 15}
DEGREE_HP = 180


def engine_inputs():
    """(RouteInputs, FinancingFacts) from the catalogue's read model (one per catalogue version)."""
    view = catalogue.current()
    return view.route_inputs, view.financing


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
    return Person(
        birth_year=int(situation["birth_year"]),
        situation=situation.get("situation") or "other",
        children_ages=(ASSUMED_CHILD_AGE,) * int(situation.get("children") or 0),
        has_grundskola=level not in ("none",),
        has_gymnasieexamen=bool(gymnasium),
        hogskolepoang=DEGREE_HP if level == "post_secondary" else 0,
        years_of_schooling=YEARS_OF_SCHOOLING.get(level or ""),
        foreign_degree_ssyk=tuple(sorted({j["ssyk"] for j in jobs if abroad_degree and j.get("where") == "abroad"
                                          and str(j.get("ssyk") or "").startswith("2")})),
        experience_ssyk=tuple(sorted({j["ssyk"] for j in jobs if j.get("ssyk")})),
        swedish_level=inventera.swedish_level,
        licences=licences_held(inventera.skills),
        prior_year_income=int(income) * 12 if income else None,
        work_months_last_24=24 if employed else 0,
        work_months_last_14_years=min(months_sweden, 168),
    )


def income_now(answers: dict) -> int:
    return Besluta.of(answers).income


def targets(answers: dict) -> list[dict]:
    """The person's chosen occupations (1–3): {"ssyk", "label", "group_id"}."""
    return list(Inventera.of(answers).targets)


def today() -> date:
    return clock.today()
