"""The text-to-events pipeline: named stages over one document, run in order.

Each stage is a pure function ``(ParsedDocument, gazetteer) -> ParsedDocument``
that adds one kind of annotation, as spaCy's components do:

========== =========================================== ============================
stage      adds                                        module
========== =========================================== ============================
sentences  ``sentences``                               ``geo.text.sentences``
toponyms   ``candidates`` (``Mention``)                ``geo.places.toponyms``
resolve    ``mentions`` (``ResolvedMention``)          ``geo.places.resolve``
events     ``events``                                  ``geo.events.building``
claims     ``area_claims``                             ``geo.events.claims``
========== =========================================== ============================

A text longer than ``PART_CHARS`` is read whole, in parts cut at paragraph
or sentence ends (:func:`geo.text.documents.split_parts`): every stage after
``sentences`` runs on one part's sentences at a time, and every offset stays
one of the whole text. A stage that raises becomes a :class:`StageError`
naming the document and the stage; the runner (``geo.runner``) turns it into
a one-line error and goes on with the next document.

:func:`add_stage` / :func:`remove_stage` (and the :func:`stage_added`
context manager) are the public hook for a plugin's own stage, or a test's
fault injection: every command and ``geo.analyze`` run the stages listed here.

>>> parse_text("Russian drones struck Odesa overnight.").events[0].location.place.name  # doctest: +SKIP
'Odesa'
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import replace

from gazetteer import Gazetteer, default_gazetteer
from geo.events.building import extract_events
from geo.events.claims import extract_area_claims
from geo.model import Document, ParsedDocument, StageError
from geo.places.resolve import resolve_mentions
from geo.places.toponyms import find_mentions
from geo.text.documents import PART_CHARS, split_parts
from geo.text.sentences import split_sentences

Stage = Callable[[ParsedDocument, Gazetteer], ParsedDocument]


def read_sentences(pd: ParsedDocument, gaz: Gazetteer) -> ParsedDocument:
    return replace(pd, sentences=tuple(split_sentences(pd.document.text)))


def find_candidates(pd: ParsedDocument, gaz: Gazetteer) -> ParsedDocument:
    return replace(pd, candidates=tuple(find_mentions(pd.document, list(pd.sentences), gaz)))


def resolve_places(pd: ParsedDocument, gaz: Gazetteer) -> ParsedDocument:
    resolved = resolve_mentions(pd.document, list(pd.sentences), list(pd.candidates), gaz)
    return replace(pd, mentions=tuple(resolved))


def read_events(pd: ParsedDocument, gaz: Gazetteer) -> ParsedDocument:
    return replace(pd, events=tuple(extract_events(pd.document, list(pd.sentences), list(pd.mentions), gaz)))


def read_claims(pd: ParsedDocument, gaz: Gazetteer) -> ParsedDocument:
    claims = extract_area_claims(pd.document, list(pd.sentences), list(pd.mentions), gaz)
    return replace(pd, area_claims=tuple(claims))


#: The stages every command runs, in order: (name, function).
STAGES: list[tuple[str, Stage]] = [
    ("sentences", read_sentences),
    ("toponyms", find_candidates),
    ("resolve", resolve_places),
    ("events", read_events),
    ("claims", read_claims),
]


def add_stage(name: str, stage: Stage, *, after: str | None = None) -> None:
    """Run ``stage`` after the stage named ``after`` (default: last) in every later parse.

    The stage takes and returns a ``ParsedDocument``. Processes forked later
    inherit it; a Dask worker or a spawned process does not.
    """
    if any(n == name for n, _ in STAGES):
        raise ValueError(f"a stage named {name!r} is already in the pipeline")
    names = [n for n, _ in STAGES]
    at = len(STAGES) if after is None else names.index(after) + 1
    STAGES.insert(at, (name, stage))


def remove_stage(name: str) -> None:
    """Take the stage ``name`` out of the pipeline."""
    STAGES[:] = [(n, s) for n, s in STAGES if n != name]


@contextlib.contextmanager
def stage_added(name: str, stage: Stage, *, after: str | None = None) -> Iterator[None]:
    """``add_stage`` for the duration of a ``with`` block."""
    add_stage(name, stage, after=after)
    try:
        yield
    finally:
        remove_stage(name)


def parse_document(doc: Document, gazetteer: Gazetteer | None = None, *, part_chars: int = PART_CHARS) -> ParsedDocument:
    """Run every stage over ``doc``; a stage that raises becomes a :class:`StageError`.

    A text longer than ``part_chars`` is read in parts (see the module docstring).
    """
    gaz = gazetteer or default_gazetteer()
    stages = list(STAGES)
    pd = ParsedDocument(doc)
    head = [s for s in stages if s[0] == "sentences"]
    if head:
        pd = _run(pd, gaz, head)
    rest = [s for s in stages if s[0] != "sentences"]
    parts = split_parts(doc.text, part_chars)
    if len(parts) == 1:
        return _run(pd, gaz, rest)
    return _run_in_parts(pd, gaz, rest, parts)


def _run(pd: ParsedDocument, gaz: Gazetteer, stages) -> ParsedDocument:
    for name, stage in stages:
        try:
            pd = stage(pd, gaz)
        except StageError:
            raise
        except Exception as exc:  # noqa: BLE001 - named, with the stage, for the runner
            raise StageError(pd.document, name, exc) from exc
    return pd


def _run_in_parts(pd: ParsedDocument, gaz: Gazetteer, stages, parts: list[tuple[int, int]]) -> ParsedDocument:
    """The stages on each part's sentences; results joined with document-wide ids."""
    doc = pd.document
    joined = replace(pd, candidates=(), mentions=(), events=(), area_claims=())
    for k, (start, end) in enumerate(parts):
        part = replace(pd, sentences=tuple(s for s in pd.sentences if start <= s.start < end))
        done = _run(part, gaz, stages)
        events = tuple(_part_event(e, k) for e in done.events)
        joined = replace(joined, candidates=joined.candidates + done.candidates,
                         mentions=joined.mentions + done.mentions, events=joined.events + events,
                         area_claims=joined.area_claims + done.area_claims)
    events = tuple(replace(e, id=f"{doc.id}:e{n}") for n, e in enumerate(joined.events, 1))
    claims = tuple(replace(c, id=f"{doc.id}:c{n}") for n, c in enumerate(joined.area_claims, 1))
    return replace(joined, events=events, area_claims=claims)


def _part_event(event, part: int):
    """Keep a shared-tally group tag unique across parts (``doc:g3`` in part 2 -> ``doc:p2g3``)."""
    group = event.qualifiers.get("group")
    if not group or part == 0:
        return event
    head, _, tail = group.rpartition(":")
    return replace(event, qualifiers={**event.qualifiers, "group": f"{head}:p{part}{tail}"})


def parse_text(text: str, *, id: str = "text", gazetteer: Gazetteer | None = None, part_chars: int = PART_CHARS,
               **metadata) -> ParsedDocument:
    """Parse a string as one document (``published``, ``outlet``, ``url`` as keywords)."""
    return parse_document(Document(id=id, text=text, **metadata), gazetteer, part_chars=part_chars)
