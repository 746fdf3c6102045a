"""The typed schema of a stored plan (``besluta.plan``) and of the plan file (docs/EXPORT.md).

Everything that comes from outside (an uploaded file) or from storage is validated here, with
strict types (pydantic, JSON mode: a string is never a number, a list never a string), dates the
app can compute with, bounded lengths and counts, before anything is stored or shown. One set of
limits serves the plan editor, the export and the import, so the app never exports a file it
would refuse to read back.
"""
from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from app.engine import Plan
from app.engine.plan import UNDO_DEPTH

__all__ = ["MAX_STEPS", "MAX_OWN_STEPS", "MAX_NOTE", "MAX_OWN_TITLE", "MAX_COMMITMENT", "MAX_FILE_BYTES",
           "PlanFile", "ProfileDoc", "MeetingSummaries", "SchemaError", "parse_file", "plan_from_stored",
           "profile_doc", "ValidationError"]

MAX_STEPS = 100            # steps in one plan: the route's and the person's own
MAX_OWN_STEPS = 30         # steps the person adds themselves (the editor stops here)
# ...and what a stored plan may hold: "undo" can bring back steps removed after the cap was reached
MAX_OWN_STEPS_STORED = MAX_OWN_STEPS + UNDO_DEPTH
MAX_NOTE = 500             # characters in a note on a step
MAX_OWN_TITLE = 120        # characters in an own step's title
MAX_COMMITMENT = 200       # characters in each half of the if-then commitment
# The largest file the app can export: MAX_STEPS steps, every note and title at its limit in
# 4-byte characters, pretty-printed (tests/test_plan_schema.py measures it). The import takes this.
MAX_FILE_BYTES = 384 * 1024       # the largest measured: 263 KB

# Wide enough for every date the plan editor can make (a start moved to 2000 or 2100 takes its
# apply-by and finish with it), narrow enough that date arithmetic never overflows.
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(2199, 12, 31)
STEP_KINDS = ("language", "preparatory", "recognition", "education", "validation", "licence", "job_search",
              "apply_financing", "apply_licence", "own", "track_step", "apply_track")


def _no_lone_surrogates(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text that is not valid Unicode") from None
    return value


def _in_range(day: date) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"a date between {FIRST_DAY} and {LAST_DAY}")
    return day


def text(max_length: int, min_length: int = 0):
    return Annotated[str, StringConstraints(min_length=min_length, max_length=max_length),
                     AfterValidator(_no_lone_surrogates)]


Key = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_.:@/+-]+$")]
Day = Annotated[date, AfterValidator(_in_range)]
WebAddress = Annotated[str, StringConstraints(max_length=500, pattern=r"^https?://[^\s<>\"']+$")]
Amount = Annotated[int, Field(ge=0, le=1_000_000)]
Name = Annotated[str, StringConstraints(max_length=100, pattern=r"^[A-Za-z0-9_.:@/+-]*$")]   # a key, or ""


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)


class GoalDoc(_Model):
    ssyk: Key
    label: text(300) = ""


class MoneyDoc(_Model):
    scheme: Key
    decided_by: Key
    grant_per_month: Amount
    loan_per_month: Amount
    check_with: list[Key] = Field(default_factory=list, max_length=20)
    estimate: bool = True
    paid_by: Name = ""
    source_url: WebAddress | None = None
    valid_from: Day | None = None
    valid_to: Day | None = None
    year: int | None = Field(default=None, ge=FIRST_DAY.year, le=LAST_DAY.year)
    stale: bool = False


class StepDoc(_Model):
    id: Key
    kind: Literal[STEP_KINDS]
    key: Key
    label: text(300) = ""
    with_whom: Key
    apply_by: Day | None = None
    start: Day | None = None
    finish: Day | None = None
    follow_up: list[Day] = Field(default_factory=list, max_length=200)
    weeks: int = Field(default=0, ge=0, le=1000)
    pace: int = Field(default=100, ge=1, le=100)
    education_id: Key | None = None
    weeks_assumed: bool = False
    notes: list[Key] = Field(default_factory=list, max_length=20)
    money: MoneyDoc | None = None
    after: list[Key] = Field(default_factory=list, max_length=MAX_STEPS)
    form: Name = ""
    level: Name = "none"
    via_af: bool = False
    financing_ids: list[Key] = Field(default_factory=list, max_length=20)


class RemovedDoc(_Model):
    """Steps taken out together, kept so the removal can be undone."""

    steps: list[StepDoc] = Field(max_length=MAX_STEPS)
    repointed: list[tuple[Key, list[Key]]] = Field(default_factory=list, max_length=MAX_STEPS)


