"""The local engine: this process, or a pool of local worker processes.

With one worker (or one document) the pipeline parses in this process.
Otherwise documents go to a process pool in chunks; each worker receives the
``Pipeline`` once, when it starts, and opens its gazetteer store and parse
cache once. At most a few chunks per worker are in flight, so memory stays
flat however long the stream; results come back in input order. Cache hits
are read here, and only misses travel.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from geo.engines.base import CHUNK, WINDOW, Collected, Item, Result, collect_stream, default_workers, parse_items
from geo.model import Document, ParsedDocument

_worker_pipeline = None  # set in each pool worker by _init_worker


def parse_stream(pipeline, items: Iterator[Item], *, workers: int | None = None, chunksize: int | None = None,
                 detail: bool = True, scheduler=None) -> Iterator[Result]:
    """Problems and ``ParsedDocument``s in input order, parsed here or in ``workers`` processes."""
    size = chunksize or CHUNK
    n = workers or default_workers()
    head = list(itertools.islice(items, size + 1))
    rest = itertools.chain(head, items)
    if n <= 1 or sum(isinstance(i, Document) for i in head) <= 1:
        return _run_here(pipeline, rest, detail)
    return _run_pool(pipeline, rest, n, size, detail)


def collect(pipeline, items: Iterator[Item], *, fuse: bool = True, keep_documents: bool = False, bar=None,
            workers: int | None = None, chunksize: int | None = None, scheduler=None) -> Collected:
    """Parse and keep what a map needs; events fused here unless ``fuse=False``."""
    def counted():
        for result in parse_stream(pipeline, items, workers=workers, chunksize=chunksize, detail=keep_documents):
            if bar is not None and isinstance(result, ParsedDocument):
                bar.update(1)
            yield result

    return collect_stream(counted(), fuse=fuse, keep_documents=keep_documents)


def _run_here(pipeline, items: Iterator[Item], detail: bool) -> Iterator[Result]:
    cache = None
    for item in items:
        if cache is None and isinstance(item, Document):  # the store is opened for documents only
            cache = pipeline.open_cache() or False
        (results,) = parse_items(pipeline, [item], cache or None, detail)
        yield from results


def _parse_chunk(chunk: Sequence[Item], cache, detail: bool = True) -> list[list[Result]]:
    """A pool worker's job: the chunk's documents parsed (and stored in the cache), results per item."""
    return parse_items(_worker_pipeline, chunk, cache, detail)


def _init_worker(pipeline) -> None:
    global _worker_pipeline
    _worker_pipeline = pipeline
    pipeline.gazetteer  # noqa: B018 - open the store once, before the first chunk


def _pool_context():
    # fork where there is one: workers start at once and scripts need no
    # ``if __name__ == "__main__"`` guard. The gazetteer reopens its SQLite
    # connection in a forked child (it checks the pid), so nothing unsafe is shared.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


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


def _run_pool(pipeline, items: Iterator[Item], workers: int, size: int, detail: bool) -> Iterator[Result]:
    """Parse in ``workers`` processes, in order. Cache hits are read here; only misses travel."""
    pipeline.gazetteer  # noqa: B018 - build or open the store here, so workers never race to build it
    store = pipeline.open_cache()
    with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(), initializer=_init_worker,
                             initargs=(pipeline,)) as pool:
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
                        if not finish and len(queue) < size * workers * WINDOW:
                            return  # its batch is still filling (cache hits wait behind it, a bounded number)
                        submit()
                    if not (finish or in_flight >= workers * WINDOW or owner.future.done()):
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
