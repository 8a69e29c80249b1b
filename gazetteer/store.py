"""Where the store lives, when it is stale, and how it is (re)built safely.

* Location: ``$STRIKEMAP_CACHE_DIR`` or platformdirs' user cache dir for
  "strikemap"; a read-only cache dir falls back to a temporary one (warning).
* Key: a hash of the inputs (package versions, sizes and times of the source
  files, the supplement's bytes, the build and name-key code, the schema).
* Build: under an exclusive lock file, into a temporary file in the same
  directory, then ``os.replace`` — readers never see a half-written store and
  two processes building at once do not corrupt it.
* Validity: the SQLite header's page count must match the file size
  (truncation), and ``meta`` must say the build completed with this hash.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from gazetteer import build as _build

log = logging.getLogger(__name__)

ENV_CACHE_DIR = "STRIKEMAP_CACHE_DIR"
STORE_PREFIX = "gazetteer-"


class StoreError(RuntimeError):
    """The gazetteer store cannot be built or opened."""


def cache_dir() -> Path:
    """The configured cache directory (not created)."""
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("strikemap"))


def input_hash() -> str:
    """A hash of everything the store is built from."""
    h = hashlib.sha256()
    h.update(f"schema={_build.SCHEMA_VERSION}\n".encode())
    for pkg, version in sorted(_build.package_versions().items()):
        h.update(f"{pkg}={version}\n".encode())
    for role, path in sorted(_build.source_files().items()):
        try:
            st = path.stat()
            h.update(f"{role}={st.st_size}:{st.st_mtime_ns}\n".encode())
        except OSError:
            h.update(f"{role}=missing\n".encode())
    from gazetteer import names

    from gazetteer import translit

    for path in (_build.supplement_path(), _build.unit_names_path(), Path(_build.__file__), Path(names.__file__),
                 Path(translit.__file__)):
        with contextlib.suppress(OSError):
            h.update(path.read_bytes())
    return h.hexdigest()


def _writable(directory: Path) -> bool:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=directory, prefix=".probe-")
        os.close(fd)
        os.unlink(probe)
        return True
    except OSError:
        return False


def usable_dir(directory: Path | None = None) -> Path:
    """``directory`` (default: the cache dir) if writable, else a temp dir with a warning."""
    directory = Path(directory) if directory else cache_dir()
    if _writable(directory):
        return directory
    fallback = Path(tempfile.gettempdir()) / f"strikemap-cache-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
    warnings.warn(f"cache directory {directory} is not writable; using {fallback}", RuntimeWarning, stacklevel=2)
    log.warning("cache directory %s is not writable; using %s", directory, fallback)
    if not _writable(fallback):
        raise StoreError(f"neither {directory} nor {fallback} is writable")
    return fallback


def store_path(directory: Path | None = None, digest: str | None = None) -> Path:
    """The store's file name for the current inputs."""
    digest = digest or input_hash()
    return Path(directory or cache_dir()) / f"{STORE_PREFIX}{digest[:16]}.sqlite"


def check(path: Path, digest: str | None = None) -> str | None:
    """Why ``path`` is not a usable store, or None if it is."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return "not an SQLite file"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if page_size * pages != size:
        return f"truncated or damaged ({size} bytes, header says {page_size * pages})"
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return f"unreadable: {exc}"
    if meta.get("complete") != "1":
        return "incomplete build"
    if digest is not None and meta.get("input_hash") != digest:
        return "built from other inputs"
    return None


@contextlib.contextmanager
def _lock(directory: Path):
    """An exclusive lock on ``directory/gazetteer.lock`` (fcntl; a no-op where unavailable)."""
    path = directory / "gazetteer.lock"
    fh = open(path, "a+b")
    try:
        try:
            import fcntl
        except ImportError:  # Windows: os.replace alone still keeps readers safe
            yield
            return
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    finally:
        fh.close()


def build(path: Path, digest: str, force: bool = False) -> Path:
    """Build the store at ``path`` atomically unless another process already did."""
    directory = path.parent
    with _lock(directory):
        if not force and check(path, digest) is None:
            return path  # built by another process while we waited
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".gazetteer-", suffix=".tmp")
        os.close(fd)
        os.unlink(tmp)  # sqlite3 creates it afresh
        try:
            t0 = time.perf_counter()
            _build_in_child(Path(tmp), digest)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            problem = check(Path(tmp), digest)
            if problem:
                raise StoreError(f"fresh store {tmp} is unusable: {problem}")
            os.replace(tmp, path)
            log.info("built gazetteer store %s in %.1f s", path, time.perf_counter() - t0)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        _remove_stale(directory, keep=path)
    return path


def _build_in_child(path: Path, digest: str) -> None:
    """Run the build in a child process, so the caller's memory does not keep the build's peak (~1 GB)."""
    env = dict(os.environ)
    root = str(Path(_build.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    proc = subprocess.run([sys.executable, "-c", "import sys; from gazetteer.build import main; sys.exit(main())", str(path), digest], env=env,
                          stdout=subprocess.DEVNULL, stderr=None)
    if proc.returncode != 0:
        raise StoreError(f"building the gazetteer store failed (exit status {proc.returncode}); see the messages above")


def _remove_stale(directory: Path, keep: Path) -> None:
    for old in directory.glob(f"{STORE_PREFIX}*.sqlite"):
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()


def ensure(path: Path | None = None, rebuild: bool = False) -> Path:
    """A usable store for the current inputs: ``path`` if given, else the cache's; built when needed.

    A given ``path`` that exists and is a complete store is used as is (its
    inputs are not compared); a missing, corrupt or truncated one is rebuilt.
    """
    if path is not None:
        path = Path(path)
        if not rebuild and check(path) is None:
            return path
        directory = path.parent
        if not _writable(directory):
            raise StoreError(f"{path}: cannot build the gazetteer store there (directory not writable)")
        digest = input_hash()
        problem = check(path) if path.exists() else "missing"
        if path.exists() and not rebuild:
            log.warning("gazetteer store %s is %s; rebuilding", path, problem)
        return build(path, digest, force=rebuild)
    digest = input_hash()
    directory = usable_dir()
    path = store_path(directory, digest)
    problem = check(path, digest)
    if problem is None and not rebuild:
        return path
    if path.exists() and not rebuild:
        log.warning("gazetteer store %s is %s; rebuilding", path, problem)
    return build(path, digest, force=rebuild)
