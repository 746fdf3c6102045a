"""What a person can live on during one study step: schemes, amounts per month, and why not.

Pure: rules and amounts arrive as ``FinancingFacts`` (built from the catalogue tables by
``app.content.catalogue``; from ``financing.yaml`` by ``app.content.facts`` in the engine tests); nothing here knows a figure by heart. Every line of
money carries its source, validity and status. Rules and conventions: docs/DECISION.md.

Month convention (an estimate, always marked as such): weekly amounts × 52/12, daily amounts
× 5 days × 52/12, monthly amounts as they are; rounded to whole kronor (half up).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Mapping

WEEKS_PER_MONTH = 52 / 12
DAYS_PER_WEEK = 5
MONTH_CONVENTION = "week_x_52_div_12"

# Situations
UNEMPLOYED = "unemployed_registered"     # registered as job seeker at Arbetsförmedlingen
ETABLERING = "etableringsprogram"
EMPLOYED = "employed"
OTHER = "other"
SITUATIONS = (UNEMPLOYED, ETABLERING, EMPLOYED, OTHER)

# Scheme / option keys (ids as in financing.yaml)
STUDIEMEDEL = "csn-studiemedel"
OMSTALLNING = "omstallningsstudiestod"
AKTIVITETSSTOD = "aktivitetsstod"
UTVECKLING = "utvecklingsersattning"
ETABLERINGSERSATTNING = "etableringsersattning"
STUDIESTARTSSTOD = "studiestartsstod"

# Who to check with
CSN = "csn"
AF = "arbetsformedlingen"
FK = "forsakringskassan"
MUNICIPALITY = "municipality"

# Residence permits, where the rules depend on them (studiemedel 3 kap. 4, 4 b §; etableringsprogrammet)
REFUGEE, FAMILY, TEMPORARY_PROTECTION, OTHER_PERMIT = "refugee", "family", "temporary_protection", "other"
PERMITS = (REFUGEE, FAMILY, TEMPORARY_PROTECTION, OTHER_PERMIT)

LEVELS = ("none", "grundlaggande", "gymnasial", "eftergymnasial")
AF_FORMS = ("arbetsmarknadsutbildning",)


def half_up(value: float) -> int:
    return int(value + 0.5) if value >= 0 else -int(-value + 0.5)


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later (the month's last day where it has fewer days)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(d)


def age_on(born: date, on: date) -> int:
    """Whole years from ``born`` to ``on`` (a birthday counts on the day)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def half_year_end(d: date) -> date:
    return date(d.year, 6, 30) if d.month <= 6 else date(d.year, 12, 31)


# ---------------------------------------------------------------------------------------------
# Facts (plain data in)


@dataclass(frozen=True)
class AmountFact:
    scheme: str
    key: str
    pace: int | None
    value: float | None
    unit: str | None            # "SEK/week", "SEK/day", "SEK/month", ...
    kind: str | None            # grant | loan | benefit
    year: int | None
    source_url: str | None
    valid_from: date | None
    valid_to: date | None
    status: str | None          # verified | computed | secondary | unverified
    qualifiers: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class RuleFact:
    scheme: str
    key: str
    value: Any
    source_url: str | None
    status: str | None


_AMOUNTS = "amounts"    # FinancingFacts._index: the amounts by (scheme, key, pace) (never a rule's 2-tuple key)


@dataclass(frozen=True)
class FinancingFacts:
    amounts: tuple[AmountFact, ...]
    rules: tuple[RuleFact, ...]
    prisbasbelopp: tuple[tuple[int, int], ...] = ()     # (year, value)
    repealed_from: tuple[tuple[str, date], ...] = ()    # (scheme id, date)
    apply_urls: tuple[tuple[str, str], ...] = ()        # (scheme id, url)
    # Private lookup tables, built on first use (not part of the value): rule by (scheme, key),
    # and under the key ``_AMOUNTS`` the amounts by (scheme, key, pace) in content order, so that
    # ``amount`` looks at a handful of candidates instead of scanning every amount (it is
    # called for each line of each option of each period of each step of each route).
    _index: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def _build_index(self) -> None:
        index = self._index
        for r in self.rules:
            index[(r.scheme, r.key)] = r
        amounts: dict[tuple, list[AmountFact]] = {}
        for a in self.amounts:
            amounts.setdefault((a.scheme, a.key, a.pace), []).append(a)
        index[_AMOUNTS] = amounts

    def rule_fact(self, scheme: str, key: str) -> RuleFact:
        if not self._index:
            self._build_index()
        try:
            return self._index[(scheme, key)]
        except KeyError:
            raise KeyError(f"financing rule {scheme}:{key} missing from the content") from None

    def rule(self, scheme: str, key: str) -> Any:
        return self.rule_fact(scheme, key).value

    def pbb(self, year: int) -> int | None:
        return dict(self.prisbasbelopp).get(year)

    def pbb_or_latest(self, year: int) -> tuple[int | None, bool]:
        """The prisbasbelopp of ``year``, else the latest earlier one (stale=True)."""
        if self.pbb(year) is not None:
            return self.pbb(year), False
        earlier = [(y, v) for y, v in self.prisbasbelopp if y < year]
        return (max(earlier)[1], True) if earlier else (None, False)

    def repealed(self, scheme: str) -> date | None:
        return dict(self.repealed_from).get(scheme)

    def amount(self, scheme: str, key: str, pace: int | None, on: date,
               **qualifiers: Any) -> tuple[AmountFact | None, bool]:
        """The amount valid on ``on`` (and stale=False); else the latest earlier one (stale=True)."""
        wanted = tuple(sorted(qualifiers.items()))
        if not self._index:
            self._build_index()
        found = [a for a in self._index[_AMOUNTS].get((scheme, key, pace), ()) if a.qualifiers == wanted]
        for a in found:
            if (a.valid_from is None or a.valid_from <= on) and (a.valid_to is None or on <= a.valid_to):
                return a, False
        earlier = [a for a in found if a.valid_to is not None and a.valid_to < on]
        if earlier:
            return max(earlier, key=lambda a: a.valid_to), True
        return None, False


