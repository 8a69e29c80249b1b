"""Is a report about the war, and is an attack it tells one of the war's?

Run on a newsroom's whole feed, an attack cue alone ("hit by a truck", "a deal
was struck", "a sexual assault charge") would fill the map with noise. So an
event needs a war frame:

* the report is set in the theatre: it names a place in Ukraine, Russia,
  Belarus or Moldova, or one of the sides ("Russian", "Kyiv");
* and either the report speaks the language of war anywhere (troops,
  shelling, drones, an air raid warning, the front...), or the attack's own
  clauses do (a weapon, a stated side, a war word).

An event placed outside the theatre (debris in Poland, a drone over Romania)
is kept only when its clauses carry that evidence, name the side whose weapon
it was, and the report names that country itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.places.cyrillic import is_war_report
from geo.lang.en import events as lx
from geo.events.grouping import Group
from geo.model import THEATRE, Document, ResolvedMention

_WAR_RE = lx.compile_alternatives(lx.WAR_WORDS)
_SIDE_RE = re.compile(r"(?<![\w-])" + lx.SIDE_RE + r"(?![\w-])")
#: The Black Sea and the Sea of Azov: curated features with no country lie in this box.
_SEAS_BOX = (40.5, 48.0, 27.0, 42.0)  # lat min, lat max, lon min, lon max


@dataclass(frozen=True, slots=True)
class WarContext:
    """What a whole report says about being a war report."""

    theatre: bool
    war: bool
    countries: frozenset[str]


def war_context(doc: Document, mentions: list[ResolvedMention]) -> WarContext:
    """The report's war frame (see the module docstring)."""
    places = [m.place or m.container for m in mentions]
    theatre = any(p is not None and in_theatre(p) for p in places) or bool(_SIDE_RE.search(doc.text))
    words = _WAR_RE.search(doc.text) or is_war_report(doc.language, doc.text)
    countries = frozenset(p.country_code for p in places if p is not None and p.kind == "country")
    return WarContext(theatre, bool(words), countries)


def in_theatre(place) -> bool:
    """A place in the theatre's countries, or in the Black Sea or the Sea of Azov."""
    if place.country_code in THEATRE:
        return True
    lat0, lat1, lon0, lon1 = _SEAS_BOX
    return place.country_code is None and place.kind == "feature" and lat0 <= place.lat <= lat1 and lon0 <= place.lon <= lon1


#: Targets that strikes hit and accidents rarely do (homes and roads are left out: a car hits those).
_WAR_TARGETS = frozenset({"energy", "oil_fuel", "military", "port", "airfield", "rail", "industrial", "medical",
                          "civilian_infrastructure"})


def has_war_evidence(group: Group) -> bool:
    """The attack's own clauses name a weapon, a side that acted, a war word, or a strike on a war target."""
    for f in group.frames:
        if f.weapons or f.intercepted or any(basis in ("grammar", "defender") for _, basis in f.attackers):
            return True
        if f.strike and any(kind in _WAR_TARGETS for kind, _ in f.targets):
            return True
        if _WAR_RE.search(f.text):
            return True
    return False
