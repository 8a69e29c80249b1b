"""Reading user-supplied control-area and front-line files (GeoJSON, KML, anything pyogrio reads).

Every layer of the file is read (KML folders are layers) and reduced to one
GeoDataFrame in EPSG:4326 with plain columns: ``kind`` ("area", "line" or
"point"), ``name``, ``date`` (from the first of the usual date properties)
and ``geometry``. A DeepState-style GeoJSON mixing occupied-area polygons
with point markers reads as areas plus points; the map draws the areas and
lines and leaves the points out.

A control file becomes one or more dated :class:`ControlSnapshot`: the
common re-publication of DeepStateMap's daily snapshot is one MultiPolygon
with no properties at all, so its label and date come from the file name
(``deepstatemap_data_20250319.geojson`` -> "deepstatemap data", 2025-03-19)
unless a label is given; a file whose features carry several dates gives
one snapshot per date. ``.gz`` and ``.zip`` files are read through GDAL's
virtual file systems.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from geo.model import InputError

#: Property names that carry a feature's date, in order of preference (seen in DeepState,
#: ISW and KML exports; LIBKML exposes <TimeStamp> as "timestamp" and <TimeSpan> as "begin"/"end").
DATE_FIELDS = ("date", "updated", "update", "time", "timestamp", "datetime", "last_updated", "end", "begin")
#: Property names that carry a feature's label.
NAME_FIELDS = ("name", "title", "label", "description")
COLUMNS = ["kind", "name", "date", "geometry"]

_KINDS = {
    "Polygon": "area", "MultiPolygon": "area",
    "LineString": "line", "MultiLineString": "line", "LinearRing": "line",
    "Point": "point", "MultiPoint": "point",
}


def _parse_date(value) -> dt.date | None:
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if text.isdigit() and len(text) >= 10:  # epoch seconds or milliseconds
        n = int(text)
        return dt.datetime.fromtimestamp(n / 1000 if n > 10**11 else n, dt.timezone.utc).date()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ts = pd.to_datetime(text, errors="coerce", utc=True)
    return None if pd.isna(ts) else ts.date()


def _first(row: pd.Series, fields: tuple[str, ...], lower: dict[str, str]):
    for f in fields:
        col = lower.get(f)
        if col is not None:
            v = row[col]
            if v is not None and not (pd.api.types.is_scalar(v) and pd.isna(v)) and str(v).strip():
                return v
    return None


def _explode_collections(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Split GeometryCollections (KML MultiGeometry) into their parts."""
    if not (gdf.geom_type == "GeometryCollection").any():
        return gdf
    return gdf.explode(index_parts=False).reset_index(drop=True)


def read_overlay(path) -> gpd.GeoDataFrame:
    """Read a control-area or front-line file into ``kind, name, date, geometry`` (EPSG:4326).

    Raises InputError naming the file when it is missing, unreadable or holds no geometry.
    """
    where = os.fspath(path)
    if not os.path.isfile(where):
        raise InputError(where, "no such file")
    source = _vsi(where)
    try:
        layers = [name for name, _ in pyogrio.list_layers(source)]
    except Exception as exc:  # pyogrio raises DataSourceError and friends
        raise InputError(where, f"not a vector file GDAL can read ({exc.__class__.__name__}: {exc})") from None
    frames = []
    for layer in layers:
        try:
            frame = pyogrio.read_dataframe(source, layer=layer)
        except Exception as exc:
            raise InputError(where, f"layer {layer!r} unreadable: {exc}") from None
        if isinstance(frame, gpd.GeoDataFrame) and len(frame):
            frame = frame.to_crs(4326) if frame.crs is not None else frame.set_crs(4326)
            frames.append(frame)
    if not frames:
        raise InputError(where, "holds no features with geometry")
    gdf = _explode_collections(pd.concat(frames, ignore_index=True))
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    lower = {c.lower(): c for c in gdf.columns if c != "geometry"}
    out = gpd.GeoDataFrame(
        {
            "kind": [_KINDS.get(t, "other") for t in gdf.geom_type],
            "name": [_label(_first(r, NAME_FIELDS, lower)) for _, r in gdf.iterrows()],
            "date": [_parse_date(_first(r, DATE_FIELDS, lower)) for _, r in gdf.iterrows()],
        },
        geometry=shapely.make_valid(gdf.geometry.values),
        crs=4326,
    )
    if not len(out):
        raise InputError(where, "holds no features with geometry")
    return out[COLUMNS].reset_index(drop=True)


def _vsi(path: str) -> str:
    """GDAL's name for a compressed file: /vsigzip/ for .gz, /vsizip/ for .zip."""
    low = path.lower()
    if low.endswith(".gz"):
        return "/vsigzip/" + path
    if low.endswith(".zip") or low.endswith(".kmz"):
        return "/vsizip/" + path
    return path


def _label(value) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text[:200] or None


