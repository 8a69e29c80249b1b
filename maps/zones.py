"""Indicative control zones drawn from area-of-control claims.

A claim such as "Ukraine controls about N km² of Russia's X region" gives an
area, not a shape. It is drawn as an *indicative* zone shaped like a held
area: a compact bulge grown from a stretch of the region's border with the
controller's country, clipped to the region, of the claimed geodesic area
(within ``AREA_TOLERANCE``; the growth distance is found by bisection). The
stretch is the part of the border nearest the places the claim names, or the
middle of that border when it names none: a named place far inside the
region moves the zone along the border, it never draws a corridor to itself.
A claim of a settlement ("took the village of X"), or one naming places in
several regions, gives a small zone around each settlement instead: of the
claimed area when that is no larger than a town, else sized from the
settlements' population (the claimed area cannot be placed from them).

Shapes are grown in metres in a local equal-area projection; areas are
measured on the WGS84 ellipsoid.

>>> from shapely.geometry import box
>>> zone = border_zone(box(35, 51, 37, 52), box(33, 50, 35, 53), 1000)
>>> abs(zone.drawn_km2 - 1000) < 10, zone.basis
(True, 'border')
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import geopandas as gpd
import shapely
import shapely.ops
from shapely.geometry import MultiPoint, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from geo.model import RU, UA, AreaClaim, StrikemapError
from maps.geodesy import geodesic_area_km2, local_projection, projection_for

#: How far apart two boundaries may lie and still count as shared (generalised outlines differ).
BORDER_TOLERANCE_M = 3000.0
#: Relative tolerance of the area match (the promise).
AREA_TOLERANCE = 0.01
#: Where the bisection stops: well inside the promise, leaving room for rounding in the page.
SOLVE_TOLERANCE = 0.002
#: Half-length of the border stretch as a share of the growth depth: the zone is about three
#: times as wide along the border as it is deep, like a salient, never a strip.
STRETCH_PER_DEPTH = 0.5
#: A settlement's zone when the claim states no area: its population at this density
#: (typical of towns in the region's built-up areas), within these bounds in km².
PEOPLE_PER_KM2 = 2000.0
SETTLEMENT_KM2 = (2.0, 150.0)

#: Curated gazetteer features too large to draw a zone around (their point is a central point of a sea,
#: a river, a strait or a historical region, not a site one holds).
NOT_SITES = frozenset({"sea", "river", "strait", "historical_region"})

BORDER, NEAREST_EDGE, SETTLEMENT, WHOLE_REGION = "border", "nearest_edge", "settlement", "region"
#: The country whose territory each side's forces start from.
HOME = {RU: "RU", UA: "UA"}
SIDE_NAMES = {RU: "Russia", UA: "Ukraine"}


@dataclass(frozen=True)
class Zone:
    """An indicative zone: lon/lat polygon(s), how it was placed, its geodesic area and a note in words."""

    geometry: BaseGeometry
    basis: str
    drawn_km2: float
    note: str = ""


def _check(geom: BaseGeometry | None, area_km2) -> None:
    if geom is None or geom.is_empty:
        raise StrikemapError("indicative zone: the claimed region has no polygon")
    if area_km2 is None or not area_km2 > 0:
        raise StrikemapError(f"indicative zone: area must be positive, got {area_km2!r}")


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Only the polygon parts of a geometry (intersections can yield lines and points)."""
    parts = [g for g in shapely.get_parts(geom) if g.geom_type == "Polygon" and not g.is_empty]
    return shapely.union_all(parts) if parts else Polygon()


def _lines(geom: BaseGeometry) -> BaseGeometry:
    """Only the line parts of a geometry, merged where they join."""
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("LineString", "LinearRing") and not g.is_empty]
    return shapely.line_merge(shapely.union_all(parts)) if parts else shapely.LineString()


