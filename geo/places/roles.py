"""Roles of resolved mentions: where it happened, who acted, or neither.

``role_of`` reads the grammar around one mention through the ordered
table :data:`ROLE_RULES` and returns
``event_location`` (hit, attacked, shot down over, fought over, captured;
their containers; "near X"; front sectors), ``actor_metonym`` (a country,
capital or seat of power as the subject of agency verbs, possessor of state
organs, party to talks) or ``other`` (datelines, officials' titles, venues,
origins, reference points, alert-only areas, background mentions). The
``propagate_*`` passes then make a document's roles agree: lists share a
role, containers of event locations are event locations, and a place that
only describes the next ("the Black Sea port of X") is not one. Each
mention's ``role_rule`` names the rule, or the pass, that gave its role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from gazetteer.model import Place
from geo.model import ACTOR_METONYM, EVENT_LOCATION, OTHER, Mention, ResolvedMention, Sentence
from geo.lang.en.organisations import MEDIA_NOUNS, ORGAN_NOUNS, SEATS_OF_POWER
from geo.places.doc_context import DocContext
from geo.rules import Rule, first
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


@dataclass
class RoleContext:
    """What the role rules read around one mention; each piece computed once, when first asked."""

    d: DocContext
    text: str
    sent: Sentence | None
    m: Mention
    p: Place | None
    container: Place | None = None

    @cached_property
    def state(self) -> bool:
        return self.p is not None and _is_state(self.d, self.p, self.m)

    @cached_property
    def known(self) -> Place | None:
        return self.p or self.container

    @cached_property
    def possessive(self) -> bool:
        after = self.text[self.m.end:self.m.end + 3]
        return after[:2] in ("’s", "'s", "ʼs") or after[:1] in ("’", "'") and self.m.surface.endswith("s")

    @cached_property
    def nxt(self) -> list[str]:
        return _next_words(self.text, self.m.end + (2 if self.possessive else 0),
                           limit=self.sent.end if self.sent else None)

    @cached_property
    def prev(self) -> list[str]:
        return prev_words(self.text, self.m.start)

    @cached_property
    def local(self) -> set[str]:
        return set(prev_words(self.text, self.m.start, 7))

    @cached_property
    def s_words(self) -> frozenset[str]:
        return _sentence_words(self.d, self.sent)

    @cached_property
    def eventful(self) -> bool:
        return bool(self.s_words & EVENT_WORDS)

    @cached_property
    def venue(self) -> bool:
        return bool(self.s_words & VENUE_WORDS)

    @cached_property
    def attached(self) -> bool:
        """A noun right after the name, no punctuation between: "Kharkiv officials", "Kremlin spokesman"."""
        return bool(self.nxt) and not self.possessive and not re.match(r"\s*[,.;:)\]”\"]", self.text[self.m.end:self.m.end + 3])

    @property
    def prev1(self) -> str | None:
        return self.prev[-1] if self.prev else None

    @property
    def prev2(self) -> str | None:
        return self.prev[-2] if len(self.prev) >= 2 else None


def _possessed(c: RoleContext) -> bool:
    return c.possessive and bool(c.nxt)


def _state_or_country(c: RoleContext) -> bool:
    return c.state or (c.p is not None and c.p.kind == "country")


_TERRITORY_NOUNS = ("region", "oblast", "territory", "city", "border")
_PLACE_NOUNS = ("region", "oblast", "territory", "border", "city", "capital", "soil", "airspace", "coast")

#: The role rules, in order: the first whose test holds gives the mention its role. Each reads the
#: grammar around the mention (:class:`RoleContext`); the annotation rules of the dev sets' README
#: say which role each shape takes.
ROLE_RULES: tuple[Rule, ...] = (
    Rule("cyrillic_title", "\"губернатор Белгородской области\", \"влада Сумщини\": a place in an official's title",
         lambda c: "cyrillic:title" in c.m.cues, OTHER),
    Rule("cyrillic_destination", "\"відступив до X\": a destination", lambda c: "cyrillic:destination" in c.m.cues, OTHER),
    Rule("cyrillic_so_called", "\"так званої ЛНР\": an entity, not ground", lambda c: "cyrillic:so_called" in c.m.cues,
         ACTOR_METONYM),
    Rule("cyrillic_background", "a sentence about the war's history", lambda c: "cyrillic:background" in c.m.cues, OTHER),
    Rule("cyrillic_territory", "\"територію України\": a state's ground", lambda c: "cyrillic:territory" in c.m.cues,
         EVENT_LOCATION),
    Rule("cyrillic_origin", "\"з боку X\", \"со стороны X\": in Ukrainian or Russian, an origin",
         lambda c: "cyrillic:origin" in c.m.cues, OTHER),
    Rule("cyrillic_state_subject", "\"Росія атакувала\": a state as the subject of a verb acts as its government",
         lambda c: "cyrillic:subject" in c.m.cues and _state_or_country(c) and "cyrillic:prep" not in c.m.cues, ACTOR_METONYM),
    Rule("cyrillic_state", "a state named outside a locative phrase (\"прапор України\") is no event location",
         lambda c: "cyrillic" in c.m.cues and _state_or_country(c) and "cyrillic:prep" not in c.m.cues, OTHER),
    Rule("cyrillic_place", "a place in a Ukrainian or Russian war report is where things happen",
         lambda c: "cyrillic" in c.m.cues, EVENT_LOCATION),
    Rule("dateline", "a dateline names where the report was filed, not where it happened",
         lambda c: "dateline" in c.m.cues, OTHER),
    Rule("seat_of_power", "the Kremlin, the White House: a seat of power stands for its government",
         lambda c: "seat_of_power" in c.m.cues, ACTOR_METONYM),
    Rule("possessive_media", "\"X's state media\": the place owns an outlet",
         lambda c: _possessed(c) and (_np_head(c.nxt) in MEDIA_NOUNS
                                      or (c.nxt[0] in ("state", "state-run") and _np_head(c.nxt) in MEDIA_NOUNS)), OTHER),
    Rule("possessive_official", "\"the Rostov region's governor\": a place in an official's title",
         lambda c: _possessed(c) and c.nxt[0] in OFFICIAL_NOUNS and not c.state, OTHER),
    Rule("possessive_organ_of_state", "\"Russia's defence ministry\": a state's organ stands for the state",
         lambda c: _possessed(c) and c.state and any(w in ORGAN_NOUNS for w in c.nxt[:3])
         and not any(w in _TERRITORY_NOUNS for w in c.nxt[:2]), ACTOR_METONYM),
    Rule("possessive_organ", "\"the region's council\": an organ of a place that is no state",
         lambda c: _possessed(c) and any(w in ORGAN_NOUNS for w in c.nxt[:3])
         and not any(w in _TERRITORY_NOUNS for w in c.nxt[:2]), OTHER),
    Rule("possessive_agent", "\"Russia's ... launched\": a state whose possession acts",
         lambda c: _possessed(c) and c.state and _verb_follows(c.nxt), ACTOR_METONYM),
    Rule("possessive_quality", "\"Russia's harsh response\", \"Kyiv's willingness\": a state's attitude, not ground",
         lambda c: _possessed(c) and c.state and not _place_follows(c.text, c.m.end + 2)
         and not any(w in _PLACE_NOUNS for w in c.nxt[:3]), ACTOR_METONYM),
    Rule("attached_organ_of_state", "\"Kremlin spokesman\", \"Ukraine drones\": a state's organ attached to its name",
         lambda c: c.attached and c.nxt[0] in ORGAN_NOUNS and c.nxt[0] not in ("border", "air") and c.state,
         ACTOR_METONYM),
    Rule("attached_official", "\"Kharkiv officials\": an official named by the place",
         lambda c: c.attached and c.nxt[0] in OFFICIAL_NOUNS, OTHER),
    Rule("air_force_of_state", "\"Ukraine air force\": a state's armed service",
         lambda c: c.attached and c.nxt[0] == "air" and len(c.nxt) > 1 and c.nxt[1] in ("force", "defence", "defense")
         and c.state, ACTOR_METONYM),
    Rule("air_force_of_place", "\"Kharkiv air defence\": a service named by a place that is no state",
         lambda c: c.attached and c.nxt[0] == "air" and len(c.nxt) > 1 and c.nxt[1] in ("force", "defence", "defense"),
         OTHER),
    Rule("background_of", "\"invasion of X\", \"war in X\": the war's background, not an attack reported",
         lambda c: c.prev2 is not None and c.prev1 in ("of", "in", "against", "on") and c.prev2 in _BACKGROUND_PREVS,
         OTHER),
    Rule("target_of", "\"the shelling of X\", \"the outskirts of X\", \"the capture of X\"",
         lambda c: c.prev2 is not None and c.prev1 == "of" and c.prev2 in _TARGET_NOUNS, EVENT_LOCATION),
    Rule("organ_of_state", "\"the government of X\": a state's organ",
         lambda c: c.prev2 is not None and c.prev1 == "of" and c.prev2 in ORGAN_NOUNS and c.state, ACTOR_METONYM),
    Rule("organ_of_place", "\"the council of X\": an organ of a place that is no state",
         lambda c: c.prev2 is not None and c.prev1 == "of" and c.prev2 in ORGAN_NOUNS, OTHER),
    Rule("state_subject", "\"Russia attacked\", \"Moscow accused\": a state as the subject of an agency verb",
         lambda c: c.state and _is_subject(c.text, c.m) and _verb_follows(c.nxt), ACTOR_METONYM),
    Rule("state_gerund", "\"with Washington hoping\", \"Moscow saying\"",
         lambda c: c.state and bool(c.nxt) and c.nxt[0].endswith("ing") and c.nxt[0] in ACTOR_VERBS, ACTOR_METONYM),
    Rule("state_object_of_agency", "\"accused Moscow\", \"pressure on Kyiv\": a state acted upon as a party",
         lambda c: c.state and c.prev1 in _ACTOR_OBJECT_PREVS and not (c.prev1 in ("on", "against") and c.eventful)
         and (c.prev1 != "with" or c.venue or not c.eventful), ACTOR_METONYM),
    Rule("state_between", "\"talks between Moscow and Kyiv\"",
         lambda c: c.state and c.prev1 is not None
         and (c.prev1 == "between" or (c.prev1 == "and" and "between" in c.prev[-4:-1])), ACTOR_METONYM),
    Rule("state_party", "\"officials from Ukraine\", \"guarantees for Ukraine\", \"donors to Kyiv\"",
         lambda c: c.state and c.prev2 is not None and c.prev1 in ("from", "for", "to") and c.prev2 in _PARTY_NOUNS,
         ACTOR_METONYM),
    Rule("state_and_organ", "\"U.S. and Russian officials\"",
         lambda c: c.state and c.nxt[:1] == ["and"] and len(c.nxt) >= 3 and (c.nxt[2] in ORGAN_NOUNS or c.nxt[1] in ORGAN_NOUNS),
         ACTOR_METONYM),
    Rule("venue", "\"talks in X\", \"a summit at X\": a venue, not an attack",
         lambda c: c.prev1 in ("in", "at") and bool(c.local & VENUE_WORDS or (c.venue and not c.eventful)), OTHER),
    Rule("hyphen_adjective", "\"Kyiv-based\": a name used as an adjective", lambda c: "hyphen_adj" in c.m.cues, OTHER),
    Rule("front_sector", "\"the Pokrovsk direction\": a front sector is where fighting is",
         lambda c: c.m.kind_hint == "sector", EVENT_LOCATION),
    Rule("reference_point", "\"60 km from X\", \"north of X\": a reference point",
         lambda c: c.prev2 is not None and c.prev1 in ("of", "from")
         and (c.prev2 in _REFERENCE_WORDS or c.prev2.endswith("ern")), OTHER),
    Rule("distance_from", "\"60 miles from the city of X\"",
         lambda c: bool(_distance_before().search(c.text[max(0, c.m.start - 80):c.m.start])), OTHER),
    Rule("withdrawn_from", "\"troops withdrew from X\", \"pushed out of X\": ground lost is where it happened",
         lambda c: c.prev1 == "from" and bool(c.local & _LEAVE_WORDS), EVENT_LOCATION),
    Rule("vehicle_route", "\"a train heading from X\" hit: a vehicle struck on its way is placed by its route",
         lambda c: c.prev1 == "from" and c.eventful and bool(c.local & _VEHICLE_NOUNS) and bool(c.local & _MOTION_WORDS),
         EVENT_LOCATION),
    Rule("origin", "\"drones launched from X\", \"a train from X\": an origin", lambda c: c.prev1 == "from", OTHER),
    Rule("destination", "\"heading to X\": a destination",
         lambda c: c.prev1 in ("to", "towards", "toward") and bool(c.local & _MOTION_WORDS), OTHER),
    Rule("official_title", "\"the governor of X\", \"administration in X\": a place in an official's title",
         lambda c: bool(_official_before().search(c.text[max(0, c.m.start - 80):c.m.start])), OTHER),
    Rule("visit", "\"visited X\"", lambda c: c.prev1 in ("visited", "visiting", "visit", "visits", "toured"), OTHER),
    Rule("alert_only", "air-raid alerts with nothing hit", lambda c: bool(c.s_words & _ALERT_WORDS and not c.s_words & _HIT_WORDS),
         OTHER),
    Rule("state_suffered", "\"Kyiv was hit\", \"Kyiv came under attack\"",
         lambda c: _state_or_country(c) and (_passive_event(c.nxt) or c.nxt[:2] in (["came", "under"], ["comes", "under"])),
         EVENT_LOCATION),
    Rule("state_attacked", "\"struck Ukraine\" in a sentence about an attack",
         lambda c: _state_or_country(c) and c.eventful and c.prev1 in ATTACK_OBJECT_PREVS, EVENT_LOCATION),
    Rule("state_region_phrase", "\"Russia's Kursk region\" in a sentence about an attack",
         lambda c: _state_or_country(c) and c.eventful and ("region_phrase" in c.m.cues or "after_possessive" in c.m.cues),
         EVENT_LOCATION),
    Rule("capital_apposition", "\"in Ukraine's capital, X, explosions\": the capital named in apposition was hit",
         lambda c: c.eventful and bool(_CAPITAL_BEFORE.search(c.text[max(0, c.m.start - 40):c.m.start])), EVENT_LOCATION),
    Rule("state_otherwise", "a country or capital with no attack on it is no event location",
         _state_or_country, OTHER),
    Rule("war_place", "a place in a sentence about an attack, or a Ukrainian or Russian place in a war report",
         lambda c: c.eventful or (c.d.war and (c.known is None or c.known.country_code in WAR_COUNTRIES)),
         EVENT_LOCATION),
    Rule("elsewhere", "any other place", lambda c: True, OTHER),
)


def decide_role(d: DocContext, text: str, sent: Sentence | None, m: Mention, p: Place | None,
                container: Place | None = None) -> Rule:
    """The role rule that decides the mention's role (its ``value`` is the role)."""
    return first(ROLE_RULES, RoleContext(d, text, sent, m, p, container))


