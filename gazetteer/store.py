"""Where the store lives, when it is stale, and how it is (re)built safely.

* Location: ``$STRIKEMAP_CACHE_DIR`` or platformdirs' user cache dir for
  "strikemap"; a read-only cache dir falls back to a temporary one (warning).
* Key: a hash of the inputs (package versions, sizes and times of the source
  files, the supplement's bytes, the build and name-key code, the schema).
* Build: under an exclusive lock file, into a temporary file in the same
  directory, then ``os.replace`` — readers never see a half-written store and
  two processes building at once do not corrupt it; the first to take the lock
  builds, the others then find the store built. The build runs in a child
  process that dies with its parent; temporary files a killed build left are
  removed by the next build.
* Validity: the SQLite header's page count must match the file size
  (truncation), and ``meta`` must say the build completed with this hash.
* GeoNames dumps (:mod:`gazetteer.geonames`): ``use_geonames(files)`` builds a
  larger store, ``gazetteer-geonames-<key>.sqlite``, from a copy of the
  built-in one plus the dumps, and records the dumps (path, name, size,
  SHA-256) in ``gazetteer-geonames.json`` in the cache dir. While that file is
  there every run opens the larger store; its key is the built-in key plus the
  dumps' hashes, so a new package version rebuilds it from the same dumps
  (which must then still be where they were, unchanged, or the run stops with
  a message saying so). ``use_builtin()`` removes the file: back to the
  built-in store. The built-in store stays in the cache beside the larger one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
import shutil
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
GEONAMES_PREFIX = "gazetteer-geonames-"
#: The cache dir's record of the GeoNames dumps the store is to be built with.
SELECTION_FILE = "gazetteer-geonames.json"
TEMP_PREFIX = ".gazetteer-"


class StoreError(RuntimeError):
    """The gazetteer store cannot be built or opened."""


def cache_dir() -> Path:
    """The configured cache directory (not created)."""
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("strikemap"))


def ru_settlements_file():
    from gazetteer import ru_settlements

    return ru_settlements.data_file()


def input_hash() -> str:
    """A hash of everything the store is built from."""
    h = hashlib.sha256()
    h.update(f"schema={_build.SCHEMA_VERSION}\n".encode())
    for pkg, version in sorted(_build.package_versions().items()):
        h.update(f"{pkg}={version}\n".encode())
    settlements = ru_settlements_file()
    h.update(f"ru_settlements={settlements.stat().st_size if settlements else 'missing'}\n".encode())
    for role, path in sorted(_build.source_files().items()):
        if role in ("supplement", "unit_names", "sites"):
            continue  # the project's own data: keyed by content below, so every checkout shares one store
        try:
            st = path.stat()
            h.update(f"{role}={st.st_size}:{st.st_mtime_ns}\n".encode())
        except OSError:
            h.update(f"{role}=missing\n".encode())
    from gazetteer import airfields, katottg, names, ru_settlements, sites, translit

    for path in (_build.supplement_path(), _build.unit_names_path(), _build.sites_path(), Path(_build.__file__),
                 Path(names.__file__), Path(translit.__file__), Path(katottg.__file__), Path(ru_settlements.__file__),
                 Path(airfields.__file__), Path(sites.__file__)):
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
    """The built-in store's file name for the current inputs."""
    digest = digest or input_hash()
    return Path(directory or cache_dir()) / f"{STORE_PREFIX}{digest[:16]}.sqlite"


def geonames_digest(base_digest: str, files: list) -> str:
    """The larger store's key: the built-in key and each dump's name, size and SHA-256."""
    h = hashlib.sha256(base_digest.encode())
    for f in files:
        h.update(f"\n{f.name}:{f.size}:{f.sha256}".encode())
    return h.hexdigest()


def geonames_path(directory: Path, digest: str) -> Path:
    return Path(directory) / f"{GEONAMES_PREFIX}{digest[:16]}.sqlite"


