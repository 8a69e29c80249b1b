"""The front line implied by an area of control: its boundary where that is not a border or a coast.

A snapshot of occupied territory (DeepStateMap's daily MultiPolygon, say)
has a boundary made of three kinds of line: international borders, coasts,
and the line of contact. The first two are known: the country outlines
shipped in ``maps/data`` (Natural Earth, generalised to about 1 km) give
both, as the boundaries of the country polygons. So the front line is the
part of the boundary that lies farther than ``tolerance_m`` from every
country's outline, on land: the boundary inside the union of the country
polygons eroded by the tolerance. Pieces shorter than ``MIN_PIECE_M`` are
left out (border and coast detail the generalised outlines lack). So the
line stops about ``tolerance_m`` short of a border or a coast. Where the area
reaches countries with no polygons here, nothing is called a front line.

>>> line = derived_front_line(occupied, country_outlines)   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import shapely
from shapely.geometry import LineString, Polygon, box
from shapely.geometry.base import BaseGeometry

from maps.geodesy import projection_for

#: How far a boundary may lie from a border or coast of the shipped outlines and still be one.
#: Measured on a DeepStateMap snapshot: its Russian-Ukrainian border lies a median 1.3 km and at
#: most 5.2 km from the shipped (Natural Earth, ~1 km generalised) one; its Azov coast is within
#: 3 km wherever it is on land.
FRONTLINE_TOLERANCE_M = 5000.0
#: Shorter leftover pieces are coast or border detail (beyond the tolerance for at most 3 km
#: at a time on that snapshot), not a front line.
MIN_PIECE_M = 8000.0


def derived_front_line(
    areas: BaseGeometry,
    countries: Mapping[str, BaseGeometry],
    tolerance_m: float = FRONTLINE_TOLERANCE_M,
) -> BaseGeometry:
    """The front line of ``areas`` (lon/lat polygons) as a lon/lat (Multi)LineString, maybe empty.

    ``countries``: ISO alpha-2 -> country outline (lon/lat), e.g. the union
    of each country's regions in ``maps/data/adm1.geojson.gz``.
    """
    return derived_front_lines([areas], countries, tolerance_m)[0]


def derived_front_lines(
    snapshots: Sequence[BaseGeometry],
    countries: Mapping[str, BaseGeometry],
    tolerance_m: float = FRONTLINE_TOLERANCE_M,
) -> list[BaseGeometry]:
    """:func:`derived_front_line` of several snapshots, eroding the land once for all of them."""
    snapshots = [shapely.make_valid(a) if a is not None else Polygon() for a in snapshots]
    present = [a for a in snapshots if not a.is_empty]
    if not present:
        return [LineString() for _ in snapshots]
    x0, y0, x1, y1 = shapely.union_all([box(*a.bounds) for a in present]).bounds
    pad = 0.5  # degrees: far more than the tolerance, so the clip edges never reach the line
    frame = box(x0 - pad, y0 - pad, x1 + pad, y1 + pad)
    proj = projection_for(frame)
    inland = _inland(frame, countries, proj, tolerance_m)
    return [_front(a, inland, proj) for a in snapshots]


def _front(areas: BaseGeometry, inland: BaseGeometry, proj) -> BaseGeometry:
    if areas.is_empty or inland.is_empty:
        return LineString()
    boundary = proj.forward(shapely.segmentize(areas, 0.01)).boundary
    front = shapely.line_merge(_lines(boundary.intersection(inland)))
    pieces = [g for g in shapely.get_parts(front) if g.geom_type == "LineString" and g.length >= MIN_PIECE_M]
    if not pieces:
        return LineString()
    return proj.inverse(shapely.MultiLineString(pieces) if len(pieces) > 1 else pieces[0])


def _lines(geom: BaseGeometry) -> BaseGeometry:
    parts = [g for g in shapely.get_parts(geom) if g.geom_type == "LineString"]
    return shapely.MultiLineString(parts) if parts else shapely.MultiLineString()


def _inland(frame: BaseGeometry, countries: Mapping[str, BaseGeometry], proj, tolerance_m: float) -> BaseGeometry:
    """Land of every country within ``frame`` farther than ``tolerance_m`` from its outline (projected)."""
    eroded = []
    clip = frame.buffer(0.3)
    for outline in countries.values():
        if outline is None or outline.is_empty or not outline.intersects(frame):
            continue
        part = shapely.make_valid(outline).intersection(clip)
        if not part.is_empty:
            eroded.append(proj.forward(shapely.segmentize(part, 0.05)).buffer(-tolerance_m))
    return shapely.union_all(eroded) if eroded else Polygon()
