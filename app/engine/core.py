"""The core competences of an occupation group: what a counsellor names first.

``core_competences(catalog, group)`` returns the core, most central first:

1. **Curated** (``Group.core``): where the catalogue has a curated list, it is the core
   (the ids that are in the profile, in the curated order).
2. **Rule** otherwise. A skill is central to a group when the *occupations close to it* list
   it too. For a skill ``s`` of group ``g`` listed by the other groups ``U``::

       centrality(s) = sum(closeness(g, u) for u in U) / (len(U) + 1)
       closeness(g, u) = cosine(g, u) without the skills that travel with s  (+ SIBLING_BONUS
                         when u is in g's SSYK level-3 family)

   - A skill no other group lists (teppanyaki, dim sum, a timber-lorry licence) has
     centrality 0: rare is not core.
   - A generic skill listed by many far-away groups ("Personalansvar") averages low.
   - "The skills that travel with s" are the group's skills listed by nearly the same groups
     (Jaccard of their group sets >= ``BUNDLE_JACCARD``). Leaving them out stops a side
     speciality from vouching for itself: the ship-kitchen skills of cooks (Sjöfartsbok,
     "Visum till USA", Basic Safety Training) are shared with ship crews only because of
     that same bundle, so they do not make ship crews look close to cooks.

   The core is the skills with centrality >= ``RELATIVE_FLOOR`` x the highest, at most
   ``CORE_MAX``; when fewer than ``CORE_MIN`` qualify, the next most central (then the most
   widely listed) fill up. Ties break by how widely the skill is listed, then id.
"""
from __future__ import annotations

import math
from typing import Sequence

from app.engine.catalog import Catalog, Group
from app.engine.index import CatalogIndex, index_for

CORE_MAX = 15
CORE_MIN = 5
RELATIVE_FLOOR = 0.25
SIBLING_BONUS = 0.25
BUNDLE_JACCARD = 0.5


def _centrality(index: CatalogIndex, pos: int) -> dict[str, float]:
    group = index.groups[pos]
    weight, postings = index.weight, index.postings
    profile = sorted(group.profile)
    # dot products of g with every group sharing a skill (in a fixed order: bit-reproducible)
    dot: dict[int, float] = {}
    for s in profile:
        w2 = weight[s] ** 2
        for u in postings.get(s, ()):
            if u != pos:
                dot[u] = dot.get(u, 0.0) + w2
    multi = [s for s in profile if len(postings.get(s, ())) > 1]
    groups_of = {s: frozenset(postings[s]) for s in multi}
    profile_of = [index.groups[u].profile for u in range(len(index.groups))]
    norm = index.norm
    siblings = set(index.siblings[pos]) if index.siblings else set()
    g_norm = norm[pos] or 1.0
    fit: dict[str, float] = {}
    for s in multi:
        gs = groups_of[s]
        size = len(gs)
        bundle = [t for t in multi
                  if size <= 2 * len(groups_of[t]) and len(groups_of[t]) <= 2 * size
                  and len(gs & groups_of[t]) >= BUNDLE_JACCARD * len(gs | groups_of[t])]
        others = [u for u in postings[s] if u != pos]
        total = 0.0
        for u in others:
            shared = dot.get(u, 0.0) - math.fsum(weight[t] ** 2 for t in bundle if t in profile_of[u])
            closeness = max(0.0, shared) / (g_norm * norm[u]) if norm[u] else 0.0
            if u in siblings:
                closeness += SIBLING_BONUS
            total += closeness
        fit[s] = total / (len(others) + 1)
    return fit


def core_competences(catalog: Catalog, group: Group | str, *, size: int = CORE_MAX) -> tuple[str, ...]:
    """The core competences (skill ids) of ``group`` (a Group or its id), most central first."""
    index = index_for(catalog)
    if isinstance(group, str):
        group = catalog.groups[group]
    cache = catalog._cache.setdefault("core", {})
    key = (group.id, size)
    cached = cache.get(key)
    if cached is None:
        cached = cache[key] = _core(index, index.position[group.id], group, size)
    return cached


def core_of_position(index: CatalogIndex, catalog: Catalog, pos: int) -> tuple[str, ...]:
    """``core_competences`` by index position (used by the ranking)."""
    group = index.groups[pos]
    cache = catalog._cache.setdefault("core", {})
    key = (group.id, CORE_MAX)
    cached = cache.get(key)
    if cached is None:
        cached = cache[key] = _core(index, pos, group, CORE_MAX)
    return cached


def central_order(catalog: Catalog, group: Group | str) -> tuple[str, ...]:
    """The whole profile of ``group``, most central first: the curated core (if any) in its
    order, then by centrality, then the most widely listed, then id. The gap lists what is
    missing in this order, so the rare specialities come last."""
    index = index_for(catalog)
    if isinstance(group, str):
        group = catalog.groups[group]
    cache = catalog._cache.setdefault("central_order", {})
    cached = cache.get(group.id)
    if cached is None:
        curated = tuple(s for s in dict.fromkeys(group.core) if s in group.profile)
        order, _fit = _by_centrality(index, index.position[group.id], group)
        cached = cache[group.id] = curated + tuple(s for s in order if s not in curated)
    return cached


def _by_centrality(index: CatalogIndex, pos: int, group: Group) -> tuple[list[str], dict[str, float]]:
    """(the profile by centrality, then most widely listed, then id; the centralities)."""
    fit = _centrality(index, pos)
    df = index.df
    return sorted(group.profile, key=lambda s: (-fit.get(s, 0.0), -df.get(s, 0), s)), fit


def _core(index: CatalogIndex, pos: int, group: Group, size: int) -> tuple[str, ...]:
    curated = tuple(s for s in dict.fromkeys(group.core) if s in group.profile)
    if curated:
        return curated[:size]
    order, fit = _by_centrality(index, pos, group)
    top = fit.get(order[0], 0.0) if order else 0.0
    core = [s for s in order if top > 0 and fit.get(s, 0.0) > 0 and fit[s] >= RELATIVE_FLOOR * top][:size]
    minimum = min(CORE_MIN, size, len(order))
    if len(core) < minimum:
        core += [s for s in order if s not in core][:minimum - len(core)]
    return tuple(core)


def core_overlap(core: Sequence[str], have) -> int:
    """How many of ``core`` are in ``have``."""
    return sum(1 for s in core if s in have)
