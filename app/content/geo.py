"""Sweden's 290 kommuner and 21 län, with a representative coordinate per kommun.

Codes, proper names and coordinates are in ``data/kommuner.csv``, a small committed content file
whose header names its sources: SCB kommunkoder (cross-checked against two independent public
code lists) and, for each kommun, the GeoNames ``cities1000`` place named like it (usually its
seat: Göteborg, Kiruna), taken once and cross-checked (every kommun matched exactly one GeoNames
admin2 area, in the län its code starts with). ``kommuner()`` reads it and fails loudly on a
file that does not hold 290 distinct kommuner inside Sweden.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# SCB länskod -> (name, letter, GeoNames admin1 name: how the coordinates were matched to the län)
LAN = {
    "01": ("Stockholms län", "AB", "Stockholm"),
    "03": ("Uppsala län", "C", "Uppsala"),
    "04": ("Södermanlands län", "D", "Soedermanland"),
    "05": ("Östergötlands län", "E", "OEstergoetland"),
    "06": ("Jönköpings län", "F", "Joenkoeping"),
    "07": ("Kronobergs län", "G", "Kronoberg"),
    "08": ("Kalmar län", "H", "Kalmar"),
    "09": ("Gotlands län", "I", "Gotland"),
    "10": ("Blekinge län", "K", "Blekinge"),
    "12": ("Skåne län", "M", "Skane"),
    "13": ("Hallands län", "N", "Halland"),
    "14": ("Västra Götalands län", "O", "Vaestra Goetaland"),
    "17": ("Värmlands län", "S", "Vaermland"),
    "18": ("Örebro län", "T", "OErebro"),
    "19": ("Västmanlands län", "U", "Vaestmanland"),
    "20": ("Dalarnas län", "W", "Dalarna"),
    "21": ("Gävleborgs län", "X", "Gaevleborg"),
    "22": ("Västernorrlands län", "Y", "Vaesternorrland"),
    "23": ("Jämtlands län", "Z", "Jaemtland"),
    "24": ("Västerbottens län", "AC", "Vaesterbotten"),
    "25": ("Norrbottens län", "BD", "Norrbotten"),
}


@dataclass(frozen=True)
class Kommun:
    kommunkod: str
    name: str
    slug: str
    lan_code: str
    lat: float
    lon: float


def fold(text: str) -> str:
    """Lower-case ASCII: å/ä→a, ö→o, é→e."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def read_kommuner_csv() -> list[dict]:
    with open(DATA_DIR / "kommuner.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@lru_cache(maxsize=1)
def kommuner() -> tuple[Kommun, ...]:
    """The 290 kommuner with coordinates; raises ``ValueError`` if the file is not what it says."""
    out, problems = [], []
    for row in read_kommuner_csv():
        code, name = row["kommunkod"], row["name"]
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (KeyError, TypeError, ValueError):
            problems.append(f"{code} {name}: no coordinates")
            continue
        if code[:2] not in LAN or len(code) != 4 or not code.isdigit():
            problems.append(f"{code} {name}: not a kommunkod of a known län")
        if not (55.0 < lat < 69.5 and 10.5 < lon < 24.5):
            problems.append(f"{code} {name}: {lat}, {lon} is outside Sweden")
        out.append(Kommun(code, name, slugify(name), code[:2], lat, lon))
    slugs = Counter(k.slug for k in out)
    out = [k if slugs[k.slug] == 1 else Kommun(k.kommunkod, k.name, f"{k.slug}-{k.kommunkod}", k.lan_code, k.lat, k.lon)
           for k in out]   # Håbo and Habo fold to the same slug
    if len({k.kommunkod for k in out}) != len(out):
        problems.append("a kommunkod is listed twice")
    if problems or len(out) != 290:
        raise ValueError(f"data/kommuner.csv holds {len(out)} kommuner: " + "; ".join(problems))
    return tuple(out)


# --- the travel-time model's rail lines and the cited journeys it is measured against -------------

@dataclass(frozen=True)
class RailLineRow:
    name: str
    kommunkoder: tuple[str, ...]
    source_url: str


@dataclass(frozen=True)
class JourneyRow:
    a: str
    b: str
    minutes: int
    mode: str
    source_url: str
    retrieved: str
    note: str


def _read_csv(name: str) -> list[dict]:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@lru_cache(maxsize=1)
def rail_lines() -> tuple[RailLineRow, ...]:
    """``data/rail_lines.csv``: the rail corridors of ``app.engine.geo``; ``ValueError`` if a line
    names an unknown kommun, has fewer than two towns or no source."""
    known = {k.kommunkod for k in kommuner()}
    out, problems = [], []
    for row in _read_csv("rail_lines.csv"):
        codes = tuple(row["kommunkoder"].split())
        unknown = [c for c in codes if c not in known]
        if unknown or len(set(codes)) < 2 or len(set(codes)) != len(codes):
            problems.append(f"{row['line']}: kommunkoder {' '.join(codes)} (unknown: {' '.join(unknown) or '-'})")
        if not row.get("source_url", "").startswith("https://"):
            problems.append(f"{row['line']}: no https source")
        out.append(RailLineRow(row["line"], codes, row["source_url"]))
    if problems or not out:
        raise ValueError("data/rail_lines.csv: " + "; ".join(problems or ["no lines"]))
    return tuple(out)


@lru_cache(maxsize=1)
def known_journeys() -> tuple[JourneyRow, ...]:
    """``data/journey_times.csv``: cited public-transport journey times between municipality seats,
    what the travel-time model is measured against; ``ValueError`` on a row that is not one."""
    known = {k.kommunkod for k in kommuner()}
    out, problems = [], []
    for n, row in enumerate(_read_csv("journey_times.csv"), start=1):
        try:
            minutes = int(row["minutes"])
        except (TypeError, ValueError):
            minutes = 0
        a, b = row["from_kommunkod"], row["to_kommunkod"]
        if a not in known or b not in known or a == b or minutes <= 0:
            problems.append(f"row {n}: {a}-{b} {row['minutes']}")
        if not row.get("source_url", "").startswith(("https://", "http://")) or not row.get("retrieved"):
            problems.append(f"row {n}: {a}-{b} has no source and date")
        out.append(JourneyRow(a, b, minutes, row["mode"], row["source_url"], row["retrieved"], row["note"]))
    pairs = Counter(frozenset((j.a, j.b)) for j in out)
    problems += [f"{' '.join(sorted(p))} is listed twice" for p, n in pairs.items() if n > 1]
    if problems:
        raise ValueError("data/journey_times.csv: " + "; ".join(problems))
    return tuple(out)