def _nearest_part(geom: BaseGeometry, anchor: BaseGeometry) -> BaseGeometry:
    """The polygon of ``geom`` nearest ``anchor`` (the largest among those touching it)."""
    parts = list(shapely.get_parts(_polygonal(geom)))
    if not parts:
        return Polygon()
    return min(parts, key=lambda p: (round(p.distance(anchor), 3), -p.area))


def _largest(geom: BaseGeometry) -> BaseGeometry:
    parts = list(shapely.get_parts(_polygonal(geom)))
    return max(parts, key=lambda p: p.area) if parts else Polygon()


def _solve(zone_at: Callable[[float], BaseGeometry], target_km2: float, hi: float) -> BaseGeometry:
    """The zone whose geodesic area is nearest ``target_km2``, by bisection on the growth distance."""
    best, best_err = zone_at(hi), None
    if geodesic_area_km2(best) <= target_km2:
        return best  # the claim is larger than all the zone can reach
    lo = 0.0
    for _ in range(60):
        mid = (lo + hi) / 2
        zone = zone_at(mid)
        area = geodesic_area_km2(zone)
        err = abs(area - target_km2) / target_km2
        if best_err is None or err < best_err:
            best, best_err = zone, err
        if err <= SOLVE_TOLERANCE:
            break
        lo, hi = (mid, hi) if area < target_km2 else (lo, mid)
    return best


def _middle(lines: BaseGeometry) -> Point:
    """The midpoint of the longest piece of a (multi)line."""
    longest = max(shapely.get_parts(lines), key=lambda g: g.length)
    return longest.interpolate(0.5, normalized=True)


def border_zone(
    region_geom: BaseGeometry,
    controller_geom: BaseGeometry,
    area_km2: float,
    toward: Sequence[Point] = (),
) -> Zone:
    """A compact zone of ``area_km2`` inside ``region_geom``, grown from its border with ``controller_geom``.

    ``toward`` (lon/lat points the claim names) picks the stretch of border
    the zone grows from: the one nearest them. With no shared border the
    zone grows from the edge of the region nearest the controller. A claim
    as large as the region gives the whole region. Raises StrikemapError for
    an empty region, a missing controller or a non-positive area.
    """
    _check(region_geom, area_km2)
    if controller_geom is None or controller_geom.is_empty:
        raise StrikemapError("indicative zone: no polygon of the controller's country to grow from")
    region_geom = shapely.segmentize(shapely.make_valid(region_geom), 0.02)  # keeps projected edges true
    total = geodesic_area_km2(region_geom)
    if area_km2 >= total * (1 - AREA_TOLERANCE):
        return Zone(region_geom, WHOLE_REGION, total)
    proj = projection_for(region_geom)
    region = proj.forward(region_geom)
    minx, miny, maxx, maxy = region_geom.bounds
    nearby = shapely.make_valid(controller_geom).intersection(box(minx - 1, miny - 1, maxx + 1, maxy + 1))
    controller = proj.forward(nearby if not nearby.is_empty else shapely.make_valid(controller_geom))
    border = _lines(region.boundary.intersection(controller.buffer(BORDER_TOLERANCE_M)))
    basis = BORDER
    if border.is_empty or border.length < BORDER_TOLERANCE_M:
        basis, border = NEAREST_EDGE, _lines(region.boundary)
        edge_point = shapely.ops.nearest_points(region.boundary, controller)[0]
    points = [proj.forward(p) for p in toward if p is not None and not p.is_empty]
    if points:
        anchor = shapely.ops.nearest_points(border, MultiPoint(points).centroid)[0]
    else:
        anchor = edge_point if basis == NEAREST_EDGE else _middle(border)

    def zone_at(depth: float) -> BaseGeometry:
        stretch = border.intersection(anchor.buffer(max(depth * STRETCH_PER_DEPTH, 1.0)))
        seed = stretch if not stretch.is_empty else anchor
        grown = _nearest_part(region.intersection(seed.buffer(depth, quad_segs=16)), anchor)
        # Clipped in lon/lat too: the projection round trip moves edge vertices by a hair.
        return _largest(proj.inverse(grown).intersection(region_geom))

    x0, y0, x1, y1 = region.bounds
    zone = _solve(zone_at, area_km2, hi=2 * max(x1 - x0, y1 - y0))
    return Zone(zone, basis, geodesic_area_km2(zone))


