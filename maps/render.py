"""Build the layered folium map of events, region-level reports and control areas.

Layers (each named with its count in the layer control): strikes by each
side, interception reports, region-level reports (the region shaded, never a
pin at its capital), a per-region choropleth, claimed areas of control
(indicative zones sized from claims), areas of control from files (one layer
per dated snapshot) with their front lines, and other places (off by
default). Country and region outlines are drawn as the map's own layer so it
reads with no tiles. The page opens on the central mass of the events
(``maps.framing``). Labels show on hover, one at a time; popups on click.
Point markers and popups are created in the page from one JSON array (fast
for 10,000 events); all article text in it is HTML-escaped and JSON-escaped
for ``<script>``. The style sheet, legend and page script are in ``maps.page``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import folium
import geopandas as gpd
import numpy as np
import shapely
from branca.element import Element, MacroElement
from folium.map import CustomPane
from folium.plugins import MarkerCluster
from folium.template import Template
from folium.utilities import JsCode

from geo.outputs.atomic import write_text
from geo.model import INTERCEPTION, RU, UA, UNKNOWN, AreaClaim, Event, StrikemapError
from maps import labels, page, popups, style
from maps.assets import embed_assets, trim_defaults
from maps.control_layers import claim_features, front_feature, line_features, snapshot_features
from maps.features import OUTLINE_DECIMALS, collection, feature
from maps.framing import opening_view
from maps.frontline import derived_front_lines
from maps.geodesy import geodesic_area_km2
from geo.overlays import MAX_SNAPSHOTS, URL, as_overlay, read_controls
from maps.regions import assign_regions
from maps.zones import claim_zones

ATTRIBUTION = (
    'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC-BY 4.0) · '
    'Boundaries: <a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain)'
)
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
#: The opening view zooms in no further than this (one event, or events in one town).
MAX_OPENING_ZOOM = 9
#: Leaflet panes of our own, so areas of control, front lines and claimed zones lie above the
#: shaded regions (a zone inside a shaded region can still be hovered and clicked).
CONTROL_PANE, LINES_PANE, CLAIMS_PANE = "smControl", "smLines", "smClaims"
PANES = {CONTROL_PANE: 410, LINES_PANE: 430, CLAIMS_PANE: 450}
#: Reference names lie above all areas (legible) and below the event symbols (markers: 600).
NAMES_PANE_Z = 460
safe_json = page.safe_json


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


# Labels are hover tooltips, never permanent; the page keeps at most one open (maps.page).
_BIND = JsCode(
    """function(f, l) {
        var p = f.properties || {};
        if (p.sm_tip) { l.bindTooltip(p.sm_tip, {sticky: true, className: p.sm_tipclass || ''}); }
        if (p.sm_popup) { l.bindPopup(p.sm_popup, {maxWidth: 440, maxHeight: 420}); }
    }"""
)
_STYLE = JsCode("function(f) { return f.properties.sm_style; }")


def _geojson(features: list[dict], parent, **options) -> folium.GeoJson | None:
    if not features:
        return None
    layer = folium.GeoJson(collection(features), control=False, style=_STYLE, on_each_feature=_BIND, **options)
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
    idx = assign_regions(places, regions)
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
        feature(g, {"sm_style": region_style}, OUTLINE_DECIMALS)
        for g, n in zip(regions.geometry, regions["name"].fillna(""))
    ]
    _geojson(feats, group, interactive=False)
    countries = {}
    for cc, part in regions.groupby(regions["country_code"].fillna("")):
        countries[cc] = shapely.union_all(shapely.make_valid(part.geometry.values))
    country_style = {"color": style.OUTLINE_COLOUR, "weight": 1.6, "fill": False}
    _geojson([feature(g.boundary, {"sm_style": country_style}, OUTLINE_DECIMALS) for g in countries.values()], group, interactive=False)
    group.add_to(m)
    return group, countries


def _region_layer(name, regions, by_region: dict[int, list[Event]], what: str, cls: str, colour_of) -> tuple:
    feats = []
    for r, evs in by_region.items():
        row = regions.iloc[r]
        colour = colour_of(evs)
        # An outline in the attacker's colour, with an invisible fill so the region still opens its
        # popup: the choropleth is the one fill, so an oblast reads at a glance (README, "Reading an oblast").
        sm_style = {"color": colour, "weight": 2.5, "fillColor": colour, "fillOpacity": 0.0,
                    "className": f"sm-region {cls}"}
        if cls == "sm-region-interception":
            sm_style.update(dashArray="6 4", weight=2)
        dates = [e.date for e in evs if e.date]
        feats.append(feature(row.geometry, {
            "sm_style": sm_style,
            "sm_popup": popups.region_popup(row["name"] or "region", evs, what),
            "sm_tip": popups.region_tooltip(row["name"] or "region", evs, what),
            "sm_date": min(dates).isoformat() if dates else None,
        }, OUTLINE_DECIMALS))
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
        feats.append(feature(row.geometry, {
            "sm_style": {"color": "#7f0000", "weight": 0.8, "fillColor": colour(n), "fillOpacity": 0.6,
                         "className": "sm-choropleth"},
            "sm_tip": popups.choropleth_tooltip(row["name"] or "region", n),
        }, OUTLINE_DECIMALS))  # the region's outline as drawn under it: half the size, the same line
    return feats, steps


# ---------------------------------------------------------------- control files


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, (str, os.PathLike, gpd.GeoDataFrame)):
        return [value]
    return list(value)


def credit_html(text: str) -> str:
    """Escaped text with its http(s) addresses as links (for a source's credit line)."""
    out, last = [], 0
    for m in URL.finditer(text):
        out.append(popups.esc(text[last:m.start()]))
        url = popups.esc(m.group(0))
        out.append(f'<a href="{url}">{url}</a>')
        last = m.end()
    out.append(popups.esc(text[last:]))
    return "".join(out)


@dataclass
class _Control:
    """Control snapshots, their front lines, and the front-line file's lines, as folium groups."""

    snapshots: list = field(default_factory=list)
    fronts: list = field(default_factory=list)
    groups: list = field(default_factory=list)  # (date or None, [group names]) per snapshot, oldest first
    line_count: int = 0
    derived: bool = False


def _control_layers(m: folium.Map, snapshots, frontline, countries_builtin, keep) -> _Control:
    """One pair of layers per snapshot (areas, front line), the latest shown; then the --frontline file's lines."""
    out = _Control(snapshots=list(snapshots))
    derive = [i for i, s in enumerate(snapshots) if frontline is None and not len(s.lines)]
    derived = derived_front_lines([snapshots[i].areas for i in derive], countries_builtin()) if derive else []
    fronts = dict(zip(derive, derived))
    for i, snap in enumerate(snapshots):
        latest = i == len(snapshots) - 1
        names = []
        feats = snapshot_features(snap)
        if feats:
            km2 = geodesic_area_km2(snap.areas)
            more = f", latest {MAX_SNAPSHOTS} of {snap.dates_in_file} dates" if snap.dates_in_file > MAX_SNAPSHOTS else ""
            g = folium.FeatureGroup(name=f"Control: {popups.esc(snap.title)} ({km2:,.0f} km²{more})", show=latest)
            _geojson(feats, g, pane=CONTROL_PANE)
            g.add_to(m)
            names.append(g.get_name())
        if i in fronts:
            line_feats = front_feature(fronts[i], snap)
            out.derived = out.derived or bool(line_feats)
        else:
            line_feats = line_features(snap.lines, snap.source)
        out.fronts.append(fronts.get(i))
        if line_feats:
            kind = "derived" if i in fronts else "from file"
            g = folium.FeatureGroup(name=f"Front line: {popups.esc(snap.title)} ({kind})", show=latest)
            _geojson(line_feats, g, pane=LINES_PANE)
            g.add_to(m)
            names.append(g.get_name())
            if i not in fronts:
                out.line_count += len(line_feats)
        out.groups.append((snap.date.isoformat() if snap.date else None, names))
    if frontline is not None:
        gdf, label = as_overlay(frontline)
        feats = line_features(gdf[gdf["kind"] == "line"], label)
        if feats:
            g = folium.FeatureGroup(name=f"Front lines ({len(feats)})")
            keep(_geojson(feats, g, pane=LINES_PANE))
            g.add_to(m)
            out.line_count += len(feats)
    return out


def _gazetteer():
    from gazetteer import default_gazetteer  # the store is opened only when a map is drawn

    return default_gazetteer()


def _builtin_countries() -> dict:
    from maps.regions import countries, country_outline

    return {cc: country_outline(cc) for cc in countries()}


# ---------------------------------------------------------------- framing


def _view(layers: _Layers, regions: gpd.GeoDataFrame, drawn, snapshots):
    """The opening view over events and drawn claims, plus the event anchors the page counts."""
    anchors, boxes = [], []
    for evs in layers.points.values():
        for e in evs:
            p = e.location.place
            anchors.append((p.lon, p.lat))
            boxes.append((p.lon, p.lat, p.lon, p.lat))
    for by_region in (layers.region_reports, layers.region_interceptions):
        for r, evs in by_region.items():
            geom = regions.geometry.iloc[r]
            c = geom.representative_point()
            anchors += [(c.x, c.y)] * len(evs)
            boxes += [geom.bounds] * len(evs)
    n_events = len(anchors)
    for d in drawn:
        c = d.geometry.representative_point()
        anchors.append((c.x, c.y))
        boxes.append(d.geometry.bounds)
    view = opening_view(np.array(anchors), np.array(boxes))
    if view.bounds is None:
        areas = [s.areas for s in snapshots if not s.areas.is_empty]
        extent = shapely.union_all(areas).bounds if areas else tuple(regions.total_bounds)
        if np.isfinite(extent).all():
            w, s_, e, n = extent
            view = type(view)((w, s_, e, n), (w, s_, e, n))
    outside = sum(1 for k in range(n_events) if view.inside and not view.inside[k])
    return view, [[lat, lon] for lon, lat in anchors[:n_events]], outside


def _leaflet_bounds(b) -> list | None:
    return [[b[1], b[0]], [b[3], b[2]]] if b else None


# ---------------------------------------------------------------- main


def render_map(
    events: Iterable[Event],
    area_claims: Iterable[AreaClaim] = (),
    *,
    regions=None,
    control=None,
    control_label: str | Sequence[str] | None = None,
    frontline=None,
    title: str | None = None,
    cdn: bool = False,
    documents_count: int | None = None,
) -> folium.Map:
    """A folium map of ``events`` and ``area_claims`` with toggleable, counted layers.

    ``regions``: a GeoDataFrame or boundary file (None: the built-in Natural
    Earth ADM1 polygons). ``control``: one or several areas-of-control files
    (GeoJSON such as DeepStateMap's daily MultiPolygon, KML, anything pyogrio
    reads) or GeoDataFrames; each date becomes a layer, with its front line
    derived from the areas' edge unless ``frontline`` (a file of lines) is
    given. ``control_label``: the source's name for all files, or one per
    file (default: from each file name). ``cdn``: link the JS/CSS from CDNs
    instead of embedding it (a small page that needs the network). Save with
    :func:`save_map`.
    """
    events = list(events)
    claims = list(area_claims)
    regions_gdf, builtin = _regions_frame(regions)
    layers = _sort_events(events, regions_gdf)
    control_labels = [control_label] if isinstance(control_label, str) else list(control_label or ())
    snapshots = read_controls(_as_list(control), control_labels)

    m = folium.Map(location=[49.0, 33.0], zoom_start=5, tiles=None, control_scale=True, prefer_canvas=False)
    # folium sets min/max zoom on tile layers only (the map starts with none); quarter zoom steps
    # let the opening view fit the events tightly instead of up to twice as wide.
    m.options.update(minZoom=3, maxZoom=14, zoomSnap=0.25)
    trim_defaults(m)
    root = m.get_root()
    root.title = popups.esc(title or "strikemap: strikes and reported control")
    root.header.add_child(Element(page.CSS % {"sea": style.SEA_COLOUR}), name="sm_css")
    root.header.add_child(Element(labels.NAMES_CSS), name="sm_names_css")

    # Base layers: our own outlines always work; OpenStreetMap tiles only when online.
    outlines_base = folium.FeatureGroup(name="Outlines only (works offline)", overlay=False, show=not cdn)
    outlines_base.add_to(m)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap tiles (online)", overlay=False, show=cdn,
                     attr=OSM_ATTRIBUTION, opacity=0.75).add_to(m)
    _, countries = _outline_layer(m, regions_gdf)
    for pane, z in PANES.items():  # above the shaded regions (400), below the markers (600)
        CustomPane(pane, z_index=z, pointer_events=True).add_to(m)
    geojson_names: list[str] = []

    def keep(layer):
        if layer is not None:
            geojson_names.append(layer.get_name())

    # Choropleth: the one fill of a region (how often); region-level reports outline it (by whom).
    chor_feats, steps = _choropleth(regions_gdf, layers.per_region)
    chor_layer = None
    if chor_feats:
        g = folium.FeatureGroup(name=f"Events per region, choropleth ({len(chor_feats)} regions)")
        chor_layer = _geojson(chor_feats, g)
        keep(chor_layer)
        g.add_to(m)

    # Region-level reports: the region shaded, coloured by side.
    g, feats = _region_layer("Region-level reports", regions_gdf, layers.region_reports,
                             "Reported only as the region", "sm-region-report", _side_colour)
    if feats:
        keep(_geojson(feats, g))
        g.add_to(m)

    # Areas of control from files (one layer per date) and their front lines, then the claims over them.
    ctl = _control_layers(m, snapshots, frontline, (lambda: countries) if builtin else _builtin_countries, keep)
    zones = claim_zones(claims) if builtin else claim_zones(claims, regions_gdf, countries.get)
    ctl_feats, drawn, unplaced_claims = claim_features(claims, zones, snapshots, regions_gdf)
    if ctl_feats:
        g = folium.FeatureGroup(name=f"Reported areas of control ({len(ctl_feats)})")
        keep(_geojson(ctl_feats, g, pane=CLAIMS_PANE))
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
    icons, points, shapes_used = _markers(layers)

    # Folded to its button; the page opens it on wide screens (maps.page).
    layer_control = folium.LayerControl(collapsed=True, position="topright")
    layer_control.add_to(m)

    # Title, legend, attribution, markers and the time slider, as one script after all layers.
    dates = _dates(events, claims)
    span = (f"{dates[0].isoformat()} to {dates[-1].isoformat()}" if len(dates) > 1
            else dates[0].isoformat() if dates else "undated")
    n_reports = _report_count(events, claims, documents_count)
    title_html = (f"<b>{popups.esc(title or 'Strikes and reported control')}</b>"
                  f"<small>{popups.esc(span)} · {n_reports} report{'s' if n_reports != 1 else ''} · "
                  f"{len(events)} events</small>")
    legend = page.legend_html(
        shapes=shapes_used or ["circle"], steps=steps,
        has_claims=any(not d.supplied for d in drawn), has_supplied_claims=any(d.supplied for d in drawn),
        has_snapshots=any(not s.areas.is_empty for s in snapshots), has_derived=ctl.derived,
        has_lines=ctl.line_count > 0, other=len(layers.other), unplaced=len(layers.unplaced),
        unplaced_claims=unplaced_claims)
    attribution = ATTRIBUTION if builtin else (
        'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC-BY 4.0) · Boundaries: user-supplied file')
    credits = list(dict.fromkeys(s.label for s in snapshots))
    if credits:
        attribution += " · Areas of control: " + ", ".join(credit_html(c) for c in credits)
    view, anchors, outside = _view(layers, regions_gdf, drawn, snapshots)
    names = labels.name_rows(view.everything, regions_gdf, countries, labels.named_places(events, claims),
                             _gazetteer(), anchors)
    _Script(page.page_script(
        m.get_name(), title_html=title_html, legend_html=legend, attribution=attribution,
        points_js=page.points_js(groups, icons, points),
        slider_js=page.slider_js(dates, geojson_names, ctl.groups),
        anchors=anchors, everything=_leaflet_bounds(view.everything), layer_control=layer_control.get_name(),
        names_js=labels.names_js(names, outlines_base.get_name(), NAMES_PANE_Z, safe_json),
        fade=[chor_layer.get_name()] if chor_layer else [],
    )).add_to(m)
    if view.bounds:
        m.fit_bounds(_leaflet_bounds(view.bounds), padding=(10, 10), max_zoom=MAX_OPENING_ZOOM)
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
        "snapshots": [(s.title, round(geodesic_area_km2(s.areas), 1)) for s in snapshots],
        "derived_front_lines": sum(1 for f in ctl.fronts if f is not None and not f.is_empty),
        "front_lines": ctl.line_count,
        "other": len(layers.other),
        "unplaced": len(layers.unplaced),
        "claims_drawn": [(d.claim.id, round(d.km2, 1), d.supplied) for d in drawn],
        "claims_not_drawn": unplaced_claims,
        "view": view.bounds,
        "outside_view": outside,
        "names": len(names),
    }
    return m


def _markers(layers: _Layers) -> tuple[list, list, list[str]]:
    """(icons, points, shapes used) of the point markers, for the page script."""
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
    return icons, points, shapes_used

def save_map(m: folium.Map, path) -> str:
    """Write the page to ``path`` atomically (temp file + os.replace); returns the path."""
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise StrikemapError(f"{path}: folder {folder} does not exist")
    write_text(path, m.get_root().render())
    return path
