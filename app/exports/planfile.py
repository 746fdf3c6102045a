"""The plan as a versioned JSON file, and reading one back (docs/EXPORT.md is the schema).

``import_plan`` trusts nothing: the file must be this schema, a version we know, and a plan the
engine can read; notes, progress and the commitment are checked and cut to what the app allows.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timezone
from typing import Any

from app.engine import Plan

SCHEMA = "vagval.plan"
VERSION = 1
MAX_NOTE = 500
MAX_COMMITMENT = 200


class ImportError_(ValueError):
    """A file that cannot become a plan; ``reason`` is one of: not_json, wrong_schema,
    newer_version, invalid."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def export_plan(plan: dict[str, Any], *, notes: dict | None = None, progress: dict | None = None,
                commitment: dict | None = None, now: datetime | None = None) -> dict[str, Any]:
    plan = {k: v for k, v in plan.items() if k != "user_notes"}
    progress = progress or {}
    return {
        "schema": SCHEMA, "version": VERSION,
        "exported_at": (now or datetime.now(timezone.utc)).replace(microsecond=0).isoformat(),
        "plan": plan,
        "notes": {k: v for k, v in (notes or {}).items() if v},
        "progress": {"done": list(progress.get("done") or []), "chosen_route": progress.get("chosen_route"),
                     "chosen_on": progress.get("chosen_on")},
        "commitment": {k: (commitment or {}).get(k) for k in ("when", "then")} if commitment else None,
    }


def _text(value: Any, limit: int) -> str:
    if not isinstance(value, str):
        raise ImportError_("invalid")
    return value[:limit]


def import_plan(raw: bytes | str) -> dict[str, Any]:
    """The file's parts, checked: {"plan": Plan.to_dict(), "notes", "progress", "commitment"}."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise ImportError_("not_json") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ImportError_("wrong_schema")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportError_("invalid")
    if version > VERSION:
        raise ImportError_("newer_version")
    try:
        plan = Plan.from_dict(data["plan"])
        if not plan.steps or len(plan.steps) > 100:
            raise ValueError("steps")
        plan_dict = plan.to_dict()
    except (KeyError, TypeError, ValueError, AttributeError):
        raise ImportError_("invalid") from None
    ids = {s.id for s in plan.steps}
    notes_in = data.get("notes") or {}
    progress_in = data.get("progress") or {}
    commitment_in = data.get("commitment")
    if not isinstance(notes_in, dict) or not isinstance(progress_in, dict):
        raise ImportError_("invalid")
    notes = {k: _text(v, MAX_NOTE) for k, v in notes_in.items() if k in ids and v}
    done = progress_in.get("done") or []
    if not isinstance(done, list):
        raise ImportError_("invalid")
    progress: dict[str, Any] = {"done": [d for d in done if d in ids]}
    if progress_in.get("chosen_route") == plan.route_id:
        try:
            progress["chosen_on"] = date.fromisoformat(progress_in.get("chosen_on") or "").isoformat()
            progress["chosen_route"] = plan.route_id
        except (TypeError, ValueError):
            pass
    commitment = None
    if commitment_in:
        if not isinstance(commitment_in, dict):
            raise ImportError_("invalid")
        commitment = {k: _text(commitment_in.get(k) or "", MAX_COMMITMENT) for k in ("when", "then")}
        if not all(commitment.values()):
            commitment = None
    return {"plan": plan_dict, "notes": notes, "progress": progress, "commitment": commitment}
