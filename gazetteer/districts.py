"""The administrative centre of a district, raion or hromada named in a report.

Districts are named by their centre, mostly as an adjective ("Lgovsky
district" -> Lgov, "Krasnopilska hromada" -> Krasnopillia, "Lozivskyi raion"
-> Lozova) and sometimes by the centre's name itself ("the Sumy raion").
:func:`centre` strips a unit noun and an adjective ending, rebuilds the noun
forms the stem may come from (tables in :mod:`gazetteer.suffixes`), and looks
them up among the places of the region (or country) given, listed names and
romanisation variants alike. In a store built with GeoNames dumps, the seat
(PPLA2/PPLA3) of a second-level unit of that name comes first. Candidates rank
by how they were found (a noun
the adjective is made from before a place named like the adjective itself),
then by administrative seat status (GeoNames feature codes, when a GeoNames
dump was added to the store), then by population.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from gazetteer import suffixes
from gazetteer.names import normalize, strip_unit_noun

if TYPE_CHECKING:
    from gazetteer.gazetteer import Gazetteer
    from gazetteer.model import Place

_ADMIN1_CODE = re.compile(r"^[A-Z]{2}\.[0-9A-Z]{1,3}$")
_MIN_STEM = 3
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def stems(key: str) -> list[str]:
    """Stems of an adjectival district name, longest ending first ("lgovsky" -> ["lgov"]).

    >>> stems("krasnopilska"), stems("sumy")
    (['krasnopil'], [])
    """
    words = key.split()
    if not words:
        return []
    last = words[-1]
    out = []
    for ending in suffixes.ADJECTIVE_ENDINGS:
        if last.endswith(ending) and len(last) - len(ending) >= _MIN_STEM:
            out.append(" ".join(words[:-1] + [last[: -len(ending)]]))
            break
    return out


def noun_forms(stem: str) -> list[str]:
    """Names a centre may have, rebuilt from an adjective's stem, most direct first.

    >>> "lozova" in noun_forms("loziv"), "krasnopillia" in noun_forms("krasnopil"), "pryluky" in noun_forms("prylut")
    (True, True, True)
    """
    bases = [(stem, suffixes.NOUN_ENDINGS)]
    for link, endings in suffixes.LINKING:
        if stem.endswith(link) and len(stem) - len(link) >= _MIN_STEM - 1:
            bases.append((stem[: -len(link)], endings))
    for end, replacements in suffixes.ALTERNATIONS:
        if stem.endswith(end) and len(stem) - len(end) >= _MIN_STEM - 1:
            bases += [(stem[: -len(end)] + r, suffixes.NOUN_ENDINGS) for r in replacements]
    out = [base + ending for base, endings in bases for ending in endings]
    # Compounds: "velykoburlut" -> "velykyi burluk", "krasnoyaruzh" -> "krasnaya yaruga".
    for prefix, firsts in suffixes.COMPOUND_PREFIXES:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= _MIN_STEM:
            rest = noun_forms(stem[len(prefix):])
            out += [f"{first} {r}" for first in firsts for r in rest]
    # Hyphenated compounds: "seredyno bud" -> "seredyna buda" (first part -o -> -a/-e/-yi).
    if " " in stem:
        head, _, tail = stem.rpartition(" ")
        heads = {head} | ({head[:-1] + e for e in ("a", "e", "yi", "y")} if head.endswith("o") else set())
        out += [f"{h} {t}" for h in heads for t in noun_forms(tail)]
    return list(dict.fromkeys(f for f in out if len(f.replace(" ", "")) >= _MIN_STEM))


def _region(gaz: "Gazetteer", admin1: str | None, country: str | None) -> tuple[str | None, str | None]:
    """(admin1 code, country code) from a code ("UA.21") or a region's name ("Sumy Oblast", "Kursk region")."""
    if not admin1:
        return None, country.strip().upper() if country else None
    admin1 = admin1.strip()
    if _ADMIN1_CODE.match(admin1):
        return admin1, admin1[:2]
    phrase = admin1 if admin1.lower().endswith(("region", "oblast", "krai", "kray", "republic")) else f"{admin1} region"
    units = gaz.search(phrase, country=country, kind="adm1", limit=1)
    if not units:
        raise ValueError(f"unknown region {admin1!r}")
    return units[0].admin1_code, units[0].country_code


def _seat_rank(place: "Place") -> int:
    code = place.feature_type or ""
    return suffixes.SEAT_CODES.index(code) if code in suffixes.SEAT_CODES else len(suffixes.SEAT_CODES)


def candidates(gaz: "Gazetteer", name: str, *, country: str | None = None, admin1: str | None = None) -> list["Place"]:
    """Plausible centres of the district ``name``, best first (see :func:`centre`)."""
    code, cc = _region(gaz, admin1, country)
    keys = [normalize(name)]
    if _CYRILLIC.search(name):  # "Льговский район": its romanisations
        from gazetteer.translit import variants

        keys = sorted(variants(name, cc if cc == "UA" else "RU") | variants(name, "UA")) or keys
    keys = [k for k in dict.fromkeys(strip_unit_noun(k) for k in keys) if k]
    # An adjective's centre is a noun its stem comes from (Dovzhanskyi -> Dovzhansk); a place
    # named like the adjective itself (a hamlet, a city district) is the centre only when no
    # such noun is found (Bilhorod-Dnistrovskyi). A name that is not an adjective is the centre's.
    forms: list[tuple[int, str]] = []
    for k in keys:
        for s in stems(k):
            forms += [(0, f) for f in noun_forms(s)]
        forms.append((1, k))
    best: dict[int, tuple[tuple, "Place"]] = {}
    # A unit of that name: the centre the codifier gives it (KATOTTG raions, hromadas, city
    # districts), else, in a store built with GeoNames dumps, its seat first.
    for k in keys:
        for unit in gaz.lookup(k, country=cc):
            if unit.kind != "adm2" or (code and unit.admin1_code != code):
                continue
            seat = gaz.centre_of(unit) if unit.source == "katottg" else None
            if seat is not None and seat.kind == "place":
                # A raion or hromada before a city district of that name (Donetsk has a "Bohodukhivskyi" one).
                rank = (-1 if unit.feature_type == "city_district" else -2, 0, -seat.population, seat.geonameid)
                if seat.geonameid not in best or rank < best[seat.geonameid][0]:
                    best[seat.geonameid] = (rank, seat)
                continue
            for p in gaz._unit_places(unit.geonameid):
                if _seat_rank(p) < len(suffixes.SEAT_CODES):
                    best[p.geonameid] = ((-1, _seat_rank(p), -p.population, p.geonameid), p)
    for tier, form in dict.fromkeys(forms):
        for p in gaz.lookup(form, country=cc):
            if p.kind != "place" or (code and p.admin1_code != code):
                continue
            rank = (tier, _seat_rank(p), -p.population, p.geonameid)
            if p.geonameid not in best or rank < best[p.geonameid][0]:
                best[p.geonameid] = (rank, p)
    return [replace(p, match="district_centre") for _, p in sorted(best.values(), key=lambda t: t[0])]


def centre(gaz: "Gazetteer", name: str, *, country: str | None = None, admin1: str | None = None) -> "Place | None":
    """The administrative centre of district ``name`` in ``admin1`` / ``country``, or None."""
    found = candidates(gaz, name, country=country, admin1=admin1)
    return found[0] if found else None
