"""Reference names for the offline map: countries, regions, cities and towns, and the places events name.

The names come from the offline gazetteer (English GeoNames names) and go into
the page as one compact array; the page script (``NAMES_JS``) places them as
text in a pane under the event symbols, thinned as map label engines do:
greedy placement in rank order, a name is dropped when its box would overlap
one already placed, recomputed after each zoom and pan.

Each name is ``[text, lat, lon, kind, min_zoom]``; kinds are ``COUNTRY``,
``REGION``, ``TOWN`` and ``NAMED`` (a settlement an event or claim names), and
the array is in rank order (cities of a million, regions, countries, named
settlements, towns by population); from ``NAMED_ZOOM`` on the page puts the
named settlements first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import geopandas as gpd
import shapely
import shapely.ops
from shapely.geometry import box

COUNTRY, REGION, TOWN, NAMED = 0, 1, 2, 3
#: Towns get a name from this zoom on, by population (largest first); smaller towns are not shipped.
TOWN_ZOOMS = ((1_000_000, 5), (300_000, 6), (100_000, 7), (40_000, 8), (10_000, 9))
#: Country names show up to this zoom, region names up to the next.
COUNTRY_MAX_ZOOM, REGION_MAX_ZOOM = 6.5, 8.75
REGION_MIN_ZOOM = 5
#: Settlements an event or claim names show from this zoom (before towns of the same zoom).
NAMED_ZOOM = 8
#: How far around the events (degrees) names are shipped: the map is for the area of the events.
MARGIN_DEG = 4.0
#: Small towns (shown from zoom 8 on) only within this many degrees of an event: close zooms are
#: where the events are, and the page stays small.
NEAR_DEG = 1.0
DECIMALS = 3  # ~100 m: enough for a name's anchor


def _town_zoom(population: int) -> float | None:
    for floor, zoom in TOWN_ZOOMS:
        if population >= floor:
            return zoom
    return None


def _town(p) -> bool:
    """Not a section of a city, a historical or an abandoned place (GeoNames feature codes)."""
    return not (p.feature_type or "").startswith(("PPLX", "PPLH", "PPLQ"))


def _anchor(geom) -> tuple[float, float]:
    """(lat, lon) of a point well inside ``geom`` (its pole of inaccessibility)."""
    try:
        p = shapely.ops.polylabel(geom, tolerance=0.05) if geom.geom_type == "Polygon" else None
    except Exception:  # polylabel fails on some degenerate rings; the representative point always works
        p = None
    if p is None:
        parts = getattr(geom, "geoms", [geom])
        big = max(parts, key=lambda g: g.area)
        return _anchor(big) if big.geom_type == "Polygon" else (big.representative_point().y, big.representative_point().x)
    return p.y, p.x


def _row(name: str, lat: float, lon: float, kind: int, zoom: float) -> list:
    return [name, round(lat, DECIMALS), round(lon, DECIMALS), kind, zoom]


def _near(anchors) -> set:
    """Whole-degree cells within NEAR_DEG of an event anchor ((lat, lon) pairs)."""
    reach = int(math.ceil(NEAR_DEG))
    return {(math.floor(lat) + i, math.floor(lon) + j) for lat, lon in anchors
            for i in range(-reach, reach + 1) for j in range(-reach, reach + 1)}


def name_rows(extent, regions: gpd.GeoDataFrame, countries: dict, named: Iterable, gazetteer,
              anchors: Iterable = ()) -> list[list]:
    """The names of the map around ``extent`` (west, south, east, north), in rank order.

    ``countries``: code -> outline geometry (as the map draws it); ``named``:
    gazetteer places that events and claims name; ``gazetteer``: the store the
    English names and the towns come from; ``anchors``: (lat, lon) of the events
    (small towns are shipped only near them).
    """
    if extent is None:
        return []
    w, s, e, n = extent
    area = box(w - MARGIN_DEG, s - MARGIN_DEG, e + MARGIN_DEG, n + MARGIN_DEG)
    rows: list[list] = []
    # Regions by area, largest first (a large region's name is the one worth keeping).
    # Cities of a million lead, so the capital's name is not lost to its region's.
    towns = gazetteer.populated_places(area.bounds, TOWN_ZOOMS[-1][0])
    big = [p for p in towns if p.population >= TOWN_ZOOMS[0][0] and _town(p)]
    rows += [_row(p.name, p.lat, p.lon, TOWN, TOWN_ZOOMS[0][1]) for p in big]
    seen = {p.geonameid for p in big}
    inside = regions[regions.geometry.intersects(area)]
    english = {}
    for cc in sorted(set(inside["country_code"].dropna())):
        english.update({p.admin1_code: p.name for p in gazetteer.regions(cc)})
    for _, r in inside.assign(_a=shapely.area(inside.geometry.values)).sort_values("_a", ascending=False).iterrows():
        name = english.get(r["admin1_code"]) or r["name"]
        if name:
            rows.append(_row(name, *_anchor(r.geometry.intersection(area)), REGION, REGION_MIN_ZOOM))
    # Countries after the regions: from zoom 5 a region's name says more than its country's.
    for cc, geom in sorted(countries.items()):
        place = gazetteer.country(cc) if cc else None
        part = geom.intersection(area) if place else None
        if part is not None and not part.is_empty and part.area > 0.5:
            rows.append(_row(place.name, *_anchor(part), COUNTRY, 3))
    for p in sorted(named, key=lambda p: -p.population):
        if p.kind == "place" and p.geonameid not in seen:
            seen.add(p.geonameid)
            zoom = min(NAMED_ZOOM, _town_zoom(p.population) or NAMED_ZOOM)
            rows.append(_row(p.name, p.lat, p.lon, NAMED, zoom))
    near = _near(anchors)
    small = TOWN_ZOOMS[-2][0]
    for p in towns:
        if p.population < small and (math.floor(p.lat), math.floor(p.lon)) not in near:
            continue
        if p.geonameid not in seen and _town(p):
            seen.add(p.geonameid)
            rows.append(_row(p.name, p.lat, p.lon, TOWN, _town_zoom(p.population)))
    return rows


def named_places(events, claims) -> list:
    """Settlements the events (at a named place or near one) and the claims name."""
    out = [e.location.place for e in events if e.location and e.location.precision <= 2]
    out += [p for c in claims for p in c.near]
    return out


NAMES_CSS = """<style>
.sm-names { position: absolute; left: 0; top: 0; pointer-events: none; }
.sm-name { position: absolute; white-space: nowrap; color: #555; font-size: 11px; line-height: 13px;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 3px #fff; pointer-events: none; }
.sm-name::before { content: ""; position: absolute; left: -6px; top: 4px; width: 4px; height: 4px;
  border-radius: 50%; background: #777; box-shadow: 0 0 0 1px #fff; }
.sm-name-k0, .sm-name-k1 { text-transform: uppercase; letter-spacing: .08em; color: #8a8a8a; font-size: 10px; }
.sm-name-k0 { font-size: 12px; color: #777; letter-spacing: .15em; }
.sm-name-k0::before, .sm-name-k1::before { display: none; }
.sm-name-k3 { color: #333; }
</style>"""

#: Greedy placement by rank with collision boxes, in a pane under the markers (see module doc).
NAMES_JS = """
  (function() {
    var rows = %(rows)s, outlines = %(outlines)s;
    var TOWN_CHAR = 6.6, CAPS_CHAR = [8.8, 7.4], CELL = 80, PAD = 3;
    map.createPane('smNames').style.zIndex = %(z)d;
    map.getPane('smNames').style.pointerEvents = 'none';
    var box = L.DomUtil.create('div', 'sm-names leaflet-zoom-hide', map.getPane('smNames'));
    function size(r) {
      var caps = r[3] < 2, w = r[0].length * (caps ? CAPS_CHAR[r[3]] : TOWN_CHAR);
      return [w, r[3] === 0 ? 15 : 13];
    }
    function draw() {
      var t0 = performance.now(), z = map.getZoom(), view = map.getSize(), grid = {}, html = [], shown = 0;
      var lb = map.getBounds().pad(0.5), s = lb.getSouth(), n = lb.getNorth(), w = lb.getWest(), e = lb.getEast();
      if (outlines && !map.hasLayer(outlines)) { box.innerHTML = ''; window.smNamesShown = 0; return; }
      function hits(b) {
        for (var gx = Math.floor(b[0] / CELL); gx <= Math.floor(b[2] / CELL); gx++) {
          for (var gy = Math.floor(b[1] / CELL); gy <= Math.floor(b[3] / CELL); gy++) {
            var cell = grid[gx + ',' + gy] || [];
            for (var i = 0; i < cell.length; i++) { var o = cell[i];
              if (b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1]) { return true; } } } }
        return false;
      }
      function keep(b) {
        for (var gx = Math.floor(b[0] / CELL); gx <= Math.floor(b[2] / CELL); gx++) {
          for (var gy = Math.floor(b[1] / CELL); gy <= Math.floor(b[3] / CELL); gy++) {
            (grid[gx + ',' + gy] = grid[gx + ',' + gy] || []).push(b); } }
      }
      function consider(r) {
        var k = r[3];
        if (z < r[4] || (k === 0 && z > %(cmax)s) || (k === 1 && z > %(rmax)s)) { return; }
        if (k > 1 && (r[1] < s || r[1] > n || r[2] < w || r[2] > e)) { return; }
        var p = map.latLngToContainerPoint([r[1], r[2]]), wh = size(r), x, y;
        if (k < 2) { x = p.x - wh[0] / 2; y = p.y - wh[1] / 2; } else { x = p.x + 6; y = p.y - 7; }
        var b = [x - PAD - (k < 2 ? 0 : 8), y - PAD, x + wh[0] + PAD, y + wh[1] + PAD];
        if (b[2] < 0 || b[3] < 0 || b[0] > view.x || b[1] > view.y || hits(b)) { return; }
        keep(b);
        var lp = map.containerPointToLayerPoint([x, y]);
        html.push('<div class="sm-name sm-name-k' + k + '" style="left:' + Math.round(lp.x) + 'px;top:'
                  + Math.round(lp.y) + 'px">' + r[0].replace(/&/g, '&amp;').replace(/</g, '&lt;')
                  .replace(/>/g, '&gt;') + '</div>');
        shown++;
      }
      // Named settlements lead from the zoom they appear at; then by rank (the array's order).
      if (z >= %(nfirst)s) { rows.forEach(function(r) { if (r[3] === 3) { consider(r); } }); }
      rows.forEach(function(r) { if (r[3] !== 3 || z < %(nfirst)s) { consider(r); } });
      box.innerHTML = html.join('');
      window.smNamesShown = shown;
      window.smNamesMs = performance.now() - t0;  // read by scripts/bench_map_view.py
    }
    // moveend also ends every zoom.
    map.on('moveend viewreset resize baselayerchange', draw);
    map.whenReady(draw);
  })();
"""


def names_js(rows: list[list], outlines_name: str | None, pane_z: int, dumps) -> str:
    """The page script that places ``rows``; names show only while the offline outline base map is on."""
    return NAMES_JS % {"rows": dumps(rows), "outlines": outlines_name or "null", "z": pane_z,
                       "cmax": COUNTRY_MAX_ZOOM, "rmax": REGION_MAX_ZOOM, "nfirst": NAMED_ZOOM}
