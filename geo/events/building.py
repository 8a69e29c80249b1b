"""Strike, interception and ground-assault events, read clause by clause.

Three steps, each a pure function:

1. ``read_frames``: every clause that reports an attack becomes a ``Frame``
   (cues, attacker from grammar, weapons and counts, interceptions, targets,
   casualties, claimant, date, the event-location mentions inside it);
2. ``group_frames``: sentences that continue the attack just described ("The
   strikes hit the A, B and C regions", "60 drones were downed", "The
   strikes killed two people") join its group;
3. ``build_events``: one event per location of a group, with honest
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
from dataclasses import dataclass, field, replace

from geo.events import lexicon as lx
from geo.events.dates import find_dates
from geo.model import (
    EVENT_LOCATION, GROUND_ASSAULT, INTERCEPTION, OTHER, RU, STRIKE, UA, UNKNOWN,
    Document, Event, Location, ResolvedMention, Sentence, Source,
)
from geo.events.numbers import Quantity, find_areas, find_quantities

# Counts above this are kept but flagged: no single report has launched more.
PLAUSIBLE_MAX = 5000

_WEAPON_RES = [(kind, lx.compile_alternatives(pats)) for kind, pats in lx.WEAPONS.items()]
_TARGET_RES = [(kind, lx.compile_alternatives(pats)) for kind, pats in lx.TARGETS.items()]
_STRIKE_RE = lx.compile_alternatives(lx.STRIKE_CUES)
_GROUND_RE = lx.compile_alternatives(lx.GROUND_CUES)
_INTERCEPT_RE = lx.compile_alternatives(lx.INTERCEPT_VERBS)
_HYPO_RE = re.compile("|".join(lx.HYPOTHETICAL), re.I)
_ANAPHORA_RE = re.compile("|".join(lx.ANAPHORA), re.I)
_SIDE = lx.SIDE_RE
_ATTACK_VERB = r"(?:" + "|".join(lx.ATTACK_VERBS) + r")"
_WEAPON_NOUN = r"(?:drones?|UAVs?|missiles?|rockets?|strikes?|attacks?|shelling|bombs?|air\s*strikes?|artillery|shells?|bombardments?|offensive|assaults?)"
_GRAMMAR = (
    # "drones launched by Ukraine", "missiles fired from Russia"
    re.compile(r"\b(?:launched|fired|sent|carried\s+out|conducted)\s+by\s+(?:the\s+)?(?P<side>" + _SIDE + r")", re.I),
    # "accused Ukraine of attacking"
    re.compile(r"\baccus\w+\s+(?P<side>" + _SIDE + r")\s+of\s+(?:an?\s+)?(?:attack|strik|launch|shell|target|bomb)", re.I),
    # "Russia attacked Ukraine with", "Russian forces shelled"
    re.compile(r"(?<![\w’'])(?P<side>" + _SIDE + r")\s+(?:(?:armed\s+)?forces\s+|troops\s+|military\s+|army\s+)?"
               r"(?:has\s+|have\s+|had\s+)?(?:again\s+|also\s+|once\s+again\s+|reportedly\s+)?" + _ATTACK_VERB + r"\b", re.I),
    # "a Ukrainian drone", "Russian strikes", "Russian missile attack"
    re.compile(r"\b(?P<side>Russian|Ukrainian)\s+(?:[a-z-]+\s+)?" + _WEAPON_NOUN + r"\b(?!\s+(?:said|says|reported|claimed))", re.I),
)
# "Russian air defences shot down", "Russia's defence ministry said it had downed": the defender.
_DEFENDER = re.compile(
    r"(?P<side>" + _SIDE + r")\s+(?:[\w-]+\s+){0,6}?(?:" + "|".join(lx.INTERCEPT_VERBS) + r")\b", re.I
)
_AIR_DEFENCE_OF = re.compile(r"\b(?P<side>Russian|Ukrainian)\s+air[-\s]defen[cs]es?\b", re.I)
_CLAUSE_SPLIT = re.compile(r";\s+|,\s+(?:while|whereas)\s+|\s+[–—]\s+(?=[A-Z])|:\s+(?=[A-Z])")
_SPEECH = r"(?:" + "|".join(lx.SPEECH_VERBS) + r"|saying|accused|accusing)"
# Lower-case words that open a speaker's description: ", regional governor X said", ", local officials said".
_ROLE_START = (r"(?:regional|local|city|district|deputy|acting|senior|military|government|defen[cs]e|emergency|police|"
               r"rescue|health|interior|foreign|presidential|state|municipal)\s")
_CLAIMANT_BEFORE = re.compile(
    r"(?:^|[,;:”\"]\s*|\bthat\s+)(?P<np>(?:[A-Z“]|the\s|a\s|an\s|" + _ROLE_START + r")[^,;:“”\"]{1,90}?)\s+" + _SPEECH + r"\b"
)
_CLAIMANT_AFTER = re.compile(r"[,”\"]\s*(?:said|says|according\s+to)\s+(?P<np>(?:[A-Z]|" + _ROLE_START + r")[^,.;]{1,80})")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<np>[^,.;]{2,100})", re.I)
_OUTLET_RE = re.compile(r"\b(?P<outlet>" + "|".join(re.escape(o) for o in lx.OUTLETS) + r")\s+(?:reported|said|reports)\b")
_ASIDES = re.compile(r",\s+(?:meanwhile|however|also|though|in\s+turn|in\s+a\s+statement|for\s+its\s+part),", re.I)
_PRONOUNS = {"it", "he", "she", "they", "we", "i", "this", "that", "which", "who"}
#: Cue on a stand-in mention: a place the gazetteer lacks, put at its stated container.
UNLISTED = "unlisted"
_NEAR_RE = re.compile(r"\b(?:near|outside|close\s+to|on\s+the\s+outskirts\s+of|in\s+the\s+vicinity\s+of)\s+(?:the\s+)?"
                      r"(?:(?:village|town|city|settlement|hamlet)\s+of\s+)?$", re.I)
_AUX = r"(?:were|was|have\s+been|had\s+been|has\s+been|being|been|are|is)"
_INTERCEPT_AFTER = re.compile(
    r"^(?:(?!\b(?:of|most|all|some|none|many)\s+(?:which|them|those|these|whom)\b)[^.;]){0,25}?\b(?:(?:" + _AUX + r"\s+)?(?:" + "|".join(lx.INTERCEPT_VERBS) + r")"
    r"|" + _AUX + r"\s+(?:\w+\s+)?destroyed|destroyed\s+(?:over|above|in\s+the\s+air|by\s+(?:air|the\s+air)))\b", re.I
)
_INTERCEPT_BEFORE = re.compile(
    r"(?:" + "|".join(lx.INTERCEPT_VERBS) + r"|destroy(?:ed|ing|s)?|took\s+out|taken\s+out)\s+(?:a\s+total\s+of\s+|all\s+|another\s+)?$", re.I
)
# "most of the 40 drones ... were downed": the figure is what was launched, not what was downed.
_MOST_OF_BEFORE = re.compile(r"\b(?:most|the\s+majority|many|some|part|several|a\s+few)\s+of\s+(?:the\s+|these\s+|those\s+)?$", re.I)
# ", including four Kalibr missiles and five Iskanders": a breakdown of the figure just given.
_INCLUDING = re.compile(r"\b(?:including|among\s+them|among\s+which|of\s+these|of\s+those)\b[^;.]*", re.I)
# A per-place interception list, whatever the weapons are called there ("aircraft", "aerial targets", "UAVs").
_PER_PLACE_DOWNED = re.compile(
    r"(?<![\w.,])(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?)\s+"
    r"(?:(?:more|other|enemy|hostile|Ukrainian|Russian)\s+)?(?:aircraft|aerial\s+(?:targets?|vehicles?)|air\s+targets?|targets|objects|UAVs?|drones?)?\s*"
    r"(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?(?:intercepted|destroyed|shot\s+down|downed|neutrali[sz]ed|suppressed)\s+(?:over|above|in)\b",
    re.I,
)
_PART_OF = re.compile(r"^\s+of\s+(?:those|them|these|the\s+drones|the\s+missiles)\b", re.I)
_OVER_BEFORE = re.compile(r"\b(?:over|above|in|across|near)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$", re.I)
_ATTACK_NOUN_AFTER = re.compile(r"^[-\s]*(?:attacks?|strikes?|raids?|assaults?|debris|alerts?|operators?|units?|production|threat)\b", re.I)


@dataclass
class Frame:
    """What one clause says about an attack."""

    sentence: int
    start: int
    end: int
    text: str
    strike: bool = False
    intercept: bool = False
    ground: bool = False
    anaphoric: bool = False
    attackers: list[tuple[str, str]] = field(default_factory=list)  # (side, basis)
    weapons: dict[str, int | None] = field(default_factory=dict)
    intercepted: dict[str, int | None] = field(default_factory=dict)
    intercepted_by_mention: dict[int, int] = field(default_factory=dict)
    qualifiers: dict[str, str] = field(default_factory=dict)
    targets: list[tuple[str, int]] = field(default_factory=list)  # (kind, offset in doc)
    killed: int | None = None
    injured: int | None = None
    claimant: str | None = None
    date: dt.date | None = None
    date_precision: str | None = None
    date_rank: int = 99
    locations: list[ResolvedMention] = field(default_factory=list)
    elsewhere: set[str] = field(default_factory=set)  # countries written "in X", event place or metonym (not venues)
    subtype_cue: str | None = None

    @property
    def eventful(self) -> bool:
        return self.strike or self.intercept or self.ground or bool(self.weapons) or self.killed is not None or self.injured is not None

    @property
    def has_counts(self) -> bool:
        return any(v is not None for v in self.weapons.values())


# --- reading one clause -------------------------------------------------------

def clause_spans(sentence: Sentence) -> list[tuple[int, int]]:
    """Clause spans (document offsets) of a sentence: split at ';', ', while', dashes before a capital."""
    spans, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(sentence.text):
        if m.start() - start > 3:
            spans.append((sentence.start + start, sentence.start + m.start()))
        start = m.end()
    if len(sentence.text) - start > 3 or not spans:
        spans.append((sentence.start + start, sentence.end))
    return spans


def _hypothetical(text: str, pos: int) -> bool:
    """A cue at ``pos`` sits in a hypothetical or negated stretch ("halt energy strikes")."""
    window = text[max(0, pos - 30):pos]
    return bool(_HYPO_RE.search(window))


def read_weapons(text: str, offset: int = 0) -> tuple[dict, dict, dict, dict, list[int]]:
    """Weapons launched and intercepted in ``text``: (launched, intercepted, qualifiers, by_position, counted).

    A count binds to a weapon noun that follows within four words ("120 drones",
    "four kamikaze drones"), and to one noun only ("five Iskander-K cruise
    missiles" are five). A count followed or preceded by an interception
    verb is an interception ("60 drones were shot down", "downed nine
    drones"), unless only part of it was ("most of the 40 drones were
    downed"). A breakdown after "including" does not add to its head
    ("50 drones, including 30 Shaheds"). ``by_position`` maps the document
    offset of an interception count that is part of a larger one ("20 of
    those ... over X") to its value.
    """
    launched: dict[str, int | None] = {}
    intercepted: dict[str, int | None] = {}
    quals: dict[str, str] = {}
    partial: dict[int, int] = {}
    quantities = find_quantities(text)
    taken: list[tuple[int, int]] = []
    counted: list[int] = []
    for kind, n, total, span in _part_of_total(text, quantities):
        launched[kind] = total
        intercepted[kind] = n
        taken.append(span)
        counted += [q.start for q in quantities if span[0] <= q.start < span[1]]
    found: list[tuple[str, re.Match]] = []
    for kind, rx in _WEAPON_RES:
        for m in rx.finditer(text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((kind, m))
    found.sort(key=lambda km: km[1].start())
    breakdowns = [m.span() for m in _INCLUDING.finditer(text)] if "includ" in text or "among" in text or " of th" in text else []
    heads: list[tuple[int, str, bool, int]] = []  # (start, kind, intercepted, end) of counted mentions, in order
    prev_end, prev_kind = None, None
    for kind, m in found:
        contiguous = prev_end is not None and re.fullmatch(r"[\s-]*", text[prev_end:m.start()])
        prev_end, prev_kind, was = m.end(), kind, prev_kind
        if contiguous and was == kind:
            continue  # "Kalibr cruise missiles": one weapon named twice
        if kind == "artillery" and re.fullmatch(r"shells?", m.group(0), re.I) and not re.search(
            r"\b(?:artillery|mortar|tank)\s+$", text[:m.start()], re.I
        ):
            continue  # "shells" alone are too often figurative
        q = _count_before(text, m.start(), quantities)
        if q is not None and q.start in counted:
            continue  # "five Iskander-K ground-launched cruise missiles": the count is taken
        inside = next((b for b in breakdowns if b[0] <= m.start() < b[1]), None)
        head = next((h for h in reversed(heads) if inside and h[0] < inside[0]), None)
        if head is not None and (head[2] or head[1] == kind):
            continue  # a breakdown of the figure before it, not more weapons
        count = None
        if q is not None and q.value is not None:
            count = int(q.value)
            counted.append(q.start)
        elif q is None and re.search(r"\b(?:a|an|one|single)\s+(?:[A-Za-z’'-]+\s+){0,2}$", text[max(0, m.start() - 40):m.start()], re.I) \
                and not re.search(r"s$", m.group(0)) and not _ATTACK_NOUN_AFTER.match(text[m.end():]):
            count = 1
            quals.setdefault(f"weapons.{kind}", "singular")  # "a drone": one, but weaker than a stated count
        qs = q.start if q else m.start()
        after, before = text[m.end():m.end() + 60], text[max(0, qs - 40):qs]
        is_intercept = bool(_INTERCEPT_AFTER.match(after)) or bool(_INTERCEPT_BEFORE.search(before))
        if is_intercept and _MOST_OF_BEFORE.search(before):
            is_intercept = False  # "most of the 40 drones were downed": 40 launched
            quals["intercepted.partial"] = _MOST_OF_BEFORE.search(before).group(0).split()[0].lower()
        last = heads[-1] if heads else None
        if last is not None and last[3] is not None and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+)", text[last[3]:qs], re.I):
            is_intercept = last[2]  # "downed 20 drones and 3 missiles": one verb for the whole list
        if count is not None or q is not None:
            heads.append((m.start(), kind, is_intercept, m.end()))
        bucket = intercepted if is_intercept else launched
        if count is not None or kind not in bucket:
            bucket[kind] = (bucket.get(kind) or 0) + count if count is not None else bucket.get(kind)
        if q is not None and q.qualifier and q.qualifier != "range":
            quals[f"{'intercepted' if is_intercept else 'weapons'}.{kind}"] = q.qualifier
        if count is not None and count > PLAUSIBLE_MAX:
            quals[f"weapons.{kind}"] = "implausible"
    # Bare counts with an interception verb: "60 were shot down", "20 of those intercepted", "downed 40 of them".
    for q in quantities:
        if q.value is None or q.start in counted:
            continue
        rest = text[q.end:q.end + 80]
        part = _PART_OF.match(rest)
        if part and _INTERCEPT_AFTER.match(rest[part.end():]):
            partial[offset + q.start] = int(q.value)
        elif _INTERCEPT_AFTER.match(rest) and re.match(r"^\s+(?:were|was|have|had)\b", rest):
            intercepted.setdefault("unspecified", int(q.value))
        elif part and _INTERCEPT_BEFORE.search(text[max(0, q.start - 40):q.start]):
            intercepted.setdefault("unspecified", int(q.value))
    return launched, intercepted, quals, partial, counted


_OF_BETWEEN = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:out\s+)?of\s+(?:the\s+)?$", re.I)
_OF_THE_BEFORE = re.compile(r"\b(?:out\s+)?of\s+(?:the\s+)?$", re.I)


# The next item of a list under one verb: "shot down 58 of 74 drones ..., as well as 2 of 4 missiles".
_LIST_LINK = re.compile(r"^[^.;]{0,40}?(?:,\s*|\s)(?:as\s+well\s+as|and|along\s+with|plus)\s+$", re.I)


def _part_of_total(text: str, quantities: list[Quantity]) -> list[tuple[str, int, int, tuple[int, int]]]:
    """"25 missiles of 38 fired were shot down", "Of the 40 drones launched, 31 were downed".

    Returns (kind, intercepted, launched, span) for each such phrase.
    """
    out = []
    nums = [q for q in quantities if q.value is not None]
    for a, b in zip(nums, nums[1:]):
        if _OF_BETWEEN.match(text[a.end:b.start]):
            part, total, tail_from = a, b, b.end
        elif _OF_THE_BEFORE.search(text[max(0, a.start - 12):a.start]) and re.fullmatch(r"\s+[\w\s-]{0,40}?,\s*", text[a.end:b.start]):
            part, total, tail_from = b, a, b.end
        else:
            continue
        tail = text[tail_from:tail_from + 60]
        listed = bool(out) and part is a and _LIST_LINK.search(text[out[-1][3][1]:a.start])
        if not _INTERCEPT_AFTER.match(re.sub(r"^\s*(?:[\w-]+\s+){0,3}?(?=(?:were|was|have|had)\b)", " ", tail)) \
                and not (part is a and _INTERCEPT_BEFORE.search(text[max(0, a.start - 40):a.start])) and not listed:
            continue  # "25 of 38 missiles were shot down", "shot down 31 of 40 drones" (", as well as 2 of 4 missiles")
        if part.value > total.value:
            continue
        span_text = text[min(a.start, b.start):tail_from + 60]
        hits = [(m.start(), k) for k, rx in _WEAPON_RES for m in [rx.search(span_text)] if m]
        kind = min(hits)[1] if hits else "unspecified"  # the weapon named nearest the figures
        out.append((kind, int(part.value), int(total.value), (min(a.start, b.start), tail_from)))
    return out


# "destroyed 41 drones": the weapons were downed, nothing on the ground was struck.
_WEAPON_OBJECT = re.compile(r"\s+(?:a\s+total\s+of\s+|all\s+|another\s+)?(?:[\w-]+\s+){0,3}?"
                            r"(?:drones?|missiles?|UAVs?|aircraft|aerial\s+(?:targets?|vehicles?)|rockets?)\b", re.I)
# A verb or conjunction between a number and a weapon noun: "11 were injured when a missile ...".
_CLAUSE_WORD = re.compile(r"\b(?:were|was|is|are|been|has|have|had|when|after|as|while|by|killed|died|injured|wounded|hurt)\b", re.I)


def _count_before(text: str, pos: int, quantities: list[Quantity]) -> Quantity | None:
    """The quantity right before a weapon noun, at most four modifier words away."""
    for q in reversed(quantities):
        if q.end > pos:
            continue
        gap = text[q.end:pos]
        if len(gap.split()) <= 4 and not re.search(r"[,;:.()]|\band\b|\bor\b|\bof\b(?!\s+(?:the\s+)?(?:\w+\s+)?(?:drones|missiles))", gap) \
                and not _CLAUSE_WORD.search(gap):
            return q
        return None
    return None


_PERSON = (r"(?:man|woman|person|civilian|child|boy|girl|resident|teenager|pensioner|driver|worker|employee|"
           r"soldier|serviceman|servicewoman|volunteer|firefighter|rescuer|medic|journalist|police\s+officer|mother|father|baby|infant)")
# "a man", "an elderly woman", "a 12-year-old boy", "one civilian", "a 46-year-old": one person.
_ONE_PERSON = re.compile(
    r"\b(?:a|an|one)\s+(?:(?:\d{1,3}-year-old|elderly|young|local|teenage|pregnant|older|other)\s+)*(?:" + _PERSON + r"\b|(?<=old\s))"
    r"|\b(?:a|an)\s+\d{1,3}-year-old\b",
    re.I,
)
# "among the dead", "among those injured": a part of the toll, not the toll.
_AMONG_BEFORE = re.compile(r"\bamong\s+(?:the\s+|those\s+|them\s+)?(?:people\s+)?$", re.I)
# ", including seven children," / "(including ...)": a breakdown inside a toll, masked before reading it.
_INCLUDING_ASIDE = re.compile(r",\s*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\b[^,;.()]{0,80}?(?:,|(?=\s+(?:were|was|have|had|are)\b))"
                              r"|\((?:including|among\s+them)\b[^()]{0,80}\)", re.I)
# "the death toll rose to 7", "the number of fatalities ... increased to 21", "the toll has risen to 16".
_TOLL_RE = re.compile(
    r"\b(?P<what>(?:death\s+)?toll|number\s+of\s+(?:(?:the\s+)?dead|deaths|fatalities|people\s+killed|those\s+killed|victims"
    r"|(?:the\s+)?(?:injured|wounded)|injuries|people\s+(?:injured|wounded)|those\s+(?:injured|wounded)))\b"
    r"[^.;]{0,160}?\b(?:rose|risen|rises|climbed|climbs|increased|increases|jumped|reached|reaches|grew|grown|went\s+up|"
    r"stands?\s+at|stood\s+at|is\s+now|now\s+stands\s+at|hit)\s+(?:to\s+)?(?=\S)",
    re.I,
)


def read_casualties(text: str) -> tuple[int | None, int | None, dict[str, str]]:
    """(killed, injured, qualifiers) as stated; "no casualties" gives zeros.

    A toll update ("the death toll rose to 7") wins and is flagged
    ``killed.update`` / ``injured.update``; parts of a toll ("three children
    were among the dead", "53 people, including seven children, were
    injured") are not the toll.
    """
    killed = injured = None
    quals: dict[str, str] = {}
    for pat, fields_ in lx.NO_CASUALTIES:
        if re.search(pat, text, re.I):
            if "killed" in fields_:
                killed = 0
            if "injured" in fields_:
                injured = 0
    text = _INCLUDING_ASIDE.sub(lambda m: " " * len(m.group(0)), text)
    quantities = [q for q in find_quantities(text) if (q.value is not None or q.qualifier in ("dozens", "several", "hundreds"))
                  and not re.search(r"\bno\s+$", text[:q.start], re.I)]
    if re.search(r"\b(?:a|an|one)\s", text, re.I):
        ones = [Quantity(m.start(), m.end(), 1, None, text=m.group(0)) for m in _ONE_PERSON.finditer(text)]
        ones = [o for o in ones if all(o.end <= q.start or o.start >= q.end for q in quantities)]
        quantities = sorted(quantities + ones, key=lambda q: q.start)
    for m in _TOLL_RE.finditer(text):
        q = next((q for q in quantities if q.start == m.end() or (q.start >= m.end() and not text[m.end():q.start].strip())), None)
        if q is None or q.value is None:
            continue
        name = "injured" if re.search(r"injur|wound", m.group("what"), re.I) else "killed"
        if name == "killed":
            killed = int(q.value)
        else:
            injured = int(q.value)
        quals[f"{name}.update"] = "toll"
        if q.qualifier and q.qualifier != "range":
            quals[name] = q.qualifier
    for word_re, name in ((lx.KILLED_WORDS, "killed"), (lx.INJURED_WORDS, "injured")):
        for m in re.finditer(r"\b" + word_re + r"\b", text, re.I):
            if _AMONG_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
                continue
            q = _casualty_count(text, m, quantities)
            if q is None:
                continue
            if name == "killed" and killed is None and q.value is not None:
                killed = int(q.value)
            elif name == "injured" and injured is None and q.value is not None:
                injured = int(q.value)
            else:
                continue
            if q.qualifier and q.qualifier != "range":
                quals[name] = q.qualifier
    return killed, injured, quals


def _casualty_count(text: str, m: re.Match, quantities: list[Quantity]) -> Quantity | None:
    """The number a casualty word governs: after an active verb ("killed one person"), else before ("14 injured")."""
    passive = re.search(r"\b(?:were|was|been|are|is|be)\s+$", text[:m.start()], re.I)
    word = m.group(0).lower()
    if (word.startswith(("kill", "injur", "wound")) and word.endswith(("ed", "ing")) and not passive) or word == "lives":
        for q in quantities:
            if m.end() <= q.start <= m.end() + 12 and re.fullmatch(r"[\s\w]*", text[m.end():q.start]) \
                    and not re.search(r"\b(?:and|or|but|while)\b", text[m.end():q.start], re.I):
                after = text[q.end:q.end + 30]
                if not re.match(r"\s*(?:drones?|missiles?|km|kilomet|miles?|hours?|days?|times|of\s+(?:them|whom|those))\b", after, re.I):
                    return q
    for q in reversed(quantities):
        if q.end <= m.start() and m.start() - q.end <= 40:
            gap = text[q.end:m.start()]
            if re.search(r"[.;]|\b(?:drones?|missiles?|and)\b", gap, re.I) or len(gap.split()) > 5:
                return None
            if _AMONG_BEFORE.search(gap) or re.match(r"\s+of\s+(?:them|whom|those)\b", gap, re.I):
                return None
            return q
    return None


def read_targets(text: str, offset: int) -> list[tuple[str, int]]:
    """Target kinds with their document offsets, first match per span."""
    out, taken = [], []
    for kind, rx in _TARGET_RES:
        for m in rx.finditer(text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append((kind, offset + m.start()))
    return sorted(out, key=lambda t: t[1])


def read_attackers(text: str) -> list[tuple[str, str]]:
    """Attacker sides the grammar states ("grammar"), then defenders inverted ("defender")."""
    out: list[tuple[str, str]] = []
    for rx in _GRAMMAR:
        for m in rx.finditer(text):
            side = _side_of(m.group("side"))
            if side and not _hypothetical(text, m.start()) and not re.search(
                r"^\s*(?:air[-\s]defen|defen[cs]e\s+ministry|ministry|officials|authorities|president|governor|military\s+said)",
                text[m.end("side"):], re.I
            ):
                out.append((side, "grammar"))
    for rx in (_DEFENDER, _AIR_DEFENCE_OF):
        for m in rx.finditer(text):
            side = _side_of(m.group("side"))
            if side:
                out.append((RU if side == UA else UA, "defender"))
    return out


def _side_of(word: str) -> str | None:
    for pat, side in lx.SIDE_WORDS.items():
        if re.fullmatch(pat, word.strip(), re.I):
            return side
    return None


def read_claimant(sentence: str) -> str | None:
    """Who makes the claim: "X said", "according to X", "said X"; "(via Reuters)" when an outlet relays it."""
    text = _ASIDES.sub("", sentence)
    claimant = None
    for m in _CLAIMANT_BEFORE.finditer(text):
        np = _clean_np(m.group("np"))
        if np and np.lower() not in _PRONOUNS and not _is_outlet(np):
            claimant = np
            break
    if claimant is None:
        m = _ACCORDING.search(text) or _CLAIMANT_AFTER.search(text)
        if m:
            claimant = _clean_np(m.group("np"))
    outlet = _OUTLET_RE.search(text)
    if outlet and (claimant is None or outlet.group("outlet") not in claimant):
        claimant = f"{claimant} (via {outlet.group('outlet')})" if claimant else outlet.group("outlet")
    return claimant


def _is_outlet(np: str) -> bool:
    return any(np == o or np == f"the {o}" for o in lx.OUTLETS)


def _clean_np(np: str) -> str | None:
    np = re.sub(r"\s+(?:on|late|early)?\s*(?:" + "|".join(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"]
    ) + r")(?:\s+(?:morning|night|evening))?$", "", np.strip(), flags=re.I)
    np = re.sub(r"\s+(?:also|later|previously|earlier|then|had|has|have|already)$", "", np, flags=re.I).strip(" “”\"'")
    words = np.split()
    if not words or len(words) > 14 or (len(words) == 1 and words[0].islower()):
        return None
    if re.search(r"\b(?:were|was|is|are|be|been|being)$", np, re.I) or words[0].lower() in ("no", "there"):
        return None  # "No casualties were reported": a passive, nobody speaking
    return np


def read_frame(doc: Document, sentence: Sentence, start: int, end: int, mentions: list[ResolvedMention]) -> Frame:
    """Everything one clause says about an attack."""
    text = doc.text[start:end]
    f = Frame(sentence.index, start, end, text)
    strike_cues = [m for m in _STRIKE_RE.finditer(text) if not _hypothetical(text, m.start())
                   and not (m.group(0).lower().startswith("destroy") and _WEAPON_OBJECT.match(text, m.end()))]
    f.strike = bool(strike_cues)
    f.ground = any(not _hypothetical(text, m.start()) for m in _GROUND_RE.finditer(text))
    f.anaphoric = bool(_ANAPHORA_RE.search(text.lstrip()))
    f.attackers = read_attackers(text)
    launched, intercepted, wq, partial, _ = read_weapons(text, start)
    f.weapons, f.intercepted, f.qualifiers = launched, intercepted, dict(wq)
    f.intercept = bool(intercepted) or bool(partial) or bool(_INTERCEPT_RE.search(text) and (launched or intercepted))
    if not f.intercept and _PER_PLACE_DOWNED.search(text):
        f.intercept = True  # "15 aircraft were destroyed over the X region, seven over the Y region"
    if f.intercept and not intercepted and launched and _INTERCEPT_RE.search(text) and "intercepted.partial" not in wq:
        f.intercepted, f.weapons = dict(launched), {}
    if re.search(r"\bshell(?:ed|ing|s)\b|artillery|mortar", text, re.I):
        f.subtype_cue = "shelling_artillery"
    elif re.search(r"\bmissiles?\b|\brockets?\b", text, re.I):
        f.subtype_cue = "missile_attack"
    f.targets = read_targets(text, start)
    f.killed, f.injured, cq = read_casualties(text)
    f.qualifiers.update(cq)
    f.claimant = read_claimant(sentence.text)
    dates = [d for d in find_dates(text, doc.published) if d.date is not None]
    if not dates:
        dates = [d for d in find_dates(sentence.text, doc.published) if d.date is not None and not d.speech]
    if dates:
        pick = min(dates, key=lambda d: (d.rank, d.start))
        f.date, f.date_precision, f.date_rank = pick.date, pick.precision, pick.rank
    f.locations = _event_locations(doc.text, start, end, mentions, f.intercept)
    f.elsewhere = {m.place.country_code for m in mentions if m.place is not None and start <= m.start < end
                   and m.role != OTHER and m.place.country_code and _IN_BEFORE.search(doc.text[max(start, m.start - 12):m.start])}
    # Per-place interception counts: "35 of those ... over the X region".
    for pos, value in partial.items():
        after = [m for m in f.locations if m.start > pos]
        if after:
            f.intercepted_by_mention[after[0].start] = value
    if not partial and f.intercept:
        for m in f.locations:
            before = doc.text[max(start, m.start - 60):m.start]
            qs = find_quantities(before)
            if qs and qs[-1].value is not None and _OVER_BEFORE.search(before[qs[-1].end:]) and len(f.locations) > 1:
                f.intercepted_by_mention[m.start] = int(qs[-1].value)
    return f


_SPEAKER_AFTER = re.compile(
    r"^\s+(?:also\s+|has\s+|had\s+|have\s+|then\s+)?(?:said|says|condemned|accused|claimed|stated|announced|denied|"
    r"warned|reported|insisted|responded|called)\b", re.I
)
# Places named as a launch origin, a distance reference or a route's end, not as a place hit.
_NOT_HIT_BEFORE = re.compile(
    r"\b(?:launched|fired|took\s+off|flew\s+in|sent)\s+from\b[^.;]{0,60}$"
    r"|\b\d[\d,.]*\s*(?:km|kilomet(?:re|er)s?|miles?)\b[^.;,]{0,60}\b(?:from|of)\b[^.;,]{0,50}$"
    r"|\b(?:linking|connecting|connects|links)\b[^.;]{0,40}$",
    re.I,
)
_IN_BEFORE = re.compile(r"\b(?:in|near|at|over|on)\s+(?:the\s+)?$", re.I)
_OVER_MENTION = re.compile(r"\b(?:over|above)\s+(?:the\s+)?$", re.I)


def _event_locations(text: str, start: int, end: int, mentions: list[ResolvedMention], intercept: bool = False) -> list[ResolvedMention]:
    """Event-location mentions inside the clause.

    Left out: reference points (", near X" right after a place) and speakers
    ("X said", "X condemned": a metonym whatever the resolver's role). In an
    interception clause a place written "over X" is where the weapons came
    down, so it counts even when the resolver's role is ``other``.
    """
    inside = []
    for m in mentions:
        if not start <= m.start < end:
            continue
        if m.place is None:
            if m.container is None or m.role != EVENT_LOCATION:
                continue
            # A place the gazetteer lacks stands in at the region or town the report puts it in.
            m = replace(m, place=m.container, cues=(*m.cues, UNLISTED))
        if m.role == EVENT_LOCATION or (intercept and m.role == OTHER and _OVER_MENTION.search(text[max(start, m.start - 12):m.start])):
            inside.append(m)
    out: list[ResolvedMention] = []
    for i, m in enumerate(inside):
        since = max(start, inside[i - 1].end if i else start, m.start - 120)  # the text since the previous place
        if _SPEAKER_AFTER.match(text[m.end:m.end + 40]) or _NOT_HIT_BEFORE.search(text[since:m.start]):
            continue
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(r"(?:\s+(?:region|oblast|krai|province|republic))?,\s*(?:near|not\s+far\s+from|close\s+to)\s+(?:the\s+)?",
                                          text[prev.end:m.start], re.I) \
                and not _inside(m.place, prev.place):
            continue  # "in X region, near Crimea": a reference point, not a second place hit
        out.append(m)
    return out


def _inside(inner, outer) -> bool:
    """True when place ``inner`` lies within ``outer`` (a country or an ADM1 region)."""
    if inner.geonameid == outer.geonameid:
        return False
    if outer.kind == "country":
        return inner.country_code == outer.country_code and inner.kind != "country"
    if outer.kind == "adm1":
        return inner.kind in ("place", "feature") and inner.admin1_code is not None and inner.admin1_code == outer.admin1_code
    return False


def precision_of(text: str, m: ResolvedMention) -> int:
    """Geo-precision: 4 country, 3 region, 2 near a place, else the resolver's (1 at best)."""
    if UNLISTED in m.cues:
        return min(max(int(m.precision or 3), 2), 4)  # the resolver's: 3 in a region, 2 near a town
    if m.place.kind == "country":
        return 4
    if m.place.kind == "adm1":
        return 3
    if _NEAR_RE.search(text[max(0, m.start - 60):m.start]):
        return 2
    return min(max(int(m.precision or 1), 1), 3)


# --- grouping -------------------------------------------------------------------

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


def _continues(g: Group, f: Frame, window: int) -> bool:
    if f.sentence - g.last_sentence > window:
        return False
    if f.sentence == g.last_sentence and not f.anaphoric and f.locations:
        return False
    mine = {s for s, b in f.attackers if b == "grammar"}
    theirs = {s for fr in g.frames for s, b in fr.attackers if b == "grammar"}
    if mine and theirs and mine != theirs:
        return False
    if mine and not theirs and _by_target(g.places) not in (None, *mine):
        return False
    counted = {k: v for fr in g.frames for k, v in fr.weapons.items() if v is not None and fr.qualifiers.get(f"weapons.{k}") != "singular"}
    if any(v is not None and k in counted and counted[k] != v and f.qualifiers.get(f"weapons.{k}") != "singular"
           for k, v in f.weapons.items()):
        return False  # a second, different tally: another attack (the same figure again is a restatement)
    if not f.anaphoric and (_is_ground(g.frames) != _is_ground([f])) and (f.weapons or _is_ground([f])):
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
    return bool(gp) and all(any(m.place.geonameid == p.geonameid or _inside(m.place, p) for p in gp) for m in f.locations) \
        and not f.has_counts


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
    return [(m, p) for m, p in seen.values() if not any(_inside(other, m.place) for other in places)]


def _attacker(group: Group, places: list) -> tuple[str, str]:
    """Side and basis: stated grammar first, then where the target lies, then the defender inverted."""
    strong = [s for f in group.frames for s, b in f.attackers if b == "grammar"]
    if strong:
        if len(set(strong)) > 1:
            return UNKNOWN, "conflicting"
        return strong[0], "grammar"
    by_target = _by_target(places)
    weak = [s for f in group.frames for s, b in f.attackers if b == "defender"]
    if by_target:
        return by_target, "target_country"
    if weak and len(set(weak)) == 1:
        return weak[0], "defender"
    return UNKNOWN, "none"


# Crimea and Sevastopol (GeoNames: Ukraine) have been held by Russia since 2014: where a
# target lies there says nothing about who struck it.
_HELD_BY_THE_OTHER_SIDE = frozenset({"UA.11", "UA.20"})


def _by_target(places: list) -> str | None:
    """The side that would strike these places: RU for places in Ukraine, UA for places in Russia."""
    if any(p is not None and p.admin1_code in _HELD_BY_THE_OTHER_SIDE for p in places):
        return None
    countries = {p.country_code for p in places if p is not None}
    if countries == {UA}:
        return RU
    if countries == {RU}:
        return UA
    return None


def _is_ground(frames) -> bool:
    """Fighting on the ground: a ground cue and no weapon of the air or artillery named."""
    return any(f.ground for f in frames) and not any(f.weapons or f.intercept for f in frames)


def _event_type(group: Group) -> str:
    if _is_ground(group.frames):
        return GROUND_ASSAULT  # "took control of the village", "repelled 47 attacks"
    if any(f.strike or f.has_counts for f in group.frames):
        if not any(f.has_counts for f in group.frames) and any(f.intercept for f in group.frames) \
                and not any(f.strike and not f.intercept for f in group.frames):
            return INTERCEPTION
        return STRIKE
    if any(f.intercept for f in group.frames):
        return INTERCEPTION
    if any(f.ground for f in group.frames):
        return GROUND_ASSAULT
    return STRIKE


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
    return Source(doc.id, doc.outlet, frame.text.strip(), frame.start, frame.end, doc.published, doc.url)


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
    etype = _event_type(group)
    tally_frames = [f for f in group.frames if f.has_counts or f.intercepted or f.killed is not None or f.injured is not None]
    group_weapons = _merge_counts([f.weapons for f in group.frames], group.frames)
    group_intercepted = _merge_counts(f.intercepted for f in group.frames)
    shared_many = len(kept) > 1
    dated = [f for f in group.frames if f.date is not None]
    best = min(dated, key=lambda f: (f.date_rank, f.start)) if dated else None
    date, date_prec = (best.date, best.date_precision) if best else (None, None)
    if date is None and doc.published is not None:
        date, date_prec = doc.published, "week"  # reported, so on or before publication
    claimant = next((f.claimant for f in tally_frames + group.frames if f.claimant), None)
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
        if any(v is not None and v < 0 for v in [killed, injured, intercepted, *weapons.values()]):
            quals["counts"] = "invalid"
        frames_for_sources = own + [f for f in tally_frames if f not in own]
        sources = tuple(dict.fromkeys(_source(doc, f) for f in sorted(frames_for_sources, key=lambda f: f.start)))
        loc = Location(mention.place, prec, mention.surface, unlisted=UNLISTED in mention.cues)
        ev_attacker, ev_basis = attacker, basis
        if basis in ("none", "defender") and _by_target([mention.place]):
            ev_attacker, ev_basis = _by_target([mention.place]), "target_country"  # each place by its own country
        events.append(Event(
            id="", type=etype, sub_type=_sub_type(etype, weapons, group), attacker=ev_attacker,
            date=date, date_precision=date_prec, weapons=weapons, intercepted=intercepted,
            intercepted_over=(mention.place.name,) if intercepted is not None and etype == INTERCEPTION else (),
            targets=targets, killed=killed, injured=injured, location=loc,
            claimant=next((f.claimant for f in own_single if f.claimant), None) or claimant,
            sources=sources, qualifiers=quals, attacker_basis=ev_basis,
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


def _imply_country(group: Group, gazetteer) -> None:
    """An air-defence tally that names no place ("Ukraine's air force said it shot down 58 of 74
    drones launched overnight") is reported at country level, in the defender's country."""
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


# Every word that can make a clause eventful (a superset of what read_frame looks for), so
# the full reading runs only where it can find something: most news sentences have none.
_EVENT_HINT = re.compile("|".join(
    [_STRIKE_RE.pattern, _GROUND_RE.pattern, _INTERCEPT_RE.pattern, _PART_OF.pattern.lstrip("^"),
     r"\b" + lx.KILLED_WORDS + r"\b", r"\b" + lx.INJURED_WORDS + r"\b"]
    + [r.pattern for _, r in _WEAPON_RES] + [pat for pat, _ in lx.NO_CASUALTIES]), re.I)


def might_report_attack(text: str) -> bool:
    """Cheap test: does the clause hold any attack, weapon, interception or casualty word?"""
    return _EVENT_HINT.search(text) is not None


def read_frames(doc: Document, sentences: list[Sentence], mentions: list[ResolvedMention]) -> list[Frame]:
    """The attack-reporting clauses of a document, in order."""
    frames = []
    for s in sentences:
        if not might_report_attack(s.text):
            continue
        for start, end in clause_spans(s):
            f = read_frame(doc, s, start, end, mentions)
            if f.eventful and not find_areas(f.text):  # an area figure makes it a claim, not an event
                frames.append(f)
    return frames


def extract_events(doc: Document, sentences: list[Sentence], mentions: list[ResolvedMention], gazetteer) -> list[Event]:
    """Strike, interception and ground-assault events of one document, ids ``{doc.id}:e{n}``."""
    frames = read_frames(doc, list(sentences), list(mentions))
    events: list[Event] = []
    for k, group in enumerate(group_frames(frames)):
        _imply_country(group, gazetteer)
        events += build_events(doc, group, k)
    events = _fold_vague_repeats(_fold_country_events(events))
    return [replace(e, id=f"{doc.id}:e{n}") for n, e in enumerate(events, 1)]