def role_of(d: DocContext, text: str, sent: Sentence | None, m: Mention, p: Place | None,
            container: Place | None = None) -> str:
    """event_location, actor_metonym or other, from the grammar around the mention (:data:`ROLE_RULES`).

    ``p`` is None for a place the gazetteer lacks; ``container`` then gives its country.
    """
    return decide_role(d, text, sent, m, p, container).value


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


_MOTION_WORDS = frozenset("heading headed flying flew travel travelled traveled travelling traveling went returned moved evacuated fled "
                          "direction trip visit route flights sent deported transported bound".split())


#: Vehicles a report places by their route ("a bus travelling from X"); everyday English words.
_VEHICLE_NOUNS = frozenset("train trains bus buses minibus car cars convoy ambulance truck trucks lorry ferry".split())
#: "the capital, X" and "X's capital, Y": the name after the comma is the capital itself.
_CAPITAL_BEFORE = re.compile(r"\bcapital\s*,\s*$", re.I)
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
                        result[k] = replace(r, role=EVENT_LOCATION, role_rule="list_member_of_event")
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
            result[k] = replace(b, role=OTHER, role_rule="near_reference")
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
            result[k] = replace(a, role=OTHER, role_rule="descriptor")
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
            result[k] = replace(a, role=EVENT_LOCATION, role_rule="container_of_event")
        if a.role == EVENT_LOCATION and b.role == OTHER and b.place and (a.place or a.container) and \
                text[b.end:b.end + 2] not in ("’s", "'s") and \
                b.place.kind in ("adm1", "country") and re.fullmatch(r",\s*|\s+in\s+(?:the\s+)?", gap):
            result[k + 1] = replace(b, role=EVENT_LOCATION, role_rule="container_of_event")
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


#: The passes that revise a role after :data:`ROLE_RULES`, by the ``role_rule`` name they record.
ROLE_PASSES: tuple[Rule, ...] = (
    Rule("list_member_of_event", "a member of a coordinated list shares the role of its event members",
         lambda *_: False, EVENT_LOCATION),
    Rule("near_reference", "\"the town of X, near Y\": Y is a reference point once a closer place is named",
         lambda *_: False, OTHER),
    Rule("descriptor", "\"the Black Sea port of X\": a place that only describes the next one",
         lambda *_: False, OTHER),
    Rule("container_of_event", "\"Russia's Kursk region\", \"Rylsk, Kursk region\": a container of an event location",
         lambda *_: False, EVENT_LOCATION),
)