def settlement_population_km2(populations: Sequence[int]) -> float:
    """The area drawn for settlements a claim names without an area: by population, within bounds."""
    lo, hi = SETTLEMENT_KM2
    return sum(min(hi, max(lo, (pop or 0) / PEOPLE_PER_KM2)) for pop in populations) or lo


def settlement_zone(points: Sequence[Point], area_km2: float, clip: BaseGeometry | None = None) -> Zone:
    """Discs of one radius around each lon/lat point, clipped to ``clip`` (land), of ``area_km2`` together."""
    points = [p for p in points if p is not None and not p.is_empty]
    if not points:
        raise StrikemapError("indicative zone: no settlement to draw around")
    if area_km2 is None or not area_km2 > 0:
        raise StrikemapError(f"indicative zone: area must be positive, got {area_km2!r}")
    centre = MultiPoint(points).centroid
    proj = local_projection(centre.x, centre.y)
    flat = [proj.forward(p) for p in points]
    reach_m = 4 * (area_km2 * 1e6) ** 0.5 + 20_000  # discs clipped by a coast grow past the plain radius
    near = land = None
    if clip is not None and not clip.is_empty:
        pad = reach_m / 50_000  # degrees, generous at these latitudes
        x0, y0, x1, y1 = MultiPoint(points).bounds
        near = shapely.make_valid(clip).intersection(box(x0 - pad, y0 - pad, x1 + pad, y1 + pad))
        if not near.is_empty and any(near.distance(p) < 0.05 for p in points):
            land = proj.forward(near)

    def zone_at(radius: float) -> BaseGeometry:
        discs = shapely.union_all([p.buffer(radius, quad_segs=16) for p in flat])
        if land is None:
            return _polygonal(proj.inverse(discs))
        # Clipped in lon/lat too: the projection round trip moves edge vertices by a hair.
        return _polygonal(proj.inverse(_polygonal(discs.intersection(land))).intersection(near))

    zone = _solve(zone_at, area_km2, hi=reach_m)
    return Zone(zone, SETTLEMENT, geodesic_area_km2(zone))


# ---------------------------------------------------------------- claims


def _names(places) -> str:
    names = list(dict.fromkeys(p.name for p in places))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _sites(places) -> list:
    """The named places one can draw a zone around: settlements and sites, not seas, rivers or regions."""
    return [p for p in places if p is not None and (p.kind == "place" or (p.kind == "feature" and p.feature_type not in NOT_SITES))]


def _around(claim: AreaClaim, places, country_of, why: str) -> Zone | None:
    """A small zone around the sites ``places``, clipped to their countries' land.

    Drawn to the claimed area when that is no larger than a town
    (``SETTLEMENT_KM2``); a larger area cannot be placed from a few sites,
    so the zone then only marks them, sized from their population.
    """
    places = _sites(places)
    if not places:
        return None
    claimed = claim.area_km2 if claim.area_km2 and claim.area_km2 > 0 else None
    if claimed is not None and claimed <= SETTLEMENT_KM2[1]:
        area, sized = claimed, "sized to the claimed area"
    else:
        area = settlement_population_km2([p.population for p in places])
        sized = ("sized from population: the claim states no area" if claimed is None else
                 f"sized from population: the claimed {claimed:,.0f} km² cannot be placed from a few sites")
    countries = [country_of(cc) for cc in dict.fromkeys(p.country_code for p in places if p.country_code)]
    land = shapely.union_all([c for c in countries if c is not None]) if any(c is not None for c in countries) else None
    zone = settlement_zone([Point(p.lon, p.lat) for p in places], area, land)
    return replace(zone, note=f"around {_names(places)} ({why}), {sized}")


