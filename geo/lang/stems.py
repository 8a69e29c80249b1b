"""Number words given as stems that match every case ending, for languages that inflect them.

A language folder's ``lex_attrs`` holds its table (stem pattern -> value) and builds
its ``NUMBER_WORD`` alternation and ``like_num`` from it here, so the matching is
written once and the patterns are compiled and ordered once, not on every call.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def number_words(stems: dict[str, int]) -> tuple[str, Callable[[str], int | None]]:
    """(a regex alternation of every stem, longest first; ``like_num`` for a word or digits)."""
    ordered = sorted(stems, key=len, reverse=True)  # the longest stem wins: "одинадцят" before "один"
    compiled = [(re.compile(r"(?:" + k + r")", re.I), stems[k]) for k in ordered]

    def like_num(word: str) -> int | None:
        """The value of a digit string or a number word, else None."""
        w = word.strip().replace("\u00a0", "").replace(" ", "")
        if w.isdigit():
            return int(w)
        return next((v for rx, v in compiled if rx.fullmatch(w)), None)

    return r"(?:" + "|".join(ordered) + r")", like_num
