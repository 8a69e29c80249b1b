"""Step 3 of reading events: one ``Event`` per place of a group, and the document's events.

Events are read clause by clause in three steps, each a pure function in its
own module:

1. ``frames.read_frames``: every clause that reports an attack becomes a ``Frame``
   (cues, attacker from grammar, weapons and counts, interceptions, targets,
   casualties, claimant, date, the event-location mentions inside it);
2. ``grouping.group_frames``: sentences that continue the attack just described ("The
   strikes hit the A, B and C regions", "60 drones were downed", "The
   strikes killed two people") join its group;
3. ``building.build_events`` (here): one event per location of a group, with honest
   precision. A tally stated once for several places (a nationwide count split
   over a list of regions) is kept on each region-level event and flagged:
   ``qualifiers["shared"]`` lists the shared fields, ``qualifiers["group"]``
   and ``qualifiers["group_size"]`` say which events share them, so a summary
   must count it once per group, not once per region.

Fields worth knowing: ``attacker_basis`` is "grammar" (the text says who),
"target_country" (RU for places in Ukraine, UA for places in Russia),
"defender" (the side that shot the weapons down, inverted), "conflicting"
(two sides stated: attacker "unknown") or "none". With no date words the
date is the publication date with precision "week" (reported, so on or
before it); with no publication date either, the event is undated.
``qualifiers`` also carries "weapons.<kind>" ("about", "at least", ...,
"singular" for "a drone", "implausible" above ``PLAUSIBLE_MAX``),
"intercepted_total" (the whole tally when a place has its own share).

A country-only place gives a precision-4 event flagged with
``qualifiers["location"] = "country only"``; within one document it is folded
into a finer event of the same attack when there is one. Only mentions with
role ``event_location`` are ever event places.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from geo.events.cyrillic import read_cyrillic_frames
from geo.events.frames import UNLISTED, Frame, lies_within, precision_of, read_frames, side_named_in
from geo.events.grouping import Group, basis_by_target, group_frames, is_ground, side_by_target
from geo.events.war import has_war_evidence, in_theatre, war_context
from geo.model import (
    EVENT_LOCATION,
    GROUND_ASSAULT,
    INFERRED_BASES,
    INTERCEPTION,
    RU,
    STRIKE,
    UA,
    UNKNOWN,
    Document,
    Event,
    Location,
    ResolvedMention,
    Sentence,
    Source,
)
from geo.rules import Rule, first

# --- building events ---------------------------------------------------------------

def _kept_locations(group: Group, text: str) -> list[tuple[ResolvedMention, int]]:
    """The group's places, finest first kept: containers of another named place are dropped."""
    seen: dict[int, tuple[ResolvedMention, int]] = {}
    for f in group.frames:
        for m in f.locations:
            seen.setdefault(m.place.geonameid, (m, precision_of(text, m)))
            prec = precision_of(text, m)
            if prec > seen[m.place.geonameid][1]:
                continue
            kept = seen[m.place.geonameid][0]
            if UNLISTED in m.cues and UNLISTED not in kept.cues:
                kept = m  # "the village of X in the Y region": say X, placed in Y
            seen[m.place.geonameid] = (kept, prec)
    places = [m.place for m, _ in seen.values()]
    return [(m, p) for m, p in seen.values() if not any(lies_within(other, m.place) for other in places)]


def _stated(group: Group) -> list[str]:
    return [s for f in group.frames for s, b in f.attackers if b == "grammar"]


def _defenders_inverted(group: Group) -> set[str]:
    return {s for f in group.frames for s, b in f.attackers if b == "defender"}


def _own_country(places: list) -> str | None:
    """The one war country all these places lie in, else None."""
    countries = {p.country_code for p in places if p is not None}
    return countries.pop() if len(countries) == 1 and countries <= {UA, RU} else None


def _regaining_side(places: list, group: Group) -> str | None:
    """Who retook ground: the side whose communiqué claims it ("its units liberated"), else the place's country."""
    speakers = {side_named_in(f.claimant) for f in group.frames if f.regained and f.claimant} - {None}
    return speakers.pop() if len(speakers) == 1 else _own_country(places)