# ---------------------------------------------------------------------------------------------
# Person and step (plain data in)


@dataclass(frozen=True)
class Person:
    birth_year: int
    situation: str = OTHER                     # one of SITUATIONS
    children_ages: tuple[int, ...] = ()        # ages now of children in the person's custody
    has_grundskola: bool = True                # Swedish or foreign compulsory school
    has_gymnasieexamen: bool = False           # 3-year upper secondary (Swedish or foreign)
    hogskolepoang: int = 0                     # completed university credits (or foreign equivalent)
    years_of_schooling: int | None = None
    foreign_degree_ssyk: tuple[str, ...] = ()  # SSYK codes a completed foreign post-secondary degree is in
    experience_ssyk: tuple[str, ...] = ()      # SSYK codes the person has worked in (anywhere)
    swedish_level: str | None = None           # a level id on the scale; None = unknown
    licences: tuple[str, ...] = ()             # competence keys of licences held (e.g. "b-licence")
    prior_year_income: int | None = None       # income from work last calendar year (SEK)
    work_months_last_24: int = 0               # months with work in the last 24 (aktualitetsvillkor)
    work_months_last_14_years: int = 0         # months with work income (etableringsvillkor)
    in_jobbgaranti: bool = False               # jobbgarantin för ungdomar / jobb- och utvecklingsgarantin
    etablering_until: date | None = None       # last day of the etableringsprogram (None = not known)
    residence_ok: bool = True                  # permit that qualifies for studiemedel (3 kap. 4 §)
    has_akassa: bool = False
    preferred_pace: int = 100
    # The person over time: what changes along a route of several years.
    children_born: tuple[date, ...] = ()       # birth dates (a birth year is taken as 1 July); wins over ages
    permit: str | None = None                  # one of PERMITS; None = not asked / not known
    permit_from: date | None = None            # when the permit (the first, for temporary protection) began
    income_before: int | None = None           # monthly income from work before the studies (SEK)

    def age_in_year(self, year: int) -> int:
        """The age the person turns during ``year`` (the law's "the year you turn X")."""
        return year - self.birth_year

    @property
    def children(self) -> int:
        return len(self.children_born) or len(self.children_ages)

    def child_ages_on(self, on: date) -> tuple[int, ...]:
        """The children's ages on ``on``: from their birth dates, else the ages given (as now)."""
        if self.children_born:
            return tuple(age_on(b, on) for b in self.children_born)
        return self.children_ages

    def in_programme(self, on: date) -> bool:
        """In the etableringsprogram on ``on`` (its end unknown: assumed to go on, and said so)."""
        return self.situation == ETABLERING and (self.etablering_until is None or on <= self.etablering_until)

    @property
    def yearly_income_before(self) -> int | None:
        """Income from work in the year before the studies: the monthly income before × 12, else
        last year's income."""
        return self.income_before * 12 if self.income_before is not None else self.prior_year_income


def etablering_end(start: date, facts: "FinancingFacts") -> date:
    """The last day of the etableringsprogram begun on ``start``: insatser for at most
    ``max_months_insatser`` months (SFS 2017:820 15 §). The 36-month frame from the first
    folkbokföring can end it earlier; the route says to check that with Arbetsförmedlingen."""
    return add_months(start, int(facts.rule(ETABLERINGSERSATTNING, "max_months_insatser"))) - timedelta(days=1)


