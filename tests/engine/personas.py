"""Realistic people for the route and financing engine (fixtures + a printable summary).

Run ``python -m tests.engine.personas`` to print every persona's routes and money.
"today" is fixed so the output is stable: 2026-11-23.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from app.engine.financing import EMPLOYED, ETABLERING, UNEMPLOYED, FinancingFacts, Person, household_view
from app.engine.plan import Goal, build_plan
from app.engine.routes import RouteInputs, build_routes, compare_routes, excluded_candidates

TODAY = date(2026, 11, 23)


@dataclass(frozen=True)
class Persona:
    key: str
    title: str
    person: Person
    target_ssyk: str
    income_now_per_month: int


PERSONAS = (
    Persona(
        "amina", "Newcomer, sfi C, worked in elderly care abroad, registered job seeker (38)",
        Person(birth_year=1988, situation=UNEMPLOYED, swedish_level="sfi_c", years_of_schooling=9,
               has_grundskola=True, has_gymnasieexamen=False, experience_ssyk=("5321",)),
        "5321", 0),
    Persona(
        "lars", "Warehouse worker (45) without upper secondary school, wants to drive trucks",
        # A Swedish speaker with grundskola: grundskola's Swedish grade sits at SAS grund's rank.
        Person(birth_year=1981, situation=EMPLOYED, swedish_level="sas_grund", has_grundskola=True,
               has_gymnasieexamen=False, children_ages=(10, 14), licences=("b-licence",),
               prior_year_income=348_000, work_months_last_24=24, work_months_last_14_years=168,
               experience_ssyk=("4322",)),
        "8332", 29_000),
    Persona(
        "sara", "Young person (21) without completed compulsory school, registered job seeker",
        Person(birth_year=2005, situation=UNEMPLOYED, swedish_level="cefr_c1", has_grundskola=False,
               has_gymnasieexamen=False, years_of_schooling=8),
        "5311", 0),
    Persona(
        "reza", "Civil engineer (41) with a foreign degree, no Swedish yet, registered job seeker",
        Person(birth_year=1985, situation=UNEMPLOYED, swedish_level="none", has_grundskola=True,
               has_gymnasieexamen=True, hogskolepoang=300, years_of_schooling=17,
               foreign_degree_ssyk=("2142",), experience_ssyk=("2142",)),
        "2142", 0),
    Persona(
        "hodan", "Parent of three (34) on the etableringsprogram, sfi B, six years of school",
        Person(birth_year=1992, situation=ETABLERING, swedish_level="sfi_b", years_of_schooling=6,
               has_grundskola=False, has_gymnasieexamen=False, children_ages=(3, 8, 12),
               etablering_until=date(2027, 12, 31)),
        "9412", 9_773),
    # People the rules over time decide (issue: money and time that hold over the whole route)
    Persona(
        "fatima", "In the programme since March 2026 (36), sfi C, children born 2016 and 2019: it ends half-way",
        Person(birth_year=1990, situation=ETABLERING, swedish_level="sfi_c", years_of_schooling=9,
               has_grundskola=True, has_gymnasieexamen=False, children_born=(date(2016, 7, 1), date(2019, 7, 1)),
               permit="refugee", etablering_until=date(2028, 2, 29)),
        "5321", 8_273),
    Persona(
        "goran", "Warehouse worker (51), 20 years of work, unemployed since spring (wage before 28 000 kr)",
        Person(birth_year=1975, situation=UNEMPLOYED, swedish_level="svenska_3", has_grundskola=True,
               has_gymnasieexamen=False, licences=("b-licence",), work_months_last_24=16,
               work_months_last_14_years=168, income_before=28_000, has_akassa=True, experience_ssyk=("4321",)),
        "8332", 0),
    Persona(
        "olena", "Temporary protection since October 2026 (33), university degree, sfi B",
        Person(birth_year=1993, situation="other", swedish_level="sfi_b", has_grundskola=True,
               has_gymnasieexamen=True, hogskolepoang=180, years_of_schooling=16,
               permit="temporary_protection", permit_from=date(2026, 10, 1)),
        "5321", 0),
    Persona(
        "ali", "Young person (19) without upper secondary school, Swedish his first language, job seeker",
        Person(birth_year=2007, situation=UNEMPLOYED, swedish_level="svenska_3", has_grundskola=True,
               has_gymnasieexamen=False, years_of_schooling=9),
        "5311", 0),
)


def persona(key: str) -> Persona:
    return next(p for p in PERSONAS if p.key == key)


@lru_cache(maxsize=1)
def engine_inputs() -> tuple[RouteInputs, FinancingFacts]:
    from app.content.facts import financing_facts, route_inputs
    from app.content.loaders import load_content

    content = load_content()
    return route_inputs(content), financing_facts(content)


def routes_for(p: Persona):
    inputs, facts = engine_inputs()
    return build_routes(inputs, p.person, p.target_ssyk, start=TODAY, facts=facts)


def _money(step) -> str:
    if step.financing is None:
        return ""
    primary = step.financing.primary
    if primary is None:
        why = ", ".join(r.key for r in step.financing.not_eligible if r.scheme == "csn-studiemedel") or "none"
        return f"no money from the studies ({why})"
    text = f"{primary.key}: {primary.grant_per_month} grant/benefit"
    if primary.loan_per_month:
        text += f" + {primary.loan_per_month} loan"
    text += " kr/month"
    others = [o.key for o in step.financing.options[1:]]
    if others:
        text += f" (or {', '.join(others)})"
    if primary.check_with:
        text += f" [check with {', '.join(primary.check_with)}]"
    return text


def summary(p: Persona) -> str:
    inputs, _ = engine_inputs()
    occ = inputs.occupations[p.target_ssyk]
    routes = routes_for(p)
    lines = [f"== {p.key}: {p.title}", f"   goal: {occ.ssyk} {occ.label}"]
    for r, cmp in zip(routes, compare_routes(routes)):
        flags = []
        if r.swedish_integrated:
            flags.append("Swedish integrated")
        if r.weeks_assumed:
            flags.append("some weeks assumed")
        lines.append(f"-- route {r.id}: ready for work {r.ready_date} ({r.weeks_to_ready} weeks), "
                     f"{cmp.language_steps} language steps" + (f"; {'; '.join(flags)}" if flags else ""))
        if cmp.grant_total is not None:
            lines.append(f"   money over the route: {cmp.grant_total} kr grants/benefits + {cmp.loan_total} kr loans; "
                         f"tightest month {cmp.lowest_per_month} kr (estimates, week × 52/12)")
        for s in r.steps:
            when = f"{s.start}..{s.finish}" if s.start != s.finish else f"{s.start}"
            weeks = f"{s.weeks} wk{'*' if s.weeks_assumed else ''}" + (f" @{s.pace}%" if s.pace != 100 else "")
            money = _money(s)
            lines.append(f"   {s.kind:<11} {s.key:<34} {weeks:<10} {when:<23} with {s.with_whom}"
                         + (f"\n               {money}" if money else ""))
        for sk in r.skipped:
            lines.append(f"   skipped    {sk.kind} {sk.key}: {sk.reason}")
    excluded = excluded_candidates(inputs, p.person, p.target_ssyk)
    if excluded:
        lines.append("   not offered: " + "; ".join(f"{e} ({why})" for e, why in excluded))
    first = next((s for s in routes[0].steps if s.financing is not None and s.financing.primary), None)
    if first is not None:
        view = household_view(p.income_now_per_month, first.financing)
        lines.append(f"   household: now {view.now_per_month} kr/month; while studying ({first.key}) "
                     f"{view.studying_total_per_month} kr ({view.studying_grant_per_month} without loan); "
                     f"difference {view.difference_per_month:+d} kr")
    plan = build_plan(routes[0], Goal(occ.ssyk, occ.label), TODAY)
    lines.append(f"   plan for the first route: {len(plan.steps)} steps, first follow-up {plan.next_follow_up(TODAY)}")
    return "\n".join(lines)


def main() -> None:
    print("Vägval personas – routes and financing (today = %s; * = weeks assumed)\n" % TODAY)
    for p in PERSONAS:
        print(summary(p))
        print()


if __name__ == "__main__":
    main()
