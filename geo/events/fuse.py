"""Fusion: one event for the reports several documents give of the same attack.

Two events are the same attack when they come from different documents, name
the same attacker (never "unknown" with a side) and the same type, fall within
one day of each other, lie at the same or nested places (the same place; a
place inside the other's region; two places of one region that were hit at the
same kind of target; the same country when both are country-only) and their
targets are compatible. Events from one document never merge with each other.

The fused event keeps every source, counts its reports in
``qualifiers["reports"]``, and lists each field the reports disagree on
(``Disagreement("weapons.drone", ((120, "A"), (110, "B")))``). The value shown
is the representative report's: the most precise location, then the
earliest date, then the first document id; the others stay in the
disagreement. Fused ids are ``fused:`` plus a hash of the member ids, so the
same inputs always give the same ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import replace

from geo.model import Disagreement, Event

# Target kinds that describe the same facility in different words.
_TARGET_FAMILIES = (
    {"energy", "oil_fuel", "industrial"},
    {"residential", "civilian_infrastructure"},
    {"rail", "transport"},
    {"military", "airfield", "port"},
)


def _documents(e: Event) -> set[str]:
    return {s.document for s in e.sources}


def _dates_close(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return False
    coarse = {"month", "year"}
    if a.date_precision in coarse or b.date_precision in coarse:
        return a.date == b.date and a.date_precision == b.date_precision
    return abs((a.date - b.date).days) <= 1


def _targets_compatible(a: Event, b: Event) -> bool:
    if not a.targets or not b.targets:
        return True
    ta, tb = set(a.targets), set(b.targets)
    return bool(ta & tb) or any(ta & fam and tb & fam for fam in _TARGET_FAMILIES)


def _places_nested(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None:
        return False
    pa, pb = a.location.place, b.location.place
    if pa.geonameid == pb.geonameid:
        return True
    if "country" in (pa.kind, pb.kind) or 4 in (a.location.precision, b.location.precision):
        return False  # a country-only report is never pinned onto a finer one
    if pa.admin1_code is None or pa.admin1_code != pb.admin1_code:
        return False
    if "adm1" in (pa.kind, pb.kind):
        return True  # a place inside the region
    return bool(a.targets) and bool(b.targets) and _targets_compatible(a, b)  # two places of one region


def same_attack(a: Event, b: Event) -> bool:
    """True when ``a`` and ``b`` report one attack from different documents."""
    if _documents(a) & _documents(b):
        return False
    if a.attacker != b.attacker:
        return False  # never across sides; "unknown" only with "unknown"
    if a.type != b.type:
        return False
    return _dates_close(a, b) and _places_nested(a, b) and _targets_compatible(a, b)


def _label(e: Event) -> str:
    src = e.sources[0] if e.sources else None
    if src is None:
        return e.id
    return src.outlet or src.document


def _rank(e: Event) -> tuple:
    prec = e.location.precision if e.location else 9
    return (prec, e.date or dt.date.max, e.sources[0].document if e.sources else "", e.id)


def _pick(members: list[Event], field_name: str, getter) -> tuple[object, Disagreement | None, Event | None]:
    """The representative value, a disagreement when members differ, and the member it came from.

    The value is the first member's that states it; a count read from a
    singular noun ("a drone", qualifier ``singular``) gives way to a stated one.
    """
    having = [m for m in members if getter(m) is not None]
    if not having:
        return None, None, None
    values = [(getter(m), _label(m)) for m in having]
    dis = Disagreement(field_name, tuple(values)) if len({v for v, _ in values}) > 1 else None
    chosen = next((m for m in having if m.qualifiers.get(field_name) != "singular"), having[0])
    return getter(chosen), dis, chosen


def merge(members: list[Event]) -> Event:
    """One event from reports of the same attack (``members`` are ordered representative first)."""
    if len(members) == 1:
        return members[0]
    rep = members[0]
    disagreements: list[Disagreement] = []
    weapons: dict[str, int | None] = {}
    chosen_from: dict[str, Event | None] = {}
    for kind in dict.fromkeys(k for m in members for k in m.weapons):
        value, dis, chosen_from[f"weapons.{kind}"] = _pick(members, f"weapons.{kind}", lambda m, k=kind: m.weapons.get(k))
        weapons[kind] = value
        if dis:
            disagreements.append(dis)
    scalars = {}
    for name in ("intercepted", "killed", "injured"):
        value, dis, chosen_from[name] = _pick(members, name, lambda m, n=name: getattr(m, n))
        scalars[name] = value
        if dis:
            disagreements.append(dis)
    _, dis, _ = _pick(members, "date", lambda m: m.date.isoformat() if m.date else None)
    if dis:
        disagreements.append(dis)
    sources = tuple(dict.fromkeys(s for m in members for s in m.sources))
    quals: dict[str, str] = {}
    for m in reversed(members):
        quals.update(m.qualifiers)
    for name, member in chosen_from.items():  # a figure's qualifier comes with the figure
        quals.pop(name, None)
        if member is not None and name in member.qualifiers:
            quals[name] = member.qualifiers[name]
    documents = {s.document for s in sources}
    quals["reports"] = str(len(documents))
    quals["fused_from"] = " ".join(m.id for m in members)
    ids = "|".join(sorted(m.id for m in members))
    claimants = [m.claimant for m in members if m.claimant]
    sub_type = next((m.sub_type for m in members if m.sub_type != "strike_unspecified"), rep.sub_type)
    return replace(
        rep,
        id="fused:" + hashlib.sha1(ids.encode()).hexdigest()[:12],
        sub_type=sub_type,  # a report that names the weapon says more than one that does not
        weapons=weapons,
        intercepted=scalars["intercepted"],
        killed=scalars["killed"],
        injured=scalars["injured"],
        targets=tuple(dict.fromkeys(t for m in members for t in m.targets)),
        intercepted_over=tuple(dict.fromkeys(p for m in members for p in m.intercepted_over)),
        claimant="; ".join(dict.fromkeys(claimants)) or None,
        sources=sources,
        disagreements=tuple(rep.disagreements) + tuple(disagreements),
        qualifiers=quals,
    )


def fuse_events(events: Iterable[Event]) -> list[Event]:
    """Merge reports of the same attack across documents; order and ids are deterministic.

    Each event joins the first cluster whose every member is the same attack
    and from another document; events are visited most precise first so a
    region-level report attaches to the named place inside it.
    """
    ordered = sorted(events, key=_rank)
    clusters: list[list[Event]] = []
    for e in ordered:
        for c in clusters:
            if all(same_attack(e, m) for m in c):
                c.append(e)
                break
        else:
            clusters.append([e])
    fused = [merge(c) for c in clusters]
    return sorted(fused, key=lambda e: (e.date or dt.date.min, e.id))