#: Who struck, in order: the first rule that holds decides; its name is the event's ``attacker_basis``.
#: Each rule's value maps (group, places) to the side.
ATTACKER_RULES: tuple[Rule, ...] = (
    Rule("grammar", "the text says which side struck or advanced", lambda g, p: len(set(_stated(g))) == 1,
         lambda g, p: _stated(g)[0]),
    Rule("conflicting", "the text names both sides as striking", lambda g, p: bool(_stated(g)), lambda g, p: UNKNOWN),
    Rule("regained", "ground retaken with no side named: the side whose communiqué claims it, else the place's own country",
         lambda g, p: is_ground(g.frames) and any(f.regained for f in g.frames) and _regaining_side(p, g) is not None,
         lambda g, p: _regaining_side(p, g)),
    Rule("held_by_other_side", "a place held by the side that is not its country's: the holder's enemy struck",
         lambda g, p: side_by_target(p) is not None and basis_by_target(p) == "held_by_other_side",
         lambda g, p: side_by_target(p)),
    Rule("target_country", "the side that does not hold the struck place (geo.control)",
         lambda g, p: side_by_target(p) is not None, lambda g, p: side_by_target(p)),
    Rule("defender", "the other side of the one that shot down", lambda g, p: len(_defenders_inverted(g)) == 1,
         lambda g, p: next(iter(_defenders_inverted(g)))),
    Rule("none", "nothing says or implies who struck", lambda g, p: True, lambda g, p: UNKNOWN),
)


def _attacker(group: Group, places: list) -> tuple[str, str]:
    """Side and basis (the name of the rule of :data:`ATTACKER_RULES` that decided)."""
    rule = first(ATTACKER_RULES, group, places)
    return rule.value(group, places), rule.name


#: How a group of frames becomes an event of one type, in order: the first rule that holds decides.
EVENT_TYPE_RULES: tuple[Rule, ...] = (
    Rule("ground_fighting", "captures, advances and repelled assaults are ground fighting",
         lambda g: is_ground(g.frames), GROUND_ASSAULT),
    Rule("interception_only", "shoot-downs with no count of attackers and no strike that was not intercepted",
         lambda g: any(f.strike or f.has_counts for f in g.frames) and not any(f.has_counts for f in g.frames)
         and any(f.intercept for f in g.frames) and not any(f.strike and not f.intercept for f in g.frames),
         INTERCEPTION),
    Rule("strike", "a strike verb or a count of weapons used", lambda g: any(f.strike or f.has_counts for f in g.frames),
         STRIKE),
    Rule("interception", "shoot-downs alone", lambda g: any(f.intercept for f in g.frames), INTERCEPTION),
    Rule("ground_words", "ground-fighting words alone", lambda g: any(f.ground for f in g.frames), GROUND_ASSAULT),
    Rule("strike_by_default", "war evidence with none of the above is reported as a strike", lambda g: True, STRIKE),
)


def _event_type(group: Group) -> Rule:
    """The rule of :data:`EVENT_TYPE_RULES` that types this group ("took control of the village": ground)."""
    return first(EVENT_TYPE_RULES, group)


_SUBTYPE_OF = {
    "drone": "air_drone_strike", "airstrike_unspecified": "air_drone_strike", "glide_bomb": "glide_bomb",
    "artillery": "shelling_artillery", "ballistic_missile": "missile_attack", "cruise_missile": "missile_attack",
    "hypersonic_missile": "missile_attack", "anti_aircraft_missile": "missile_attack", "missile_unspecified": "missile_attack",
}


def _sub_type(etype: str, weapons: dict, group: Group) -> str:
    if etype == INTERCEPTION:
        return "interception"
    if etype == GROUND_ASSAULT:
        return "ground_assault"
    if weapons:
        kind = max(weapons, key=lambda k: (weapons[k] or 1, _SUBTYPE_OF.get(k) == "missile_attack"))
        if kind in _SUBTYPE_OF:
            return _SUBTYPE_OF[kind]
    cue = next((f.subtype_cue for f in group.frames if f.subtype_cue), None)
    return cue or "strike_unspecified"  # no weapon named: say so rather than guess drones


def _merge_counts(dicts, frames=None) -> dict:
    """First stated count per kind; a singular "a drone" gives way to a stated number."""
    out: dict[str, int | None] = {}
    weak: set[str] = set()
    for i, d in enumerate(dicts):
        quals = frames[i].qualifiers if frames else {}
        for k, v in d.items():
            if k == "unspecified" and out:
                continue
            is_weak = quals.get(f"weapons.{k}") == "singular"
            if out.get(k) is None or (k in weak and v is not None and not is_weak):
                out[k] = v
                weak.discard(k)
                if is_weak:
                    weak.add(k)
    return out


