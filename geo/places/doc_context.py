"""What the resolver knows about one document while it reads it: lookups, coherence, focus.

:class:`DocContext` caches the gazetteer's answers for the document's names and
collects the evidence later mentions are read against (countries and regions
named, readings already chosen, the side whose forces act in a sentence).
``resolve``, ``roles`` and ``containers`` share it; it lives here so that none of
them imports another for it.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from gazetteer import distance_km, districts, normalize
from gazetteer.model import Place

log = logging.getLogger("geo.places.resolve")


def distance_between(a: Place, b: Place) -> float:
    return distance_km(a.lat, a.lon, b.lat, b.lon)


@dataclass
class DocContext:
    """Per-document caches and coherence evidence."""

    gaz: object
    text: str
    lookups: dict = field(default_factory=dict)
    countries: Counter = field(default_factory=Counter)
    adm1s: Counter = field(default_factory=Counter)
    cells: dict = field(default_factory=dict)
    inside: set = field(default_factory=set)
    war: bool = False
    chosen: dict = field(default_factory=dict)  # normalised lookup -> Place
    attacking: dict = field(default_factory=dict)  # sentence index -> the side whose forces act in it
    unknown: int = 0

    def exact(self, name: str, country: str | None = None) -> list[Place]:
        key = ("x", name.casefold(), country)
        hit = self.lookups.get(key)
        if hit is None:
            try:
                # Listed names and their romanisations ("Artyomovsk", "Krasny Liman"), each saying how it matched.
                hit = list(self.gaz.lookup(name, country=country)) if country else list(self.gaz.lookup(name))
            except Exception as exc:  # never let one odd name break a document
                log.debug("exact(%r) failed: %s", name, exc)
                hit = []
            self.lookups[key] = hit
        return hit

    def norm(self, name: str) -> str:
        key = ("n", name)
        hit = self.lookups.get(key)
        if hit is None:
            hit = self.lookups[key] = normalize(name)
        return hit

    def is_capital(self, p: Place) -> bool:
        key = ("c", p.country_code)
        if key not in self.lookups:
            try:
                self.lookups[key] = self.gaz.country(p.country_code) if p.country_code else None
            except Exception:
                self.lookups[key] = None
        return _is_capital_of(self.lookups[key], p)

    def district_centres(self, name: str, admin1: str | None = None) -> list[Place]:
        key = ("d", name.casefold(), admin1)
        hit = self.lookups.get(key)
        if hit is None:
            try:
                hit = districts.candidates(self.gaz, name, admin1=admin1)
            except Exception as exc:  # never let one odd name break a document
                log.debug("district_centres(%r) failed: %s", name, exc)
                hit = []
            self.lookups[key] = hit
        return hit

    def search(self, name: str, kind: str | None = None, country: str | None = None) -> list[Place]:
        key = ("s", name.casefold(), kind, country)
        hit = self.lookups.get(key)
        if hit is None:
            try:
                hit = list(self.gaz.search(name, country=country, kind=kind, limit=10))
            except Exception as exc:
                log.debug("search(%r) failed: %s", name, exc)
                hit = []
            self.lookups[key] = hit
        return hit


def _is_capital_of(country: Place | None, p: Place) -> bool:
    """The gazetteer puts a country at its capital's coordinates."""
    return country is not None and p.population >= 50_000 and distance_between(country, p) < 25
