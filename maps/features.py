"""GeoJSON features for the page: geometry rounded to a fixed precision, plus display properties.

>>> from shapely.geometry import Point
>>> feature(Point(35.123456, 51.0), {"sm_tip": "x"})["geometry"]["coordinates"]
(35.123456, 51.0)
"""

from __future__ import annotations

import shapely
from shapely.geometry import mapping

#: Coordinates are rounded to this many decimals in the page (about 100 m), to keep it small.
DECIMALS = 3
#: Background outlines need less (about 1 km, the tolerance of the shipped polygons).
OUTLINE_DECIMALS = 2
#: Indicative zones keep about 1 m, so the drawn area stays within the area tolerance after rounding.
ZONE_DECIMALS = 5


def feature(geom, props: dict, decimals: int = DECIMALS) -> dict:
    """A GeoJSON feature; non-point geometries are snapped to a 10^-decimals grid (points are kept)."""
    geom = shapely.set_precision(geom, 10 ** -decimals) if geom.geom_type != "Point" else geom
    return {"type": "Feature", "geometry": mapping(geom), "properties": props}


def collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}
