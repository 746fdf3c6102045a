"""Local job tracks and employer competence profiles as documents: their shape and validation.

One document per item (a plain dict, stored as ``doc`` in ``job_track`` / ``employer_profile``),
checked by the same rules whether it comes from a content file (``flask content load``), the
example set (``flask content load-examples``) or a counsellor's form (``app/jobtracks``). A
problem is ``Problem(path, code, detail)``: ``path`` names the field ("steps.2.education"),
``code`` is a stable key the editor turns into a translated message at that field.

A track::

    id, organisation, ssyk, status (draft|published|closed), title {sv: ...}, description {sv: ...},
    employers [names], industry, place, municipalities [kommunkod],
    steps [{education: <id>} | {label: {sv: ...}, weeks: n, kind: praktik|training|language, teaches: [skill ids]}],
    intake {continuous: bool, dates: [{start: YYYY-MM-DD, apply_by: YYYY-MM-DD}]},
    eligibility {registered_af: bool, swedish_level: <level id> | null, other: {sv: ...}},
    contact {name, email, phone, url, how {sv: ...}}, profile: <profile id> | null,
    valid_from, valid_to, source_url, source_name, example: bool

A profile::

    id, organisation, ssyk, status, employer, title {sv: ...}, municipalities [kommunkod],
    needed [skill ids], learned_on_job [skill ids], swedish_level, contact {...},
    valid_from, valid_to, source_url, source_name, example: bool
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable

TRACK, PROFILE = "track", "profile"
DRAFT, PUBLISHED, CLOSED = "draft", "published", "closed"
STATUSES = (DRAFT, PUBLISHED, CLOSED)
FREE_STEP_KINDS = ("praktik", "training", "language")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{2,63}$")
MAX_STEPS = 12
MAX_STEP_WEEKS = 104
MAX_TEXT = 2000


@dataclass(frozen=True)
class Problem:
    path: str
    code: str          # required | bad_id | unknown_ssyk | unknown_education | unknown_municipality | ...
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.code}" + (f" ({self.detail})" if self.detail else "")


@dataclass(frozen=True)
class Refs:
    """What a document may point at: the catalogue's keys."""
    ssyk: frozenset[str] = frozenset()
    educations: frozenset[str] = frozenset()
    municipalities: frozenset[str] = frozenset()
    levels: frozenset[str] = frozenset()
    skills: frozenset[str] = frozenset()
    profiles: frozenset[str] = frozenset()
    area: frozenset[str] | None = None      # the owner's municipalities (a counsellor's organisation); None = any
    extra: dict = field(default_factory=dict)


def as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def sv_text(value: Any) -> str:
    """The Swedish text of a localised value (a bare string is Swedish)."""
    if isinstance(value, dict):
        return str(value.get("sv") or "")
    return str(value or "")


def _text(doc: dict, key: str, out: list[Problem], required: bool = True) -> None:
    value = sv_text(doc.get(key))
    if required and not value.strip():
        out.append(Problem(key, "required"))
    elif len(value) > MAX_TEXT:
        out.append(Problem(key, "too_long"))


def _common(doc: dict, refs: Refs, today: date, out: list[Problem]) -> None:
    if not isinstance(doc.get("id"), str) or not ID_PATTERN.match(doc["id"]):
        out.append(Problem("id", "bad_id"))
    if not str(doc.get("organisation") or "").strip():
        out.append(Problem("organisation", "required"))
    if doc.get("status", DRAFT) not in STATUSES:
        out.append(Problem("status", "bad_status"))
    ssyk = str(doc.get("ssyk") or "")
    if not re.fullmatch(r"\d{4}", ssyk):
        out.append(Problem("ssyk", "required"))
    elif refs.ssyk and ssyk not in refs.ssyk:
        out.append(Problem("ssyk", "unknown_ssyk", ssyk))
    _text(doc, "title", out)
    municipalities = doc.get("municipalities") or []
    if not isinstance(municipalities, list) or not municipalities:
        out.append(Problem("municipalities", "required"))
    else:
        for i, code in enumerate(municipalities):
            if str(code) not in refs.municipalities:
                out.append(Problem(f"municipalities.{i}", "unknown_municipality", str(code)))
            elif refs.area is not None and str(code) not in refs.area:
                out.append(Problem(f"municipalities.{i}", "outside_area", str(code)))
    level = (doc.get("eligibility") or {}).get("swedish_level") if "eligibility" in doc else doc.get("swedish_level")
    if level and level not in refs.levels:
        out.append(Problem("eligibility.swedish_level" if "eligibility" in doc else "swedish_level", "unknown_level", str(level)))
    start, end = as_date(doc.get("valid_from")), as_date(doc.get("valid_to"))
    if start is None:
        out.append(Problem("valid_from", "required"))
    if end is None:
        out.append(Problem("valid_to", "required"))
    if start and end and end < start:
        out.append(Problem("valid_to", "dates_order"))
    if end and end < today and doc.get("status") != CLOSED:
        out.append(Problem("valid_to", "expired", end.isoformat()))
    contact = doc.get("contact") or {}
    if not isinstance(contact, dict) or not any(str(contact.get(k) or "").strip() for k in ("email", "phone", "url")):
        out.append(Problem("contact", "required"))
    elif contact.get("url") and not str(contact["url"]).startswith("https://"):
        out.append(Problem("contact.url", "bad_url"))
    if doc.get("origin") == "file" and not doc.get("example"):
        # shipped content shows nothing invented: a real item names where it can be checked
        if not str(doc.get("source_url") or "").startswith("https://"):
            out.append(Problem("source_url", "needs_source"))


