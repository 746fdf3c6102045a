"""The travel-time model (app/engine/geo.py) against cited public-transport journey times.

    .venv/bin/python benchmarks/travel_times.py      (or: -m benchmarks.travel_times)

Prints, for every pair in app/content/data/journey_times.csv, the cited minutes, the model's
estimate (and how: road, rail, rail with a change), the ratio, and then the median error and the
worst ratio; and the old model's figures (straight line × 1.3 at 60 km/h + 15 min) beside them.
Asserts nothing: tests/engine/test_engine_geo.py holds the bounds.
"""
from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.content.geo import known_journeys, kommuner, rail_lines  # noqa: E402
from app.engine.geo import KnownJourney, Place, RailLine, compare_known, distance_km, summarise  # noqa: E402


def inputs():
    places = {k.kommunkod: Place(k.kommunkod, k.lat, k.lon) for k in kommuner()}
    names = {k.kommunkod: k.name for k in kommuner()}
    rail = tuple(RailLine(r.name, tuple(places[c] for c in r.kommunkoder), r.source_url) for r in rail_lines())
    known = tuple(KnownJourney(j.a, j.b, j.minutes, j.mode, j.source_url) for j in known_journeys())
    return places, names, rail, known


def old_model(a: Place, b: Place) -> int:
    """The model before issue 17, for comparison."""
    return round(15 + distance_km(a, b) * 1.3 / 60 * 60)


def main() -> None:
    places, names, rail, known = inputs()
    rows = compare_known(known, places, rail)
    print(f"{'from':<14}{'to':<14}{'km':>6}{'cited':>7}{'model':>7}  {'how':<22}{'ratio':>6}{'old':>6}")
    old_ratios = []
    for c in rows:
        k, t = c.known, c.trip
        how = t.mode + (f" via {names[t.via]}" if t.via else "")
        old = old_model(places[k.a], places[k.b])
        old_ratios.append(old / k.minutes)
        print(f"{names[k.a]:<14}{names[k.b]:<14}{t.km:6.0f}{k.minutes:7d}{t.minutes:7d}  {how:<22}{c.ratio:6.2f}{old:6d}")
    s = summarise(rows)
    print()
    print(f"pairs: {s.pairs} (rail {sum(1 for c in rows if c.known.mode == 'rail')}, "
          f"bus or bus+rail {sum(1 for c in rows if c.known.mode != 'rail')})")
    print(f"median relative error: {s.median_relative_error:.1%}")
    print(f"median absolute error: {s.median_absolute_minutes:.1f} minutes")
    print(f"worst ratio (either way): {s.worst_ratio:.2f}")
    print(f"within a factor 1.5: {s.within_factor_1_5} of {s.pairs}")
    print(f"median ratio (bias, 1 = none): {statistics.median(c.ratio for c in rows):.2f}")
    old_spread = [max(r, 1 / r) for r in old_ratios]
    print(f"old model: median relative error {statistics.median(abs(r - 1) for r in old_ratios):.1%}, "
          f"worst ratio {max(old_spread):.2f}")
    vs = next(c for c in rows if {c.known.a, c.known.b} == {"1980", "0180"})
    print(f"Västerås–Stockholm: cited {vs.known.minutes}, model {vs.trip.minutes} ({vs.trip.mode}), "
          f"old model {old_model(places['1980'], places['0180'])}")


if __name__ == "__main__":
    main()
