"""Resolution of candidate mentions to places, roles and geo-precision.

For each candidate the gazetteer gives its readings; one is chosen by a
score that adds up, in order of weight:

* the cue's kind: a region phrase wants an ADM1 unit, "village of" a place;
* countries and ADM1 units before homonymous towns, then population;
* containers: "Rylsk, Kursk region", "X in the Y region", "Russia's Y region"
  restrict the reading to that region or country;
* document coherence: countries named or implied (demonyms) in the report,
  the war prior (a report about the war prefers UA/RU readings), readings
  near places already resolved, the same name read the same way throughout
  the document, and readings across the front from the side whose forces act
  ("Russian troops captured X");
* the report's focus: a small place far from every other place of a war
  report is a homonym; districts resolve to their centre in the region the
  text states or the report is about (``geo.places.containers``).

A candidate whose evidence is weak (sentence-initial, a title-case headline,
"X said") is kept only if its reading is strong (a country, an ADM1 unit, a
large town, or a town in the report's countries). Unresolvable candidates
are dropped; :func:`resolve_debug` counts them. The exception is a name the
text itself calls a place ("the village of X", "X village", "the villages of
A, B and C", "near X in the Y region", "X (Y Oblast)"): when the gazetteer has
no reading of it inside the container the text states, it is kept with
``place`` None and that container (``containers.unlisted_mentions``).

Roles (``geo.places.roles``) follow the project's annotation rules: event locations
(hit, attacked, shot down over, fought over, captured; their containers;
"near X"; front sectors), actor metonyms (a country, capital or seat of power
as the subject of agency verbs, possessor of state organs, party to talks)
and other (datelines, officials' titles, venues, origins, reference points,
alert-only areas, background mentions). They read the grammar around the
mention: the preceding preposition or verb, the following verb, a possessive
and its head noun.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from gazetteer.model import Place
from geo.model import Document, Mention, ResolvedMention, Sentence
from gazetteer.names import strip_unit_noun
from geo.places.cyrillic import CUE, INITIAL_CUE, PREP_CUE, is_war_report
from geo.places.doc_context import DocContext
from geo.places.readings import reading_rule
from geo.rules import Rule
from geo.places.containers import (
    FOCUS_POPULATION, POSSESSIVE_GAP, city_districts, container_after_mention, far_from_focus, focus_region, near_km, prominent, share_containers, stated_containers, unlisted_mentions,
    unlisted_precision, within,
)
from geo.lang.en.places import COUNTY_ADM1_COUNTRIES, DIRECTION_WORDS, LOCATIVE_PREPS, NEAR_PREPS
from geo.lang.en.demonyms import DEMONYMS
from geo.lang.en.events import WAR_REPORT_CUES
from geo.lang.en.verbs import ATTACK_OBJECT_PREVS, EVENT_WORDS
from geo.places.roles import (
    WAR_COUNTRIES, descriptors, near_reference, prev_words, propagate_containers,
    decide_role, propagate_lists, reporting_officials, words_of,
)

log = logging.getLogger(__name__)

_STRONG_CUES = ("region_phrase", "noun:", "dateline", "seat_of_power", "list:")


def _country_code(d: DocContext, name: str | None) -> str | None:
    """ISO code of a country name ("Russia" -> "RU"), via the gazetteer."""
    if not name:
        return None
    for p in d.exact(name):
        if p.kind == "country":
            return p.country_code
    return None


_AIRFIELD_AFTER = re.compile(r"\s*(?:-\d\s+)?(air\s*base|airbase|airfield|military\s+airfield|airport|aerodrome)\b", re.I)


def _candidates(d: DocContext, m: Mention) -> list[Place]:
    """All readings of a mention, region phrases asked as such."""
    after = _AIRFIELD_AFTER.match(d.text, m.end, m.end + 30)
    if after:  # "the Dyagilevo airfield", "Engels air base": the aerodrome of that name, where the gazetteer has it
        noun = " ".join(after.group(1).lower().split())
        fields = [p for p in d.exact(f"{m.lookup} {noun}") if p.feature_type == "airfield"]
        if fields:
            return fields
    if m.kind_hint == "adm1":
        found = [p for p in d.search(f"{m.lookup} region", kind="adm1") if p.kind == "adm1"]
        found += [p for p in d.exact(m.lookup) if p.kind == "adm1" and p not in found]
        if found:
            return found
    if m.kind_hint == "county":
        # A county is an ADM1 unit in some countries (Romania, Norway), an ADM2 in others.
        found = [p for p in d.exact(m.lookup) if p.kind == "adm1" and p.country_code in COUNTY_ADM1_COUNTRIES]
        if found:
            return found
    if m.kind_hint == "district":
        # A district, raion or hromada: its administrative centre stands for it, found from the
        # adjective's stem ("Lgovsky district" -> Lgov, "Krasnopilska hromada" -> Krasnopillia).
        found = d.district_centres(m.lookup)
        if not found:  # "the Mirnograd community": a town's own name in another spelling is its hromada's centre
            core = strip_unit_noun(d.norm(m.lookup))
            found = [p for p in d.exact(core) if p.kind == "place" and p.country_code in WAR_COUNTRIES][:3] if core else []
        return found
    if m.kind_hint == "county":  # elsewhere a county's seat, found as a district's centre is
        found = [p for p in d.exact(m.lookup) if p.kind == "place"]
        found += [p for p in d.district_centres(m.lookup) if p not in found]
        if found:
            return found
    if "acronym" in m.cues:
        dotted = ".".join(m.lookup) + "."
        found = [p for p in d.exact(dotted) + d.exact(m.lookup) if p.kind in ("country", "adm1")]
        return list(dict.fromkeys(found))
    found = d.exact(m.lookup)
    if m.kind_hint == "place" and not any(p.kind == "place" for p in found) and _search_ok(m.lookup):
        found = found + [p for p in d.search(m.lookup, kind="place") if p.score >= 0.31 and p not in found]
    if not found and _search_ok(m.lookup):
        # A spelling variant ("Zaporizhia", "Kurakhovo"): accept a close match in the report's countries.
        near = [p for p in d.search(m.lookup) if p.score >= 0.33 and p.kind in ("place", "adm1")
                and (p.country_code in d.countries or (d.war and p.country_code in WAR_COUNTRIES))]
        found = near[:3]
    return found


def _search_ok(name: str) -> bool:
    return len(name) >= 4


def _base_score(p: Place, m: Mention, cands: list[Place]) -> float:
    s = 0.0
    if p.kind == "country":
        s += 6.0
    elif p.kind == "adm1":
        # A bare name shared by a sizeable town of the same country, or by a town larger
        # than half the region, is the town ("Kursk", "Kyiv", "Washington"); the region then
        # needs a region phrase.
        town = any(q.kind == "place" and (
            (q.country_code == p.country_code and q.population >= 20_000) or q.population > (p.population or 0) / 2)
            for q in cands)
        s += -2.0 if town and m.kind_hint != "adm1" else 4.5
        if m.kind_hint == "adm1" and (p.feature_type or "").lower() in ("city", "autonomous city"):
            s -= 3.5  # "the Kyiv region", "the Moscow Region": the unit around the city, not the city unit
    elif p.kind == "feature":
        s += 2.0
    s += math.log10((p.population or 0) + 10)
    if p.match == "partial":
        s -= 6.0  # "settlers in Oklahoma": the state, not Oklahoma City, whose name only contains it
    if m.kind_hint == "adm1":
        s += 8.0 if p.kind == "adm1" else -4.0
    elif m.kind_hint == "place":
        s += 3.0 if p.kind == "place" else -3.0
    elif m.kind_hint == "district":
        s += 2.0 if p.kind == "place" else -2.0
    elif m.kind_hint == "sector":
        s += 8.0 if p.kind == "adm1" else 0.0  # "the Belgorod front": the region's; "the Siversk direction": near the town
    return s


def _choose(d: DocContext, m: Mention, cands: list[Place], container: Place | None, country_hint: str | None,
            anchors: list[Place]) -> tuple[Place | None, float]:
    """The best reading and a 0..1 confidence."""
    if not cands:
        return None, 0.0
    if len(cands) == 1 and country_hint is None and container is None:
        return cands[0], 0.9
    key = m.lookup.casefold()
    total = sum(d.countries.values()) or 1
    own = d.norm(m.lookup)
    scored = []
    for rank, p in enumerate(cands):
        s = _base_score(p, m, cands) - 0.1 * rank
        if p.kind == "adm1" and m.start in d.inside:
            s += 12.0  # "X in Y", "northern Y": the grammar says region, whatever the town's support
        if d.norm(p.name) == own:
            s += 2.0  # the place's own name, not one of its alternate names
        if p.country_code:
            s += 4.0 * d.countries.get(p.country_code, 0) / total
            if d.war and p.country_code in WAR_COUNTRIES:
                s += 2.5
        if p.kind == "place" and p.admin1_code in d.adm1s:
            s += 2.0
        side = d.attacking.get(m.sentence)
        if side and p.country_code == _OTHER_SIDE[side]:
            s += 3.0  # "Russian troops captured X": X lies on the other side of the front
        if country_hint and p.country_code:
            s += 6.0 if p.country_code == country_hint else -3.0
        if container is not None:
            if container.kind == "adm1" and p.admin1_code == container.admin1_code and p.kind != "adm1":
                s += 8.0
            elif container.kind == "country" and p.country_code == container.country_code:
                s += 4.0
            else:
                s -= 2.0
        prev = d.chosen.get(key)
        if prev is not None and prev.geonameid == p.geonameid and m.kind_hint != "adm1":
            s += 3.0
        if p.kind == "place" and d.cells:
            s += 1.0 * min(_support(d, p, key), 3)
        if anchors and p.kind == "place":
            near = min(near_km(p, a) for a in anchors)
            if near < 100:
                s += 2.0
            elif near < 400:
                s += 1.0
        scored.append((s, p))
    scored.sort(key=lambda sp: -sp[0])
    best_s, best = scored[0]
    second = scored[1][0] if len(scored) > 1 else best_s - 5
    conf = 1 / (1 + math.exp(-(best_s - second)))
    return best, conf


_SIDE_OF_FORCES = {"russian": "RU", "russia's": "RU", "russia’s": "RU", "ukrainian": "UA", "ukraine's": "UA",
                   "ukraine’s": "UA"}
_OTHER_SIDE = {"RU": "UA", "UA": "RU"}


@lru_cache(maxsize=1)
def _forces_re() -> re.Pattern:
    """"Russian troops", "Ukraine's forces", "Ukrainian drones": a side acting in the sentence."""
    return re.compile(r"\b(Russian|Russia[’']s|Ukrainian|Ukraine[’']s)\s+(?:armed\s+)?(?:forces|troops|army|military|units|"
                      r"soldiers|fighters|drones|missiles|artillery|strikes|assault\s+units|air\s+force)\b", re.I)


@lru_cache(maxsize=1)
def _settlements_in_before() -> re.Pattern:
    """"two villages in ", "a village in ", "settlements in the ": what they lie in is a region."""
    return re.compile(r"\b(?:villages?|towns|settlements?|hamlets?|communities|districts|raions)\s+in\s+(?:the\s+)?\Z", re.I)


@lru_cache(maxsize=1)
def _inside_re() -> re.Pattern:
    return re.compile(
        r"\s+in\s+(?:the\s+)?|,\s+an?\s+(?:[a-z]+\s+)?(?:town|village|city|settlement)\s+in\s+(?:the\s+)?"
        r"(?:[A-Z][\w-]*[’']s\s+)?(?:[a-z]+ern\s+)?"
    )


def _cell(p: Place) -> tuple[int, int]:
    return int(math.floor(p.lat)), int(math.floor(p.lon))


def _index_cells(d: DocContext, mentions: list[Mention], cands: list[list[Place]]) -> None:
    """Which names of the document have a reading in each 1-degree cell (spatial coherence)."""
    for m, cs in zip(mentions, cands):
        key = m.lookup.casefold()
        for p in cs[:25]:
            if p.kind in ("place", "adm1"):
                d.cells.setdefault(_cell(p), set()).add(key)


def _support(d: DocContext, p: Place, key: str) -> int:
    """How many other names of the document could lie near this reading."""
    cell = _cell(p)
    memo = d.lookups.get(("cell", cell, key))
    if memo is None:
        la, lo = cell
        seen: set[str] = set()
        for dla in (-1, 0, 1):
            for dlo in (-1, 0, 1):
                seen |= d.cells.get((la + dla, lo + dlo), set())
        seen.discard(key)
        memo = d.lookups[("cell", cell, key)] = len(seen)
    return memo


def _strong(m: Mention) -> bool:
    return any(c.startswith(_STRONG_CUES) for c in m.cues)


def _cued(m: Mention) -> bool:
    """A locative preposition, a verb of attack or capture, or a possessive before the name."""
    return PREP_CUE in m.cues or (CUE in m.cues and INITIAL_CUE not in m.cues) or any(c.startswith("prev:") and (c[5:] in LOCATIVE_PREPS or c[5:] in ATTACK_OBJECT_PREVS) for c in m.cues) \
        or "after_possessive" in m.cues


def _weak(m: Mention) -> bool:
    return any(c in m.cues for c in ("initial", "headline", "in_run", "next_speech", "acronym", "caps"))


def _keep(d: DocContext, m: Mention, p: Place) -> bool:
    """Weigh weak evidence against the strength of the chosen reading."""
    if p.kind in ("country", "adm1"):
        if "acronym" in m.cues and p.kind == "adm1" and not _strong(m) and not (d.war and len(m.lookup) >= 3):
            return False
        return True
    if _strong(m):
        return True
    if "prev:to" in m.cues and d.text[max(0, m.start - 13):m.start].lower().rstrip().endswith("according to"):
        return p.kind == "country" or d.is_capital(p)  # "according to Fedorov": a source, not a place
    pop = p.population or 0
    in_doc = p.country_code in d.countries or (d.war and p.country_code in WAR_COUNTRIES)
    weak = _weak(m)
    if "acronym" in m.cues:
        return False
    if "next_speech" in m.cues and not _cued(m):
        return pop >= 500_000  # "Douglas said": a person unless a capital speaks
    if p.kind == "feature":
        return True
    if weak:
        return pop >= 100_000 or (in_doc and pop >= 5_000)
    if _cued(m):
        return pop >= 1_000 or in_doc
    return pop >= 50_000 or (in_doc and pop >= 1_000) or (in_doc and _cued(m))


def _strays_from_its_list(m: Mention, p: Place, region: Place, list_regions: dict[str, Counter]) -> bool:
    """A small place read outside the report's region while most of its list lies inside it."""
    if p.kind != "place" or (p.population or 0) >= FOCUS_POPULATION or p.admin1_code == region.admin1_code:
        return False
    for c in m.cues:
        regions = list_regions.get(c) if c.startswith("group:") else None
        if regions and regions[region.admin1_code] * 2 >= sum(regions.values()):
            return True
    return False


