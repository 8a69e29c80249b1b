"""Build the layered folium map of events, region-level reports and control areas.

Layers (each named with its count in the layer control): strikes by each
side, interception reports, region-level reports (the region shaded, never a
pin at its capital), a per-region choropleth, reported areas of control
(indicative zones sized from claims, or supplied areas), front lines, and
other places (off by default). Country and region outlines are drawn as the
map's own layer so it reads with no tiles. Point markers and popups are
created in the page from one JSON array (fast for 10,000 events); all
article text in it is HTML-escaped and JSON-escaped for ``<script>``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import folium
import geopandas as gpd
import numpy as np
import shapely
from branca.element import Element, MacroElement
from folium.plugins import MarkerCluster
from folium.template import Template
from folium.utilities import JsCode
from shapely.geometry import Point, mapping

from geo.outputs.atomic import write_text
from geo.model import INTERCEPTION, RU, UA, UNKNOWN, AreaClaim, Event, StrikemapError
from maps import popups, style
from maps.assets import embed_assets, trim_defaults
from maps.control import geodesic_area_km2, indicative_zone
from maps.overlays import as_overlay

ATTRIBUTION = (
    'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC-BY 4.0) · '
    'Boundaries: <a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain)'
)
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
#: Coordinates are rounded to this many decimals in the page (about 100 m), to keep it small.
DECIMALS = 3
#: Background outlines need less (about 1 km, the tolerance of the shipped polygons).
OUTLINE_DECIMALS = 2


def safe_json(value) -> str:
    """JSON that is safe inside an HTML ``<script>`` element (no ``</script>``, no ``<!--``)."""
    return (
        json.dumps(value, ensure_ascii=True, separators=(",", ":"), default=str)
        .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    )


class _Script(MacroElement):
    """A block of page script run after the map and its layers exist."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}")

    def __init__(self, code: str):
        super().__init__()
        self._name = "StrikemapScript"
        self.code = code


# ---------------------------------------------------------------- regions


def _regions_frame(regions) -> tuple[gpd.GeoDataFrame, bool]:
    """(regions in EPSG:4326, whether they are the built-in Natural Earth ones)."""
    builtin = regions is None
    if not isinstance(regions, gpd.GeoDataFrame):
        from maps.regions import load_regions  # the shipped ADM1 polygons, read only when needed

        regions = load_regions(regions)
    gdf = regions.to_crs(4326) if regions.crs is not None else regions.set_crs(4326)
    for col in ("admin1_code", "iso_code", "name", "country_code"):
        if col not in gdf.columns:
            gdf = gdf.assign(**{col: None})
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty].reset_index(drop=True)
    return gdf, builtin


def _assign_regions(places: list, regions: gpd.GeoDataFrame) -> list[int | None]:
    """Row index in ``regions`` for each place: by GeoNames admin1 code, ISO 3166-2 code, else point in polygon."""
    by_code: dict[str, int] = {}
    for col in ("iso_code", "admin1_code"):
        for i, code in enumerate(regions[col]):
            if isinstance(code, str) and code:
                by_code.setdefault(code, i)
    out: list[int | None] = []
    unresolved = []
    for k, p in enumerate(places):
        hit = None
        if p is not None and p.kind != "country":
            hit = by_code.get(p.admin1_code or "") if p.admin1_code else None
            if hit is None and p.iso_code:
                hit = by_code.get(p.iso_code)
            if hit is None:
                unresolved.append(k)
        out.append(hit)
    if unresolved:
        pts = shapely.points([places[k].lon for k in unresolved], [places[k].lat for k in unresolved])
        src, dst = regions.sindex.query(pts, predicate="intersects")
        for s, d in zip(src, dst):
            out[unresolved[s]] = out[unresolved[s]] if out[unresolved[s]] is not None else int(d)
    return out


def _feature(geom, props: dict, decimals: int = DECIMALS) -> dict:
    geom = shapely.set_precision(geom, 10 ** -decimals) if geom.geom_type != "Point" else geom
    return {"type": "Feature", "geometry": mapping(geom), "properties": props}


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