_MISSILES = ("ballistic_missile", "cruise_missile", "hypersonic_missile", "anti_aircraft_missile")


def _drop_generic_total(weapons: dict) -> dict:
    """"19 missiles: 17 cruise and 2 ballistic": the generic total goes when the named kinds account for it."""
    generic = weapons.get("missile_unspecified", 0)
    named = [weapons[k] for k in _MISSILES if k in weapons]
    if "missile_unspecified" not in weapons or not named:
        return weapons
    if generic is None or (None not in named and sum(named) == generic):
        return {k: v for k, v in weapons.items() if k != "missile_unspecified"}
    return weapons


def _source(doc: Document, frame: Frame) -> Source:
    return Source(doc.id, doc.outlet, frame.text.strip(), frame.start, frame.end, doc.published, doc.url, doc.via)


def build_events(doc: Document, group: Group, first_id: int) -> list[Event]:
    """One event per kept place of a group; shared tallies flagged."""
    kept = _kept_locations(group, doc.text)
    if not kept:
        return []
    places = [m.place for m, _ in kept]
    attacker, basis = _attacker(group, places)
    if basis == "grammar":
        # "accused Kyiv of attacking" next to "Ukraine's energy facilities": a side does not strike its whole own country
        kept = [(m, p) for m, p in kept if not (p == 4 and m.place.country_code == attacker)]
        if not kept:
            return []
    type_rule = _event_type(group)
    etype = type_rule.value
    tally_frames = [f for f in group.frames if f.has_counts or f.intercepted or f.killed is not None or f.injured is not None]
    group_weapons = _merge_counts([f.weapons for f in group.frames], group.frames)
    group_intercepted = _merge_counts(f.intercepted for f in group.frames)
    shared_many = len(kept) > 1
    dated = [f for f in group.frames if f.date is not None]
    best = min(dated, key=lambda f: (f.date_rank, f.start)) if dated else None
    date, date_prec = (best.date, best.date_precision) if best else (None, None)
    rejected = date if date is not None and not plausible_date(date, date_prec, doc.published) else None
    if rejected is not None:
        date, date_prec = None, None
    if date is None and doc.published is not None:
        date, date_prec = doc.published, "week"  # reported, so on or before publication
    # A forwarded message that names no claimant is the claim of the channel it was forwarded from.
    claimant = next((f.claimant for f in tally_frames + group.frames if f.claimant), None) or doc.via
    kept_ids = {m.place.geonameid for m, _ in kept}
    events: list[Event] = []
    for i, (mention, prec) in enumerate(kept):
        pid = mention.place.geonameid
        own = [f for f in group.frames if any(m.place.geonameid == pid for m in f.locations)]
        own_single = [f for f in own if len({m.place.geonameid for m in f.locations} & kept_ids) == 1]
        shared: list[str] = []
        quals: dict[str, str] = {}
        counted_own = [f for f in own_single if f.has_counts]
        weapons = _merge_counts([f.weapons for f in counted_own], counted_own)
        if not weapons:
            weapons = dict(group_weapons)
            if shared_many and any(v is not None for v in weapons.values()):
                shared.append("weapons")
        weapons = _drop_generic_total(weapons)
        for k, v in weapons.items():
            if v is None and group_intercepted.get(k) is not None:
                weapons[k] = group_intercepted[k]
        for k, v in group_intercepted.items():
            if k != "unspecified" and k not in weapons:
                weapons[k] = v
        per_place = next((f.intercepted_by_mention[m.start] for f in group.frames for m in f.locations
                          if m.place.geonameid == pid and m.start in f.intercepted_by_mention), None)
        intercepted = None
        if per_place is not None:
            intercepted = per_place
            total = sum(v for v in group_intercepted.values() if v) or None
            if total and total != per_place:
                quals["intercepted_total"] = str(total)
                if weapons.get("drone") == total and len(weapons) == 1 and etype == INTERCEPTION:
                    weapons = {"drone": per_place}
        elif group_intercepted:
            vals = [v for v in group_intercepted.values() if v is not None]
            intercepted = sum(vals) if vals else None
            if shared_many and intercepted is not None:
                shared.append("intercepted")
        toll_from: dict[str, Frame | None] = {}
        for name in ("killed", "injured"):
            mine = own_single if shared_many else sorted(own_single + [f for f in group.frames if not f.locations], key=lambda f: f.start)
            src = _pick_toll(mine, name)
            if src is None and shared_many:
                # A toll given for the whole attack: in a clause with no place, or one naming several
                # of the places ("struck Kharkiv and Zaporizhzhia, killing five").
                src = _pick_toll([f for f in group.frames if not f.locations
                                  or len({m.place.geonameid for m in f.locations} & kept_ids) > 1], name)
                if src is not None and shared_many:
                    shared.append(name)
            toll_from[name] = src
        killed = toll_from["killed"].killed if toll_from["killed"] else None
        injured = toll_from["injured"].injured if toll_from["injured"] else None
        targets = _targets_for(group, pid, kept_ids, i == 0)
        for f in group.frames:
            for k, v in f.qualifiers.items():
                if k in ("killed", "injured", "killed.update", "injured.update"):
                    continue
                if v != "singular" or (k.startswith("weapons.") and weapons.get(k[8:]) == 1):
                    quals.setdefault(k, v)
        for name, src in toll_from.items():
            for k in (name, f"{name}.update"):
                if src is not None and k in src.qualifiers:
                    quals[k] = src.qualifiers[k]
        if shared:
            quals["shared"] = ",".join(shared)
            quals["group"] = f"{doc.id}:g{first_id}"
            quals["group_size"] = str(len(kept))
        if prec == 4:
            quals["location"] = "country only"
        if rejected is not None:
            quals["date"] = f"{rejected.isoformat()} rejected (after the report, or before 2014 without a full date)"
        if any(v is not None and v < 0 for v in [killed, injured, intercepted, *weapons.values()]):
            quals["counts"] = "invalid"
        frames_for_sources = own + [f for f in tally_frames if f not in own]
        sources = tuple(dict.fromkeys(_source(doc, f) for f in sorted(frames_for_sources, key=lambda f: f.start)))
        loc = Location(mention.place, prec, mention.surface, unlisted=UNLISTED in mention.cues)
        ev_attacker, ev_basis = attacker, basis
        if basis in ("none", "defender") and side_by_target([mention.place]):
            ev_attacker, ev_basis = side_by_target([mention.place]), basis_by_target([mention.place])  # each by its holder
        events.append(Event(
            id="", type=etype, sub_type=_sub_type(etype, weapons, group), attacker=ev_attacker,
            date=date, date_precision=date_prec, weapons=weapons, intercepted=intercepted,
            intercepted_over=(mention.place.name,) if intercepted is not None and etype == INTERCEPTION else (),
            targets=targets, killed=killed, injured=injured, location=loc,
            claimant=next((f.claimant for f in own_single if f.claimant), None) or claimant,
            sources=sources, qualifiers=quals, attacker_basis=ev_basis, rule=type_rule.name,
            attacker_inferred=ev_basis in INFERRED_BASES,
        ))
    return events


