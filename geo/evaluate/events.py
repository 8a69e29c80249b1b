"""Score extracted events and area claims against the dev set's gold annotations.

The dev set (``../shared/devset/gold.jsonl``) annotates each report's events
(status, attacker, weapons with counts, intercepted, killed, injured, the
surfaces of their locations) and its area-of-control claims. The figures:

- **pairs found**: gold (event, location) pairs of ``reported`` events for
  which a predicted event of the same document lies there (any attacker, and
  with the right attacker). "Lies there": same country; for a gold country a
  country-level event; for a gold region, or a place without coordinates, the
  same ADM1 unit (by the code of the gold's English region name when the gazetteer knows it,
  else by its first word); for a gold place, a predicted place within 25 km. A gold
  container (country or region) of an event that also names a finer place is
  found by any predicted event inside it ("Kryvyi Rih ..., Ukraine").
- **events placed right** (precision): predicted events lying at some gold
  event location of their document, whatever that event's status.
- **counts exact**, on gold events found with the right attacker: weapon counts
  by kind on the matched predicted event naming most of the gold kinds (all
  kinds must be equal); interceptions, killed and injured when any matched
  event has the gold figure (interceptions: or a per-place figure).
- **claims**: gold claims with ``area_km2`` found by a predicted claim of the
  document within 2 % + 1 km² (square-mile conversions), and with the right
  controller; predicted claims matching some gold km² figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

from gazetteer import distance_km
from geo.model import AreaClaim, Event

PLACE_KM = 25.0  # a predicted place within this of the gold point lies there
_AREA_KINDS = ("country", "adm1_region")
_UNCOUNTED_WEAPONS = ("unspecified", "ground_assault")


@dataclass
class EventScores:
    """Counts behind every event and claim figure (numerators and denominators)."""

    pairs: int = 0
    pairs_found: int = 0
    pairs_found_attacker: int = 0
    events: int = 0
    events_found: int = 0
    predicted: int = 0
    predicted_placed: int = 0
    weapons: int = 0
    weapons_exact: int = 0
    intercepted: int = 0
    intercepted_exact: int = 0
    killed: int = 0
    killed_exact: int = 0
    injured: int = 0
    injured_exact: int = 0
    claims: int = 0
    claims_found: int = 0
    claims_controller: int = 0
    claims_predicted: int = 0
    claims_predicted_right: int = 0

    #: (label, numerator, denominator) of each reported figure, in order.
    FIGURES = (
        ("gold (event, location) pairs found, any attacker", "pairs_found", "pairs"),
        ("gold (event, location) pairs found, right attacker", "pairs_found_attacker", "pairs"),
        ("gold events with a location found, right attacker", "events_found", "events"),
        ("predicted events placed at a gold event location", "predicted_placed", "predicted"),
        ("weapon counts exact", "weapons_exact", "weapons"),
        ("interceptions exact", "intercepted_exact", "intercepted"),
        ("killed exact", "killed_exact", "killed"),
        ("injured exact", "injured_exact", "injured"),
        ("km² area claims found", "claims_found", "claims"),
        ("km² area claims found, right controller", "claims_controller", "claims"),
        ("predicted claims matching a gold km² figure", "claims_predicted_right", "claims_predicted"),
    )

    def __iadd__(self, other: EventScores) -> EventScores:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    def rows(self) -> list[tuple[str, int, int, float | None]]:
        """(label, numerator, denominator, ratio or None) for each figure."""
        return [(label, getattr(self, n), getattr(self, d), getattr(self, n) / getattr(self, d) if getattr(self, d) else None)
                for label, n, d in self.FIGURES]

    def to_dict(self) -> dict:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["ratios"] = {n: (round(getattr(self, n) / getattr(self, d), 4) if getattr(self, d) else None)
                         for _, n, d in self.FIGURES}
        return out


def _first_word(name: str | None) -> str:
    """"Sumy Oblast" -> "sumy": how gold region names and ours are compared when no code is known."""
    words = (name or "").lower().replace("\u2019", "'").split()
    return words[0] if words else ""


def _same_region(place, gold: dict) -> bool:
    """The predicted place lies in the gold's ADM1 unit: by code when the gold's is known, else by name."""
    if gold.get("adm1_code"):
        return place.admin1_code == gold["adm1_code"]
    return _first_word(place.admin1_name) == _first_word(gold.get("adm1"))


def lies_at(place, gold: dict | None) -> bool:
    """Whether a predicted ``Place`` lies at a gold place entry (definitions above)."""
    if place is None or gold is None or place.country_code != gold.get("country"):
        return False
    if gold.get("kind") == "country":
        return place.kind == "country"
    if place.kind == "country":
        return False
    if gold.get("kind") == "adm1_region" or gold.get("lat") is None or gold.get("lon") is None:
        return _same_region(place, gold)
    if place.kind == "adm1":
        return False
    return distance_km(place.lat, place.lon, gold["lat"], gold["lon"]) <= PLACE_KM


def _inside(place, gold: dict) -> bool:
    """A predicted sub-national place inside a gold container (country or region)."""
    if place is None or place.kind == "country" or place.country_code != gold.get("country"):
        return False
    return gold.get("kind") == "country" or _same_region(place, gold)


def _gold_place(places: Sequence[dict], surface: str) -> dict | None:
    same = [p for p in places if p.get("surface") == surface]
    located = [p for p in same if p.get("role") == "event_location"]
    return (located or same or [None])[0]


def _place_of(event: Event):
    return event.location.place if event.location is not None else None


def _counts(weapons: Sequence[dict]) -> dict[str, int]:
    out: dict[str, int] = {}
    for w in weapons or ():
        if w.get("count") is not None and w.get("kind") not in _UNCOUNTED_WEAPONS:
            out[w["kind"]] = out.get(w["kind"], 0) + w["count"]
    return out


def _area_match(predicted: float | None, gold: float) -> bool:
    return bool(predicted) and abs(predicted - gold) <= 0.02 * gold + 1


def score_document(gold: dict, events: Sequence[Event], claims: Sequence[AreaClaim]) -> EventScores:
    """Scores of one document's predicted ``events`` and ``claims`` against its gold annotations."""
    s = EventScores()
    places = gold.get("places") or []
    gold_events = gold.get("events") or []
    s.predicted = len(events)
    every_location = [_gold_place(places, loc) for e in gold_events for loc in e.get("locations") or ()]
    s.predicted_placed = sum(any(lies_at(_place_of(x), gp) for gp in every_location if gp) for x in events)
    for e in gold_events:
        if e.get("status") != "reported":
            continue
        s.events += 1
        matched: list[Event] = []
        locations = e.get("locations") or []
        for surface in locations:
            gp = _gold_place(places, surface)
            s.pairs += 1
            hits = [x for x in events if lies_at(_place_of(x), gp)]
            finer = [_gold_place(places, o) for o in locations if o != surface]
            if not hits and gp and gp.get("kind") in _AREA_KINDS and any(f and f.get("kind") not in _AREA_KINDS for f in finer):
                hits = [x for x in events if _inside(_place_of(x), gp)]
            right = [x for x in hits if x.attacker == e.get("attacker")]
            s.pairs_found += bool(hits)
            s.pairs_found_attacker += bool(right)
            matched += right
        if not matched:
            continue
        s.events_found += 1
        gold_kinds = {w.get("kind") for w in e.get("weapons") or ()}
        best = max(matched, key=lambda x: len(gold_kinds & set(x.weapons)))  # this attack's report, not a neighbour's
        counts = _counts(e.get("weapons"))
        if counts:
            s.weapons += 1
            s.weapons_exact += all(best.weapons.get(k) == v for k, v in counts.items())
        if e.get("intercepted") is not None:
            s.intercepted += 1
            ok = {e["intercepted"], *[b.get("intercepted") for b in e.get("by_location") or ()]}
            s.intercepted_exact += any(x.intercepted in ok for x in matched)
        for name in ("killed", "injured"):
            if e.get(name) is not None:
                setattr(s, name, getattr(s, name) + 1)
                exact = any(getattr(x, name) == e[name] for x in matched)
                setattr(s, f"{name}_exact", getattr(s, f"{name}_exact") + exact)
    gold_km2 = [c["area_km2"] for c in gold.get("area_claims") or () if c.get("area_km2")]
    for c in gold.get("area_claims") or ():
        if not c.get("area_km2"):
            continue
        s.claims += 1
        hit = [x for x in claims if _area_match(x.area_km2, c["area_km2"])]
        s.claims_found += bool(hit)
        s.claims_controller += any(x.controller == c.get("controller") for x in hit)
    s.claims_predicted = len(claims)
    s.claims_predicted_right = sum(any(_area_match(x.area_km2, k) for k in gold_km2) for x in claims)
    return s


def score_events(golds: Sequence[dict], parsed: Sequence) -> EventScores:
    """Sum of :func:`score_document` over aligned gold annotations and ``ParsedDocument``s (None: parser failed)."""
    if len(golds) != len(parsed):
        raise ValueError(f"{len(golds)} gold documents but {len(parsed)} parsed")
    total = EventScores()
    for gold, p in zip(golds, parsed):
        total += score_document(gold, p.events if p is not None else (), p.area_claims if p is not None else ())
    return total
