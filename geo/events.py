"""Strike and interception events per clause. PLACEHOLDER: replaced by the events work."""

from __future__ import annotations

from geo.model import Document, Event, ResolvedMention, Sentence


def extract_events(doc: Document, sentences: list[Sentence], mentions: list[ResolvedMention], gazetteer) -> list[Event]:
    return []
