"""Competence gap for one occupation group, and ranking of all groups as targets.

Pure functions over a ``Catalog`` (see ``app.engine.catalog``); no Flask, no database.

Scoring (see docs/ENGINE.md for the measurements behind it)
-----------------------------------------------------------
Every skill has a weight ``w(s)`` = specificity (an IDF) x kind evidence (licence 1.5,
taught 1, experience 0.5; ``app.engine.index``). For a person with skills ``H`` and a group
with profile ``P``::

    coverage   = sum(w(s) for s in H & P) / sum(w(s) for s in P)        # how much of the target
    similarity = sum(w(s)**2 for s in H & P) / (|P|_w * |H|_w)          # weighted cosine
    match      = sum(w(s)**2 for s in H & P) / (|P|_w**0.5 * M**0.5 * |H|_w)   # 0..1
    family     = the same cosine against the group's SSYK level-3 family (shown, not ranked)

``M`` is the largest profile norm of the catalogue, so ``match`` stays in 0..1 and orders
groups like the pivoted cosine ``dot / (|P|**0.5 |H|)``: a long profile is not punished for
listing many specialities, and a short profile that shares one common skill does not float
up. The SSYK family term no longer ranks (``FAMILY_WEIGHT = 0``): the expert
substitutability judgements do not share it (docs/ENGINE.md).

With no preferences, ``score == match``. With ``Preferences``, the score is
``(match + PRIOR_WEIGHT * prior) * factor``: the prior (interest fit and how reachable the
work is with the person's education) orders the groups the person's competences say nothing
about, and each criterion multiplies a factor (interests, outlook, education length and
level, Swedish, commute); the pure match stays visible as ``Target.match_score``.

Explanation keys (``Explanation.key``; the Flask layer turns them into sentences)
-------------------------------------------------------------------------------
Skill ids in params are JobTech concept ids; the presentation layer looks up labels.

``have_n_of_m``        params: have, total (of the group's *core* competences,
                        ``app.engine.core``), share (have/total, 0..1), missing (ids, at most
                        ``MISSING_SHOWN``, core order), more_missing. "You already have {have}
                        of the {total} core competences ({share}); missing: ...".
``have_all_of_m``      same params; the person has every core competence.
``have_none_of_m``     same params; the person has none of them.
``missing_taught``     params: count, skills (ids), covered (ids an education in the catalogue
                        gives), uncovered (ids no catalogue education gives).
``missing_licence``    params: count, skills (ids) - licences/certificates to obtain.
``missing_experience`` params: count, skills (ids) - gained by working (workplace, practice).
``education_covers``   params: education (id), form, weeks, skills (missing ids it gives),
                        leads_to (bool: the education leads to this group's SSYK code).
Preference reasons (``Target.reasons``), each with ``factor`` (the multiplier applied):
``named_goal``         params: none; the person named this occupation as a goal.
``interest_fit``       params: fit (0..1), letters (the group's leading RIASEC letters).
``outlook``            params: outlook (-1..1).
``education_too_long`` params: weeks (shortest catalogue education leading here), max_weeks.
``education_fits``     params: weeks, max_weeks.
``education_level_above`` params: required (level id), level (the person's), steps.
``education_level_ok`` params: required, level.
``no_education_needed`` params: names (occupation names in the group needing no formal
                        education), total (occupation names in the group).
``swedish_below``      params: required (level id), level (the person's level id), steps.
``swedish_ok``         params: required, level.
``commute``            params: reachable (0..1 share of the group's jobs within commute).
"""
from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Iterable, Mapping

from app.engine.catalog import Catalog, Group
from app.engine.core import CORE_MAX, central_order, core_competences, core_of_position
from app.engine.index import CatalogIndex, index_for
from app.engine.kinds import SKILL_KIND_EXPERIENCE, SKILL_KIND_LICENCE, SKILL_KIND_TAUGHT, SKILL_KINDS
from app.engine.levels import EDUCATION_RANK, HIGHER_EDUCATION, UNIVERSITY_SWEDISH, required_education

MATCH_ALPHA = 0.0      # weight of coverage vs. similarity (measured best: 0, see docs/ENGINE.md)
FAMILY_WEIGHT = 0.0    # weight of the SSYK-family similarity in the match (0: shown, not ranked)
MOST_IMPORTANT = CORE_MAX   # "the competences that matter most here": at most this many core competences
MISSING_SHOWN = 5      # missing ids listed in the headline explanation
PRIOR_WEIGHT = 0.05    # with preferences: how much the prior (interests, reachable education) adds to the match

RIASEC = "RIASEC"

# A group's RIASEC leaning from its SSYK 2012 code: the 2-digit sub-major group if listed,
# else the 1-digit major group. A coarse, documented heuristic (shares sum to 1).
RIASEC_BY_SSYK: Mapping[str, Mapping[str, float]] = {
    "0": {"R": 0.6, "S": 0.2, "C": 0.2},             # armed forces
    "1": {"E": 0.6, "C": 0.3, "S": 0.1},             # managers
    "2": {"I": 0.5, "S": 0.3, "A": 0.2},             # professionals (university level)
    "21": {"I": 0.6, "R": 0.2, "C": 0.2},            # science and engineering
    "22": {"S": 0.5, "I": 0.5},                      # health
    "23": {"S": 0.7, "I": 0.2, "A": 0.1},            # teaching
    "24": {"E": 0.4, "C": 0.4, "I": 0.2},            # business and administration
    "25": {"I": 0.6, "C": 0.3, "R": 0.1},            # ICT
    "26": {"A": 0.4, "S": 0.3, "I": 0.3},            # legal, social, cultural
    "3": {"R": 0.3, "I": 0.3, "C": 0.2, "E": 0.2},   # associate professionals
    "31": {"R": 0.5, "I": 0.4, "C": 0.1},
    "32": {"S": 0.6, "I": 0.2, "R": 0.2},
    "33": {"E": 0.5, "C": 0.5},
    "34": {"S": 0.4, "A": 0.4, "E": 0.2},
    "35": {"R": 0.4, "I": 0.4, "C": 0.2},
    "4": {"C": 0.8, "E": 0.1, "S": 0.1},             # clerical support
    "5": {"S": 0.6, "E": 0.4},                       # service, care and sales
    "51": {"S": 0.5, "R": 0.3, "A": 0.2},
    "52": {"E": 0.7, "C": 0.3},
    "53": {"S": 0.9, "R": 0.1},
    "54": {"R": 0.5, "S": 0.5},
    "6": {"R": 0.9, "I": 0.1},                       # agriculture, forestry, fishery
    "7": {"R": 0.8, "A": 0.1, "I": 0.1},             # building, manufacturing crafts
    "8": {"R": 0.8, "C": 0.2},                       # machine operators, drivers
    "9": {"R": 0.9, "S": 0.1},                       # elementary occupations
}


