"""The one guarded runner: inputs in, parsed documents and problems out, in input order.

Every command (``parse``, ``map``, ``export``, ``summary``, ``eval``) and
``geo.analyze`` run the pipeline through :func:`run` (inputs: paths, texts,
``Document`` objects), :func:`parse_stream` (documents already read) or
:func:`collect` (read, parse and fuse, keeping only what a map needs). They
yield, in input order and as soon as each is ready:

* an :class:`~geo.model.InputError` (or ``InputWarning``/``InputNote``)
  where an input could not be read, or was read with a caveat;
* one :class:`~geo.model.ParsedDocument` per document read. When a stage
  raised on it, a :class:`~geo.model.StageError` naming the input
  (``file:line`` for a corpus line), the stage and the exception comes just
  before it, and the ``ParsedDocument`` is empty with ``error`` set; the
  other documents are not affected.

Document ids are made unique here, once, for every route in: a later input
with an id already seen gets ``#2``, ``#3``... and a warning.

The parse cache (:mod:`geo.cache`, on by default) is asked first: a document
read before by the same pipeline version is not parsed again.

Engines: local processes (the default; ``workers=1`` parses in this process)
or a Dask cluster (``engine="dask"``, see :mod:`geo.cluster`, where
:func:`collect` also fuses on the cluster). Local workers open the gazetteer
once each and take documents in chunks; at most a few chunks per worker are in
flight, so memory stays flat however long the stream.

>>> for item in run(["reports/"]):  # doctest: +SKIP
...     print(item)
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from geo.cache import ParseCache, strip_detail
from geo.model import AreaClaim, Document, Event, InputError, ParsedDocument, StageError, StrikemapError
from geo.text.documents import iter_documents, normalise_text, unique_ids

log = logging.getLogger(__name__)

ENGINES = ("processes", "dask")
#: Documents sent to a worker at a time, unless the caller says otherwise.
CHUNK = 16
#: Chunks in flight per worker: enough to keep workers busy, few enough to keep memory flat.
_WINDOW = 4
_worker_gazetteer = None  # set in each pool worker by _init_worker

Item = Document | InputError
Result = ParsedDocument | InputError


def default_workers() -> int:
    """Cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# -- reading -----------------------------------------------------------------------------

def _looks_like_path(item: str) -> bool:
    return len(item) < 4096 and "\n" not in item and os.path.exists(item)


def read_inputs(inputs, *, published: dt.date | None = None, outlet: str | None = None) -> Iterator[Item]:
    """Documents from paths (files, folders), texts and ``Document`` objects, in order, ids unique.

    A string naming an existing file or folder is read as one; any other
    string is a report's text (ids ``text-1``, ``text-2``, ...).
    """
    if isinstance(inputs, (str, os.PathLike, Document)):
        inputs = [inputs]
    return unique_ids(_read(inputs, published, outlet))


def _read(inputs, published, outlet) -> Iterator[Item]:
    n_texts = 0
    for item in inputs:
        if isinstance(item, Document):
            yield item
        elif isinstance(item, os.PathLike) or (isinstance(item, str) and _looks_like_path(item)):
            yield from iter_documents([item], published=published, outlet=outlet)
        elif isinstance(item, str):
            n_texts += 1
            text = normalise_text(item)
            if not text.strip():
                yield InputError(f"text {n_texts}", "empty text")
                continue
            yield Document(id=f"text-{n_texts}", text=text, published=published, outlet=outlet)
        else:
            raise StrikemapError(f"cannot analyze a {type(item).__name__}: give paths, texts or Documents")


# -- parsing -----------------------------------------------------------------------------

def run(inputs, *, published: dt.date | None = None, outlet: str | None = None, **options) -> Iterator[Result]:
    """Read and parse ``inputs``; yield problems and ``ParsedDocument``s in input order.

    ``options`` are those of :func:`parse_stream`.
    """
    return parse_stream(read_inputs(inputs, published=published, outlet=outlet), **options)