_BIND = JsCode(
    """function(f, l) {
        var p = f.properties || {};
        if (p.sm_label) { l.bindTooltip(p.sm_label, {permanent: true, direction: 'right', offset: [12, 0], className: 'sm-zone-label'}); }
        else if (p.sm_tip) { l.bindTooltip(p.sm_tip, {sticky: true}); }
        if (p.sm_popup) { l.bindPopup(p.sm_popup, {maxWidth: 440, maxHeight: 420}); }
    }"""
)
_STYLE = JsCode("function(f) { return f.properties.sm_style; }")


def _geojson(features: list[dict], parent, **options) -> folium.GeoJson | None:
    if not features:
        return None
    layer = folium.GeoJson(_collection(features), control=False, style=_STYLE, on_each_feature=_BIND, **options)
    layer.add_to(parent)
    return layer


# ---------------------------------------------------------------- model


@dataclass
class _Layers:
    """What goes on the map, before it is turned into folium objects."""

    points: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    region_reports: dict[int, list[Event]] = field(default_factory=lambda: defaultdict(list))
    region_interceptions: dict[int, list[Event]] = field(default_factory=lambda: defaultdict(list))
    other: list[Event] = field(default_factory=list)
    unplaced: list[Event] = field(default_factory=list)
    per_region: Counter = field(default_factory=Counter)


def _point_group(e: Event) -> str:
    if e.type == INTERCEPTION:
        return "interception"
    return e.attacker if e.attacker in (RU, UA) else UNKNOWN


def _sort_events(events: list[Event], regions: gpd.GeoDataFrame) -> _Layers:
    layers = _Layers()
    places = [e.location.place if e.location else None for e in events]
    idx = _assign_regions(places, regions)
    for e, r in zip(events, idx):
        if e.location is None:
            layers.unplaced.append(e)
            continue
        if r is not None and e.location.precision <= 3:
            layers.per_region[r] += 1
        if e.location.precision >= 4 or (e.location.precision == 3 and r is None):
            layers.other.append(e)
        elif e.location.precision == 3:
            target = layers.region_interceptions if e.type == INTERCEPTION else layers.region_reports
            target[r].append(e)
        else:
            layers.points[_point_group(e)].append(e)
    return layers


def _dates(events: Iterable[Event], claims: Iterable[AreaClaim]) -> list[dt.date]:
    return sorted({d for d in [*(e.date for e in events), *(c.date for c in claims)] if d is not None})


def _report_count(events, claims, documents_count) -> int:
    if documents_count is not None:
        return documents_count
    docs = {s.document for e in events for s in e.sources} | {s.document for c in claims for s in c.sources}
    return len(docs)


# ---------------------------------------------------------------- layers


def _outline_layer(m: folium.Map, regions: gpd.GeoDataFrame) -> tuple[folium.FeatureGroup, dict]:
    """Land, region and country outlines, drawn below everything and not clickable."""
    group = folium.FeatureGroup(name="Countries and regions", control=False)
    region_style = {"color": "#9e9e9e", "weight": 0.6, "fillColor": style.LAND_COLOUR, "fillOpacity": 1.0}
    feats = [
        _feature(g, {"sm_style": region_style}, OUTLINE_DECIMALS)
        for g, n in zip(regions.geometry, regions["name"].fillna(""))
    ]
    _geojson(feats, group, interactive=False)
    countries = {}
    for cc, part in regions.groupby(regions["country_code"].fillna("")):
        countries[cc] = shapely.union_all(shapely.make_valid(part.geometry.values))
    country_style = {"color": style.OUTLINE_COLOUR, "weight": 1.6, "fill": False}
    _geojson([_feature(g.boundary, {"sm_style": country_style}, OUTLINE_DECIMALS) for g in countries.values()], group, interactive=False)
    group.add_to(m)
    return group, countries


