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

import functools
from datetime import date

from app import clock
from app.engine import Person
from app.engine.financing import EMPLOYED

SITUATION_STEP, PRIORITIES_STEP = "besluta.situation", "besluta.priorities"
TARGETS_STEP, PLAN_STEP = "inventera.targets", "besluta.plan"
ASSUMED_CHILD_AGE = 5
YEARS_OF_SCHOOLING = {"none": 6, "compulsory": 9, "upper_secondary": 12, "post_secondary": 15}
DEGREE_HP = 180


@functools.lru_cache(maxsize=1)
def engine_inputs():
    """(RouteInputs, FinancingFacts) from the content files: built once per process."""
    from app.content.facts import financing_facts, route_inputs
    from app.content.loaders import load_content

    content = load_content()
    return route_inputs(content), financing_facts(content)


def upper_secondary_known(answers: dict) -> bool | None:
    """Whether Inventera's education answer already says if there is a 3-year upper secondary
    education: yes after post-secondary studies, no without upper secondary; else None (ask)."""
    level = answers.get("inventera.education", {}).get("level")
    if level == "post_secondary":
        return True
    if level in ("none", "compulsory"):
        return False
    return None


def swedish_level(answers: dict) -> str | None:
    level = answers.get("inventera.swedish", {}).get("level")
    if level == "unknown":
        level = answers.get("inventera.swedish_can_do", {}).get("level")
    return level if level and level != "unknown" else None


def licences_held(skill_ids: list[str]) -> tuple[str, ...]:
    """Competence keys of the licences among the ticked competences (curated rows only)."""
    if not skill_ids:
        return ()
    from sqlalchemy import select

    from app.content.models import Competence
    from app.db import get_session

    rows = get_session().execute(select(Competence.key).where(
        Competence.kind == "licence", Competence.skill_id.in_(list(skill_ids)))).scalars()
    return tuple(sorted(set(rows)))


def person_from(answers: dict) -> Person | None:
    """The engine's ``Person``; None until the situation question is answered."""
    situation = answers.get(SITUATION_STEP)
    if not situation or not situation.get("birth_year"):
        return None
    education = answers.get("inventera.education", {})
    level = education.get("level")
    gymnasium = upper_secondary_known(answers)
    if gymnasium is None:
        gymnasium = situation.get("upper_secondary") == "yes"
    jobs = answers.get("inventera.occupations", {}).get("occupations") or []
    abroad_degree = level == "post_secondary" and education.get("country") in ("abroad", "both")
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
        swedish_level=swedish_level(answers),
        licences=licences_held(answers.get("inventera.competences", {}).get("skills") or []),
        prior_year_income=int(income) * 12 if income else None,
        work_months_last_24=24 if employed else 0,
        work_months_last_14_years=min(months_sweden, 168),
    )


def income_now(answers: dict) -> int:
    return int(answers.get(SITUATION_STEP, {}).get("income") or 0)


def targets(answers: dict) -> list[dict]:
    """The person's chosen occupations (1–3): {"ssyk", "label", "group_id"}."""
    saved = answers.get(TARGETS_STEP) or {}
    return [d for d in saved.get("details") or [] if d.get("ssyk")]


def today() -> date:
    return clock.today()