def parse_stream(
    items: Iterable[Item], *, workers: int | None = None, engine: str = "processes", scheduler=None,
    progress: bool | None = None, gazetteer=None, chunksize: int | None = None, cache=True, detail: bool = True,
) -> Iterator[Result]:
    """Parse the documents of ``items`` (problems pass through in place), in order, guarded.

    ``workers`` defaults to all cores (processes) or the cluster's size
    (dask); ``workers=1`` parses in this process. ``scheduler`` is a Dask
    scheduler address, a ``distributed.Client`` or a cluster object; without
    one, a ``LocalCluster`` is started for the call. ``progress`` shows a
    tqdm bar on stderr (default: when stderr is a terminal). ``cache``: True
    for the default parse cache, False for none, or a path or
    :class:`~geo.cache.ParseCache`. ``detail=False`` drops sentences, candidate
    spans and mentions from the results (what ``map`` and ``export`` do not use).
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    items = iter(items)
    size = chunksize or CHUNK
    with _progress_bar(progress, engine) as bar:
        if engine == "dask":
            from geo.cluster import parse_on_cluster

            stream = parse_on_cluster(items, workers=workers, scheduler=scheduler, chunksize=chunksize,
                                      cache=cache_spec(cache), detail=detail)
        else:
            n = workers or default_workers()
            head = list(itertools.islice(items, size + 1))
            rest = itertools.chain(head, items)
            if n <= 1 or sum(isinstance(i, Document) for i in head) <= 1:
                stream = _run_local(rest, gazetteer, cache, detail)
            else:
                stream = _run_pool(rest, n, size, cache, detail)
        for result in stream:
            if isinstance(result, ParsedDocument):
                bar.update(1)
            yield result


def parse_many(documents: Sequence[Document], *, errors: list[InputError] | None = None, **options) -> list[ParsedDocument]:
    """Parse ``documents``; their ``ParsedDocument``s in input order (a list).

    A document a stage fails on gives an empty result with ``error`` set;
    when ``errors`` is a list, the ``StageError`` is appended to it too.
    Options as in :func:`parse_stream`.
    """
    out = []
    for result in parse_stream(documents, **options):
        if isinstance(result, ParsedDocument):
            out.append(result)
        elif errors is not None:
            errors.append(result)
    return out


@dataclass
class Collected:
    """What :func:`collect` keeps of a run: problems, events, claims and a count of documents.

    ``documents`` holds the ``ParsedDocument``s only when they were asked for.
    """

    problems: list[InputError] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[AreaClaim] = field(default_factory=list)
    n_documents: int = 0
    documents: list[ParsedDocument] = field(default_factory=list)


def collect(items: Iterable[Item], *, fuse: bool = True, keep_documents: bool = False, engine: str = "processes",
            progress: bool | None = None, **options) -> Collected:
    """Parse ``items`` and keep what a map needs: events (fused unless ``fuse=False``), claims, problems.

    Documents are parsed and dropped one by one (kept only with
    ``keep_documents``), so memory grows with the events, not with the
    corpus. On Dask (``engine="dask"``) fusion runs on the cluster too and only
    the fused events come back. Options as in :func:`parse_stream`.
    """
    if engine == "dask":
        from geo.cluster import collect_on_cluster

        with _progress_bar(progress, engine) as bar:
            return collect_on_cluster(items, fuse=fuse, keep_documents=keep_documents, bar=bar,
                                      workers=options.get("workers"), scheduler=options.get("scheduler"),
                                      chunksize=options.get("chunksize"), cache=cache_spec(options.get("cache", True)))
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    out = Collected()
    for result in parse_stream(items, engine=engine, progress=progress, detail=keep_documents, **options):
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


def _parse_guarded(item: Item, gazetteer) -> list[Result]:
    """One input's results: a problem as is; a document parsed, or its ``StageError`` and an empty result."""
    from geo.pipeline import parse_document

    if not isinstance(item, Document):
        return [item]
    try:
        return [parse_document(item, gazetteer)]
    except StageError as exc:
        log.debug("stage %s failed on %s", exc.stage, item.id, exc_info=True)
        return [exc, ParsedDocument(item, error=exc.problem)]
    except Exception as exc:  # noqa: BLE001 - outside any stage, still only this document's
        err = StageError(item, "pipeline", exc)
        log.debug("pipeline failed on %s", item.id, exc_info=True)
        return [err, ParsedDocument(item, error=err.problem)]


def parse_items(items: Sequence[Item], gazetteer, cache: ParseCache | None, detail: bool) -> list[list[Result]]:
    """Each item's results (see ``_parse_guarded``), from the cache when it has them; new ones stored there."""
    out: list[list[Result] | None] = []
    todo: list[int] = []
    for item in items:
        hit = cache.get(item, detail=detail) if cache is not None and isinstance(item, Document) else None
        out.append([hit] if hit is not None else None)
        if hit is None:
            todo.append(len(out) - 1)
    fresh: list[ParsedDocument] = []
    for i in todo:
        out[i] = _parse_guarded(items[i], gazetteer)
        fresh += [r for r in out[i] if isinstance(r, ParsedDocument)]
    if cache is not None and fresh:
        cache.put(fresh)
    if not detail:
        out = [[strip_detail(r) if isinstance(r, ParsedDocument) else r for r in rs] for rs in out]
    return out


