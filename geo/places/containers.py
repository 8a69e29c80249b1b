"""Where the text puts a name: the containers it states, the region a report is about, districts.

"X in the Y region", "X, Y Oblast", "X (Y region)", "near X", "the villages of A, B
and C in the Y region", "Mykolaiv's Inhulskyi district": these functions read which
place a mention lies in or near, which names the text calls places even if the
gazetteer lacks them, and the report's focus (the one region it is about, and
readings too far from it to be meant). ``geo.places.resolve`` uses them to
restrict and to place what it cannot resolve.
"""

from __future__ import annotations

import math
import re

from gazetteer.model import Place
from geo.model import Mention
from geo.places.doc_context import DocContext
from geo.lang.en.places import CONTAINED_PREPS
from geo.lang.en.verbs import ATTACK_OBJECT_PREVS



def near_km(a: Place, b: Place) -> float:
    """Equirectangular distance: cheap and close enough below a few hundred km."""
    x = (b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 111.2 * math.hypot(x, b.lat - a.lat)


def container_after_mention(d: "DocContext", text: str, m: Mention, resolved_by_start: dict[int, Place],
               sentence_regions: dict[int, list[Place]] | None = None) -> tuple[Place | None, bool]:
    """A region named right after the mention ("Rylsk, Kursk region", "X in the Y region"), stated;
    else the only ADM1 region phrase of the same sentence, implied. Returns (place, stated)."""
    if m.kind_hint == "adm1":
        return None, False
    regions = (sentence_regions or {}).get(m.sentence, [])
    after = text[m.end:m.end + 60]
    mm = re.match(r"\s*(?:,|in|in the|of the|,\s*in the)\s+(?:[A-Za-z]+ern\s+)?([A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)?)\s+(?:region|oblast|Oblast|Region|province|Province|krai|Krai|county|County)\b", after)
    if mm:
        name = mm.group(1)
        found = [p for p in d.search(f"{name} region", kind="adm1") if p.kind == "adm1"]
        if found:
            return found[0], True
    if len({p.admin1_code for p in regions}) == 1 and m.kind_hint != "adm1":
        return regions[0], False
    return None, False


# Between a name and the region that contains it: ", in the ", " in Ukraine's southern ", " (".
_IN_REGION_GAP = re.compile(
    r"(?:\s+(?:village|town|city|settlement|hamlet))?"  # "X village in the Y region"
    r"(?:\s+on\s+(?:[A-Z][a-z]+|\d{1,2})(?:\s+(?:[A-Z][a-z]+|\d{1,2}))?)?"  # "X on May 18 in the Y region"
    r"(?:\s*,\s*(?:in\s+)?|\s+(?:in|of)\s+)(?:the\s+)?(?:(?:[a-z]+ern|border|frontline|front-line|occupied|neighbouring|neighboring)\s+)?"
    r"|\s*\(\s*"
)


_IN_COUNTRY_REGION_GAP = re.compile(r"\s*,?\s*in\s+(?:the\s+)?")


_NEAR_GAP = re.compile(r"\s*,?\s*(?:near|outside|close\s+to)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?")


_DISTRICT_GAP = re.compile(r"\s*,\s*(?:in\s+)?(?:the\s+)?|\s+in\s+(?:the\s+)?|\s*\(\s*")


# Cues that make a name a place whatever the gazetteer says.
_UNLISTED_CUES = ("settlement_noun", "list:settlements")


_UNLISTED_VETO = ("headline", "acronym", "caps", "next_speech", "hyphen_adj", "dateline")


def stated_containers(text: str, mentions: list[Mention], first: list[Place | None],
                       cands: list[list[Place]]) -> dict[int, list[Place]]:
    """Readings of the place the text puts a mention in or near, by the mention's start (the first
    reading first): the next mention when it is an ADM1 region after ", in the" / " (", a district
    after ", ", or a town after "near"."""
    out: dict[int, list[Place]] = {}
    for k in range(len(mentions) - 1):
        m, n, q = mentions[k], mentions[k + 1], first[k + 1]
        if m.kind_hint == "adm1" or n.sentence != m.sentence or q is None:
            continue
        gap = text[m.end:n.start]
        at = k + 1  # the container's mention
        if q.kind == "country" and "possessive" in n.cues and k + 2 < len(mentions) and first[k + 2] is not None \
                and first[k + 2].kind == "adm1" and _IN_COUNTRY_REGION_GAP.fullmatch(gap):
            at, q = k + 2, first[k + 2]  # "X in Ukraine's Y region"
        elif q.kind == "adm1" and _IN_REGION_GAP.fullmatch(gap):
            pass
        elif q.kind == "place" and _IN_REGION_GAP.fullmatch(gap) and any(p.kind == "adm1" for p in cands[at]):
            # "Bilenke in Kharkiv": the region of that name, or the city itself
            q = next(p for p in cands[at] if p.kind == "adm1")
            out[m.start] = [q, first[at]]
            continue
        elif q.kind == "place" and (n.kind_hint == "district" and _DISTRICT_GAP.fullmatch(gap) or _NEAR_GAP.fullmatch(gap)):
            pass  # "X, Y district" (the district centre), "X near Y"
        else:
            continue
        out[m.start] = [q] + [p for p in cands[at] if p.kind == q.kind and p != q]
    return out


def share_containers(mentions: list[Mention], stated: dict[int, list[Place]], unlisted: set[int]) -> dict[int, list[Place]]:
    """"A, B and C in the Y region": earlier members of a list share the container stated after its last."""
    out: dict[int, list[Place]] = {}
    for i, m in enumerate(mentions):
        if m.start not in stated or m.start not in unlisted:
            continue
        groups = [c for c in m.cues if c.startswith("group:")]
        for n in mentions[:i]:
            if n.start in unlisted and n.start not in stated and n.kind_hint in (None, "place") and any(c in groups for c in n.cues):
                out.setdefault(n.start, stated[m.start])
    return out


def unlisted_mentions(d: "DocContext", mentions: list[Mention], stated: dict[int, list[Place]]) -> set[int]:
    """Starts of mentions the text calls places even if the gazetteer lacks them: a settlement noun
    ("the village of X", "X village", "the villages of A and B"), or a locative preposition and a
    stated container ("near X in the Y region"); in a war report also a district ("X district") and
    the members of a list whose last member has a stated container ("A, B and C in the Y region")."""
    out: set[int] = set()
    groups: set[str] = set()
    for m in mentions:
        if any(c in _UNLISTED_VETO for c in m.cues) or m.kind_hint == "adm1":
            continue
        if any(c in _UNLISTED_CUES for c in m.cues) or ("container_after" in m.cues and m.start in stated and contained(m)) \
                or (d.war and m.kind_hint == "district" and "region_phrase" in m.cues):
            out.add(m.start)
            if m.start in stated:
                groups.update(c for c in m.cues if c.startswith("group:"))
    for m in mentions:  # "shelled A, B and C in the Y region"
        if m.kind_hint is None and any(c in groups for c in m.cues) and d.war and m.start not in d.inside \
                and not any(c in _UNLISTED_VETO or c == "initial" for c in m.cues):
            out.add(m.start)
    return out


def contained(m: Mention) -> bool:
    """"near X", "struck X", "A, B and X": a preposition, a verb of attack or a list before the name."""
    return any(c.startswith("prev:") and (c[5:] in CONTAINED_PREPS or c[5:] in ATTACK_OBJECT_PREVS or c[5:] in ("and", "or"))
               for c in m.cues)


def within(p: Place, container: Place) -> bool:
    """``p`` lies in the country or ADM1 ``container``, within 40 km of the town ``container``, or in
    the same raion as that town (the codifier's hierarchy: "the Chuhuiv district's X")."""
    if p.kind == "country" or (p.kind == "adm1" and container.kind != "country"):
        return False
    if container.kind == "adm1":
        return p.country_code == container.country_code and p.admin1_code == container.admin1_code
    if container.kind == "country":
        return p.country_code == container.country_code
    return near_km(p, container) < 40 or (bool(p.raion) and p.raion == container.raion
                                          and p.admin1_code == container.admin1_code)


def prominent(p: Place) -> bool:
    """A country, a region or a large town: a stated container does not overrule it."""
    return p.kind in ("country", "adm1") or (p.population or 0) >= 100_000


POSSESSIVE_GAP = re.compile(r"[’'ʼ]s\s+")


_OF_GAP = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?")


#: A town this large has city districts ("Saltivskyi district" of Kharkiv).
CITY_POPULATION = 100_000


def city_districts(text: str, mentions: list[Mention], first: list[Place | None]) -> dict[int, Place]:
    """District mentions that name a district of a city, and that city: "Mykolaiv's Inhulskyi
    district", "in Kharkiv, Saltivskyi district", "the Kyivskyi district of Donetsk"."""
    out: dict[int, Place] = {}

    def city(k: int) -> Place | None:
        p = first[k] if 0 <= k < len(first) else None
        return p if p is not None and p.kind == "place" and (p.population or 0) >= CITY_POPULATION else None

    for k, m in enumerate(mentions):
        if m.kind_hint != "district" or any(c.startswith("list:") for c in m.cues):
            continue  # (members of "the communities of A, B and C" are not districts of A)
        if k + 1 < len(mentions) and mentions[k + 1].sentence == m.sentence and city(k + 1) \
                and _OF_GAP.fullmatch(text[m.end:mentions[k + 1].start]):
            out[m.start] = city(k + 1)
        elif k >= 1 and mentions[k - 1].sentence == m.sentence and city(k - 1) \
                and re.fullmatch(r"[’'ʼ]s\s+(?:the\s+)?|\s*,\s*", text[mentions[k - 1].end:m.start]):
            out[m.start] = city(k - 1)
    return out


#: A place this small, this far from every other place a report names, is a homonym of the one meant.
FOCUS_KM = 300.0


FOCUS_POPULATION = 20_000


def far_from_focus(p: Place, m: Mention, anchors: list[Place]) -> bool:
    """``p`` is a small place more than ``FOCUS_KM`` from every anchor of the report (itself aside).

    A focus needs two anchors at least: one stray name is no cluster.
    """
    if p.kind != "place" or (p.population or 0) >= FOCUS_POPULATION or m.kind_hint == "adm1":
        return False
    others = [a for a in anchors if a.geonameid != p.geonameid]
    return len(others) >= 2 and all(near_km(p, a) > FOCUS_KM for a in others)


def focus_region(anchors: list[Place]) -> Place | None:
    """The first-level region a report is about: the only one it names as a region, with at least
    two thirds of its anchors in it."""
    units = {a.admin1_code: a for a in anchors if a.kind == "adm1"}
    if len(units) != 1:
        return None
    code, unit = next(iter(units.items()))
    inside = sum(1 for a in anchors if a.admin1_code == code)
    return unit if inside * 3 >= len(anchors) * 2 else None


def unlisted_precision(container: Place | None) -> int:
    """ACLED precision of a place known only by its container: 2 near a town, 3 in a region, else 4."""
    if container is None or container.kind == "country":
        return 4
    return 3 if container.kind == "adm1" else 2
