"""The one guarded runner: inputs in, parsed documents and problems out, in input order.

Every command (``parse``, ``map``, ``export``, ``summary``, ``eval``) and
``geo.analyze`` run the pipeline through :func:`run` (inputs: paths, texts,
``Document`` objects) or :func:`parse_stream` (documents already read). Both
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

Engines: local processes (the default; ``workers=1`` parses in this process)
or a Dask cluster (``engine="dask"``). Local workers open the gazetteer once
each and take documents in chunks; at most a few chunks per worker are in
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
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from geo.model import Document, InputError, ParsedDocument, StageError, StrikemapError
from geo.text.documents import iter_documents, normalise_text, unique_ids

log = logging.getLogger(__name__)

ENGINES = ("processes", "dask")
#: Documents sent to a worker at a time, unless the caller says otherwise.
CHUNK = 16
#: Chunks in flight per worker: enough to keep workers busy, few enough to keep memory flat.
_WINDOW = 4
#: Documents a Dask run submits at a time.
_DASK_BATCH = 4096
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
    progress: bool | None = None, gazetteer=None, chunksize: int | None = None,
) -> Iterator[Result]:
    """Parse the documents of ``items`` (problems pass through in place), in order, guarded.

    ``workers`` defaults to all cores (processes) or the cluster's size
    (dask); ``workers=1`` parses in this process. ``scheduler`` is a Dask
    scheduler address, a ``distributed.Client`` or a cluster object; without
    one, a ``LocalCluster`` is started for the call. ``progress`` shows a
    tqdm bar on stderr (default: when stderr is a terminal).
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    items = iter(items)
    size = chunksize or CHUNK
    with _progress_bar(progress, engine) as bar:
        if engine == "dask":
            stream = _run_dask(items, workers, scheduler, chunksize)
        else:
            n = workers or default_workers()
            head = list(itertools.islice(items, size + 1))
            rest = itertools.chain(head, items)
            if n <= 1 or sum(isinstance(i, Document) for i in head) <= 1:
                stream = _run_local(rest, gazetteer)
            else:
                stream = _run_pool(rest, n, size)
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


def _open_gazetteer():
    from gazetteer import default_gazetteer

    return default_gazetteer()


def _run_local(items: Iterator[Item], gazetteer) -> Iterator[Result]:
    gaz = gazetteer
    for item in items:
        if gaz is None and isinstance(item, Document):
            gaz = _open_gazetteer()
        yield from _parse_guarded(item, gaz)


def _parse_chunk(chunk: Sequence[Item], gazetteer=None) -> list[Result]:
    gaz = gazetteer if gazetteer is not None else (_worker_gazetteer or _open_gazetteer())
    return [r for item in chunk for r in _parse_guarded(item, gaz)]


def _init_worker() -> None:
    global _worker_gazetteer
    _worker_gazetteer = _open_gazetteer()


def _pool_context():
    # fork where there is one: workers start at once and scripts need no
    # ``if __name__ == "__main__"`` guard. The gazetteer reopens its SQLite
    # connection in a forked child (it checks the pid), so nothing unsafe is shared.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _chunked(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


def _run_pool(items: Iterator[Item], workers: int, size: int) -> Iterator[Result]:
    _open_gazetteer()  # build or open the store here, so workers never race to build it
    with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(), initializer=_init_worker) as pool:
        window: deque = deque()
        for chunk in _chunked(items, size):
            window.append(pool.submit(_parse_chunk, chunk))
            while len(window) >= workers * _WINDOW:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


# -- Dask --------------------------------------------------------------------------------

def _client_for(scheduler, workers) -> tuple[object, Callable[[], None]]:
    """A distributed Client for ``scheduler`` and a function that releases what we started."""
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        return scheduler, lambda: None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)

        def close():
            client.close()
            cluster.close()

        return client, close
    client = Client(scheduler)  # an address or a cluster object
    return client, client.close


def _parse_partition(items):
    """Dask: one gazetteer per partition, opened in the worker."""
    return _parse_chunk(list(items), _open_gazetteer())


def _run_dask(items: Iterator[Item], workers, scheduler, chunksize) -> Iterator[Result]:
    import dask.bag as db

    client = close = None
    try:
        for batch in _chunked(items, _DASK_BATCH):
            if not any(isinstance(i, Document) for i in batch):
                yield from batch  # problems only: no cluster needed for them
                continue
            if client is None:
                client, close = _client_for(scheduler, workers)
                n_workers = len(client.scheduler_info().get("workers", {})) or workers or default_workers()
            size = chunksize or max(1, min(CHUNK * 16, -(-len(batch) // (n_workers * 4))))
            bag = db.from_sequence(batch, partition_size=size)
            futures = client.compute(bag.map_partitions(_parse_partition).to_delayed())
            for part in client.gather(futures):
                yield from part
    finally:
        if close is not None:
            close()


def _progress_bar(progress: bool | None, engine: str):
    from tqdm import tqdm

    if progress is None:
        progress = sys.stderr.isatty()
    return tqdm(file=sys.stderr, disable=not progress, desc=f"parsing ({engine})", unit="doc", leave=False)