def _region_layer(name, regions, by_region: dict[int, list[Event]], what: str, cls: str, colour_of) -> tuple:
    feats = []
    for r, evs in by_region.items():
        row = regions.iloc[r]
        colour = colour_of(evs)
        sm_style = {"color": colour, "weight": 2, "fillColor": colour, "fillOpacity": 0.28,
                    "className": f"sm-region {cls}"}
        if cls == "sm-region-interception":
            sm_style.update(fillOpacity=0.08, dashArray="6 4", weight=2.5)
        dates = [e.date for e in evs if e.date]
        feats.append(_feature(row.geometry, {
            "sm_style": sm_style,
            "sm_popup": popups.region_popup(row["name"] or "region", evs, what),
            "sm_tip": popups.region_tooltip(row["name"] or "region", evs, what),
            "sm_date": min(dates).isoformat() if dates else None,
        }))
    n = sum(len(v) for v in by_region.values())
    group = folium.FeatureGroup(name=f"{name} ({n})")
    return group, feats


def _side_colour(evs: list[Event]) -> str:
    sides = {e.attacker for e in evs}
    return style.SIDE_COLOURS.get(sides.pop(), style.SIDE_COLOURS[UNKNOWN]) if len(sides) == 1 else "#6a1b9a"


def _choropleth(regions, per_region: Counter) -> tuple[list[dict], list[tuple[int, int]]]:
    """Features of regions with events, coloured in up to five steps of the event count."""
    if not per_region:
        return [], []
    top = max(per_region.values())
    edges = sorted({int(round(x)) for x in np.geomspace(1, top + 1, num=len(style.CHOROPLETH_COLOURS) + 1)})
    steps = [(edges[i], edges[i + 1] - 1) for i in range(len(edges) - 1)] or [(1, top)]
    steps[-1] = (steps[-1][0], max(top, steps[-1][0]))

    def colour(n):
        for i, (lo, hi) in enumerate(steps):
            if lo <= n <= hi:
                return style.CHOROPLETH_COLOURS[min(i, len(style.CHOROPLETH_COLOURS) - 1)]
        return style.CHOROPLETH_COLOURS[-1]

    feats = []
    for r, n in per_region.items():
        row = regions.iloc[r]
        feats.append(_feature(row.geometry, {
            "sm_style": {"color": "#7f0000", "weight": 0.8, "fillColor": colour(n), "fillOpacity": 0.7,
                         "className": "sm-choropleth"},
            "sm_tip": popups.choropleth_tooltip(row["name"] or "region", n),
        }))
    return feats, steps


