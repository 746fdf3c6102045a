"""The shared Swedish scale and the way from the level a person has to the level a goal needs.

Pure: the scale arrives as plain data (built by ``app.content.catalogue`` from the tables, or by
``app.content.facts.language_scale`` from ``language_levels.yaml`` in tests). See docs/DECISION.md for the rules.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

# Message keys for the UI.
MSG_ENOUGH = "swedish_enough"          # the person already has the level
MSG_FIRST_THEN = "first_then"          # first these language steps, then the goal
MSG_UNKNOWN = "swedish_unknown"        # we don't know the person's level: the school assesses it
MSG_CHECK_MERIT = "swedish_enough_check_merit"  # enough only by a self-assessed (non-formal) level

UNKNOWN = "unknown"
# The course ladder prefers these families when several levels share a rank
# (sas_1 and svenska_1 give the same behörighet; a newcomer takes the sas one).
LADDER_FAMILIES = ("sfi", "sas", "svenska")
# Where each sfi study path starts (Skolverket: path 1 A–D, path 2 B–D, path 3 C–D).
STUDY_PATH_START = {1: "sfi_a", 2: "sfi_b", 3: "sfi_c"}


@dataclass(frozen=True)
class Level:
    id: str
    family: str
    rank: int
    cefr: str | None = None
    formal_merit: bool = True
    course_form: str | None = None          # the education form of the course that gives this level
    course_weeks: int | None = None         # typical weeks at full pace
    weeks_by_study_path: Mapping[str, int] | None = None
    course_status: str | None = None        # fact status of the weeks (secondary, ...)
    source_url: str | None = None


@dataclass(frozen=True)
class LanguageScale:
    levels: tuple[Level, ...]

    def get(self, level_id: str) -> Level:
        for level in self.levels:
            if level.id == level_id:
                return level
        raise KeyError(f"unknown language level {level_id!r}")

    def rank(self, level_id: str | None) -> int:
        if level_id is None:
            return 0
        return self.get(level_id).rank

    def ladder(self) -> tuple[Level, ...]:
        """The course levels, one per rank, lowest first (sfi A … SAS 3)."""
        best: dict[int, Level] = {}
        for level in self.levels:
            if level.course_form is None or level.family not in LADDER_FAMILIES:
                continue
            current = best.get(level.rank)
            if current is None or LADDER_FAMILIES.index(level.family) < LADDER_FAMILIES.index(current.family):
                best[level.rank] = level
        return tuple(best[r] for r in sorted(best))

    @classmethod
    def from_plain(cls, rows: Iterable[Mapping]) -> "LanguageScale":
        return cls(tuple(Level(**dict(row)) for row in rows))


@dataclass(frozen=True)
class LanguageStep:
    level: str            # the level the course gives (sfi_c, sas_grund, ...)
    form: str             # sfi | komvux_grundlaggande | sas | komvux_gymnasial
    weeks: int | None     # typical weeks at full pace (None = unknown)
    weeks_status: str | None = None
    source_url: str | None = None


@dataclass(frozen=True)
class IntegratedOption:
    """An education that teaches Swedish alongside the vocation (e.g. sfi-kombo)."""

    education_id: str
    entry_level: str | None           # the Swedish needed to start it


@dataclass(frozen=True)
class LanguagePath:
    have: str | None
    required: str | None
    enough: bool
    steps: tuple[LanguageStep, ...]
    message_key: str
    unknown: bool = False             # the person's level is unknown: steps assume no Swedish
    check_merit: bool = False         # reached only through a self-assessed (non-formal) level
    integrated_alternatives: tuple[str, ...] = ()   # education ids the person can start instead

    @property
    def weeks(self) -> int:
        return sum(step.weeks or 0 for step in self.steps)

    @property
    def weeks_known(self) -> bool:
        return all(step.weeks is not None for step in self.steps)


def _step_weeks(level: Level, study_path: int | None, first: bool) -> int | None:
    """Weeks for one course. Starting a study path directly on its first course takes that
    path's (longer) time, e.g. path 3 starts on C: 40 weeks instead of 30 after course B."""
    by_path = level.weeks_by_study_path or {}
    if first and study_path is not None and STUDY_PATH_START.get(study_path) == level.id and str(study_path) in by_path:
        return by_path[str(study_path)]
    return level.course_weeks


def language_path(have_level: str | None, required_level: str | None, scale: LanguageScale, *,
                  study_path: int | None = None,
                  integrated: Sequence[IntegratedOption] = ()) -> LanguagePath:
    """The ordered course levels between what the person has and what is required.

    ``have_level`` None or "unknown": the steps assume no Swedish yet (the school assesses the
    level at admission) and the result says so. ``required_level`` None: nothing is required.
    ``study_path`` (1–3) picks the sfi study path: its first course and its weeks.
    ``integrated``: educations that teach Swedish alongside; the ones the person can start with
    the level they have now are listed as alternatives to the language steps.
    """
    unknown = have_level in (None, UNKNOWN)
    have_id = "none" if unknown else have_level
    have_rank = scale.rank(have_id)
    required_rank = scale.rank(required_level)
    have = scale.get(have_id)

    alternatives = tuple(
        opt.education_id for opt in integrated
        if scale.rank(opt.entry_level) <= have_rank and not unknown
    )

    if have_rank >= required_rank:
        check = not have.formal_merit and required_rank > 0
        return LanguagePath(have_level, required_level, True, (), MSG_CHECK_MERIT if check else MSG_ENOUGH,
                            unknown=False, check_merit=check, integrated_alternatives=alternatives)

    start_rank = have_rank
    if study_path in STUDY_PATH_START and have_rank < scale.rank(STUDY_PATH_START[study_path]):
        # Path 2 starts on course B, path 3 on course C: the lower courses are not taken.
        start_rank = scale.rank(STUDY_PATH_START[study_path]) - 1
    steps = []
    for level in scale.ladder():
        if start_rank < level.rank <= required_rank:
            steps.append(LanguageStep(level.id, level.course_form or "", _step_weeks(level, study_path, not steps),
                                      level.course_status, level.source_url))
    if steps and scale.rank(steps[-1].level) < required_rank:
        # The requirement sits between course levels (e.g. a CEFR level): take the next course up.
        higher = [lv for lv in scale.ladder() if lv.rank >= required_rank and lv.id != steps[-1].level]
        if higher:
            lv = higher[0]
            steps.append(LanguageStep(lv.id, lv.course_form or "", lv.course_weeks, lv.course_status, lv.source_url))
    return LanguagePath(have_level, required_level, False, tuple(steps),
                        MSG_UNKNOWN if unknown else MSG_FIRST_THEN, unknown=unknown,
                        integrated_alternatives=alternatives)


def reaches(have_level: str | None, required_level: str | None, scale: LanguageScale) -> bool:
    """True when ``have_level`` is at least ``required_level`` on the scale (unknown never reaches)."""
    if have_level in (None, UNKNOWN):
        return scale.rank(required_level) == 0
    return scale.rank(have_level) >= scale.rank(required_level)
