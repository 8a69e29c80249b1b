"""Parse many documents in parallel: local processes, or a Dask cluster.

Both engines give the same result as parsing one document after another in
one process, in input order. Local workers open the gazetteer once each (a
pool initializer) and take documents in chunks; on Dask, each partition of a
``dask.bag`` opens one gazetteer for all its documents.

>>> parsed = parse_many(docs, workers=4)  # doctest: +SKIP
>>> parsed = parse_many(docs, engine="dask", scheduler="tcp://10.0.0.5:8786")  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed

from geo.model import Document, InputError, ParsedDocument

log = logging.getLogger(__name__)

ENGINES = ("processes", "dask")
_MAX_CHUNK = 64
_worker_gazetteer = None  # set in each pool worker by _init_worker


def default_workers() -> int:
    """Cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _where(doc: Document) -> str:
    if doc.path:
        return f"{doc.path}:{doc.line}" if doc.line else doc.path
    return doc.id


def _open_gazetteer():
    from gazetteer import default_gazetteer

    return default_gazetteer()


def _parse_one(doc: Document, gazetteer, guard: bool) -> tuple[ParsedDocument, tuple[str, str] | None]:
    """Parse ``doc``; with ``guard``, a failure becomes (where, problem) and an empty result.

    The problem travels as a plain tuple: ``InputError`` does not pickle.
    """
    from geo.pipeline import parse_document

    if not guard:
        return parse_document(doc, gazetteer), None
    try:
        return parse_document(doc, gazetteer), None
    except Exception as exc:  # noqa: BLE001 - one document must not sink a batch
        log.debug("pipeline failed on %s", doc.id, exc_info=True)
        return ParsedDocument(doc), (_where(doc), f"pipeline failed: {type(exc).__name__}: {exc}")


def _parse_chunk(docs: Sequence[Document], guard: bool, gazetteer=None) -> list[tuple]:
    gaz = gazetteer if gazetteer is not None else (_worker_gazetteer or _open_gazetteer())
    return [_parse_one(doc, gaz, guard) for doc in docs]


def _init_worker() -> None:
    global _worker_gazetteer
    _worker_gazetteer = _open_gazetteer()


def _parse_partition(docs, guard: bool):
    """Dask: one gazetteer per partition, opened in the worker."""
    return _parse_chunk(list(docs), guard, _open_gazetteer())


def _chunks(seq: Sequence, size: int) -> list[Sequence]:
    return [seq[i:i + size] for i in range(0, len(seq), size)]


def _progress_bar(total: int, progress: bool | None, desc: str):
    from tqdm import tqdm

    if progress is None:
        progress = sys.stderr.isatty()
    return tqdm(total=total, file=sys.stderr, disable=not progress, desc=desc, unit="doc", leave=False)


def parse_many(
    documents: Sequence[Document], *, workers: int | None = None, engine: str = "processes",
    scheduler=None, progress: bool | None = None, errors: list[InputError] | None = None,
    gazetteer=None, chunksize: int | None = None,
) -> list[ParsedDocument]:
    """Parse ``documents``; return their ``ParsedDocument`` in input order.

    ``workers`` defaults to all cores (processes) or the cluster's size (dask);
    ``workers=1`` parses in this process, no pool. ``scheduler`` is a Dask
    scheduler address, a ``distributed.Client`` or a cluster object; without
    one, a ``LocalCluster`` is started for the call. ``progress`` shows a tqdm
    bar on stderr (default: when stderr is a terminal). When ``errors`` is a
    list, a document the pipeline fails on is reported there (naming its file)
    and yields an empty result; otherwise the exception propagates.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    documents = list(documents)
    guard = errors is not None
    if engine == "dask":
        pairs = _run_dask(documents, workers, scheduler, progress, guard, chunksize)
    else:
        n = workers or default_workers()
        if n <= 1 or len(documents) <= 1:
            pairs = _run_local(documents, progress, guard, gazetteer)
        else:
            pairs = _run_pool(documents, n, progress, guard, chunksize)
    out = []
    for parsed, error in pairs:
        out.append(parsed)
        if error is not None and errors is not None:
            errors.append(InputError(*error))
    return out


def _run_local(documents, progress, guard, gazetteer):
    gaz = gazetteer if gazetteer is not None else (_open_gazetteer() if documents else None)
    out = []
    with _progress_bar(len(documents), progress, "parsing") as bar:
        for doc in documents:
            out.append(_parse_one(doc, gaz, guard))
            bar.update(1)
    return out


def _pool_context():
    # fork where there is one: workers start at once and scripts need no
    # ``if __name__ == "__main__"`` guard. The gazetteer reopens its SQLite
    # connection in a forked child (it checks the pid), so nothing unsafe is shared.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _run_pool(documents, workers, progress, guard, chunksize):
    # Build or open the store once here, so workers never race to build it.
    _open_gazetteer()
    size = chunksize or max(1, min(_MAX_CHUNK, len(documents) // (workers * 4) or 1))
    chunks = _chunks(documents, size)
    results: list = [None] * len(chunks)
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=_pool_context(),
                             initializer=_init_worker) as pool, \
            _progress_bar(len(documents), progress, f"parsing ({workers} processes)") as bar:
        futures = {pool.submit(_parse_chunk, chunk, guard): i for i, chunk in enumerate(chunks)}
        for future in as_completed(futures):
            i = futures[future]
            results[i] = future.result()
            bar.update(len(chunks[i]))
    return [pair for chunk in results for pair in chunk]


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


def _run_dask(documents, workers, scheduler, progress, guard, chunksize):
    if not documents:
        return []
    import dask.bag as db
    from distributed import as_completed as dask_completed

    client, close = _client_for(scheduler, workers)
    try:
        n_workers = len(client.scheduler_info().get("workers", {})) or workers or default_workers()
        size = chunksize or max(1, min(_MAX_CHUNK * 4, -(-len(documents) // (n_workers * 4))))
        bag = db.from_sequence(documents, partition_size=size)
        parts = bag.map_partitions(_parse_partition, guard).to_delayed()
        futures = client.compute(parts)
        sizes = [len(c) for c in _chunks(documents, size)]
        with _progress_bar(len(documents), progress, "parsing (dask)") as bar:
            index = {f.key: i for i, f in enumerate(futures)}
            for future in dask_completed(futures):
                bar.update(sizes[index[future.key]] if len(sizes) == len(futures) else 0)
        results = client.gather(futures)
    finally:
        close()
    return [pair for part in results for pair in part]
