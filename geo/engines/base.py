"""What every engine shares: the item types, chunking, guarded parsing with the cache, results kept.

:func:`parse_items` is the one guarded call every engine makes, in whatever
process it runs: each input's results, from the parse cache when it has them,
a stage failure turned into a :class:`~geo.model.StageError` followed by an
empty ``ParsedDocument`` with ``error`` set, never an exception.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from geo.model import AreaClaim, Document, Event, InputError, ParsedDocument, StageError

log = logging.getLogger("geo.runner")

#: Documents sent to a worker at a time, unless the caller says otherwise.
CHUNK = 16
#: Chunks in flight per worker: enough to keep workers busy, few enough to keep memory flat.
WINDOW = 4

Item = Document | InputError
Result = ParsedDocument | InputError


def default_workers() -> int:
    """Cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def chunked(items: Iterator, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last one shorter)."""
    while chunk := list(itertools.islice(items, size)):
        yield chunk


@dataclass
class Collected:
    """What a ``collect`` keeps of a run: problems, events, claims and a count of documents.

    ``documents`` holds the ``ParsedDocument``s only when they were asked for.
    """

    problems: list[InputError] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[AreaClaim] = field(default_factory=list)
    n_documents: int = 0
    documents: list[ParsedDocument] = field(default_factory=list)


def parse_guarded(pipeline, item: Item) -> list[Result]:
    """One input's results: a problem as is; a document parsed, or its ``StageError`` and an empty result."""
    if not isinstance(item, Document):
        return [item]
    try:
        return [pipeline.parse(item)]
    except StageError as exc:
        log.debug("stage %s failed on %s", exc.stage, item.id, exc_info=True)
        return [exc, ParsedDocument(item, error=exc.problem)]
    except Exception as exc:  # noqa: BLE001 - outside any stage, still only this document's
        err = StageError(item, "pipeline", exc)
        log.debug("pipeline failed on %s", item.id, exc_info=True)
        return [err, ParsedDocument(item, error=err.problem)]


def parse_items(pipeline, items: Sequence[Item], cache, detail: bool) -> list[list[Result]]:
    """Each item's results (see :func:`parse_guarded`), from ``cache`` when it has them; new ones stored there."""
    from geo.cache import strip_detail

    out: list[list[Result] | None] = []
    todo: list[int] = []
    for item in items:
        hit = cache.get(item, detail=detail) if cache is not None and isinstance(item, Document) else None
        out.append([hit] if hit is not None else None)
        if hit is None:
            todo.append(len(out) - 1)
    fresh: list[ParsedDocument] = []
    for i in todo:
        out[i] = parse_guarded(pipeline, items[i])
        fresh += [r for r in out[i] if isinstance(r, ParsedDocument)]
    if cache is not None and fresh:
        cache.put(fresh)
    if not detail:
        out = [[strip_detail(r) if isinstance(r, ParsedDocument) else r for r in rs] for rs in out]
    return out


def collect_stream(results: Iterator[Result], *, fuse: bool, keep_documents: bool) -> Collected:
    """Keep problems, events and claims of a result stream (documents only if asked); fuse the events."""
    out = Collected()
    for result in results:
        if not isinstance(result, ParsedDocument):
            out.problems.append(result)
            continue
        out.n_documents += 1
        out.events.extend(result.events)
        out.claims.extend(result.area_claims)
        if keep_documents:
            out.documents.append(result)
    if fuse:
        from geo.events.fuse import fuse_events

        out.events = fuse_events(out.events)
    return out
