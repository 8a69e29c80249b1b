"""What the words around a capitalised name say about it.

Settlement nouns ("the village of X", "X village"), prepositions ("near X"),
containers after the name (", in the Y region", " (Y Oblast)", " near Y"),
possessors ("Ukraine's X") and list positions. The recogniser uses them to
keep names the gazetteer lacks when the text itself calls them places.
"""

from __future__ import annotations

from geo.lang.en.places import (
    CONTAINED_PREPS, DISTRICT_ENDINGS, LOCATIVE_PREPS, PLURAL_REGION_NOUNS, REGION_INFIXES, REGION_NOUNS,
    SETTLEMENT_NOUNS,
)
from geo.lang.en.demonyms import DEMONYMS
from geo.lang.en.organisations import ORG_TAIL_NOUNS
from geo.lang.en.persons import GIVEN_NAMES
from geo.lang.en.stop_words import STOPWORDS
from geo.places.tokens import Names, is_noise_word, lookup_text


# Singular settlement nouns written after a name: "X village" (a place whatever the gazetteer says);
# "town" is left out ("X town centre", "X town hall" are compounds far more often).
SETTLEMENT_AFTER = frozenset("village settlement hamlet".split())


# Nouns that make "village" part of a compound ("the X village council"), not the place's noun.
COMPOUND_AFTER = frozenset(
    "hall halls centre centres center centers council councils square limits board clerk manager meeting "
    "meetings officials official head mayor police court green school fair people".split()
)


def settlement_before(toks, a) -> str | None:
    """"village of X", "the city of X", "region of X": the kind it announces ("the Y district of X"
    names Y's city, X: no kind)."""
    if a >= 2 and toks[a - 1].low == "of" and toks[a - 2].low in SETTLEMENT_NOUNS:
        if a >= 3 and toks[a - 3].cap and SETTLEMENT_NOUNS[toks[a - 2].low] == "district":
            return None
        return SETTLEMENT_NOUNS[toks[a - 2].low]
    if a >= 1 and toks[a - 1].low in ("village", "town", "city", "settlement", "hamlet") and not toks[a - 1].cap \
            and not toks[a - 1].possessive:
        return "place"
    return None


def settlement_noun(toks, a, b) -> bool:
    """A lower-case settlement noun announces the name: "the village of X", "town X", "X village"."""
    nouns = ("village", "town", "city", "settlement", "hamlet")
    if a >= 2 and toks[a - 1].text == "of" and toks[a - 2].text in nouns and not toks[a - 2].possessive:
        return True
    return (a >= 1 and toks[a - 1].text in nouns and not toks[a - 1].possessive) or settlement_after(toks, b)


def district_adjective(name: str, names: Names) -> bool:
    """A one-word adjectival name no region is known by: "X region" is then a district (raion)."""
    return " " not in name and name.lower().endswith(DISTRICT_ENDINGS) and not names.known(name)


def settlement_after(toks, b) -> bool:
    """"X village", "X settlement": a lower-case settlement noun right after the name."""
    if b >= len(toks) or toks[b].low not in SETTLEMENT_AFTER or toks[b].cap or toks[b - 1].possessive:
        return False
    nxt = toks[b + 1].low if b + 1 < len(toks) else ""
    return nxt not in ORG_TAIL_NOUNS and nxt not in COMPOUND_AFTER and nxt != "of"