_LOOSE = ("at least", "more than", "about", "almost", "dozens", "several", "hundreds")


def _pick_toll(frames: list[Frame], name: str) -> Frame | None:
    """The frame whose casualty figure stands: a toll update ("rose to 16") wins, the last one;
    else the first figure, replaced by a later exact one it bounds ("at least two", then "24")."""
    stated = [f for f in frames if getattr(f, name) is not None]
    updates = [f for f in stated if f.qualifiers.get(f"{name}.update")]
    if updates:
        return updates[-1]
    best = stated[0] if stated else None
    for f in stated[1:]:
        if best.qualifiers.get(name) in _LOOSE and getattr(f, name) >= getattr(best, name) and not f.qualifiers.get(name):
            best = f
    return best


def _targets_for(group: Group, pid: int, kept_ids: set, first: bool) -> tuple[str, ...]:
    """Targets of one place: those written in its stretch of a clause, plus the group's unplaced ones."""
    out: list[str] = []
    for f in group.frames:
        locs = [m for m in f.locations if m.place.geonameid in kept_ids]
        if not locs:
            out += [k for k, _ in f.targets]
            continue
        bounds = []
        prev_end = f.start
        for j, m in enumerate(locs):
            hi = m.end if j < len(locs) - 1 else f.end
            bounds.append((m.place.geonameid, prev_end, hi))
            prev_end = m.end
        for kind, pos in f.targets:
            owner = next((g for g, lo, hi in bounds if lo <= pos < hi), None)
            if owner == pid:
                out.append(kind)
    return tuple(dict.fromkeys(out))


