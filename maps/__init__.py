"""folium rendering of strike events, region-level reports, control areas and front lines.

>>> from maps import render_map, save_map   # doctest: +SKIP
>>> save_map(render_map(events, claims), "out/map.html")   # doctest: +SKIP
"""

from maps.control import indicative_zone
from maps.overlays import read_overlay
from maps.render import render_map, save_map

__all__ = ["render_map", "save_map", "indicative_zone", "read_overlay"]