def as_overlay(source) -> tuple[gpd.GeoDataFrame, str]:
    """A path or GeoDataFrame as an overlay frame plus a label for popups (file name or "supplied data")."""
    if isinstance(source, gpd.GeoDataFrame):
        gdf = source.to_crs(4326) if source.crs is not None else source.set_crs(4326)
        if "kind" not in gdf.columns:
            gdf = gdf.assign(kind=[_KINDS.get(t, "other") for t in gdf.geom_type])
        for col in ("name", "date"):
            if col not in gdf.columns:
                gdf = gdf.assign(**{col: None})
        gdf = gdf.assign(date=[_parse_date(v) for v in gdf["date"]], name=[_label(v) for v in gdf["name"]])
        return gdf[COLUMNS].reset_index(drop=True), "supplied data"
    return read_overlay(source), os.path.basename(os.fspath(source))


# ---------------------------------------------------------------- control snapshots

#: A date in a file name: 20250319, 2025-03-19, 2025_03_19 (not part of a longer number).
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
_CONTAINER_SUFFIXES = (".gz", ".zip")
#: A web address inside a label ("DeepStateMap.live https://deepstatemap.live").
URL = re.compile(r"https?://[A-Za-z0-9._~:/?#@!$%&+,;=-]+")
#: A file with more dates than this keeps the latest ones (a page with 500 layers helps no one).
MAX_SNAPSHOTS = 24


@dataclass(frozen=True)
class ControlSnapshot:
    """Areas of control (and any lines) of one file at one date."""

    label: str
    date: dt.date | None
    source: str
    areas: BaseGeometry
    lines: gpd.GeoDataFrame
    dates_in_file: int = 1

    @property
    def name(self) -> str:
        """The label less any web address (the address is for the credit line)."""
        return " ".join(URL.sub("", self.label).split()) or self.label

    @property
    def title(self) -> str:
        """``"name, 2025-03-19"`` or the name alone."""
        return f"{self.name}, {self.date.isoformat()}" if self.date else self.name


def label_from_name(path) -> tuple[str, dt.date | None]:
    """(label, date) from a file name: ``deepstatemap_data_20250319.geojson`` -> ("deepstatemap data", 2025-03-19)."""
    name = os.path.basename(os.fspath(path))
    for suffix in _CONTAINER_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    stem = os.path.splitext(name)[0] or name
    date = None
    found = None
    for m in _DATE_IN_NAME.finditer(stem):
        try:
            date, found = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), m
        except ValueError:
            continue
    rest = stem[: found.start()] + stem[found.end():] if found else stem
    label = " ".join(re.sub(r"[-_.]+", " ", rest).split())
    return (label or stem or "control areas"), date


def read_control(path, label: str | None = None) -> list[ControlSnapshot]:
    """A control file (or a GeoDataFrame) as dated snapshots, oldest first.

    ``label`` replaces the one from the file name. Raises InputError naming
    the file when it holds neither areas nor lines.
    """
    gdf, source = as_overlay(path)
    name_label, name_date = label_from_name(source) if not isinstance(path, gpd.GeoDataFrame) else (source, None)
    label = " ".join(str(label).split())[:120] if label and str(label).strip() else name_label
    gdf = gdf[gdf["kind"].isin(("area", "line"))]
    if not len(gdf):
        raise InputError(os.fspath(path) if not isinstance(path, gpd.GeoDataFrame) else source,
                         "holds no areas (polygons) or lines, only points")
    dates = [d if d is not None and not pd.isna(d) else name_date for d in gdf["date"]]
    gdf = gdf.assign(date=dates)
    keys = sorted(set(dates), key=lambda d: (d is not None, d or dt.date.min))
    total = len(keys)
    out = []
    for key in keys[-MAX_SNAPSHOTS:]:
        part = gdf[[d == key for d in gdf["date"]]]
        areas = part[part["kind"] == "area"].geometry.values
        merged = shapely.make_valid(shapely.union_all(areas)) if len(areas) else Polygon()
        out.append(ControlSnapshot(label, key, source, merged, part[part["kind"] == "line"].reset_index(drop=True), total))
    return out


def read_controls(sources: Sequence, labels: Sequence[str] = ()) -> list[ControlSnapshot]:
    """Snapshots of several control files (paths, GeoDataFrames or snapshots already read), oldest first.

    ``labels``: one label for all files, or one per file (default: from each file name).
    """
    sources = list(sources)
    labels = [lab for lab in labels if lab is not None]
    if labels and len(labels) not in (1, len(sources)):
        raise InputError("--control-label", f"{len(labels)} labels for {len(sources)} control files: "
                                            "give one for all, or one per file")
    snaps = []
    for i, source in enumerate(sources):
        if isinstance(source, ControlSnapshot):
            snaps.append(source)
            continue
        snaps += read_control(source, labels[0] if len(labels) == 1 else labels[i] if labels else None)
    return sorted(snaps, key=lambda s: (s.date is not None, s.date or dt.date.min))
