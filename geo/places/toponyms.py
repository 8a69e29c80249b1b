"""Candidate toponym spans, found from context rather than from a list of answers.

A candidate is a run of capitalised words (hyphenated names, apostrophes,
"-on-" particles included) that the gazetteer knows as a name, or that a cue
makes a place even if the gazetteer's exact index lacks it ("the X region").
Around it the recogniser reads:

* region phrases: "the Sumy region", "Kursk Oblast", "the Kursk border region",
  "Krasnodar Krai" -> one mention of the whole phrase with ``kind_hint`` adm1;
  "the southern region of X" -> X with ``kind_hint`` adm1; districts likewise;
* coordinated lists before a plural region noun ("the A, B and C regions");
* possessives ("Russia's Kursk region": Russia is its own mention and the
  country hint of the region);
* hyphenated adjectives ("Kharkiv-based": the toponym part);
* ALL-CAPS datelines ("KYIV, March 19 (Reuters) -");
* names the gazetteer lacks, when the text itself calls them places: a
  settlement noun ("the village of X", "X village", "the villages of A, B
  and C") or a preposition and a containing place after ("near X in the Y
  region", "in X (Y Oblast)", "outside X near Z"); up to three words or a
  hyphenated compound ("Novo-X"). Cues ``settlement_noun``,
  ``list:settlements`` and ``container_after`` let the resolver keep them
  unresolved but placed in their container;
* filters: titles and person patterns (President X, spokesman X, given name
  + surname, surnames seen earlier in the document), months and weekdays,
  organisations and media, organisation names that contain a toponym
  ("Armed Forces of Ukraine", "X Oblast Military Administration",
  "The Washington Post"), ship names, demonyms and stop-words.

Evidence that is weak on its own (sentence-initial words, title-case
headlines, "X said") is recorded in ``cues`` and weighed by the resolver,
which knows the candidates' kinds and populations.
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.model import Document, Mention, Sentence
from geo.places.context import (
    MAX_UNLISTED_WORDS, container_after, district_adjective, in_list, list_end_contained,
    possessive_before, prep_before, settlement_after, settlement_before, settlement_noun, unlisted_compound,
    unlisted_cue,
)
from geo.lang.en.dates import CALENDAR
from geo.lang.en.places import (
    DIRECTION_WORDS, DISTRICT_INFIXES, FEATURE_HEADS, HROMADA_ENDINGS, LOCATIVE_PREPS, PLURAL_REGION_NOUNS,
    REGION_INFIXES, REGION_NOUNS,
)
from geo.lang.en.demonyms import DEMONYMS
from geo.lang.en.organisations import ORG_HEADS, ORG_TAIL_NOUNS, ORGANISATIONS, SEATS_OF_POWER
from geo.lang.en.persons import GIVEN_NAMES, LOWER_TITLES, TITLES
from geo.lang.en.stop_words import STOPWORDS
from geo.lang.en.verbs import SPEECH_VERBS
from geo.places.lists import members_after, members_before
from geo.places.tokens import Names, Tok, adjacent, is_noise_word, lookup_text, tokenize
from geo.lang.en.abbreviations import US_STATES

# Vessel nouns: a capitalised name after them is a ship ("the cruiser X").
_SHIP_NOUNS = frozenset("cruiser flagship warship ship vessel frigate submarine destroyer corvette tanker boat carrier".split())
# Hyphen suffixes that make a toponym an adjective ("Kharkiv-based", "Russia-installed").
_ADJ_SUFFIXES = frozenset(
    "based installed backed controlled occupied led held born made annexed allied friendly bound "
    "appointed funded supported linked owned run style type registered flagged aligned leaning "
    "oriented bred trained sponsored imposed".split()
)
# Longest place name looked up, in words ("Bosnia and Herzegovina" style names are short;
# the cap keeps a run of hundreds of capitalised words linear).
_MAX_NAME_WORDS = 6
_UNIT_PREFIXES = frozenset("regional region oblast city state military civil civilian district combat "
                           "operational-strategic operational strategic anti-ship cruise".split())
# Plural settlement nouns that open a list of names: "the villages of A, B and C".
_PLURAL_SETTLEMENTS = frozenset("villages settlements towns hamlets".split())
# Heads of state organs a country name can modify in a capitalised run ("Pakistan Army").
_STATE_ORGAN_HEADS = frozenset("army navy government ministry forces force guard police parliament".split())


def _is_headline(toks: list[Tok]) -> bool:
    """Title Case or ALL CAPS line: capitals there say little.

    A sentence that ends in a full stop is a headline only when nearly every
    word is capitalised (lists of names in running text are not headlines).
    """
    words = [t for t in toks if t.text[:1].isalpha() and len(t.text) > 3]
    if len(words) < 4:
        return False
    caps = sum(1 for t in words if t.cap)
    ends = toks[-1].text in (".", "!", "?", "”", '"')
    if all(t.upper for t in words):
        return True
    return caps >= (0.95 if ends else 0.7) * len(words) and sum(1 for t in toks if t.text == ",") < 3


def _person_words(all_toks: list[list[Tok]]) -> set[str]:
    """Surnames of people named with a title or a given name anywhere in the document."""
    out: set[str] = set()
    for toks in all_toks:
        for i, t in enumerate(toks[:-1]):
            nxt = toks[i + 1]
            if not nxt.cap or t.end + 1 != nxt.start and t.end != nxt.start - 1:
                continue
            if t.text in GIVEN_NAMES or (t.low.rstrip(".") in TITLES and t.cap and t.low not in ("general", "head")) \
                    or t.low in LOWER_TITLES:
                j = i + 1
                while j < len(toks) and j - i <= _MAX_NAME_WORDS and toks[j].cap and not toks[j].upper \
                        and toks[j].start - toks[j - 1].end == 1:
                    j += 1
                    if toks[j - 1].possessive:
                        break
                if j - (i + 1) >= 1 and (t.text in GIVEN_NAMES or j - (i + 1) >= 1):
                    last = toks[j - 1].text
                    if last not in GIVEN_NAMES:
                        out.add(last)
    return out


def _name_pairs(all_toks: list[list[Tok]], text: str, names: Names) -> set[str]:
    """Surnames from two-word runs "A B" where B is a place name but neither A nor "A B" is
    ("Charlie Chen", "Roseanne Barr"): the pattern of a given name and a surname."""
    out: set[str] = set()
    for toks in all_toks:
        for k in range(1, len(toks)):
            a, b = toks[k - 1], toks[k]
            if not (a.cap and b.cap) or a.upper or b.upper or a.possessive or not adjacent(a, b, text):
                continue
            if k >= 2 and toks[k - 2].cap and adjacent(toks[k - 2], a, text):
                continue
            if k + 1 < len(toks) and toks[k + 1].cap and adjacent(b, toks[k + 1], text):
                continue
            if is_noise_word(a) or is_noise_word(b) or a.low in ORG_HEADS or b.low in ORG_HEADS:
                continue
            if b.low in REGION_NOUNS or b.low in FEATURE_HEADS or "-" in a.text:
                continue
            if names.known(b.text) and not names.known(a.text) and not names.known(f"{a.text} {b.text}") \
                    and not names.major(b.text):
                out.add(b.text)
    return out


def find_mentions(doc: Document, sentences: list[Sentence], gazetteer) -> list[Mention]:
    """Candidate place mentions of ``doc``, in text order, without overlaps."""
    names = Names(gazetteer)
    all_toks = [tokenize(s.text, s.start) for s in sentences]
    persons = _person_words(all_toks) | _name_pairs(all_toks, doc.text, names)
    out: list[Mention] = []
    for sent, toks in zip(sentences, all_toks):
        found = sorted(_sentence_mentions(doc.text, sent, toks, names, persons), key=lambda m: m.start)
        out.extend(_mark_groups(doc.text, found))
    out.sort(key=lambda m: m.start)
    return out


def _mark_groups(text: str, found: list[Mention]) -> list[Mention]:
    """Tag members of one coordinated list ("A, B, C and D") with a shared ``group:`` cue.

    A per-place tally ("seven over the Rostov province, five over Kursk, three
    in Oryol") is a list too, joined by its counts; when one member names its
    unit noun, the bare members are that kind of unit as well.
    """
    sep, count_sep = _group_sep(), _count_sep()
    out = list(found)
    i = 0
    while i < len(out):
        j = i
        tally = False
        while j + 1 < len(out):
            gap = text[out[j].end:out[j + 1].start]
            if sep.fullmatch(gap):
                j += 1
            elif count_sep.fullmatch(gap):
                j, tally = j + 1, True
            else:
                break
        if j > i:
            tag = f"group:{out[i].start}"
            head = out[i]
            noun = [c for c in head.cues if c.startswith("noun:")]
            unit = next((m.kind_hint for m in out[i:j + 1] if "region_phrase" in m.cues and m.kind_hint == "adm1"), None)
            for k in range(i, j + 1):
                m = out[k]
                cues = m.cues + (tag,)
                kind = m.kind_hint
                if noun and k > i and kind is None:
                    cues += tuple(noun)  # "the villages of A, B and C"
                    kind = head.kind_hint
                elif tally and unit and kind is None:
                    cues += ("list:regions",)  # "... over the Rostov province, five over Kursk"
                    kind = unit
                out[k] = Mention(m.start, m.end, m.surface, m.sentence, m.lookup, cues, kind, m.country_hint)
        i = j + 1
    return out


@lru_cache(maxsize=1)
def _group_sep() -> re.Pattern:
    return re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|&)\s*")


_COUNT_WORD = (r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
               r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?|several|a\s+few|some|others?|the\s+rest)")


@lru_cache(maxsize=1)
def _count_sep() -> re.Pattern:
    """", five others over ", ", three in ", "; and one above the ": the joints of a per-place tally."""
    return re.compile(r"(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+)(?:another\s+|the\s+other\s+)?" + _COUNT_WORD +
                      r"(?:\s+(?:more|others?|drones?|UAVs?|missiles?|aircraft))?(?:\s+(?:were|was)\s+\w+)?"
                      r"\s+(?:over|in|above|near)\s+(?:the\s+)?", re.I)


def _sentence_mentions(text: str, sent: Sentence, toks: list[Tok], names: Names, persons: set[str]) -> list[Mention]:
    headline = _is_headline(toks)
    out: list[Mention] = []
    taken = [False] * len(toks)
    first_word = next((i for i, t in enumerate(toks) if t.text[:1].isalnum()), None)
    after_colon = {i + 1 for i, t in enumerate(toks[:-1]) if t.text in (":", "|", "•")}

    def emit(i: int, j: int, lookup: str, cues: list[str], kind_hint=None, country_hint=None, end=None):
        start = toks[i].start
        stop = end if end is not None else toks[j - 1].end
        for k in range(i, j):
            taken[k] = True
        if i == first_word or i in after_colon:
            cues.append("initial")
        if headline:
            cues.append("headline")
        prev = _prev_word(toks, i)
        if prev:
            cues.append(f"prev:{prev}")
        out.append(Mention(start, stop, text[start:stop], sent.index, lookup, tuple(cues), kind_hint, country_hint))

    # "Roanoke, Va.": a US state abbreviation after a town and a comma.
    for mm in _state_abbrev_re().finditer(sent.text):
        a = sent.start + mm.start(1)
        b = a + len(mm.group(1))
        idx = [k for k, t in enumerate(toks) if a <= t.start < b]
        if idx and not any(taken[k] for k in idx):
            for k in idx:
                taken[k] = True
            out.append(Mention(a, b, text[a:b], sent.index, US_STATES[mm.group(1)],
                               ("state_abbrev", "region_phrase"), "adm1", "United States"))

    # One plural noun governs its whole list: "the A, B and C regions", "the regions of A and B",
    # "nine regions – A, B, C", "the villages of A, B and C".
    def stop(k: int, e: int) -> bool:
        span = toks[k:e]
        return any(is_noise_word(t) or t.upper or t.text in GIVEN_NAMES or t.low in REGION_NOUNS for t in span) \
            or (len(span) == 1 and span[0].text in persons) or any(taken[k:e])

    for i, t in enumerate(toks):
        if t.low in PLURAL_REGION_NOUNS and not (t.cap and i and names.known(lookup_text(toks[i - 1:i + 1]))):
            kind = PLURAL_REGION_NOUNS[t.low]  # ("United States" is a name, not a list)
            for s, e in members_before(toks, i, text):
                if not any(taken[s:e]):
                    emit(s, e, lookup_text(toks[s:e]), ["list:regions", "region_phrase"], kind_hint=kind)
            for s, e in members_after(toks, i, text, stop):
                emit(s, e, lookup_text(toks[s:e]), ["list:regions", "region_phrase"], kind_hint=kind)
        elif t.low in _PLURAL_SETTLEMENTS and not t.cap and not headline:
            for s, e in members_after(toks, i, text, stop):
                emit(s, e, lookup_text(toks[s:e]), ["list:settlements", "noun:place"], kind_hint="place")

    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if taken[i] or not (t.cap or t.upper):
            i += 1
            continue
        # Run of capitalised words joined by single spaces; a possessive ends it.
        j = i + 1
        while j < n and (not toks[j - 1].possessive or toks[j - 1].low == "people") and (toks[j].cap or toks[j].upper) \
                and (adjacent(toks[j - 1], toks[j], text) or (toks[j - 1].possessive and toks[j].start - toks[j - 1].end == 3)) \
                and not taken[j]:
            j += 1
        # "-on-" style particles are inside tokens already; "Gulf of X", "Republic of X".
        run_end = _extend_of(toks, i, j, text)
        i = _handle_run(text, toks, i, run_end, emit, names, persons, taken, first_word) or run_end
    return out


@lru_cache(maxsize=1)
def _state_abbrev_re() -> re.Pattern:
    alts = "|".join(re.escape(k) for k in sorted(US_STATES, key=len, reverse=True))
    return re.compile(r"(?<=[A-Za-z], )(" + alts + r")(?![A-Za-z])")


# Prepositions that can open a sentence before a name ("In X, ..."); compass words are left out
# ("South Korea", "West Virginia" are names).
_OPENING_PREPS = LOCATIVE_PREPS - DIRECTION_WORDS - frozenset("south north east west northeast northwest southeast southwest".split())


def _prev_word(toks: list[Tok], i: int) -> str | None:
    """The nearest lower-case word before token ``i`` (skipping "the"); a capitalised preposition
    opening the sentence counts ("In X, ...")."""
    k = i - 1
    while k >= 0 and toks[k].low in ("the", "a"):
        k -= 1
    if k >= 0 and toks[k].text[:1].isalpha() and (not toks[k].cap or (k == 0 and toks[k].low in _OPENING_PREPS)):
        return toks[k].low
    return None


def _extend_of(toks: list[Tok], i: int, j: int, text: str) -> int:
    """Join "Gulf of Finland"-style names: a feature or region head, "of", a capitalised run."""
    if j + 1 < len(toks) and toks[j - 1].low in FEATURE_HEADS | {"republic", "isle", "gulf", "sea", "bay", "cape", "strait"} \
            and toks[j].text == "of" and toks[j + 1].cap and not toks[j - 1].possessive:
        k = j + 1
        while k + 1 < len(toks) and toks[k + 1].cap and adjacent(toks[k], toks[k + 1], text) and not toks[k].possessive:
            k += 1
        return k + 1
    return j


def _handle_run(text, toks, i, j, emit, names: Names, persons, taken, first_word) -> int | None:
    """Turn the capitalised run ``toks[i:j]`` into zero or more mentions."""
    if i == first_word and j - i > 1 and toks[i].low in _OPENING_PREPS and not toks[i].upper:
        i += 1  # "In Vilkhivka, ...": a preposition capitalised only because it opens the sentence
    run = toks[i:j]
    words = [t.low for t in run]
    # Calendar words split a run ("Meigs County Court Friday").
    for a, t in enumerate(run):
        if t.text in CALENDAR and len(run) > 1:
            if a > 0:
                _handle_run(text, toks, i, i + a, emit, names, persons, taken, first_word)
            if a + 1 < len(run):
                _handle_run(text, toks, i + a + 1, j, emit, names, persons, taken, first_word)
            return j
    # "Albany-based National Weather Service": the hyphenated adjective is a mention of its own.
    for a, t in enumerate(run):
        parts = re.split(r"[-\u2010\u2011]", t.text)
        if len(parts) == 2 and parts[1] in _ADJ_SUFFIXES and len(run) > 1:
            if a > 0:
                _handle_run(text, toks, i, i + a, emit, names, persons, taken, first_word)
            _emit_name(text, toks, i + a, i + a + 1, emit, names, persons, first_word)
            if a + 1 < len(run):
                _handle_run(text, toks, i + a + 1, j, emit, names, persons, taken, first_word)
            return j
    # Holidays and commemorations: "Independence Day", "Victory Day", "Kyiv Day", "Christmas Eve".
    if len(run) > 1 and run[-1].text in ("Day", "Eve", "Days"):
        return j
    # Ship names: "the cruiser X"; unit names: "Battlegroup X", "Operation X".
    if i > 0 and toks[i - 1].low in _SHIP_NOUNS:
        return j
    if words[0] in ("battlegroup", "operation", "group", "task", "project") and len(run) > 1:
        return j
    # Organisation names ending in an institutional head: skip, with "of X" that follows.
    head = words[-1]
    if head in ORG_HEADS and not run[-1].possessive:
        if head not in FEATURE_HEADS:
            c0 = 1 if words[0] in ("the", "a") else 0
            if len(run) - c0 >= 2 and head in _STATE_ORGAN_HEADS and names.country(run[c0].text) and not (
                    j < len(toks) and toks[j].text == "of"):
                _emit_name(text, toks, i + c0, i + c0 + 1, emit, names, persons, first_word)  # "Pakistan Army"
                return j
            k = j
            if k + 1 < len(toks) and toks[k].text == "of":
                k += 1
                if toks[k].low == "the":
                    k += 1
                while k < len(toks) and toks[k].cap and (k == j + 1 or adjacent(toks[k - 1], toks[k], text)):
                    k += 1
                    if toks[k - 1].possessive:
                        break
            return k
    # "The Washington Post", "New York Times", "White House": named organisations and media.
    for a in range(len(run)):
        for b in range(min(len(run), a + 4), a, -1):
            if " ".join(words[a:b]) in ORGANISATIONS:
                if a > 0:
                    _handle_run(text, toks, i, i + a, emit, names, persons, taken, first_word)
                if b < len(run):
                    _handle_run(text, toks, i + b, j, emit, names, persons, taken, first_word)
                return j
    # Titles and given names: the rest of the run is a person.
    for a, t in enumerate(run):
        low = t.low.rstrip(".")
        is_title = low in TITLES
        if (is_title and a + 1 < len(run)) or (t.text in GIVEN_NAMES and a + 1 < len(run) and not run[a].possessive):
            if a > 0:
                _handle_run(text, toks, i, i + a, emit, names, persons, taken, first_word)
            return j
        if is_title:
            # A trailing title ("Kharkiv Governor"): the part before stays a candidate.
            if a > 0:
                _handle_run(text, toks, i, i + a, emit, names, persons, taken, first_word)
            return j
    # A lower-case title before the run ("spokesman Dmitry X", "commander X").
    if i > 0 and toks[i - 1].low in LOWER_TITLES and not toks[i - 1].cap:
        if len(run) > 1 or run[0].text in persons or not names.known(run[0].text):
            return j
    # Greedy longest known sub-span from the left.
    a = 0
    while a < len(run):
        b = _longest_name(text, toks, i + a, j, names)
        if b is None:
            a += 1
            continue
        _emit_name(text, toks, i + a, b, emit, names, persons, first_word, in_run=len(run) > b - (i + a))
        a = b - i
    return max(j, i + a)


def _feature_after(toks, a, j, names: Names) -> int | None:
    """"Crimean bridge", "Saki air base": the run plus a lower-case feature noun, if known."""
    if j - a > _MAX_NAME_WORDS:
        return None
    for extra in (3, 2, 1):
        k = j + extra
        if k > len(toks):
            continue
        tail = toks[j:k]
        if not all(t.text.islower() for t in tail) or tail[-1].low not in _FEATURE_TAILS:
            continue
        if names.known(lookup_text(toks[a:k])):
            return k
    return None


_FEATURE_TAILS = frozenset(
    "bridge base airbase airfield airport river sea strait peninsula reservoir dam plant station canal lake "
    "island spit bay gulf".split()
)


def _longest_name(text, toks, a, j, names: Names) -> int | None:
    """End (exclusive) of the longest span from ``a`` within ``[a, j)`` that can be a place."""
    fa = _feature_after(toks, a, j, names)
    if fa is not None:
        return fa
    if 2 <= j - a <= MAX_UNLISTED_WORDS and unlisted_cue(toks, a, j, names) and not names.known(lookup_text(toks[a:j])):
        return j  # "the village of Stara X", "Nova X in the Y region": one name the gazetteer lacks
    for b in range(min(j, a + _MAX_NAME_WORDS), a, -1):
        span = toks[a:b]
        if len(span) == 1 and len(span[0].text) < 2:
            continue
        if len(span) == 1 and is_noise_word(span[0]) and span[0].low not in SEATS_OF_POWER:
            # Region nouns make even a plain word a name only with a region phrase after.
            if not _region_after(toks, b):
                continue
        if b - a > 1 and span[0].low not in ("the", "a", "an") and names.known(lookup_text(span)):
            return b  # "Crimean Bridge", "South Carolina": known as a whole
        if all(is_noise_word(t) for t in span):
            continue
        if is_noise_word(span[0]) and span[0].low in STOPWORDS and b - a > 1:
            if span[0].low in ("the", "a", "an") and (names.known(lookup_text(span[1:])) or span[1].low in SEATS_OF_POWER):
                continue  # "The Kremlin": the article is not part of the name
            if names.known(lookup_text(span)):
                return b  # "South Carolina", "The Hague"
            continue  # "The Sumy": the leading word is not part of the name
        if span[-1].low in REGION_NOUNS and b - a > 1 and _unit_noun_ends(toks, a, b):
            return b
        if "-" in span[0].text or "\u2011" in span[0].text or "\u2010" in span[0].text:
            if b - a == 1:
                return b  # hyphenated token: decided in _emit_name
        if span[0].low in SEATS_OF_POWER and b - a == 1:
            return b
        if names.known(lookup_text(span)):
            return b
        if b - a == 1 and _region_after(toks, b):
            return b
        if b - a == 1 and (settlement_before(toks, a) or prep_before(toks, a) or possessive_before(toks, a)
                           or in_list(toks, a) or settlement_after(toks, b) or list_end_contained(toks, a, names)) \
                and not is_noise_word(span[0]) and len(span[0].text) >= 4:
            return b  # unknown to the exact index but cued: the resolver tries harder
    return None


# Words that make "district" part of an institution's name.
_NOT_A_DISTRICT = frozenset("judge judges court courts attorney attorneys council councils school schools board "
                            "manager office police commander commission".split())
# Words that make "front" part of another noun ("the Kharkiv front line", "the front page").
_NOT_A_FRONT = frozenset("line lines page pages door doors row yard garden office desk seat seats end".split())


def _unit_noun_ok(toks, name_end: int, k: int, names: Names | None = None) -> bool:
    """The unit noun at ``k`` after a name ending at ``name_end`` names a unit: not "The Edmonton
    Community Partnership" (a community only after a hromada adjective, as a "territorial
    community": "the Myrnohrad territorial community", or in lower case after the name of a
    settlement that is a hromada's: "the Vilniansk community"), not "U.S. District Judge"."""
    noun = toks[k].low
    if noun == "community" and not toks[name_end - 1].low.endswith(HROMADA_ENDINGS) \
            and not (k >= 1 and toks[k - 1].low in DISTRICT_INFIXES) \
            and not (not toks[k].cap and names is not None and _hromada_town(names, toks[name_end - 1].text)):
        return False
    return not (REGION_NOUNS.get(noun) == "district" and k + 1 < len(toks) and toks[k + 1].low in _NOT_A_DISTRICT)


def _hromada_town(names: Names, name: str) -> bool:
    """A settlement of that name gives its name to a hromada of Ukraine's codifier (its own hromada is named after it)."""
    stem = name.casefold()[:-1]
    return any(p.kind == "place" and p.country_code == "UA" and (p.hromada or "").casefold().startswith(stem)
               for p in names.places(name))


def _unit_noun_ends(toks, a: int, b: int) -> bool:
    """The unit noun closing the run ``toks[a:b]`` ends a unit's name (see :func:`_unit_noun_ok`)."""
    return _unit_noun_ok(toks, b - 1, b - 1)


def _region_after(toks, b, names: Names | None = None) -> tuple[int, str] | None:
    """(end index, kind) of a region noun after ``b``: "X region", "X border region", "X Oblast";
    a lower-case "territory" only after a first-level unit's name ("over Kursk territory")."""
    k = b
    if k < len(toks) and toks[k].low in REGION_INFIXES and k + 1 < len(toks):
        k += 1
    elif k + 1 < len(toks) and toks[k].low in DISTRICT_INFIXES and REGION_NOUNS.get(toks[k + 1].low) == "district":
        k += 1  # "Rakityansky urban district", "Myropilska territorial community"
    if k < len(toks) and toks[k].low in REGION_NOUNS and toks[k].low not in PLURAL_REGION_NOUNS:
        if b < 1 or not _unit_noun_ok(toks, b, k, names):
            return None
        if toks[k].low == "community":
            return k + 1, "district"  # "the Myropilska community": a hromada named by its adjective
        if toks[k].low in ("state", "territory", "front", "community") and not toks[k].cap:
            unit = toks[k].low == "territory" and names is not None and b >= 1 and \
                any(p.kind == "adm1" for p in names.places(lookup_text([toks[b - 1]])))
            sector = toks[k].low == "front" and not (k + 1 < len(toks) and toks[k + 1].low in _NOT_A_FRONT)
            if not (unit or sector):
                return None
        return k + 1, REGION_NOUNS[toks[k].low]
    return None


def _emit_name(text, toks, a, b, emit, names: Names, persons, first_word, in_run=False) -> None:
    """Emit the name ``toks[a:b]`` with its cues, region phrase and possessive."""
    span = toks[a:b]
    cues: list[str] = []
    kind_hint = None
    country_hint = None
    end_tok = b
    end_char = None
    first = span[0]
    # Hyphenated adjective: "Kharkiv-based" -> "Kharkiv".
    if b - a == 1 and re.search(r"[-\u2010\u2011]", first.text):
        parts = re.split(r"[-\u2010\u2011]", first.text)
        if not names.known(lookup_text([first])):
            if parts[-1].islower() and parts[-1] in _ADJ_SUFFIXES or (len(parts) == 2 and parts[1].islower()):
                name = parts[0]
                if not name[:1].isupper() or name.lower() in STOPWORDS or name.lower() in DEMONYMS:
                    return
                look = name.replace(".", "") if "." in name else name
                if name.isupper() and len(name) > 3:
                    look = name.capitalize()
                emit(a, b, look, ["hyphen_adj"], end=first.start + len(name))
                return
            if not unlisted_compound(toks, a, parts, names):
                return  # "Trump-Putin", "Russia-Ukraine": compounds, not places
    low_words = [t.low for t in span]
    # Region noun inside the run: "Kursk Oblast", "Moscow Region", "Krasnodar Krai".
    if len(span) > 1 and low_words[-1] in REGION_NOUNS and _unit_noun_ends(toks, a, b):
        kind_hint = REGION_NOUNS[low_words[-1]]
        core = span[:-1]
        if core and core[-1].low in REGION_INFIXES:
            core = core[:-1]
        if len(core) > 1 and core[-1].low in ("people", "peoples", "people’s") :
            core = core[:-1]  # "Donetsk People's Republic"
        cues.append("region_phrase")
        lookup = lookup_text(core)
        if names.known(lookup_text(span)):
            lookup = lookup_text(span)
    else:
        lookup = lookup_text(span)
        ra = _region_after(toks, b, names) if not span[-1].possessive else None
        if ra:
            end_tok, kind_hint = ra
            cues.append("region_phrase")
            if kind_hint == "adm1" and toks[end_tok - 1].low == "region" and district_adjective(lookup, names):
                kind_hint = "district"  # "the Rylsky region": a district named by its centre's adjective
    # "the region of X", "the village of X".
    sb = settlement_before(toks, a)
    if sb:
        cues.append(f"noun:{sb}")
        if kind_hint is None and sb in ("adm1", "district"):
            kind_hint = sb
        if kind_hint is None:
            kind_hint = "place"
    # Possessive country before: "Russia's Kursk region", "Ukraine's Dnipro".
    if a >= 1 and toks[a - 1].possessive and toks[a - 1].cap:
        cues.append("after_possessive")
        country_hint = lookup_text([toks[a - 1]])
    if span[-1].possessive:
        cues.append("possessive")
    if first.upper and len(first.text) > 2 and a == first_word and a + 1 < len(toks) and toks[a + 1].text in (",", "(", "-", "–", "—"):
        cues.append("dateline")
    if first.low in SEATS_OF_POWER:
        cues.append("seat_of_power")
    if kind_hint is None and settlement_after(toks, end_tok):
        cues.append("noun:place")  # "X village"
        kind_hint = "place"
    if kind_hint == "place" and settlement_noun(toks, a, end_tok):
        cues.append("settlement_noun")
    if kind_hint in (None, "place") and container_after(toks, end_tok, names):
        cues.append("container_after")  # "X in the Y region", "X (Y Oblast)", "X near Y"
    # "the Kherson region administration", "the X battlegroup", "Neptune missiles": not a place.
    k = end_tok
    while k < len(toks) and toks[k].low in _UNIT_PREFIXES and not toks[k].cap:
        k += 1
    if k < len(toks) and toks[k].low in ORG_TAIL_NOUNS and not toks[k].cap and not prep_before(toks, a) \
            and not (a >= 1 and toks[a - 1].possessive):
        if not names.country(lookup_text(span)):
            return
    # Surnames seen with a given name or title elsewhere ("Zelensky said").
    if b - a == 1 and first.text in persons and kind_hint is None and not prep_before(toks, a):
        return
    nxt = toks[end_tok] if end_tok < len(toks) else None
    if nxt is not None and nxt.low in SPEECH_VERBS:
        cues.append("next_speech")
    if all(t.upper for t in span) and len(first.text) <= 3 or re.fullmatch(r"(?:[A-Z]\.)+", first.text):
        cues.append("acronym")
    elif all(t.upper for t in span) and "dateline" not in cues:
        cues.append("caps")
    if in_run:
        cues.append("in_run")
    emit(a, end_tok, lookup, cues, kind_hint, country_hint, end=end_char)
