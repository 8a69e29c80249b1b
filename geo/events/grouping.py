"""Step 2 of reading events: sentences that continue an attack join its group.

"The strikes hit the A, B and C regions", "60 drones were downed", "The
strikes killed two people": a frame continues the attack just described
unless it states another attacker, another tally, another day or another
country. ``group_frames`` is the step.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.events.frames import Frame, lies_within
from geo.control import holder, other_side


@dataclass
class Group:
    frames: list[Frame]

    @property
    def last_sentence(self) -> int:
        return self.frames[-1].sentence

    @property
    def places(self) -> list:
        return [m.place for f in self.frames for m in f.locations]

    @property
    def attacker(self) -> str | None:
        strong = {s for f in self.frames for s, b in f.attackers if b == "grammar"}
        return next(iter(strong)) if len(strong) == 1 else None


def group_frames(frames: list[Frame], window: int = 2) -> list[Group]:
    """Attach continuation sentences to the attack they continue.

    A frame continues the previous group when it is at most ``window``
    sentences on, states no other attacker, brings no second tally of a kind
    already counted, and either refers back ("The attacks ..."), names no new
    place, or names only places inside the group's places.
    """
    groups: list[Group] = []
    for f in frames:
        g = groups[-1] if groups else None
        if g is not None and _continues(g, f, window):
            g.frames.append(f)
        else:
            groups.append(Group([f]))
    return groups


#: How far on a toll that names nothing else still belongs to the attack before it, in sentences.
TOLL_WINDOW = 5


def _late_toll(g: Group, f: Frame) -> bool:
    """"... Emergency services said later that two people were killed": a toll with no place, weapon
    or side of its own, a few sentences after an attack whose toll is not yet told, is that attack's."""
    if f.locations or f.weapons or f.intercepted or f.ground or f.attackers:
        return False
    if f.killed is None and f.injured is None:
        return False
    told = any(fr.killed is not None or fr.injured is not None for fr in g.frames)
    return not told and f.sentence - g.last_sentence <= TOLL_WINDOW


def _continues(g: Group, f: Frame, window: int) -> bool:
    if f.sentence - g.last_sentence > window:
        return _late_toll(g, f)
    if f.sentence == g.last_sentence and not f.anaphoric and f.locations:
        return False
    mine = {s for s, b in f.attackers if b == "grammar"}
    theirs = {s for fr in g.frames for s, b in fr.attackers if b == "grammar"}
    if mine and theirs and mine != theirs:
        return False
    if mine and not theirs and side_by_target(g.places) not in (None, *mine):
        return False
    counted = {k: v for fr in g.frames for k, v in fr.weapons.items() if v is not None and fr.qualifiers.get(f"weapons.{k}") != "singular"}
    if any(v is not None and k in counted and counted[k] != v and f.qualifiers.get(f"weapons.{k}") != "singular"
           for k, v in f.weapons.items()):
        return False  # a second, different tally: another attack (the same figure again is a restatement)
    if not f.anaphoric and (is_ground(g.frames) != is_ground([f])) and (f.weapons or is_ground([f])):
        return False  # a capture and an air strike in one region are two events
    if not f.anaphoric and f.date is not None and f.date_precision == "day" and any(
            fr.date is not None and fr.date_precision == "day" and fr.date != f.date for fr in g.frames):
        return False  # "struck Kharkiv on Monday ... On Tuesday, missiles struck Kharkiv again": two attacks
    single = {k for fr in g.frames for k, v in fr.weapons.items() if v == 1 and fr.qualifiers.get(f"weapons.{k}") == "singular"}
    if not f.locations and not f.anaphoric and g.places and any(k in single and (v or 0) > 1 for k, v in f.weapons.items()):
        return False  # "a drone hit a port in Odesa. The air force downed 58 of 74 drones": the night's tally, not Odesa's
    named = {k for fr in g.frames for k in fr.weapons}
    if f.has_counts and named and f.weapons and not named & set(f.weapons) and not f.anaphoric:
        return False  # "... with glide bombs. Overnight, Russia launched 112 drones": another attack
    if f.anaphoric:
        return True
    if not f.locations:
        if f.elsewhere - {p.country_code for p in g.places}:
            return False  # "an attack on a facility in <another country>": not this attack
        if f.targets and f.strike and all(fr.intercept and not fr.strike for fr in g.frames) \
                and not (f.has_counts or f.intercepted or f.killed is not None or f.injured is not None):
            return False  # "... was behind the strike on the refinery" after a shoot-down report: not what was shot down
        return f.has_counts or bool(f.intercepted) or f.killed is not None or f.injured is not None or bool(f.targets)
    gp = g.places
    if not gp and f.sentence > g.last_sentence and not f.has_counts and not f.intercepted \
            and any(fr.has_counts for fr in g.frames) and (f.strike or f.anaphoric):
        return True  # "Russia launched 112 drones. Impacts were recorded in the Kyiv and Odesa oblasts."
    if not gp and f.sentence > g.last_sentence and f.intercept and f.intercepted_by_mention and not f.has_counts \
            and any(fr.intercepted for fr in g.frames):
        return True  # "Air defences downed 31 drones overnight. Twelve were destroyed over X, ...": the places of that tally
    return bool(gp) and all(any(m.place.geonameid == p.geonameid or lies_within(m.place, p) for p in gp) for m in f.locations) \
        and not f.has_counts



# Crimea and Sevastopol (GeoNames: Ukraine) have been held by Russia since 2014: where a
# target lies there says nothing about who struck it.
def side_by_target(places: list) -> str | None:
    """The side that would strike these places: the side that does not hold them (``geo.control.holder``)."""
    sides = {other_side(holder(p)) for p in places if p is not None}
    return sides.pop() if len(sides) == 1 and None not in sides else None


def basis_by_target(places: list) -> str:
    """"held_by_other_side" when a place is held by the side that is not its country's, else "target_country"."""
    return "held_by_other_side" if any(p is not None and holder(p) not in (None, p.country_code)
                                       for p in places) else "target_country"


def is_ground(frames) -> bool:
    """Fighting on the ground: a ground cue and no weapon of the air or artillery named."""
    return any(f.ground for f in frames) and not any(f.weapons or f.intercept for f in frames)