@dataclass(frozen=True)
class Explanation:
    """A message key plus the numbers and ids it needs; translated by the Flask layer."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class PreferenceWeights:
    """How strongly each criterion can move a suggestion (0 = ignored)."""

    interest: float = 0.5    # factor 1 - w/2 .. 1 + w/2
    outlook: float = 0.3     # factor 1 - w/2 .. 1 + w/2
    education: float = 0.4   # factor 1 - w when the shortest route is longer than wanted
    education_level: float = 0.75  # factor down to 1 - w (three levels or more) when the work asks for more education than the person has
    language: float = 0.3    # factor down to 1 - w when Swedish is below the requirement
    commute: float = 0.3     # factor 1 - w when nothing is within reach


@dataclass(frozen=True)
class Preferences:
    """What shapes the suggestion list beyond the competence match.

    interests: RIASEC letter -> weight (>= 0), e.g. {"S": 1.0, "A": 0.5}.
    max_education_weeks: the longest education (full-pace weeks) the person wants.
    swedish_level: the person's level id on ``Catalog.language_levels``.
    language_requirements: SSYK code -> required level id (overrides the catalogue's).
    outlook: SSYK code -> -1 (poor) .. +1 (good).
    commute: SSYK code -> share 0..1 of the group's jobs within the person's commute.
    education_level: the person's highest completed education (``app.engine.levels``:
        none, compulsory, upper_secondary, post_secondary), or None when not known.
    education_requirements: SSYK code -> level id the work asks for (overrides the catalogue's).
    goals: SSYK codes the person named as goals ("I want to become ..."): never held back by
        the education level, and marked with a ``named_goal`` reason.
    """

    interests: Mapping[str, float] = field(default_factory=dict)
    max_education_weeks: int | None = None
    swedish_level: str | None = None
    language_requirements: Mapping[str, str] = field(default_factory=dict)
    outlook: Mapping[str, float] = field(default_factory=dict)
    commute: Mapping[str, float] = field(default_factory=dict)
    weights: PreferenceWeights = field(default_factory=PreferenceWeights)
    education_level: str | None = None
    education_requirements: Mapping[str, str] = field(default_factory=dict)
    goals: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Target:
    """One occupation group as a suggestion, with its score and why."""

    group_id: str
    ssyk: str
    label: str
    score: float                 # final score (match x preference factor); higher is better
    match_score: float           # pure competence match, 0..1 (pivoted weighted cosine)
    coverage: float              # weighted share of the profile the person has
    similarity: float            # weighted cosine between the person and the profile
    family_similarity: float     # weighted cosine with the group's SSYK level-3 family (not ranked)
    have: frozenset[str]         # profile skill ids the person has
    missing: frozenset[str]      # profile skill ids the person lacks
    explanation: Explanation     # the headline "have n of m" explanation
    reasons: tuple[Explanation, ...] = ()   # how preferences moved it
    preference_factor: float = 1.0

    @property
    def is_match(self) -> bool:
        """True when the person shares at least one competence with the group. A target
        without any is a suggestion (by interests, reachable education), never a "match"."""
        return bool(self.have)

    def __getattr__(self, name: str):
        # Called only when normal lookup fails. ``rank_targets`` leaves ``missing`` and
        # ``explanation`` to be computed on first access (a set difference per group was most
        # of the ranking time, and the core of a group is computed on first use); equality,
        # repr, ``asdict``, ``replace`` and pickling all read attributes, so they see the
        # full value.
        lazy = self.__dict__.get("_lazy")
        if lazy is None or name not in ("missing", "explanation"):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        profile, catalog, pos = lazy
        values = self.__dict__
        values["missing"] = profile - values["have"]
        values["explanation"] = _headline(core_of_position(index_for(catalog), catalog, pos), values["have"])
        del values["_lazy"]
        return values[name]

    def __getstate__(self):
        self.missing, self.explanation  # noqa: B018 - complete the lazy fields before pickling
        return self.__dict__


@dataclass(frozen=True)
class EducationCover:
    """A catalogue education and the missing competences it gives."""

    education_id: str
    label: str
    form: str
    weeks: int
    skills: tuple[str, ...]      # missing skill ids it gives, most central first
    leads_to: bool               # the education leads to this group's SSYK code


@dataclass(frozen=True)
class Gap:
    group_id: str
    ssyk: str
    label: str
    have: frozenset[str]
    missing: frozenset[str]
    missing_by_kind: Mapping[str, tuple[str, ...]]   # kind -> missing ids, most central first (core.central_order)
    most_important: tuple[str, ...]                  # the core competences (app.engine.core), core order
    most_important_have: tuple[str, ...]
    most_important_missing: tuple[str, ...]
    coverage: float              # IDF-weighted share of the profile the person has
    count_coverage: float        # plain share len(have) / len(profile)
    match_score: float
    educations: tuple[EducationCover, ...]           # best cover first
    covered_by: Mapping[str, tuple[str, ...]]        # missing id -> education ids giving it
    explanations: tuple[Explanation, ...]
    core_share: float = 0.0      # len(most_important_have) / len(most_important)
    # the missing competences outside the core, by kind, most central first ("the rest, below")
    other_missing_by_kind: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


# --------------------------------------------------------------------------- helpers


def _skill_set(have: Iterable[str]) -> frozenset[str]:
    if isinstance(have, str):   # a lone id would silently become a set of characters
        raise TypeError("have must be a collection of skill ids, not a single string")
    return frozenset(have)


def _group(catalog: Catalog, group_id: str) -> Group:
    group = catalog.groups.get(group_id)
    if group is None:
        for candidate in catalog.groups.values():
            if candidate.ssyk == group_id:
                return candidate
        raise KeyError(f"unknown occupation group: {group_id!r}")
    return group


def _headline(core: tuple[str, ...], have: frozenset[str] | set[str],
              most_important: int = MOST_IMPORTANT) -> Explanation:
    top = core[:most_important]
    missing = [s for s in top if s not in have]
    n_have = len(top) - len(missing)
    if not missing:
        key = "have_all_of_m"
    elif n_have == 0:
        key = "have_none_of_m"
    else:
        key = "have_n_of_m"
    shown = tuple(missing[:MISSING_SHOWN])
    return Explanation(key, {
        "have": n_have,
        "total": len(top),
        "share": round(n_have / len(top), 3) if top else 0.0,
        "missing": shown,
        "more_missing": len(missing) - len(shown),
    })


def _accumulate(index: CatalogIndex, have: Iterable[str]):
    """Dot products of the person's skills with every group and family, via the postings.

    Returns (dot1, dot2, family_dot, have_sq, hits): per group the sum of weights and of
    squared weights of shared skills, per family the sum of squared weights, the person's
    squared norm, and per group position the shared skill ids. Summation order is fixed
    (sorted ids), so results are bit-for-bit reproducible.
    """
    dot1 = [0.0] * len(index.groups)
    dot2 = list(dot1)
    fam_dot = [0.0] * len(index.families)
    weight = index.weight
    postings = index.postings
    family_postings = index.family_postings
    hits: dict[int, list[str]] = {}
    have_sq = 0.0
    for skill_id in sorted(set(have)):
        w = weight.get(skill_id)
        if w is None:
            continue
        w2 = w * w
        have_sq += w2
        for pos in postings.get(skill_id, ()):
            dot1[pos] += w
            dot2[pos] += w2
            if pos in hits:
                hits[pos].append(skill_id)
            else:
                hits[pos] = [skill_id]
        for pos in family_postings.get(skill_id, ()):
            fam_dot[pos] += w2
    return dot1, dot2, fam_dot, have_sq, hits


def _sparse_match(index: CatalogIndex, have: Iterable[str], alpha: float, family_weight: float,
                  match_norm: tuple[float, ...] | None = None):
    """The match of every group, computing the group's own terms only where it shares skills.

    ``match_norm`` (per group) divides the shared weight; the index's pivoted norms by
    default (``index.norm`` gives the plain cosine). Returns (match, family_similarity per
    family, own terms {position: (coverage, similarity)}, hits {position: shared skill ids}).
    """
    dot1, dot2, fam_dot, have_sq, hits = _accumulate(index, have)
    if not have_sq:
        return [0.0] * len(index.groups), [0.0] * len(index.families), {}, {}
    have_norm = math.sqrt(have_sq)
    fam_sim = [d / (n * have_norm) if n else 0.0 for d, n in zip(fam_dot, index.family_norm)]
    if family_weight:
        match = [family_weight * fam_sim[f] for f in index.group_family]
    else:
        match = [0.0] * len(index.groups)
    own = 1.0 - family_weight
    beta = 1.0 - alpha
    total, norm = index.total, index.norm
    divisor = match_norm or index.match_norm
    terms: dict[int, tuple[float, float]] = {}
    for pos in hits:
        d2 = dot2[pos]
        coverage = dot1[pos] / total[pos]
        terms[pos] = (coverage, d2 / (norm[pos] * have_norm))
        match[pos] += own * (alpha * coverage + beta * d2 / (divisor[pos] * have_norm))
    return match, fam_sim, terms, hits


def _group_match(index: CatalogIndex, pos: int, have: Iterable[str], alpha: float,
                 family_weight: float) -> tuple[float, float]:
    """(match, coverage) of the one group at ``pos``: the figures ``_sparse_match`` gives it,
    without scoring every other group (``compute_gap`` needs one group only).

    The same sums in the same order (sorted ids, as ``_accumulate``) and the same operations
    as ``_sparse_match``, so both figures are the same floats to the last bit.
    """
    weight = index.weight
    profile = index.groups[pos].profile
    family = index.group_family[pos]
    family_postings = index.family_postings
    dot1 = dot2 = fam_dot = have_sq = 0.0
    hit = False
    for skill_id in sorted(set(have)):
        w = weight.get(skill_id)
        if w is None:
            continue
        w2 = w * w
        have_sq += w2
        if skill_id in profile:          # pos is in the skill's postings
            dot1 += w
            dot2 += w2
            hit = True
        if family_weight and family in family_postings.get(skill_id, ()):
            fam_dot += w2
    if not have_sq:
        return 0.0, 0.0
    have_norm = math.sqrt(have_sq)
    match = 0.0
    if family_weight:
        n = index.family_norm[family]
        match = family_weight * (fam_dot / (n * have_norm) if n else 0.0)
    if not hit:
        return match, 0.0
    coverage = dot1 / index.total[pos]
    match += (1.0 - family_weight) * (alpha * coverage + (1.0 - alpha) * dot2 / (index.match_norm[pos] * have_norm))
    return match, coverage


def _central_kinds(catalog: Catalog, group: Group) -> tuple[tuple[str, str], ...]:
    """The group's profile most central first (``central_order``), each skill with the kind
    ``compute_gap`` files it under (its kind, taught when unknown); cached per group, as both
    depend on the catalogue only."""
    cache = catalog._cache.setdefault("central_kinds", {})
    cached = cache.get(group.id)
    if cached is None:
        kinds = []
        for skill_id in central_order(catalog, group):
            skill = catalog.skills.get(skill_id)
            kinds.append((skill_id, skill.kind if skill is not None and skill.kind in SKILL_KINDS else SKILL_KIND_TAUGHT))
        cached = cache[group.id] = tuple(kinds)
    return cached


def _educations_for(catalog: Catalog, group: Group) -> tuple:
    """The catalogue's educations (in catalogue order) that give some skill of ``group``'s
    profile; cached per group. Only these can give a missing skill, so ``compute_gap`` need
    not intersect every education with every gap."""
    cache = catalog._cache.setdefault("educations_for", {})
    cached = cache.get(group.id)
    if cached is None:
        profile = group.profile
        cached = cache[group.id] = tuple(e for e in catalog.educations if not e.gives.isdisjoint(profile))
    return cached


def match_components(index: CatalogIndex, have: Iterable[str], alpha: float = MATCH_ALPHA,
                     family_weight: float = FAMILY_WEIGHT, match_norm: tuple[float, ...] | None = None):
    """Per group position: (match, coverage, similarity, family_similarity) lists for ``have``."""
    match, fam_sim, terms, _ = _sparse_match(index, have, alpha, family_weight, match_norm)
    n_groups = len(index.groups)
    coverage = [terms[i][0] if i in terms else 0.0 for i in range(n_groups)]
    similarity = [terms[i][1] if i in terms else 0.0 for i in range(n_groups)]
    family = [fam_sim[f] for f in index.group_family]
    return match, coverage, similarity, family


def riasec_of(ssyk: str) -> Mapping[str, float]:
    """The RIASEC leaning of an SSYK code (see ``RIASEC_BY_SSYK``)."""
    return RIASEC_BY_SSYK.get(ssyk[:2]) or RIASEC_BY_SSYK.get(ssyk[:1]) or {}


def _shortest_education_weeks(catalog: Catalog) -> Mapping[str, int]:
    cached = catalog._cache.get("shortest_weeks")
    if cached is None:
        cached = {}
        for education in catalog.educations:
            if education.weeks <= 0:
                continue
            for ssyk in education.leads_to:
                if ssyk not in cached or education.weeks < cached[ssyk]:
                    cached[ssyk] = education.weeks
        catalog._cache["shortest_weeks"] = cached
    return cached


@dataclass(frozen=True, slots=True)
class _GroupPreferenceTerms:
    """What ``_preference_factors`` needs of one group that no person changes (see
    ``_group_preference_terms``)."""

    ssyk: str
    leaning: Mapping[str, float]        # riasec_of(ssyk)
    leaning_norm: float                 # sqrt of the sum of its squared shares
    letters: str                        # its two leading RIASEC letters
    weeks: int | None                   # shortest catalogue education leading here (weeks)
    required: str                       # education the work asks for, without the person's overrides
    catalog_swedish: str | None         # catalog.language_requirements.get(ssyk)
    no_education_names: int
    no_education_reason: Explanation | None   # the "no_education_needed" reason (it depends on the group only)


def _group_preference_terms(catalog: Catalog, index: CatalogIndex) -> tuple[_GroupPreferenceTerms, ...]:
    """Per index position, the group's side of the preference factor, cached per catalogue.

    Every ranking with preferences used to recompute these for all 400 groups (the RIASEC
    leaning and its norm and letters, the shortest education, the required education), yet
    they depend on the catalogue alone. The cached Explanation is immutable and shared by
    every ranking, like the Targets of ``_unmatched_targets``.
    """
    cached = catalog._cache.get("preference_terms")
    if cached is None:
        shortest = _shortest_education_weeks(catalog)
        terms = []
        for group in index.groups:
            leaning = riasec_of(group.ssyk)
            terms.append(_GroupPreferenceTerms(
                ssyk=group.ssyk,
                leaning=leaning,
                leaning_norm=math.sqrt(sum(v * v for v in leaning.values())),
                letters="".join(k for k, _ in sorted(leaning.items(), key=lambda kv: (-kv[1], kv[0]))[:2]),
                weeks=shortest.get(group.ssyk),
                required=required_education(group)[0],
                catalog_swedish=catalog.language_requirements.get(group.ssyk),
                no_education_names=group.no_education_names,
                no_education_reason=Explanation("no_education_needed", {
                    "names": group.no_education_names, "total": group.occupation_names, "factor": 1.0})
                if group.no_education_names else None,
            ))
        cached = catalog._cache["preference_terms"] = tuple(terms)
    return cached


def _preference_factors(catalog: Catalog, index: CatalogIndex,
                        prefs: Preferences) -> list[tuple[float, tuple[Explanation, ...], float]]:
    """Per index position, (factor, reasons, prior) of the group for the person's preferences.

    The prior (0..1) is what the person's interests and education say about the group
    before any competence: the interest fit (0.5 when no interests are given) and how
    reachable the work is with the person's education (``_reachable``), half each.

    Work that depends on the person only (the cleaned interests and their norm, the person's
    ranks, the Swedish scale's span) is done once here, and the group's constants come from
    ``_group_preference_terms``. A reason with the same parameters is the same for every
    group, so within one ranking each distinct reason is built once and shared (the memo
    dicts below; Explanation is immutable): e.g. the interest fit per RIASEC leaning, the
    Swedish reason per required level. The arithmetic is unchanged, operation for operation,
    so every factor and prior is the same float as when it was computed group by group.
    """
    weights = prefs.weights
    goals = prefs.goals
    outlooks, commutes = prefs.outlook, prefs.commute
    overrides = prefs.education_requirements
    language_overrides = prefs.language_requirements

    # interests: cleaned and normed once (were per group)
    interests = {k.upper(): float(v) for k, v in prefs.interests.items() if k.upper() in RIASEC and v > 0}
    use_interests = bool(interests and weights.interest)
    interests_norm = math.sqrt(sum(v * v for v in interests.values())) if use_interests else 0.0
    interest_memo: dict[int, tuple[float, float, Explanation]] = {}     # id(leaning) -> (fit, f, reason)

    outlook_memo: dict[tuple[float, float], tuple[float, Explanation]] = {}   # (outlook, its sign) -> (f, reason)

    max_weeks = prefs.max_education_weeks
    use_weeks = max_weeks is not None and bool(weights.education)
    too_long = 1.0 - weights.education
    weeks_memo: dict[int, tuple[float | None, Explanation]] = {}         # weeks -> (f or None, reason)

    level = prefs.education_level
    use_level = level in EDUCATION_RANK and bool(weights.education_level)
    level_rank = EDUCATION_RANK[level] if level in EDUCATION_RANK else None
    level_memo: dict[tuple[str, int], tuple[float | None, Explanation]] = {}   # (required, steps) -> (f, reason)
    reachable_memo: dict[str, float] = {}                                # required -> _reachable (group needing education)

    levels = catalog.language_levels
    swedish = prefs.swedish_level
    use_swedish = bool(swedish and swedish in levels and weights.language)
    span = max(1, max(levels.values()) - min(levels.values())) if use_swedish else 1
    university_swedish = UNIVERSITY_SWEDISH in levels
    swedish_memo: dict[str, tuple[float | None, Explanation]] = {}       # required level -> (f, reason)

    commute_memo: dict[float, tuple[float, Explanation]] = {}            # reachable share -> (f, reason)
    named_reason = Explanation("named_goal", {"factor": 1.0})

    out = []
    append = out.append
    for g in _group_preference_terms(catalog, index):
        factor = 1.0
        reasons: list[Explanation] = []
        ssyk = g.ssyk
        named = ssyk in goals
        if named:
            reasons.append(named_reason)

        fit = 0.5
        if use_interests:
            leaning = g.leaning
            memo = interest_memo.get(id(leaning))
            if memo is None:
                dot = sum(v * leaning.get(k, 0.0) for k, v in interests.items())
                norm = interests_norm * g.leaning_norm
                fit_ = dot / norm if norm else 0.0
                f = 1.0 + weights.interest * (fit_ - 0.5)
                memo = interest_memo[id(leaning)] = (fit_, f, Explanation("interest_fit", {
                    "fit": round(fit_, 3), "letters": g.letters, "factor": round(f, 3)}))
            fit, f, reason = memo
            factor *= f
            reasons.append(reason)

        if ssyk in outlooks and weights.outlook:
            outlook = max(-1.0, min(1.0, float(outlooks[ssyk])))
            key = (outlook, math.copysign(1.0, outlook))   # keeps -0.0 apart from 0.0 (equal as keys)
            memo = outlook_memo.get(key)
            if memo is None:
                f = 1.0 + weights.outlook * outlook / 2.0
                memo = outlook_memo[key] = (f, Explanation("outlook", {"outlook": outlook, "factor": round(f, 3)}))
            f, reason = memo
            factor *= f
            reasons.append(reason)

        if use_weeks and g.weeks is not None:
            weeks = g.weeks
            memo = weeks_memo.get(weeks)
            if memo is None:
                if weeks > max_weeks:
                    memo = (too_long, Explanation("education_too_long", {"weeks": weeks, "max_weeks": max_weeks,
                                                                         "factor": round(too_long, 3)}))
                else:
                    memo = (None, Explanation("education_fits", {"weeks": weeks, "max_weeks": max_weeks, "factor": 1.0}))
                weeks_memo[weeks] = memo
            f, reason = memo
            if f is not None:
                factor *= f
            reasons.append(reason)

        required = g.required
        if overrides and ssyk in overrides and overrides[ssyk] in EDUCATION_RANK:   # as required_education
            required = overrides[ssyk]
        if g.no_education_names:
            reachable = 1.0
        else:
            reachable = reachable_memo.get(required)
            if reachable is None:
                reachable = reachable_memo[required] = _reachable_with(required, level)
        if use_level:
            steps = EDUCATION_RANK[required] - level_rank
            if g.no_education_names:
                steps = min(steps, EDUCATION_RANK["none"] - level_rank)
            if steps <= 0 or not named:    # a named goal is never held back by its education level
                memo = level_memo.get((required, steps))
                if memo is None:
                    if steps > 0:
                        f = 1.0 - weights.education_level * min(1.0, steps / 3)
                        memo = (f, Explanation("education_level_above", {"required": required, "level": level,
                                                                          "steps": steps, "factor": round(f, 3)}))
                    else:
                        memo = (None, Explanation("education_level_ok", {"required": required, "level": level,
                                                                          "factor": 1.0}))
                    level_memo[(required, steps)] = memo
                f, reason = memo
                if f is not None:
                    factor *= f
                reasons.append(reason)
        if g.no_education_reason is not None:
            reasons.append(g.no_education_reason)

        required_sv = language_overrides.get(ssyk) or g.catalog_swedish
        if not required_sv and EDUCATION_RANK[required] >= HIGHER_EDUCATION and university_swedish:
            required_sv = UNIVERSITY_SWEDISH   # university entry requirements (see app.engine.levels)
        if use_swedish and required_sv and required_sv in levels:
            memo = swedish_memo.get(required_sv)
            if memo is None:
                steps = levels[required_sv] - levels[swedish]
                if steps > 0:
                    f = 1.0 - weights.language * min(1.0, steps / span * 2)
                    memo = (f, Explanation("swedish_below", {"required": required_sv, "level": swedish, "steps": steps,
                                                             "factor": round(f, 3)}))
                else:
                    memo = (None, Explanation("swedish_ok", {"required": required_sv, "level": swedish, "factor": 1.0}))
                swedish_memo[required_sv] = memo
            f, reason = memo
            if f is not None:
                factor *= f
            reasons.append(reason)

        if ssyk in commutes and weights.commute:
            reachable_share = max(0.0, min(1.0, float(commutes[ssyk])))
            memo = commute_memo.get(reachable_share)
            if memo is None:
                f = 1.0 - weights.commute * (1.0 - reachable_share)
                memo = commute_memo[reachable_share] = (f, Explanation("commute", {"reachable": reachable_share,
                                                                                   "factor": round(f, 3)}))
            f, reason = memo
            factor *= f
            reasons.append(reason)

        prior = 0.5 * fit + 0.5 * (1.0 if named else reachable)
        append((factor, tuple(reasons), prior))
    return out


def _reachable(group: Group, required: str, level: str | None) -> float:
    """0..1: how reachable the group's work is with the person's education.

    Known level: 0.8 .. 1 when it is enough (work that asks for less first, so that with
    nothing else known the list does not start with managers and officers), less the
    further the work is above it (0 at three steps). Unknown level: a mild preference for work that asks for less (1 .. 0.5). Work
    with occupation names that need no formal education counts as reachable for everyone.
    """
    if group.no_education_names:
        return 1.0
    return _reachable_with(required, level)


def _reachable_with(required: str, level: str | None) -> float:
    """``_reachable`` for a group without occupation names that need no formal education."""
    need = EDUCATION_RANK[required]
    if level in EDUCATION_RANK:
        above = need - EDUCATION_RANK[level]
        return max(0.0, 1.0 - above / 3) if above > 0 else 1.0 - 0.05 * need
    return 1.0 - need / 8


def _target_templates(catalog: Catalog, index: CatalogIndex) -> tuple[dict, ...]:
    """Per group, the field values of its Target for a person with none of its skills, with
    ``missing`` and ``explanation`` left to be computed on first access (``_lazy``).

    ``rank_targets`` copies a template into each new Target's ``__dict__`` and overwrites the
    person-dependent fields, so every field of ``Target`` is present (or lazily computed)
    and the result is an ordinary, immutable, equal-comparing Target. Cached per catalogue.
    """
    cached = catalog._cache.get("target_templates")
    if cached is None:
        empty: frozenset[str] = frozenset()
        cached = tuple(
            {
                "group_id": g.id, "ssyk": g.ssyk, "label": g.label,
                "score": 0.0, "match_score": 0.0, "coverage": 0.0, "similarity": 0.0,
                "family_similarity": 0.0, "have": empty, "reasons": (), "preference_factor": 1.0,
                "_lazy": (g.profile, catalog, pos),
            }
            for pos, g in enumerate(index.groups)
        )
        if cached:
            assert set(cached[0]) | {"missing", "explanation"} == {f.name for f in fields(Target)} | {"_lazy"}
        catalog._cache["target_templates"] = cached
    return cached


def _unmatched_targets(catalog: Catalog, index: CatalogIndex, templates: tuple[dict, ...]) -> tuple[Target, ...]:
    """Per group, its Target when the person shares nothing with it (all scores 0).
    Immutable, so one instance per group is reused by every ranking (cached)."""
    cached = catalog._cache.get("unmatched_targets")
    if cached is None:
        cached = []
        for template in templates:
            target = object.__new__(Target)
            target.__dict__.update(template)
            cached.append(target)
        cached = catalog._cache["unmatched_targets"] = tuple(cached)
    return cached


# --------------------------------------------------------------------------- public API


def rank_targets(catalog: Catalog, have: Iterable[str], *, preferences: Preferences | None = None,
                 top: int | None = None) -> tuple[Target, ...]:
    """Rank every occupation group for a person with skills ``have``, best first.

    Without ``preferences`` the score is the pure competence match. With them it is
    ``(match + PRIOR_WEIGHT * prior) * factor`` (see the module doc). ``top`` limits the
    result to the best ``top`` targets (all groups when None). Ties break by match score,
    then SSYK code, then group id, so the order is deterministic.
    """
    index = index_for(catalog)
    have_set = _skill_set(have)
    match, fam_sim, terms, hits = _sparse_match(index, have_set, MATCH_ALPHA, FAMILY_WEIGHT)
    groups = index.groups
    n_groups = len(groups)

    # Deterministic order: score, then match, then SSYK code and id. Python's sort is
    # stable, so sorting the positions pre-ordered by (SSYK, id) keeps that order in ties.
    by_code = index.by_code
    if preferences is None:
        score = match
        factors = None
        neg_score = [-x for x in match]
        key = neg_score.__getitem__
    else:
        factors = _preference_factors(catalog, index, preferences)
        score = [(m + PRIOR_WEIGHT * prior) * f for m, (f, _, prior) in zip(match, factors)]
        key = list(zip([-x for x in score], [-x for x in match])).__getitem__
    if top is None or top >= n_groups:
        order = sorted(by_code, key=key)
    else:
        order = heapq.nsmallest(max(0, top), by_code, key=key)   # stable as well

    # Build the results. Target is a frozen dataclass; its generated __init__ (one
    # object.__setattr__ per field) was most of the ranking time, so each Target starts from
    # a cached per-group template of its fields (see _target_templates) and only the
    # person-dependent fields are written into its fresh __dict__. ``missing`` and
    # ``explanation`` are computed on first access (Target.__getattr__).
    group_family = index.group_family
    templates = _target_templates(catalog, index)
    new = object.__new__
    results = []
    append = results.append
    unmatched = _unmatched_targets(catalog, index, templates) if factors is None else None
    for i in order:
        shared = hits.get(i)
        if unmatched is not None and not shared and not fam_sim[group_family[i]]:
            append(unmatched[i])   # nothing in common with the group or its family: a constant
            continue
        target = new(Target)
        values = target.__dict__
        values.update(templates[i])
        if shared:   # shares skills with the profile
            values["have"] = frozenset(shared)
            values["coverage"], values["similarity"] = terms[i]
        values["score"] = score[i]
        values["match_score"] = match[i]
        values["family_similarity"] = fam_sim[group_family[i]]
        if factors is not None:
            values["preference_factor"], values["reasons"], _ = factors[i]
        append(target)
    return tuple(results)


def compute_gap(catalog: Catalog, group_id: str, have: Iterable[str], *,
                most_important: int = MOST_IMPORTANT) -> Gap:
    """What a person with skills ``have`` has and lacks for one group, and how to close it.

    ``group_id`` is a group concept id (an SSYK code is accepted too). The group's core
    competences (``app.engine.core``, at most ``most_important``) come first: "x of y core
    competences" (``most_important_have`` of ``most_important``, ``core_share``). Missing
    skills are grouped by kind (taught / licence / experience, most central first), all of them
    in ``missing_by_kind`` and those outside the core in ``other_missing_by_kind``, and
    matched against the catalogue's educations (``Education.gives``).
    """
    index = index_for(catalog)
    group = _group(catalog, group_id)
    pos = index.position[group.id]
    have_set = _skill_set(have)
    weight = index.weight
    has = group.profile & have_set
    missing = group.profile - has
    by_kind: dict[str, list[str]] = {kind: [] for kind in SKILL_KINDS}
    missing_ranked_list = []
    for skill_id, kind in _central_kinds(catalog, group):   # most central first
        if skill_id in missing:
            missing_ranked_list.append(skill_id)
            by_kind[kind].append(skill_id)
    missing_ranked = tuple(missing_ranked_list)

    covers: list[tuple[float, EducationCover]] = []
    covered_by: dict[str, list[tuple[float, str]]] = {}
    for education in _educations_for(catalog, group):
        gives = education.gives & missing
        if not gives:
            continue
        skills = tuple(s for s in missing_ranked if s in gives)
        gained = sum(weight.get(s, 0.0) for s in skills)
        leads = group.ssyk in education.leads_to
        cover = EducationCover(education.id, education.label, education.form, education.weeks, skills, leads)
        sort_key = (-gained, not leads, education.weeks, education.id)
        covers.append((sort_key, cover))
        for skill_id in skills:
            covered_by.setdefault(skill_id, []).append((sort_key, education.id))
    covers.sort(key=lambda item: item[0])
    educations = tuple(cover for _, cover in covers)
    covered_map = {s: tuple(e for _, e in sorted(items)) for s, items in sorted(covered_by.items())}

    match, coverage = _group_match(index, pos, have_set, MATCH_ALPHA, FAMILY_WEIGHT)

    core = core_competences(catalog, group, size=most_important)
    core_set = set(core)
    taught = tuple(by_kind[SKILL_KIND_TAUGHT])
    explanations = [_headline(core, have_set, most_important)]
    if taught:
        explanations.append(Explanation("missing_taught", {
            "count": len(taught),
            "skills": taught,
            "covered": tuple(s for s in taught if s in covered_map),
            "uncovered": tuple(s for s in taught if s not in covered_map),
        }))
    for kind, key in ((SKILL_KIND_LICENCE, "missing_licence"), (SKILL_KIND_EXPERIENCE, "missing_experience")):
        if by_kind[kind]:
            explanations.append(Explanation(key, {"count": len(by_kind[kind]), "skills": tuple(by_kind[kind])}))
    for cover in educations:
        explanations.append(Explanation("education_covers", {
            "education": cover.education_id,
            "form": cover.form,
            "weeks": cover.weeks,
            "skills": cover.skills,
            "leads_to": cover.leads_to,
        }))

    top = core
    core_have = tuple(s for s in top if s in have_set)
    return Gap(
        group_id=group.id,
        ssyk=group.ssyk,
        label=group.label,
        have=has,
        missing=missing,
        missing_by_kind={kind: tuple(ids) for kind, ids in by_kind.items()},
        most_important=top,
        most_important_have=core_have,
        most_important_missing=tuple(s for s in top if s not in have_set),
        coverage=coverage,
        count_coverage=len(has) / len(group.profile) if group.profile else 0.0,
        match_score=match,
        educations=educations,
        covered_by=covered_map,
        explanations=tuple(explanations),
        core_share=len(core_have) / len(top) if top else 0.0,
        other_missing_by_kind={kind: tuple(s for s in ids if s not in core_set) for kind, ids in by_kind.items()},
    )


# --------------------------------------------------------------------------- similar occupations

SIMILAR_MAX = 5
SIMILAR_MIN = 3
SIMILAR_SHARE = 0.25  # beyond SIMILAR_MIN, a suggestion shares at least this share of its core
SIMILAR_POOL = 15     # candidates: the best groups by match
SAME_WORK_SHARE = 0.6   # both ways at least this share of the other's core: "same work, another setting"


@dataclass(frozen=True)
class Similar:
    """An occupation group a person from another group could move into, and why."""

    group_id: str
    ssyk: str
    label: str
    score: float                 # the match of the source group's whole profile with this one
    reason: Explanation          # same_work | has_core | shares_skills (see similar_occupations)
    have: frozenset[str]         # the target's competences the source group's profile lists


def similar_occupations(catalog: Catalog, group_id: str, *, n: int = SIMILAR_MAX,
                        minimum: int = SIMILAR_MIN, pool: int = SIMILAR_POOL) -> tuple[Similar, ...]:
    """The groups a person from ``group_id`` could move into (at most ``n``), best first.

    The person is taken to have the source group's whole profile. The ``pool`` best groups
    by ``rank_targets`` are candidates; they are ordered by the share of their core
    competences the source lists (then by match), so the reasons read in order. Each carries
    one reason:

    ``same_work``      params: have, total (of the target's core), back_have, back_total (of
                       the source's core the target lists): each lists at least
                       ``SAME_WORK_SHARE`` of the other's core - the same work, another setting.
    ``has_core``       params: have, total - the source profile has ``have`` of the
                       target's ``total`` core competences.
    ``shares_skills``  params: count - shares competences, none of the target's core; only
                       used to reach ``minimum`` suggestions.
    A group that shares nothing is never suggested.

    The answer depends on the catalogue alone (no person), so it is cached per catalogue,
    by source group and arguments; Similar values are immutable, so callers share them.
    """
    source = _group(catalog, group_id)
    cache = catalog._cache.setdefault("similar", {})
    key = (source.id, n, minimum, pool)
    cached = cache.get(key)
    if cached is None:
        cached = cache[key] = _similar_occupations(catalog, source, n, minimum, pool)
    return cached


def _similar_occupations(catalog: Catalog, source: Group, n: int, minimum: int, pool: int) -> tuple[Similar, ...]:
    source_core = core_competences(catalog, source)
    scored: list[tuple[tuple, Similar]] = []
    fallback: list[Similar] = []
    for target in rank_targets(catalog, source.profile, top=pool + 1):
        if not target.have or target.group_id == source.id:
            continue
        core = core_competences(catalog, target.group_id)
        n_have = sum(1 for s in core if s in source.profile)
        if not n_have:
            fallback.append(Similar(target.group_id, target.ssyk, target.label, target.match_score,
                                    Explanation("shares_skills", {"count": len(target.have)}), target.have))
            continue
        other = catalog.groups[target.group_id].profile
        back = sum(1 for s in source_core if s in other)
        if n_have >= SAME_WORK_SHARE * len(core) and back >= SAME_WORK_SHARE * len(source_core):
            reason = Explanation("same_work", {"have": n_have, "total": len(core),
                                               "back_have": back, "back_total": len(source_core)})
        else:
            reason = Explanation("has_core", {"have": n_have, "total": len(core)})
        similar = Similar(target.group_id, target.ssyk, target.label, target.match_score, reason, target.have)
        scored.append(((-n_have / len(core), -target.match_score, target.ssyk), similar))
    ordered = [similar for _, similar in sorted(scored, key=lambda item: item[0])]
    # beyond the first ``minimum``, only groups with a real share of their core
    picked = ordered[:minimum] + [s for s in ordered[minimum:] if s.reason.params["have"] >= SIMILAR_SHARE * s.reason.params["total"]]
    picked = picked[:n]
    if len(picked) < minimum:
        picked += fallback[:minimum - len(picked)]
    return tuple(picked)


# --------------------------------------------------------------------------- employer profiles


@dataclass(frozen=True)
class EmployerNeeds:
    """An employer competence profile (issue 18): what the work really takes, on an SSYK group."""
    id: str
    ssyk: str
    employer: str
    needed: tuple[str, ...]                     # every competence the work takes (skill ids)
    learned_on_job: tuple[str, ...] = ()        # of those, the ones the employer teaches at work
    swedish_level: str | None = None
    places: tuple[str, ...] = ()                # kommunkoder
    example: bool = False
    valid_from: date | None = None
    valid_to: date | None = None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class ProfileGap:
    """"For this employer you already have 9 of the 11 competences they need; the other two are
    taught in the track." Counted against the employer's profile, not the national one."""
    profile_id: str
    needed: tuple[str, ...]
    have: tuple[str, ...]
    missing: tuple[str, ...]
    taught_in_track: tuple[str, ...]            # missing, taught in the track's steps
    learned_on_job: tuple[str, ...]             # missing, learned at work
    still_missing: tuple[str, ...]              # missing, to get elsewhere

    @property
    def key(self) -> str:
        if not self.missing:
            return "profile_all_had"
        if not self.still_missing:
            return "profile_rest_taught"
        return "profile_some_to_get"


def compute_profile_gap(profile: EmployerNeeds, have: Iterable[str], taught: Iterable[str] = ()) -> ProfileGap:
    """The person's competences ``have`` against ``profile``; ``taught``: what a track teaches."""
    have_set, taught_set, on_job = _skill_set(have), _skill_set(taught), set(profile.learned_on_job)
    had = tuple(s for s in profile.needed if s in have_set)
    missing = tuple(s for s in profile.needed if s not in have_set)
    in_track = tuple(s for s in missing if s in taught_set)
    at_work = tuple(s for s in missing if s in on_job and s not in taught_set)
    rest = tuple(s for s in missing if s not in taught_set and s not in on_job)
    return ProfileGap(profile.id, tuple(profile.needed), had, missing, in_track, at_work, rest)
