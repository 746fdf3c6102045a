"""290 kommuner and 21 län, from the committed kommun table (codes, names, coordinates and sources)."""
from __future__ import annotations

import sqlalchemy as sa

from app.content.geo import LAN
from app.content.geo import kommuner as load_kommuner


def test_290_kommuner_in_21_lan():
    kommuner = load_kommuner()
    assert len(kommuner) == 290
    assert len({k.kommunkod for k in kommuner}) == 290
    assert len({k.slug for k in kommuner}) == 290
    assert {k.lan_code for k in kommuner} == set(LAN) and len(LAN) == 21
    by_name = {k.name: k for k in kommuner}
    assert by_name["Göteborg"].kommunkod == "1480" and by_name["Stockholm"].kommunkod == "0180"
    assert by_name["Håbo"].lan_code == "03" and by_name["Habo"].lan_code == "06"
    for k in kommuner:
        assert k.kommunkod[:2] == k.lan_code
        assert 55.0 < k.lat < 69.5 and 10.5 < k.lon < 24.5, k
    # Göteborg's point is the city, not a village in the kommun
    assert abs(by_name["Göteborg"].lat - 57.71) < 0.05 and abs(by_name["Göteborg"].lon - 11.97) < 0.05


def test_load_writes_municipalities_and_regions(empty_db_url, make_cli_app):
    runner = make_cli_app(empty_db_url).test_cli_runner()
    result = runner.invoke(args=["content", "load"])
    assert result.exit_code == 0, result.output
    engine = sa.create_engine(empty_db_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM municipality")).scalar() == 290
        assert conn.execute(sa.text("SELECT COUNT(*) FROM region")).scalar() == 21
        assert conn.execute(sa.text("SELECT name FROM municipality WHERE kommunkod = '2584'")).scalar() == "Kiruna"
    engine.dispose()


def test_the_kommun_table_names_its_sources():
    from app.content.geo import DATA_DIR

    header = [line for line in (DATA_DIR / "kommuner.csv").read_text(encoding="utf-8").splitlines()
              if line.startswith("#")]
    assert any("SCB" in line for line in header) and any("GeoNames" in line and "CC BY" in line for line in header)


def test_rail_lines_and_cited_journeys_are_content_with_sources():
    """The travel-time model's rail lines and the journeys it is measured against
    (data/rail_lines.csv, data/journey_times.csv) name known kommuner and their sources."""
    from app.content.geo import known_journeys, rail_lines

    lines = rail_lines()
    assert 5 <= len(lines) <= 15, "keep the rail table small"
    assert all(len(line.kommunkoder) >= 2 and line.source_url.startswith("https://") for line in lines)
    assert any("Mälarbanan" in line.name and {"0180", "1980"} <= set(line.kommunkoder) for line in lines)
    journeys = known_journeys()
    assert len(journeys) >= 20
    assert all(j.minutes > 0 and j.source_url and j.retrieved and j.note for j in journeys)
    assert len({frozenset((j.a, j.b)) for j in journeys}) == len(journeys)
