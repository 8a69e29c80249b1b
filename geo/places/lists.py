"""Coordinated lists of names and the noun that governs them.

English lets one unit noun govern a whole list, wherever it stands:

* before the noun: "the Kaluga, Tver and Smolensk regions", "the Homs and Aleppo
  governorates", "Texas and Oklahoma states", the two self-proclaimed
  "People's Republics" of the Donbas, with counts in brackets: "Kaluga (4), Tver (1) and
  Smolensk (2) regions";
* after it: "the regions of Tambov and Ryazan", "over the territories of A, B
  and C", "nine regions – A, B, C and D", "regions: A, B", "multiple regions
  including A, B and C", "the villages of A, B and C", "the provinces such as
  A and B".

These functions find the members (token spans); the recogniser emits them as
mentions of that kind of unit, so the grammar decides before any population
prior does. A list needs two members before the noun (one capitalised word
before "regions" is the name's own region phrase), one after an explicit
opener.
"""

from __future__ import annotations

from geo.places.context import LIST_ADJECTIVES
from geo.lang.en.lex_attrs import TENS, UNITS
from geo.lang.en.places import REGION_NOUNS
from geo.lang.en.stop_words import STOPWORDS
from geo.places.tokens import Tok, adjacent

#: Words after a plural noun that open its list ("regions of A and B", "regions including A").
LIST_OPENERS = frozenset("of including namely like incl".split())
#: Punctuation after a plural noun that opens its list ("regions: A, B", "regions – A, B").
LIST_PUNCT = frozenset(":–—-")
#: Longest member, in words ("Nizhny Novgorod", "Velyka Bilozerka Nova").
MAX_MEMBER_WORDS = 3
_COORD = ("and", "or", "&")
_NUMBER_WORDS = frozenset(w.casefold() for w in (*UNITS, *TENS))


def skip_count(toks: list[Tok], k: int, step: int) -> int:
    """Index past a bracketed count at ``k`` ("(3)", "(12 drones)") going ``step`` (+1 or -1), else ``k``."""
    open_, close = ("(", ")") if step > 0 else (")", "(")
    if not (0 <= k < len(toks)) or toks[k].text != open_:
        return k
    j = k + step
    while 0 <= j < len(toks) and abs(j - k) <= 5:
        if toks[j].text == close:
            inside = toks[min(j, k) + 1:max(j, k)]
            if inside and (inside[0].text[:1].isdigit() or inside[0].low in _NUMBER_WORDS):  # "(3)", "(six drones)"
                return j + step
            return k
        j += step
    return k


def members_before(toks: list[Tok], i: int, text: str) -> list[tuple[int, int]]:
    """Members of the list the plural noun at ``i`` closes: "the A, B, and C regions", right to left."""
    items: list[tuple[int, int]] = []
    k = i - 1
    if k >= 1 and toks[k].low == "people" and toks[k].possessive:
        k -= 1  # "the Donetsk and Luhansk People's Republics"
    while k >= 0 and toks[k].low in LIST_ADJECTIVES:
        k -= 1  # "... and other regions", "the X and Y border regions"
    if k >= 0 and toks[k].low in _COORD and k + 1 < i:
        k -= 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
    while k >= 0:
        k = skip_count(toks, k, -1)
        if k < 0 or not (toks[k].cap or toks[k].upper):
            break
        e = k + 1
        while k - 1 >= 0 and toks[k - 1].cap and adjacent(toks[k - 1], toks[k], text) and e - k < MAX_MEMBER_WORDS:
            k -= 1
        items.append((k, e))
        k -= 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
            if k >= 0 and toks[k].low in _COORD:
                k -= 1
        elif k >= 0 and toks[k].low in _COORD:
            k -= 1
            if k >= 0 and toks[k].text == ",":
                k -= 1
        else:
            break
    if len(items) < 2:
        return []
    out = []
    for s, e in reversed(items):
        while s < e and toks[s].low in STOPWORDS:
            s += 1  # "The Chernihiv and Sumy regions"
        if s < e:
            out.append((s, e))
    return out


def opener_end(toks: list[Tok], i: int) -> int | None:
    """Index of the first member after the plural noun at ``i`` and its opener, or None.

    "regions of Russia – A, B": the whole they belong to ("of Russia") is skipped.
    """
    k = i + 1
    if k < len(toks) and toks[k].low == "such" and k + 1 < len(toks) and toks[k + 1].low == "as":
        k += 2
    elif k < len(toks) and (toks[k].low in LIST_OPENERS or toks[k].text in LIST_PUNCT):
        k += 1
    else:
        return None
    if k < len(toks) and toks[k].low == "the":
        k += 1
    if toks[k - 1].low == "of" or toks[k - 1].low == "the" and toks[k - 2].low == "of":
        e = k
        while e < len(toks) and toks[e].cap and e - k < MAX_MEMBER_WORDS:
            e += 1
        if e > k and e < len(toks) and toks[e].text in LIST_PUNCT:
            k = e + 1  # "three regions of Russia - Rostov, Lipetsk and Volgograd"
    return k


def members_after(toks: list[Tok], i: int, text: str, stop) -> list[tuple[int, int]]:
    """Members of the list the plural noun at ``i`` opens: "regions of A, B and C", "regions – A, B".

    ``stop(k, e)`` says the capitalised span ``toks[k:e]`` cannot be a member
    (a person, an organisation word, a name already taken): the list ends there.
    """
    k = opener_end(toks, i)
    if k is None:
        return []
    items: list[tuple[int, int]] = []
    while k < len(toks) and toks[k].cap:
        e = k + 1
        while e < len(toks) and e - k < MAX_MEMBER_WORDS and toks[e].cap and adjacent(toks[e - 1], toks[e], text) \
                and not toks[e - 1].possessive:
            e += 1
        if stop(k, e) or (e < len(toks) and toks[e].low in REGION_NOUNS and not toks[e].cap):
            break  # "districts of the Dnipropetrovsk region": a name with its own unit noun is no member
        items.append((k, e))
        k = skip_count(toks, e, +1)
        if k < len(toks) and toks[k].text == ",":
            k += 1
        if k < len(toks) and toks[k].low in _COORD and not toks[k].cap:
            k += 1
        elif k < len(toks) and not toks[k].cap:
            break
    return items
