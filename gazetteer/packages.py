"""The installed data packages the store is built from: where a data file is, which version.

One place for what every source module asks (``airfields``, ``ru_settlements``,
``katottg``, and the store's key in ``build``), so a missing optional package is
handled the same way everywhere: the file is None, the version "missing".
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path


def installed_file(package: str, *parts: str) -> Path | None:
    """A data file shipped inside an installed package, or None when it (or the package) is missing."""
    try:
        from importlib import resources

        path = Path(str(resources.files(package).joinpath(*parts)))
    except (ImportError, ModuleNotFoundError, TypeError):
        return None
    return path if path.is_file() else None


def version(distribution: str) -> str:
    """The installed version of a distribution, or "missing"."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "missing"