def track_weeks(doc: dict, education_weeks: dict[str, int | None]) -> int:
    """The track's length in weeks: its steps one after the other (a catalogue education without
    a known length counts as 0 here; the route engine assumes one and says so)."""
    total = 0
    for step in doc.get("steps") or []:
        if isinstance(step, dict) and step.get("education"):
            total += step.get("weeks") or education_weeks.get(step["education"]) or 0
        elif isinstance(step, dict):
            total += int(step.get("weeks") or 0)
    return total


def validate_track(doc: dict, refs: Refs, today: date, education_weeks: dict[str, int | None] | None = None) -> list[Problem]:
    out: list[Problem] = []
    _common(doc, refs, today, out)
    _text(doc, "description", out, required=False)
    employers = doc.get("employers") or []
    if not isinstance(employers, list) or not any(str(e).strip() for e in employers):
        if not str(doc.get("industry") or "").strip():
            out.append(Problem("employers", "required"))
    steps = doc.get("steps") or []
    if not isinstance(steps, list) or not steps:
        out.append(Problem("steps", "required"))
        steps = []
    if len(steps) > MAX_STEPS:
        out.append(Problem("steps", "too_many"))
    for i, step in enumerate(steps):
        if not isinstance(step, dict):
            out.append(Problem(f"steps.{i}", "required"))
            continue
        if step.get("education"):
            if step["education"] not in refs.educations:
                out.append(Problem(f"steps.{i}.education", "unknown_education", str(step["education"])))
            continue
        if not sv_text(step.get("label")).strip():
            out.append(Problem(f"steps.{i}.label", "required"))
        weeks = step.get("weeks")
        if not isinstance(weeks, int) or isinstance(weeks, bool) or not 1 <= weeks <= MAX_STEP_WEEKS:
            out.append(Problem(f"steps.{i}.weeks", "bad_weeks"))
        if step.get("kind", "training") not in FREE_STEP_KINDS:
            out.append(Problem(f"steps.{i}.kind", "bad_kind"))
        for j, skill in enumerate(step.get("teaches") or []):
            if refs.skills and skill not in refs.skills:
                out.append(Problem(f"steps.{i}.teaches.{j}", "unknown_competence", str(skill)))
    _intakes(doc, refs, education_weeks or {}, out)
    eligibility = doc.get("eligibility") or {}
    if not isinstance(eligibility, dict):
        out.append(Problem("eligibility", "required"))
    if doc.get("profile") and doc["profile"] not in refs.profiles:
        out.append(Problem("profile", "unknown_profile", str(doc["profile"])))
    return out


def _intakes(doc: dict, refs: Refs, education_weeks: dict[str, int | None], out: list[Problem]) -> None:
    intake = doc.get("intake") or {}
    if not isinstance(intake, dict):
        out.append(Problem("intake", "required"))
        return
    dates = intake.get("dates") or []
    if intake.get("continuous"):
        if dates:
            out.append(Problem("intake.dates", "continuous_with_dates"))
        return
    if not dates:
        out.append(Problem("intake", "no_intake"))
        return
    starts = []
    valid_from, valid_to = as_date(doc.get("valid_from")), as_date(doc.get("valid_to"))
    for i, d in enumerate(dates):
        start = as_date((d or {}).get("start")) if isinstance(d, dict) else None
        if start is None:
            out.append(Problem(f"intake.dates.{i}.start", "required"))
            continue
        apply_by = as_date(d.get("apply_by"))
        if d.get("apply_by") and (apply_by is None or apply_by > start):
            out.append(Problem(f"intake.dates.{i}.apply_by", "apply_after_start"))
        if (valid_from and start < valid_from) or (valid_to and start > valid_to):
            out.append(Problem(f"intake.dates.{i}.start", "intake_outside_validity"))
        starts.append((start, i))
    weeks = track_weeks(doc, education_weeks)
    starts.sort()
    for (a, _ia), (b, ib) in zip(starts, starts[1:]):
        # one group at a time: the next intake starts after the previous group has gone through the chain
        if b < a + timedelta(weeks=max(weeks, 1)):
            out.append(Problem(f"intake.dates.{ib}.start", "overlapping_intakes", f"{a.isoformat()} / {b.isoformat()}"))


def validate_profile(doc: dict, refs: Refs, today: date) -> list[Problem]:
    out: list[Problem] = []
    _common(doc, refs, today, out)
    if not str(doc.get("employer") or "").strip():
        out.append(Problem("employer", "required"))
    needed = doc.get("needed") or []
    if not isinstance(needed, list) or not needed:
        out.append(Problem("needed", "required"))
        needed = []
    for key in ("needed", "learned_on_job"):
        for j, skill in enumerate(doc.get(key) or []):
            if refs.skills and skill not in refs.skills:
                out.append(Problem(f"{key}.{j}", "unknown_competence", str(skill)))
    if set(doc.get("learned_on_job") or []) - set(needed):
        # learned on the job is a part of what the work takes: the person need not bring it
        out.append(Problem("learned_on_job", "learned_not_needed"))
    return out


def validate(kind: str, doc: dict, refs: Refs, today: date, education_weeks: dict | None = None) -> list[Problem]:
    return validate_track(doc, refs, today, education_weeks) if kind == TRACK else validate_profile(doc, refs, today)


def profile_ids(docs: Iterable[dict]) -> frozenset[str]:
    return frozenset(str(d.get("id")) for d in docs if isinstance(d, dict))
