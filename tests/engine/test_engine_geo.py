"""Distances, the travel-time model and education reach (app/engine/geo.py).

The model is measured against the cited journeys in app/content/data/journey_times.csv; the
figures are printed by ``python -m benchmarks.travel_times`` and quoted in docs/DECISION.md."""
from app.content.geo import known_journeys, kommuner, rail_lines
from app.engine.geo import (
    CHANGE_MINUTES,
    LOCAL,
    MIN_MINUTES,
    RAIL,
    ROAD,
    EducationPlaces,
    KnownJourney,
    Place,
    RailLine,
    compare_known,
    distance_km,
    education_reach,
    reachable_share,
    summarise,
    travel,
    travel_minutes,
)

MALMO = Place("1280", 55.605, 13.0038)
LUND = Place("1281", 55.7047, 13.191)
KIRUNA = Place("2584", 67.8557, 20.2253)
PLACES = {p.code: p for p in (MALMO, LUND, KIRUNA)}

ALL = {k.kommunkod: Place(k.kommunkod, k.lat, k.lon) for k in kommuner()}
RAIL_LINES = tuple(RailLine(r.name, tuple(ALL[c] for c in r.kommunkoder), r.source_url) for r in rail_lines())
KNOWN = tuple(KnownJourney(j.a, j.b, j.minutes, j.mode, j.source_url) for j in known_journeys())


def trip(a: str, b: str, rail=RAIL_LINES):
    return travel(ALL[a], ALL[b], rail)


def test_distance_is_the_great_circle():
    assert 15 < distance_km(MALMO, LUND) < 17          # about 16 km
    assert 1350 < distance_km(MALMO, KIRUNA) < 1450
    assert distance_km(LUND, MALMO) == distance_km(MALMO, LUND)


# --- the model on the cited pairs ---------------------------------------------------------------

def test_enough_cited_pairs_short_medium_and_long_rail_and_bus():
    assert len(KNOWN) >= 20
    km = [distance_km(ALL[k.a], ALL[k.b]) for k in KNOWN]
    assert sum(1 for d in km if d <= 40) >= 4 and sum(1 for d in km if 40 < d <= 150) >= 8
    assert sum(1 for d in km if d > 150) >= 6
    assert sum(1 for k in KNOWN if k.mode != "rail") >= 4
    assert all(k.source_url.startswith(("https://", "http://")) for k in KNOWN)


