"""Named sites of the war (plants, dams, ports, bridges, refineries), placed at their town.

Source: the curated table ``gazetteer/data/sites.csv``. It holds no coordinates:
each row names the town (or airfield) the site lies in, by name, country and
GeoNames admin1 code, and the store places the site at that town's point, so a
site is exactly as well placed as its town and no point is typed by hand. Each
row cites the article that says where the site is.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

#: ``placement`` of a site: it sits at the point of the town it is named after or lies in.
PLACEMENT = "site_town"


@dataclass(frozen=True, slots=True)
class Site:
    name: str
    alternates: tuple[str, ...]
    site_type: str
    town: str
    country: str
    admin1: str
    source: str


def data_path() -> Path:
    return Path(str(resources.files("gazetteer") / "data" / "sites.csv"))


def read(path: Path) -> list[Site]:
    """The table's rows; a row missing a column is an error naming the file and line."""
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(line for line in fh if not line.startswith("#")), 2):
            values = {k: (row.get(k) or "").strip() for k in
                      ("name", "alternate_names", "site_type", "town", "country_code", "admin1_code", "source")}
            missing = [k for k, v in values.items() if not v and k != "alternate_names"]
            if missing:
                raise ValueError(f"{path}: row near line {lineno} lacks {', '.join(missing)}")
            out.append(Site(values["name"], tuple(a.strip() for a in values["alternate_names"].split("|") if a.strip()),
                            values["site_type"], values["town"], values["country_code"], values["admin1_code"],
                            values["source"]))
    return out


def store_id(index: int) -> int:
    """Negative ids below the supplement's and apart from the airfields' (-2e18 - n)."""
    return -(3 * 10**18 + index)
