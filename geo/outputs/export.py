"""Events and area claims as flat tables for GIS, spreadsheets and ACLED workflows.

``events_frame`` gives one row per event with flat columns (QGIS and kepler.gl
read them as they are) and a lon/lat point geometry in EPSG:4326;
``acled_frame`` renames and recodes the same events into ACLED's column set.
Writing goes through geopandas/pyogrio and pandas, always atomically.

>>> write_events(events_frame(report.event_list), "events.gpkg", "gpkg")  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from geo.model import RU, UA, WEAPON_KINDS, AreaClaim, Event, StrikemapError
from geo.outputs.atomic import atomic_path

CRS = "EPSG:4326"
FORMATS = ("geojson", "gpkg", "csv", "parquet")
#: One column per weapon kind: the number launched (empty when none or not counted).
WEAPON_COLUMNS = {kind: f"w_{kind}" for kind in WEAPON_KINDS}

_INT_COLUMNS = ("intercepted", "killed", "injured", "report_killed", "report_injured", "geonameid", "precision", "n_sources", *WEAPON_COLUMNS.values())
EVENT_COLUMNS = (
    "id", "type", "sub_type", "date", "date_precision", "attacker", "attacker_basis",
    "attacker_inferred", "weapons", *WEAPON_COLUMNS.values(), "intercepted", "targets", "killed", "injured",
    "report_killed", "report_injured", "place_name", "geonameid", "place_kind", "admin1_code", "admin1_name", "country_code",
    "precision", "precision_words", "claimant", "n_sources", "outlets", "evidence",
    "documents", "disagreements", "shared_tally", "tally_group", "qualifiers", "urls",
)
CLAIM_COLUMNS = (
    "id", "controller", "region", "admin1_code", "country_code", "area_km2", "area_text",
    "qualifier", "claimant", "date", "near", "n_sources", "outlets", "evidence", "documents",
    "indicative", "claimed_km2", "drawn_km2", "zone_basis",
)

# ACLED codebook (2023): actor names of the two state forces and the event
# categories our sub-types fall under.
ACLED_ACTORS = {RU: "Military Forces of Russia (2000-)", UA: "Military Forces of Ukraine (2019-)"}
ACLED_UNKNOWN_ACTOR = "Unidentified Armed Group"
ACLED_TYPES = {
    "air_drone_strike": ("Explosions/Remote violence", "Air/drone strike"),
    # ACLED's usual sub-event for remote violence whose means the source does not give.
    "strike_unspecified": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "glide_bomb": ("Explosions/Remote violence", "Air/drone strike"),
    "missile_attack": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "shelling_artillery": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "ground_assault": ("Battles", "Armed clash"),
    "interception": ("Strategic developments", "Disrupted weapons use"),
}
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# Targets that make civilians the second actor (ACLED's "Civilians (country)").
CIVILIAN_TARGETS = ("residential", "medical", "education", "cultural")
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "actor2", "iso", "country", "admin1", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
    # Beyond ACLED's codebook: each source's address and publication date, in the order of ``source``.
    "source_url", "source_date",
)


def _join(values: Iterable) -> str | None:
    """Values ";"-joined for one flat column; None when there are none."""
    return "; ".join(str(v) for v in values if v not in (None, "")) or None


def _point(place) -> Point | None:
    return Point(place.lon, place.lat) if place is not None else None


def _frame(rows: list[dict], columns: Sequence[str], geometry: list) -> gpd.GeoDataFrame:
    df = pd.DataFrame(rows, columns=list(columns))
    for col in _INT_COLUMNS:
        if col in df:
            df[col] = df[col].astype("Int64")
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geometry, crs=CRS, index=df.index), crs=CRS)


def toll_shares(events: Iterable[Event]) -> dict[int, dict[str, tuple[int, int, int]]]:
    """Split each toll a report gives once for several places, as ACLED does.

    A toll shared by the events of one tally group (``qualifiers["shared"]`` names
    ``killed`` or ``injured``) is divided evenly over them, the remainder on the
    first. Returns, by ``id(event)``, field -> (this event's share, the whole toll,
    the number of events it was split over).
    """
    groups: dict[tuple[str, str], list[Event]] = {}
    for e in events:
        shared = (e.qualifiers.get("shared") or "").split(",")
        for name in ("killed", "injured"):
            if name in shared and e.qualifiers.get("group") and getattr(e, name):
                groups.setdefault((e.qualifiers["group"], name), []).append(e)
    out: dict[int, dict[str, tuple[int, int, int]]] = {}
    for (_, name), members in groups.items():
        total = getattr(members[0], name)
        base, rest = divmod(total, len(members))
        for k, e in enumerate(members):
            out.setdefault(id(e), {})[name] = (base + (rest if k == 0 else 0), total, len(members))
    return out


def event_row(event: Event, shares: dict[str, tuple[int, int, int]] | None = None) -> dict:
    """One event's flat properties (the columns of ``events_frame``)."""
    loc = event.location
    place = loc.place if loc else None
    first = event.sources[0] if event.sources else None
    row = {
        "id": event.id,
        "type": event.type,
        "sub_type": event.sub_type,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "attacker": event.attacker,
        "attacker_basis": event.attacker_basis,
        "attacker_inferred": event.attacker_inferred,
        "weapons": _join(event.weapons),
        "intercepted": event.intercepted,
        "targets": _join(event.targets),
        # A toll given once for several places is split over them (see ``toll_shares``);
        # report_killed / report_injured keep the whole figure the report gave.
        "killed": (shares or {}).get("killed", (event.killed,))[0],
        "injured": (shares or {}).get("injured", (event.injured,))[0],
        "report_killed": event.killed,
        "report_injured": event.injured,
        "place_name": place.name if place else None,
        "geonameid": place.geonameid if place else None,
        "place_kind": place.kind if place else None,
        "admin1_code": place.admin1_code if place else None,
        "admin1_name": place.admin1_name if place else None,
        "country_code": place.country_code if place else None,
        "precision": loc.precision if loc else None,
        "precision_words": loc.precision_words if loc else None,
        "claimant": event.claimant,
        "n_sources": len(event.sources),
        "outlets": _join(event.outlets),
        "urls": _join(dict.fromkeys(src.url for src in event.sources)),
        "evidence": " ".join(first.sentence.split()) if first else None,
        "documents": _join(dict.fromkeys(s.document for s in event.sources)),
        "disagreements": _join(
            f"{d.field}: " + " vs ".join(f"{v} ({s})" for v, s in d.values) for d in event.disagreements),
        # A figure reported once for several regions ("drones over the Sumy and Poltava
        # regions") sits on each region's event; these say which fields, and which
        # events share it, so a sum counts it once per group.
        "shared_tally": event.qualifiers.get("shared") or None,
        "tally_group": event.qualifiers.get("group") if event.qualifiers.get("shared") else None,
        "qualifiers": _join(f"{k}: {v}" for k, v in sorted(event.qualifiers.items())),
    }
    for kind, col in WEAPON_COLUMNS.items():
        row[col] = event.weapons.get(kind)
    return row