def selection(directory: Path | None = None) -> list | None:
    """The GeoNames dumps the cache dir's store is built with, or None for the built-in store."""
    from gazetteer.geonames import DumpFile

    path = Path(directory or cache_dir()) / SELECTION_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [DumpFile.from_dict(d) for d in data["files"]] or None
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"{path}: unreadable ({exc}); run `strikemap gazetteer build` "
                         "(built-in store) or `strikemap gazetteer build --geonames FILE...`") from exc


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


def remove_stale_temps(directory: Path) -> list[Path]:
    """Remove temporary files of builds that did not finish (call under the lock); returns them."""
    gone = []
    for tmp in Path(directory).glob(f"{TEMP_PREFIX}*.tmp*"):
        with contextlib.suppress(OSError):
            tmp.unlink()
            gone.append(tmp)
    if gone:
        log.info("removed %d temporary file(s) of an unfinished gazetteer build", len(gone))
    return gone


def build(path: Path, digest: str, force: bool = False, *, base: Path | None = None, files: list | None = None,
          records=None) -> Path:
    """Build the store at ``path`` atomically unless another process already did.

    With ``base`` and ``files``: a copy of the store ``base`` plus the GeoNames dumps.
    With ``records`` (:class:`gazetteer.build.Records`): a store of those records only,
    written in this process (they are already in memory).
    """
    directory = path.parent
    with _lock(directory):
        if not force and check(path, digest) is None:
            return path  # built by another process while we waited
        remove_stale_temps(directory)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=TEMP_PREFIX, suffix=".tmp")
        os.close(fd)
        try:
            t0 = time.perf_counter()
            if records is not None:
                _build.write_store(Path(tmp), records, digest)
            elif files:
                shutil.copyfile(base, tmp)
                _in_child("gazetteer.geonames", [tmp, digest, json.dumps([f.to_dict() for f in files])])
            else:  # sqlite3 takes the empty file as a new database
                _in_child("gazetteer.build", [tmp, digest])
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
        if records is None:  # a store of given records is not one of the cache's families
            _remove_stale(directory, keep=path)
    return path


# The child dies with its parent (Linux), so a killed build leaves no process writing on.
_CHILD = """
import os, sys
if sys.platform.startswith("linux"):
    import ctypes
    ctypes.CDLL(None).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
    if os.getppid() != int(sys.argv[1]):
        sys.exit(3)  # the parent is already gone
from importlib import import_module
sys.exit(import_module(sys.argv[2]).main(sys.argv[3:]))
"""


def _in_child(module: str, args: list[str]) -> None:
    """Run ``module.main(args)`` in a child process, so the caller's memory does not keep the build's peak (~1 GB)."""
    env = dict(os.environ)
    root = str(Path(_build.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(os.getpid()), module, *args], env=env,
                          stdout=subprocess.DEVNULL, stderr=None)
    if proc.returncode != 0:
        raise StoreError(f"building the gazetteer store failed (exit status {proc.returncode}); see the messages above")


#: Stores of one family kept besides the current one: another installed version of strikemap
#: (a second checkout, a virtual environment not yet upgraded) keeps its store instead of
#: rebuilding it each time the two take turns.
KEEP_OTHER_STORES = 1


