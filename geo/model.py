"""Plain, frozen data passed between the pipeline stages.

documents -> sentences -> candidate ``Mention`` -> ``ResolvedMention``
-> ``Event`` / ``AreaClaim`` (each with ``Source`` evidence) -> fused ``Event``.

Every annotation keeps character offsets into its document's text, so
evidence can always be shown in context. Vocabularies are module constants;
other parts import them rather than spelling strings again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gazetteer.model import Place

# Roles of a resolved place mention.
EVENT_LOCATION = "event_location"
ACTOR_METONYM = "actor_metonym"
OTHER = "other"
ROLES = (EVENT_LOCATION, ACTOR_METONYM, OTHER)

# ACLED-style geo-precision.
PRECISION_WORDS = {
    1: "named place",
    2: "near a place or a district",
    3: "region only",
    4: "country only",
}

# Event types and sub-types (ACLED-aligned; interceptions are "disrupted weapons use").
STRIKE = "strike"
INTERCEPTION = "interception"
GROUND_ASSAULT = "ground_assault"
EVENT_TYPES = (STRIKE, INTERCEPTION, GROUND_ASSAULT)
#: ``Event.attacker_basis`` values that mean the report did not name the attacker.
INFERRED_BASES = frozenset({"target_country", "held_by_other_side", "regained", "defender"})
SUB_TYPES = (
    "air_drone_strike",
    "missile_attack",
    "shelling_artillery",
    "glide_bomb",
    "ground_assault",
    "interception",
    "strike_unspecified",  # a strike the report gives no weapon for
)

# Sides.
RU, UA, UNKNOWN = "RU", "UA", "unknown"
SIDES = (RU, UA, UNKNOWN)
#: Countries of the theatre of the Russia-Ukraine war: where its events happen unless a report
#: says otherwise (the Black Sea and the Sea of Azov, curated features with no country, too).
THEATRE = ("UA", "RU", "BY", "MD")

# Weapon kinds (the devset's vocabulary).
WEAPON_KINDS = (
    "drone",
    "ballistic_missile",
    "cruise_missile",
    "hypersonic_missile",
    "anti_aircraft_missile",
    "missile_unspecified",
    "glide_bomb",
    "artillery",
    "airstrike_unspecified",
)

# Target kinds.
TARGET_KINDS = (
    "energy",
    "oil_fuel",
    "medical",
    "rail",
    "residential",
    "civilian_infrastructure",
    "military",
    "port",
    "airfield",
    "industrial",
    "education",
    "cultural",
    "transport",
)

# Date precision of an event date.
DATE_PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class Document:
    """One report. ``id`` is unique within a run; ``path``/``line`` say where it came from.

    A corpus record's ``id`` is kept exactly as given (a JSON string or number).
    """

    id: str | int
    text: str
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    path: str | None = None
    line: int | None = None
    #: ISO 639-1 code of the text's language (``geo.text.language``), None before it is detected.
    language: str | None = None
    #: Where the item came from before this outlet (a Telegram message's ``forwarded_from``).
    via: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as a span of its document's text (``end`` exclusive)."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A candidate toponym span found in text, before resolution.

    ``cues`` are the context signals that made it a candidate (``"in"``,
    ``"region_phrase"``, ``"list:regions"``, ``"possessive:RU"``, ...).
    ``kind_hint`` is ``"adm1"`` for region phrases such as "Sumy region".
    ``lookup`` is the name to look up when it differs from ``surface``
    ("Sumy" for "the Sumy region").
    """

    start: int
    end: int
    surface: str
    sentence: int
    lookup: str
    cues: tuple[str, ...] = ()
    kind_hint: str | None = None
    country_hint: str | None = None


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """A mention with its chosen place, role and geo-precision (1, 2, 3; 4 = country).

    ``place`` is None for a name the text calls a place but the gazetteer does
    not hold ("the village of X in the Y region"); ``container`` is then the
    place the text puts it in or near (an ADM1 unit: precision 3; a town it is
    near or a district centre: precision 2), or None when the text names none.
    """

    start: int
    end: int
    surface: str
    sentence: int
    place: Place | None
    role: str
    precision: int
    confidence: float = 1.0
    cues: tuple[str, ...] = ()
    container: Place | None = None
    #: The reading rule that placed it (``geo.places.readings``) and the role rule that gave its role.
    rule: str = ""
    role_rule: str = ""

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "role": self.role,
            "precision": self.precision,
            "confidence": round(self.confidence, 3),
            "place": self.place.to_dict() if self.place else None,
            "container": self.container.to_dict() if self.container else None,
            "rule": self.rule,
            "role_rule": self.role_rule,
        }


