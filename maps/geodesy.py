"""Areas, lengths and local equal-area projections for lon/lat geometries.

Areas are measured on the WGS84 ellipsoid (``pyproj.Geod``); shapes are
grown and buffered in metres in a Lambert azimuthal equal-area projection
centred on the geometry, where planar areas equal ellipsoidal ones.

>>> from shapely.geometry import box
>>> round(geodesic_area_km2(box(35, 51, 36, 52)))
7728
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyproj
import shapely
from shapely.geometry.base import BaseGeometry

GEOD = pyproj.Geod(ellps="WGS84")


def geodesic_area_km2(geom: BaseGeometry | None) -> float:
    """Area of a lon/lat geometry on the WGS84 ellipsoid, in km² (0 for None or empty)."""
    if geom is None or geom.is_empty:
        return 0.0
    area, _ = GEOD.geometry_area_perimeter(shapely.make_valid(geom))
    return abs(area) / 1e6


def geodesic_length_km(geom: BaseGeometry | None) -> float:
    """Length of a lon/lat line (or a polygon's perimeter) on the WGS84 ellipsoid, in km."""
    if geom is None or geom.is_empty:
        return 0.0
    return GEOD.geometry_length(geom) / 1000


@dataclass(frozen=True)
class LocalProjection:
    """Forward (lon/lat -> metres) and inverse functions of a local equal-area projection."""

    forward: Callable[[BaseGeometry], BaseGeometry]
    inverse: Callable[[BaseGeometry], BaseGeometry]


def local_projection(lon: float, lat: float) -> LocalProjection:
    """A Lambert azimuthal equal-area projection centred on ``lon``, ``lat`` (WGS84, metres)."""
    crs = pyproj.CRS.from_proj4(f"+proj=laea +lat_0={lat:.6f} +lon_0={lon:.6f} +datum=WGS84 +units=m")
    fwd = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    inv = pyproj.Transformer.from_crs(crs, "EPSG:4326", always_xy=True)

    def apply(tr):
        return lambda g: shapely.transform(g, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))

    return LocalProjection(apply(fwd), apply(inv))


def projection_for(geom: BaseGeometry) -> LocalProjection:
    """The local equal-area projection centred on ``geom``'s bounding box."""
    minx, miny, maxx, maxy = geom.bounds
    return local_projection((minx + maxx) / 2, (miny + maxy) / 2)


def isoperimetric_quotient(geom: BaseGeometry) -> float:
    """4πA/P² of a lon/lat polygon, measured in an equal-area projection: 1 for a disc, near 0 for a sliver."""
    if geom is None or geom.is_empty:
        return 0.0
    flat = projection_for(geom).forward(shapely.segmentize(geom, 0.01))
    return 4 * math.pi * flat.area / flat.length**2 if flat.length else 0.0