def _remove_stale(directory: Path, keep: Path) -> None:
    """Remove older stores of the same family as ``keep`` (built-in, or built with GeoNames dumps),
    all but the ``KEEP_OTHER_STORES`` most recently built."""
    larger = keep.name.startswith(GEONAMES_PREFIX)
    others = [p for p in directory.glob(f"{STORE_PREFIX}*.sqlite")
              if p != keep and p.name.startswith(GEONAMES_PREFIX) == larger]
    others.sort(key=lambda p: p.stat().st_mtime if p.exists() else 0, reverse=True)
    for old in others[KEEP_OTHER_STORES:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _builtin(directory: Path, digest: str, rebuild: bool) -> Path:
    path = store_path(directory, digest)
    problem = check(path, digest)
    if problem is None and not rebuild:
        return path
    if path.exists() and not rebuild:
        log.warning("gazetteer store %s is %s; rebuilding", path, problem)
    return build(path, digest, force=rebuild)


def _with_geonames(directory: Path, digest: str, files: list, rebuild: bool) -> Path:
    """The larger store for these dumps, built (from the built-in store and the dumps) when missing."""
    ext_digest = geonames_digest(digest, files)
    path = geonames_path(directory, ext_digest)
    if not rebuild and check(path, ext_digest) is None:
        return path
    from gazetteer.geonames import DumpError, describe

    for f in files:  # rebuilding needs the very files the store was chosen with
        try:
            same = describe(f.path).sha256 == f.sha256
        except DumpError:
            same = False
        if not same:
            raise StoreError(f"{f.path}: the GeoNames dump the gazetteer store is built with is missing or changed; "
                             "run `strikemap gazetteer build --geonames FILE...` again, or `strikemap gazetteer "
                             "build` to return to the built-in store")
    base = _builtin(directory, digest, rebuild=False)
    return build(path, ext_digest, force=rebuild, base=base, files=files)


def from_records(path: str | os.PathLike, records) -> Path:
    """A store at ``path`` holding only ``records`` (:class:`gazetteer.build.Records`); built if not there yet.

    The same tables and name keys as the full store, from given places instead of
    the installed data packages: a small gazetteer for fast tests or a closed
    region. A store already at ``path`` built from the same records (and the same
    build code) is used as is; one built from other records is replaced. The
    cache dir is not touched.

    >>> from gazetteer.build import Records                                   # doctest: +SKIP
    >>> Gazetteer(from_records("small.sqlite", Records.from_json("places.json")))  # doctest: +SKIP
    """
    path = Path(path)
    digest = records.digest()
    if check(path, digest) is None:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    return build(path, digest, force=path.exists(), records=records)


def ensure(path: Path | None = None, rebuild: bool = False) -> Path:
    """A usable store for the current inputs: ``path`` if given, else the cache's; built when needed.

    A given ``path`` that exists and is a complete store is used as is (its
    inputs are not compared); a missing, corrupt or truncated one is rebuilt
    (as a built-in store). Without ``path``: the store built with the GeoNames
    dumps the cache dir records, else the built-in store.
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
    files = selection(directory)
    if files:
        return _with_geonames(directory, digest, files, rebuild)
    return _builtin(directory, digest, rebuild)


def _write_selection(directory: Path, files: list | None) -> None:
    path = directory / SELECTION_FILE
    with _lock(directory):
        if not files:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            return
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=TEMP_PREFIX, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"files": [f.to_dict() for f in files]}, fh, indent=2)
        os.replace(tmp, path)


def use_geonames(paths: list, directory: Path | None = None) -> Path:
    """Build the store with these GeoNames dumps and make later runs use it; returns its path.

    Each file is checked (a clear error naming the file and line if it is not
    a dump) and hashed first; the record in the cache dir is written only after
    the store is built.
    """
    from gazetteer.geonames import describe

    files = [describe(p) for p in paths]
    if len({f.sha256 for f in files}) != len(files):
        raise StoreError("the same GeoNames dump is given twice")
    directory = usable_dir(directory)
    digest = input_hash()
    base = _builtin(directory, digest, rebuild=False)
    ext_digest = geonames_digest(digest, files)
    path = build(geonames_path(directory, ext_digest), ext_digest, force=True, base=base, files=files)
    _write_selection(directory, files)
    return path


def use_builtin(directory: Path | None = None, rebuild: bool = True) -> Path:
    """Forget the GeoNames dumps (later runs use the built-in store) and (re)build it; returns its path."""
    directory = usable_dir(directory)
    _write_selection(directory, None)
    return _builtin(directory, input_hash(), rebuild)