@dataclass(frozen=True, slots=True)
class Source:
    """Evidence for an event or claim: where it was read."""

    document: str | int
    outlet: str | None
    sentence: str
    start: int
    end: int
    published: dt.date | None = None
    url: str | None = None
    #: Where the outlet had it from (a forwarded Telegram message's ``forwarded_from``).
    via: str | None = None

    def to_dict(self) -> dict:
        return {
            "document": self.document,
            "outlet": self.outlet,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "via": self.via,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Source":
        pub = data.get("published")
        return cls(
            document=data["document"],
            outlet=data.get("outlet"),
            sentence=data.get("sentence", ""),
            start=int(data.get("start", 0)),
            end=int(data.get("end", 0)),
            published=dt.date.fromisoformat(pub) if pub else None,
            url=data.get("url"),
        )


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, with honest precision.

    ``precision`` 1 named place, 2 near a place or a district, 3 region only,
    4 country only (kept and flagged, never pinned to a capital as precise).
    ``unlisted``: the report names a place the gazetteer lacks (``surface``);
    ``place`` is then the region or town the report puts it in.
    """

    place: Place
    precision: int
    surface: str = ""
    unlisted: bool = False

    @property
    def precision_words(self) -> str:
        """"region only: somewhere in Sumy Oblast" and the like."""
        p = self.place
        if self.precision == 1:
            words = f"named place: {p.name}"
        elif self.precision == 2:
            words = f"near a place: near {p.name}"
        elif self.precision == 3:
            words = f"region only: somewhere in {p.name}"
        else:
            words = f"country only: somewhere in {p.name}"
        if self.unlisted and self.surface:
            words += f" ({self.surface}, not in the gazetteer)"
        return words

    def to_dict(self) -> dict:
        data = self.place.to_dict()
        data["precision"] = self.precision
        data["surface"] = self.surface
        if self.unlisted:
            data["unlisted"] = True
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Location":
        return cls(Place.from_dict(data), int(data["precision"]), data.get("surface", ""), bool(data.get("unlisted")))


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Sources that report different values for one field of a fused event."""

    field: str
    values: tuple[tuple[object, str], ...]  # (value, "outlet or document id")

    def to_dict(self) -> dict:
        return {"field": self.field, "values": [{"value": v, "source": s} for v, s in self.values]}


@dataclass(frozen=True, slots=True)
class Event:
    """A strike, interception report or ground assault, with its evidence.

    ``weapons`` maps a weapon kind to the number launched (None when the kind
    is named without a count). ``qualifiers`` maps a field (``"killed"``,
    ``"weapons.drone"``) to "about", "at least", "more than", "at most".
    A fused event keeps every source and lists where they disagree.
    """

    id: str
    type: str
    sub_type: str
    attacker: str
    date: dt.date | None = None
    date_precision: str | None = None
    weapons: dict[str, int | None] = field(default_factory=dict)
    intercepted: int | None = None
    intercepted_over: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    killed: int | None = None
    injured: int | None = None
    location: Location | None = None
    claimant: str | None = None
    sources: tuple[Source, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    qualifiers: dict[str, str] = field(default_factory=dict)
    attacker_basis: str | None = None  # "grammar", "target_country", ...
    #: The report does not say who struck: the attacker is the side that does not hold the place
    #: (``geo.control``) or the other side of a named defender.
    attacker_inferred: bool = False
    #: The event rule that made it (``geo.events.building.EVENT_TYPE_RULES``).
    rule: str = ""

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.outlet for s in self.sources if s.outlet))

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "sub_type": self.sub_type,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "attacker": self.attacker,
            "attacker_basis": self.attacker_basis,
            "attacker_inferred": self.attacker_inferred,
            "weapons": dict(self.weapons),
            "intercepted": self.intercepted,
            "intercepted_over": list(self.intercepted_over),
            "targets": list(self.targets),
            "killed": self.killed,
            "injured": self.injured,
            "qualifiers": dict(self.qualifiers),
            "location": self.location.to_dict() if self.location else None,
            "claimant": self.claimant,
            "sources": [s.to_dict() for s in self.sources],
            "disagreements": [d.to_dict() for d in self.disagreements],
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Event":
        date = data.get("date")
        return cls(
            id=data["id"],
            type=data["type"],
            sub_type=data["sub_type"],
            attacker=data["attacker"],
            date=dt.date.fromisoformat(date) if date else None,
            date_precision=data.get("date_precision"),
            weapons=dict(data.get("weapons") or {}),
            intercepted=data.get("intercepted"),
            intercepted_over=tuple(data.get("intercepted_over") or ()),
            targets=tuple(data.get("targets") or ()),
            killed=data.get("killed"),
            injured=data.get("injured"),
            location=Location.from_dict(data["location"]) if data.get("location") else None,
            claimant=data.get("claimant"),
            sources=tuple(Source.from_dict(s) for s in data.get("sources") or ()),
            disagreements=tuple(
                Disagreement(d["field"], tuple((v["value"], v["source"]) for v in d["values"]))
                for d in data.get("disagreements") or ()
            ),
            qualifiers=dict(data.get("qualifiers") or {}),
            attacker_basis=data.get("attacker_basis"),
            attacker_inferred=bool(data.get("attacker_inferred", False)),
            rule=data.get("rule") or "",
        )


