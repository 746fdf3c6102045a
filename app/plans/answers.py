"""Typed accessors for the saved answers: one dataclass per area, each answer key defined once.

Answers are stored per step as ``"<flow>.<step>"`` (``store.save_answers``). Every other module
reads them through these accessors, never by string key, so a flow never reads another flow's
keys: Besluta asks ``Inventera.of(answers).swedish_level`` instead of looking inside
``"inventera.swedish"``. tests/test_plan_answers.py checks each key against the flows' steps.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# --- the keys (flow "." step key) ------------------------------------------------------------------
GOAL = "upptacka.goal"
WORRIES = "upptacka.worries"
EDUCATION = "inventera.education"
SWEDISH = "inventera.swedish"
SWEDISH_CAN_DO = "inventera.swedish_can_do"
HOME = "inventera.home"
OCCUPATIONS = "inventera.occupations"
COMPETENCES = "inventera.competences"
INTERESTS = "inventera.interests"
DRIVERS = "inventera.drivers"
TARGETS = "inventera.targets"            # chosen on the results page (not a question)
SITUATION = "besluta.situation"
MONEY = "besluta.money"                  # money over time: programme start, children's years, permit, work
PRIORITIES = "besluta.priorities"
PLAN = "besluta.plan"                    # the chosen route: Plan.to_dict() + user_notes
PROGRESS = "agera.progress"              # {"done": [step ids], "chosen_route": id, "chosen_on": iso}
COMMITMENT = "agera.commitment"          # the if-then sentence
MEETING_SUMMARIES = "meeting.summaries"  # {"items": [...]}: what each meeting with a counsellor decided
NOT_QUESTIONS = (TARGETS, PLAN, PROGRESS, MEETING_SUMMARIES)   # saved by a page, not by a question step
FIRST_LANGUAGE, FIRST_LANGUAGE_LEVEL = "native", "svenska_3"    # "Swedish is my first language": the top

Answers = dict[str, dict]


def _get(answers: Answers, key: str) -> dict:
    return answers.get(key) or {}


@dataclass(frozen=True)
class Upptacka:
    """Discovering: the quick check (goal, worries)."""
    goal: dict | None = None
    worries: dict | None = None

    @classmethod
    def of(cls, answers: Answers) -> Upptacka:
        return cls(goal=answers.get(GOAL), worries=answers.get(WORRIES))


@dataclass(frozen=True)
class Inventera:
    """Taking stock: education, Swedish, home, jobs, competences, interests, drivers, targets."""
    education_level: str | None = None           # none | compulsory | upper_secondary | post_secondary
    education_country: str | None = None         # sweden | abroad | both
    swedish_answer: str | None = None            # the level as answered ("unknown" = "I don't know")
    swedish_level: str | None = None             # the level, after "Which sentence fits?"; None if unknown
    home: dict | None = None                     # {"municipality", "kommunkod", "max_commute"}
    jobs: tuple[dict, ...] = ()                  # [{"occupation_id", "label", "group_id", "ssyk", "years", "where"}]
    skills: tuple[str, ...] = ()                 # ticked competences (skill ids)
    likes: tuple[str, ...] = ()
    drivers: dict | None = None
    targets: tuple[dict, ...] = ()               # [{"group_id", "ssyk", "label"}], 1–3
    target_ids: tuple[str, ...] = ()

    @classmethod
    def of(cls, answers: Answers) -> Inventera:
        education, swedish = _get(answers, EDUCATION), _get(answers, SWEDISH)
        level = swedish.get("level")
        if level == FIRST_LANGUAGE:
            level = FIRST_LANGUAGE_LEVEL
        if level == "unknown":
            level = _get(answers, SWEDISH_CAN_DO).get("level")
        saved_targets = _get(answers, TARGETS)
        return cls(
            education_level=education.get("level"), education_country=education.get("country"),
            swedish_answer=swedish.get("level"), swedish_level=level if level and level != "unknown" else None,
            home=answers.get(HOME), jobs=tuple(_get(answers, OCCUPATIONS).get("occupations") or ()),
            skills=tuple(_get(answers, COMPETENCES).get("skills") or ()),
            likes=tuple(_get(answers, INTERESTS).get("likes") or ()), drivers=answers.get(DRIVERS),
            targets=tuple(d for d in saved_targets.get("details") or () if d.get("ssyk")),
            target_ids=tuple(saved_targets.get("targets") or ()))

    @property
    def upper_secondary(self) -> bool | None:
        """Whether the education answer tells if there is a 3-year upper secondary education:
        yes after post-secondary studies, no without upper secondary; else None (ask)."""
        if self.education_level == "post_secondary":
            return True
        if self.education_level in ("none", "compulsory"):
            return False
        return None

    @property
    def job_group_ids(self) -> list[str]:
        return [j["group_id"] for j in self.jobs if j.get("group_id")]

    @property
    def named_goals(self) -> frozenset[str]:
        """SSYK codes of the targets the person named ("I want to become ...", saved ``named``)."""
        return frozenset(t["ssyk"] for t in self.targets if t.get("named"))


@dataclass(frozen=True)
class Besluta:
    """Deciding: the situation question, money over time, the priorities, the chosen plan."""
    situation: dict | None = None    # {"birth_year", "situation", "children", "income", "upper_secondary"}
    money: dict | None = None        # {"programme_month", "programme_year", "children_born", "permit", ...}
    priorities: dict | None = None
    plan: dict | None = None

    @classmethod
    def of(cls, answers: Answers) -> Besluta:
        return cls(situation=answers.get(SITUATION), money=answers.get(MONEY), priorities=answers.get(PRIORITIES),
                   plan=answers.get(PLAN))

    @property
    def children(self) -> int:
        return int((self.situation or {}).get("children") or 0)

    @property
    def situation_done(self) -> bool:
        return bool(self.situation and self.situation.get("birth_year"))

    @property
    def income(self) -> int:
        return int((self.situation or {}).get("income") or 0)

    @property
    def income_known(self) -> int | None:
        """The income now, or None when the person left it empty (never taken as 0 kr)."""
        value = (self.situation or {}).get("income")
        return None if value in (None, "") else int(value)

    @property
    def has_plan(self) -> bool:
        return self.plan is not None


@dataclass(frozen=True)
class Agera:
    """Acting: progress on the plan's steps and the if-then commitment."""
    progress: dict | None = None
    commitment: dict | None = None

    @classmethod
    def of(cls, answers: Answers) -> Agera:
        return cls(progress=answers.get(PROGRESS), commitment=answers.get(COMMITMENT))


def get(answers: Answers, key: str) -> dict[str, Any]:
    """One step's saved answer (empty when not answered)."""
    return _get(answers, key)
