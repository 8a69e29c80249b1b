"""The Dask engine: parse, and fuse, on a cluster.

:func:`parse_stream` sends documents to the workers in chunks and yields
their ``ParsedDocument``s back in input order (``strikemap parse``,
``geo.analyze(..., engine="dask")``). :func:`collect` goes further:
the events stay on the workers, are fused there partition by partition
(``geo.events.fuse.partition_key``; the salvo pass by ``salvo_key``), and the
driver receives only the fused events, the area claims, the problems and a
count of documents. Fused events are the same, ids included, as fusing in one
process.

Every task carries the ``Pipeline`` (its stages included, so a stage added to
it runs on the cluster too). Each worker process opens the gazetteer store
(building it if its machine has none) and the parse cache once, on its first
task, and keeps them. The cache a worker uses is the one on its own machine
(``$STRIKEMAP_PARSE_CACHE``, else beside its gazetteer store), under its own
pipeline version. The cluster's own log (``distributed``) is quiet unless the
command runs with ``-v``.

The driver reads the inputs as a stream and keeps a few chunks per worker in
flight, so memory stays flat in the corpus size (apart from the events).

Start a cluster by hand with ``dask scheduler`` and ``dask worker ADDRESS``
(see the README), then ``strikemap map reports/ --engine dask --scheduler ADDRESS``.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections import deque
from collections.abc import Callable, Iterator

from geo.engines.base import CHUNK, WINDOW, Collected, Item, Result, chunked, default_workers, parse_items
from geo.events.fuse import fold_salvos, fuse_partition, in_order, partition_key, salvo_candidate, salvo_key, split
from geo.model import Document, InputError, ParsedDocument

#: Documents in one task (unless the caller gives a chunk size).
_TASK_DOCS = CHUNK * 8

_lock = threading.Lock()
_caches: dict[tuple, object] = {}


# -- on the workers ------------------------------------------------------------------------

def _worker_cache(pipeline):
    """This worker's parse cache for ``pipeline``, opened on its first task and kept."""
    from geo.cache import ParseCache, cache_path

    path = cache_path(pipeline.cache)
    if path is None:
        return None
    key = (path, str(pipeline.gazetteer.path), tuple(pipeline.stage_names))
    with _lock:
        if key not in _caches:
            _caches[key] = ParseCache.open(pipeline.gazetteer, path, stages=pipeline.stages)
        return _caches[key]


def _parse_task(pipeline, items: list[tuple[int, Item]], detail: bool) -> list[tuple[int, list[Result]]]:
    results = parse_items(pipeline, [item for _, item in items], _worker_cache(pipeline), detail)
    return [(pos, rs) for (pos, _), rs in zip(items, results)]


def _parse_for_fusion(pipeline, items: list[tuple[int, Item]], keep: bool, partitions: int):
    """Parse a chunk; return what the driver needs (small) and the events split for fusion (stay here)."""
    meta: dict = {"n": 0, "problems": [], "claims": [], "documents": []}
    events = []
    for pos, results in _parse_task(pipeline, items, keep):
        for r in results:
            if isinstance(r, ParsedDocument):
                meta["n"] += 1
                meta["claims"].append((pos, r.area_claims))
                events.extend(r.events)
                if keep:
                    meta["documents"].append((pos, r))
            else:
                meta["problems"].append((pos, r))
    return meta, split(events, partitions, partition_key)


def _meta(parsed):
    return parsed[0]


def _events_of(parsed, j: int):
    return parsed[1][j]


def _fuse_task(partitions: int, *parts):
    """Fuse one partition; the fused events that may be salvo tellings are split again for the salvo pass."""
    done, salvo = [], []
    for fused in fuse_partition(e for part in parts for e in part):
        if salvo_candidate(fused[0]):
            salvo.append(fused)
        else:
            done.append(fused[0])
    return done, split(salvo, partitions, lambda f: salvo_key(f[0]))


def _done(fused):
    return fused[0]


def _salvo_of(fused, j: int):
    return fused[1][j]


def _fold_task(*parts):
    return fold_salvos(f for part in parts for f in part)


def _all_events(*parts):
    return [e for part in parts for e in part]


# -- on the driver -------------------------------------------------------------------------

def _quiet() -> bool:
    """Keep ``distributed``'s INFO lines out of a run unless logging asks for INFO (``strikemap -v``)."""
    if logging.getLogger().isEnabledFor(logging.INFO):
        return False
    logging.getLogger("distributed").setLevel(logging.WARNING)
    return True


def client_for(scheduler, workers) -> tuple[object, Callable[[], None]]:
    """A distributed Client for ``scheduler`` and a function that releases what we started.

    ``scheduler``: an address, a ``Client`` (left open), a cluster object, or
    None for a ``LocalCluster`` of ``workers`` processes started for the call.
    """
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        return scheduler, lambda: None
    if scheduler is None:
        quiet = _quiet()
        cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.WARNING if quiet else False)
        client = Client(cluster)

        def close():
            client.close()
            cluster.close()

        return client, close
    _quiet()
    client = Client(scheduler)  # an address or a cluster object
    return client, client.close


