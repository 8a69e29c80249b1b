"""Engines: where a :class:`~geo.pipeline.Pipeline` runs over many documents.

Each engine module has the same two functions over the same items (``Document``
objects to parse, problems to pass through in place):

* ``parse_stream(pipeline, items, ...)`` yields problems and ``ParsedDocument``
  objects in input order;
* ``collect(pipeline, items, ...)`` keeps what a map needs (fused events,
  claims, problems) and returns a :class:`~geo.engines.base.Collected`.

========== ============================ ==========================================
engine     module                       runs on
========== ============================ ==========================================
processes  :mod:`geo.engines.local`     this process, or a pool of local processes
dask       :mod:`geo.engines.dask`      a Dask cluster (local or remote)
========== ============================ ==========================================

Guarded parsing, chunking and the item types they share are in
:mod:`geo.engines.base`; the engines do not import each other.
"""

from __future__ import annotations

import importlib

ENGINES = ("processes", "dask")
_MODULES = {"processes": "geo.engines.local", "dask": "geo.engines.dask"}


def engine(name: str):
    """The engine module called ``name`` (imported on first use: Dask is heavy)."""
    if name not in _MODULES:
        raise ValueError(f"engine must be one of {ENGINES}, not {name!r}")
    return importlib.import_module(_MODULES[name])
