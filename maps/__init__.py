"""folium rendering of strike events, region-level reports, control areas and front lines.

>>> from maps import render_map, save_map   # doctest: +SKIP
>>> save_map(render_map(events, claims, control=["deepstatemap_data_20250319.geojson"]), "out/map.html")   # doctest: +SKIP
"""

from maps.frontline import derived_front_line
from geo.overlays import read_control, read_overlay
from maps.render import render_map, save_map
from maps.zones import border_zone, claim_zones, settlement_zone

__all__ = ["render_map", "save_map", "border_zone", "settlement_zone", "claim_zones", "read_overlay",
           "read_control", "derived_front_line"]