def resolve_mentions(doc: Document, sentences: list[Sentence], mentions: list[Mention], gazetteer) -> list[ResolvedMention]:
    """Resolve each candidate to a place, a role and a precision; drop the unresolvable."""
    return resolve_debug(doc, sentences, mentions, gazetteer)[0]


def resolve_debug(doc: Document, sentences: list[Sentence], mentions: list[Mention], gazetteer):
    """:func:`resolve_mentions` plus counts of dropped candidates (``unknown``, ``weak``)."""
    d = DocContext(gazetteer, doc.text)
    text = doc.text
    low_words = words_of(text)
    n_war = sum(1 for w in low_words if w in WAR_REPORT_CUES)
    d.war = n_war >= 2 or (n_war == 1 and any(w in EVENT_WORDS for w in low_words)) or is_war_report(doc.language, text)
    for w in low_words:
        cc = DEMONYMS.get(w)
        if cc:
            d.countries[cc] += 0.5
    for sent in sentences:
        sides = {_SIDE_OF_FORCES[w.lower()] for w in _forces_re().findall(sent.text)}
        if len(sides) == 1:
            d.attacking[sent.index] = sides.pop()
    cands = [_candidates(d, m) for m in mentions]
    # "Olhivske in Zaporizhia", "Stepnohirsk, a town in Ukraine's Zaporizhzhia": Y contains a named place,
    # so a region reading of Y is preferred.
    for k in range(1, len(mentions)):
        m, gap = mentions[k], text[mentions[k - 1].end:mentions[k].start]
        if k >= 2 and "after_possessive" in m.cues:
            gap = text[mentions[k - 2].end:m.start]  # "X, a town in Ukraine's Y"
        if m.kind_hint is None and mentions[k - 1].sentence == m.sentence and _inside_re().fullmatch(gap):
            d.inside.add(m.start)
    # "shelling in northern Chernihiv", "two villages in Luhansk and one in Donetsk": a direction
    # adjective or settlements said to lie in Y make Y the region.
    for k, m in enumerate(mentions):
        if m.kind_hint is None and (any(c[5:] in DIRECTION_WORDS for c in m.cues if c.startswith("prev:"))
                                    or _settlements_in_before().search(text, max(0, m.start - 40), m.start)):
            d.inside.add(m.start)
    tally_inside = {c for m in mentions if m.start in d.inside for c in m.cues if c.startswith("group:")}
    for k, m in enumerate(mentions):
        if m.kind_hint is None and "prev:in" in m.cues and tally_inside & set(m.cues):
            d.inside.add(m.start)  # "... in Luhansk and one in Donetsk"
        if m.start in d.inside and not any(p.kind == "adm1" for p in cands[k]):
            cands[k] = cands[k] + [p for p in d.search(f"{m.lookup} region", kind="adm1")
                                   if p.kind == "adm1" and p.score >= 0.5 and p.match != "variant"][:2]
    hints = [_country_code(d, m.country_hint) for m in mentions]
    _index_cells(d, mentions, cands)
    # Round 1: unambiguous evidence (countries, region phrases) feeds the country profile.
    first = []
    for m, cs, h in zip(mentions, cands, hints):
        p, conf = _choose(d, m, cs, None, h, [])
        first.append(p)
        if p is not None and p.country_code and (p.kind in ("country", "adm1") or _strong(m)) and "acronym" not in m.cues or \
                p is not None and p.kind == "country":
            d.countries[p.country_code] += 1.0 if p.kind != "country" else 2.0
            if p.kind == "adm1" or _strong(m):
                d.adm1s[p.admin1_code] += 1
    anchors = list({p.geonameid: p for p, m, cs in zip(first, mentions, cands) if p is not None and p.kind in ("place", "adm1")
                    and (_strong(m) or len(cs) == 1) and p.country_code in d.countries}.values())[:20]
    # The report's focus: where its places cluster; capitals are left out (they are mostly metonyms).
    focus_anchors = [a for a in anchors if not (a.kind == "place" and d.is_capital(a))]
    out: list[ResolvedMention] = []
    dropped = Counter()
    by_start: dict[int, Place] = {}
    sent_of = {s.index: s for s in sentences}
    # One sense per discourse: a name read with good evidence once is a place throughout.
    supported = set()
    for m, p in zip(mentions, first):
        if p is not None and not _weak(m) and _keep(d, m, p):
            supported.add(m.lookup.casefold())
            supported.update(c for c in m.cues if c.startswith("group:"))
    sentence_regions: dict[int, list[Place]] = {}
    for m, p in zip(mentions, first):
        if p is not None and p.kind == "adm1" and m.kind_hint == "adm1":
            sentence_regions.setdefault(m.sentence, []).append(p)
    # "Odessa, Texas", "Rylsk, Kursk region", "Geneva, Switzerland": the next name contains this one.
    follows: dict[int, Place] = {}
    for k in range(len(mentions) - 1):
        nxt_p = first[k + 1]
        if nxt_p is not None and nxt_p.kind in ("adm1", "country") and mentions[k].kind_hint != "adm1" and \
                text[mentions[k].end:mentions[k + 1].start] in (", ", ",\u00a0") and \
                "next_speech" not in mentions[k + 1].cues:  # "X, Russia says ...": a new clause, not a container
            follows[mentions[k].start] = nxt_p
    stated = stated_containers(text, mentions, first, cands)
    city_of = city_districts(text, mentions, first)
    possessed: set[int] = set()  # "the Izium district's Kapytolivka": the text says where it is
    for k in range(1, len(mentions)):
        prev, m = mentions[k - 1], mentions[k]
        if prev.kind_hint == "district" and prev.start not in city_of and first[k - 1] is not None \
                and POSSESSIVE_GAP.fullmatch(text[prev.end:m.start]):
            stated.setdefault(m.start, [first[k - 1]])  # near its centre
            possessed.add(m.start)
    report_region = focus_region(focus_anchors)
    list_regions: dict[str, Counter] = {}  # group cue -> the first readings' ADM1 codes of its members
    for m, p in zip(mentions, first):
        for c in m.cues:
            if c.startswith("group:") and p is not None:
                list_regions.setdefault(c, Counter())[p.admin1_code] += 1
    group_readings: dict[str, list[Place]] = {}  # list cue -> its members' unambiguous readings
    for m, p, cs in zip(mentions, first, cands):
        if p is not None and p.kind == "place" and len({q.geonameid for q in cs if q.kind == "place"}) == 1:
            for c in m.cues:
                if c.startswith("group:"):
                    group_readings.setdefault(c, []).append(p)
    unlisted = unlisted_mentions(d, mentions, stated) | possessed
    shared = share_containers(mentions, stated, unlisted)
    for m, cs, h in zip(mentions, cands, hints):
        readings = (stated.get(m.start) or shared.get(m.start) or []) if m.start in unlisted else []
        contained = False  # a reading inside the container the text states: evidence enough
        implied, explicit = container_after_mention(d, text, m, by_start, sentence_regions)
        container = (readings[0] if readings else None) or follows.get(m.start) or implied
        if not readings and (follows.get(m.start) or explicit) and cs and m.kind_hint not in ("adm1", "district") \
                and container.kind in ("adm1", "country") and not any(p.kind in ("country", "adm1") for p in cs):
            # "Stepove in the Zaporizhzhia region", "Prague, Oklahoma": the text says where it is, so
            # a reading elsewhere is another place; a small one loses to the name left unresolved there.
            # (A name that can be a country or region is left alone: "Georgia, Iraq, Iran" is a list.)
            readings = [container]
            unlisted = unlisted | {m.start}
        if m.start in unlisted and readings and cs and m.kind_hint != "district":
            # The text says where the place is: only a reading there is this place.
            pairs = [(p, c) for p in cs for c in readings if within(p, c)]
            if pairs:
                cs = list(dict.fromkeys(p for p, _ in pairs))
                container = pairs[0][1]
                contained = True
            elif not any(prominent(p) for p in cs):
                cs = []
        city = city_of.get(m.start)
        if city is not None:  # "Mykolaiv's Inhulskyi district": a district of the city stays in the city
            by_start[m.start] = city
            role = decide_role(d, text, sent_of.get(m.sentence), m, city)
            out.append(_named(ResolvedMention(m.start, m.end, m.surface, m.sentence, city, role.value, 2, 0.8,
                                              m.cues + ("city_district",)), role))
            continue
        if m.kind_hint == "district":
            region = container if container is not None and container.kind == "adm1" else report_region
            if region is not None:  # the centre lies in the region the text states or is about
                cs = d.district_centres(m.lookup, admin1=region.admin1_code) or \
                    [p for p in d.exact(m.lookup) if p.kind == "place" and p.admin1_code == region.admin1_code]
                contained, container = bool(cs), region
                if not cs:
                    unlisted = unlisted | {m.start}
        p, conf = _choose(d, m, cs, container, h, anchors)
        focus = None
        if p is not None and container is None and d.war and far_from_focus(p, m, focus_anchors):
            # A small place hundreds of km from every other place of the report: a homonym.
            near = [q for q in cs if not far_from_focus(q, m, focus_anchors)]
            if near:
                p, conf = _choose(d, m, near, container, h, anchors)
            elif d.war:
                focus = focus_region([a for a in focus_anchors if a.geonameid != p.geonameid])
                p = None
        elif p is not None and container is None and d.war and report_region is not None \
                and _strays_from_its_list(m, p, report_region, list_regions):
            # "A, B, C and the city of Y came under fire" in a report about Y's region: a small member
            # read in another region is a homonym of a place in this one.
            inside = [q for q in cs if q.admin1_code == report_region.admin1_code and q.kind == "place"]
            if inside:
                p, conf = _choose(d, m, inside, container, h, anchors)
            else:
                focus, p = report_region, None
        neighbours = _neighbours(d, m, anchors, by_start, group_readings, _towns_around(m, mentions, first))
        p, conf, container, focus, settled = _settle_namesakes(d, m, p, conf, cs, container, focus, report_region,
                                                               neighbours)
        if settled is not None:
            m = replace(m, cues=m.cues + (settled,))
        if p is None and (m.start in unlisted or focus is not None or settled == NAMESAKE_UNSETTLED):
            container = container or focus
            role = decide_role(d, text, sent_of.get(m.sentence), m, None, container)
            prec = unlisted_precision(container)
            cues = m.cues + (("focus",) if focus is not None else ())
            out.append(_named(ResolvedMention(m.start, m.end, m.surface, m.sentence, None, role.value, prec, 0.5, cues,
                                              container), role))
            continue
        if p is None:
            dropped["unknown"] += 1
            continue
        in_group = any(c in supported for c in m.cues if c.startswith("group:")) and (
            p.country_code in d.countries or (p.population or 0) >= 1_000
            or (d.war and p.country_code in WAR_COUNTRIES and p.placement == "hromada_centre"))
        if m.lookup.casefold() not in supported and not in_group and not contained and not _keep(d, m, p):
            dropped["weak"] += 1
            continue
        d.chosen.setdefault(m.lookup.casefold(), p)
        by_start[m.start] = p
        sent = sent_of.get(m.sentence)
        role = decide_role(d, text, sent, m, p)
        out.append(_named(ResolvedMention(m.start, m.end, m.surface, m.sentence, p, role.value, _precision(m, p, text),
                                          conf, m.cues), role, contained))
    out = propagate_lists(text, out)
    out = propagate_containers(text, out)
    out = near_reference(text, out)
    out = descriptors(text, out)
    out = reporting_officials(text, sentences, out)
    if dropped:
        log.debug("%s: dropped %s", doc.id, dict(dropped))
    return out, dropped


