"""Exports: GeoJSON (RFC 7946), GeoPackage, CSV, Parquet and ACLED-like CSV."""

from __future__ import annotations

import datetime as dt
import json
import math

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest

from geo.outputs.export import (
    ACLED_COLUMNS, CLAIM_COLUMNS, EVENT_COLUMNS, WEAPON_COLUMNS, acled_frame, claims_frame,
    events_frame, write_events,
)
from geo.model import AreaClaim, Disagreement, Event, Location, Source, StrikemapError

DAY = dt.date(2025, 3, 19)


def _place(gaz, name, country, kind):
    (place,) = [p for p in gaz.search(name, country=country, kind=kind, limit=5)][:1]
    return place


@pytest.fixture(scope="session")
def places(gazetteer):
    gaz = gazetteer
    return {
        "sumy": _place(gaz, "Sumy", "UA", "place"),
        "sumy_obl": _place(gaz, "Sumy oblast", "UA", "adm1"),
        "odesa": _place(gaz, "Odesa", "UA", "place"),
        "kharkiv": _place(gaz, "Kharkiv", "UA", "place"),
        "kursk_obl": _place(gaz, "Kursk oblast", "RU", "adm1"),
        "krasnodar_obl": _place(gaz, "Krasnodar Krai", "RU", "adm1"),
        "ukraine": gaz.country("UA"),
    }


def sample_events(places) -> list[Event]:
    """Events as the pipeline makes them, located at real gazetteer places."""
    def src(doc, outlet, sentence):
        return Source(doc, outlet, sentence, 0, len(sentence), DAY)

    return [
        Event("a:1", "strike", "air_drone_strike", "RU", DAY, "day", {"drone": 145, "ballistic_missile": 2},
              None, (), ("energy", "residential"), 2, 5, Location(places["sumy"], 1, "Sumy"),
              "Ukraine's Air Force", (src("a", "CNN", "Drones hit Sumy, the governor said."),
                                     src("b", "Al Jazeera", "Russian drones struck Sumy.")),
              (Disagreement("weapons.drone", ((145, "CNN"), (150, "Al Jazeera"))),), {"killed": "at least"}),
        Event("a:2", "interception", "interception", "RU", DAY, "day", {"drone": None}, 72,
              ("Odesa",), (), None, None, Location(places["odesa"], 2, "near Odesa"), "Ukraine's Air Force",
              (src("a", "CNN", "Air defences downed 72 drones near Odesa."),)),
        Event("a:3", "strike", "missile_attack", "UA", dt.date(2025, 3, 18), "day", {"cruise_missile": 3},
              None, (), ("oil_fuel",), None, None, Location(places["krasnodar_obl"], 3, "Krasnodar region"),
              "Russia's defence ministry", (src("a", "CNN", "Ukraine struck an oil depot in the Krasnodar region."),)),
        Event("b:1", "strike", "shelling_artillery", "RU", dt.date(2025, 3, 17), "week", {"artillery": None},
              None, (), ("residential",), 1, 3, Location(places["sumy_obl"], 3, "Sumy region"), None,
              (src("b", "Al Jazeera", "Shelling in the Sumy region killed one | injured 3."),)),
        Event("b:2", "strike", "glide_bomb", "RU", None, None, {"glide_bomb": 4}, None, (), (),
              None, 2, Location(places["kharkiv"], 1, "Kharkiv"), None,
              (src("b", "Al Jazeera", 'Glide bombs hit "Kharkiv" — a city <b>near</b> the border.'),)),
        Event("b:3", "strike", "air_drone_strike", "unknown", DAY, "day", {}, None, (), ("energy",),
              None, None, Location(places["ukraine"], 4, "Ukraine"), None,
              (src("b", "Al Jazeera", "Energy sites across Ukraine were hit."),)),
        Event("b:4", "interception", "interception", "UA", DAY, "day", {"drone": 30}, 30, (), (),
              None, None, None, "Russia's defence ministry", (src("b", "Al Jazeera", "Russia said it downed 30 drones."),)),
    ]


@pytest.fixture(scope="module")
def events(places):
    return sample_events(places)


