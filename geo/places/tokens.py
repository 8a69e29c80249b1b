"""Tokens with character offsets, and cached gazetteer name tests, for the recogniser.

``tokens`` splits a sentence into ``Tok``s that keep absolute offsets and
their case properties; ``Names`` asks the gazetteer whether a string is a
name (once per string and document).
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.lang.en.dates import CALENDAR
from geo.lang.en.places import FEATURE_HEADS
from geo.lang.en.demonyms import DEMONYMS
from geo.lang.en.organisations import ORG_HEADS, ORGANISATIONS
from geo.lang.en.persons import TITLES
from geo.lang.en.stop_words import STOPWORDS

APOS = "’'ʼ"


class Tok:
    """A token with absolute offsets and its case properties (computed once)."""

    __slots__ = ("start", "end", "text", "possessive", "cap", "upper", "low")

    def __init__(self, start: int, end: int, text: str, possessive: bool = False):
        self.start, self.end, self.text, self.possessive = start, end, text, possessive
        self.cap = text[:1].isupper()
        self.upper = len(text) > 1 and text.isupper()
        self.low = text.lower()

    def __repr__(self) -> str:
        return f"Tok({self.start}, {self.end}, {self.text!r})"


@lru_cache(maxsize=1)
def token_re() -> re.Pattern:
    return re.compile(
        r"(?:[A-Z]\.){2,}"  # U.S., U.K.
        r"|(?:St|Mt|Ft|Pt)\.(?= [A-Z])"  # St. Petersburg
        r"|[^\W\d_][\w]*(?:[’'ʼ\-\u2010\u2011][\w]+)*"  # words, hyphenated, apostrophes
        r"|\d+(?:[.,]\d+)*"
        r"|\S"
    )


def tokenize(text: str, offset: int) -> list[Tok]:
    """Tokens with absolute offsets; "X’s" becomes token "X" marked possessive."""
    out = []
    for m in token_re().finditer(text):
        s, e, t = m.start() + offset, m.end() + offset, m.group(0)
        if len(t) > 2 and t[-2] in APOS and t[-1] in "sS" and t[0].isalpha():
            out.append(Tok(s, e - 2, t[:-2], True))
        else:
            out.append(Tok(s, e, t))
    return out


class Names:
    """Cached gazetteer look-ups for one run of :func:`find_mentions`."""

    def __init__(self, gazetteer):
        self.gaz = gazetteer
        self.cache: dict[str, tuple] = {}

    def places(self, name: str) -> tuple:
        """Every place of that name or a romanisation of it (``Gazetteer.lookup``), once per name."""
        key = name.casefold()
        hit = self.cache.get(key)
        if hit is None:
            try:
                hit = tuple(self.gaz.lookup(name))  # listed names and their romanisations
            except Exception:  # an odd string must never break a document
                hit = ()
            self.cache[key] = hit
        return hit

    def country(self, name: str) -> bool:
        """The name is a country's."""
        return any(p.kind == "country" for p in self.places(name))

    def major(self, name: str) -> bool:
        """A country, a first-level region or a large town: too prominent to be a surname."""
        return any(p.kind in ("country", "adm1") or (p.population or 0) >= 100_000 for p in self.places(name))

    def known(self, name: str) -> bool:
        return bool(self.places(name))


def lookup_text(tokens: list[Tok]) -> str:
    """The name to look up: ALL-CAPS title-cased, dotted acronyms undotted."""
    words = []
    for t in tokens:
        w = t.text
        if "." in w:
            pass  # "U.S." is looked up as written (the gazetteer knows the dotted form)
        elif t.upper and len(w) > 3:
            w = "-".join(p.capitalize() for p in w.split("-"))
        words.append(w)
    return " ".join(words)


def adjacent(a: Tok, b: Tok, text: str) -> bool:
    """Two tokens separated by exactly one space (or a no-break space)."""
    return b.start - a.end == 1 and text[a.end] in " \u00a0"


def is_noise_word(t: Tok) -> bool:
    low = t.low
    return (
        low in STOPWORDS
        or low in FEATURE_HEADS
        or low in ORG_HEADS
        or t.text in CALENDAR
        or low in DEMONYMS
        or low.rstrip(".") in TITLES
        or low in ORGANISATIONS
    )