def cache_spec(cache) -> str | None:
    """Where the parse cache is, as a path workers can open (None: no cache); ``True`` is the default."""
    from geo.cache import default_path

    if cache is None or cache is False:
        return None
    if isinstance(cache, ParseCache):
        return str(cache.path)
    if cache is True:
        path = default_path()
        return str(path) if path is not None else None
    return str(cache)


def open_cache(cache, gazetteer) -> ParseCache | None:
    """The parse cache for ``gazetteer``'s pipeline version (see :func:`cache_spec`), or None."""
    if isinstance(cache, ParseCache):
        return cache
    spec = cache_spec(cache)
    return ParseCache.open(gazetteer, spec) if spec is not None else None


def _open_gazetteer():
    from gazetteer import default_gazetteer

    return default_gazetteer()


def _run_local(items: Iterator[Item], gazetteer, cache, detail: bool) -> Iterator[Result]:
    gaz = gazetteer
    store = None
    for item in items:
        if gaz is None and isinstance(item, Document):
            gaz = _open_gazetteer()
        if store is None and isinstance(item, Document):
            store = open_cache(cache, gaz) or False
        (results,) = parse_items([item], gaz, store or None, detail)
        yield from results


def _parse_chunk(chunk: Sequence[Item], cache: ParseCache | None = None, detail: bool = True) -> list[list[Result]]:
    """A pool worker's job: the chunk's documents parsed (and stored in the cache), results per item."""
    gaz = _worker_gazetteer or _open_gazetteer()
    return parse_items(chunk, gaz, cache, detail)


def _init_worker() -> None:
    global _worker_gazetteer
    _worker_gazetteer = _open_gazetteer()


def _pool_context():
    # fork where there is one: workers start at once and scripts need no
    # ``if __name__ == "__main__"`` guard. The gazetteer reopens its SQLite
    # connection in a forked child (it checks the pid), so nothing unsafe is shared.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def chunked(items: Iterator, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last one shorter)."""
    while chunk := list(itertools.islice(items, size)):
        yield chunk


class _Batch:
    """Documents waiting for a pool worker; its future once submitted."""

    def __init__(self):
        self.items: list[Item] = []
        self.future = None
        self.results: list[list[Result]] | None = None

    def result(self, k: int) -> list[Result]:
        if self.results is None:
            self.results = self.future.result()
        return self.results[k]


def _run_pool(items: Iterator[Item], workers: int, size: int, cache, detail: bool) -> Iterator[Result]:
    """Parse in ``workers`` processes, in order. Cache hits are read here; only misses travel."""
    gaz = _open_gazetteer()  # build or open the store here, so workers never race to build it
    store = open_cache(cache, gaz)
    with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(), initializer=_init_worker) as pool:
        queue: deque = deque()  # in input order: ready results, or (batch, index in batch)
        batch = _Batch()
        in_flight = 0

        def submit():
            nonlocal batch, in_flight
            batch.future = pool.submit(_parse_chunk, batch.items, store, detail)
            in_flight += 1
            batch = _Batch()

        def drain(finish: bool) -> Iterator[Result]:
            """Yield what is ready at the front; wait on a worker only when too many are busy or at the end."""
            nonlocal in_flight
            while queue:
                entry = queue[0]
                if isinstance(entry, tuple):
                    owner, k = entry
                    if owner.future is None:
                        if not finish and len(queue) < size * workers * _WINDOW:
                            return  # its batch is still filling (cache hits wait behind it, a bounded number)
                        submit()
                    if not (finish or in_flight >= workers * _WINDOW or owner.future.done()):
                        return
                    queue.popleft()
                    yield from owner.result(k)
                    if k == len(owner.items) - 1:
                        in_flight -= 1
                else:
                    queue.popleft()
                    yield from entry

        for item in items:
            hit = store.get(item, detail=detail) if store is not None and isinstance(item, Document) else None
            if hit is not None:
                queue.append([hit])
            elif not isinstance(item, Document):
                queue.append([item])
            else:
                queue.append((batch, len(batch.items)))
                batch.items.append(item)
                if len(batch.items) >= size:
                    submit()
            yield from drain(False)
        if batch.items:
            submit()
        yield from drain(True)


def _progress_bar(progress: bool | None, engine: str):
    from tqdm import tqdm

    if progress is None:
        progress = sys.stderr.isatty()
    return tqdm(file=sys.stderr, disable=not progress, desc=f"parsing ({engine})", unit="doc", leave=False)
