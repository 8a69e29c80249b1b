"""The Gazetteer: name search, exact lookups, regions and reverse lookup over the store.

Lookups go through an indexed SQLite table of normalised names (see
:mod:`gazetteer.names`) with an LRU cache in front; nothing is loaded at open
except the connection, so a fresh process opens the store in milliseconds.

Ranking is neutral (no preference for any country): match quality first
(primary name, a region's bare name, alternate name, romanisation of a
Cyrillic name, a unit's name that is only part of a town's, transliteration
skeleton), then prominence (log population; an ADM1 unit ranks with its
administrative centre's population), with countries above places of the same
name and, for region phrases ("Sumy oblast"), ADM1 units above places. A
skeleton collision ranks after every place the query names exactly.

:func:`gazetteer.districts.centre` finds the centre of a district, raion or
hromada from its name.
"""

from __future__ import annotations

import functools
import math
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from gazetteer import store as _store
from gazetteer.build import (GENERATED, Q_ALTERNATE, Q_CAPITAL_CORE, Q_CORE, Q_PARTIAL, Q_PRIMARY, Q_SKELETON,
                             Q_VARIANT, SKELETON_PREFIX)
from gazetteer.model import KINDS, Place
from gazetteer.names import normalize, parse_region_phrase, skeleton

#: Reverse lookup: the most populous place this close to the nearest one wins.
REVERSE_SLACK_KM = 2.0

#: Queries longer than this cannot be a place name; they return nothing.
MAX_QUERY_CHARS = 200

# A romanisation variant ranks just below a listed alternate name (a listed name of a place
# of like size wins), well above a lossy skeleton; a partial name ("Oklahoma" of Oklahoma
# City) below the unit's own name.
_Q_WEIGHT = {Q_PRIMARY: 1.0, Q_CORE: 0.97, Q_ALTERNATE: 0.94, Q_CAPITAL_CORE: 0.9, Q_SKELETON: 0.8,
             Q_VARIANT: 0.92, Q_PARTIAL: 0.85}
_MATCH = {Q_PRIMARY: "name", Q_CORE: "region_name", Q_ALTERNATE: "alternate", Q_CAPITAL_CORE: "region_name",
          Q_SKELETON: "variant", Q_VARIANT: "transliteration", Q_PARTIAL: "partial"}
_POP_WEIGHT = 0.1  # per decade of population
_KIND_BONUS = 2.0  # a country for a country name; an ADM1 unit for a region phrase
_CITY_UNIT_PENALTY = 0.5  # region phrase naming a city-status unit ("Kyiv region" is the oblast)
_WHOLE_NAME_BONUS = 0.3  # region phrase that is a unit's own typed name
_SCALE = 4.0  # keeps scores within [0, 1]

_COLUMNS = ("p.id, p.name, p.kind, p.cc, p.admin1, p.lat, p.lon, p.population, p.rank_pop, p.iso_code, p.feature_type, "
            "p.source, p.raion, p.hromada, p.placement")
_EARTH_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class ReverseResult:
    """Nearest populated place to a point, its ADM1 unit and the distance to it."""

    place: Place
    region: Place | None
    distance_km: float


