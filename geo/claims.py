"""Area-of-control claims. PLACEHOLDER: replaced by the events work."""

from __future__ import annotations

from geo.model import AreaClaim, Document, ResolvedMention, Sentence


def extract_area_claims(doc: Document, sentences: list[Sentence], mentions: list[ResolvedMention], gazetteer) -> list[AreaClaim]:
    return []
