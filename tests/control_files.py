"""Control-area files written by the tests, in the shapes real sources publish.

The DeepStateMap snapshot as re-published in GeoJSON is one Feature with
empty properties and a MultiPolygon of the occupied territory, with a CRS84
``crs`` member and the file's stem as ``name``. The occupied area here is
made from the shipped region polygons: parts of four Ukrainian oblasts cut
along a meridian and two parallels, plus Crimea, so its boundary holds an
international border (with Russia), coasts (Azov and Black Sea) and known
lines of contact (the cuts and the oblast boundaries they meet).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import shapely
from shapely.geometry import LineString, MultiPolygon, box, mapping

CRS84 = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
#: The cuts: (oblasts, keep-box); the front runs along each box's edge inside the oblasts.
CUT_MERIDIAN = 37.8  # through Donetsk and Luhansk oblasts: occupied east of it
CUT_ZAPORIZHZHIA = 47.2  # occupied south of it
CUT_KHERSON = 46.6  # occupied south of it


def _region(regions, code):
    return regions.loc[regions["admin1_code"] == code].geometry.iloc[0]


def occupied_shape(regions) -> MultiPolygon:
    """A MultiPolygon shaped like an occupied territory, from the shipped ADM1 polygons."""
    east = shapely.union_all([_region(regions, "UA.05"), _region(regions, "UA.14")]).intersection(
        box(CUT_MERIDIAN, 44, 41, 51))
    south = shapely.union_all([
        _region(regions, "UA.26").intersection(box(30, 44, 41, CUT_ZAPORIZHZHIA)),
        _region(regions, "UA.08").intersection(box(30, 44, 41, CUT_KHERSON)),
        _region(regions, "UA.11"), _region(regions, "UA.20"),
    ])
    merged = shapely.make_valid(shapely.union_all([east, south]))
    parts = [p for p in shapely.get_parts(merged) if p.geom_type == "Polygon"]
    return MultiPolygon(parts)


def cut_lines(regions) -> list[LineString]:
    """The lines of contact the cuts make inside the oblasts they cut."""
    meridian = LineString([(CUT_MERIDIAN, 44), (CUT_MERIDIAN, 51)]).intersection(
        shapely.union_all([_region(regions, "UA.05"), _region(regions, "UA.14")]))
    zap = LineString([(30, CUT_ZAPORIZHZHIA), (41, CUT_ZAPORIZHZHIA)]).intersection(_region(regions, "UA.26"))
    kherson = LineString([(30, CUT_KHERSON), (41, CUT_KHERSON)]).intersection(_region(regions, "UA.08"))
    return [g for line in (meridian, zap, kherson) for g in shapely.get_parts(line) if g.geom_type == "LineString"]


def deepstate_like(geom, stem: str, *, properties="empty") -> dict:
    """The re-published DeepStateMap shape: a FeatureCollection of one property-less MultiPolygon feature."""
    props = {} if properties == "empty" else None
    return {"type": "FeatureCollection", "name": stem, "crs": CRS84,
            "features": [{"type": "Feature", "properties": props, "geometry": mapping(geom)}]}


def write_deepstate_like(folder: Path, geom, stem: str = "deepstatemap_data_20250319", *, form: str = "collection",
                         compressed: bool = False) -> Path:
    """Write ``geom`` as a DeepStateMap-style file; ``form``: collection, null-properties, feature or geometry."""
    if form == "collection":
        doc = deepstate_like(geom, stem)
    elif form == "null-properties":
        doc = deepstate_like(geom, stem, properties=None)
    elif form == "feature":
        doc = {"type": "Feature", "properties": {}, "geometry": mapping(geom)}
    else:
        doc = mapping(geom)
    text = json.dumps(doc)
    path = Path(folder) / f"{stem}.geojson{'.gz' if compressed else ''}"
    if compressed:
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text)
    return path
