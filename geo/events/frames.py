"""Step 1 of reading events: every clause that reports an attack becomes a ``Frame``.

A frame holds what one clause says: cues (strike, interception, ground
fighting), the attacker from grammar, weapons and counts, interceptions,
targets, casualties, the claimant, the date and the event-location mentions
inside it. ``read_frames`` is the step; ``might_report_attack`` is a cheap
prefilter so that the full reading runs only where it can find something.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from geo.lang.en import events as lx
from geo.lang.en.lex_attrs import NUMBER_WORD
from geo.events.dates import find_dates
from geo.events.figures import (
    PART_OF,
    WEAPON_OBJECT,
    WEAPON_PATTERNS,
    is_hypothetical,
    read_casualties,
    read_targets,
    read_weapons,
)
from geo.events.numbers import find_areas, find_quantities
from geo.model import EVENT_LOCATION, OTHER, RU, UA, Document, ResolvedMention, Sentence
from geo.places.roles import OFFICIALS_REGION

_STRIKE_RE = lx.compile_alternatives(lx.STRIKE_CUES)
_GROUND_RE = lx.compile_alternatives(lx.GROUND_CUES)
_INTERCEPT_RE = lx.compile_alternatives(lx.INTERCEPT_VERBS)
_ANAPHORA_RE = re.compile("|".join(lx.ANAPHORA), re.I)
_SIDE = lx.SIDE_RE
_ATTACK_VERB = r"(?:" + "|".join(lx.ATTACK_VERBS) + r")"
_WEAPON_NOUN = r"(?:drones?|UAVs?|missiles?|rockets?|strikes?|attacks?|shelling|bombs?|air\s*strikes?|artillery|shells?|bombardments?|offensive|assaults?)"
_GRAMMAR = (
    # "drones launched by Ukraine", "missiles fired from Russia"
    re.compile(r"\b(?:launched|fired|sent|carried\s+out|conducted)\s+by\s+(?:the\s+)?(?P<side>" + _SIDE + r")", re.I),
    # "shelling by the Armed Forces of Ukraine", "came under fire by Ukrainian troops", "struck by Russian drones"
    re.compile(r"\b(?:shell(?:ing|ed)|fire|attacks?|attacked|strikes?|struck|hit|targeted|bombard(?:ment|ed)|raids?)\s+"
               r"(?:[\w-]+\s+){0,3}?by\s+(?:the\s+)?(?:armed\s+forces\s+of\s+|army\s+of\s+|forces\s+of\s+)?"
               r"(?P<side>" + _SIDE + r")(?!\s+(?:said|says|reported|claimed))", re.I),
    # "accused Ukraine of attacking"
    re.compile(r"\baccus\w+\s+(?P<side>" + _SIDE + r")\s+of\s+(?:an?\s+)?(?:attack|strik|launch|shell|target|bomb)", re.I),
    # "Russia attacked Ukraine with", "Russian forces shelled"
    re.compile(r"(?<![\w’'])(?P<side>" + _SIDE + r")\s+(?:(?:armed\s+)?(?:forces|units|formations)\s+|troops\s+|military\s+|"
               r"army\s+|fighters\s+|militants\s+|soldiers\s+|gunners\s+|artillery\s+|navy\s+|air\s+force\s+)?"
               r"(?:has\s+|have\s+|had\s+)?(?:again\s+|also\s+|once\s+again\s+|reportedly\s+)?" + _ATTACK_VERB + r"\b", re.I),
    # "a Ukrainian drone", "Russian strikes", "Russian missile attack"
    re.compile(r"\b(?P<side>Russian|Ukrainian)\s+(?:[a-z-]+\s+)?" + _WEAPON_NOUN + r"\b(?!\s+(?:said|says|reported|claimed))", re.I),
)
# "Russian air defences shot down", "Russia's defence ministry said it had downed": the defender.
_DEFENDER = re.compile(
    r"(?P<side>" + _SIDE + r")\s+(?:[\w-]+\s+){0,6}?(?:" + "|".join(lx.INTERCEPT_VERBS) + r")\b", re.I
)
# "Ukrainian forces retook", "Russian troops withdrew from": the side that gained or gave up ground.
_REGAIN = r"(?i:" + "|".join(lx.REGAIN_CUES) + r")"
_FALL_BACK = r"(?i:" + "|".join(lx.FALL_BACK_CUES) + r")"
_BETWEEN = r"(?:(?!said\b|says\b|claimed\b|reported\b)[a-z’'-]+\s+){0,3}?"  # lower-case words only: no second side
_SIDE_REGAINS = re.compile(r"(?<![\w’'])(?P<side>" + _SIDE + r")\s+" + _BETWEEN + _REGAIN
                           + r"\b(?!\s+(?:[\w-]+\s+){0,2}?(?:assaults?|attacks?|attempts?)\b)")  # not "pushed back an assault"
_SIDE_FALLS_BACK = re.compile(r"(?<![\w’'])(?P<side>" + _SIDE + r")\s+" + _BETWEEN + _FALL_BACK + r"\b")
_REGAIN_RE = re.compile(r"\b" + _REGAIN + r"\b")
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
# A per-place interception list, whatever the weapons are called there ("aircraft", "aerial targets", "UAVs").
_PER_PLACE_DOWNED = re.compile(
    r"(?<![\w.,])(?:\d[\d,]*|" + NUMBER_WORD + r"(?:-\w+)?)\s+"
    r"(?:(?:more|other|enemy|hostile|Ukrainian|Russian)\s+)?(?:aircraft|aerial\s+(?:targets?|vehicles?)|air\s+targets?|targets|objects|UAVs?|drones?)?\s*"
    r"(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?(?:intercepted|destroyed|shot\s+down|downed|neutrali[sz]ed|suppressed)\s+(?:over|above|in)\b",
    re.I,
)
_OVER_BEFORE = re.compile(r"\b(?:over|above|in|across|near)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$", re.I)


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
    regained: bool = False  # ground retaken ("retook", "liberated"), see lx.REGAIN_CUES
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



def read_attackers(text: str) -> list[tuple[str, str]]:
    """Attacker sides the grammar states ("grammar"), then defenders inverted ("defender")."""
    out: list[tuple[str, str]] = []
    for rx in _GRAMMAR:
        for m in rx.finditer(text):
            side = _side_of(m.group("side"))
            if side and not is_hypothetical(text, m.start()) and not re.search(
                r"^\s*(?:air[-\s]defen|defen[cs]e\s+ministry|ministry|officials|authorities|president|governor|military\s+said)",
                text[m.end("side"):], re.I
            ):
                out.append((side, "grammar"))
    for m in _SIDE_REGAINS.finditer(text):
        if _side_of(m.group("side")) and not is_hypothetical(text, m.start()):
            out.append((_side_of(m.group("side")), "grammar"))
    for m in _SIDE_FALLS_BACK.finditer(text):
        side = _side_of(m.group("side"))
        if side and not is_hypothetical(text, m.start()):
            out.append((RU if side == UA else UA, "grammar"))  # the side that fell back did not advance
    for rx in (_DEFENDER, _AIR_DEFENCE_OF):
        for m in rx.finditer(text):
            side = _side_of(m.group("side"))
            if side:
                out.append((RU if side == UA else UA, "defender"))
    return out


def side_named_in(text: str | None) -> str | None:
    """The one side a phrase names ("the Russian Defence Ministry": RU), else None."""
    sides = {_side_of(m.group(0)) for m in re.finditer(r"(?<![\w’'])" + _SIDE + r"(?![\w’'])", text or "")} - {None}
    return sides.pop() if len(sides) == 1 else None


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
    strike_cues = [m for m in _STRIKE_RE.finditer(text) if not is_hypothetical(text, m.start())
                   and not (m.group(0).lower().startswith("destroy") and WEAPON_OBJECT.match(text, m.end()))]
    f.strike = bool(strike_cues)
    f.ground = any(not is_hypothetical(text, m.start()) for m in _GROUND_RE.finditer(text))
    f.anaphoric = bool(_ANAPHORA_RE.search(text.lstrip()))
    f.attackers = read_attackers(text)
    f.regained = any(not is_hypothetical(text, m.start()) for m in _REGAIN_RE.finditer(text))
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
            bracket = _COUNT_IN_BRACKETS.match(doc.text, m.end, end)
            if bracket and len(f.locations) > 1:
                f.intercepted_by_mention[m.start] = int(bracket.group(1))  # "Tula (3), Oryol (2) and Lipetsk (1)"
            elif qs and qs[-1].value is not None and _OVER_BEFORE.search(before[qs[-1].end:]) and len(f.locations) > 1:
                f.intercepted_by_mention[m.start] = int(qs[-1].value)
    return f


# "Tula (3)": a count in brackets right after a place, in a per-place interception list.
_COUNT_IN_BRACKETS = re.compile(r"\s*\((\d{1,4})(?:\s+(?:drones?|UAVs?|missiles?|aircraft|targets))?\)")
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
    if not inside:  # "the governor of the Y region said a drone hit a car": the attack is in Y
        inside = [m for m in mentions if start <= m.start < end and OFFICIALS_REGION in m.cues and m.place is not None][:1]
    out: list[ResolvedMention] = []
    for i, m in enumerate(inside):
        since = max(start, inside[i - 1].end if i else start, m.start - 120)  # the text since the previous place
        speaker = _SPEAKER_AFTER.match(text[m.end:m.end + 40]) and OFFICIALS_REGION not in m.cues
        if speaker or _NOT_HIT_BEFORE.search(text[since:m.start]):
            continue  # ("the governor of the Y region said a drone hit ...": Y is where, not who)
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(r"(?:\s+(?:region|oblast|krai|province|republic))?,\s*(?:near|not\s+far\s+from|close\s+to)\s+(?:the\s+)?",
                                          text[prev.end:m.start], re.I) \
                and not lies_within(m.place, prev.place):
            continue  # "in X region, near Crimea": a reference point, not a second place hit
        out.append(m)
    return out


def lies_within(inner, outer) -> bool:
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



# Every word that can make a clause eventful (a superset of what read_frame looks for), so
# the full reading runs only where it can find something: most news sentences have none.
_EVENT_HINT = re.compile("|".join(
    [_STRIKE_RE.pattern, _GROUND_RE.pattern, _INTERCEPT_RE.pattern, PART_OF.pattern.lstrip("^"),
     r"\b" + lx.KILLED_WORDS + r"\b", r"\b" + lx.INJURED_WORDS + r"\b"]
    + [r.pattern for _, r in WEAPON_PATTERNS] + [pat for pat, _ in lx.NO_CASUALTIES]), re.I)


_BACKGROUND_RE = re.compile("|".join(lx.BACKGROUND), re.I)
_YEAR_RE = re.compile(r"(?:\b(\w+)\s+)?\b(?:in|since|during|of)\s+((?:19|20)\d\d)\b", re.I)


def is_background(text: str, published=None) -> bool:
    """The clause tells the war's history ("since Moscow launched its invasion in 2022", "in 2014,
    Russia annexed Crimea"), or an earlier year than the report's, not an attack being reported.
    A year that dates a person or a building ("a man born in 1960", "a bridge built in 1975") is
    no history of the war."""
    if _BACKGROUND_RE.search(text):
        return True
    return published is not None and any(
        int(y) < published.year for word, y in _YEAR_RE.findall(text) if word.lower() not in lx.LIFE_EVENT_WORDS)


def might_report_attack(text: str) -> bool:
    """Cheap test: does the clause hold any attack, weapon, interception or casualty word?"""
    return _EVENT_HINT.search(text) is not None


_BULLET = re.compile(r"\s*(?:[-•*–—·▪►]|\d{1,2}[.)])\s+")


def read_frames(doc: Document, sentences: list[Sentence], mentions: list[ResolvedMention]) -> list[Frame]:
    """The attack-reporting clauses of a document, in order.

    The items of a bullet list under an attack ("Air defences shot down 60
    drones:" then "- 20 over the Kyiv region") are parts of that attack: each
    becomes a frame that continues it, its count the share of its place.
    """
    frames: list[Frame] = []
    intro: Frame | None = None  # the attack a bullet list under it breaks down
    for s in sentences:
        bullet = _BULLET.match(s.text)
        if not bullet:
            intro = None
        elif intro is not None:
            part = _bullet_part(doc, s, mentions, intro)
            if part is not None:
                frames.append(part)
                continue
        if not might_report_attack(s.text):
            continue
        for start, end in clause_spans(s):
            f = read_frame(doc, s, start, end, mentions)
            if f.eventful and not find_areas(f.text) and not is_background(f.text, doc.published):
                frames.append(f)  # an area figure makes it a claim, history makes it background
                if not bullet and s.text.rstrip().endswith(":"):
                    intro = f
    return frames


def _bullet_part(doc: Document, s: Sentence, mentions: list[ResolvedMention], intro: Frame) -> Frame | None:
    """A bullet item under ``intro`` read as a share of it: its place and its count, nothing new."""
    f = read_frame(doc, s, s.start, s.end, mentions)
    if len(f.locations) != 1 or f.attackers and {a for a, _ in f.attackers} != {a for a, _ in intro.attackers}:
        return None
    counts = [q for q in find_quantities(s.text) if q.value is not None and s.start + q.end <= f.locations[0].start]
    figures = [v for v in (*f.intercepted.values(), *f.weapons.values()) if v is not None]
    share = int(counts[-1].value) if counts else (figures[0] if len(figures) == 1 else None)
    f.strike, f.intercept, f.ground = intro.strike, intro.intercept, intro.ground
    f.regained = f.regained or intro.regained
    f.weapons, f.intercepted, f.anaphoric = {}, {}, True
    if share is not None and intro.intercept:
        f.intercepted_by_mention[f.locations[0].start] = share  # a strike's share stays with the whole
    return f