class _Session:
    """A client opened on the first document (problems alone need no cluster), closed at the end."""

    def __init__(self, scheduler, workers):
        self.scheduler, self.workers = scheduler, workers
        self.client = None
        self.n_workers = workers or default_workers()
        self._close = None

    def start(self):
        if self.client is None:
            self.client, self._close = client_for(self.scheduler, self.workers)
            self.n_workers = len(self.client.scheduler_info().get("workers", {})) or self.n_workers
        return self.client

    def close(self):
        if self._close is not None:
            self._close()


def _tasks(items: Iterator[Item], size: int) -> Iterator[tuple[list[tuple[int, Item]], list[tuple[int, Item]]]]:
    """Chunks of positioned inputs: (problems read here, documents for a worker)."""
    for chunk in chunked(enumerate(items), size):
        yield ([(p, i) for p, i in chunk if not isinstance(i, Document)],
               [(p, i) for p, i in chunk if isinstance(i, Document)])


def parse_stream(pipeline, items: Iterator[Item], *, workers=None, scheduler=None, chunksize=None,
                 detail: bool = True) -> Iterator[Result]:
    """Parse on Dask; yield problems and ``ParsedDocument``s in input order, as each chunk is back."""
    session = _Session(scheduler, workers)
    window: deque = deque()  # (problems read here, future or None)
    try:
        for problems, docs in _tasks(items, chunksize or _TASK_DOCS):
            future = None
            if docs:
                client = session.start()
                future = client.submit(_parse_task, pipeline, docs, detail, pure=False)
            window.append((problems, future))
            while window and (window[0][1] is None or len(window) > session.n_workers * WINDOW):
                yield from _in_order_results(*window.popleft())
        while window:
            yield from _in_order_results(*window.popleft())
    finally:
        session.close()


def _in_order_results(problems, future) -> Iterator[Result]:
    parsed = future.result() if future is not None else []
    merged = sorted([(p, [i]) for p, i in problems] + parsed, key=lambda x: x[0])
    for _, results in merged:
        yield from results


def collect(pipeline, items: Iterator[Item], *, fuse: bool = True, keep_documents: bool = False, bar=None,
            workers=None, scheduler=None, chunksize=None) -> Collected:
    """Parse and fuse on Dask; the driver receives fused events, claims, problems (and documents if asked)."""
    session = _Session(scheduler, workers)
    problems: list[tuple[int, InputError]] = []
    claims: list[tuple[int, tuple]] = []
    documents: list[tuple[int, ParsedDocument]] = []
    out = Collected()
    parsed_futures = []
    window: deque = deque()
    partitions = 1

    def absorb(meta):
        out.n_documents += meta["n"]
        problems.extend(meta["problems"])
        claims.extend(meta["claims"])
        documents.extend(meta["documents"])
        if bar is not None:
            bar.update(meta["n"])

    try:
        for read_problems, docs in _tasks(items, chunksize or _TASK_DOCS):
            problems.extend(read_problems)
            if not docs:
                continue
            if session.client is None:
                session.start()
                partitions = 2 * session.n_workers
            client = session.client
            parsed = client.submit(_parse_for_fusion, pipeline, docs, keep_documents, partitions, pure=False)
            parsed_futures.append(parsed)
            window.append(client.submit(_meta, parsed))
            while len(window) > session.n_workers * WINDOW:
                absorb(window.popleft().result())
        while window:
            absorb(window.popleft().result())
        if parsed_futures:
            out.events = _events_on_cluster(session.client, parsed_futures, partitions, fuse)
    finally:
        session.close()
    out.problems = [p for _, p in sorted(problems, key=lambda x: x[0])]
    out.claims = [c for _, cs in sorted(claims, key=lambda x: x[0]) for c in cs]
    out.documents = [d for _, d in sorted(documents, key=lambda x: x[0])]
    return out


def _events_on_cluster(client, parsed_futures, partitions: int, fuse: bool) -> list:
    """Fuse the events where they are; only the fused events come back."""
    parts = [[client.submit(_events_of, f, j) for f in parsed_futures] for j in range(partitions)]
    if not fuse:
        return list(itertools.chain.from_iterable(client.gather([client.submit(_all_events, *p) for p in parts])))
    fused = [client.submit(_fuse_task, partitions, *p) for p in parts]
    done = [client.submit(_done, f) for f in fused]
    folded = [client.submit(_fold_task, *[client.submit(_salvo_of, f, j) for f in fused]) for j in range(partitions)]
    return in_order(itertools.chain.from_iterable(client.gather(done + folded)))