def test_the_model_is_within_bounds_on_the_cited_pairs():
    """Every estimate within a factor 1.6 of the cited time either way, the median error at most
    20 %, and no systematic bias beyond 15 %."""
    rows = compare_known(KNOWN, ALL, RAIL_LINES)
    summary = summarise(rows)
    worst = max(rows, key=lambda c: max(c.ratio, 1 / c.ratio))
    assert summary.worst_ratio <= 1.6, (worst.known, worst.trip)
    assert summary.median_relative_error <= 0.20
    assert summary.within_factor_1_5 >= 0.9 * summary.pairs
    ratios = sorted(c.ratio for c in rows)
    assert 0.85 <= ratios[len(ratios) // 2] <= 1.15


def test_vasteras_stockholm_is_about_an_hour():
    """Issue 17: it was given as about 133 minutes; the regional train takes about an hour."""
    t = trip("1980", "0180")
    assert t.mode == RAIL and "Mälarbanan" in t.line
    assert 50 <= t.minutes <= 75


def test_the_model_is_better_than_the_old_one_on_every_rail_pair():
    for c in compare_known([k for k in KNOWN if k.mode == "rail"], ALL, RAIL_LINES):
        old = round(15 + c.trip.km * 1.3)
        assert abs(c.trip.minutes - c.known.minutes) <= abs(old - c.known.minutes), c.known


# --- boundaries ---------------------------------------------------------------------------------

def test_same_municipality_is_local_not_zero():
    t = travel(MALMO, MALMO, RAIL_LINES)
    assert t.mode == LOCAL and t.local and t.minutes is None
    assert travel_minutes(MALMO, MALMO) is None


def test_a_rail_corridor_pair_uses_the_rail_speed():
    on_line = trip("0380", "0180")                      # Uppsala–Stockholm, Ostkustbanan
    by_road = trip("0380", "0180", rail=())
    assert on_line.mode == RAIL and "Ostkustbanan" in on_line.line and on_line.via is None
    assert by_road.mode == ROAD and on_line.minutes < by_road.minutes


def test_a_pair_off_the_rail_lines_goes_by_road():
    t = trip("1863", "1880")                            # Hällefors–Örebro: Hällefors has no line here
    assert t.mode == ROAD and t.line is None
    assert t == trip("1863", "1880", rail=())


def test_two_lines_meeting_in_a_town_mean_one_change_there():
    t = trip("1287", "1480")                            # Trelleborg–Göteborg: Trelleborgsbanan, then Västkustbanan
    assert t.mode == RAIL and t.via in ("1280", "1281")
    direct_km = distance_km(ALL["1287"], ALL["1480"])
    assert t.minutes >= round(direct_km * 1.3 / 120 * 60) + CHANGE_MINUTES


def test_rail_is_only_taken_when_faster_than_the_road():
    t = trip("1980", "0380")                            # Västerås–Uppsala: by train only via Stockholm
    assert t.mode == ROAD and t.minutes <= trip("1980", "0380", rail=()).minutes


def test_no_trip_to_another_municipality_is_under_the_floor():
    solna, stockholm = ALL["0184"], ALL["0180"]
    assert distance_km(solna, stockholm) < 10
    assert travel_minutes(solna, stockholm, RAIL_LINES) == MIN_MINUTES


def test_the_estimate_is_symmetric_and_deterministic():
    for k in KNOWN:
        assert trip(k.a, k.b) == trip(k.a, k.b)
        assert trip(k.a, k.b).minutes == trip(k.b, k.a).minutes


# --- reach ----------------------------------------------------------------------------------------

def test_everywhere_is_always_reachable_and_local():
    reach = education_reach(KIRUNA, 10, EducationPlaces("komvux", everywhere=True), PLACES)
    assert reach.reachable and reach.local and reach.minutes is None and reach.mode == LOCAL


def test_given_at_home_is_local_and_within_any_limit():
    reach = education_reach(LUND, 5, EducationPlaces("yh", places=("1280", "1281")), PLACES)
    assert reach.reachable and reach.local and reach.place == "1281" and reach.minutes is None


def test_limit_decides_and_distance_learning_rescues():
    lund_only = EducationPlaces("yh", places=("1281",))
    assert education_reach(MALMO, 45, lund_only, PLACES).reachable
    far = education_reach(MALMO, 20, lund_only, PLACES)
    assert not far.reachable and far.place == "1281" and far.minutes > 20 and not far.local
    remote = education_reach(MALMO, 20, EducationPlaces("yh", distance=True, places=("1281",)), PLACES)
    assert remote.reachable and remote.distance_learning


def test_rail_lines_bring_places_within_reach():
    stockholm_only = EducationPlaces("yh", places=("0180",))
    assert not education_reach(ALL["1980"], 75, stockholm_only, ALL).reachable           # by road: 123 min
    by_train = education_reach(ALL["1980"], 75, stockholm_only, ALL, RAIL_LINES)
    assert by_train.reachable and by_train.mode == RAIL and by_train.minutes <= 75


def test_no_limit_means_any_place_counts():
    assert education_reach(KIRUNA, None, EducationPlaces("x", places=("1280",)), PLACES).reachable


def test_reachable_share_per_occupation():
    educations = {"komvux": EducationPlaces("komvux", everywhere=True),
                  "lund": EducationPlaces("lund", places=("1281",))}
    shares = reachable_share(KIRUNA, 60, {"5321": ["komvux", "lund"], "2221": ["lund"], "9999": ["unknown"]},
                             educations, PLACES)
    assert shares == {"5321": 0.5, "2221": 0.0}

