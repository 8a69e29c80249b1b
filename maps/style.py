"""Colours, marker shapes by weapon kind and marker size by count.

Shapes are small inline SVGs (no icon font, no image file), so a page with no
network draws them exactly as a page with one.

>>> marker_size(0) < marker_size(150)
True
"""

from __future__ import annotations

import math

from geo.model import GROUND_ASSAULT, INTERCEPTION, RU, UA, UNKNOWN, WEAPON_KINDS, Event

#: Colour of the attacking side (Russia red, Ukraine blue, unknown grey).
SIDE_COLOURS = {RU: "#c62828", UA: "#1565c0", UNKNOWN: "#616161"}
SIDE_NAMES = {RU: "Russia", UA: "Ukraine", UNKNOWN: "unknown side"}
INTERCEPTION_COLOUR = "#ef6c00"
CONTROL_COLOURS = {RU: "#c62828", UA: "#1565c0", UNKNOWN: "#6a1b9a"}
FRONTLINE_COLOUR = "#000000"
#: Areas of control read from a file (which side holds them is the file's to say, not ours).
SNAPSHOT_COLOUR = "#6a1b9a"
OUTLINE_COLOUR = "#555555"
SEA_COLOUR = "#dbe9f4"
LAND_COLOUR = "#f7f5ef"
#: Choropleth steps (events per region), light to dark; from ColorBrewer YlOrRd.
CHOROPLETH_COLOURS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")

#: Marker shape for each weapon kind in geo.model.WEAPON_KINDS.
WEAPON_SHAPES = {
    "drone": "triangle",
    "ballistic_missile": "diamond",
    "cruise_missile": "star",
    "hypersonic_missile": "star",
    "anti_aircraft_missile": "diamond",
    "missile_unspecified": "diamond",
    "glide_bomb": "square",
    "artillery": "cross",
    "airstrike_unspecified": "circle",
}
assert set(WEAPON_SHAPES) == set(WEAPON_KINDS)
SHAPE_WORDS = {
    "triangle": "drones",
    "diamond": "missiles (ballistic, anti-aircraft, unspecified)",
    "star": "cruise or hypersonic missiles",
    "square": "glide bombs",
    "cross": "artillery",
    "circle": "air strike or weapon not named",
    "pentagon": "ground assault",
}


def dominant_weapon(event: Event) -> str | None:
    """The weapon kind with the largest stated count (named kinds without a count last)."""
    if not event.weapons:
        return None
    return max(event.weapons.items(), key=lambda kv: (kv[1] or 0, kv[0] == "drone"))[0]


def event_shape(event: Event) -> str:
    """Marker shape of an event: by its main weapon kind."""
    if event.type == GROUND_ASSAULT:
        return "pentagon"
    return WEAPON_SHAPES.get(dominant_weapon(event) or "", "circle")


def event_count(event: Event) -> int:
    """Weapons launched (sum of stated counts), else the number intercepted, else 0."""
    total = sum(n for n in event.weapons.values() if n)
    return total or (event.intercepted or 0)


def marker_size(count: int) -> int:
    """Icon size in pixels: 18 px for one weapon, growing with log2 of the count, 44 px at most."""
    return int(min(44, 18 + 3.5 * math.log2(1 + max(0, count))))


def event_colour(event: Event) -> str:
    """Fill colour: the attacker's side."""
    return SIDE_COLOURS.get(event.attacker, SIDE_COLOURS[UNKNOWN])


def _points(shape: str, s: float) -> str | None:
    c, r = s / 2, s / 2 - 2
    if shape == "triangle":
        pts = [(c, 2), (s - 2, s - 3), (2, s - 3)]
    elif shape == "diamond":
        pts = [(c, 1), (s - 1, c), (c, s - 1), (1, c)]
    elif shape == "square":
        pts = [(3, 3), (s - 3, 3), (s - 3, s - 3), (3, s - 3)]
    elif shape in ("star", "pentagon"):
        n = 5 if shape == "pentagon" else 10
        pts = []
        for i in range(n):
            rad = r if shape == "pentagon" or i % 2 == 0 else r * 0.45
            a = -math.pi / 2 + i * 2 * math.pi / n
            pts.append((c + rad * math.cos(a), c + rad * math.sin(a)))
    elif shape == "cross":
        w = s / 6
        pts = [(c - w, 2), (c + w, 2), (c + w, c - w), (s - 2, c - w), (s - 2, c + w), (c + w, c + w),
               (c + w, s - 2), (c - w, s - 2), (c - w, c + w), (2, c + w), (2, c - w), (c - w, c - w)]
    else:
        return None
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)


def shape_svg(shape: str, fill: str, size: int, *, stroke: str = "#ffffff", dashed: bool = False) -> str:
    """An inline SVG of ``shape``; ``dashed`` outlines mark approximate (near a place) locations."""
    dash = ' stroke-dasharray="3 2"' if dashed else ""
    common = f'fill="{fill}" fill-opacity="0.85" stroke="{stroke}" stroke-width="2"{dash}'
    pts = _points(shape, size)
    body = (
        f'<polygon points="{pts}" {common}/>' if pts
        else f'<circle cx="{size / 2}" cy="{size / 2}" r="{size / 2 - 2}" {common}/>'
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}">{body}</svg>'


def event_icon(event: Event) -> tuple[str, int]:
    """(SVG, size) of the marker of an event: shape by weapon, colour by side, size by count."""
    size = marker_size(event_count(event))
    precise = event.location is None or event.location.precision <= 1
    if event.type == INTERCEPTION:
        svg = shape_svg(event_shape(event), "#ffffff", size, stroke=INTERCEPTION_COLOUR, dashed=not precise)
        svg = svg.replace('stroke-width="2"', 'stroke-width="3"')
    else:
        svg = shape_svg(event_shape(event), event_colour(event), size, dashed=not precise,
                        stroke="#ffffff" if precise else "#222222")
    return svg, size
