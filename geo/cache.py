"""The parse cache: what the pipeline read from a document, kept between runs.

A daily run over everything collected so far re-reads yesterday's reports
unchanged; with the cache, only new or changed documents are parsed, and the
rest is read back (then fused and rendered as usual).

* **Key**: a hash of the document's content — its text and the metadata the
  pipeline reads (id, outlet, publication date, url, title) — and the
  **pipeline version**: a hash of the package's code files (``geo/`` and
  ``gazetteer/``, data files included), the gazetteer store's digest and the
  list of pipeline stages. A result is never returned for another version: a
  code edit, a rebuilt store or an added stage makes every entry a miss.
* **Where**: ``parses.sqlite`` in the user cache directory, beside the gazetteer
  store (``$STRIKEMAP_CACHE_DIR``); ``$STRIKEMAP_PARSE_CACHE`` names another
  file, or ``off``. ``strikemap cache info|clear`` shows and empties it.
* **Safety**: SQLite in WAL mode; each batch of results is written in one
  transaction, so a reader never sees half an entry and several processes
  (pool workers, Dask workers on this machine, two runs at once) can read and
  write it together. Entries are pickles read back by an unpickler that only
  builds the pipeline's own data classes. A cache that cannot be opened or
  written is skipped with one warning; it never fails a run.
* **What**: ``summary`` (events, area claims) and ``detail`` (sentences,
  candidate spans, mentions) are stored apart, so a run that only needs the
  events (``map``, ``export``, ``summary``) reads the small part only.
  Documents a stage failed on are not kept.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import logging
import os
import pickle
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from geo.model import (
    AreaClaim, Disagreement, Document, Event, Location, Mention, ParsedDocument, ResolvedMention, Sentence, Source,
)

log = logging.getLogger(__name__)

ENV_PARSE_CACHE = "STRIKEMAP_PARSE_CACHE"
FILE_NAME = "parses.sqlite"
#: Bump when the stored layout changes.
FORMAT = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS parses (
    key TEXT NOT NULL,
    version TEXT NOT NULL,
    written REAL NOT NULL,
    summary BLOB NOT NULL,
    detail BLOB NOT NULL,
    PRIMARY KEY (key, version)
)
"""
_PACKAGES = ("geo", "gazetteer")
_ALLOWED = {
    ("datetime", "date"),
    ("gazetteer.model", "Place"),
    *{("geo.model", cls.__name__) for cls in (AreaClaim, Disagreement, Event, Location, Mention,
                                               ResolvedMention, Sentence, Source)},
}


# -- keys and versions ---------------------------------------------------------------------