def events_frame(events: Iterable[Event]) -> gpd.GeoDataFrame:
    """Events as a GeoDataFrame (EPSG:4326): flat columns, point at the location or None."""
    events = list(events)
    shares = toll_shares(events)
    return _frame([event_row(e, shares.get(id(e))) for e in events], EVENT_COLUMNS,
                  [_point(e.location.place if e.location else None) for e in events])


def claims_frame(claims: Iterable[AreaClaim], zones: Sequence | None = None) -> gpd.GeoDataFrame:
    """Area-of-control claims as a GeoDataFrame: each drawn as its indicative zone, else at its region's point.

    ``zones``: one ``maps.zones.Zone`` (or None) per claim, the map's zones
    (``Report.area_claims`` passes them: the table carries the polygons the
    map draws); without them each claim is its region's point. ``indicative``
    is true where the geometry is such a zone (sized to the claim, placed by
    rule, not reported); ``claimed_km2`` and ``drawn_km2`` give both areas.
    """
    claims = list(claims)
    if zones is None:
        zones = [None] * len(claims)
    rows, geometry = [], []
    for c, zone in zip(claims, zones):
        first = c.sources[0] if c.sources else None
        rows.append({
            "id": c.id,
            "controller": c.controller,
            "region": c.region.name if c.region else None,
            "admin1_code": c.region.admin1_code if c.region else None,
            "country_code": c.region.country_code if c.region else None,
            "area_km2": c.area_km2,
            "area_text": c.area_text,
            "qualifier": c.qualifier,
            "claimant": c.claimant,
            "date": c.date.isoformat() if c.date else None,
            "near": _join(p.name for p in c.near),
            "n_sources": len(c.sources),
            "outlets": _join(dict.fromkeys(s.outlet for s in c.sources if s.outlet)),
            "evidence": " ".join(first.sentence.split()) if first else None,
            "documents": _join(dict.fromkeys(s.document for s in c.sources)),
            "indicative": zone is not None,
            "claimed_km2": c.area_km2,
            "drawn_km2": round(zone.drawn_km2, 2) if zone is not None else None,
            "zone_basis": zone.basis if zone is not None else None,
        })
        geometry.append(zone.geometry if zone is not None else _point(c.region))
    df = _frame(rows, CLAIM_COLUMNS, geometry)
    for col in ("area_km2", "claimed_km2", "drawn_km2"):
        df[col] = df[col].astype("Float64")
    df["indicative"] = df["indicative"].astype("boolean")
    return df


def _country(code: str | None) -> tuple[str | None, str | None]:
    """(ISO 3166-1 alpha-3, name) of a two-letter country code."""
    if not code:
        return None, None
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return None, code
    return country.alpha_3, getattr(country, "common_name", None) or country.name


