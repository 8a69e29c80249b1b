"""The text-to-events pipeline: one object that owns the gazetteer, the stages and the parse cache.

A :class:`Pipeline` (spaCy's ``Language`` is the model) is configured once and
handed whole to an engine (:mod:`geo.engines`: local processes or a Dask
cluster); the API and every command build one. Each stage is a pure function
``(ParsedDocument, gazetteer) -> ParsedDocument`` that adds one kind of
annotation, as spaCy's components do:

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
naming the document and the stage; the engines turn it into a one-line error
and go on with the next document.

Stages travel with the pipeline: one added with :meth:`Pipeline.add_stage`
runs in every worker, forked, spawned or on Dask. :func:`add_stage` (and
:func:`stage_added`) add a stage to the default list that every ``Pipeline``
built later in this process starts from, which is how a command-line run
picks up a plugin's stage or a test's fault injection.

>>> nlp = Pipeline()                                                    # doctest: +SKIP
>>> nlp("Russian drones struck Odesa overnight.").events[0].location.place.name  # doctest: +SKIP
'Odesa'
>>> for result in nlp.pipe(["reports/"], n_process=2): ...              # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from gazetteer import Gazetteer, default_gazetteer
from geo.events.building import extract_events
from geo.events.claims import extract_area_claims
from geo.model import Document, ParsedDocument, StageError
from geo.places.resolve import resolve_mentions
from geo.places.cyrillic import CYRILLIC_LANGUAGES, find_cyrillic_mentions
from geo.places.toponyms import find_mentions
from geo.text.documents import PART_CHARS, split_parts
from geo.text.language import detect_language
from geo.text.sentences import split_sentences

Stage = Callable[[ParsedDocument, Gazetteer], ParsedDocument]


def read_sentences(pd: ParsedDocument, gaz: Gazetteer) -> ParsedDocument:
    """Sentences, and the document's language when nobody said it (each later stage reads by it)."""
    doc = pd.document if pd.document.language is not None else replace(pd.document, language=detect_language(pd.document.text))
    return replace(pd, document=doc, sentences=tuple(split_sentences(doc.text)))


def find_candidates(pd: ParsedDocument, gaz: Gazetteer) -> ParsedDocument:
    find = find_cyrillic_mentions if pd.document.language in CYRILLIC_LANGUAGES else find_mentions
    return replace(pd, candidates=tuple(find(pd.document, list(pd.sentences), gaz)))


def resolve_places(pd: ParsedDocument, gaz: Gazetteer) -> ParsedDocument:
    resolved = resolve_mentions(pd.document, list(pd.sentences), list(pd.candidates), gaz)
    return replace(pd, mentions=tuple(resolved))


def read_events(pd: ParsedDocument, gaz: Gazetteer) -> ParsedDocument:
    return replace(pd, events=tuple(extract_events(pd.document, list(pd.sentences), list(pd.mentions), gaz)))


def read_claims(pd: ParsedDocument, gaz: Gazetteer) -> ParsedDocument:
    claims = extract_area_claims(pd.document, list(pd.sentences), list(pd.mentions), gaz)
    return replace(pd, area_claims=tuple(claims))


#: The stages a ``Pipeline`` starts from, in order: (name, function). :func:`add_stage`
#: and :func:`remove_stage` edit it; a ``Pipeline`` copies it when it is built.
STAGES: list[tuple[str, Stage]] = [
    ("sentences", read_sentences),
    ("toponyms", find_candidates),
    ("resolve", resolve_places),
    ("events", read_events),
    ("claims", read_claims),
]


def _insert(stages: list, name: str, stage: Stage, after: str | None) -> None:
    if any(n == name for n, _ in stages):
        raise ValueError(f"a stage named {name!r} is already in the pipeline")
    names = [n for n, _ in stages]
    at = len(stages) if after is None else names.index(after) + 1
    stages.insert(at, (name, stage))


def add_stage(name: str, stage: Stage, *, after: str | None = None) -> None:
    """Add ``stage`` after ``after`` (default: last) to the stages every later ``Pipeline`` starts from."""
    _insert(STAGES, name, stage, after)


def remove_stage(name: str) -> None:
    """Take the stage ``name`` out of the default stages."""
    STAGES[:] = [(n, s) for n, s in STAGES if n != name]


@contextlib.contextmanager
def stage_added(name: str, stage: Stage, *, after: str | None = None) -> Iterator[None]:
    """``add_stage`` for the duration of a ``with`` block."""
    add_stage(name, stage, after=after)
    try:
        yield
    finally:
        remove_stage(name)


_shared_stores: dict[str, Gazetteer] = {}


def _shared_gazetteer(path: str | None) -> Gazetteer:
    """One opened store per path and process, so a pipeline unpickled per task keeps warm caches."""
    if path is None:
        return default_gazetteer()
    gaz = _shared_stores.get(path)
    if gaz is None:
        gaz = _shared_stores[path] = Gazetteer(path)
    return gaz


def _restore(gazetteer_path: str | None, stages: list, cache, part_chars: int) -> "Pipeline":
    gazetteer = _shared_gazetteer(gazetteer_path) if gazetteer_path is not None else None
    return Pipeline(gazetteer, stages=stages, cache=cache, part_chars=part_chars)


