"""Indicative control zones sized from an area claim.

A claim such as "Ukraine controls about N km² of Russia's X region" gives an
area, not a shape. We draw an *indicative* zone: the part of the region
within depth ``d`` of its border with the controller's country, with ``d``
found by bisection so that the zone's geodesic area matches the claim.
Buffers are computed in a local azimuthal equal-area projection centred on
the region, areas on the WGS84 ellipsoid (``pyproj.Geod``).

>>> from shapely.geometry import box
>>> zone = indicative_zone(box(35, 51, 37, 52), box(33, 50, 35, 53), 1000)
>>> abs(geodesic_area_km2(zone) - 1000) < 10
True
"""

from __future__ import annotations

import numpy as np
import pyproj
import shapely
import shapely.ops
from shapely.geometry import LineString, MultiPoint, Point, Polygon
from shapely.geometry.base import BaseGeometry

from geo.model import StrikemapError

_GEOD = pyproj.Geod(ellps="WGS84")
#: How far apart two boundaries may lie and still count as shared (simplified outlines differ).
BORDER_TOLERANCE_M = 3000.0
#: Relative tolerance of the area match.
AREA_TOLERANCE = 0.01


def geodesic_area_km2(geom: BaseGeometry) -> float:
    """Area of a lon/lat geometry on the WGS84 ellipsoid, in km²."""
    if geom is None or geom.is_empty:
        return 0.0
    area, _ = _GEOD.geometry_area_perimeter(shapely.make_valid(geom))
    return abs(area) / 1e6


def _projection(geom: BaseGeometry):
    """Forward and inverse functions to a local azimuthal equal-area projection centred on ``geom``."""
    c = geom.centroid
    local = pyproj.CRS.from_proj4(f"+proj=laea +lat_0={c.y:.6f} +lon_0={c.x:.6f} +datum=WGS84 +units=m")
    fwd = pyproj.Transformer.from_crs("EPSG:4326", local, always_xy=True)
    inv = pyproj.Transformer.from_crs(local, "EPSG:4326", always_xy=True)

    def apply(tr):
        return lambda g: shapely.transform(g, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))

    return apply(fwd), apply(inv)


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Keep only the polygon parts of a geometry (intersections can yield lines)."""
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else Polygon()


def shared_border(region: BaseGeometry, controller: BaseGeometry, tolerance_m: float = BORDER_TOLERANCE_M) -> BaseGeometry:
    """The part of ``region``'s boundary within ``tolerance_m`` of ``controller`` (projected coordinates)."""
    return region.boundary.intersection(controller.buffer(tolerance_m))


def indicative_zone(
    region_geom: BaseGeometry,
    controller_geom: BaseGeometry | None,
    area_km2: float,
    toward: tuple[Point, ...] | list[Point] = (),
) -> BaseGeometry:
    """A zone inside ``region_geom`` along its border with ``controller_geom``, of geodesic area ``area_km2``.

    ``toward`` (lon/lat points the claim names) restricts the zone to the part
    of the border nearest them. With no shared border the zone grows from the
    point of the region nearest the controller (or from the named places).
    If the claim is as large as the region, the whole region is returned.
    Raises StrikemapError for an empty region or a non-positive area.
    """
    if region_geom is None or region_geom.is_empty:
        raise StrikemapError("indicative zone: the claimed region has no polygon")
    if not area_km2 or area_km2 <= 0:
        raise StrikemapError(f"indicative zone: area must be positive, got {area_km2!r}")
    # Dense vertices keep straight lon/lat edges close to their projected chords.
    region_geom = shapely.segmentize(shapely.make_valid(region_geom), 0.02)
    if area_km2 >= geodesic_area_km2(region_geom) * (1 - AREA_TOLERANCE):
        return region_geom
    fwd, inv = _projection(region_geom)
    region = fwd(region_geom)
    seed = Polygon()
    if controller_geom is not None and not controller_geom.is_empty:
        controller = fwd(shapely.make_valid(controller_geom))
        seed = shared_border(region, controller)
        if seed.is_empty:
            seed = shapely.ops.nearest_points(region, controller)[0]
    points = [fwd(p) for p in toward if p is not None and not p.is_empty]
    if points:
        near = MultiPoint(points)
        if seed.is_empty:
            seed = near
        else:
            # The stretch of border nearest the named places: within their distance to it plus
            # a margin of the zone's own scale (square root of the area).
            reach = max(near.distance(seed), 0.0) + max(20_000.0, 1.5 * (area_km2 * 1e6) ** 0.5)
            part = seed.intersection(near.buffer(reach))
            seed = part if not part.is_empty else seed
            # Reach each named place: a corridor from the border to it.
            links = [LineString(shapely.ops.nearest_points(p, seed)) for p in points if region.covers(p)]
            seed = shapely.union_all([seed, *links])
    if seed.is_empty:
        seed = region.representative_point()

    def zone_at(depth: float) -> BaseGeometry:
        # Clipped in lon/lat too: the projection round trip moves edge vertices slightly.
        zone = _polygonal(region.intersection(seed.buffer(depth, quad_segs=8)))
        return _polygonal(inv(zone).intersection(region_geom))

    def area_at(depth: float) -> float:
        return geodesic_area_km2(zone_at(depth))

    minx, miny, maxx, maxy = region.bounds
    lo, hi = 0.0, float(np.hypot(maxx - minx, maxy - miny))
    best = zone_at(hi)
    for _ in range(60):
        mid = (lo + hi) / 2
        a = area_at(mid)
        if abs(a - area_km2) <= AREA_TOLERANCE * area_km2 / 2:
            best = zone_at(mid)
            break
        if a < area_km2:
            lo = mid
        else:
            hi, best = mid, zone_at(mid)
    return best
