"""Reading user-supplied control-area and front-line files (GeoJSON, KML, anything pyogrio reads).

Every layer of the file is read (KML folders are layers) and reduced to one
GeoDataFrame in EPSG:4326 with plain columns: ``kind`` ("area", "line" or
"point"), ``name``, ``date`` (from the first of the usual date properties)
and ``geometry``. A DeepState-style GeoJSON mixing occupied-area polygons
with point markers reads as areas plus points; the map draws the areas and
lines and leaves the points out.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

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
    try:
        layers = [name for name, _ in pyogrio.list_layers(where)]
    except Exception as exc:  # pyogrio raises DataSourceError and friends
        raise InputError(where, f"not a vector file GDAL can read ({exc.__class__.__name__}: {exc})") from None
    frames = []
    for layer in layers:
        try:
            frame = pyogrio.read_dataframe(where, layer=layer)
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
        return gdf[COLUMNS].reset_index(drop=True), "supplied data"
    return read_overlay(source), os.path.basename(os.fspath(source))