def _claim_features(claims, regions, countries, supplied_areas, label):
    """Indicative zones (or supplied areas) for each claim, plus the supplied areas themselves."""
    feats, drawn = [], []
    claim_regions = _assign_regions([c.region for c in claims], regions)
    used = set()
    for claim, r in zip(claims, claim_regions):
        if r is None or claim.region is None:
            continue
        region_geom = shapely.make_valid(regions.geometry.iloc[r])
        colour = style.CONTROL_COLOURS.get(claim.controller, style.CONTROL_COLOURS[UNKNOWN])
        date = claim.date.isoformat() if claim.date else None
        hits = supplied_areas[supplied_areas.intersects(region_geom)] if len(supplied_areas) else supplied_areas
        if len(hits):
            used.update(hits.index)
            inside = shapely.union_all(hits.geometry.values).intersection(region_geom)
            km2 = geodesic_area_km2(inside)
            feats.append(_feature(inside, {
                "sm_style": {"color": colour, "weight": 2.5, "fillColor": colour, "fillOpacity": 0.35,
                             "className": "sm-control-area sm-control-supplied"},
                "sm_popup": popups.claim_popup(claim, drawn_km2=km2, supplied=True, supplied_label=label),
                "sm_tip": popups.claim_tooltip(claim, True) + f" · drawn {km2:,.0f} km²",
                "sm_date": date,
            }))
            drawn.append((claim, km2, True))
            continue
        if not claim.area_km2:
            continue
        zone = indicative_zone(region_geom, countries.get(claim.controller), claim.area_km2,
                               toward=[Point(p.lon, p.lat) for p in claim.near])
        km2 = geodesic_area_km2(zone)
        who = popups.side_name(claim.controller)
        tag = f"{claim.qualifier} " if claim.qualifier else ""
        feats.append(_feature(zone, {
            "sm_style": {"color": colour, "weight": 2, "dashArray": "6 4", "fillColor": colour, "fillOpacity": 0.4,
                         "className": "sm-control-area sm-control-indicative"},
            "sm_popup": popups.claim_popup(claim, drawn_km2=km2, supplied=False),
            "sm_label": popups.esc(f"INDICATIVE: {who}, {tag}{claim.area_km2:,.0f} km² claimed")
                        + "<br>" + popups.esc(f"{claim.claimant or 'claimant not stated'}, {date or 'undated'}"),
            "sm_date": date,
        }))
        drawn.append((claim, km2, False))
    for i, row in supplied_areas.iterrows():
        km2 = geodesic_area_km2(row.geometry)
        feats.append(_feature(row.geometry, {
            "sm_style": {"color": "#4a148c", "weight": 1.5, "fillColor": "#7b1fa2",
                         "fillOpacity": 0.12 if i in used else 0.25, "className": "sm-control-area sm-control-file"},
            "sm_popup": popups.overlay_popup("Area of control (from file)", row["name"], row["date"], label, km2),
            "sm_tip": popups.esc(f"{row['name'] or 'area of control'} ({label})"),
            "sm_date": row["date"].isoformat() if row["date"] else None,
        }))
    return feats, drawn


def _line_features(lines: gpd.GeoDataFrame, label: str) -> list[dict]:
    return [
        _feature(row.geometry, {
            "sm_style": {"color": style.FRONTLINE_COLOUR, "weight": 3, "opacity": 0.9, "className": "sm-frontline"},
            "sm_popup": popups.overlay_popup("Front line (from file)", row["name"], row["date"], label),
            "sm_tip": popups.esc(f"front line{', ' + row['date'].isoformat() if row['date'] else ''} ({label})"),
            "sm_date": row["date"].isoformat() if row["date"] else None,
        })
        for _, row in lines.iterrows()
    ]


def _read_overlays(control, frontline):
    """(areas, lines, labels) from the --control and --frontline sources; points are left out."""
    empty = gpd.GeoDataFrame({"kind": [], "name": [], "date": []}, geometry=[], crs=4326)
    areas, lines, labels = [empty], [empty], []
    for source in (control, frontline):
        if source is None:
            continue
        gdf, label = as_overlay(source)
        labels.append(label)
        areas.append(gdf[gdf["kind"] == "area"])
        lines.append(gdf[gdf["kind"] == "line"])
    cat = lambda parts: gpd.GeoDataFrame(  # noqa: E731
        __import__("pandas").concat(parts, ignore_index=True), geometry="geometry", crs=4326)
    return cat(areas), cat(lines), " + ".join(labels) or "file"


# ---------------------------------------------------------------- page pieces

_CSS = """
<style>
.leaflet-container.leaflet-container { background: %(sea)s; font-family: "DejaVu Sans", Arial, sans-serif; }
.sm-marker { background: none; border: none; }
.sm-marker svg { display: block; filter: drop-shadow(0 1px 1px rgba(0,0,0,.45)); }
.sm-title { position: absolute; top: 10px; left: 50%%; transform: translateX(-50%%); z-index: 800;
  background: rgba(255,255,255,.92); padding: 6px 14px; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.3);
  font-size: 15px; text-align: center; pointer-events: none; max-width: 60%%; }
.sm-title small { display: block; font-size: 12px; color: #444; }
.sm-legend { background: rgba(255,255,255,.94); padding: 8px 10px; border-radius: 6px; font-size: 12px;
  line-height: 1.35; box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 270px; }
.sm-legend h4 { margin: 0 0 4px; font-size: 13px; }
.sm-legend .row { display: flex; align-items: center; gap: 6px; margin: 1px 0; }
.sm-legend svg { flex: none; }
.sm-legend .sw { flex: none; display: inline-block; width: 16px; height: 12px; border: 1px solid #555; }
.sm-legend .note { color: #555; margin-top: 4px; }
.sm-zone-label { background: rgba(255,255,255,.85); border: 1px dashed #333; font-size: 11px; font-weight: bold;
  white-space: nowrap; box-shadow: none; }
.sm-slider { background: rgba(255,255,255,.94); padding: 6px 10px; border-radius: 6px; font-size: 12px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.sm-slider input { width: 220px; }
.sm-popup q { font-style: italic; }
.leaflet-control-layers-expanded { font-size: 12px; }
</style>
"""


