"""The parts of the map page outside the layers: style sheet, legend, and the page script.

The script adds the title, the legend and the attribution, creates the
point markers from one JSON array, keeps at most one label open (a hover
label closes when another opens or a popup opens), counts the events outside
the current view in the legend (with a button that shows them all), and
runs the time slider, which also switches between dated control snapshots.
Everything interpolated into the script goes through :func:`safe_json`.
"""

from __future__ import annotations

import datetime as dt
import json

from geo.model import RU, UA, UNKNOWN
from maps import popups, style

CSS = """
<style>
.leaflet-container.leaflet-container { background: %(sea)s; font-family: "DejaVu Sans", Arial, sans-serif; }
.sm-marker { background: none; border: none; }
.sm-marker svg { display: block; filter: drop-shadow(0 1px 1px rgba(0,0,0,.45)); }
.sm-title { position: absolute; top: 10px; left: 50%%; transform: translateX(-50%%); z-index: 800;
  background: rgba(255,255,255,.9); padding: 3px 10px; border-radius: 5px; box-shadow: 0 1px 3px rgba(0,0,0,.25);
  font-size: 13px; text-align: center; pointer-events: none; max-width: 46%%; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }
.sm-title small { font-size: 11px; color: #555; margin-left: 6px; }
.sm-legend { background: rgba(255,255,255,.94); padding: 8px 10px; border-radius: 6px; font-size: 12px;
  line-height: 1.35; box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 280px; max-height: 70vh; overflow-y: auto; }
.sm-legend { padding: 4px 8px; }
.sm-legend summary { cursor: pointer; font-size: 12px; }
.sm-legend details[open] summary { margin-bottom: 3px; }
.sm-legend .row { display: flex; align-items: center; gap: 6px; margin: 1px 0; }
.sm-legend svg { flex: none; }
.sm-legend .sw { flex: none; display: inline-block; width: 16px; height: 12px; border: 1px solid #555; box-sizing: border-box; }
.sm-legend .ln { flex: none; display: inline-block; width: 16px; height: 0; }
.sm-legend .note { color: #555; margin-top: 4px; }
.sm-legend .sm-outside { margin-top: 4px; }
.sm-legend button { font: inherit; font-size: 11px; padding: 0 5px; margin-left: 4px; cursor: pointer; }
.sm-zone-label { font-size: 12px; font-weight: bold; border: 1px dashed #333; }
.sm-slider { background: rgba(255,255,255,.94); padding: 3px 8px; border-radius: 5px; font-size: 11px;
  box-shadow: 0 1px 3px rgba(0,0,0,.25); display: flex; align-items: center; gap: 6px; }
.sm-slider input { width: 130px; margin: 0; }
.sm-popup q { font-style: italic; }
.leaflet-control-layers-expanded { font-size: 12px; max-height: 60vh; overflow-y: auto; }
</style>
"""


def safe_json(value) -> str:
    """JSON that is safe inside an HTML ``<script>`` element (no ``</script>``, no ``<!--``)."""
    return (
        json.dumps(value, ensure_ascii=True, separators=(",", ":"), default=str)
        .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    )


def _swatch(colour: str, *, opacity: float = 0.5, border: str = "#555", dashed: bool = False) -> str:
    dash = "border-style:dashed;" if dashed else ""
    return (f'<span class="sw" style="background:{colour};opacity:{opacity};border-color:{border};'
            f'border-width:2px;{dash}"></span>')


def _line(colour: str, width: int = 3, dashed: bool = False) -> str:
    return f'<span class="ln" style="border-top:{width}px {"dashed" if dashed else "solid"} {colour}"></span>'


