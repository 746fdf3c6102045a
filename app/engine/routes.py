"""Computed routes from where a person is to a job: ordered, dated steps with reasons for skips.

Pure: the educations, occupations and language scale arrive as plain ``RouteInputs`` (built by
``app.content.catalogue`` from the tables; by ``app.content.facts`` from the files in tests). Assumptions (term dates, weeks when unknown, job search)
are constants here and documented in docs/DECISION.md.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Mapping

from app.engine.financing import (
    ETABLERING,
    UNEMPLOYED,
    WEEKS_PER_MONTH,
    FinancingEstimate,
    FinancingFacts,
    FinancingPeriod,
    Person,
    StudyStep,
    financing_periods,
    half_up,
)
from app.engine.geo import EducationPlaces, Place, RailLine, education_reach
from app.engine.language import IntegratedOption, LanguagePath, LanguageScale, language_path

# Step kinds
LANGUAGE = "language"
PREPARATORY = "preparatory"
RECOGNITION = "recognition"
EDUCATION = "education"
VALIDATION = "validation"
LICENCE = "licence"
JOB_SEARCH = "job_search"
TRACK_STEP = "track_step"          # a step of a local job track (lokalt jobbspår)
APPLY_TRACK = "apply_track"        # how to apply to the track: the contact and the next step

# Intake kinds and assumptions (docs/DECISION.md "Start dates")
CONTINUOUS = "continuous"
TERM = "term"                      # mid-January and mid-August
AUTUMN = "autumn"                  # university programmes: autumn intake only
FIXED = "fixed"                    # a job track's own intake date (or the step right after the one before)
SPRING_TERM = (1, 12)              # Monday on or after 12 January
AUTUMN_TERM = (8, 17)              # Monday on or after 17 August
TERM_LEAD_WEEKS = 8                # apply this long before a komvux/folkhögskola term start
CONTINUOUS_LEAD_WEEKS = 2          # sfi / AF courses: admission (and level assessment) takes ~2 weeks
UNIVERSITY_DEADLINE = (4, 15)      # antagning.se deadline for the autumn round
INTAKE_BY_FORM = {
    "sfi": CONTINUOUS, "arbetsmarknadsutbildning": CONTINUOUS,
    "sas": CONTINUOUS,                 # SAS 1–3: short gymnasial courses, rolling starts (assumption)
    "hogskola": AUTUMN, "yrkeshogskola": AUTUMN, "kompletterande": TERM,
}
# Weeks at full pace when the content does not know (always flagged weeks_assumed).
ASSUMED_WEEKS = {
    "komvux_grundlaggande": 40, "komvux_gymnasial": 40, "validering": 10, "licence": 1,
    "b-licence": 12, "default": 40,
}
JOB_SEARCH_WEEKS = 12
TRACK_EMPLOYMENT_WEEKS = 4         # a track ends in the employer's hiring: the last step (assumption)
TRACK_LEAD_WEEKS = 3               # apply this long before a track's intake when it names no last day
TRACK_DEFAULT_LIMIT_MINUTES = 60   # a track counts as near when no travel limit is given (assumption)
SHORT_COURSE_WEEKS = 12
MAX_ROUTES = 3

PREP_GRUNDSKOLA = "komvux-grundlaggande-amnen"
PREP_HOGSKOLA = "komvux-gy-hogskolebehorighet"
PREP_YH = "komvux-gy-yh-behorighet"
# Gymnasial vocational forms that need grundskola knowledge first (kombination_sfi integrates
# what the newcomer needs; validation assesses what the person already knows).
NEEDS_GRUNDSKOLA_FORMS = ("yrkesvux", "komvux_gymnasial")

# Who a step is with
PERSON = "person"
MUNICIPALITY_ADULT_EDUCATION = "municipality_adult_education"
ARBETSFORMEDLINGEN = "arbetsformedlingen"
UNIVERSITY = "university"
FOLKHOGSKOLA = "folkhogskola"
EMPLOYER = "employer"
ISSUERS = {  # who issues a licence / decides a recognition (public agencies, stable facts)
    "title-certificate": "socialstyrelsen", "nurse-licence": "socialstyrelsen",
    "teacher-licence": "skolverket", "preschool-licence": "skolverket",
    "ykb": "transportstyrelsen", "c-ce-licence": "transportstyrelsen", "d-licence": "transportstyrelsen",
    "taxi-licence": "transportstyrelsen", "b-licence": "transportstyrelsen",
}
WITH_BY_FORM = {
    "sfi": MUNICIPALITY_ADULT_EDUCATION, "sas": MUNICIPALITY_ADULT_EDUCATION,
    "komvux_grundlaggande": MUNICIPALITY_ADULT_EDUCATION, "komvux_gymnasial": MUNICIPALITY_ADULT_EDUCATION,
    "yrkesvux": MUNICIPALITY_ADULT_EDUCATION, "kombination_sfi": MUNICIPALITY_ADULT_EDUCATION,
    "validering": MUNICIPALITY_ADULT_EDUCATION, "folkhogskola": FOLKHOGSKOLA,
    "arbetsmarknadsutbildning": ARBETSFORMEDLINGEN, "hogskola": UNIVERSITY, "yrkeshogskola": UNIVERSITY,
    "kompletterande": UNIVERSITY,
}


# ---------------------------------------------------------------------------------------------
# Inputs


@dataclass(frozen=True)
class RouteEducation:
    id: str
    form: str
    level: str                          # none | grundlaggande | gymnasial | eftergymnasial
    label: str = ""
    weeks: int | None = None            # at full pace; None = unknown
    weeks_status: str | None = None
    weeks_min: int | None = None
    weeks_max: int | None = None
    pace_options: tuple[int, ...] = (100,)
    language_requirement: str | None = None
    language_integrated: bool = False
    gives: tuple[tuple[str, str], ...] = ()      # (ssyk, competence key)
    gives_language_level: str | None = None
    leads_to: tuple[str, ...] = ()
    financing: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()               # e.g. "b-licence", "age_21_at_end", "foreign_nursing_degree"
    via_af: bool = False
    min_age: int | None = None
    apply_url: str | None = None
    source_url: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class RouteOccupation:
    ssyk: str
    label: str = ""
    education_required: str | None = None       # none | short | upper_secondary | ... | university
    typical_education_weeks: int | None = None
    language_requirement: str | None = None
    education_routes: tuple[str, ...] = ()
    licences: tuple[tuple[str, str], ...] = ()   # (key, label) of must-have licences


@dataclass(frozen=True)
class TrackStepInput:
    """One step of a job track: a catalogue education, or a free step (praktik, training, language)."""
    kind: str = "training"             # praktik | training | language | education
    label: str = ""                    # the free step's name (Swedish, as the organisation wrote it)
    weeks: int | None = None
    education_id: str | None = None
    teaches: tuple[str, ...] = ()      # competence (skill) ids the step teaches


@dataclass(frozen=True)
class TrackIntake:
    start: date
    apply_by: date | None = None


@dataclass(frozen=True)
class RouteTrack:
    """A local job track as the route engine needs it (built by the catalogue's read model)."""
    id: str
    ssyk: str
    label: str
    places: tuple[Place, ...]          # the municipalities it serves
    steps: tuple[TrackStepInput, ...]
    valid_from: date
    valid_to: date
    intakes: tuple[TrackIntake, ...] = ()
    continuous: bool = False
    registered_af: bool = True
    swedish_level: str | None = None
    profile_id: str | None = None
    example: bool = False


@dataclass(frozen=True)
class RouteInputs:
    educations: Mapping[str, RouteEducation]
    occupations: Mapping[str, RouteOccupation]
    scale: LanguageScale
    tracks: tuple[RouteTrack, ...] = ()        # published local job tracks
    rail: tuple[RailLine, ...] = ()            # for "is the track within the person's travel limit"


# ---------------------------------------------------------------------------------------------
# Outputs


@dataclass(frozen=True)
class RouteStep:
    kind: str
    key: str                           # education id, level id or licence key
    label: str
    form: str = ""
    level: str = "none"
    weeks: int = 0                     # at full pace
    pace: int = 100
    pace_options: tuple[int, ...] = (100,)
    weeks_assumed: bool = False        # weeks not in the content: an assumption (see ASSUMED_WEEKS)
    intake: str = CONTINUOUS
    with_whom: str = PERSON
    education_id: str | None = None
    via_af: bool = False
    financing_ids: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    start: date | None = None
    finish: date | None = None
    apply_by: date | None = None
    financing: FinancingEstimate | None = None      # the money on the step's first day
    not_before: date | None = None     # e.g. komvux from 1 July of the year the person turns 20
    financing_periods: tuple[FinancingPeriod, ...] = ()   # the money over the whole step (first = financing)

    @property
    def calendar_weeks(self) -> int:
        return -(-self.weeks * 100 // max(self.pace, 1)) if self.weeks else 0


@dataclass(frozen=True)
class SkippedStep:
    kind: str
    key: str
    reason: str


@dataclass(frozen=True)
class Route:
    id: str
    target_ssyk: str
    education_id: str | None
    steps: tuple[RouteStep, ...]
    skipped: tuple[SkippedStep, ...]
    start: date
    ready_date: date                   # trained and licensed: the job search starts
    swedish_integrated: bool
    language: LanguagePath | None = None
    notes: tuple[str, ...] = ()

    @property
    def weeks_to_ready(self) -> int:
        return (self.ready_date - self.start).days // 7

    @property
    def language_steps(self) -> tuple[RouteStep, ...]:
        return tuple(s for s in self.steps if s.kind == LANGUAGE)

    @property
    def weeks_assumed(self) -> bool:
        return any(s.weeks_assumed for s in self.steps if s.kind != JOB_SEARCH)

    def step(self, kind: str) -> RouteStep | None:
        return next((s for s in self.steps if s.kind == kind), None)


@dataclass(frozen=True)
class RouteComparison:
    route_id: str
    education_id: str | None
    weeks_to_ready: int
    ready_date: date
    language_steps: int
    swedish_integrated: bool
    weeks_assumed: bool
    lowest_per_month: int | None       # the tightest study month (primary option), estimate
    grant_total: int | None            # grants/benefits over the whole route, estimate
    loan_total: int | None


# ---------------------------------------------------------------------------------------------
# Dates


def _monday_on_or_after(d: date) -> date:
    return d + timedelta(days=(7 - d.weekday()) % 7)


def _term_starts(after: date, autumn_only: bool) -> date:
    year = after.year
    while True:
        for month, day in ((() if autumn_only else (SPRING_TERM,)) + (AUTUMN_TERM,)):
            start = _monday_on_or_after(date(year, month, day))
            if start >= after:
                return start
        year += 1


def earliest_start(intake: str, not_before: date, today: date) -> tuple[date, date]:
    """(start, apply_by) for a step that can begin at ``not_before`` when applying from ``today``."""
    if intake == FIXED:       # the track's own date: its first step on the intake, the others right after
        start = max(not_before, today)
        return start, start - timedelta(weeks=TRACK_LEAD_WEEKS)
    if intake == CONTINUOUS:
        start = _monday_on_or_after(max(not_before, today + timedelta(weeks=CONTINUOUS_LEAD_WEEKS)))
        return start, start - timedelta(weeks=CONTINUOUS_LEAD_WEEKS)
    if intake == AUTUMN:
        start = _term_starts(not_before, autumn_only=True)
        while date(start.year, *UNIVERSITY_DEADLINE) < today:
            start = _term_starts(date(start.year + 1, 1, 1), autumn_only=True)
        return start, date(start.year, *UNIVERSITY_DEADLINE)
    start = _term_starts(max(not_before, today + timedelta(weeks=TERM_LEAD_WEEKS)), autumn_only=False)
    return start, start - timedelta(weeks=TERM_LEAD_WEEKS)


def _with(step: RouteStep, **changes) -> RouteStep:
    """``dataclasses.replace(step, **changes)`` for a RouteStep, faster: the copy starts from the
    step's field values and takes the changes, without running the generated ``__init__``
    again (one ``object.__setattr__`` per field of this frozen class; RouteStep has no
    ``__post_init__``). Scheduling and financing copy every step of every candidate route."""
    unknown = changes.keys() - step.__dict__.keys()
    if unknown:
        raise TypeError(f"RouteStep has no field(s) {sorted(unknown)}")
    new = object.__new__(type(step))
    new.__dict__.update(step.__dict__)
    new.__dict__.update(changes)
    return new


def schedule(steps: tuple[RouteStep, ...], start: date) -> tuple[tuple[RouteStep, ...], date]:
    """Dates for each step in order from ``start``; returns the steps and the ready date."""
    cursor = start
    out = []
    ready = start
    for step in steps:
        if step.kind == JOB_SEARCH:
            s = _monday_on_or_after(cursor)
            out.append(_with(step, start=s, apply_by=None, finish=s + timedelta(weeks=step.weeks, days=-3)))
            ready = s
            continue
        if step.weeks == 0:    # an application or decision alongside: dated, takes no study time
            keep = step.apply_by if step.kind == APPLY_TRACK and step.apply_by and step.apply_by >= cursor else None
            out.append(_with(step, start=cursor, finish=cursor, apply_by=keep or cursor))
            continue
        if step.intake == FIXED:     # a job track's intake (its own date), or the track step right after
            s = max(cursor, step.not_before or cursor)
            apply_by = step.apply_by or (s - timedelta(weeks=TRACK_LEAD_WEEKS) if step.not_before else s)
        else:
            s, apply_by = earliest_start(step.intake, max(cursor, step.not_before or cursor), start)
        finish = s + timedelta(weeks=step.calendar_weeks, days=-3)
        # an age rule that holds the start back is said, never silent
        held = step.not_before is not None and step.not_before > cursor and "starts_later_age_rule" not in step.notes
        notes = step.notes + ("starts_later_age_rule",) if held else step.notes
        out.append(_with(step, start=s, finish=finish, apply_by=max(apply_by, start), notes=notes))
        cursor = finish + timedelta(days=3)
        ready = cursor
    return tuple(out), ready


# ---------------------------------------------------------------------------------------------
# Building


def study_path(person: Person) -> int | None:
    """The sfi study path: 1 (0–6 years of school), 2 (some), 3 (used to studying)."""
    if person.hogskolepoang or person.foreign_degree_ssyk or person.has_gymnasieexamen:
        return 3
    if person.years_of_schooling is None:
        return None
    if person.years_of_schooling <= 6:
        return 1
    return 3 if person.years_of_schooling >= 12 else 2


def _pace(person: Person, options: tuple[int, ...]) -> int:
    if not options or person.preferred_pace in options:
        return person.preferred_pace if options else 100
    higher = [p for p in sorted(options) if p >= person.preferred_pace]
    return higher[0] if higher else max(options)


def _edu_weeks(edu: RouteEducation, occ: RouteOccupation | None) -> tuple[int, bool]:
    if edu.weeks:
        return edu.weeks, False
    if edu.weeks_min and edu.weeks_max:
        return (edu.weeks_min + edu.weeks_max) // 2, True
    if edu.weeks_max:
        return edu.weeks_max, True
    if occ and occ.typical_education_weeks and edu.form not in ("validering",) and occ.ssyk in edu.leads_to:
        return occ.typical_education_weeks, True
    return ASSUMED_WEEKS.get(edu.form, ASSUMED_WEEKS["default"]), True


KOMVUX_FORMS = ("sas", "komvux_grundlaggande", "komvux_gymnasial", "yrkesvux", "kombination_sfi", "validering")
KOMVUX_AGE_TURNS = 20   # right to komvux grund/gymnasial: from the 2nd half of the year you turn 20 (SFS 2010:800 20 kap. 11, 20 §)


def _not_before(person: Person, form: str, min_age: int | None = None) -> date | None:
    if form in KOMVUX_FORMS and not person.has_gymnasieexamen:
        return date(person.birth_year + KOMVUX_AGE_TURNS, 7, 1)
    if min_age:
        return date(person.birth_year + min_age, 1, 1)
    return None


def _edu_step(kind: str, edu: RouteEducation, person: Person, occ: RouteOccupation | None,
              notes: tuple[str, ...] = ()) -> RouteStep:
    weeks, assumed = _edu_weeks(edu, occ)
    return RouteStep(kind=kind, key=edu.id, label=edu.label, form=edu.form, level=edu.level, weeks=weeks,
                     pace=_pace(person, edu.pace_options), pace_options=edu.pace_options, weeks_assumed=assumed,
                     intake=CONTINUOUS if edu.via_af else INTAKE_BY_FORM.get(edu.form, TERM),
                     with_whom=ARBETSFORMEDLINGEN if edu.via_af else WITH_BY_FORM.get(edu.form, PERSON),
                     education_id=edu.id, via_af=edu.via_af or edu.form == "arbetsmarknadsutbildning",
                     financing_ids=edu.financing, notes=notes, not_before=_not_before(person, edu.form, edu.min_age))


def _language_steps(path: LanguagePath, inputs: RouteInputs, person: Person) -> list[RouteStep]:
    steps = []
    for ls in path.steps:
        edu = next((e for e in inputs.educations.values()
                    if e.gives_language_level == ls.level and not e.language_integrated
                    and e.form in ("sfi", "sas", "komvux_grundlaggande")), None)
        level = "none" if ls.form == "sfi" else ("grundlaggande" if ls.form == "komvux_grundlaggande" else "gymnasial")
        weeks = ls.weeks if ls.weeks is not None else ASSUMED_WEEKS["default"]
        steps.append(RouteStep(
            kind=LANGUAGE, key=ls.level, label=edu.label if edu else ls.level, form=ls.form,
            level=edu.level if edu else level, weeks=weeks, pace=_pace(person, edu.pace_options if edu else (100,)),
            pace_options=edu.pace_options if edu else (100,), weeks_assumed=ls.weeks is None,
            intake=INTAKE_BY_FORM.get(ls.form, TERM), with_whom=MUNICIPALITY_ADULT_EDUCATION,
            education_id=edu.id if edu else None, financing_ids=edu.financing if edu else (),
            not_before=_not_before(person, ls.form),
            notes=("swedish_unknown_assessed_at_admission",) if path.unknown else ()))
    return steps


def _is_short_course(edu: RouteEducation) -> bool:
    """A course that can give one licence (truckkort, ...): not a whole vocational programme."""
    return edu.form == "arbetsmarknadsutbildning" or (edu.weeks is not None and edu.weeks <= SHORT_COURSE_WEEKS)


def _exclusion(edu: RouteEducation, person: Person, target: str, inputs: RouteInputs | None = None) -> str | None:
    if edu.form == "kompletterande" and not (set(person.foreign_degree_ssyk) & set(edu.leads_to)):
        return "needs_foreign_degree_in_field"
    if edu.form == "validering" and target not in person.experience_ssyk and not (
            set(person.experience_ssyk) & set(edu.leads_to)):
        return "needs_experience_to_validate"
    if (edu.via_af or edu.form == "arbetsmarknadsutbildning") and person.situation not in (UNEMPLOYED, ETABLERING):
        return "needs_registration_at_arbetsformedlingen"
    if edu.form in ("hogskola", "yrkeshogskola") and target in person.foreign_degree_ssyk:
        return "has_degree_complement_instead"
    if edu.language_integrated and inputs is not None and target in inputs.occupations:
        need = inputs.occupations[target].language_requirement
        if person.swedish_level not in (None, "unknown") and \
                inputs.scale.rank(person.swedish_level) >= inputs.scale.rank(need):
            return "swedish_already_enough_for_the_job"
    return None


def _candidate(inputs: RouteInputs, person: Person, occ: RouteOccupation, edu: RouteEducation | None,
               start: date, facts: FinancingFacts | None, financed: dict | None = None) -> Route:
    scale = inputs.scale
    steps: list[RouteStep] = []
    skipped: list[SkippedStep] = []
    notes: list[str] = []
    have = person.swedish_level
    # 1. Swedish up to what the education (or, for a direct route, the job) needs to start.
    entry = (edu.language_requirement if edu and edu.language_requirement else occ.language_requirement)
    integrated = (IntegratedOption(edu.id, edu.language_requirement),) if edu and edu.language_integrated else ()
    path = language_path(have, entry, scale, study_path=study_path(person), integrated=integrated)
    if path.enough:
        skipped.append(SkippedStep(LANGUAGE, entry or "none", path.message_key))
    steps.extend(_language_steps(path, inputs, person))
    level_after = entry if not path.enough else (have or entry)
    # 2. Preparatory komvux for missing entry requirements.
    if edu is not None and (edu.form in NEEDS_GRUNDSKOLA_FORMS or edu.form in ("hogskola", "yrkeshogskola")):
        if not person.has_grundskola and any(s.form == "komvux_grundlaggande" for s in steps):
            # SAS grund is komvux on grundläggande level: the other subjects are read alongside it.
            skipped.append(SkippedStep(PREPARATORY, PREP_GRUNDSKOLA, "alongside_sas_grund"))
        elif not person.has_grundskola:
            prep = inputs.educations.get(PREP_GRUNDSKOLA)
            if prep:
                steps.append(_edu_step(PREPARATORY, prep, person, None))
        else:
            skipped.append(SkippedStep(PREPARATORY, PREP_GRUNDSKOLA, "has_grundskola"))
    if edu is not None and edu.form in ("hogskola", "yrkeshogskola"):
        prep_id = PREP_HOGSKOLA if edu.form == "hogskola" else PREP_YH
        if person.has_gymnasieexamen or person.foreign_degree_ssyk:
            skipped.append(SkippedStep(PREPARATORY, prep_id, "has_gymnasieexamen"))
        elif prep_id in inputs.educations:
            steps.append(_edu_step(PREPARATORY, inputs.educations[prep_id], person, None))
    # 3. Recognition (foreign degree) alongside, then the education / validation itself.
    if edu is not None and edu.form == "kompletterande":
        steps.insert(0, RouteStep(kind=RECOGNITION, key="foreign_degree", label="foreign_degree_recognition",
                                  with_whom=ISSUERS.get(next((k for k, _ in occ.licences), ""), "uhr"),
                                  notes=("runs_alongside",) + tuple(r for r in edu.requires)))
    if edu is not None:
        if "b-licence" in edu.requires:
            if "b-licence" in person.licences:
                skipped.append(SkippedStep(LICENCE, "b-licence", "already_has"))
            else:
                steps.append(RouteStep(kind=LICENCE, key="b-licence", label="b-licence",
                                       weeks=ASSUMED_WEEKS["b-licence"], weeks_assumed=True,
                                       with_whom=ISSUERS["b-licence"], notes=("driving_school_self_paid",)))
        kind = VALIDATION if edu.form == "validering" else EDUCATION
        edu_notes = ("complete_missing_parts_at_school",) if kind == VALIDATION else ()
        steps.append(_edu_step(kind, edu, person, occ, edu_notes))
        if edu.gives_language_level:
            level_after = edu.gives_language_level
        if "age_21_at_end" in edu.requires:
            notes.append("must_turn_21_before_finishing")
    # 4. Swedish the job needs beyond what the education gave.
    after = language_path(level_after, occ.language_requirement, scale)
    if edu is not None and edu.language_integrated and not after.enough:
        notes.append("swedish_continues_in_the_programme_check_level_with_school")
    elif not after.enough and not after.unknown:
        steps.extend(_language_steps(after, inputs, person))
    # 5. Licences the job needs.
    given = {key for ssyk, key in (edu.gives if edu else ()) if ssyk == occ.ssyk}
    for key, label in occ.licences:
        if key in person.licences:
            skipped.append(SkippedStep(LICENCE, key, "already_has"))
        elif key in given:
            steps.append(RouteStep(kind=LICENCE, key=key, label=label, with_whom=ISSUERS.get(key, PERSON),
                                   notes=("apply_when_education_done",)))
        else:
            course = next((e for e in inputs.educations.values()
                           if (occ.ssyk, key) in e.gives and _is_short_course(e)
                           and _exclusion(e, person, occ.ssyk) is None), None)
            if course is not None:
                steps.append(_with(_edu_step(LICENCE, course, person, None), key=key, label=label))
            else:
                steps.append(RouteStep(kind=LICENCE, key=key, label=label, weeks=ASSUMED_WEEKS["licence"],
                                       weeks_assumed=True, with_whom=ISSUERS.get(key, PERSON),
                                       notes=("licence_course_unknown",)))
    # Utbildningsplikt: a newcomer in the programme with a short education is expected to study
    # (sfi, samhällsorientering, komvux) when no job can be matched (SFS 2017:820 14 §).
    if person.situation == ETABLERING and not person.has_gymnasieexamen:
        notes.append("utbildningsplikt")
    # 6. Look for work (practice through Arbetsförmedlingen if registered).
    job_notes = ("practice_via_arbetsformedlingen",) if person.situation in (UNEMPLOYED, ETABLERING) else ()
    steps.append(RouteStep(kind=JOB_SEARCH, key="job_search", label="job_search", weeks=JOB_SEARCH_WEEKS,
                           weeks_assumed=True, with_whom=EMPLOYER, notes=job_notes))
    dated, ready = schedule(tuple(steps), start)
    if facts is not None:
        dated = tuple(_financed(s, person, facts, financed) for s in dated)
    return Route(id=f"{occ.ssyk}:{edu.id if edu else 'direct'}", target_ssyk=occ.ssyk,
                 education_id=edu.id if edu else None, steps=dated, skipped=tuple(skipped), start=start,
                 ready_date=ready, swedish_integrated=bool(edu and edu.language_integrated), language=path,
                 notes=tuple(notes))


def _financed(step: RouteStep, person: Person, facts: FinancingFacts, memo: dict | None) -> RouteStep:
    """``_with_financing``, once per distinct step in ``memo`` (one ``build_routes`` call: the
    same person and facts). The candidate routes to a job share steps (the same Swedish course
    from the same date, the same preparatory komvux), and the money over a step's whole length
    was most of the time of building routes. A step is a frozen value, so an equal step gets the
    equal (here: the same) financed step."""
    if memo is None:
        return _with_financing(step, person, facts)
    done = memo.get(step)
    if done is None:
        done = memo[step] = _with_financing(step, person, facts)
    return done


def _with_financing(step: RouteStep, person: Person, facts: FinancingFacts) -> RouteStep:
    if step.kind in (JOB_SEARCH, RECOGNITION) or step.weeks == 0 or not step.form or step.start is None:
        return step
    study = StudyStep(form=step.form, level=step.level, start=step.start, weeks=step.weeks, pace=step.pace,
                      education_id=step.education_id or "", via_af=step.via_af, financing=step.financing_ids)
    periods = financing_periods(person, study, facts, step.finish)
    return _with(step, financing=periods[0].estimate, financing_periods=periods)


def build_routes(inputs: RouteInputs, person: Person, target_ssyk: str, *, start: date,
                 facts: FinancingFacts | None = None, max_routes: int = MAX_ROUTES,
                 home: Place | None = None, limit_minutes: int | None = None) -> tuple[Route, ...]:
    """1–``max_routes`` routes to ``target_ssyk``, the one ready for work first at the top.

    Candidates: the occupation's curated ``education_routes``, then other educations leading to
    it, and a direct route (Swedish + licences + job search) when the job needs no education.
    Candidates the person cannot take (validation without experience, complementary education
    without a foreign degree, Arbetsförmedlingen's courses without registration, a full degree
    when they hold one) are left out (see ``excluded_candidates``).
    """
    occ = inputs.occupations[target_ssyk]
    financed: dict[RouteStep, RouteStep] = {}     # the candidates' shared steps, financed once (_financed)
    routes = [_candidate(inputs, person, occ, edu, start, facts, financed)
              for edu in _candidates(inputs, person, occ) if _exclusion(edu, person, target_ssyk, inputs) is None]
    if occ.education_required in (None, "none") or not routes:
        routes.append(_candidate(inputs, person, occ, None, start, facts, financed))
    order = {r.id: i for i, r in enumerate(routes)}
    routes.sort(key=lambda r: (r.ready_date, r.weeks_assumed, order[r.id]))
    # local job tracks the person can join come on top of the national routes, never instead of them
    tracks = [o.route for o in track_options(inputs, person, target_ssyk, start=start, facts=facts,
                                             home=home, limit_minutes=limit_minutes) if o.route is not None]
    return tuple(tracks + routes[:max_routes])


# ---------------------------------------------------------------------------------------------
# Local job tracks (issue 18): one more route kind


# What a person may lack to join a track (keys the wording turns into sentences)
MISSING_REGISTRATION = "register_at_arbetsformedlingen_first"
MISSING_SWEDISH = "swedish_level_asked"
CHECK_SWEDISH = "swedish_level_check_with_contact"       # the person's level unknown: not blocking


@dataclass(frozen=True)
class TrackOption:
    """A track within reach for the target: its route when the person can join it now, else what is missing."""
    track: RouteTrack
    route: Route | None
    missing: tuple[str, ...] = ()
    intake: TrackIntake | None = None                # the next intake (None: continuous)
    reach: object | None = None                      # geo.Reach from the person's home


def next_intake(track: RouteTrack, today: date) -> TrackIntake | None:
    """The next intake whose last day to apply has not passed (and inside the track's validity)."""
    for intake in sorted(track.intakes, key=lambda i: i.start):
        if intake.start >= today and (intake.apply_by or intake.start) >= today and intake.start <= track.valid_to:
            return intake
    return None


def track_reach(track: RouteTrack, home: Place | None, limit_minutes: int | None, rail: tuple[RailLine, ...] = ()):
    """The trip from home to the nearest municipality the track serves (None: home unknown)."""
    if home is None:
        return None
    places = {p.code: p for p in track.places}
    limit = TRACK_DEFAULT_LIMIT_MINUTES if limit_minutes is None else limit_minutes
    return education_reach(home, limit, EducationPlaces(track.id, places=tuple(places)), places, rail)


def near(places: tuple[Place, ...], home: Place | None, limit_minutes: int | None,
         rail: tuple[RailLine, ...] = (), key: str = "local") -> bool:
    """Whether one of ``places`` (the municipalities a track or an employer profile serves) is
    within the person's travel limit from home (home unknown: no)."""
    if home is None:
        return False
    by_code = {p.code: p for p in places}
    limit = TRACK_DEFAULT_LIMIT_MINUTES if limit_minutes is None else limit_minutes
    return education_reach(home, limit, EducationPlaces(key, places=tuple(by_code)), by_code, rail).reachable


def track_missing(track: RouteTrack, person: Person, scale: LanguageScale) -> tuple[str, ...]:
    missing = []
    if track.registered_af and person.situation not in (UNEMPLOYED, ETABLERING):
        missing.append(MISSING_REGISTRATION)
    if track.swedish_level:
        have = person.swedish_level
        if have in (None, "unknown"):
            missing.append(CHECK_SWEDISH)
        elif scale.rank(have) < scale.rank(track.swedish_level):
            missing.append(MISSING_SWEDISH)
    return tuple(missing)


BLOCKING = (MISSING_REGISTRATION, MISSING_SWEDISH)
TRACK_STEP_NOTES = {"praktik": "track_step_praktik", "training": "track_step_training",
                    "language": "track_step_language", "education": "track_step_education"}


def track_options(inputs: RouteInputs, person: Person, target_ssyk: str, *, start: date,
                  facts: FinancingFacts | None = None, home: Place | None = None,
                  limit_minutes: int | None = None) -> tuple[TrackOption, ...]:
    """The published tracks to ``target_ssyk`` that are valid on ``start``, have an intake ahead
    and serve a municipality within the person's travel limit: each with its route when the
    person can join now, else what is missing ("register at Arbetsförmedlingen first")."""
    out = []
    for track in inputs.tracks:
        if track.ssyk != target_ssyk or not track.valid_from <= start <= track.valid_to:
            continue
        intake = None if track.continuous else next_intake(track, start)
        if not track.continuous and intake is None:
            continue
        reach = track_reach(track, home, limit_minutes, inputs.rail)
        if reach is None or not reach.reachable:
            continue
        missing = track_missing(track, person, inputs.scale)
        route = None
        if not set(missing) & set(BLOCKING):
            route = _track_route(inputs, person, track, intake, start, facts, missing)
        out.append(TrackOption(track, route, missing, intake, reach))
    return tuple(out)


def _track_route(inputs: RouteInputs, person: Person, track: RouteTrack, intake: TrackIntake | None,
                 start: date, facts: FinancingFacts | None, missing: tuple[str, ...]) -> Route:
    steps: list[RouteStep] = [RouteStep(
        kind=APPLY_TRACK, key=track.id, label=track.label, with_whom=ARBETSFORMEDLINGEN if track.registered_af else EMPLOYER,
        apply_by=intake.apply_by if intake else None, notes=("track_apply_through_contact",) + missing)]
    for i, ts in enumerate(track.steps):
        edu = inputs.educations.get(ts.education_id) if ts.education_id else None
        if edu is not None:
            weeks, assumed = _edu_weeks(edu, inputs.occupations.get(track.ssyk))
            form, level, label, key, financing_ids = edu.form, edu.level, edu.label, edu.id, edu.financing
        else:
            weeks, assumed = ts.weeks or ASSUMED_WEEKS["default"], ts.weeks is None
            form, level, label, key, financing_ids = "jobbspar_" + ts.kind, "none", ts.label, f"{track.id}.{i}", ()
        first = i == 0
        steps.append(RouteStep(
            kind=TRACK_STEP, key=key, label=label, form=form, level=level, weeks=weeks, weeks_assumed=assumed,
            intake=(CONTINUOUS if track.continuous else FIXED) if first else FIXED,
            with_whom=ARBETSFORMEDLINGEN, education_id=edu.id if edu else None, via_af=True,
            financing_ids=financing_ids, not_before=intake.start if first and intake else None,
            apply_by=intake.apply_by if first and intake else None,
            notes=(TRACK_STEP_NOTES.get(ts.kind, "track_step_training"),)))
    steps.append(RouteStep(kind=JOB_SEARCH, key="job_search", label="job_search", weeks=TRACK_EMPLOYMENT_WEEKS,
                           weeks_assumed=True, with_whom=EMPLOYER, notes=("track_normally_leads_to_employment",)))
    dated, ready = schedule(tuple(steps), start)
    if facts is not None:
        dated = tuple(_with_financing(s, person, facts) for s in dated)
    return Route(id=f"track:{track.id}", target_ssyk=track.ssyk, education_id=None, steps=dated, skipped=(),
                 start=start, ready_date=ready, swedish_integrated=False,
                 notes=("track_normally_leads_to_employment",) + (("example_track",) if track.example else ()))


def within_reach_first(routes: tuple[Route, ...], beyond: set[str] | frozenset[str]) -> tuple[Route, ...]:
    """The routes within the person's travel limit first (in their own order), then those with a
    step beyond it (``beyond``: route ids): still shown, never first."""
    return tuple(sorted(routes, key=lambda r: r.id in beyond))


def _candidates(inputs: RouteInputs, person: Person, occ: RouteOccupation) -> list[RouteEducation]:
    ids = list(occ.education_routes)
    ids += sorted(e.id for e in inputs.educations.values()
                  if occ.ssyk in e.leads_to and e.id not in ids and e.form not in ("sfi", "sas"))
    return [inputs.educations[i] for i in ids if i in inputs.educations]


def excluded_candidates(inputs: RouteInputs, person: Person, target_ssyk: str) -> tuple[tuple[str, str], ...]:
    """(education id, reason key) for the candidate educations the person cannot take."""
    occ = inputs.occupations[target_ssyk]
    out = []
    for edu in _candidates(inputs, person, occ):
        reason = _exclusion(edu, person, target_ssyk, inputs)
        if reason:
            out.append((edu.id, reason))
    return tuple(out)


def route_money(route: Route) -> tuple[int | None, int | None, int | None]:
    """(lowest per month, grant total, loan total) over the study steps; primary option each."""
    months = []
    grant_total = loan_total = 0
    seen = False
    for step in route.steps:
        if step.kind in (JOB_SEARCH, RECOGNITION) or step.calendar_weeks == 0 or step.financing is None:
            continue
        seen = True
        # each part of the step at its own money (the programme may end half-way, a child turn 11 ...)
        parts = [(p.estimate.primary, p.weeks) for p in step.financing_periods] or \
            [(step.financing.primary, step.calendar_weeks)]
        for primary, weeks in parts:
            months.append(primary.total_per_month if primary else 0)
            grant_total += half_up((primary.grant_per_month if primary else 0) * weeks / WEEKS_PER_MONTH)
            loan_total += half_up((primary.loan_per_month if primary else 0) * weeks / WEEKS_PER_MONTH)
    if not seen:
        return None, None, None
    return min(months), grant_total, loan_total


def compare_routes(routes: tuple[Route, ...]) -> tuple[RouteComparison, ...]:
    rows = []
    for r in routes:
        lowest, grant, loan = route_money(r)
        rows.append(RouteComparison(r.id, r.education_id, r.weeks_to_ready, r.ready_date, len(r.language_steps),
                                    r.swedish_integrated, r.weeks_assumed, lowest, grant, loan))
    return tuple(rows)