# --- document level ----------------------------------------------------------------

def _absorb(into: Event, ev: Event) -> Event:
    """``into`` with ``ev``'s evidence and targets: ``ev`` told the same attack with less."""
    return replace(into, sources=tuple(dict.fromkeys(into.sources + ev.sources)),
                   targets=tuple(dict.fromkeys(into.targets + ev.targets)))


def _fold_country_events(events: list[Event]) -> list[Event]:
    """Fold a country-only event without counts into a finer event of the same attack in that country."""
    out = list(events)
    for ev in list(out):
        if ev.location is None or ev.location.precision != 4 or any(v is not None for v in ev.weapons.values()):
            continue
        finer = next((o for o in out if o is not ev and o.location and o.location.precision < 4
                      and o.location.place.country_code == ev.location.place.country_code
                      and o.attacker == ev.attacker and o.type == ev.type), None)
        if finer is None:
            continue
        out[out.index(finer)] = _absorb(finer, ev)
        out.remove(ev)
    return out


_DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
#: The war this tool maps began in 2014: an earlier date needs the text to give it in full.
WAR_START = dt.date(2014, 1, 1)


def plausible_date(date: dt.date, precision: str | None, published: dt.date | None) -> bool:
    """An attack is not dated after its report, nor before 2014 unless the text gives the day in full."""
    if published is not None and date > published:
        return False
    return date >= WAR_START or precision == "day"


def _imply_country(group: Group, gazetteer) -> None:
    """An air-defence tally that names no place ("the air force said it downed 40 of 46 drones
    overnight") is reported at country level, in the defender's country."""
    if any(f.locations for f in group.frames) or gazetteer is None:
        return
    tally = next((f for f in group.frames if f.intercepted), None)
    if tally is None or any(_HISTORY.search(f.text) for f in group.frames):
        return
    # Only a defender's own air-defence tally: its country is where the weapons flew.
    defenders = {s for f in group.frames for s, b in f.attackers if b == "defender"}
    if len(defenders) != 1 or any(b == "grammar" for f in group.frames for _, b in f.attackers):
        return
    target = {RU: UA, UA: RU}.get(next(iter(defenders)))
    country = gazetteer.country(target) if target else None
    if country is None:
        return
    tally.locations.append(ResolvedMention(tally.start, tally.start, country.name, tally.sentence, country,
                                           EVENT_LOCATION, 4, 0.5, ("implied_country",)))


# Totals over a long period are background, not the report of an attack.
_HISTORY = re.compile(r"\b(?:since\s+(?:the\s+(?:start|beginning)|february|20\d\d|january)|so\s+far\s+this\s+(?:year|month)|"
                      r"this\s+(?:year|month)|in\s+(?:20\d\d|total)|last\s+(?:year|month)|over\s+the\s+(?:past|last)\s+(?:year|month|weeks))\b",
                      re.I)


def _says_nothing_more(ev: Event) -> bool:
    return all(v is None for v in ev.weapons.values()) and ev.intercepted is None and ev.killed is None \
        and ev.injured is None


def _fold_vague_repeats(events: list[Event]) -> list[Event]:
    """Fold an event that gives no figure into another of the same attack, place and side.

    A headline ("Russian missile strike on Sumy kills 9") and the lede that tells
    the same strike are one event, not two; the vague one adds its evidence.
    It folds into an event that gives figures, else into a later one dated at
    least as precisely; two days' strikes on one place stay apart.
    """
    out: list[Event | None] = list(events)
    for i, ev in enumerate(out):
        if ev is None or ev.location is None or not _says_nothing_more(ev):
            continue
        for j, o in enumerate(out):
            if j == i or o is None or o.location is None:
                continue
            if o.location.place.geonameid != ev.location.place.geonameid or o.attacker != ev.attacker or o.type != ev.type:
                continue
            if o.date is not None and ev.date is not None and o.date != ev.date and ev.date_precision == "day":
                continue
            if _says_nothing_more(o) and not (j > i and _DATE_RANK.get(o.date_precision, 9) <= _DATE_RANK.get(ev.date_precision, 9)):
                continue
            out[j] = _absorb(o, ev)
            out[i] = None
            break
    return [e for e in out if e is not None]




_FIGURES = ("weapons", "intercepted", "killed", "injured")