class Pipeline:
    """The gazetteer, the stages and the parse cache, configured once and run anywhere.

    ``gazetteer``: a :class:`~gazetteer.Gazetteer` (default: the process-wide
    store, opened on first use). ``stages``: (name, function) pairs (default:
    :data:`STAGES`). ``cache``: True for the default parse cache, False for
    none, or a path or :class:`~geo.cache.ParseCache`. The object pickles as
    its configuration (store path, stages, cache path), so an engine hands it
    whole to worker processes and Dask workers, which reopen the store and
    the cache once each.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, stages: Iterable[tuple[str, Stage]] | None = None,
                 cache=True, part_chars: int = PART_CHARS):
        self._given_gazetteer = gazetteer  # travels to workers; the default store is each machine's own
        self._gazetteer = gazetteer
        self.stages: list[tuple[str, Stage]] = list(STAGES if stages is None else stages)
        self.cache = cache
        self.part_chars = part_chars
        self._opened_cache = None  # (pid, ParseCache | None)

    def __reduce__(self):
        from geo.cache import ParseCache

        cache = self.cache
        if isinstance(cache, ParseCache):
            cache = str(cache.path)
        path = None if self._given_gazetteer is None else str(self._given_gazetteer.path)
        return (_restore, (path, self.stages, cache, self.part_chars))

    def __repr__(self) -> str:
        return f"Pipeline(stages={self.stage_names}, gazetteer={self._gazetteer!r}, cache={self.cache!r})"

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer the stages ask (opened, and built if missing, on first use)."""
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    @property
    def stage_names(self) -> list[str]:
        return [n for n, _ in self.stages]

    def add_stage(self, name: str, stage: Stage, *, after: str | None = None) -> "Pipeline":
        """Run ``stage`` after the stage named ``after`` (default: last); returns the pipeline."""
        _insert(self.stages, name, stage, after)
        return self

    def remove_stage(self, name: str) -> "Pipeline":
        self.stages = [(n, s) for n, s in self.stages if n != name]
        return self

    # -- one document --
    def parse(self, doc: Document) -> ParsedDocument:
        """Run every stage over ``doc``; a stage that raises becomes a :class:`StageError`."""
        gaz = self.gazetteer
        pd = ParsedDocument(doc)
        head = [s for s in self.stages if s[0] == "sentences"]
        if head:
            pd = _run(pd, gaz, head)
        rest = [s for s in self.stages if s[0] != "sentences"]
        parts = split_parts(doc.text, self.part_chars)
        if len(parts) == 1:
            return _run(pd, gaz, rest)
        return _run_in_parts(pd, gaz, rest, parts)

    def __call__(self, text: str, *, id: str = "text", **metadata) -> ParsedDocument:
        """Parse a string as one document (``published``, ``outlet``, ``url`` as keywords)."""
        return self.parse(Document(id=id, text=text, **metadata))

    # -- the parse cache --
    @property
    def version(self) -> str | None:
        """The parse cache's key for this pipeline: code, gazetteer store and stages (None: not cacheable)."""
        from geo.cache import pipeline_version

        return pipeline_version(self.gazetteer, self.stages)

    def open_cache(self):
        """This process's :class:`~geo.cache.ParseCache` for this pipeline's version, or None (off, unusable)."""
        import os

        from geo.cache import ParseCache, cache_path

        pid = os.getpid()
        if self._opened_cache is None or self._opened_cache[0] != pid:
            if isinstance(self.cache, ParseCache):
                opened = self.cache
            else:
                path = cache_path(self.cache)
                opened = ParseCache.open(self.gazetteer, path, stages=self.stages) if path is not None else None
            self._opened_cache = (pid, opened)
        return self._opened_cache[1]

    # -- many documents --
    def pipe(self, items: Iterable, *, n_process: int | None = None, engine: str = "processes", scheduler=None,
             chunksize: int | None = None, detail: bool = True) -> Iterator:
        """Parse texts or ``Document``s in order, guarded, on an engine (spaCy's ``nlp.pipe``).

        Yields a ``ParsedDocument`` per item and, where a stage failed, the
        :class:`StageError` just before its (empty) result. ``geo.runner``
        does the same for paths, folders and corpora.
        """
        from geo.engines import engine as get_engine

        docs = (Document(id=f"text-{n}", text=item) if isinstance(item, str) else item
                for n, item in enumerate(items, 1))
        options = {"scheduler": scheduler} if engine == "dask" else {}
        return get_engine(engine).parse_stream(self, docs, workers=n_process, chunksize=chunksize, detail=detail,
                                               **options)


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


def parse_document(doc: Document, gazetteer: Gazetteer | None = None, *, part_chars: int = PART_CHARS) -> ParsedDocument:
    """``Pipeline(gazetteer).parse(doc)`` with the default stages: one document, unguarded."""
    return Pipeline(gazetteer, cache=False, part_chars=part_chars).parse(doc)


def parse_text(text: str, *, id: str = "text", gazetteer: Gazetteer | None = None, part_chars: int = PART_CHARS,
               **metadata) -> ParsedDocument:
    """Parse a string as one document (``published``, ``outlet``, ``url`` as keywords)."""
    return parse_document(Document(id=id, text=text, **metadata), gazetteer, part_chars=part_chars)