class Gazetteer:
    """Read access to a built store. Use :meth:`open` or :func:`gazetteer.default_gazetteer`.

    >>> gaz = Gazetteer.open()                                  # doctest: +SKIP
    >>> gaz.search("Sumy oblast")[0].admin1_code                # doctest: +SKIP
    'UA.21'
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._local = threading.local()
        self._pid = os.getpid()
        self._adm1_names: dict[str, str] | None = None
        self._points = None
        self._lock = threading.Lock()
        self._search_cached = functools.lru_cache(maxsize=100_000)(self._search)
        self._exact_cached = functools.lru_cache(maxsize=200_000)(self._exact)
        self._meta = dict(self._con.execute("SELECT key, value FROM meta").fetchall())

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, rebuild: bool = False) -> "Gazetteer":
        """Open the store at ``path`` (default: the cache's), building it first if missing or stale."""
        return cls(_store.ensure(Path(path) if path else None, rebuild=rebuild))

    # -- connection (one per thread and process; sqlite connections do not survive fork) --
    @property
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None or self._pid != os.getpid():
            if self._pid != os.getpid():
                self._pid = os.getpid()
                self._local = threading.local()
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            con.execute("PRAGMA query_only=1")
            con.execute("PRAGMA cache_size=-16000")
            self._local.con = con
        return con

    def __reduce__(self):
        # Workers (process pools, Dask) get the path and reopen; connections and caches stay behind.
        return (Gazetteer, (str(self.path),))

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r})"

    # -- rows to Places --
    def _admin1_name(self, code: str | None) -> str | None:
        if code is None:
            return None
        if self._adm1_names is None:
            self._load_units()
        return self._adm1_names.get(code)

    def _load_units(self) -> None:
        rows = self._con.execute(f"SELECT p.centre, {_COLUMNS} FROM places p WHERE p.kind = 'adm1'").fetchall()
        self._centres = {r[0]: r[1:] for r in rows if r[0] is not None}
        self._adm1_names = {r[5]: r[2] for r in rows}

    def _unit_centred_on(self, place_id: int) -> tuple | None:
        """The ADM1 row whose administrative centre is this place, if any."""
        if self._adm1_names is None:
            self._load_units()
        return self._centres.get(place_id)

    def _place(self, row: tuple, score: float = 0.0, match: str | None = None) -> Place:
        pid, name, kind, cc, admin1, lat, lon, pop, _rank, iso, ftype, source, raion, hromada, placement = row
        return Place(pid, name, kind, cc, admin1, self._admin1_name(admin1), lat, lon, pop,
                     score, iso, ftype, source, match, raion, hromada, placement)

    def _rows(self, keys: tuple[str, ...]) -> list[tuple]:
        marks = ",".join("?" * len(keys))
        sql = f"SELECT n.q, {_COLUMNS} FROM names n JOIN places p ON p.id = n.id WHERE n.key IN ({marks})"
        return self._con.execute(sql, keys).fetchall()

    # -- search --
    def search(self, name: str, country: str | None = None, kind: str | None = None, limit: int = 10) -> list[Place]:
        """Places matching ``name``, best first, each with ``.score`` in [0, 1].

        ``country`` (ISO alpha-2) and ``kind`` (country, adm1, place, feature)
        filter the results. Region phrases ("Sumy oblast", "Russia's Belgorod
        region", "the Kursk border region") rank the ADM1 unit first.
        """
        if not isinstance(name, str):
            raise TypeError(f"name must be a string, not {type(name).__name__}")
        if kind is not None and kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
        if limit < 1 or len(name) > MAX_QUERY_CHARS:
            return []
        cc = country.strip().upper() if country else None
        return list(self._search_cached(name, cc, kind, int(limit)))

    def _country_code(self, key: str) -> str | None:
        for row in self._rows((key,)):
            if row[3] == "country" and row[0] not in GENERATED:
                return row[4]
        return None

    def _search(self, name: str, country: str | None, kind: str | None, limit: int) -> tuple[Place, ...]:
        phrase = parse_region_phrase(name)
        if phrase.possessor:
            cc = self._country_code(phrase.possessor)
            if cc is None:
                phrase = parse_region_phrase(name, possessive=False)
            elif country is None:
                country = cc
        full = normalize(name) if not phrase.possessor else None
        if not phrase.core:
            return ()
        keys = {phrase.core}
        if full:
            keys.add(full)
        for k in list(keys):
            sk = skeleton(k)
            if sk:
                keys.add(SKELETON_PREFIX + sk)
        best: dict[int, tuple[float, tuple, int]] = {}
        found = self._rows(tuple(keys))
        # A typed name matched whole ("Altay Krai") outranks a unit sharing only its core ("Altay").
        whole = ({r[1] for r in self._rows((full,)) if r[0] == Q_PRIMARY}
                 if full and phrase.region and full != phrase.core else set())
        if phrase.region:
            # "Odessa region", "Nikolaev region": the unit whose centre the core names.
            for q, pid, _n, pkind, *_rest in list(found):
                unit = self._unit_centred_on(pid) if pkind == "place" and q != Q_SKELETON else None
                if unit is not None:
                    found.append((q, *unit))
        for q, *row in found:
            pkind, cc, unit_type = row[2], row[3], row[10]
            if (kind and pkind != kind) or (country and cc != country):
                continue
            score = _Q_WEIGHT[q] + _POP_WEIGHT * math.log10(row[8] + 1)
            if pkind == "country" and q not in GENERATED:
                score += _KIND_BONUS
            if pkind == "adm1" and q == Q_SKELETON and not phrase.region:
                score -= 0.1  # a bare variant spelling means the city rather than its region
            if phrase.region and pkind == "adm1":
                score += _KIND_BONUS * (1.0 if q != Q_SKELETON else 0.75)
                if unit_type and "city" in unit_type.lower():
                    score -= _CITY_UNIT_PENALTY
                if row[0] in whole:
                    score += _WHOLE_NAME_BONUS
            old = best.get(row[0])
            if old is None or score > old[0]:
                best[row[0]] = (score, row, q)
        # A lossy skeleton collision ranks below a place whose listed name or romanisation the
        # query is ("Primorskoye" is a village's name, not a misspelling of Primorsk).
        precise = [sc for sc, row, q in best.values() if q != Q_SKELETON and row[2] in ("place", "feature")]
        if precise:
            cap = min(precise) - 0.001
            for pid, (sc, row, q) in best.items():
                if q == Q_SKELETON and row[2] in ("place", "feature") and sc > cap:
                    best[pid] = (cap, row, q)
        ranked = sorted(best.values(), key=lambda t: (-t[0], -t[1][7], t[1][0]))[:limit]
        return tuple(self._place(row, round(min(1.0, score / _SCALE), 4), _MATCH[q]) for score, row, q in ranked)

    # -- exact --
    def exact(self, name: str, country: str | None = None) -> list[Place]:
        """Every place whose name or alternate name normalises to ``name`` (unranked, score 0)."""
        return self._lookup(name, country, listed=True)

    def lookup(self, name: str, *, country: str | None = None) -> list[Place]:
        """Like :meth:`exact`, with romanisation variants, each Place saying in ``match`` how it matched.

        ``match`` is "name", "alternate", "region_name" (a unit's bare name),
        "partial" (an alternate that is a unit's name and only part of the
        place's own: "Oklahoma" for Oklahoma City) or "transliteration" (a
        romanisation of a Cyrillic name the data lists: "Artyomovsk",
        "Krasny Liman"). Unranked, score 0.
        """
        return self._lookup(name, country, listed=False)

    def _lookup(self, name: str, country: str | None, listed: bool) -> list[Place]:
        if not isinstance(name, str) or len(name) > MAX_QUERY_CHARS:
            return []
        key = normalize(name)
        if not key:
            return []
        places = self._exact_cached(key)[0 if listed else 1]
        if country:
            cc = country.strip().upper()
            return [p for p in places if p.country_code == cc]
        return list(places)

    def _exact(self, key: str) -> tuple[tuple[Place, ...], tuple[Place, ...]]:
        """(listed names without ``match``, for ``exact``; listed names and variants with it, for ``lookup``)."""
        rows = self._con.execute(
            f"SELECT n.q, {_COLUMNS} FROM names n JOIN places p ON p.id = n.id WHERE n.key = ? AND n.q != ?",
            (key, Q_SKELETON),
        ).fetchall()
        return (tuple(self._place(r[1:]) for r in rows if r[0] != Q_VARIANT),
                tuple(self._place(r[1:], match=_MATCH[r[0]]) for r in rows))

    # -- districts (see gazetteer.districts) --
    def centre_of(self, unit: Place) -> Place | None:
        """The administrative centre of a raion, hromada or city district (stores with KATOTTG), or None."""
        row = self._con.execute("SELECT centre FROM places WHERE id = ?", (unit.geonameid,)).fetchone()
        return self.get(row[0]) if row and row[0] is not None else None

    def _unit_places(self, unit_id: int) -> list[Place]:
        """Populated places of an ADM2 unit (same admin1 and admin2 codes; stores built with GeoNames dumps)."""
        row = self._con.execute("SELECT admin1, admin2 FROM places WHERE id = ? AND kind = 'adm2'", (unit_id,)).fetchone()
        if not row or not row[1]:
            return []
        rows = self._con.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.admin1 = ? AND p.admin2 = ? "
                                 "AND p.kind = 'place'", row).fetchall()
        return [self._place(r) for r in rows]

    # -- by id / code --
    def _one(self, where: str, args: tuple) -> Place | None:
        row = self._con.execute(f"SELECT {_COLUMNS} FROM places p WHERE {where} LIMIT 1", args).fetchone()
        return self._place(row) if row else None

    def get(self, geonameid: int) -> Place | None:
        """The place with this GeoNames id (negative ids are curated features)."""
        try:
            return self._one("p.id = ?", (int(geonameid),))
        except (TypeError, ValueError, OverflowError):
            return None

    def region(self, admin1_code: str) -> Place | None:
        """The ADM1 unit with this GeoNames admin1 code ("UA.21")."""
        if not admin1_code:
            return None
        return self._one("p.admin1 = ? AND p.kind = 'adm1'", (str(admin1_code).strip(),))

    def regions(self, country_code: str) -> list[Place]:
        """All ADM1 units of a country, by name."""
        rows = self._con.execute(
            f"SELECT {_COLUMNS} FROM places p WHERE p.kind = 'adm1' AND p.cc = ? ORDER BY p.name",
            (str(country_code).strip().upper(),),
        ).fetchall()
        return [self._place(r) for r in rows]

    def country(self, code: str) -> Place | None:
        """The country with this ISO alpha-2 code."""
        if not code:
            return None
        return self._one("p.kind = 'country' AND p.cc = ?", (str(code).strip().upper(),))

    def populated_places(self, bounds: tuple, min_population: int) -> list[Place]:
        """Populated places inside (west, south, east, north) with at least ``min_population``, largest first.

        For reference names on a map (``maps.labels``).
        """
        w, s, e, n = (float(v) for v in bounds)
        rows = self._con.execute(
            f"SELECT {_COLUMNS} FROM places p WHERE p.kind = 'place' AND p.population >= ? "
            "AND p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ? ORDER BY p.population DESC",
            (int(min_population), s, n, w, e)).fetchall()
        return [self._place(r) for r in rows]

    # -- reverse --
    def _load_points(self):
        import numpy as np

        with self._lock:
            if self._points is None:
                arrays = {}
                for name, dtype, data in self._con.execute("SELECT name, dtype, data FROM blobs"):
                    arrays[name] = np.frombuffer(data, dtype=dtype)
                self._points = (arrays["lat"], arrays["lon"], arrays["id"], arrays["pop"])
        return self._points

    def reverse(self, lat: float, lon: float) -> ReverseResult:
        """The nearest populated place to (lat, lon), its ADM1 unit and the distance in km.

        GeoNames lists city districts as places of their own; so that a point in
        a city centre gives the city, the most populous place within
        ``REVERSE_SLACK_KM`` of the nearest distance wins.
        """
        lat, lon = float(lat), float(lon)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat) or math.isnan(lon):
            raise ValueError(f"({lat}, {lon}) is not a latitude/longitude pair")
        import numpy as np

        lats, lons, ids, pops = self._load_points()
        width = 0.25
        while True:
            lo, hi = np.searchsorted(lats, [lat - width, lat + width])
            if hi > lo:
                d = distances_km(lat, lon, lats[lo:hi], lons[lo:hi])
                i = int(np.argmin(d))
                if d[i] <= width * 111.19 - REVERSE_SLACK_KM or width >= 180:
                    break
            width *= 2
        near = np.flatnonzero(d <= d[i] + REVERSE_SLACK_KM)
        i = int(near[np.argmax(pops[lo:hi][near])])
        place = self.get(int(ids[lo + i]))
        return ReverseResult(place, self.region(place.admin1_code), float(d[i]))

    # -- info --
    def info(self) -> dict:
        """Sources, counts, build date, store path, input hash and the GeoNames dumps added."""
        import json

        return {
            "path": str(self.path),
            "size_mb": round(self.path.stat().st_size / 1e6, 1),
            "built": self._meta.get("built"),
            "input_hash": self._meta.get("input_hash"),
            "schema_version": self._meta.get("schema_version"),
            "counts": json.loads(self._meta.get("counts", "{}")),
            "sources": json.loads(self._meta.get("sources", "{}")),
            # GeoNames dumps added to the built-in data: path, name, size, sha256, rows, taken,
            # skipped (bad lines) and added (places new to the store); [] for the built-in store.
            "geonames_files": json.loads(self._meta.get("geonames_files", "[]")),
        }

    def cache_info(self) -> dict:
        """LRU statistics of the search and exact caches."""
        return {"search": self._search_cached.cache_info()._asdict(), "exact": self._exact_cached.cache_info()._asdict()}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in km between two points, mean Earth radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def distances_km(lat: float, lon: float, lats, lons):
    """Great-circle distances in km from one point to arrays of points (numpy, vectorised)."""
    import numpy as np

    p1, p2 = math.radians(lat), np.radians(lats)
    dphi = p2 - p1
    dl = np.radians(lons - lon)
    a = np.sin(dphi / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


_default: Gazetteer | None = None
_default_lock = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, opened (and built if needed) on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Gazetteer.open()
    return _default