def _legend_html(layers: _Layers, shapes: list[str], steps, has_claims: bool, has_lines: bool, unplaced: int) -> str:
    rows = ["<h4>Legend</h4>"]
    for side in (RU, UA, UNKNOWN):
        rows.append(f'<div class="row"><span class="sw" style="background:{style.SIDE_COLOURS[side]}"></span>'
                    f"strike by {popups.esc(style.SIDE_NAMES[side])}</div>")
    rows.append(f'<div class="row">{style.shape_svg("circle", "#fff", 14, stroke=style.INTERCEPTION_COLOUR)}'
                "interception report (outline)</div>")
    for shape in shapes:
        rows.append(f'<div class="row">{style.shape_svg(shape, "#777", 14)}{popups.esc(style.SHAPE_WORDS[shape])}</div>')
    rows.append('<div class="row">' + style.shape_svg("circle", "#777", 12) + style.shape_svg("circle", "#777", 22)
                + "larger = more weapons</div>")
    rows.append('<div class="row">' + style.shape_svg("circle", "#777", 14, stroke="#222", dashed=True)
                + "dashed outline: near a place</div>")
    rows.append(f'<div class="row"><span class="sw" style="background:{style.SIDE_COLOURS[RU]};opacity:.4"></span>'
                "region shaded: reported only as a region</div>")
    if steps:
        for (lo, hi), c in zip(steps, style.CHOROPLETH_COLOURS):
            rng = f"{lo}" if lo == hi else f"{lo}–{hi}"
            rows.append(f'<div class="row"><span class="sw" style="background:{c}"></span>{rng} event{"s" if hi > 1 else ""} in region (choropleth)</div>')
    if has_claims:
        rows.append(f'<div class="row"><span class="sw" style="background:{style.CONTROL_COLOURS[UA]};opacity:.5;'
                    'border-style:dashed"></span>INDICATIVE control zone: sized from a claim, not a mapped line</div>')
    if has_lines:
        rows.append('<div class="row"><span style="display:inline-block;width:16px;border-top:3px solid #000"></span>front line (supplied file)</div>')
    notes = []
    if layers.other:
        notes.append(f"{len(layers.other)} country-level or unmatched reports under “Other places” (off by default).")
    if unplaced:
        notes.append(f"{unplaced} reports without a location are not drawn.")
    notes.append("Click a symbol or region for its sources.")
    rows.append('<div class="note">' + " ".join(popups.esc(n) for n in notes) + "</div>")
    return "".join(rows)


def _page_script(m, *, title_html, legend_html, attribution, points_js, slider) -> str:
    mv = m.get_name()
    return f"""
(function() {{
  var map = {mv};
  var t = L.DomUtil.create('div', 'sm-title', map.getContainer());
  t.innerHTML = {safe_json(title_html)};
  var legend = L.control({{position: 'bottomleft'}});
  legend.onAdd = function() {{ var d = L.DomUtil.create('div', 'sm-legend'); d.innerHTML = {safe_json(legend_html)};
    L.DomEvent.disableClickPropagation(d); L.DomEvent.disableScrollPropagation(d); return d; }};
  legend.addTo(map);
  map.attributionControl.addAttribution({safe_json(attribution)});
  {points_js}
  {slider}
}})();
"""


