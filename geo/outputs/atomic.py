"""Atomic output: a file appears whole or not at all.

Each writer writes into a temporary folder next to the target (same file
system) and moves the result into place with ``os.replace``, so a reader never
sees a half-written file and a failed write leaves the old file untouched.

>>> with atomic_path("out/events.geojson") as tmp:  # doctest: +SKIP
...     gdf.to_file(tmp, driver="GeoJSON")
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from geo.model import StrikemapError


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a fresh temporary path with ``path``'s name; move it onto ``path`` on success."""
    target = Path(path)
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmpdir = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise StrikemapError(f"{target}: cannot write here ({exc.strerror or exc})") from None
    tmp = tmpdir / target.name
    try:
        yield tmp
        if not tmp.exists():
            raise StrikemapError(f"{target}: the writer produced no file")
        os.replace(tmp, target)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")
    return Path(path)


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def check_outdir(outdir: str | os.PathLike, force: bool = False) -> Path:
    """Refuse an existing non-empty OUTDIR unless ``force``; refuse a file in its place.

    Call before any work, so a mistake costs nothing. Does not create the folder.
    """
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise StrikemapError(f"{out}: exists and is not a folder")
    if out.is_dir() and not force and any(out.iterdir()):
        raise StrikemapError(f"{out}: folder exists and is not empty; use --force to replace its outputs")
    return out


def prepare_outdir(outdir: str | os.PathLike, force: bool = False) -> Path:
    """``check_outdir`` and create the folder."""
    out = check_outdir(outdir, force)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StrikemapError(f"{out}: cannot create folder ({exc.strerror or exc})") from None
    return out