def _named(rm: ResolvedMention, role: Rule, contained: bool = False) -> ResolvedMention:
    """``rm`` with the names of the reading rule that placed it (:mod:`geo.places.readings`) and its role rule."""
    return replace(rm, rule=reading_rule(rm, contained), role_rule=role.name)


#: Cues a namesake decision leaves on a mention (and the reading rules that name them).
NAMESAKE_BY_NEIGHBOURS = "namesake:neighbours"
NAMESAKE_UNSETTLED = "namesake:unsettled"
#: Places of one name further apart than this are namesakes, not one place read twice.
NAMESAKE_KM = 20.0
#: A namesake this close to a place the report names (in its list, paragraph or story) is the one meant.
NEIGHBOUR_KM = 45.0
#: Above this population a place is a town that reports name for itself; villages of its name do not compete.
TOWN_POPULATION = 10_000
#: GeoNames' cities500 lists places from this size: with no other evidence, a listed village beats
#: namesakes too small to be listed.
LISTED_POPULATION = 500


def _neighbours(d: DocContext, m: Mention, anchors: list[Place], by_start: dict[int, Place],
                group_readings: dict[str, list[Place]], nearby: list[Place]) -> list[Place]:
    """Places the report names besides ``m``: its list's members, the towns of its paragraph
    (``nearby``: first readings in the sentences around it), then the story's other places."""
    own = d.norm(m.lookup)
    listed = [q for c in m.cues if c.startswith("group:") for q in group_readings.get(c, ())]
    others = listed + nearby + list(by_start.values()) + anchors
    return [q for q in others if q.kind == "place" and d.norm(q.name) != own]


