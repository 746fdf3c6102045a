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
           "PlanFile", "SchemaError", "parse_file", "plan_from_stored", "ValidationError"]

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


class PlanFile(_Model):
    schema_: Literal["vagval.plan"] = Field(alias="schema")
    version: int
    exported_at: text(64) | None = None
    plan: PlanDoc
    notes: dict[Key, text(100_000) | None] = Field(default_factory=dict, max_length=MAX_STEPS)
    progress: ProgressDoc | None = None
    commitment: CommitmentDoc | None = None


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
