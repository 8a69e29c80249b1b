"""Sentence splitting with character offsets.

A rule splitter, not a model: a sentence ends at ``.``, ``!`` or ``?`` (with
any closing quotes or brackets) followed by white space and an opening that
can start a sentence, or at a line break (headlines, list items and
datelines carry no full stop). It does not end after an abbreviation
("U.S.", "Gen.", "St.", "No. 5"), an initial ("J. Smith"), or inside a
decimal number ("3.5"), which never has the white space the rule needs.

>>> [s.text for s in split_sentences("Gen. Smith met the U.S. envoy. Talks ended.")]
['Gen. Smith met the U.S. envoy.', 'Talks ended.']
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.model import Sentence
from geo.lang.en.abbreviations import ABBREVIATIONS, ABBREVIATIONS_BEFORE_NUMBER

# Characters that may close a sentence after its final punctuation.
_CLOSERS = "\"'”’»)]"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """Compiled once, at first use."""
    # Candidate boundary: terminal punctuation, optional closers, then white space;
    # or one or more line breaks.
    boundary = re.compile(r"([.!?…]+)([" + re.escape(_CLOSERS) + r"]*)([ \t\u00a0]+|\s*\n\s*)|\s*\n\s*")
    word_before = re.compile(r"([A-Za-z][A-Za-z.]*)$")
    return boundary, word_before


def _is_abbreviation(text: str, dot_pos: int, next_char: str, next_word: str) -> bool:
    """True when the full stop at ``dot_pos`` closes an abbreviation, not a sentence."""
    _, word_before = _patterns()
    m = word_before.search(text, max(0, dot_pos - 20), dot_pos)
    if not m:
        return False
    word = m.group(1)
    low = word.lower().rstrip(".")
    if low in ABBREVIATIONS:
        # "U.S. officials" goes on; "... in the U.S. The next day" ends: a capitalised
        # function word after a country abbreviation starts a new sentence.
        if "." in word and next_word in _SENTENCE_OPENERS:
            return False
        return True
    if low in ABBREVIATIONS_BEFORE_NUMBER and next_char.isdigit():
        return True
    # A single capital letter is an initial ("J. Smith"); dotted acronyms ("U.N.").
    if len(word) == 1 and word.isupper():
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        return next_word not in _SENTENCE_OPENERS
    return False


# Capitalised words that open sentences but hardly ever follow an abbreviation mid-sentence.
_SENTENCE_OPENERS = frozenset(
    "The A An It He She They We I This That These Those There But And In On At As After "
    "Before When While Meanwhile However Earlier Later Overnight".split()
)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; offsets index into ``text`` (``end`` exclusive).

    Leading and trailing white space is left out of each sentence; empty
    stretches produce no sentence.
    """
    boundary, _ = _patterns()
    out: list[Sentence] = []
    start = 0
    n = len(text)
    for m in boundary.finditer(text):
        if m.group(1) is not None:
            end = m.end(2)
            nxt = m.end()
            next_char = text[nxt] if nxt < n else ""
            # The next sentence must start with something that can open one.
            if next_char and not (next_char.isupper() or next_char.isdigit() or next_char in "\"'“‘«([-–—•*#"):
                if "\n" not in m.group(3):
                    continue
            if "\n" not in m.group(3):
                nw = re.match(r"[\w’']+", text[nxt:nxt + 30])
                next_word = nw.group(0) if nw else ""
                if m.group(1) == "." and _is_abbreviation(text, m.start(1), next_char, next_word):
                    continue
        else:
            end = m.start()
        _append(out, text, start, end)
        start = m.end()
    _append(out, text, start, n)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end]))