class PlanDoc(_Model):
    version: int = Field(default=1, ge=1, le=1)
    goal: GoalDoc
    route_id: Key
    start: Day
    ready_date: Day
    steps: list[StepDoc] = Field(min_length=1, max_length=MAX_STEPS)
    removed: list[RemovedDoc] = Field(default_factory=list, max_length=10)

    @model_validator(mode="after")
    def _steps_agree(self) -> "PlanDoc":
        ids = [s.id for s in self.steps]
        if len(set(ids)) != len(ids):
            raise ValueError("step ids must be unique")
        if sum(1 for s in self.steps if s.kind == "own") > MAX_OWN_STEPS_STORED:
            raise ValueError(f"at most {MAX_OWN_STEPS_STORED} own steps")
        return self


class ProgressDoc(_Model):
    done: list[Key] = Field(default_factory=list, max_length=MAX_STEPS)
    chosen_route: Key | None = None
    chosen_on: Day | None = None


class CommitmentDoc(_Model):
    when: text(10_000) | None = None
    then: text(10_000) | None = None


# --- version 2: the profile behind the plan (the person's answers), by consent ----------------------------
# One typed model per saved answer (``app/plans/answers.py`` names the keys). Unknown fields are
# dropped; every value has its type and bounds, so an imported answer reads like one typed here.

Choice = Key | None
Count = Annotated[int, Field(ge=0, le=100)]


class GoalAnswer(_Model):
    goal: Choice = None


class WorriesAnswer(_Model):
    worries: list[Key] = Field(default_factory=list, max_length=20)


class EducationAnswer(_Model):
    level: Choice = None
    country: Choice = None


class LevelAnswer(_Model):
    level: Choice = None


class HomeAnswer(_Model):
    municipality: text(100) | None = None
    kommunkod: Choice = None
    max_commute: Annotated[int, Field(ge=0, le=1000)] | None = None


class OccupationRow(_Model):
    occupation_id: Choice = None
    label: text(300) = ""
    group_id: Choice = None
    ssyk: Choice = None
    years: Count | None = None
    where: Choice = None


class OccupationsAnswer(_Model):
    occupations: list[OccupationRow] = Field(default_factory=list, max_length=30)
    never_worked: list[Key] = Field(default_factory=list, max_length=5)


class CompetencesAnswer(_Model):
    skills: list[Key] = Field(default_factory=list, max_length=1000)
    none_fit: list[Key] = Field(default_factory=list, max_length=5)


class InterestsAnswer(_Model):
    likes: list[Key] = Field(default_factory=list, max_length=60)


class DriversAnswer(_Model):
    work_with: list[Key] = Field(default_factory=list, max_length=20)
    physical: Choice = None
    place: Choice = None
    hours: Choice = None
    pay: Choice = None
    education_weeks: Choice = None


class TargetRow(_Model):
    group_id: Key
    ssyk: Choice = None
    label: text(300) = ""
    named: bool = False


class TargetsAnswer(_Model):
    targets: list[Key] = Field(default_factory=list, max_length=3)
    details: list[TargetRow] = Field(default_factory=list, max_length=3)


Year = Annotated[int, Field(ge=1900, le=2200)]
Month = Annotated[int, Field(ge=1, le=12)]
Kronor = Annotated[int, Field(ge=0, le=10_000_000)]


class SituationAnswer(_Model):
    birth_year: Year | None = None
    situation: Choice = None
    children: Count | None = None
    income: Kronor | None = None
    driving_licences: list[Key] = Field(default_factory=list, max_length=20)
    upper_secondary: Choice = None


class MoneyAnswer(_Model):
    programme_month: Month | None = None
    programme_year: Year | None = None
    children_born: text(200) | None = None
    permit: Choice = None
    permit_month: Month | None = None
    permit_year: Year | None = None
    work_years: Count | None = None
    work_months_recent: Count | None = None
    income_before: Kronor | None = None
    akassa: Choice = None


class PrioritiesAnswer(_Model):
    priorities: list[Key] = Field(default_factory=list, max_length=20)


class ProfileDoc(_Model):
    """The person's answers, by the keys they are saved under (``app/plans/answers.py``)."""

    model_config = ConfigDict(extra="ignore", strict=True, frozen=True, populate_by_name=True)
    goal: GoalAnswer | None = Field(default=None, alias="upptacka.goal")
    worries: WorriesAnswer | None = Field(default=None, alias="upptacka.worries")
    education: EducationAnswer | None = Field(default=None, alias="inventera.education")
    swedish: LevelAnswer | None = Field(default=None, alias="inventera.swedish")
    swedish_can_do: LevelAnswer | None = Field(default=None, alias="inventera.swedish_can_do")
    home: HomeAnswer | None = Field(default=None, alias="inventera.home")
    occupations: OccupationsAnswer | None = Field(default=None, alias="inventera.occupations")
    competences: CompetencesAnswer | None = Field(default=None, alias="inventera.competences")
    interests: InterestsAnswer | None = Field(default=None, alias="inventera.interests")
    drivers: DriversAnswer | None = Field(default=None, alias="inventera.drivers")
    targets: TargetsAnswer | None = Field(default=None, alias="inventera.targets")
    situation: SituationAnswer | None = Field(default=None, alias="besluta.situation")
    money: MoneyAnswer | None = Field(default=None, alias="besluta.money")
    priorities: PrioritiesAnswer | None = Field(default=None, alias="besluta.priorities")

    def answers(self) -> dict[str, dict]:
        """{answer key: typed data} for every answer the file carries."""
        return {k: v for k, v in self.model_dump(mode="json", by_alias=True).items() if v is not None}