def _own_figures(ev: Event) -> dict[str, object]:
    """The figures an event states for its own place (a tally shared by a group of places left out)."""
    shared = set((ev.qualifiers.get("shared") or "").split(","))
    out: dict[str, object] = {}
    if "weapons" not in shared and any(v is not None for v in ev.weapons.values()):
        out["weapons"] = {k: v for k, v in ev.weapons.items() if v is not None}
    for name in ("intercepted", "killed", "injured"):
        if name not in shared and getattr(ev, name) is not None:
            out[name] = getattr(ev, name)
    return out


def _shares_weapons(ev: Event) -> bool:
    return "weapons" in (ev.qualifiers.get("shared") or "").split(",") and "group" in ev.qualifiers


def _retelling(a: Event, b: Event) -> bool:
    """``a`` and ``b`` tell one attack: same place, type and side, no two days, weapons and figures
    that agree."""
    if a.location is None or b.location is None or a.location.place.geonameid != b.location.place.geonameid:
        return False
    if a.type != b.type or a.attacker != b.attacker:
        return False
    if a.date is not None and b.date is not None and a.date != b.date and "day" in (a.date_precision, b.date_precision):
        return False
    kinds_a = {k for k in a.weapons if k != "unspecified"}
    kinds_b = {k for k in b.weapons if k != "unspecified"}
    if kinds_a and kinds_b and not kinds_a & kinds_b:
        return False  # drones one day, a missile another: two attacks
    fa, fb = _own_figures(a), _own_figures(b)
    return all(fa[k] == fb[k] for k in fa.keys() & fb.keys())


def _fold_retellings(events: list[Event]) -> list[Event]:
    """One attack told twice in a report (a lede's toll for two cities, then each city's own
    paragraph) is one event: the telling with its own figures keeps them, and takes the other's
    evidence; a tally the lede shared among several places is then told by the places' own."""
    out: list[Event | None] = list(events)
    for i, ev in enumerate(out):
        if ev is None:
            continue
        for j in range(i + 1, len(out)):
            o = out[j]
            if o is None or not _retelling(ev, o):
                continue
            keep, drop = (o, ev) if len(_own_figures(o)) > len(_own_figures(ev)) else (ev, o)
            merged = _absorb(keep, drop)
            own, theirs = _own_figures(keep), _own_figures(drop)
            for name in ("killed", "injured", "intercepted"):
                if name not in own and name in theirs:
                    merged = replace(merged, **{name: theirs[name]})
            if "weapons" not in own and "weapons" in theirs:
                merged = replace(merged, weapons={**merged.weapons, **theirs["weapons"]})
            elif "weapons" not in own and _shares_weapons(drop) and "group" not in keep.qualifiers:
                # The lede's salvo tally, shared with other places: it stays shared, with its group.
                quals = {**keep.qualifiers, "shared": "weapons", "group": drop.qualifiers["group"],
                         "group_size": drop.qualifiers["group_size"]}
                merged = replace(merged, weapons={**merged.weapons, **drop.weapons}, qualifiers=quals)
            out[i], out[j] = (merged, None) if keep is ev else (None, merged)
            if out[i] is None:
                break
            ev = out[i]
    return [e for e in out if e is not None]


def extract_events(doc: Document, sentences: list[Sentence], mentions: list[ResolvedMention], gazetteer) -> list[Event]:
    """Strike, interception and ground-assault events of one document, ids ``{doc.id}:e{n}``."""
    context = war_context(doc, list(mentions))
    if not context.theatre:
        return []  # a report set outside the war's theatre: no attack of this war in it
    read = read_cyrillic_frames if doc.language in ("uk", "ru") else read_frames
    frames = read(doc, list(sentences), list(mentions))
    events: list[Event] = []
    for k, group in enumerate(group_frames(frames)):
        evidence = has_war_evidence(group)
        if not (context.war or evidence):
            continue  # "four people died in a stampede" in a report with no war in it
        _imply_country(group, gazetteer)
        events += [e for e in build_events(doc, group, k) if in_theatre(e.location.place)
                   or (evidence and e.location.place.country_code in context.countries
                       and e.attacker_basis in ("grammar", "defender"))]  # "a Russian drone crashed in Poland"
    events = _fold_retellings(_fold_vague_repeats(_fold_country_events(events)))
    return [replace(e, id=f"{doc.id}:e{n}") for n, e in enumerate(events, 1)]

