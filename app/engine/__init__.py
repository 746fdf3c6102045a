"""Vägval's domain engine: plain Python, no Flask, no database (see docs/ARCHITECTURE.md)."""
from app.engine.catalog import Catalog, Education, Group, Skill
from app.engine.financing import (
    FinancingEstimate,
    FinancingFacts,
    FinancingOption,
    HouseholdView,
    Person,
    StudyStep,
    estimate_financing,
    household_view,
)
from app.engine.gap import (
    EducationCover,
    Explanation,
    Gap,
    Preferences,
    PreferenceWeights,
    Target,
    compute_gap,
    rank_targets,
)
from app.engine.kinds import SKILL_KIND_EXPERIENCE, SKILL_KIND_LICENCE, SKILL_KIND_TAUGHT, SKILL_KINDS, classify_skill
from app.engine.language import (
    IntegratedOption,
    LanguagePath,
    LanguageScale,
    LanguageStep,
    Level,
    language_path,
)
from app.engine.plan import Goal, Plan, PlanStep, build_plan
from app.engine.routes import (
    Route,
    RouteComparison,
    RouteEducation,
    RouteInputs,
    RouteOccupation,
    RouteStep,
    SkippedStep,
    build_routes,
    compare_routes,
)

__all__ = [
    "Catalog", "Education", "Group", "Skill",
    "SKILL_KINDS", "SKILL_KIND_TAUGHT", "SKILL_KIND_LICENCE", "SKILL_KIND_EXPERIENCE",
    "classify_skill",
    "Explanation", "EducationCover", "Gap", "Target", "Preferences", "PreferenceWeights",
    "compute_gap", "rank_targets",
    # issue 5 (Besluta): language, financing, routes, plan
    "Level", "LanguageScale", "LanguageStep", "LanguagePath", "IntegratedOption", "language_path",
    "Person", "StudyStep", "FinancingFacts", "FinancingOption", "FinancingEstimate", "HouseholdView",
    "estimate_financing", "household_view",
    "RouteInputs", "RouteEducation", "RouteOccupation", "RouteStep", "SkippedStep", "Route",
    "RouteComparison", "build_routes", "compare_routes",
    "Goal", "Plan", "PlanStep", "build_plan",
]
