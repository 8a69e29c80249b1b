"""Sentence splitting with character offsets. PLACEHOLDER: replaced by the recognition work."""

from __future__ import annotations

import re

from geo.model import Sentence


def split_sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for m in re.finditer(r"[.!?]+[\"”’']?\s+|\n+", text):
        out.append(Sentence(len(out), start, m.end(), text[start:m.end()]))
        start = m.end()
    if start < len(text):
        out.append(Sentence(len(out), start, len(text), text[start:]))
    return out
