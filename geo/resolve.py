"""Resolution of candidate mentions to places, roles and precision. PLACEHOLDER."""

from __future__ import annotations

from geo.model import Document, Mention, ResolvedMention, Sentence


def resolve_mentions(doc: Document, sentences: list[Sentence], mentions: list[Mention], gazetteer) -> list[ResolvedMention]:
    return []