PROFILE_KEYS = tuple(f.alias for f in ProfileDoc.model_fields.values())


def profile_doc(all_answers: dict[str, dict]) -> ProfileDoc:
    """The answers as the file carries them (typed; what does not fit the schema is left out)."""
    fields = {}
    for name, field in ProfileDoc.model_fields.items():
        data = all_answers.get(field.alias)
        if not data:
            continue
        try:
            fields[name] = field.annotation.__args__[0].model_validate_json(json.dumps(data, default=str))
        except (ValidationError, ValueError):
            continue
    return ProfileDoc(**fields)


class SummaryText(_Model):
    title: text(400) = ""
    route: text(600) = ""
    next_steps: list[text(600)] = Field(default_factory=list, max_length=10)
    comments: list[text(1200)] = Field(default_factory=list, max_length=100)


class MeetingSummary(_Model):
    """What a meeting with a counsellor decided (``meeting.summaries``), in the person's language and Swedish."""

    model_config = ConfigDict(extra="ignore", strict=True, frozen=True, populate_by_name=True)
    at: text(40)
    with_: text(300) = Field(default="", alias="with")
    texts: dict[Annotated[str, StringConstraints(max_length=16, pattern=r"^[A-Za-z_@]+$")], SummaryText] = \
        Field(default_factory=dict, max_length=3)


class MeetingSummaries(_Model):
    items: list[MeetingSummary] = Field(default_factory=list, max_length=20)


class PlanFile(_Model):
    schema_: Literal["vagval.plan"] = Field(alias="schema")
    version: int
    exported_at: text(64) | None = None
    plan: PlanDoc
    notes: dict[Key, text(100_000) | None] = Field(default_factory=dict, max_length=MAX_STEPS)
    progress: ProgressDoc | None = None
    commitment: CommitmentDoc | None = None
    # version 2
    profile: ProfileDoc | None = None                 # only when the person ticked it
    meetings: MeetingSummaries | None = None


class _Head(BaseModel):
    """Only what tells which reader applies: any JSON object parses."""

    model_config = ConfigDict(extra="ignore")
    schema_: Any = Field(default=None, alias="schema")
    version: Any = None


class SchemaError(ValueError):
    """``reason``: not_json | wrong_schema | newer_version | invalid."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def parse_file(raw: bytes | str, *, schema: str, version: int) -> PlanFile:
    """The plan file, fully typed, or SchemaError. Invalid UTF-8, lone surrogates and deep
    nesting are "not JSON" (pydantic's parser refuses them, without recursion in Python)."""
    try:
        head = _Head.model_validate_json(raw)
    except ValidationError as err:
        raise SchemaError("not_json" if any(e["type"] == "json_invalid" for e in err.errors())
                          else "wrong_schema") from None
    if head.schema_ != schema:
        raise SchemaError("wrong_schema")
    if not isinstance(head.version, int) or isinstance(head.version, bool) or head.version < 1:
        raise SchemaError("invalid")
    if head.version > version:
        raise SchemaError("newer_version")
    try:
        return PlanFile.model_validate_json(raw)
    except (ValidationError, ValueError):
        raise SchemaError("invalid") from None


def room_for_own_step(plan: Plan) -> bool:
    """Whether the person may add one more step of their own."""
    own = sum(1 for s in plan.steps if s.kind == "own")
    return own < MAX_OWN_STEPS and len(plan.steps) < MAX_STEPS


def plan_doc(data: dict) -> PlanDoc:
    """A plan dict (as stored or as built by the engine), typed; raises ValidationError/ValueError."""
    return PlanDoc.model_validate_json(json.dumps(data, default=str))


def plan_from_stored(data: dict | None) -> Plan | None:
    """The engine Plan for a stored ``besluta.plan``, or None when it is not one we can show
    (stored before these checks existed): a page then says "no plan yet" instead of failing."""
    if not data:
        return None
    try:
        doc = plan_doc({k: v for k, v in data.items() if k != "user_notes"})
    except (ValidationError, ValueError, TypeError):
        import logging

        logging.getLogger(__name__).warning("A stored plan does not match the plan schema; shown as no plan.")
        return None
    return Plan.from_dict(doc.model_dump(mode="json"))
