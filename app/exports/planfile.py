"""The plan as a versioned JSON file, and reading one back (docs/EXPORT.md is the schema).

``import_plan`` trusts nothing: the whole file is validated against the typed schema in
``app.plans.schema`` (strict types, dates the app can compute with, bounded counts) before
anything is stored; notes, progress and the commitment are checked and cut to what the app allows.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from app.engine import Plan
from app.plans import schema

SCHEMA = "vagval.plan"
VERSION = 2           # 2 adds "profile" (the person's answers, by consent) and "meetings"; 1 still reads
MAX_NOTE = schema.MAX_NOTE
MAX_COMMITMENT = schema.MAX_COMMITMENT
MAX_FILE_BYTES = schema.MAX_FILE_BYTES


class ImportError_(ValueError):
    """A file that cannot become a plan; ``reason`` is one of: not_json, wrong_schema,
    newer_version, invalid."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def export_plan(plan: dict[str, Any], *, notes: dict | None = None, progress: dict | None = None,
                commitment: dict | None = None, now: datetime | None = None,
                profile: dict[str, dict] | None = None, meetings: dict | None = None) -> dict[str, Any]:
    """The plan file. ``profile`` (all the person's answers) only when they ticked it; ``meetings``
    the summaries of meetings with a counsellor."""
    plan = {k: v for k, v in plan.items() if k != "user_notes"}
    progress = progress or {}
    extra = {"profile": schema.profile_doc(profile).answers() if profile is not None else None,
             "meetings": schema.MeetingSummaries.model_validate_json(json.dumps(meetings)).model_dump(
                 mode="json", by_alias=True) if meetings and meetings.get("items") else None}
    return {
        "schema": SCHEMA, "version": VERSION,
        "exported_at": (now or datetime.now(timezone.utc)).replace(microsecond=0).isoformat(),
        "plan": plan,
        "notes": {k: v for k, v in (notes or {}).items() if v},
        "progress": {"done": list(progress.get("done") or []), "chosen_route": progress.get("chosen_route"),
                     "chosen_on": progress.get("chosen_on")},
        "commitment": {k: (commitment or {}).get(k) for k in ("when", "then")} if commitment else None,
        **extra,
    }


def import_plan(raw: bytes | str) -> dict[str, Any]:
    """The file's parts, checked against the typed schema (``app.plans.schema``):
    {"plan": Plan.to_dict(), "notes", "progress", "commitment", "profile": {answer key: data} or None,
    "meetings": {"items": [...]} or None}. A version-1 file has neither profile nor meetings."""
    try:
        doc = schema.parse_file(raw, schema=SCHEMA, version=VERSION)
    except schema.SchemaError as err:
        raise ImportError_(err.reason) from None
    plan = Plan.from_dict(doc.plan.model_dump(mode="json"))
    ids = {s.id for s in plan.steps}
    notes = {k: v[:MAX_NOTE] for k, v in doc.notes.items() if k in ids and v}
    progress_in = doc.progress or schema.ProgressDoc()
    progress: dict[str, Any] = {"done": [d for d in dict.fromkeys(progress_in.done) if d in ids]}
    if progress_in.chosen_route == plan.route_id and progress_in.chosen_on is not None:
        progress["chosen_on"] = progress_in.chosen_on.isoformat()
        progress["chosen_route"] = plan.route_id
    commitment = None
    if doc.commitment is not None:
        commitment = {k: (getattr(doc.commitment, k) or "")[:MAX_COMMITMENT] for k in ("when", "then")}
        if not all(commitment.values()):
            commitment = None
    profile = doc.profile.answers() if doc.profile is not None else None
    meetings = doc.meetings.model_dump(mode="json", by_alias=True) if doc.meetings and doc.meetings.items else None
    return {"plan": plan.to_dict(), "notes": notes, "progress": progress, "commitment": commitment,
            "profile": profile, "meetings": meetings}