def document_key(doc: Document) -> str:
    """A hash of the document's text and of the metadata the pipeline reads."""
    # Not the language: the pipeline fills it in from the text, so a document as read and as parsed
    # must key alike (a language a corpus line states that differs from its text's is not told apart).
    meta = [doc.id, doc.outlet, doc.published.isoformat() if doc.published else None, doc.url, doc.title, doc.via]
    h = hashlib.sha256(json.dumps(meta, ensure_ascii=False, default=str).encode())
    h.update(b"\0")
    h.update(doc.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of every file of the ``geo`` and ``gazetteer`` packages (code and data)."""
    import importlib

    h = hashlib.sha256(f"format={FORMAT}\n".encode())
    for name in _PACKAGES:
        root = Path(importlib.import_module(name).__file__).parent
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            h.update(f"{name}/{path.relative_to(root).as_posix()}\n".encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def _stage_signature(stages) -> str | None:
    """The stages as run; None when one cannot be identified (its results are not cached)."""
    import inspect

    parts = []
    for name, stage in stages:
        module = getattr(stage, "__module__", None) or ""
        parts.append(f"{name}={module}.{getattr(stage, '__qualname__', repr(stage))}")
        if module.split(".")[0] not in _PACKAGES:  # a plugin's stage: its code is part of the version
            try:
                parts.append(hashlib.sha256(Path(inspect.getsourcefile(stage)).read_bytes()).hexdigest())
            except (TypeError, OSError):
                return None
    return "\n".join(parts)


def pipeline_version(gazetteer, stages) -> str | None:
    """The version results are stored under: code, gazetteer store and stages; None if unknowable.

    ``Pipeline.version`` asks this with its own gazetteer and stages.
    """
    stages = _stage_signature(stages)
    if stages is None:
        return None
    info = gazetteer.info()
    store = f"{info.get('input_hash')}:{info.get('built')}:{info.get('schema_version')}"
    return hashlib.sha256(f"{code_digest()}\n{store}\n{stages}".encode()).hexdigest()[:32]


# -- the store -----------------------------------------------------------------------------

class _Unpickler(pickle.Unpickler):
    """Builds only the pipeline's data classes and dates: a tampered entry cannot run code."""

    def find_class(self, module: str, name: str):
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not a parse result type")
        return super().find_class(module, name)


def _pack(value) -> bytes:
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _unpack(blob: bytes):
    return _Unpickler(io.BytesIO(zlib.decompress(blob))).load()


def default_path() -> Path | None:
    """``$STRIKEMAP_PARSE_CACHE``, else ``parses.sqlite`` beside the gazetteer store; None when off."""
    env = os.environ.get(ENV_PARSE_CACHE, "").strip()
    if env.lower() in ("off", "0", "no", "false"):
        return None
    if env:
        return Path(env).expanduser()
    from gazetteer.store import cache_dir

    return cache_dir() / FILE_NAME


def cache_path(cache) -> str | None:
    """Where the parse cache ``cache`` is, as a path workers can open (None: no cache).

    ``cache``: True for the default, False or None for none, a path, or a ``ParseCache``.
    """
    if cache is None or cache is False:
        return None
    if isinstance(cache, ParseCache):
        return str(cache.path)
    if cache is True:
        path = default_path()
        return str(path) if path is not None else None
    return str(cache)


class ParseCache:
    """Parse results by document key, for one pipeline version.

    >>> cache = ParseCache(path, version)                  # doctest: +SKIP
    >>> cache.get(doc) or cache.put([parse_document(doc)])  # doctest: +SKIP
    """

    def __init__(self, path: str | os.PathLike, version: str):
        self.path = Path(path)
        self.version = version
        self._pid = os.getpid()
        self._local = threading.local()
        self._broken = False

    def __reduce__(self):  # travels to pool and Dask workers as its path and version
        return (ParseCache, (str(self.path), self.version))

    @classmethod
    def open(cls, gazetteer, path: str | os.PathLike | None, stages) -> "ParseCache | None":
        """The cache for the pipeline version of ``gazetteer`` and ``stages``, or None when it is off or unusable."""
        path = Path(path) if path is not None else default_path()
        version = pipeline_version(gazetteer, stages) if path is not None else None
        if path is None or version is None:
            return None
        cache = cls(path, version)
        return cache if cache._con() is not None else None

    def _con(self) -> sqlite3.Connection | None:
        if self._broken:
            return None
        if self._pid != os.getpid():  # a forked child: never reuse the parent's connection
            self._pid, self._local = os.getpid(), threading.local()
        con = getattr(self._local, "con", None)
        if con is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                con = sqlite3.connect(self.path, timeout=60, check_same_thread=False, isolation_level=None)
                con.execute("PRAGMA journal_mode=WAL")
                con.execute("PRAGMA synchronous=NORMAL")
                con.execute(_SCHEMA)
            except (sqlite3.Error, OSError) as exc:
                return self._give_up(exc)
            self._local.con = con
        return con

    def _give_up(self, exc: BaseException) -> None:
        if not self._broken:
            log.warning("parse cache %s is not usable (%s); parsing without it", self.path, exc)
        self._broken = True
        return None

    def get(self, doc: Document, *, detail: bool = True) -> ParsedDocument | None:
        """The stored result for ``doc`` (with ``doc`` itself attached), or None.

        With ``detail=False`` only events and area claims are read back.
        """
        con = self._con()
        if con is None:
            return None
        column = "summary, detail" if detail else "summary"
        try:
            row = con.execute(f"SELECT {column} FROM parses WHERE key = ? AND version = ?",
                              (document_key(doc), self.version)).fetchone()
            if row is None:
                return None
            events, claims = _unpack(row[0])
            sentences, candidates, mentions = _unpack(row[1]) if detail else ((), (), ())
        except (sqlite3.Error, pickle.UnpicklingError, zlib.error, ValueError, TypeError, EOFError) as exc:
            log.debug("parse cache entry for %s unreadable: %s", doc.id, exc)
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
                self._give_up(exc)
            return None
        return ParsedDocument(doc, sentences, mentions, events, claims, candidates)

    def put(self, results: Iterable[ParsedDocument]) -> int:
        """Store full results (not failed ones) in one transaction; how many were stored."""
        rows = [(document_key(r.document), self.version, time.time(),
                 _pack((r.events, r.area_claims)), _pack((r.sentences, r.candidates, r.mentions)))
                for r in results if r.error is None]
        con = self._con()
        if not rows or con is None:
            return 0
        try:
            with con:
                con.execute("BEGIN IMMEDIATE")
                con.executemany("INSERT OR REPLACE INTO parses VALUES (?, ?, ?, ?, ?)", rows)
        except sqlite3.Error as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                log.debug("parse cache busy; %d results not stored", len(rows))
                return 0
            self._give_up(exc)
            return 0
        return len(rows)

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None


def strip_detail(pd: ParsedDocument) -> ParsedDocument:
    """``pd`` with only its document, events, area claims and error (what map, export and summary use)."""
    return replace(pd, sentences=(), mentions=(), candidates=())


# -- looking at it (``strikemap cache``) ----------------------------------------------------

def info(path: Path | None = None, version: str | None = None) -> dict:
    """Where the cache is, its size, and its entries for this version and for others."""
    path = path or default_path()
    out = {"path": str(path) if path else None, "enabled": path is not None, "exists": bool(path and path.exists()),
           "size_mb": 0.0, "entries": 0, "current_version": version, "current_entries": 0, "versions": 0}
    if not out["exists"]:
        return out
    out["size_mb"] = round(sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6, 2)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)
    try:
        rows = con.execute("SELECT version, COUNT(*), MAX(written) FROM parses GROUP BY version").fetchall()
    except sqlite3.Error as exc:
        out["error"] = str(exc)
        return out
    finally:
        con.close()
    out["entries"] = sum(n for _, n, _ in rows)
    out["versions"] = len(rows)
    out["current_entries"] = sum(n for v, n, _ in rows if v == version)
    latest = max((w for _, _, w in rows), default=None)
    out["last_written"] = dt.datetime.fromtimestamp(latest).isoformat(timespec="seconds") if latest else None
    return out


def clear(path: Path | None = None, *, keep_version: str | None = None) -> int:
    """Delete every entry (or, with ``keep_version``, those of other versions); how many were deleted."""
    path = path or default_path()
    if path is None or not path.exists():
        return 0
    con = sqlite3.connect(path, timeout=60, isolation_level=None)
    try:
        with con:
            con.execute("BEGIN IMMEDIATE")
            if keep_version is None:
                n = con.execute("DELETE FROM parses").rowcount
            else:
                n = con.execute("DELETE FROM parses WHERE version != ?", (keep_version,)).rowcount
        con.execute("VACUUM")
    finally:
        con.close()
    return n