def claim_zone(claim: AreaClaim, regions: gpd.GeoDataFrame, country_of: Callable[[str], BaseGeometry | None]) -> Zone | None:
    """The indicative zone of one claim, or None when there is nothing to place it by.

    ``regions``: ADM1 polygons with ``admin1_code``/``iso_code`` (see
    ``maps.regions``); ``country_of(cc)``: a country's outline or None.
    A region claim grows from the border with the controller's country; a
    settlement, a claim naming places in several regions, or one in the
    controller's own country (no border to grow from) gives zones around the
    named settlements; a region claim with no area and no settlement, or a
    claim of a whole country, is not drawn.
    """
    from maps.regions import assign_regions

    region = claim.region
    if region is None:
        return None
    if region.kind in ("place", "feature"):
        return _around(claim, [region, *claim.near], country_of, "the settlement the claim names")
    if region.kind != "adm1":
        return _around(claim, claim.near, country_of, "the claim names a country, not a region")
    (row,) = assign_regions([region], regions)
    if row is None:
        return _around(claim, claim.near, country_of, "no polygon for the region")
    region_geom = regions.geometry.iloc[row]
    elsewhere = [p for p, r in zip(claim.near, assign_regions(list(claim.near), regions)) if r is not None and r != row]
    if elsewhere:
        return _around(claim, claim.near, country_of, "the claim names places in several regions")
    home = HOME.get(claim.controller)
    controller = country_of(home) if home and home != region.country_code else None
    if controller is None or not claim.area_km2 or claim.area_km2 <= 0:
        why = ("no area stated" if controller is not None else
               "the region lies in the controller's own country" if home else "the controller is not known")
        return _around(claim, claim.near, country_of, why)
    near = _sites(claim.near)
    zone = border_zone(region_geom, controller, claim.area_km2, toward=[Point(p.lon, p.lat) for p in near])
    side = SIDE_NAMES.get(claim.controller, claim.controller)
    if zone.basis == WHOLE_REGION:
        note = "the whole region: the claim is as large as it"
    elif zone.basis == NEAREST_EDGE:
        note = f"grown from the edge of the region nearest {side} (the region does not border it)"
    else:
        note = f"grown from the border with {side}"
    if near and zone.basis != WHOLE_REGION:
        note += f", on the stretch nearest {_names(near)}"
    return replace(zone, note=note)


# ---------------------------------------------------------------- built-in regions, cached


@functools.cache
def _builtin_regions() -> gpd.GeoDataFrame:
    from maps.regions import load_regions

    return load_regions()


def _builtin_country(cc: str) -> BaseGeometry | None:
    from maps.regions import UnknownRegionError, country_outline

    try:
        return country_outline(cc)
    except UnknownRegionError:
        return None


@functools.lru_cache(maxsize=512)
def _builtin_zone(claim: AreaClaim) -> Zone | None:
    return claim_zone(claim, _builtin_regions(), _builtin_country)


def _geometry_key(claim: AreaClaim) -> AreaClaim:
    """The claim less what does not change its zone (sources, claimant, date), so repeats share one."""
    return replace(claim, sources=(), claimant=None, date=None, id="", qualifier=None, area_text=None)


def claim_zones(
    claims: Sequence[AreaClaim],
    regions: gpd.GeoDataFrame | None = None,
    country_of: Callable[[str], BaseGeometry | None] | None = None,
) -> list[Zone | None]:
    """Zones of ``claims`` (None where one cannot be placed); built-in regions and cached when ``regions`` is None."""
    if regions is None:
        return [_builtin_zone(_geometry_key(c)) for c in claims]
    country_of = country_of or (lambda cc: None)
    return [claim_zone(c, regions, country_of) for c in claims]