def _points_js(groups: dict[str, str], icons: list, points: list) -> str:
    return f"""
  var groups = {{{", ".join(f"{json.dumps(k)}: {v}" for k, v in groups.items())}}};
  var icons = {safe_json(icons)}.map(function(i) {{
    return L.divIcon({{html: i[0], className: 'sm-marker ' + i[2], iconSize: [i[1], i[1]],
                       iconAnchor: [i[1] / 2, i[1] / 2], popupAnchor: [0, -i[1] / 2]}}); }});
  var pts = {safe_json(points)};
  var batches = {{}};
  window.smItems = window.smItems || [];
  pts.forEach(function(p) {{
    var mk = L.marker([p[0], p[1]], {{icon: icons[p[3]], riseOnHover: true}});
    mk.bindPopup(p[5], {{maxWidth: 440, maxHeight: 420}});
    mk.bindTooltip(p[6], {{direction: 'top'}});
    (batches[p[2]] = batches[p[2]] || []).push(mk);
    window.smItems.push({{layer: mk, parent: groups[p[2]], date: p[4]}});
  }});
  Object.keys(batches).forEach(function(k) {{
    var g = groups[k];
    if (g.addLayers) {{ g.addLayers(batches[k]); }} else {{ batches[k].forEach(function(mk) {{ g.addLayer(mk); }}); }}
  }});
"""


def _slider_js(dates: list[dt.date], geojson_names: list[str]) -> str:
    if len(dates) < 2:
        return ""
    return f"""
  var dates = {safe_json([d.isoformat() for d in dates])};
  {";".join(f"{n}.eachLayer(function(l) {{ window.smItems.push({{layer: l, parent: {n}, date: (l.feature.properties || {{}}).sm_date}}); }})" for n in geojson_names)};
  var ctl = L.control({{position: 'bottomright'}});
  ctl.onAdd = function() {{
    var d = L.DomUtil.create('div', 'sm-slider');
    d.innerHTML = '<label>Date: <b class="sm-slider-label"></b></label><br>'
      + '<input type="range" class="sm-slider-input" min="0" step="1">';
    L.DomEvent.disableClickPropagation(d); L.DomEvent.disableScrollPropagation(d);
    var input = d.querySelector('input'), label = d.querySelector('.sm-slider-label');
    input.max = dates.length; input.value = dates.length;
    function apply() {{
      var i = +input.value, day = i < dates.length ? dates[i] : null;
      label.textContent = day ? day : 'all dates (' + dates[0] + ' to ' + dates[dates.length - 1] + ')';
      window.smItems.forEach(function(it) {{
        var show = day === null || it.date === day;
        if (show && !it.parent.hasLayer(it.layer)) {{ it.parent.addLayer(it.layer); }}
        if (!show && it.parent.hasLayer(it.layer)) {{ it.parent.removeLayer(it.layer); }}
      }});
    }}
    input.addEventListener('input', apply); apply();
    return d;
  }};
  ctl.addTo(map);
"""


# ---------------------------------------------------------------- main