def acled_frame(events: Iterable[Event]) -> pd.DataFrame:
    """Events with ACLED's column names and codes, so ACLED workflows can read them.

    ``geo_precision`` is ACLED's 1-3 (country-only locations count as 3);
    ``fatalities`` is 0 when none were reported, as in ACLED.
    """
    rows = []
    events = list(events)
    shares = toll_shares(events)
    for event in events:
        place = event.location.place if event.location else None
        iso3, country = _country(place.country_code if place else None)
        killed, whole, n = shares.get(id(event), {}).get("killed", (event.killed, event.killed, 1))
        event_type, sub_event = ACLED_TYPES.get(event.sub_type, ("Explosions/Remote violence", event.sub_type))
        civilians = any(t in CIVILIAN_TARGETS for t in event.targets)
        notes = [" ".join(s.sentence.split()) for s in event.sources[:1]]
        if event.weapons:
            notes.append("Weapons: " + ", ".join(
                f"{n} {k}" if n is not None else k for k, n in event.weapons.items()) + ".")
        if event.intercepted is not None:
            notes.append(f"Intercepted: {event.intercepted}.")
        if event.claimant:
            notes.append(f"Claimed by: {event.claimant}.")
        if event.attacker_inferred:
            notes.append("Attacker inferred: the report does not say who struck.")
        if n > 1:
            notes.append(f"Fatalities: {killed} of {whole} reported for {n} places, split evenly (ACLED).")
        rows.append({
            "event_id_cnty": f"{iso3 or 'XXX'}-{event.id}",
            "event_date": event.date.isoformat() if event.date else None,
            "year": event.date.year if event.date else None,
            "time_precision": ACLED_TIME_PRECISION.get(event.date_precision or "", 3),
            "disorder_type": "Political violence",
            "event_type": event_type,
            "sub_event_type": sub_event,
            "actor1": ACLED_ACTORS.get(event.attacker, ACLED_UNKNOWN_ACTOR),
            "actor2": f"Civilians ({country})" if civilians and country else None,
            "iso": iso3,
            "country": country,
            "admin1": place.admin1_name if place else None,
            "location": place.name if place else None,
            "latitude": round(place.lat, 4) if place else None,
            "longitude": round(place.lon, 4) if place else None,
            "geo_precision": min(event.location.precision, 3) if event.location else None,
            "source": _join(event.outlets),
            "source_scale": None,
            "notes": " ".join(notes),
            "fatalities": killed or 0,
            "source_url": _join(dict.fromkeys(src.url for src in event.sources)),
            "source_date": _join(dict.fromkeys(src.published.isoformat() for src in event.sources if src.published)),
        })
    df = pd.DataFrame(rows, columns=list(ACLED_COLUMNS))
    for col in ("year", "time_precision", "geo_precision", "fatalities"):
        df[col] = df[col].astype("Int64")
    return df


def _plain(gdf: gpd.GeoDataFrame) -> pd.DataFrame:
    """A GeoDataFrame as a plain table with longitude/latitude columns (for CSV)."""
    df = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    geom = gdf.geometry
    present = geom.notna() & ~geom.is_empty
    df["longitude"] = pd.Series(pd.NA, index=df.index, dtype="Float64")
    df["latitude"] = pd.Series(pd.NA, index=df.index, dtype="Float64")
    if present.any():
        points = geom[present].representative_point()  # a zone's point inside it; a point itself
        df.loc[present, "longitude"] = points.x
        df.loc[present, "latitude"] = points.y
    return df


def write_table(df: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write a plain DataFrame as CSV (UTF-8, no index), atomically."""
    with atomic_path(path) as tmp:
        df.to_csv(tmp, index=False)
    return Path(path)


def write_events(gdf: gpd.GeoDataFrame, path: str | os.PathLike, format: str | None = None,
                 *, layer: str = "events") -> Path:
    """Write a frame of ``events_frame``/``claims_frame`` as ``format``, atomically.

    geojson is RFC 7946 (FeatureCollection, lon/lat, WGS84); csv carries the
    point as ``longitude``/``latitude`` columns; gpkg and parquet keep the
    geometry. ``format`` defaults to the file's suffix.
    """
    path = Path(path)
    fmt = (format or path.suffix.lstrip(".")).lower()
    fmt = {"json": "geojson", "geoparquet": "parquet"}.get(fmt, fmt)
    if fmt not in FORMATS:
        raise StrikemapError(f"{path}: unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    with atomic_path(path) as tmp:
        if fmt == "geojson":
            gdf.to_file(tmp, driver="GeoJSON", engine="pyogrio", layer_options={"RFC7946": "YES"})
        elif fmt == "gpkg":
            gdf.to_file(tmp, driver="GPKG", engine="pyogrio", layer=layer)
        elif fmt == "parquet":
            gdf.to_parquet(tmp, index=False)
        else:
            _plain(gdf).to_csv(tmp, index=False)
    return path
