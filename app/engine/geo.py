"""Distances and rough travel times between municipalities, and which occupations have an
education within a person's travel time. Pure: places come in as plain coordinates.

Travel time is an estimate, said as such in the UI: straight-line distance × 1.3 (roads are
not straight) at 60 km/h, plus 15 minutes to get going and to walk at the end. It answers
"is it roughly within reach?", not "which bus".
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Mapping

EARTH_RADIUS_KM = 6371.0
ROAD_FACTOR = 1.3
SPEED_KMH = 60.0
OVERHEAD_MINUTES = 15


@dataclass(frozen=True)
class Place:
    code: str          # kommunkod
    lat: float
    lon: float


@dataclass(frozen=True)
class EducationPlaces:
    """Where one education is given: everywhere (komvux, sfi), at a distance, or in some places."""

    education_id: str
    everywhere: bool = False
    distance: bool = False
    places: tuple[str, ...] = ()      # kommunkoder


@dataclass(frozen=True)
class Reach:
    reachable: bool
    minutes: int | None               # to the nearest place; 0 at home or everywhere; None if only at a distance
    place: str | None                 # kommunkod of the nearest place
    distance_learning: bool = False


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def travel_minutes(a: Place, b: Place) -> int:
    if a.code == b.code:
        return 0
    return round(OVERHEAD_MINUTES + distance_km(a, b) * ROAD_FACTOR / SPEED_KMH * 60)


def education_reach(home: Place, limit_minutes: int | None, where: EducationPlaces,
                    places: Mapping[str, Place]) -> Reach:
    """How far the nearest place giving this education is, and whether it is within the limit."""
    if where.everywhere:
        return Reach(True, 0, home.code)
    best: tuple[int, str] | None = None
    for code in where.places:
        place = places.get(code)
        if place is not None:
            minutes = travel_minutes(home, place)
            if best is None or minutes < best[0]:
                best = (minutes, code)
    within = best is not None and (limit_minutes is None or best[0] <= limit_minutes)
    if within:
        return Reach(True, best[0], best[1])
    if where.distance:
        return Reach(True, best[0] if best else None, best[1] if best else None, distance_learning=True)
    return Reach(False, best[0] if best else None, best[1] if best else None)


def reachable_share(home: Place, limit_minutes: int | None, routes: Mapping[str, Iterable[str]],
                    educations: Mapping[str, EducationPlaces], places: Mapping[str, Place]) -> dict[str, float]:
    """Per SSYK code: the share (0..1) of its education routes the person can reach.

    Feeds ``Preferences.commute``; groups without known routes are left out (no penalty)."""
    shares: dict[str, float] = {}
    for ssyk, education_ids in routes.items():
        known = [educations[e] for e in education_ids if e in educations]
        if not known:
            continue
        reached = sum(1 for w in known if education_reach(home, limit_minutes, w, places).reachable)
        shares[ssyk] = reached / len(known)
    return shares
