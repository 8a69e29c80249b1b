"""Features of the control layers: claimed areas, dated areas of control from files, and front lines.

A claim is drawn as its indicative zone (see ``maps.zones``), unless a
control file draws the claimed region: a claim that one side holds part of a
region of the *other* country (what control files map) is then drawn as the
file's area inside that region, from the snapshot dated nearest before the
claim. Every snapshot of a control file is its own layer, with the front
line derived from its edge (``maps.frontline``) unless the file carries
lines of its own or a front-line file is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.control import snapshot_for
from geo.model import UNKNOWN, AreaClaim
from maps import popups, style
from maps.features import ZONE_DECIMALS, feature
from maps.frontline import FRONTLINE_TOLERANCE_M
from maps.geodesy import geodesic_area_km2, geodesic_length_km
from geo.overlays import ControlSnapshot
from maps.regions import assign_regions
from maps.zones import HOME, Zone

#: A file's area inside a claimed region smaller than this is a sliver of its outline, not a holding.
MIN_SUPPLIED_KM2 = 1.0
DERIVED_NOTE = ("derived: the edge of the file's areas where it is neither an international border "
                f"nor a coast (shipped Natural Earth outlines, {FRONTLINE_TOLERANCE_M / 1000:.0f} km tolerance)")


@dataclass(frozen=True)
class DrawnClaim:
    """A claim as drawn: its geometry and geodesic area, and whether a control file drew it."""

    claim: AreaClaim
    km2: float
    supplied: bool
    geometry: BaseGeometry


def _claim_colour(claim: AreaClaim) -> str:
    return style.CONTROL_COLOURS.get(claim.controller, style.CONTROL_COLOURS[UNKNOWN])


def claim_features(
    claims: Sequence[AreaClaim],
    zones: Sequence[Zone | None],
    snapshots: Sequence[ControlSnapshot],
    regions: gpd.GeoDataFrame,
) -> tuple[list[dict], list[DrawnClaim], int]:
    """(features, drawn claims, number of claims not drawn) of the claims layer."""
    feats, drawn, skipped = [], [], 0
    rows = assign_regions([c.region if c.region is not None and c.region.kind == "adm1" else None for c in claims],
                          regions)
    for claim, zone, row in zip(claims, zones, rows):
        colour = _claim_colour(claim)
        date = claim.date.isoformat() if claim.date else None
        snap = snapshot_for(claim.date, snapshots)
        foreign = row is not None and HOME.get(claim.controller) not in (None, claim.region.country_code)
        if snap is not None and foreign and not snap.areas.is_empty:
            region_geom = shapely.make_valid(regions.geometry.iloc[row])
            inside = snap.areas.intersection(region_geom) if snap.areas.intersects(region_geom) else None
            km2 = geodesic_area_km2(inside)
            if km2 >= MIN_SUPPLIED_KM2:
                feats.append(feature(inside, {
                    "sm_style": {"color": colour, "weight": 2.5, "fillColor": colour, "fillOpacity": 0.35,
                                 "className": "sm-control-area sm-control-supplied"},
                    "sm_popup": popups.claim_popup(claim, drawn_km2=km2, supplied=True, supplied_label=snap.title),
                    "sm_tip": popups.claim_tooltip(claim, True, km2),
                    "sm_date": date,
                }))
                drawn.append(DrawnClaim(claim, km2, True, inside))
                continue
        if zone is None or zone.geometry.is_empty:
            skipped += 1
            continue
        feats.append(feature(zone.geometry, {
            "sm_style": {"color": colour, "weight": 2, "dashArray": "6 4", "fillColor": colour, "fillOpacity": 0.4,
                         "className": "sm-control-area sm-control-indicative"},
            "sm_popup": popups.claim_popup(claim, drawn_km2=zone.drawn_km2, supplied=False, note=zone.note),
            "sm_tip": popups.claim_tooltip(claim, False, zone.drawn_km2),
            "sm_tipclass": "sm-zone-label",
            "sm_date": date,
        }, ZONE_DECIMALS))
        drawn.append(DrawnClaim(claim, zone.drawn_km2, False, zone.geometry))
    return feats, drawn, skipped


def snapshot_features(snap: ControlSnapshot) -> list[dict]:
    """The areas of one snapshot (one feature)."""
    if snap.areas.is_empty:
        return []
    km2 = geodesic_area_km2(snap.areas)
    date = snap.date.isoformat() if snap.date else None
    return [feature(snap.areas, {
        "sm_style": {"color": style.SNAPSHOT_COLOUR, "weight": 1, "opacity": 0.8, "fillColor": style.SNAPSHOT_COLOUR,
                     "fillOpacity": 0.2, "className": "sm-control-area sm-control-file"},
        "sm_popup": popups.overlay_popup("Area of control (from file)", snap.label, snap.date, snap.source, km2),
        "sm_tip": popups.esc(f"area of control: {snap.title} ({km2:,.0f} km²)"),
        "sm_date": date,
    })]


def front_feature(line: BaseGeometry, snap: ControlSnapshot) -> list[dict]:
    """A front line derived from a snapshot's areas (one feature, or none when the line is empty)."""
    if line is None or line.is_empty:
        return []
    km = geodesic_length_km(line)
    return [feature(line, {
        "sm_style": {"color": style.FRONTLINE_COLOUR, "weight": 2.5, "opacity": 0.9,
                     "className": "sm-frontline sm-frontline-derived"},
        "sm_popup": popups.overlay_popup("Front line (derived from a control file)", snap.label, snap.date,
                                         snap.source, note=f"{DERIVED_NOTE}; {km:,.0f} km"),
        "sm_tip": popups.esc(f"front line: {snap.title} (derived, {km:,.0f} km)"),
        "sm_date": snap.date.isoformat() if snap.date else None,
    })]


def line_features(lines: gpd.GeoDataFrame, source: str) -> list[dict]:
    """Front lines a file carries as lines."""
    return [
        feature(row.geometry, {
            "sm_style": {"color": style.FRONTLINE_COLOUR, "weight": 3, "opacity": 0.9, "className": "sm-frontline"},
            "sm_popup": popups.overlay_popup("Front line (from file)", row["name"], row["date"], source),
            "sm_tip": popups.esc(f"front line{', ' + row['date'].isoformat() if row['date'] else ''} ({source})"),
            "sm_date": row["date"].isoformat() if row["date"] else None,
        })
        for _, row in lines.iterrows()
    ]
