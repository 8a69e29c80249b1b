"""The gazetteer's record type: one place, as plain data."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

#: The kinds of place the gazetteer holds, coarsest first.
KINDS = ("country", "adm1", "adm2", "place", "feature")


@dataclass(frozen=True, slots=True)
class Place:
    """A place from the gazetteer.

    ``kind`` is one of ``country``, ``adm1`` (first-level region: oblast, krai,
    republic, state), ``adm2`` (a unit below it: a raion, hromada or city district
    of Ukraine's codifier, or a district of a GeoNames dump), ``place`` (GeoNames populated place) or
    ``feature`` (curated non-populated feature: sea, river, historical region,
    landmark). ``feature_type`` is a unit's type, a feature's type, or a
    GeoNames feature code ("PPLA2") for places from a GeoNames dump.
    ``admin1_code`` is GeoNames' full code such as ``"UA.21"``; ``iso_code``
    is ISO 3166-2 (``"UA-59"``) for ADM1 units. ``score`` is the rank score of
    a search and 0 elsewhere.

    >>> Place(703448, "Kyiv", "place", "UA", "UA.12", "Kyiv City", 50.45, 30.52, 2797553).name
    'Kyiv'
    """

    geonameid: int
    name: str
    kind: str
    country_code: str | None
    admin1_code: str | None
    admin1_name: str | None
    lat: float
    lon: float
    population: int = 0
    score: float = 0.0
    iso_code: str | None = None
    feature_type: str | None = None
    source: str = "geonames"
    #: How a search matched: "name", "region_name" (a region's bare name), "alternate"
    #: (an alternate name), "partial" (an alternate that is a first-level unit's name and
    #: only part of the place's own: "Oklahoma" of Oklahoma City), "transliteration" (a
    #: romanisation of one of the place's Cyrillic names), "variant" (a lossy spelling
    #: skeleton); "district_centre" from ``gazetteer.districts.centre``; None from ``exact``.
    match: str | None = None
    #: Ukrainian places: the raion and the hromada they lie in (KATOTTG), in English.
    raion: str | None = None
    hromada: str | None = None
    #: "hromada_centre": a settlement the codifier lists but GeoNames lacks, placed at its
    #: hromada's centre (so it is known only to within its hromada: precision 2);
    #: "site_town": a named site (plant, dam, port) placed at its town's point (gazetteer.sites).
    placement: str | None = None

    def to_dict(self) -> dict:
        """The JSON fields other parts and the CLI read (names are a contract)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Place":
        fields = {f: data[f] for f in cls.__dataclass_fields__ if f in data}
        return cls(**fields)

    def with_score(self, score: float) -> "Place":
        return replace(self, score=score)
