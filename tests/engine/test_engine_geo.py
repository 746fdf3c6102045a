"""Distances, travel times and education reach (app/engine/geo.py)."""
from app.engine.geo import EducationPlaces, Place, distance_km, education_reach, reachable_share, travel_minutes

MALMO = Place("1280", 55.605, 13.0038)
LUND = Place("1281", 55.7047, 13.191)
KIRUNA = Place("2584", 67.8557, 20.2253)
PLACES = {p.code: p for p in (MALMO, LUND, KIRUNA)}


def test_distance_is_the_great_circle():
    assert 15 < distance_km(MALMO, LUND) < 17          # about 16 km
    assert 1350 < distance_km(MALMO, KIRUNA) < 1450
    assert distance_km(LUND, MALMO) == distance_km(MALMO, LUND)


def test_travel_minutes_rough_and_zero_at_home():
    assert travel_minutes(MALMO, MALMO) == 0
    assert 30 <= travel_minutes(MALMO, LUND) <= 40      # 15 + 16 km × 1.3 at 60 km/h
    assert travel_minutes(MALMO, KIRUNA) > 1000


def test_everywhere_is_always_reachable():
    reach = education_reach(KIRUNA, 10, EducationPlaces("komvux", everywhere=True), PLACES)
    assert reach.reachable and reach.minutes == 0


def test_limit_decides_and_distance_learning_rescues():
    lund_only = EducationPlaces("yh", places=("1281",))
    assert education_reach(MALMO, 45, lund_only, PLACES).reachable
    far = education_reach(MALMO, 20, lund_only, PLACES)
    assert not far.reachable and far.place == "1281" and far.minutes > 20
    remote = education_reach(MALMO, 20, EducationPlaces("yh", distance=True, places=("1281",)), PLACES)
    assert remote.reachable and remote.distance_learning


def test_no_limit_means_any_place_counts():
    assert education_reach(KIRUNA, None, EducationPlaces("x", places=("1280",)), PLACES).reachable


def test_reachable_share_per_occupation():
    educations = {"komvux": EducationPlaces("komvux", everywhere=True),
                  "lund": EducationPlaces("lund", places=("1281",))}
    shares = reachable_share(KIRUNA, 60, {"5321": ["komvux", "lund"], "2221": ["lund"], "9999": ["unknown"]},
                             educations, PLACES)
    assert shares == {"5321": 0.5, "2221": 0.0}
