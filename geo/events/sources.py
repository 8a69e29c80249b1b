"""Sources joined for a report that arrived twice (a feed item also saved as a page, a forwarded message).

The report is read once (:func:`geo.text.documents.readable`); every event or area
claim read from it then gets, beside each of its sources, one more with the second
arrival's outlet, date, address and ``via``. The sentence and offsets stay those of
the document read (``document`` names it), so the evidence still points at a text
that holds it, and the event counts both outlets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from geo.model import Document, Source


def joined(sources: tuple[Source, ...], also: dict) -> tuple[Source, ...]:
    """``sources`` and, after each, the same evidence as published by each later arrival of its document."""
    out = []
    for s in sources:
        out.append(s)
        for doc in also.get(s.document, ()):
            out.append(replace(s, outlet=doc.outlet, published=doc.published, url=doc.url, via=doc.via))
    return tuple(dict.fromkeys(out))


def join_same_reports(items: list, same: Iterable[tuple[str | int, Document]]) -> list:
    """Events or area claims with the sources of ``same`` (first document id, second arrival) joined."""
    also: dict = {}
    for first, doc in same:
        also.setdefault(first, []).append(doc)
    if not also:
        return items
    return [replace(x, sources=joined(x.sources, also)) if any(s.document in also for s in x.sources) else x
            for x in items]
