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

The runner reads the inputs and chooses the engine; the parsing itself is the
``Pipeline``'s (:mod:`geo.pipeline`: gazetteer, stages, parse cache), run on
an engine (:mod:`geo.engines`): local processes (the default; ``workers=1``
parses in this process) or a Dask cluster (``engine="dask"``, where
:func:`collect` also fuses on the cluster).

>>> for item in run(["reports/"]):  # doctest: +SKIP
...     print(item)
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator, Sequence

from geo.engines import ENGINES, engine as _engine
from geo.engines.base import Collected, Item, Result
from geo.model import Document, InputError, ParsedDocument, StrikemapError
from geo.pipeline import Pipeline
from geo.events.sources import join_same_reports
from geo.text.documents import SameReport, iter_documents, normalise_text, readable, unique_ids, with_language

__all__ = ["ENGINES", "Collected", "collect", "parse_many", "parse_stream", "read_inputs", "run"]


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
    return readable(unique_ids(map(with_language, _read(inputs, published, outlet))))


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


def _pipeline(pipeline: Pipeline | None, gazetteer, cache) -> Pipeline:
    """The pipeline given, or one built with the default stages for ``gazetteer`` and ``cache``."""
    return pipeline if pipeline is not None else Pipeline(gazetteer, cache=cache)


def parse_stream(
    items: Iterable[Item], *, workers: int | None = None, engine: str = "processes", scheduler=None,
    progress: bool | None = None, gazetteer=None, chunksize: int | None = None, cache=True, detail: bool = True,
    pipeline: Pipeline | None = None,
) -> Iterator[Result]:
    """Parse the documents of ``items`` (problems pass through in place), in order, guarded.

    ``pipeline`` (default: one with the default stages, ``gazetteer`` and
    ``cache``) is handed whole to the engine. ``workers`` defaults to all
    cores (processes) or the cluster's size (dask); ``workers=1`` parses in
    this process. ``scheduler`` is a Dask scheduler address, a
    ``distributed.Client`` or a cluster object; without one, a
    ``LocalCluster`` is started for the call. ``progress`` shows a tqdm bar
    on stderr (default: when stderr is a terminal). ``cache``: True for the
    default parse cache, False for none, or a path or
    :class:`~geo.cache.ParseCache`. ``detail=False`` drops sentences,
    candidate spans and mentions from the results (what ``map`` and
    ``export`` do not use).
    """
    runner = _engine(engine)
    pipeline = _pipeline(pipeline, gazetteer, cache)
    options = {"scheduler": scheduler} if engine == "dask" else {}
    with _progress_bar(progress, engine) as bar:
        for result in runner.parse_stream(pipeline, iter(items), workers=workers, chunksize=chunksize, detail=detail,
                                          **options):
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


def collect(items: Iterable[Item], *, fuse: bool = True, keep_documents: bool = False, engine: str = "processes",
            progress: bool | None = None, workers: int | None = None, scheduler=None, chunksize: int | None = None,
            gazetteer=None, cache=True, pipeline: Pipeline | None = None) -> Collected:
    """Parse ``items`` and keep what a map needs: events (fused unless ``fuse=False``), claims, problems.

    Documents are parsed and dropped one by one (kept only with
    ``keep_documents``), so memory grows with the events, not with the
    corpus. On Dask (``engine="dask"``) fusion runs on the cluster too and only
    the fused events come back. Options as in :func:`parse_stream`.
    """
    runner = _engine(engine)
    pipeline = _pipeline(pipeline, gazetteer, cache)
    options = {"scheduler": scheduler} if engine == "dask" else {}
    with _progress_bar(progress, engine) as bar:
        got = runner.collect(pipeline, iter(items), fuse=fuse, keep_documents=keep_documents, bar=bar,
                             workers=workers, chunksize=chunksize, **options)
    same = [(p.first, p.document) for p in got.problems if isinstance(p, SameReport)]  # read once, sources joined
    got.events, got.claims = join_same_reports(got.events, same), join_same_reports(got.claims, same)
    return got


def _progress_bar(progress: bool | None, engine: str):
    from tqdm import tqdm

    if progress is None:
        progress = sys.stderr.isatty()
    return tqdm(file=sys.stderr, disable=not progress, desc=f"parsing ({engine})", unit="doc", leave=False)