def legend_html(*, shapes: list[str], steps, has_claims: bool, has_supplied_claims: bool, has_snapshots: bool,
                has_derived: bool, has_lines: bool, other: int, unplaced: int, unplaced_claims: int) -> str:
    """The legend: one row per symbol the page can show, then notes (escaped)."""
    rows = []
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
    rows.append(f'<div class="row">{_swatch("transparent", opacity=1, border=style.SIDE_COLOURS[RU])}region outlined in the '
                "attacker's colour: reported only as the region (counts in its popup)</div>")
    for (lo, hi), c in zip(steps or (), style.CHOROPLETH_COLOURS):
        rng = f"{lo}" if lo == hi else f"{lo}–{hi}"
        rows.append(f'<div class="row"><span class="sw" style="background:{c}"></span>{rng} event{"s" if hi > 1 else ""} in region (choropleth)</div>')
    if has_claims:
        rows.append(f'<div class="row">{_swatch(style.CONTROL_COLOURS[UA], border=style.CONTROL_COLOURS[UA], dashed=True)}'
                    "INDICATIVE zone: a claimed area drawn to size along the border (or around a named place), "
                    "not a mapped line</div>")
    if has_supplied_claims:
        rows.append(f'<div class="row">{_swatch(style.CONTROL_COLOURS[UA], border=style.CONTROL_COLOURS[UA])}'
                    "claimed area as a control file draws it</div>")
    if has_snapshots:
        rows.append(f'<div class="row">{_swatch(style.SNAPSHOT_COLOUR, opacity=0.35, border=style.SNAPSHOT_COLOUR)}'
                    "area of control from a file (one layer per date)</div>")
    if has_derived:
        rows.append(f'<div class="row">{_line(style.FRONTLINE_COLOUR)}front line: the edge of those areas '
                    "away from borders and coasts</div>")
    if has_lines:
        rows.append(f'<div class="row">{_line(style.FRONTLINE_COLOUR, 4)}front line (supplied file)</div>')
    notes = []
    if other:
        notes.append(f"{other} country-level or unmatched reports under “Other places” (off by default).")
    if unplaced:
        notes.append(f"{unplaced} reports without a location are not drawn.")
    if unplaced_claims:
        n = unplaced_claims
        notes.append(f"{n} area claim{'s are' if n != 1 else ' is'} not drawn: no region border or named "
                     f"settlement to place {'them' if n != 1 else 'it'} by (listed in area_claims.geojson).")
    notes.append("Hover a symbol or area for its label; click it for the sources.")
    rows.append('<div class="note">' + " ".join(popups.esc(n) for n in notes) + "</div>")
    # A legend the reader can fold away; the count of events outside the view stays in sight.
    return ('<details><summary><b>Legend</b></summary>' + "".join(rows) + "</details>"
            '<div class="note sm-outside" hidden><span class="sm-outside-text"></span> '
            '<button type="button" class="sm-show-all">show all</button></div>')


#: From this zoom on, region fills are drawn at FADE of their opacity.
FADE_ZOOM, FADE = 8, 0.35
#: Below this window width the legend and the layer list start folded (a click opens them).
WIDE_PX = 1500


def page_script(map_name: str, *, title_html: str, legend_html: str, attribution: str, points_js: str,
                slider_js: str, anchors: list, everything, layer_control: str = "", names_js: str = "",
                fade: list[str] = ()) -> str:
    """The script run after the map and its layers exist."""
    return f"""
(function() {{
  var map = {map_name};
  var t = L.DomUtil.create('div', 'sm-title', map.getContainer());
  t.innerHTML = {safe_json(title_html)};
  var legend = L.control({{position: 'bottomleft'}});
  legend.onAdd = function() {{ var d = L.DomUtil.create('div', 'sm-legend'); d.innerHTML = {safe_json(legend_html)};
    L.DomEvent.disableClickPropagation(d); L.DomEvent.disableScrollPropagation(d); return d; }};
  legend.addTo(map);
  if (window.innerWidth >= {WIDE_PX}) {{
    legend.getContainer().querySelector('details').open = true;
    {layer_control + '.expand();' if layer_control else ''}
  }}
{names_js}
  // Fills fade when zoomed in close, so the names and symbols of a town's surroundings stay legible.
  var fade = [{", ".join(fade)}];
  var faded = false;
  function fadeFills() {{ var close = map.getZoom() >= {FADE_ZOOM};
    if (close === faded) {{ return; }} faded = close;
    fade.forEach(function(g) {{ g.setStyle(function(f) {{ var s = Object.assign({{}}, f.properties.sm_style);
      if (close) {{ s.fillOpacity = s.fillOpacity * {FADE}; }} return s; }}); }}); }}
  if (fade.length) {{ map.on('zoomend', fadeFills); map.whenReady(fadeFills); }}  map.attributionControl.addAttribution({safe_json(attribution)});
{_LABELS_JS}
  {points_js}
  {slider_js}
  var anchors = {safe_json(anchors)}, everything = {safe_json(everything)};
  var box = legend.getContainer().querySelector('.sm-outside');
  function countOutside() {{
    var b = map.getBounds(), n = 0;
    for (var i = 0; i < anchors.length; i++) {{ if (!b.contains(anchors[i])) {{ n++; }} }}
    box.hidden = n === 0;
    box.querySelector('.sm-outside-text').textContent = n + ' of ' + anchors.length + ' mapped event'
      + (anchors.length === 1 ? '' : 's') + (n === 1 ? ' lies' : ' lie') + ' outside this view.';
    window.smOutside = n;
  }}
  box.querySelector('.sm-show-all').addEventListener('click', function() {{
    if (everything) {{ map.fitBounds(everything, {{padding: [20, 20]}}); }} }});
  map.on('moveend zoomend resize', countOutside);
  map.whenReady(countOutside);
}})();
"""


