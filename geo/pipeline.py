"""The text-to-events pipeline: one plain function per stage, composed here."""

from __future__ import annotations

from gazetteer import Gazetteer, default_gazetteer
from geo.events.claims import extract_area_claims
from geo.events.building import extract_events
from geo.model import Document, ParsedDocument
from geo.places.resolve import resolve_mentions
from geo.text.sentences import split_sentences
from geo.places.toponyms import find_mentions


def parse_document(doc: Document, gazetteer: Gazetteer | None = None) -> ParsedDocument:
    """Read one document: sentences, place mentions, events and area claims."""
    gaz = gazetteer or default_gazetteer()
    sentences = split_sentences(doc.text)
    mentions = find_mentions(doc, sentences, gaz)
    resolved = resolve_mentions(doc, sentences, mentions, gaz)
    events = extract_events(doc, sentences, resolved, gaz)
    claims = extract_area_claims(doc, sentences, resolved, gaz)
    return ParsedDocument(doc, tuple(sentences), tuple(resolved), tuple(events), tuple(claims))


def parse_text(text: str, *, id: str = "text", gazetteer: Gazetteer | None = None, **metadata) -> ParsedDocument:
    """Parse a string as one document (``published``, ``outlet``, ``url`` as keywords)."""
    return parse_document(Document(id=id, text=text, **metadata), gazetteer)