def _towns_around(m: Mention, mentions: list[Mention], first: list[Place | None], span: int = 1) -> list[Place]:
    """First readings of towns (listed places of some size) named within ``span`` sentences of ``m``."""
    return [p for o, p in zip(mentions, first) if o is not m and p is not None and p.kind == "place"
            and (p.population or 0) >= 1_000 and abs(o.sentence - m.sentence) <= span]


def _settle_namesakes(d: DocContext, m: Mention, p: Place | None, conf: float, cands: list[Place],
                      container: Place | None, focus: Place | None, report_region: Place | None,
                      neighbours: list[Place]):
    """Choose among a village's namesakes by the report's other places, or leave it in its region.

    Returns (place, confidence, container, focus, cue): ``cue`` is
    :data:`NAMESAKE_BY_NEIGHBOURS` when a namesake near the report's other places was
    chosen, :data:`NAMESAKE_UNSETTLED` when nothing settles it and the mention is
    left in the region the text states (or the report is about), else None.
    """
    if p is None or p.kind != "place" or (p.population or 0) >= TOWN_POPULATION or m.kind_hint == "district" \
            or not (d.war and p.country_code in WAR_COUNTRIES):  # the villages of the war's two countries
        return p, conf, container, focus, None
    own = d.norm(p.name)
    same = [q for q in cands if q.kind == "place" and d.norm(q.name) == own and (q.population or 0) < TOWN_POPULATION]
    if container is not None and container.kind == "adm1":
        same = [q for q in same if q.admin1_code == container.admin1_code]
    far = [q for q in same if q.geonameid != p.geonameid and near_km(q, p) > NAMESAKE_KM]
    if not far:
        return p, conf, container, focus, None
    options = [p] + far
    if neighbours:
        by_distance = sorted(options, key=lambda q: min(near_km(q, n) for n in neighbours))
        best = by_distance[0]
        gap = min(near_km(best, n) for n in neighbours)
        runner_up = min(near_km(by_distance[1], n) for n in neighbours)
        log.debug("namesakes of %s: nearest %.0f km, next %.0f km", m.lookup, gap, runner_up)
        if gap <= NEIGHBOUR_KM and runner_up - gap >= NAMESAKE_KM:  # the next namesake is clearly farther
            return best, max(conf, 0.8), container, focus, NAMESAKE_BY_NEIGHBOURS
    if (p.population or 0) >= LISTED_POPULATION and all((q.population or 0) < LISTED_POPULATION for q in far):
        return p, conf, container, focus, None  # no evidence either way: the one large enough to be listed
    regions = {q.admin1_code for q in options}
    if container is not None and container.kind == "adm1":
        return None, 0.5, container, focus, NAMESAKE_UNSETTLED
    if len(regions) == 1:
        return None, 0.5, d.gaz.region(p.admin1_code) or container, focus, NAMESAKE_UNSETTLED
    if report_region is not None and any(q.admin1_code == report_region.admin1_code for q in options):
        return None, 0.5, report_region, focus, NAMESAKE_UNSETTLED
    return p, conf, container, focus, None


def _precision(m: Mention, p: Place, text: str) -> int:
    if p.kind == "country":
        return 4
    if p.kind == "adm1":
        return 3
    if m.kind_hint in ("district", "sector") or (m.kind_hint == "county" and p.kind == "place"):
        return 2
    if p.placement == "hromada_centre":
        return 2  # a village the codifier lists but GeoNames lacks: known to within its hromada
    before = [w for w in prev_words(text, m.start, 6) if w not in ("village", "town", "city", "settlement", "of")]
    if before and (before[-1] in NEAR_PREPS or before[-2:] in (["close", "to"], ["outskirts", "of"])):
        return 2
    return 1