# At most one label (hover tooltip or popup) open: a new one closes the last; none while a popup is open.
_LABELS_JS = """
  var openTip = null, popupOpen = false;
  map.on('tooltipopen', function(e) {
    if (popupOpen) { e.tooltip.close ? e.tooltip.close() : map.closeTooltip(e.tooltip); return; }
    if (openTip && openTip !== e.tooltip) { map.closeTooltip(openTip); }
    openTip = e.tooltip;
  });
  map.on('tooltipclose', function(e) { if (openTip === e.tooltip) { openTip = null; } });
  map.on('popupopen', function() { popupOpen = true; if (openTip) { map.closeTooltip(openTip); openTip = null; } });
  map.on('popupclose', function() { popupOpen = false; });
"""


def points_js(groups: dict[str, str], icons: list, points: list) -> str:
    """Markers created in the page from one array (fast for 10,000 events), each with a hover label and a popup."""
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


def slider_js(dates: list[dt.date], geojson_names: list[str], snapshots: list[tuple[str | None, list[str]]]) -> str:
    """The time slider: one day at a time or all; dated control snapshots follow it (the latest on or before the day)."""
    if len(dates) < 2:
        return ""
    register = ";".join(
        f"{n}.eachLayer(function(l) {{ window.smItems.push({{layer: l, parent: {n}, "
        f"date: (l.feature.properties || {{}}).sm_date}}); }})" for n in geojson_names)
    snaps = "[" + ",".join(f"{{date: {safe_json(d)}, groups: [{', '.join(g)}]}}" for d, g in snapshots) + "]"
    return f"""
  var dates = {safe_json([d.isoformat() for d in dates])};
  {register};
  var snapshots = {snaps};
  function showSnapshot(day) {{
    if (!snapshots.length) {{ return; }}
    var pick = snapshots.length - 1;
    if (day !== null) {{
      pick = 0;
      snapshots.forEach(function(s, i) {{ if (s.date !== null && s.date <= day) {{ pick = i; }} }});
    }}
    snapshots.forEach(function(s, i) {{ s.groups.forEach(function(g) {{
      if (i === pick && !map.hasLayer(g)) {{ map.addLayer(g); }}
      if (i !== pick && map.hasLayer(g)) {{ map.removeLayer(g); }} }}); }});
  }}
  var ctl = L.control({{position: 'bottomright'}});
  ctl.onAdd = function() {{
    var d = L.DomUtil.create('div', 'sm-slider');
    d.innerHTML = '<input type="range" class="sm-slider-input" min="0" step="1">'
      + '<label><b class="sm-slider-label"></b></label>';
    L.DomEvent.disableClickPropagation(d); L.DomEvent.disableScrollPropagation(d);
    var input = d.querySelector('input'), label = d.querySelector('.sm-slider-label');
    input.max = dates.length; input.value = dates.length;
    function apply(first) {{
      var i = +input.value, day = i < dates.length ? dates[i] : null;
      label.textContent = day ? day : 'all dates';
      label.title = dates[0] + ' to ' + dates[dates.length - 1];
      window.smItems.forEach(function(it) {{
        var show = day === null || it.date === day;
        if (show && !it.parent.hasLayer(it.layer)) {{ it.parent.addLayer(it.layer); }}
        if (!show && it.parent.hasLayer(it.layer)) {{ it.parent.removeLayer(it.layer); }}
      }});
      if (!first) {{ showSnapshot(day); }}
    }}
    input.addEventListener('input', function() {{ apply(false); }}); apply(true);
    return d;
  }};
  ctl.addTo(map);
"""
