"""Derived, precomputed views of a ``Catalog`` that make ranking cheap.

``index_for(catalog)`` builds once per catalogue (cached in the catalogue's private
``_cache`` dict) an inverted index skill -> groups, the weight of every skill and per-group
totals, so that scoring all groups for a person touches only the postings of the skills the
person has.

Skill weight = specificity x kind:

- specificity (an IDF): ``idf(s) = ln((N + 1) / (df(s) + 1)) + 1`` where ``N`` is the number
  of groups and ``df(s)`` the number of group profiles that list ``s``. A skill in one
  profile weighs about 6.3, one in 59 profiles about 2.9.
- kind (``KIND_EVIDENCE``): a shared licence or certificate is strong evidence that a person
  can do the work (x1.5); a shared workplace or setting, learned by working, is weak evidence
  (x0.5); abilities and methods count x1.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Mapping

from app.engine.catalog import Catalog, Group
from app.engine.kinds import SKILL_KIND_EXPERIENCE, SKILL_KIND_LICENCE, SKILL_KIND_TAUGHT

IdfFunction = Callable[[int, int], float]

FAMILY_DIGITS = 3   # an occupation family is an SSYK level-3 group

# How much a shared skill of each kind says about being able to do the work (see module doc).
KIND_EVIDENCE: Mapping[str, float] = {SKILL_KIND_TAUGHT: 1.0, SKILL_KIND_LICENCE: 1.5, SKILL_KIND_EXPERIENCE: 0.5}

# Length normalisation of the match: a group's profile norm counts with this exponent (1 =
# plain cosine). Cosine over-rewards short profiles (a short list shares one skill and looks
# like a good fit); 0.5 is the classic pivoted middle way. See docs/ENGINE.md.
LENGTH_EXPONENT = 0.5


def default_idf(df: int, n_groups: int) -> float:
    """Smoothed inverse document frequency of a skill listed in ``df`` of ``n_groups`` profiles."""
    return math.log((n_groups + 1) / (df + 1)) + 1.0


@dataclass(frozen=True)
class CatalogIndex:
    groups: tuple[Group, ...]                    # in catalogue order (by SSYK code for JobTech)
    position: Mapping[str, int]                  # group id -> position in ``groups``
    weight: Mapping[str, float]                  # skill id -> evidence weight (specificity x kind)
    df: Mapping[str, int]                        # skill id -> number of profiles listing it
    postings: Mapping[str, tuple[int, ...]]      # skill id -> positions of groups listing it
    total: tuple[float, ...]                     # per group: sum of weights over the profile
    norm: tuple[float, ...]                      # per group: sqrt(sum of squared weights)
    ranked_profile: tuple[tuple[str, ...], ...]  # per group: profile, heaviest first (ties by id)
    families: tuple[str, ...] = ()               # SSYK level-3 codes, sorted
    group_family: tuple[int, ...] = ()           # per group: position of its family
    family_postings: Mapping[str, tuple[int, ...]] = field(default_factory=dict)  # skill id -> family positions
    family_norm: tuple[float, ...] = ()          # per family: sqrt(sum of squared weights)
    by_code: tuple[int, ...] = ()                # group positions ordered by (SSYK code, id)
    specificity: Mapping[str, float] = field(default_factory=dict)   # skill id -> IDF alone
    match_norm: tuple[float, ...] = ()           # per group: norm**LENGTH_EXPONENT * max_norm**(1 - LENGTH_EXPONENT)
    siblings: tuple[tuple[int, ...], ...] = ()   # per group: positions of the other groups of its family


def _kind_factor(catalog: Catalog, skill_id: str) -> float:
    skill = catalog.skills.get(skill_id)
    return KIND_EVIDENCE.get(skill.kind if skill is not None else SKILL_KIND_TAUGHT, 1.0)


def length_norms(norm: tuple[float, ...], exponent: float) -> tuple[float, ...]:
    """Per group the divisor of the match: ``norm**e * max_norm**(1 - e)`` (keeps match in 0..1)."""
    top = max(norm, default=0.0)
    return tuple(n ** exponent * top ** (1.0 - exponent) if n else 0.0 for n in norm)


def build_index(catalog: Catalog, idf: IdfFunction = default_idf, *, kinds: bool = True,
                length_exponent: float = LENGTH_EXPONENT) -> CatalogIndex:
    groups = tuple(catalog.groups.values())
    n_groups = len(groups)
    df: dict[str, int] = {}
    postings_lists: dict[str, list[int]] = {}
    for pos, group in enumerate(groups):
        for skill_id in group.profile:
            df[skill_id] = df.get(skill_id, 0) + 1
            postings_lists.setdefault(skill_id, []).append(pos)
    all_ids = sorted(set(catalog.skills) | set(df))
    specificity = {skill_id: idf(df.get(skill_id, 0), n_groups) for skill_id in all_ids}
    weight = {s: specificity[s] * (_kind_factor(catalog, s) if kinds else 1.0) for s in all_ids}
    # Sums run in a fixed order (never set iteration order, which varies between processes
    # with string hash randomisation), so every figure is reproducible to the last bit.
    ranked = tuple(tuple(sorted(g.profile, key=lambda s: (-weight[s], s))) for g in groups)
    total = tuple(math.fsum(weight[s] for s in r) for r in ranked)
    norm = tuple(math.sqrt(math.fsum(weight[s] ** 2 for s in r)) for r in ranked)
    families = tuple(sorted({g.ssyk[:FAMILY_DIGITS] for g in groups}))
    family_pos = {code: pos for pos, code in enumerate(families)}
    family_profiles: list[set[str]] = [set() for _ in families]
    members: list[list[int]] = [[] for _ in families]
    for pos, g in enumerate(groups):
        family_profiles[family_pos[g.ssyk[:FAMILY_DIGITS]]] |= g.profile
        members[family_pos[g.ssyk[:FAMILY_DIGITS]]].append(pos)
    family_postings: dict[str, list[int]] = {}
    for pos, profile in enumerate(family_profiles):
        for skill_id in sorted(profile):
            family_postings.setdefault(skill_id, []).append(pos)
    group_family = tuple(family_pos[g.ssyk[:FAMILY_DIGITS]] for g in groups)
    return CatalogIndex(
        groups=groups,
        position={g.id: pos for pos, g in enumerate(groups)},
        weight=weight,
        df=df,
        postings={s: tuple(p) for s, p in postings_lists.items()},
        total=total,
        norm=norm,
        ranked_profile=ranked,
        families=families,
        group_family=group_family,
        family_postings={s: tuple(p) for s, p in family_postings.items()},
        by_code=tuple(sorted(range(len(groups)), key=lambda p: (groups[p].ssyk, groups[p].id))),
        family_norm=tuple(math.sqrt(math.fsum(weight[s] ** 2 for s in sorted(p))) for p in family_profiles),
        specificity=specificity,
        match_norm=length_norms(norm, length_exponent),
        siblings=tuple(tuple(p for p in members[f] if p != pos) for pos, f in enumerate(group_family)),
    )


def index_for(catalog: Catalog) -> CatalogIndex:
    """The catalogue's index, built on first use and kept in ``catalog._cache``."""
    cached = catalog._cache.get("index")
    if cached is None:
        cached = catalog._cache["index"] = build_index(catalog)
    return cached
