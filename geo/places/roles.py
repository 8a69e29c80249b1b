"""Roles of resolved mentions: where it happened, who acted, or neither.

``role_of`` reads the grammar around one mention and returns
``event_location`` (hit, attacked, shot down over, fought over, captured;
their containers; "near X"; front sectors), ``actor_metonym`` (a country,
capital or seat of power as the subject of agency verbs, possessor of state
organs, party to talks) or ``other`` (datelines, officials' titles, venues,
origins, reference points, alert-only areas, background mentions). The
``propagate_*`` passes then make a document's roles agree: lists share a
role, containers of event locations are event locations, and a place that
only describes the next ("the Black Sea port of X") is not one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from gazetteer.model import Place
from geo.model import ACTOR_METONYM, EVENT_LOCATION, OTHER, Mention, ResolvedMention, Sentence
from geo.lang.en.organisations import MEDIA_NOUNS, ORGAN_NOUNS, SEATS_OF_POWER
from geo.places.doc_context import DocContext
from geo.lang.en.verbs import (
    ACTOR_VERBS, ATTACK_OBJECT_PREVS, EVENT_WORDS, OFFICIAL_NOUNS, SPEECH_VERBS, VENUE_WORDS,
)



# Countries whose readings a report about the war prefers.
WAR_COUNTRIES = ("UA", "RU")


@lru_cache(maxsize=1)
def _word_re() -> re.Pattern:
    return re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")


def words_of(text: str) -> list[str]:
    return [w.lower() for w in _word_re().findall(text)]


_AUX = frozenset("also has have had is was were are will would could can may might must then meanwhile reportedly allegedly already has now further still once again itself on".split())


_SUBJECT_OPENERS = frozenset(", and but that while as when because although though since so after before if where which".split())


_ACTOR_OBJECT_PREVS = frozenset(
    "accused accuses urged urges told warned warns asked pressed called on with between against supports support "
    "sanctions by favoring favouring favours dislodge pressure pressured help helps helping supported supporting "
    "arm arming fund funding sanction sanctioned condemned criticised criticized blamed blames setback".split()
)


_PARTY_NOUNS = frozenset(
    "officials official delegation delegations representatives negotiators team envoys guarantees guarantee "
    "support aid assistance help weapons donors commitment commitments setback loans sanctions".split()
)


_TARGET_NOUNS = frozenset(
    "shelling bombing bombardment bombardments attack attacks strike strikes outskirts capture liberation "
    "encirclement storming defence defense siege recapture fall destruction evacuation suburbs".split()
)


_BACKGROUND_PREVS = frozenset("invasion war conflict aggression occupation".split())


def _next_words(text: str, end: int, n: int = 5, limit: int | None = None) -> list[str]:
    """Lower-cased words after ``end``, not beyond ``limit`` (the sentence end)."""
    stop = end + 80 if limit is None else min(end + 80, limit)
    return [w.lower() for w in _word_re().findall(text[end:stop])][:n]


def prev_words(text: str, start: int, n: int = 4) -> list[str]:
    """Words before ``start``, articles and direction adjectives left out."""
    words = [w.lower() for w in _word_re().findall(text[max(0, start - 60):start])]
    return [w for w in words if w not in _SKIP_PREV][-n:]


_SKIP_PREV = frozenset(
    "the a an northern southern eastern western central northeastern northwestern southeastern southwestern "
    "north-eastern north-western south-eastern south-western occupied annexed frontline front-line border "
    "russian ukrainian russian-occupied russian-controlled ukrainian-controlled neighbouring neighboring".split()
)


def _is_state(d: "DocContext", p: Place, m: Mention) -> bool:
    """A country, a national capital or a seat of power: can stand for a government."""
    if "seat_of_power" in m.cues or m.lookup.casefold() in SEATS_OF_POWER:
        return True
    if p.kind == "country":
        return True
    return p.kind == "place" and d.is_capital(p)


def role_of(d: "DocContext", text: str, sent: Sentence | None, m: Mention, p: Place | None, container: Place | None = None) -> str:
    """event_location, actor_metonym or other, from the grammar around the mention.

    ``p`` is None for a place the gazetteer lacks; ``container`` then gives its country.
    """
    if "dateline" in m.cues:
        return OTHER
    state = p is not None and _is_state(d, p, m)
    known = p or container
    if "seat_of_power" in m.cues:
        return ACTOR_METONYM
    after = text[m.end:m.end + 3]
    possessive = after[:2] in ("’s", "'s", "ʼs") or after[:1] in ("’", "'") and m.surface.endswith("s")
    nxt = _next_words(text, m.end + (2 if possessive else 0), limit=sent.end if sent else None)
    prev = prev_words(text, m.start)
    s_words = _sentence_words(d, sent)
    eventful = bool(s_words & EVENT_WORDS)
    venue = bool(s_words & VENUE_WORDS)
    # Possessive + organ/official/force/media/territory.
    if possessive and nxt:
        head = _np_head(nxt)
        if head in MEDIA_NOUNS or (nxt[0] in ("state", "state-run") and head in MEDIA_NOUNS):
            return OTHER
        if nxt[0] in OFFICIAL_NOUNS and not state:
            return OTHER  # "the Rostov region's governor"
        if any(w in ORGAN_NOUNS for w in nxt[:3]) and not any(w in ("region", "oblast", "territory", "city", "border") for w in nxt[:2]):
            return ACTOR_METONYM if state else OTHER
        if state and _verb_follows(nxt):
            return ACTOR_METONYM
        if state and not _place_follows(text, m.end + 2) and not any(
                w in ("region", "oblast", "territory", "border", "city", "capital", "soil", "airspace", "coast")
                for w in nxt[:3]):
            return ACTOR_METONYM  # "Russia's harsh response", "Kyiv's willingness"
    # "Kremlin spokesman", "Ukraine drones", "U.S. President", "Kyiv regime".
    attached = nxt and not possessive and not re.match(r"\s*[,.;:)\]”\"]", text[m.end:m.end + 3])  # "Kharkiv officials"
    if attached and nxt[0] in ORGAN_NOUNS and nxt[0] not in ("border", "air"):
        if state:
            return ACTOR_METONYM
        if nxt[0] in OFFICIAL_NOUNS:
            return OTHER
    if attached and nxt[0] in OFFICIAL_NOUNS:
        return OTHER
    if attached and nxt[0] == "air" and len(nxt) > 1 and nxt[1] in ("force", "defence", "defense"):
        return ACTOR_METONYM if state else OTHER
    # "President of X", "government of X"; "invasion of X", "war in X".
    if len(prev) >= 2 and prev[-1] in ("of", "in", "against", "on") and prev[-2] in _BACKGROUND_PREVS:
        return OTHER
    if len(prev) >= 2 and prev[-1] == "of" and prev[-2] in _TARGET_NOUNS:
        return EVENT_LOCATION  # "the shelling of X", "the outskirts of X", "the capture of X"
    if len(prev) >= 2 and prev[-1] == "of" and prev[-2] in ORGAN_NOUNS:
        return ACTOR_METONYM if state else OTHER
    # Subject of an agency verb: "Russia attacked", "Moscow accused", "Washington hopes".
    if state and _is_subject(text, m) and _verb_follows(nxt):
        return ACTOR_METONYM
    if state and nxt and nxt[0].endswith("ing") and nxt[0] in ACTOR_VERBS:
        return ACTOR_METONYM  # "with Washington hoping", "Moscow saying"
    if state and prev and prev[-1] in _ACTOR_OBJECT_PREVS and not (prev[-1] in ("on", "against") and eventful):
        if prev[-1] != "with" or venue or not eventful:
            return ACTOR_METONYM
    if state and prev and (prev[-1] == "between" or (prev[-1] == "and" and "between" in prev[-4:-1])):
        return ACTOR_METONYM  # "talks between Moscow and Kyiv"
    if state and len(prev) >= 2 and prev[-1] in ("from", "for", "to") and prev[-2] in _PARTY_NOUNS:
        return ACTOR_METONYM  # "officials from Ukraine", "guarantees for Ukraine", "donors to Kyiv"
    if state and nxt[:1] == ["and"] and len(nxt) >= 3 and (nxt[2] in ORGAN_NOUNS or nxt[1] in ORGAN_NOUNS):
        return ACTOR_METONYM  # "U.S. and Russian officials"
    local = set(prev_words(text, m.start, 7))
    if prev and prev[-1] in ("in", "at") and (local & VENUE_WORDS or (venue and not eventful)):
        return OTHER
    if "hyphen_adj" in m.cues:
        return OTHER
    if m.kind_hint == "sector":
        return EVENT_LOCATION
    if len(prev) >= 2 and prev[-1] in ("of", "from") and (prev[-2] in _REFERENCE_WORDS or prev[-2].endswith("ern")):
        return OTHER  # "60 km from X", "north of X": a reference point
    if _distance_before().search(text[max(0, m.start - 80):m.start]):
        return OTHER  # "60 miles from the city of X"
    if prev and prev[-1] == "from":
        return EVENT_LOCATION if local & _LEAVE_WORDS else OTHER
    if prev and prev[-1] in ("to", "towards", "toward") and (local & _MOTION_WORDS):
        return OTHER
    if _official_before().search(text[max(0, m.start - 80):m.start]):
        return OTHER  # "the governor of X", "administration in X", "governor of Russia's X"
    if prev and prev[-1] in ("visited", "visiting", "visit", "visits", "toured"):
        return OTHER
    if s_words & _ALERT_WORDS and not s_words & _HIT_WORDS:
        return OTHER  # alert-only areas
    if state or (p is not None and p.kind == "country"):
        if _passive_event(nxt) or (nxt[:2] in (["came", "under"], ["comes", "under"])):
            return EVENT_LOCATION  # "Kyiv was hit", "Kyiv came under attack"
        if eventful and prev and prev[-1] in ATTACK_OBJECT_PREVS:
            return EVENT_LOCATION
        if eventful and ("region_phrase" in m.cues or "after_possessive" in m.cues):
            return EVENT_LOCATION
        return OTHER
    if eventful or (d.war and (known is None or known.country_code in WAR_COUNTRIES)):
        return EVENT_LOCATION
    return OTHER


_REFERENCE_WORDS = frozenset(
    "km kilometres kilometers kilometre kilometer miles mile metres meters north south east west northeast "
    "northwest southeast southwest distance far away capital".split()
)


@lru_cache(maxsize=1)
def _official_before() -> re.Pattern:
    """A title of a regional or city official right before the mention."""
    nouns = "governor|mayor|head|administration|administrator|chief|council|prosecutor|police|authorities|officials|spokesman|spokeswoman|residents|native|patron saint"
    return re.compile(
        r"\b(?:" + nouns + r")\s+(?:of|in|for)\s+(?:the\s+)?(?:[A-Z][\w-]*[’']s\s+)?(?:[a-z-]+\s+){0,2}$"
    )


@lru_cache(maxsize=1)
def _distance_before() -> re.Pattern:
    return re.compile(
        r"\b(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?)\s+(?:[a-z]+\s+){0,2}(?:from|of|away from)\s+"
        r"(?:the\s+)?(?:(?:city|town|village|settlement) of\s+)?$"
    )


_LEAVE_WORDS = frozenset("withdraw withdrew withdrawing withdrawn withdrawal retreat retreated retreating pulled pull "
                         "ousted expelled driven pushed liberated liberation recaptured".split())


_MOTION_WORDS = frozenset("heading headed flying flew travel travelled traveled went returned moved evacuated fled "
                          "direction trip visit route flights sent deported transported bound".split())


_ALERT_WORDS = frozenset("warning warnings alert alerts siren sirens alarm alarms".split())


_HIT_WORDS = frozenset("hit struck killed injured wounded damaged destroyed explosion explosions blast blasts "
                       "shot intercepted downed fire debris".split())


def _place_follows(text: str, pos: int) -> bool:
    """A capitalised name (after optional lower-case adjectives) follows: "Ukraine's southern Kherson"."""
    return bool(re.match(r"\s+(?:[a-z-]+\s+){0,2}[A-Z]", text[pos:pos + 60]))


def _sentence_words(d: "DocContext", sent: Sentence | None) -> frozenset[str]:
    """The lower-cased words of a sentence, computed once per sentence."""
    if sent is None:
        return frozenset()
    key = ("sw", sent.index)
    hit = d.lookups.get(key)
    if hit is None:
        hit = d.lookups[key] = frozenset(words_of(sent.text))
    return hit


def _np_head(words: list[str]) -> str:
    """The head of a short noun phrase: the last word before a verb or preposition."""
    head = words[0]
    for w in words[:3]:
        if w in ("said", "says", "has", "had", "was", "is", "of", "in", "on", "and", "that", "to"):
            break
        head = w
    return head


_BE = frozenset("is was were are be been being".split())


def _passive_event(nxt: list[str]) -> bool:
    """"was hit", "has been struck", "were attacked again": the subject suffered the event."""
    k = 0
    while k < min(len(nxt), 5) and (nxt[k] in _AUX or nxt[k] in _BE or nxt[k].endswith("ly")):
        if nxt[k] in _BE and k + 1 < len(nxt) and nxt[k + 1] in EVENT_WORDS:
            return True
        k += 1
    return False


def _verb_follows(nxt: list[str]) -> bool:
    """An agency verb starts the predicate (after auxiliaries, adverbs, "and Y"); not a passive."""
    k = 0
    while k < min(len(nxt), 6):
        w = nxt[k]
        if w in _BE and k + 1 < len(nxt) and (nxt[k + 1] in EVENT_WORDS or nxt[k + 1].endswith("ed")):
            return False  # "Kyiv was hit", "Russia was targeted"
        if w in ACTOR_VERBS or (len(w) > 4 and w.endswith("ed") and w not in EVENT_WORDS) or w in ("has", "have", "had"):
            return True
        if w == "been":
            return False  # passive: "X has been hit"
        if w in _AUX or w.endswith("ly"):
            k += 1
            continue
        if w == "and" and k == 0 and len(nxt) > 2:
            k += 2  # "Ukraine and Russia exchanged"
            continue
        return False
    return False


def _is_subject(text: str, m: Mention) -> bool:
    """Nothing but a clause opener between the mention and the clause start."""
    before = text[max(0, m.start - 40):m.start]
    stripped = before.rstrip(" \u00a0“\"‘'(")
    if not stripped or stripped[-1] in ".!?\n:;—–-":
        return True
    words = _word_re().findall(stripped[-20:])
    if stripped.endswith(","):
        return True
    if words and (words[-1].lower() in _SUBJECT_OPENERS or words[-1].lower() in SPEECH_VERBS):
        return True
    if words and words[-1].lower() == "the":
        return True
    return False


def propagate_lists(text: str, out: list[ResolvedMention]) -> list[ResolvedMention]:
    """Members of one coordinated list share the role of its event members."""
    if not out:
        return out
    result = list(out)
    i = 0
    while i < len(result):
        j = i
        while j + 1 < len(result) and result[j + 1].sentence == result[i].sentence and \
                re.fullmatch(r"\s*(?:,|and|or|, and|, or)\s*", text[result[j].end:result[j + 1].start]):
            j += 1
        if j > i:
            roles = {r.role for r in result[i:j + 1]}
            if EVENT_LOCATION in roles and ACTOR_METONYM not in roles:
                for k in range(i, j + 1):
                    r = result[k]
                    if r.role != EVENT_LOCATION:
                        result[k] = replace(r, role=EVENT_LOCATION)
        i = j + 1
    return result


def near_reference(text: str, out: list[ResolvedMention]) -> list[ResolvedMention]:
    """"the town of X, near Y": Y is a reference point once a closer place is named."""
    result = list(out)
    for k in range(1, len(result)):
        a, b = result[k - 1], result[k]
        if a.sentence == b.sentence and a.role == EVENT_LOCATION and b.role == EVENT_LOCATION \
                and (a.place is not None or a.container is not None) and \
                re.fullmatch(r",?\s*near\s+(?:the\s+)?(?:(?:city|town|village) of\s+)?", text[a.end:b.start]):
            result[k] = replace(b, role=OTHER)
    return result


# "the Black Sea port of X", "the Azov coastal city of X": the first place describes the second.
_DESCRIBES_NEXT = re.compile(r"\s+(?:(?:port|resort|coastal|frontline|front-line|border|industrial)\s+)?"
                             r"(?:port|city|town|village|resort|naval\s+base)\s+of\s+", re.I)


def descriptors(text: str, out: list[ResolvedMention]) -> list[ResolvedMention]:
    """A place that only describes the next one ("the Black Sea port of Novorossiysk") is not where it happened."""
    result = list(out)
    for k in range(len(result) - 1):
        a, b = result[k], result[k + 1]
        if a.role == EVENT_LOCATION and a.sentence == b.sentence and _DESCRIBES_NEXT.fullmatch(text[a.end:b.start]):
            result[k] = replace(a, role=OTHER)
    return result


def propagate_containers(text: str, out: list[ResolvedMention]) -> list[ResolvedMention]:
    """"Russia's Kursk region", "Ukraine's Dnipro", "Rylsk, Kursk region": a container
    of an event location is an event location too."""
    result = list(out)
    for k in range(len(result) - 1):
        a, b = result[k], result[k + 1]
        gap = text[a.end:b.start]
        if b.role == EVENT_LOCATION and a.role != EVENT_LOCATION and a.place and b.place and \
                re.fullmatch(r"[’'ʼ]s\s+(?:[a-z-]+\s+){0,2}", gap) and a.role == OTHER:
            result[k] = replace(a, role=EVENT_LOCATION)
        if a.role == EVENT_LOCATION and b.role == OTHER and b.place and (a.place or a.container) and \
                text[b.end:b.end + 2] not in ("’s", "'s") and \
                b.place.kind in ("adm1", "country") and re.fullmatch(r",\s*|\s+in\s+(?:the\s+)?", gap):
            result[k + 1] = replace(b, role=EVENT_LOCATION)
    return result


#: Cue on a place named in the title of an official who reports an attack there.
OFFICIALS_REGION = "officials_region"
_REGIONAL_TITLE_BEFORE = re.compile(r"\b(?:governor|mayor|head|chief|administration)\s+(?:of|in)\s+(?:the\s+)?"
                                    r"(?:[A-Z][\w-]*[’']s\s+)?(?:[a-z-]+\s+){0,2}$", re.I)
_REGIONAL_TITLE_AFTER = re.compile(r"(?:[’'ʼ]s)?\s+(?:regional\s+|city\s+|acting\s+)?(?:governor|mayor|head)\b", re.I)
_REPORTS_A_HIT = re.compile(r"\b(?:said|says|reported|wrote|announced|confirmed)\b[^.;]{0,120}?\b(?:" +
                            "|".join(sorted(_HIT_WORDS)) + r"|attack(?:ed)?|shell(?:ed|ing)|drones?|missiles?)\b", re.I)


def reporting_officials(text: str, sentences, out: list[ResolvedMention]) -> list[ResolvedMention]:
    """"The governor of Russia's Voronezh region said a drone hit a car": the region in the title of an
    official who reports an attack, in a sentence naming no other place hit, is where it happened.
    The mention keeps its role (a title is ``other``) and gains the ``officials_region`` cue, which
    the event reader takes as the attack's place when the clause names no other. A plain title ("the
    governor of the Belgorod region said talks would continue") gains nothing."""
    by_sentence: dict[int, list[ResolvedMention]] = {}
    for r in out:
        by_sentence.setdefault(r.sentence, []).append(r)
    spans = {s.index: s for s in sentences}
    result = list(out)
    for k, r in enumerate(result):
        sent = spans.get(r.sentence)
        where = r.place or r.container
        if r.role != OTHER or sent is None or where is None or where.kind == "country":
            continue
        titled = _REGIONAL_TITLE_BEFORE.search(text, max(sent.start, r.start - 60), r.start) or \
            _REGIONAL_TITLE_AFTER.match(text, r.end, min(sent.end, r.end + 30))
        if not titled or any(o.role == EVENT_LOCATION for o in by_sentence[r.sentence] if o is not r):
            continue
        if _REPORTS_A_HIT.search(text, r.end, sent.end):
            result[k] = replace(r, cues=r.cues + (OFFICIALS_REGION,))  # its role stays: a title
    return result
