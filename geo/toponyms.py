"""Candidate toponym spans. PLACEHOLDER: replaced by the recognition work."""

from __future__ import annotations

from geo.model import Document, Mention, Sentence


def find_mentions(doc: Document, sentences: list[Sentence], gazetteer) -> list[Mention]:
    return []