def container_after(toks, b, names: Names) -> bool:
    """A containing place right after the name: ", in the Y region", " in Y Oblast", " (Y region)",
    ", Y Oblast", " near Y" (Y a known place), " in Y" (Y a first-level unit's name), also after the
    name's own settlement noun ("X village in the Y region"); " Y district" is not one (that is the
    name's own)."""
    k = b
    if k < len(toks) and toks[k].low in SETTLEMENT_AFTER and not toks[k].cap:
        k += 1
    b = k
    paren = k < len(toks) and toks[k].text == "("
    if k < len(toks) and toks[k].text in (",", "("):
        k += 1
    if k < len(toks) and toks[k].low in ("near", "outside") and not toks[k].cap and not paren:
        k += 1
        if k < len(toks) and toks[k].low == "the":
            k += 1
        e = k
        while e < len(toks) and toks[e].cap and e - k < 3:
            e += 1
        return e > k and not is_noise_word(toks[k]) and names.known(lookup_text(toks[k:e]))
    if k < len(toks) and toks[k].low in ("in", "of") and not toks[k].cap and not paren:
        k += 1
    elif k == b:
        return False  # "X Sumy region" is no containment
    if k < len(toks) and toks[k].low == "the":
        k += 1
    if k < len(toks) and toks[k].possessive and toks[k].cap:
        k += 1  # "in Ukraine's Y region"
    while k < len(toks) and not toks[k].cap and (toks[k].low.endswith("ern") or toks[k].low in LIST_ADJECTIVES
                                                  or toks[k].low in REGION_INFIXES):
        k += 1  # "in the southern Y region", "in the frontline Y region"
    start = k
    while k < len(toks) and k - start < 3 and toks[k].cap and not toks[k].possessive:
        if toks[k].low in REGION_NOUNS and k > start:  # "Y Oblast", "Y Region", not "Y District Court"
            return REGION_NOUNS[toks[k].low] in ("adm1", "district") and not (k + 1 < len(toks) and toks[k + 1].cap)
        k += 1
    if k == start:
        return False
    if toks[b].low == "in" and (k >= len(toks) or not toks[k].cap and toks[k].low not in REGION_NOUNS) \
            and any(p.kind == "adm1" for p in names.places(lookup_text(toks[start:k]))):
        return True  # "Bilenke in Kharkiv": the bare name of a first-level unit
    if k < len(toks) and toks[k].low in REGION_INFIXES:
        k += 1
    return k < len(toks) and toks[k].low in REGION_NOUNS and REGION_NOUNS[toks[k].low] in ("adm1", "district") \
        and toks[k].low not in ("state", "territory") and toks[k].low not in PLURAL_REGION_NOUNS \
        and not (k + 1 < len(toks) and toks[k + 1].cap)


def unlisted_cue(toks, a, b, names: Names) -> bool:
    """A name of ``b - a`` capitalised words the gazetteer lacks, but the text calls a place:
    a settlement noun before or after it, or a preposition before and a containing place after."""
    span = toks[a:b]
    if any(is_noise_word(t) or t.upper or t.text in GIVEN_NAMES or t.possessive or len(t.text) < 2 or names.major(t.text)
           for t in span):
        return False
    if any(t.low in REGION_NOUNS or t.low in SETTLEMENT_AFTER for t in span):
        return False
    if settlement_noun(toks, a, b):
        return True
    return prep_before(toks, a) in CONTAINED_PREPS and container_after(toks, b, names)


def list_end_contained(toks, a, names: Names) -> bool:
    """"A, B and X in the Y region": the last member of a list, with a containing place after it."""
    return a >= 2 and toks[a - 1].low in ("and", "or") and (toks[a - 2].cap or toks[a - 2].text == ",") \
        and container_after(toks, a + 1, names)


def unlisted_compound(toks, a, parts: list[str], names: Names) -> bool:
    """"the village of Novo-X", "near Y-Z in the W region": a hyphenated name the text calls a place."""
    if not all(p[:1].isupper() and len(p) >= 2 for p in parts):
        return False
    if any(p.lower() in STOPWORDS or p.lower() in DEMONYMS or p in GIVEN_NAMES or names.major(p) for p in parts):
        return False
    return settlement_noun(toks, a, a + 1) or (
        prep_before(toks, a) in CONTAINED_PREPS and container_after(toks, a + 1, names))


def possessive_before(toks, a) -> bool:
    """"Ukraine's X": a capitalised possessor right before."""
    return a >= 1 and toks[a - 1].possessive and toks[a - 1].cap


def in_list(toks, a) -> bool:
    """A single capitalised word between list separators ("A, X, and B")."""
    before = a >= 1 and toks[a - 1].text in (",", "and")
    after = a + 1 < len(toks) and toks[a + 1].text in (",", "and")
    return before and after or (before and a + 1 < len(toks) and toks[a + 1].text in (".", ";"))


def prep_before(toks, a) -> str | None:
    if a >= 1 and toks[a - 1].low in LOCATIVE_PREPS and not toks[a - 1].cap:
        return toks[a - 1].low
    return None


LIST_ADJECTIVES = frozenset(
    "other border frontline front-line southern eastern northern western central neighbouring neighboring "
    "russian ukrainian several".split()
)


# Longest name read without the gazetteer's help, in words ("Velyka Bilozerka-Nova" style).
MAX_UNLISTED_WORDS = 3
