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

Scaling. Two events can only be the same attack when they share a *block*:
attacker, type and region (the ADM1 code; the place itself when it has none),
and dates at most one day apart. :func:`fuse_partition` compares an event only
with the clusters of its block on the same, previous and next day, which
gives exactly the clusters of comparing it with every cluster (the first
cluster that takes it is the same), in time linear in the number of events.
Blocks never span attackers, types or regions, so :func:`partition_key`
splits events into partitions that can be fused apart (on Dask workers) and
concatenated: the result, ids included, does not depend on the number of
partitions (:func:`fuse_partitioned`). A one-day halo around date ranges would
not be exact: which cluster an event joins can depend on events days away,
through chains of neighbouring nights.

Salvos (second pass, :func:`fold_salvos`): a nationwide tally ("Russia attacked
Ukraine with 120 drones overnight", a country-only report) and a tally of the
same night split over named regions ("118 drones; the attacks targeted the A,
B and C regions", events flagged as sharing one tally) are one salvo told at
two precisions. The country-level report is folded into the region-level
events: its sources join theirs, its figures stay as disagreements, and the
totals count the salvo once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace

from geo.model import RU, UA, Disagreement, Event

# Target kinds that describe the same facility in different words.
_TARGET_FAMILIES = (
    {"energy", "oil_fuel", "industrial"},
    {"residential", "civilian_infrastructure"},
    {"rail", "transport"},
    {"military", "airfield", "port"},
)
_COARSE = frozenset({"month", "year"})


def _documents(e: Event) -> set[str]:
    return {s.document for s in e.sources}


def _dates_close(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return False
    if a.date_precision in _COARSE or b.date_precision in _COARSE:
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
    doc = e.sources[0].document if e.sources else ""
    # Corpus ids may be numbers: numbers sort among themselves, before names, never against them.
    return (prec, e.date or dt.date.max, isinstance(doc, str), doc, e.id)


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
    claimants = [m.claimant for m in members if m.claimant]
    sub_type = next((m.sub_type for m in members if m.sub_type != "strike_unspecified"), rep.sub_type)
    return replace(
        rep,
        id=fused_id(m.id for m in members),
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


def fused_id(member_ids: Iterable[str]) -> str:
    """``fused:`` and a hash of the member reports' ids: the same reports always give the same id."""
    return "fused:" + hashlib.sha1("|".join(sorted(str(i) for i in member_ids)).encode()).hexdigest()[:12]


# -- blocked fusion ----------------------------------------------------------------------

def _block(e: Event) -> tuple | None:
    """Attacker, type and region (or the place itself): only events of one block can fuse.

    None for an event that never fuses (no place or no date).
    """
    if e.location is None or e.date is None:
        return None
    place = e.location.place
    where = ("adm1", place.admin1_code) if place.admin1_code else ("place", place.geonameid)
    return (e.attacker, e.type, where)


def _day_keys(e: Event) -> tuple[tuple, list[tuple]]:
    """The key an event is filed under, and the keys of the clusters it may join."""
    if e.date_precision in _COARSE:
        key = (e.date_precision, e.date)
        return key, [key]  # a month or a year matches only the same month or year
    day = e.date.toordinal()
    return ("day", day), [("day", day - 1), ("day", day), ("day", day + 1)]


def _clusters(events: Iterable[Event]) -> Iterator[list[Event]]:
    """Each event joins the first cluster (in creation order) whose every member is the same attack.

    Events are visited most precise first, so a region-level report attaches to
    the named place inside it. Only the clusters of the event's block on the
    same, previous and next day are tried: no other can hold a match.
    """
    ordered = sorted(events, key=_rank)
    clusters: list[list[Event]] = []
    filed: dict[tuple, dict[int, list[Event]]] = defaultdict(dict)  # (block, day) -> clusters by creation
    for e in ordered:
        block = _block(e)
        if block is None:
            clusters.append([e])
            continue
        key, near = _day_keys(e)
        candidates = {i: c for k in near for i, c in filed.get((block, k), {}).items()}
        index = next((i for i in sorted(candidates) if all(same_attack(e, m) for m in candidates[i])), None)
        if index is None:
            index = len(clusters)
            clusters.append([])
        clusters[index].append(e)
        filed[(block, key)][index] = clusters[index]
    return iter(clusters)


#: A fused event and the reports it was merged from (representative first).
Fused = tuple[Event, list[Event]]


def fuse_partition(events: Iterable[Event]) -> list[Fused]:
    """Merge reports of the same attack across documents (no salvo folding yet).

    Returns each fused event with the reports it came from; the salvo pass
    (:func:`fold_salvos`) needs the reports to say who gave which figure.
    """
    return [(merge(c), c) for c in _clusters(events)]


def in_order(events: Iterable[Event]) -> list[Event]:
    """Events in the order fusion returns them: by date (undated first), then id."""
    return sorted(events, key=lambda e: (e.date or dt.date.min, e.id))


def fuse_events(events: Iterable[Event]) -> list[Event]:
    """Merge reports of the same attack across documents and fold country-level salvo tallies
    into their region-level tellings; order (date, then id) and ids are deterministic."""
    return in_order(fold_salvos(fuse_partition(events)))


# -- partitions (Dask) ---------------------------------------------------------------------

def partition_key(e: Event) -> tuple:
    """Events with different keys are never the same attack: the block (attacker, type, region).

    Events that never fuse (no place or no date) are keyed by their own id, so they spread.
    """
    return _block(e) or ("alone", e.id)


def salvo_key(e: Event) -> tuple:
    """Tellings of one salvo share attacker and type (its places may lie in several countries)."""
    return (e.attacker, e.type)


def partition_of(key: tuple, partitions: int) -> int:
    """A stable partition number for a key (the same in every process and on every run)."""
    return zlib.crc32(repr(key).encode()) % partitions


def split(items: Iterable, partitions: int, key) -> list[list]:
    """``items`` dealt into ``partitions`` lists by the stable partition of ``key(item)``."""
    parts: list[list] = [[] for _ in range(partitions)]
    for item in items:
        parts[partition_of(key(item), partitions)].append(item)
    return parts


def fuse_partitioned(events: Iterable[Event], partitions: int) -> list[Event]:
    """:func:`fuse_events` computed partition by partition, as the Dask path does: the same result.

    Pass 1 fuses each partition of :func:`partition_key`; the fused events that
    may be tellings of a salvo are dealt again by :func:`salvo_key` and folded.
    """
    done: list[Event] = []
    salvo: list[Fused] = []
    for part in split(events, partitions, partition_key):
        for fused in fuse_partition(part):
            if salvo_candidate(fused[0]):
                salvo.append(fused)
            else:
                done.append(fused[0])
    for part in split(salvo, partitions, lambda f: salvo_key(f[0])):
        done += fold_salvos(part)
    return in_order(done)


# -- salvos: a country-level tally and its region-level telling ---------------------------

def _family(kind: str) -> str:
    """Weapon kinds counted together when two tellings of a salvo are compared (missiles of every kind)."""
    return "missile" if "missile" in kind else kind


#: Two tellings of one salvo give figures of the same order: the smaller is at least
#: half of the larger. A regional share of a nationwide tally is usually far smaller,
#: and folding it would drop the rest of the tally from the totals.
SAME_ORDER = 0.5


def _families(e: Event) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for kind, n in e.weapons.items():
        if isinstance(n, int) and n > 0:
            counts[_family(kind)] += n
    return dict(counts)


def _country_tally(e: Event) -> bool:
    """A country-only report of one side's attack that gives a figure."""
    return (e.location is not None and e.location.precision == 4 and e.attacker in (RU, UA)
            and e.date is not None and bool(_families(e)))


def _shared_group(e: Event) -> str | None:
    """The tally group of a finer event whose weapon (or interception) figure is shared by several places."""
    if e.location is None or e.location.precision == 4 or e.date is None:
        return None
    if not {"weapons", "intercepted"} & set(e.qualifiers.get("shared", "").split(",")):
        return None
    return e.qualifiers.get("group")


def salvo_candidate(e: Event) -> bool:
    """True for the fused events the salvo pass looks at (the others pass it unchanged)."""
    return _country_tally(e) or _shared_group(e) is not None


def _agreement(country: Event, group: list[Event]) -> float | None:
    """How far apart the two tallies are (0 = equal), or None when they are not one salvo."""
    a = _families(country)
    worst = 0.0
    for member in group:
        b = _families(member)
        common = set(a) & set(b)
        if not common:
            return None
        worst = max(worst, *(abs(a[f] - b[f]) / max(a[f], b[f]) for f in common))
    return worst if worst <= 1 - SAME_ORDER else None


def _match(country: Event, group: list[Event]) -> tuple | None:
    """A sort key for a possible pairing (nearer night, closer figures first), or None."""
    code = country.location.place.country_code
    if not code or not any(m.location.place.country_code == code for m in group):
        return None
    if not all(_dates_close(country, m) for m in group):
        return None
    gap = _agreement(country, group)
    if gap is None:
        return None
    return (min(abs((country.date - m.date).days) for m in group), gap)


def _fold(member: Fused, country: Fused) -> Event:
    """A region-level event of a salvo with the country-level telling folded in.

    Merged from both sets of reports, so each figure keeps the outlet that gave
    it; the region-level telling stays the representative.
    """
    view, reports = member
    merged = merge(reports + country[1])
    shared = [f for f in view.qualifiers.get("shared", "").split(",") if f]
    for name in ("intercepted", "killed", "injured"):
        if getattr(view, name) is None and getattr(merged, name) is not None and name not in shared:
            shared.append(name)  # a figure for the whole salvo, like the tally
    quals = dict(merged.qualifiers)
    for name in ("location", "group", "group_size"):
        quals.pop(name, None)
        if name in view.qualifiers:
            quals[name] = view.qualifiers[name]
    quals["shared"] = ",".join(shared)
    quals["salvo"] = "country tally folded in"
    return replace(merged, qualifiers=quals)


def fold_salvos(fused: Iterable[Fused]) -> list[Event]:
    """The fused events, each country-level tally folded into the region-level events of its salvo.

    A tally and a group of events sharing one tally are one salvo when they
    have the same attacker and type, every event of the group lies within a
    day of the tally and one of them in its country, and their weapons of the
    same kind give figures of the same order (:data:`SAME_ORDER`). A tally
    pairs with at most one group and a group with at most one tally: nearest
    night first, then the closest figures, then ids. Folded tallies are left
    out; the rest come back in input order.
    """
    fused = list(fused)
    views = [v for v, _ in fused]
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, v in enumerate(views):
        tag = _shared_group(v)
        if tag is not None:
            groups[(tag, v.attacker, v.type)].append(i)
    tallies = [i for i, v in enumerate(views) if _country_tally(v)]
    if not groups or not tallies:
        return views
    filed: dict[tuple, set[tuple]] = defaultdict(set)  # (attacker, type, day) -> group tags
    for tag, members in groups.items():
        for i in members:
            filed[(*tag[1:], _day_keys(views[i])[0])].add(tag)
    pairs = []
    for t in tallies:
        c = views[t]
        for tag in {tag for k in _day_keys(c)[1] for tag in filed.get((c.attacker, c.type, k), ())}:
            score = _match(c, [views[i] for i in groups[tag]])
            if score is not None:
                pairs.append((score, c.id, tag, t))
    used: set[int] = set()
    folded: dict[int, Event] = {}
    for _, _, tag, t in sorted(pairs):
        if t in used or any(i in folded for i in groups[tag]):
            continue
        used.add(t)
        for i in groups[tag]:
            folded[i] = _fold(fused[i], fused[t])
    return [folded.get(i, v) for i, v in enumerate(views) if i not in used]