@dataclass(frozen=True, slots=True)
class AreaClaim:
    """A claim that one side controls an area of a region.

    ``area_km2`` is converted from square miles when only those are given;
    ``area_text`` keeps the figure as written. ``near`` holds places the claim
    names inside the region (used to place the indicative zone).
    """

    controller: str
    region: Place | None
    area_km2: float | None
    qualifier: str | None = None
    claimant: str | None = None
    date: dt.date | None = None
    sources: tuple[Source, ...] = ()
    area_text: str | None = None
    near: tuple[Place, ...] = ()
    id: str = ""

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "controller": self.controller,
            "region": self.region.to_dict() if self.region else None,
            "area_km2": self.area_km2,
            "area_text": self.area_text,
            "qualifier": self.qualifier,
            "claimant": self.claimant,
            "date": self.date.isoformat() if self.date else None,
            "near": [p.to_dict() for p in self.near],
            "sources": [s.to_dict() for s in self.sources],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "AreaClaim":
        date = data.get("date")
        return cls(
            id=data.get("id", ""),
            controller=data["controller"],
            region=Place.from_dict(data["region"]) if data.get("region") else None,
            area_km2=data.get("area_km2"),
            area_text=data.get("area_text"),
            qualifier=data.get("qualifier"),
            claimant=data.get("claimant"),
            date=dt.date.fromisoformat(date) if date else None,
            near=tuple(Place.from_dict(p) for p in data.get("near") or ()),
            sources=tuple(Source.from_dict(s) for s in data.get("sources") or ()),
        )


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """Everything the pipeline read from one document."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[ResolvedMention, ...] = ()
    events: tuple[Event, ...] = ()
    area_claims: tuple[AreaClaim, ...] = ()
    #: Candidate spans before resolution (the ``toponyms`` stage); not exported.
    candidates: tuple[Mention, ...] = ()
    #: Set when a stage failed on this document: ``"stage: Exception: message"``.
    error: str | None = None

    def to_dict(self) -> dict:
        doc = self.document
        out = {
            "id": doc.id,
            "path": doc.path,
            "line": doc.line,
            "outlet": doc.outlet,
            "published": doc.published.isoformat() if doc.published else None,
            "url": doc.url,
            "mentions": [m.to_dict() for m in self.mentions],
            "events": [e.to_dict() for e in self.events],
            "area_claims": [c.to_dict() for c in self.area_claims],
        }
        if self.error is not None:
            out["error"] = self.error
        return out


class StrikemapError(Exception):
    """A user-facing error: bad input, missing file. The CLI prints it on one line."""


class InputError(StrikemapError):
    """An input item could not be read. ``where`` names the file (and line)."""

    level = "error"

    def __init__(self, where: str, problem: str):
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem

    def __reduce__(self):  # travels back from worker processes
        return (type(self), (self.where, self.problem))


def where_of(doc: Document) -> str:
    """Where a document came from, for messages: ``file:line`` for a corpus line, the file, else its id."""
    if doc.path:
        return f"{doc.path}:{doc.line}" if doc.line else doc.path
    return str(doc.id)


class StageError(InputError):
    """A pipeline stage raised on one document: names the input, the stage and the exception."""

    def __init__(self, document: Document, stage: str, cause: BaseException | str):
        detail = cause if isinstance(cause, str) else f"{type(cause).__name__}: {cause}"
        super().__init__(where_of(document), f"stage {stage!r} failed: {detail}")
        self.document = document
        self.stage = stage
        self.detail = detail

    def __reduce__(self):
        return (type(self), (self.document, self.stage, self.detail))
