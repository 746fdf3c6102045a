"""Vägval's domain engine: plain Python, no Flask, no database (see docs/ARCHITECTURE.md)."""
from app.engine.catalog import (
    SKILL_KIND_EXPERIENCE,
    SKILL_KIND_LICENCE,
    SKILL_KIND_TAUGHT,
    SKILL_KINDS,
    Catalog,
    Education,
    Group,
    Skill,
)
from app.engine.gap import (
    EducationCover,
    Explanation,
    Gap,
    PreferenceWeights,
    Preferences,
    Target,
    compute_gap,
    rank_targets,
)
from app.engine.kinds import classify_skill

__all__ = [
    "Catalog", "Education", "Group", "Skill",
    "SKILL_KINDS", "SKILL_KIND_TAUGHT", "SKILL_KIND_LICENCE", "SKILL_KIND_EXPERIENCE",
    "classify_skill",
    "Explanation", "EducationCover", "Gap", "Target", "Preferences", "PreferenceWeights",
    "compute_gap", "rank_targets",
]