def render_map(
    events: Iterable[Event],
    area_claims: Iterable[AreaClaim] = (),
    *,
    regions=None,
    control=None,
    frontline=None,
    title: str | None = None,
    cdn: bool = False,
    documents_count: int | None = None,
) -> folium.Map:
    """A folium map of ``events`` and ``area_claims`` with toggleable, counted layers.

    ``regions``: a GeoDataFrame or boundary file (None: the built-in Natural
    Earth ADM1 polygons). ``control`` / ``frontline``: GeoJSON or KML paths
    (or GeoDataFrames) of supplied control areas and front lines. ``cdn``:
    link the JS/CSS from CDNs instead of embedding it (a small page that
    needs the network). Save with :func:`save_map`.
    """
    events = list(events)
    claims = list(area_claims)
    regions_gdf, builtin = _regions_frame(regions)
    layers = _sort_events(events, regions_gdf)
    supplied_areas, lines, overlay_label = _read_overlays(control, frontline)

    m = folium.Map(location=[49.0, 33.0], zoom_start=5, tiles=None, control_scale=True,
                   prefer_canvas=False)
    m.options.update(minZoom=3, maxZoom=14)  # folium sets these on tile layers only; the map starts with none
    trim_defaults(m)
    root = m.get_root()
    root.title = popups.esc(title or "strikemap: strikes and reported control")
    root.header.add_child(Element(_CSS % {"sea": style.SEA_COLOUR}), name="sm_css")

    # Base layers: our own outlines always work; OpenStreetMap tiles only when online.
    folium.FeatureGroup(name="Outlines only (works offline)", overlay=False, show=not cdn).add_to(m)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap tiles (online)", overlay=False, show=cdn,
                     attr=OSM_ATTRIBUTION, opacity=0.75).add_to(m)
    _, countries = _outline_layer(m, regions_gdf)
    geojson_names: list[str] = []

    def keep(layer):
        if layer is not None:
            geojson_names.append(layer.get_name())

    # Choropleth (off by default: the shaded region reports read better alone).
    chor_feats, steps = _choropleth(regions_gdf, layers.per_region)
    if chor_feats:
        g = folium.FeatureGroup(name=f"Events per region, choropleth ({len(chor_feats)} regions)", show=False)
        keep(_geojson(chor_feats, g))
        g.add_to(m)

    # Region-level reports: the region shaded, coloured by side.
    g, feats = _region_layer("Region-level reports", regions_gdf, layers.region_reports,
                             "Reported only as the region", "sm-region-report", _side_colour)
    if feats:
        keep(_geojson(feats, g))
        g.add_to(m)

    # Control areas and front lines.
    ctl_feats, drawn = _claim_features(claims, regions_gdf, countries, supplied_areas, overlay_label)
    if ctl_feats:
        g = folium.FeatureGroup(name=f"Reported areas of control ({len(ctl_feats)})")
        keep(_geojson(ctl_feats, g))
        g.add_to(m)
    line_feats = _line_features(lines, overlay_label)
    if line_feats:
        g = folium.FeatureGroup(name=f"Front lines ({len(line_feats)})")
        keep(_geojson(line_feats, g))
        g.add_to(m)

    # Point layers: clusters per side, interceptions (regions outlined when only the region is known).
    cluster_opts = {"maxClusterRadius": 35, "spiderfyOnMaxZoom": True, "showCoverageOnHover": False,
                    "chunkedLoading": True}
    groups: dict[str, str] = {}
    clusters = []
    names = {RU: "Strikes by Russia", UA: "Strikes by Ukraine", UNKNOWN: "Strikes by unknown side"}
    for key in (RU, UA, UNKNOWN):
        if key in layers.points or key != UNKNOWN:
            n = len(layers.points.get(key, ()))
            c = MarkerCluster(name=f"{names[key]} ({n})", options=cluster_opts)
            c.add_to(m)
            clusters.append(c)
            groups[key] = c.get_name()
    n_int = len(layers.points.get("interception", ())) + sum(len(v) for v in layers.region_interceptions.values())
    c = MarkerCluster(name=f"Interception reports ({n_int})", options=cluster_opts)
    c.add_to(m)
    clusters.append(c)
    groups["interception"] = c.get_name()
    g, feats = _region_layer("", regions_gdf, layers.region_interceptions, "Interceptions reported over the region",
                             "sm-region-interception", lambda evs: style.INTERCEPTION_COLOUR)
    if feats:
        keep(_geojson(feats, c))
    other = folium.FeatureGroup(name=f"Other places ({len(layers.other)})", show=False)
    other.add_to(m)
    groups["other"] = other.get_name()

    icons: list = []
    icon_index: dict[tuple, int] = {}
    points: list = []
    shapes_used: list[str] = []
    for key, evs in [*layers.points.items(), ("other", layers.other)]:
        for e in evs:
            svg, size = style.event_icon(e)
            cls = f"sm-{key.lower()}" + (" sm-flagged" if key == "other" else "")
            ik = (svg, size, cls)
            if ik not in icon_index:
                icon_index[ik] = len(icons)
                icons.append([svg, size, cls])
            shape = style.event_shape(e)
            if shape not in shapes_used:
                shapes_used.append(shape)
            p = e.location.place
            tip = popups.event_tooltip(e) + (" · not drawn at its precision: flagged" if key == "other" else "")
            points.append([round(p.lat, 5), round(p.lon, 5), key, icon_index[ik],
                           e.date.isoformat() if e.date else None, popups.event_popup(e), tip])

    folium.LayerControl(collapsed=False, position="topright").add_to(m)

    # Title, legend, attribution, markers and the time slider, as one script after all layers.
    dates = _dates(events, claims)
    span = (f"{dates[0].isoformat()} to {dates[-1].isoformat()}" if len(dates) > 1
            else dates[0].isoformat() if dates else "undated")
    n_reports = _report_count(events, claims, documents_count)
    title_html = (f"<b>{popups.esc(title or 'Strikes and reported control')}</b>"
                  f"<small>{popups.esc(span)} · {n_reports} report{'s' if n_reports != 1 else ''} · "
                  f"{len(events)} events</small>")
    legend = _legend_html(layers, shapes_used or ["circle"], steps, bool(drawn), bool(line_feats), len(layers.unplaced))
    attribution = ATTRIBUTION if builtin else (
        'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC-BY 4.0) · Boundaries: user-supplied file')
    _Script(_page_script(m, title_html=title_html, legend_html=legend, attribution=attribution,
                         points_js=_points_js(groups, icons, points),
                         slider=_slider_js(dates, geojson_names))).add_to(m)

    bounds = _bounds(events, drawn, regions_gdf, layers)
    if bounds:
        m.fit_bounds(bounds, padding=(20, 20))
    if not cdn:
        embed_assets(m, clusters)
    m.strikemap_counts = {  # what the page draws; tests and the CLI report read it
        "points": {k: len(v) for k, v in layers.points.items()},
        "region_reports": len(layers.region_reports),
        "region_report_codes": sorted(str(regions_gdf["iso_code"].iloc[r] or regions_gdf["admin1_code"].iloc[r])
                                      for r in layers.region_reports),
        "region_interception_codes": sorted(str(regions_gdf["iso_code"].iloc[r] or regions_gdf["admin1_code"].iloc[r])
                                            for r in layers.region_interceptions),
        "region_interceptions": len(layers.region_interceptions),
        "control_areas": len(ctl_feats),
        "front_lines": len(line_feats),
        "other": len(layers.other),
        "unplaced": len(layers.unplaced),
        "claims_drawn": [(c.id, round(km2, 1), supplied) for c, km2, supplied in drawn],
    }
    return m


def _bounds(events, drawn, regions, layers) -> list | None:
    lats, lons = [], []
    for evs in [*layers.points.values()]:
        for e in evs:
            lats.append(e.location.place.lat)
            lons.append(e.location.place.lon)
    for r in [*layers.region_reports, *layers.region_interceptions]:
        x0, y0, x1, y1 = regions.geometry.iloc[r].bounds
        lats += [y0, y1]
        lons += [x0, x1]
    for c, _, _ in drawn:
        if c.region is not None:
            lats.append(c.region.lat)
            lons.append(c.region.lon)
    if not lats:
        x0, y0, x1, y1 = regions.total_bounds
        return [[y0, x0], [y1, x1]] if np.isfinite([x0, y0, x1, y1]).all() else None
    pad = 0.5
    return [[min(lats) - pad, min(lons) - pad], [max(lats) + pad, max(lons) + pad]]


def save_map(m: folium.Map, path) -> str:
    """Write the page to ``path`` atomically (temp file + os.replace); returns the path."""
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise StrikemapError(f"{path}: folder {folder} does not exist")
    write_text(path, m.get_root().render())
    return path