@dataclass(frozen=True)
class StudyStep:
    form: str                      # education form (sfi, sas, komvux_grundlaggande, yrkesvux, ...)
    level: str                     # none | grundlaggande | gymnasial | eftergymnasial
    start: date
    weeks: int                     # at full pace
    pace: int = 100
    education_id: str = ""
    via_af: bool = False           # bought/decided by Arbetsförmedlingen (AMU, etableringsprogram insats)
    financing: tuple[str, ...] = ()   # scheme ids the content lists for the education (empty = any)

    @property
    def calendar_weeks(self) -> int:
        return -(-self.weeks * 100 // max(self.pace, 1))


# ---------------------------------------------------------------------------------------------
# Results (plain data out)


@dataclass(frozen=True)
class Reason:
    key: str
    scheme: str
    source_url: str | None = None
    status: str | None = None
    check_with: str | None = None
    detail: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Line:
    scheme: str
    part: str                      # generellt_bidrag, hogre_bidrag, lan, tillaggsbidrag, ...
    kind: str                      # grant | loan | benefit
    amount: float | None           # in ``unit``; None = not stated (check_with says whom to ask)
    unit: str | None
    per_month: int | None          # estimate, see MONTH_CONVENTION
    source_url: str | None
    valid_from: date | None
    valid_to: date | None
    status: str | None
    check_with: str | None = None
    stale: bool = False            # the figure is from an earlier year than the study date
    year: int | None = None


@dataclass(frozen=True)
class FinancingOption:
    key: str                       # the main scheme id
    decided_by: str                # csn | arbetsformedlingen | forsakringskassan | municipality
    lines: tuple[Line, ...]
    notes: tuple[Reason, ...] = ()
    paid_by: str = ""              # who pays (and where one applies for the money); default: who decides

    @property
    def payer(self) -> str:
        return self.paid_by or self.decided_by

    def _sum(self, kinds: tuple[str, ...]) -> int:
        return sum(line.per_month or 0 for line in self.lines if line.kind in kinds)

    @property
    def grant_per_month(self) -> int:
        return self._sum(("grant", "benefit"))

    @property
    def loan_per_month(self) -> int:
        return self._sum(("loan",))

    @property
    def total_per_month(self) -> int:
        return self._sum(("grant", "benefit", "loan"))

    @property
    def check_with(self) -> tuple[str, ...]:
        found = [x.check_with for x in (*self.lines, *self.notes) if x.check_with]
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class FinancingEstimate:
    step: StudyStep
    on_date: date
    options: tuple[FinancingOption, ...]       # mutually exclusive for the same weeks; best first
    not_eligible: tuple[Reason, ...]
    convention: str = MONTH_CONVENTION
    estimate: bool = True

    @property
    def primary(self) -> FinancingOption | None:
        return self.options[0] if self.options else None

    def option(self, key: str) -> FinancingOption | None:
        return next((o for o in self.options if o.key == key), None)

    def reason(self, key: str) -> Reason | None:
        return next((r for r in self.not_eligible if r.key == key), None)


@dataclass(frozen=True)
class HouseholdView:
    now_per_month: int
    studying_grant_per_month: int
    studying_loan_per_month: int
    studying_total_per_month: int
    difference_per_month: int              # total while studying − now
    difference_without_loan: int           # grants/benefits only − now
    option: str | None
    estimate: bool = True


# ---------------------------------------------------------------------------------------------
# Helpers


def _per_month(amount: float, unit: str | None) -> int:
    if unit == "SEK/week":
        return half_up(amount * WEEKS_PER_MONTH)
    if unit == "SEK/day":
        return half_up(amount * DAYS_PER_WEEK * WEEKS_PER_MONTH)
    if unit == "SEK/month":
        return half_up(amount)
    if unit == "SEK/4 weeks":
        return half_up(amount / 4 * WEEKS_PER_MONTH)
    raise ValueError(f"no month conversion for unit {unit!r}")


def _line(facts: FinancingFacts, scheme: str, key: str, part: str, pace: int | None, on: date,
          *, scale: float = 1.0, check_with: str = CSN, q: Mapping[str, Any] | None = None) -> Line | None:
    fact, stale = facts.amount(scheme, key, pace, on, **(q or {}))
    if fact is None:
        return None
    hidden = fact.status == "unverified" or fact.value is None
    value = None if hidden else fact.value * scale
    return Line(scheme=scheme, part=part, kind=fact.kind or "benefit", amount=value, unit=fact.unit,
                per_month=None if value is None else _per_month(value, fact.unit),
                source_url=fact.source_url, valid_from=fact.valid_from, valid_to=fact.valid_to,
                status=fact.status, check_with=check_with if (hidden or stale) else None,
                stale=stale, year=fact.year)


def _reason(facts: FinancingFacts, key: str, scheme: str, rule_key: str | None = None,
            check_with: str | None = None, **detail: Any) -> Reason:
    url = status = None
    if rule_key:
        rf = facts.rule_fact(scheme, rule_key)
        url, status = rf.source_url, rf.status
    return Reason(key, scheme, url, status, check_with, tuple(sorted(detail.items())))


def _form_level(step: StudyStep) -> str:
    return step.level if step.level in LEVELS else "none"


def _listed(step: StudyStep, scheme: str) -> bool:
    return not step.financing or scheme in step.financing


def _situation(person: Person, on: date) -> str:
    """After the etableringsprogram ends, a participant is assumed to stay a registered job seeker."""
    if person.situation == ETABLERING and not person.in_programme(on):
        return UNEMPLOYED
    return person.situation


def _studying_under_af(person: Person, step: StudyStep, on: date | None = None) -> str | None:
    """Which AF benefit pays for this step on ``on`` (default its start) instead of CSN, if any."""
    if person.in_programme(on or step.start):
        return ETABLERINGSERSATTNING
    if step.via_af or step.form in AF_FORMS:
        return AF
    return None


# ---------------------------------------------------------------------------------------------
# Schemes


def _studiemedel(person: Person, step: StudyStep, facts: FinancingFacts, on: date,
                 out: list[Reason]) -> FinancingOption | None:
    s = STUDIEMEDEL
    age = person.age_in_year(on.year)
    level = _form_level(step)
    pace = step.pace
    af = _studying_under_af(person, step, on)
    if step.form in facts.rule(s, "not_for_forms"):
        out.append(_reason(facts, "sfi_no_studiemedel", s, "not_for_forms"))
        return None
    if af == ETABLERINGSERSATTNING:
        out.append(_reason(facts, "etableringsprogram_pays_instead", s, "not_combinable_with"))
        return None
    if af == AF:
        out.append(_reason(facts, "af_programme_pays_instead", s, "not_combinable_with"))
        return None
    if not _listed(step, s):
        out.append(Reason("not_offered_for_education", s))
        return None
    if pace not in facts.rule(s, "allowed_paces"):
        out.append(_reason(facts, "pace_not_allowed", s, "allowed_paces", pace=pace,
                           allowed=tuple(facts.rule(s, "allowed_paces"))))
        return None
    if step.weeks < facts.rule(s, "min_weeks"):
        out.append(_reason(facts, "too_short", s, "min_weeks", min_weeks=facts.rule(s, "min_weeks")))
        return None
    turns = facts.rule(s, "min_age_grund_gymnasial_half_year_turns")
    if level in ("grundlaggande", "gymnasial") and on < date(person.birth_year + turns, 7, 1):
        out.append(_reason(facts, "too_young_grund_gymnasial", s, "min_age_grund_gymnasial_half_year_turns",
                           from_date=date(person.birth_year + turns, 7, 1).isoformat()))
        return None
    if age > facts.rule(s, "max_age_year_turns"):
        out.append(_reason(facts, "too_old", s, "max_age_year_turns", max_age=facts.rule(s, "max_age_year_turns")))
        return None
    if not person.residence_ok:
        out.append(_reason(facts, "residence_permit", s, "residence_permit_ok", check_with=CSN))
        return None
    notes: list[Reason] = []
    if person.permit == TEMPORARY_PROTECTION:       # 3 kap. 4 b § (from 2026): not in the first 12 months
        wait = int(facts.rule(s, "temporary_protection_wait_months"))
        if person.permit_from is None:
            notes.append(_reason(facts, "temporary_protection_check_months", s, "temporary_protection_wait_months",
                                 check_with=CSN, months=wait))
        elif on < add_months(person.permit_from, wait):
            out.append(_reason(facts, "temporary_protection_first_months", s, "temporary_protection_wait_months",
                               months=wait, from_date=add_months(person.permit_from, wait).isoformat()))
            return None

    hogre = _hogre_bidrag(person, step, facts, on, notes)
    lines: list[Line | None] = []
    if hogre:
        lines.append(_line(facts, s, "hogre_bidrag_per_week", "hogre_bidrag", pace, on))
        lines.append(_line(facts, s, "lan_with_hogre_bidrag_per_week", "lan", pace, on))
        if facts.rule(s, "hogre_bidrag_budget_limited"):
            notes.append(_reason(facts, "hogre_bidrag_budget_limited", s, "hogre_bidrag_budget_limited", check_with=CSN))
    else:
        lines.append(_line(facts, s, "generellt_bidrag_per_week", "generellt_bidrag", pace, on))
        lines.append(_line(facts, s, "lan_per_week", "lan", pace, on))
    loan_limits = facts.rule(s, "loan_max_weeks_by_age_year_turns")
    if age in loan_limits:
        notes.append(_reason(facts, "loan_weeks_limited_by_age", s, "loan_max_weeks_by_age_year_turns",
                             max_loan_weeks=loan_limits[age]))
    kids = _tillaggsbidrag_children(person, facts, on)
    if kids:
        lines.append(_tillaggsbidrag(facts, pace, on, kids))
    lines.append(_tillaggslan(person, facts, pace, on, notes))
    return FinancingOption(s, CSN, tuple(x for x in lines if x is not None), tuple(notes))


def _hogre_bidrag(person: Person, step: StudyStep, facts: FinancingFacts, on: date, notes: list[Reason]) -> bool:
    s = STUDIEMEDEL
    level = _form_level(step)
    if level not in facts.rule(s, "hogre_bidrag_levels"):
        return False
    lacks = {"grundlaggande": not person.has_grundskola, "gymnasial": not person.has_gymnasieexamen}[level]
    if not lacks:
        notes.append(_reason(facts, "hogre_bidrag_not_lacking_education", s, "hogre_bidrag_education_condition"))
        return False
    if person.hogskolepoang >= facts.rule(s, "hogre_bidrag_excluded_if_hogskolepoang_at_least"):
        notes.append(_reason(facts, "hogre_bidrag_has_university_credits", s,
                             "hogre_bidrag_excluded_if_hogskolepoang_at_least"))
        return False
    age = person.age_in_year(on.year)
    if age >= facts.rule(s, "hogre_bidrag_min_age_year_turns"):
        return True
    exc = facts.rule(s, "hogre_bidrag_exception_age_20_24")
    if (exc["min_age"] <= age <= exc["max_age"] and _situation(person, on) == UNEMPLOYED and person.in_jobbgaranti
            and not person.has_gymnasieexamen):
        notes.append(_reason(facts, "hogre_bidrag_youth_exception", s, "hogre_bidrag_exception_age_20_24", check_with=CSN))
        return True
    notes.append(_reason(facts, "hogre_bidrag_from_year_turning_25", s, "hogre_bidrag_min_age_year_turns",
                         from_year=person.birth_year + facts.rule(s, "hogre_bidrag_min_age_year_turns")))
    return False


def _tillaggsbidrag_children(person: Person, facts: FinancingFacts, on: date) -> int:
    """Children who give tilläggsbidrag on ``on``: up to and including the half-year the child
    turns 18 (3 kap. 13 a §)."""
    limit = int(facts.rule(STUDIEMEDEL, "tillaggsbidrag_child_max_age_half_year_turns"))
    if person.children_born:
        return sum(1 for b in person.children_born
                   if b <= on <= half_year_end(add_months(b, 12 * limit)))
    return sum(1 for a in person.children_ages if a < limit)


def _tillaggsbidrag(facts: FinancingFacts, pace: int, on: date, kids: int) -> Line | None:
    s = STUDIEMEDEL
    base = _line(facts, s, "tillaggsbidrag_per_week", "tillaggsbidrag", pace, on, q={"children": min(kids, 4)})
    if base is None or kids <= 4 or base.amount is None:
        return base
    further = _line(facts, s, "tillaggsbidrag_per_week_each_further_child", "tillaggsbidrag", pace, on)
    if further is None or further.amount is None:
        return base
    amount = base.amount + further.amount * (kids - 4)
    return Line(**{**base.__dict__, "amount": amount, "per_month": _per_month(amount, base.unit)})


def _tillaggslan(person: Person, facts: FinancingFacts, pace: int, on: date, notes: list[Reason]) -> Line | None:
    s = STUDIEMEDEL
    if person.age_in_year(on.year) < facts.rule(s, "tillaggslan_min_age_year_turns"):
        return None
    pbb, stale = facts.pbb_or_latest(on.year)
    threshold = None if pbb is None else half_up(facts.rule(s, "tillaggslan_income_threshold_pct_pbb") * pbb / 100)
    if person.prior_year_income is None:
        return None
    if threshold is None:
        notes.append(_reason(facts, "tillaggslan_check", s, "tillaggslan_income_threshold_pct_pbb", check_with=CSN))
        return None
    if person.prior_year_income < threshold:
        return None
    notes.append(_reason(facts, "tillaggslan_income_over_threshold", s, "tillaggslan_income_threshold_pct_pbb",
                         check_with=CSN if stale else None, threshold=threshold))
    return _line(facts, s, "tillaggslan_per_week", "tillaggslan", pace, on)


def _omstallning(person: Person, step: StudyStep, facts: FinancingFacts, on: date,
                 out: list[Reason]) -> FinancingOption | None:
    s = OMSTALLNING
    etab = facts.rule(s, "etableringsvillkor")
    akt = facts.rule(s, "aktualitetsvillkor")
    if person.work_months_last_14_years < etab["months_with_work_income"] or person.work_months_last_24 < akt["months"]:
        out.append(_reason(facts, "omstallning_work_conditions_not_met", s, "etableringsvillkor",
                           months_needed=etab["months_with_work_income"], recent_months_needed=akt["months"]))
        return None
    if step.form in facts.rule(STUDIEMEDEL, "not_for_forms") or _studying_under_af(person, step, on) or not _listed(step, s):
        out.append(_reason(facts, "omstallning_not_for_this_education", s, "education_requirement"))
        return None
    if step.pace not in facts.rule(s, "allowed_paces"):
        out.append(_reason(facts, "pace_not_allowed", s, "allowed_paces", pace=step.pace))
        return None
    age = person.age_in_year(on.year)
    if age > facts.rule(s, "bidrag_max_age_year_turns"):
        out.append(_reason(facts, "too_old", s, "bidrag_max_age_year_turns"))
        return None
    income = person.yearly_income_before or 0       # 80 % of the income before the studies (24 §)
    cap = facts.rule(s, "income_cap_sek")
    bidrag_fact, _ = facts.amount(s, "bidrag_max_per_week", 100, on)
    lan_fact, _ = facts.amount(s, "lan_max_per_week", 100, on)
    notes = [_reason(facts, "budget_limited", s, "budget_limited", check_with=CSN)]
    lines: list[Line] = []
    if bidrag_fact is not None:
        full = min(int(min(income, cap) * facts.rule(s, "bidrag_pct_of_income") / 100 / 52), int(bidrag_fact.value))
        weekly = full * step.pace / 100
        lines.append(Line(s, "omstallningsstudiebidrag", "grant", weekly, "SEK/week", _per_month(weekly, "SEK/week"),
                          bidrag_fact.source_url, bidrag_fact.valid_from, bidrag_fact.valid_to, "computed",
                          check_with=CSN, year=bidrag_fact.year))
        if income > cap and lan_fact is not None and age <= facts.rule(s, "lan_max_age_year_turns"):
            lan = min(int(facts.rule(s, "lan_pct_of_excess") / 100 * (income / 52 - full)), int(lan_fact.value))
            weekly_lan = lan * step.pace / 100
            lines.append(Line(s, "omstallningsstudielan", "loan", weekly_lan, "SEK/week",
                              _per_month(weekly_lan, "SEK/week"), lan_fact.source_url, lan_fact.valid_from,
                              lan_fact.valid_to, "computed", check_with=CSN, year=lan_fact.year))
    if age >= 62:
        notes.append(_reason(facts, "omstallning_max_10_weeks_from_62", s, "bidrag_max_weeks_from_age_year_turns_62"))
    return FinancingOption(s, CSN, tuple(lines), tuple(notes))


def _af_benefit(person: Person, step: StudyStep, facts: FinancingFacts, on: date,
                out: list[Reason]) -> FinancingOption | None:
    """Aktivitetsstöd (25+) or utvecklingsersättning (18–24) for registered job seekers."""
    if _situation(person, on) != UNEMPLOYED:
        return None
    scale = step.pace / 100
    af = _studying_under_af(person, step, on) == AF
    age = person.age_in_year(on.year)
    notes: list[Reason] = []
    if age >= facts.rule(AKTIVITETSSTOD, "main_min_age"):
        s = AKTIVITETSSTOD
        if not af and (step.form not in facts.rule(s, "paid_for_forms") and _map_komvux(step) not in facts.rule(s, "paid_for_forms")):
            return None
        if not af and not _listed(step, s):
            return None
        if not af:
            notes.append(_reason(facts, "af_decides_forberedande_max_12_months", s, "forberedande_utbildning_max_months",
                                 check_with=AF, max_months=facts.rule(s, "forberedande_utbildning_max_months")))
        if person.has_akassa:
            notes.append(_reason(facts, "aktivitetsstod_income_based_may_be_higher", s, "inkomstbaserat", check_with=AF))
        line = _line(facts, s, "grundbelopp_per_day", "aktivitetsstod", 100, on, scale=scale, check_with=AF)
        return FinancingOption(s, AF, (line,) if line else (), tuple(notes), paid_by=FK)
    rng = facts.rule(UTVECKLING, "age_range")
    if rng["min"] <= age <= rng["max"]:
        s = UTVECKLING
        if not af and not _listed(step, s):
            return None
        if not af:
            notes.append(_reason(facts, "af_decides_forberedande_max_12_months", AKTIVITETSSTOD,
                                 "forberedande_utbildning_max_months", check_with=AF))
        higher = person.has_gymnasieexamen or (age >= 20 and "studiemotiverande" in step.education_id)
        key = "higher_per_day" if higher else "lower_per_day"
        line = _line(facts, s, key, "utvecklingsersattning", 100, on, scale=scale, check_with=AF)
        return FinancingOption(s, AF, (line,) if line else (), tuple(notes), paid_by=FK)
    return None


def _etablering(person: Person, step: StudyStep, facts: FinancingFacts, on: date) -> FinancingOption | None:
    if _studying_under_af(person, step, on) != ETABLERINGSERSATTNING:
        return None
    s = ETABLERINGSERSATTNING
    lines = [_line(facts, s, "etableringsersattning_per_day", "etableringsersattning", 100, on,
                   scale=step.pace / 100, check_with=FK)]
    # per child under 20 on this date, the oldest three (SFS 2017:819 3 kap. 12 §)
    ages = [a for a in person.child_ages_on(on) if 0 <= a <= 19]
    oldest = sorted(ages, reverse=True)[: facts.rule(s, "etableringstillagg_max_children")]
    for child_age in oldest:
        if child_age < 11:
            lines.append(_line(facts, s, "etableringstillagg_per_child_under_11_per_month", "etableringstillagg",
                               None, on, check_with=FK, q={"part": "etableringstillagg"}))
        elif child_age <= 19:
            lines.append(_line(facts, s, "etableringstillagg_per_child_11_to_19_per_month", "etableringstillagg",
                               None, on, check_with=FK, q={"part": "etableringstillagg"}))
    notes = []
    finish = step.start + timedelta(weeks=step.calendar_weeks, days=-3)
    if person.etablering_until is not None and step.start <= person.etablering_until < finish:
        notes.append(_reason(facts, "etablering_ends", s, "max_months_insatser",     # only where it ends
                             until=person.etablering_until.isoformat()))
    else:      # the start was not given: assumed to go on, and said so
        notes.append(_reason(facts, "etablering_end_unknown", s, "max_months_insatser", check_with=AF))
    # Arbetsförmedlingen decides (the programme and the right to it); Försäkringskassan pays, monthly
    return FinancingOption(s, AF, tuple(x for x in lines if x is not None), tuple(notes), paid_by=FK)


def _map_komvux(step: StudyStep) -> str:
    """yrkesvux, sas and kombination are komvux on a level: the form the rules name."""
    if step.form in ("yrkesvux", "kombination_sfi", "sas", "komvux_gymnasial", "komvux_grundlaggande"):
        return "komvux_grundlaggande" if step.level == "grundlaggande" else "komvux_gymnasial"
    return step.form


def _studiestartsstod(person: Person, step: StudyStep, facts: FinancingFacts, on: date,
                      out: list[Reason]) -> FinancingOption | None:
    s = STUDIESTARTSSTOD
    repealed = facts.repealed(s)
    if repealed is not None and on >= repealed:
        out.append(_reason(facts, "studiestartsstod_repealed", s, "repealed_from", repealed_from=repealed.isoformat()))
        return None
    age = person.age_in_year(on.year)
    if not (facts.rule(s, "min_age_year_turns") <= age <= facts.rule(s, "max_age_year_turns")):
        return None
    if _situation(person, on) != UNEMPLOYED or _map_komvux(step) not in facts.rule(s, "forms") or step.pace not in facts.rule(s, "allowed_paces"):
        return None
    line = _line(facts, s, "bidrag_per_week", "studiestartsstod", 100, on, scale=step.pace / 100, check_with=MUNICIPALITY)
    notes = (_reason(facts, "decided_by_home_municipality", s, "decided_by", check_with=MUNICIPALITY),)
    if repealed is not None:
        notes += (_reason(facts, "only_weeks_before_repeal", s, "repealed_from", repealed_from=repealed.isoformat()),)
    return FinancingOption(s, MUNICIPALITY, (line,) if line else (), notes, paid_by=CSN)


# ---------------------------------------------------------------------------------------------
# The verbs


def estimate_financing(person: Person, step: StudyStep, facts: FinancingFacts,
                       on_date: date | None = None) -> FinancingEstimate:
    """The schemes ``person`` is likely eligible for during ``step`` (amounts of ``on_date``,
    default the step's start), best first, and the reasons for the others."""
    on = on_date or step.start
    not_eligible: list[Reason] = []
    options: list[FinancingOption] = []
    etab = _etablering(person, step, facts, on)
    if etab:
        options.append(etab)
    af = _af_benefit(person, step, facts, on, not_eligible)
    csn = _studiemedel(person, step, facts, on, not_eligible)
    omst = _omstallning(person, step, facts, on, not_eligible)
    sss = _studiestartsstod(person, step, facts, on, not_eligible)
    if _studying_under_af(person, step, on) == AF and af:
        options.append(af)          # AF's programme: its benefit is the way, CSN is out
        af = None
    rest = [o for o in (csn, omst, sss, af) if o is not None]
    # An entitlement before an option someone else decides (AF's förberedande utbildning); then
    # most money that need not be paid back; then the total.
    rest.sort(key=lambda o: (any(n.key == "af_decides_forberedande_max_12_months" for n in o.notes),
                             -o.grant_per_month, -o.total_per_month))
    options.extend(rest)
    if step.form in AF_FORMS and _situation(person, on) not in (UNEMPLOYED, ETABLERING):
        not_eligible.append(Reason("af_programme_needs_registration", AF, check_with=AF))
    return FinancingEstimate(step, on, tuple(options), tuple(not_eligible))


# ---------------------------------------------------------------------------------------------
# Over time: a long step is financed by what applies on each of its dates


# Why the money may change inside a step (the first day of the new period)
ETABLERING_ENDS = "etablering_ends"
NEW_YEAR = "new_year"                        # new amounts; "the year you turn 20 / 25 / 60" rules
CHILD_AGE_BAND = "child_age_band"            # a child turns 11 or 20 (etableringstillägg)
CHILD_TILLAGG_ENDS = "child_tillagg_ends"    # the half-year a child turns 18 is over (tilläggsbidrag)
PERMIT_MONTHS_PASSED = "permit_months_passed"  # temporary protection: 12 months with the permit
STUDIEMEDEL_AGE = "studiemedel_age"          # 1 July of the year the person turns 20 (komvux)


@dataclass(frozen=True)
class FinancingPeriod:
    """Part of a study step during which the same money applies."""

    start: date
    finish: date
    estimate: FinancingEstimate
    because: tuple[str, ...] = ()            # why a new period starts here (empty for the first)

    @property
    def weeks(self) -> float:
        return ((self.finish - self.start).days + 3) / 7     # a step's finish is a Friday


def change_dates(person: Person, step: StudyStep, finish: date, facts: FinancingFacts) -> tuple[tuple[date, str], ...]:
    """Dates inside (start, finish] on which a rule may give other money, with why."""
    points: list[tuple[date, str]] = []
    if person.situation == ETABLERING and person.etablering_until is not None:
        points.append((person.etablering_until + timedelta(days=1), ETABLERING_ENDS))
    points += [(date(y, 1, 1), NEW_YEAR) for y in range(step.start.year + 1, finish.year + 1)]
    limit = int(facts.rule(STUDIEMEDEL, "tillaggsbidrag_child_max_age_half_year_turns"))
    for born in person.children_born:
        points += [(add_months(born, 12 * age), CHILD_AGE_BAND) for age in (11, 20)]
        points.append((half_year_end(add_months(born, 12 * limit)) + timedelta(days=1), CHILD_TILLAGG_ENDS))
    if person.permit == TEMPORARY_PROTECTION and person.permit_from is not None:
        wait = int(facts.rule(STUDIEMEDEL, "temporary_protection_wait_months"))
        points.append((add_months(person.permit_from, wait), PERMIT_MONTHS_PASSED))
    turns = int(facts.rule(STUDIEMEDEL, "min_age_grund_gymnasial_half_year_turns"))
    points.append((date(person.birth_year + turns, 7, 1), STUDIEMEDEL_AGE))
    return tuple(sorted((d, why) for d, why in points if step.start < d <= finish))


def _same_money(a: FinancingEstimate, b: FinancingEstimate) -> bool:
    def key(e: FinancingEstimate):
        p = e.primary
        return None if p is None else (p.key, tuple((x.part, x.per_month) for x in p.lines))
    return key(a) == key(b)


def _stale(e: FinancingEstimate) -> bool:
    return any(line.stale for o in e.options for line in o.lines)


def financing_periods(person: Person, step: StudyStep, facts: FinancingFacts,
                      finish: date | None = None) -> tuple[FinancingPeriod, ...]:
    """The step's money over its whole length: a new period wherever the person's situation on
    that date gives other money (the etableringsprogram ends, a child changes age band, a new
    year's rules or amounts, the temporary-protection months have passed). Consecutive periods
    with the same money are one; when one of them uses a last known figure, the period says so."""
    finish = finish or step.start + timedelta(weeks=step.calendar_weeks, days=-3)
    points = change_dates(person, step, finish, facts)
    starts = sorted({step.start, *(d for d, _ in points)})
    periods: list[FinancingPeriod] = []
    for i, begin in enumerate(starts):
        end = starts[i + 1] - timedelta(days=1) if i + 1 < len(starts) else finish
        est = estimate_financing(person, step, facts, on_date=begin)
        because = tuple(dict.fromkeys(why for d, why in points if d == begin))
        if periods and _same_money(periods[-1].estimate, est):
            last = periods[-1]
            keep = est if _stale(est) and not _stale(last.estimate) else last.estimate
            periods[-1] = FinancingPeriod(last.start, end, keep, last.because)
        else:
            periods.append(FinancingPeriod(begin, end, est, because))
    return tuple(periods)


def household_view(current_income_per_month: int, estimate: FinancingEstimate,
                   option: str | None = None) -> HouseholdView:
    """Money per month now versus while studying (the primary option, or ``option``)."""
    chosen = estimate.option(option) if option else estimate.primary
    grant = chosen.grant_per_month if chosen else 0
    loan = chosen.loan_per_month if chosen else 0
    return HouseholdView(current_income_per_month, grant, loan, grant + loan,
                         grant + loan - current_income_per_month, grant - current_income_per_month,
                         chosen.key if chosen else None)