def _norm(value):
    """One comparable value for what different writers and readers make of nulls and numbers."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "item"):
        return _norm(value.item())
    return value


def _records(df: pd.DataFrame, columns) -> list[dict]:
    return [{c: _norm(row[c]) for c in columns} for _, row in df.iterrows()]


def test_events_frame_shape_and_crs(events):
    gdf = events_frame(events)
    assert gdf.crs.to_epsg() == 4326
    assert list(gdf.columns) == [*EVENT_COLUMNS, "geometry"]
    assert len(gdf) == len(events)
    assert set(WEAPON_COLUMNS.values()) <= set(gdf.columns)
    first = gdf.iloc[0]
    assert (first["w_drone"], first["w_ballistic_missile"]) == (145, 2)
    assert first["n_sources"] == 2 and first["outlets"] == "CNN; Al Jazeera"
    assert first["targets"] == "energy; residential"
    assert "weapons.drone" in first["disagreements"] and "150" in first["disagreements"]
    assert gdf.geometry.iloc[-1] is None  # unlocated event kept, without a point


def test_points_are_lon_lat_of_the_place(events):
    gdf = events_frame(events)
    for event, geom in zip(events, gdf.geometry):
        if event.location:
            assert (geom.x, geom.y) == (event.location.place.lon, event.location.place.lat)


@pytest.mark.parametrize("fmt, suffix", [("geojson", "geojson"), ("gpkg", "gpkg"), ("parquet", "parquet")])
def test_roundtrip_same_rows_and_values(tmp_path, events, fmt, suffix):
    gdf = events_frame(events)
    path = write_events(gdf, tmp_path / f"events.{suffix}", fmt)
    back = gpd.read_parquet(path) if fmt == "parquet" else pyogrio.read_dataframe(path, datetime_as_string=True)
    assert len(back) == len(gdf)
    assert back.crs.to_epsg() == 4326
    columns = list(EVENT_COLUMNS)
    assert _records(back, columns) == _records(gdf, columns)
    for geom, orig in zip(back.geometry, gdf.geometry):
        if orig is None:
            assert geom is None or geom.is_empty
        else:
            assert geom.equals_exact(orig, 1e-7)


def test_geojson_is_rfc7946(tmp_path, events):
    path = write_events(events_frame(events), tmp_path / "events.geojson", "geojson")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and "crs" not in data
    feats = data["features"]
    assert len(feats) == len(events)
    for feat, event in zip(feats, events):
        assert feat["properties"]["id"] == event.id
        if event.location:
            lon, lat = feat["geometry"]["coordinates"]
            assert (round(lon, 6), round(lat, 6)) == (round(event.location.place.lon, 6), round(event.location.place.lat, 6))
            assert -180 <= lon <= 180 and -90 <= lat <= 90
        else:
            assert feat["geometry"] is None


def test_csv_carries_lon_lat(tmp_path, events):
    path = write_events(events_frame(events), tmp_path / "events.csv", "csv")
    back = pd.read_csv(path)
    assert list(back.columns) == [*EVENT_COLUMNS, "longitude", "latitude"]
    assert back["id"].tolist() == [e.id for e in events]
    for (_, row), event in zip(back.iterrows(), events):
        if event.location:
            assert row["longitude"] == pytest.approx(event.location.place.lon)
        else:
            assert math.isnan(row["latitude"])


def test_claims_frame(tmp_path, places):
    claim = AreaClaim("UA", places["kursk_obl"], 200.0, "at most", "Russia's chief of staff", DAY,
                      (Source("a", "CNN", "Ukraine controls at most 200 square km.", 0, 10, DAY),),
                      "200 square kilometres", (places["sumy"],), "a:c1")
    gdf = claims_frame([claim])
    assert list(gdf.columns) == [*CLAIM_COLUMNS, "geometry"]
    assert gdf.crs.to_epsg() == 4326
    row = gdf.iloc[0]
    assert (row["controller"], row["admin1_code"], row["area_km2"]) == ("UA", places["kursk_obl"].admin1_code, 200.0)
    back = pyogrio.read_dataframe(write_events(gdf, tmp_path / "c.geojson", "geojson"))
    assert back["area_km2"].tolist() == [200.0]


def test_empty_frames_write(tmp_path):
    for frame in (events_frame([]), claims_frame([])):
        path = write_events(frame, tmp_path / "empty.geojson", "geojson")
        assert json.loads(path.read_text())["features"] == []


def test_acled_frame(events):
    df = acled_frame(events)
    assert list(df.columns) == list(ACLED_COLUMNS)
    first = df.iloc[0]
    assert first["event_type"] == "Explosions/Remote violence" and first["sub_event_type"] == "Air/drone strike"
    assert first["actor1"].startswith("Military Forces of Russia")
    assert first["iso"] == "UKR" and first["fatalities"] == 2 and first["geo_precision"] == 1
    assert first["actor2"] == "Civilians (Ukraine)"
    assert df.iloc[1]["sub_event_type"] == "Disrupted weapons use"
    assert df.iloc[2]["iso"] == "RUS" and df.iloc[2]["geo_precision"] == 3
    assert df.iloc[3]["time_precision"] == 2
    assert df.iloc[5]["geo_precision"] == 3  # country-only counts as ACLED's coarsest
    assert df["fatalities"].sum() == sum(e.killed or 0 for e in events)


def test_unknown_format_refused(tmp_path, events):
    with pytest.raises(StrikemapError, match="unknown format"):
        write_events(events_frame(events), tmp_path / "x.shp", "shp")


def test_failed_write_leaves_old_file_and_no_temp(tmp_path, events):
    path = write_events(events_frame(events), tmp_path / "events.parquet", "parquet")
    before = path.read_bytes()
    bad = events_frame(events)
    bad["id"] = [1, "a"] * (len(bad) // 2) + [1] * (len(bad) % 2)  # Arrow refuses mixed types
    with pytest.raises(Exception):
        write_events(bad, path, "parquet")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.parquet"]


def _load_regions():
    from maps.regions import load_regions

    return load_regions()


# Largest distance (km) from a point to its ADM1 polygon that still counts as inside,
# by geo-precision: GeoNames points against generalised (Natural Earth) boundaries.
TOLERANCE_KM = {1: 10.0, 2: 10.0, 3: 25.0}


def test_points_inside_their_adm1_polygon(events):
    regions = _load_regions()
    code_col = next((c for c in ("admin1_code", "code", "adm1_code") if c in regions.columns), None)
    assert code_col, f"no ADM1 code column in {list(regions.columns)}"
    gdf = events_frame(events)
    checked = 0
    for _, row in gdf.iterrows():
        if row.geometry is None or row["precision"] > 3 or not row["admin1_code"]:
            continue
        polys = regions[regions[code_col] == row["admin1_code"]]
        assert len(polys), f"no polygon for {row['admin1_code']}"
        poly = polys.to_crs(3857).geometry.union_all()
        point = gpd.GeoSeries([row.geometry], crs=4326).to_crs(3857).iloc[0]
        # Web Mercator stretches by 1/cos(lat): scale the distance back to km.
        km = poly.distance(point) * math.cos(math.radians(row.geometry.y)) / 1000
        assert km <= TOLERANCE_KM[row["precision"]], (row["id"], row["place_name"], km)
        checked += 1
    assert checked >= 4
