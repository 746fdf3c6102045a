"""Distances and rough travel times between municipalities, and which occupations have an
education within a person's travel time. Pure: places and rail lines come in as plain values.

The travel-time model (docs/DECISION.md, "Geography: travel times"; measured by
``benchmarks/travel_times.py`` and ``tests/engine/test_engine_geo.py`` against cited journeys in
``app/content/data/journey_times.csv``). It answers "is it roughly within reach?", not "which bus":

* **In the person's own municipality** there is no estimate: the trip is *local*, said as "usually
  under ``LOCAL_MINUTES`` minutes", and always within the person's limit.
* **By road (bus)**: the straight-line distance × ``ROAD_FACTOR`` (roads are not straight) at
  ``ROAD_SPEED_KMH``, plus ``START_MINUTES`` for the stops in town at either end.
* **By rail**, when both towns are on one of the rail lines (``RailLine``: main and regional lines
  with direct trains between the larger towns, ``app/content/data/rail_lines.csv``): the
  straight-line distance × ``RAIL_FACTOR`` at ``RAIL_SPEED_KMH``, plus ``START_MINUTES``. Towns on
  two different lines that share a town are reached with one change there: the distance via that
  town, plus ``CHANGE_MINUTES``. The faster of road and rail is the estimate.
* **A floor**: no trip to another municipality is estimated under ``MIN_MINUTES``.

The minutes are the ride from centre to centre as a timetable gives it; getting to the station is
not in them. The parameters are round values, the same for every pair (none is fitted per pair).
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from typing import Iterable, Mapping

EARTH_RADIUS_KM = 6371.0
LOCAL = "local"
ROAD = "road"
RAIL = "rail"

LOCAL_MINUTES = 30          # a trip inside the municipality: "usually under 30 minutes"
START_MINUTES = 5           # stopping and starting in town at either end
MIN_MINUTES = 15            # the floor for a trip to another municipality
ROAD_FACTOR = 1.3           # road distance / straight line
ROAD_SPEED_KMH = 60.0       # a regional bus over the road distance, stops included
RAIL_FACTOR = 1.3           # track distance / straight line (as for roads)
RAIL_SPEED_KMH = 120.0      # a regional or long-distance train over the track, stops included
CHANGE_MINUTES = 10         # one change of train between two lines


@dataclass(frozen=True)
class Place:
    code: str          # kommunkod
    lat: float
    lon: float


@dataclass(frozen=True)
class RailLine:
    """A line with direct trains between the larger towns on it (content: data/rail_lines.csv)."""
    name: str
    stops: tuple[Place, ...]
    source_url: str = ""
    codes: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "codes", frozenset(p.code for p in self.stops))


@dataclass(frozen=True)
class Trip:
    """A rough trip between two municipalities: local (no estimate), by road or by rail."""
    mode: str                         # LOCAL, ROAD or RAIL
    minutes: int | None               # None when local: "usually under LOCAL_MINUTES"
    km: float = 0.0                   # straight line, centre to centre
    line: str | None = None           # the rail line taken first
    via: str | None = None            # kommunkod where the train is changed

    @property
    def local(self) -> bool:
        return self.mode == LOCAL


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
    minutes: int | None               # to the nearest place; None when local or only at a distance
    place: str | None                 # kommunkod of the nearest place
    distance_learning: bool = False
    local: bool = False               # in the person's own municipality (or in every municipality)
    mode: str | None = None           # how the nearest place is reached (LOCAL, ROAD, RAIL)


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _minutes(km: float, factor: float, speed_kmh: float, extra: float = 0.0) -> int:
    return max(MIN_MINUTES, round(START_MINUTES + extra + km * factor / speed_kmh * 60))


def _by_rail(a: Place, b: Place, km: float, rail: Iterable[RailLine]) -> Trip | None:
    """The fastest train: on one line, else with one change where two lines meet."""
    lines = tuple(rail)
    best: Trip | None = None
    for line in lines:
        if a.code in line.codes and b.code in line.codes:
            trip = Trip(RAIL, _minutes(km, RAIL_FACTOR, RAIL_SPEED_KMH), km, line.name)
            if best is None or trip.minutes < best.minutes:
                best = trip
    if best is not None:
        return best
    for first in lines:
        if a.code not in first.codes:
            continue
        for second in lines:
            if second is first or b.code not in second.codes:
                continue
            for x in first.stops:
                if x.code in second.codes and x.code not in (a.code, b.code):
                    via_km = distance_km(a, x) + distance_km(x, b)
                    trip = Trip(RAIL, _minutes(via_km, RAIL_FACTOR, RAIL_SPEED_KMH, CHANGE_MINUTES),
                                km, first.name, x.code)
                    if best is None or trip.minutes < best.minutes:
                        best = trip
    return best


def travel(a: Place, b: Place, rail: Iterable[RailLine] = ()) -> Trip:
    """The rough trip from ``a`` to ``b``: local inside one municipality, else the faster of
    road and rail (see the module's docstring)."""
    if a.code == b.code:
        return Trip(LOCAL, None)
    km = distance_km(a, b)
    road = Trip(ROAD, _minutes(km, ROAD_FACTOR, ROAD_SPEED_KMH), km)
    train = _by_rail(a, b, km, rail)
    return train if train is not None and train.minutes < road.minutes else road


def travel_minutes(a: Place, b: Place, rail: Iterable[RailLine] = ()) -> int | None:
    """Minutes of the rough trip; None inside one municipality (local, "usually under 30")."""
    return travel(a, b, rail).minutes


def education_reach(home: Place, limit_minutes: int | None, where: EducationPlaces,
                    places: Mapping[str, Place], rail: Iterable[RailLine] = ()) -> Reach:
    """How far the nearest place giving this education is, and whether it is within the limit.
    A place in the person's own municipality is local: always within the limit."""
    if where.everywhere:
        return Reach(True, None, home.code, local=True, mode=LOCAL)
    rail = tuple(rail)
    best: tuple[Trip, str] | None = None
    for code in where.places:
        place = places.get(code)
        if place is not None:
            trip = travel(home, place, rail)
            if trip.local:
                return Reach(True, None, code, local=True, mode=LOCAL)
            if best is None or trip.minutes < best[0].minutes:
                best = (trip, code)
    minutes, code, mode = (best[0].minutes, best[1], best[0].mode) if best else (None, None, None)
    if best is not None and (limit_minutes is None or minutes <= limit_minutes):
        return Reach(True, minutes, code, mode=mode)
    if where.distance:
        return Reach(True, minutes, code, distance_learning=True, mode=mode)
    return Reach(False, minutes, code, mode=mode)


def reachable_share(home: Place, limit_minutes: int | None, routes: Mapping[str, Iterable[str]],
                    educations: Mapping[str, EducationPlaces], places: Mapping[str, Place],
                    rail: Iterable[RailLine] = ()) -> dict[str, float]:
    """Per SSYK code: the share (0..1) of its education routes the person can reach.

    Feeds ``Preferences.commute``; groups without known routes are left out (no penalty)."""
    rail = tuple(rail)
    shares: dict[str, float] = {}
    for ssyk, education_ids in routes.items():
        known = [educations[e] for e in education_ids if e in educations]
        if not known:
            continue
        reached = sum(1 for w in known if education_reach(home, limit_minutes, w, places, rail).reachable)
        shares[ssyk] = reached / len(known)
    return shares


# --- the model against known journeys ----------------------------------------------------------------

@dataclass(frozen=True)
class KnownJourney:
    """A cited public-transport journey time between two municipality seats."""
    a: str              # kommunkod
    b: str
    minutes: int
    mode: str = ""      # what the source describes: rail, bus, bus+rail
    source_url: str = ""


@dataclass(frozen=True)
class Comparison:
    known: KnownJourney
    trip: Trip

    @property
    def ratio(self) -> float:
        """Estimate / known: 1.0 is exact, above 1 the model is slower than the timetable."""
        return self.trip.minutes / self.known.minutes

    @property
    def relative_error(self) -> float:
        return abs(self.trip.minutes - self.known.minutes) / self.known.minutes


def compare_known(known: Iterable[KnownJourney], places: Mapping[str, Place],
                  rail: Iterable[RailLine] = ()) -> tuple[Comparison, ...]:
    """The model's trip for each known journey (in the order given)."""
    rail = tuple(rail)
    return tuple(Comparison(k, travel(places[k.a], places[k.b], rail)) for k in known)


@dataclass(frozen=True)
class ErrorSummary:
    pairs: int
    median_relative_error: float        # median |estimate - known| / known
    median_absolute_minutes: float      # median |estimate - known|
    worst_ratio: float                  # the largest max(ratio, 1/ratio): 1.6 = 60 % off either way
    within_factor_1_5: int              # how many pairs are within a factor 1.5 either way


def summarise(comparisons: Iterable[Comparison]) -> ErrorSummary:
    rows = tuple(comparisons)
    spread = [max(c.ratio, 1 / c.ratio) for c in rows]
    return ErrorSummary(
        pairs=len(rows),
        median_relative_error=statistics.median(c.relative_error for c in rows),
        median_absolute_minutes=statistics.median(abs(c.trip.minutes - c.known.minutes) for c in rows),
        worst_ratio=max(spread),
        within_factor_1_5=sum(1 for s in spread if s <= 1.5))
