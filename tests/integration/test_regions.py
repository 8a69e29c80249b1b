"""The shipped ADM1 polygons and the boundary-file loader (maps/regions.py).

Real shipped file, real gazetteer; user files are written here in the schemas
of geoBoundaries, GADM, OCHA COD-AB and Natural Earth from the shipped polygons.
"""

from __future__ import annotations

import gzip
import itertools
import json

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely

from geo.model import InputError, StrikemapError
from gazetteer import default_gazetteer
from maps.regions import (
    COLUMNS, DATA, RegionsError, UnknownRegionError,
    countries, country_outline, load_regions, region_polygon,
)

UA_CODES = [f"UA.{i:02d}" for i in range(1, 28)]  # GeoNames: 24 oblasts, Kyiv city, Crimea, Sevastopol
# Russian regions with a land border with Ukraine (ISO 3166-2).
RU_BORDER = ["RU-BRY", "RU-KRS", "RU-BEL", "RU-VOR", "RU-ROS"]
ALPHA3 = {"UA": "UKR", "RU": "RUS"}


@pytest.fixture(scope="module")
def regions():
    return load_regions()


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


@pytest.fixture(scope="module")
def ua_ru(regions):
    return regions[regions["country_code"].isin(["UA", "RU"])].reset_index(drop=True)


# --- the shipped file ---------------------------------------------------------

def test_shipped_file_schema(regions):
    assert tuple(regions.columns) == COLUMNS
    assert regions.crs.equals("EPSG:4326")
    assert regions["admin1_code"].is_unique
    assert DATA.name == "adm1.geojson.gz"
    assert {"UA", "RU", "BY", "MD", "PL", "RO", "GE", "KZ"} <= set(countries())


@pytest.mark.parametrize("code", UA_CODES)
def test_every_ukrainian_unit_present(regions, code):
    row = regions[regions["admin1_code"] == code]
    assert len(row) == 1
    assert row["country_code"].item() == "UA"
    assert row["iso_code"].item().startswith("UA-")
    assert shapely.area(row.geometry.item()) > 0.05  # Sevastopol, the smallest, is about 0.08 square degrees


@pytest.mark.parametrize("code, iso", [("UA.11", "UA-43"), ("UA.20", "UA-40"), ("UA.12", "UA-30")])
def test_crimea_sevastopol_kyiv_are_own_units_of_ukraine(regions, code, iso):
    row = regions.set_index("admin1_code").loc[code]
    assert row["iso_code"] == iso and row["country_code"] == "UA"
    assert not any(shapely.intersects(row.geometry, regions[regions["country_code"] == "RU"].geometry.values))


def test_ukrainian_units_do_not_overlap(regions):
    ua = regions[regions["country_code"] == "UA"].geometry.values
    for i, j in itertools.combinations(range(len(ua)), 2):
        shared = shapely.area(shapely.intersection(ua[i], ua[j]))
        assert shared < 1e-6, (i, j, shared)


@pytest.mark.parametrize("iso", RU_BORDER)
def test_russian_border_regions_present_and_touch_ukraine(iso):
    poly = region_polygon(iso)
    assert shapely.distance(poly, country_outline("UA")) < 0.01


def test_geometries_valid_polygonal_in_lonlat(regions):
    g = regions.geometry.values
    assert shapely.is_valid(g).all()
    assert set(regions.geom_type) <= {"Polygon", "MultiPolygon"}
    minx, miny, maxx, maxy = regions.total_bounds
    assert -180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90


def test_chukotka_is_split_at_the_antimeridian():
    parts = shapely.get_parts(region_polygon("RU.15"))
    bounds = shapely.bounds(parts)
    assert bounds[:, 0].min() == -180 and bounds[:, 2].max() == 180
    assert (bounds[:, 2] - bounds[:, 0]).max() < 180  # no part wraps round the globe


# Administrative centres that lie outside their own unit: Moscow (Moscow Oblast), Saint Petersburg (Leningrad Oblast).
CAPITAL_OUTSIDE = {"RU.47", "RU.42"}


@pytest.mark.parametrize("cc", ["UA", "RU", "BY"])
def test_gazetteer_regions_have_polygons_holding_their_capital(gaz, regions, cc):
    """Every GeoNames ADM1 unit has a polygon; its capital lies in it or within 5 km of it.

    (1:10m borders are generalised: Abakan, on the river between Khakassia and
    Krasnoyarsk Krai, falls about 3 km on the wrong bank.)
    """
    units = gaz.regions(cc)
    assert len(units) >= 7
    for place in units:
        poly = region_polygon(place.admin1_code)
        if place.admin1_code not in CAPITAL_OUTSIDE:
            assert shapely.distance(poly, shapely.Point(place.lon, place.lat)) < 0.05, place


@pytest.mark.parametrize("name, cc", [
    ("Kyiv", "UA"), ("Kharkiv", "UA"), ("Sumy", "UA"), ("Odesa", "UA"), ("Lviv", "UA"), ("Dnipro", "UA"),
    ("Zaporizhzhia", "UA"), ("Donetsk", "UA"), ("Luhansk", "UA"), ("Simferopol", "UA"), ("Sevastopol", "UA"),
    ("Kerch", "UA"), ("Kursk", "RU"), ("Belgorod", "RU"), ("Bryansk", "RU"), ("Krasnodar", "RU"),
    ("Novorossiysk", "RU"), ("Moscow", "RU"), ("Saint Petersburg", "RU"), ("Kaliningrad", "RU"),
    ("Minsk", "BY"), ("Chisinau", "MD"), ("Tbilisi", "GE"),
])
def test_known_cities_fall_in_their_region(gaz, name, cc):
    place = next(p for p in gaz.search(name, country=cc, kind="place"))
    point = shapely.Point(place.lon, place.lat)
    assert shapely.distance(region_polygon(place.admin1_code), point) < 0.02, place


def test_country_outline_is_union_of_regions(regions):
    ua = country_outline("UA")
    assert shapely.is_valid(ua)
    assert shapely.contains(ua, shapely.Point(34.10, 44.95))  # Simferopol: Crimea is inside Ukraine's outline
    assert abs(shapely.area(ua) - shapely.area(regions[regions.country_code == "UA"].geometry.values).sum()) < 1e-6
    with pytest.raises(UnknownRegionError):
        country_outline("XX")


def test_region_polygon_by_either_code_and_unknown_code():
    assert shapely.equals(region_polygon("UA.21"), region_polygon("UA-59"))
    with pytest.raises(UnknownRegionError) as err:
        region_polygon("UA.99")
    assert isinstance(err.value, StrikemapError) and "UA.99" in str(err.value)


def test_load_is_cached_and_returns_a_copy():
    first = load_regions()
    first.loc[0, "name"] = "changed"
    second = load_regions()
    assert second.loc[0, "name"] != "changed"
    assert second.geometry.values[0] is load_regions().geometry.values[0]  # geometries shared, not re-read


# --- user-supplied boundary files -------------------------------------------------

def _geoboundaries(df, gaz):
    return gpd.GeoDataFrame({"shapeName": df["name"], "shapeISO": df["iso_code"], "shapeID": range(len(df)),
                             "shapeGroup": df["country_code"].map(ALPHA3), "shapeType": "ADM1"},
                            geometry=df.geometry.values, crs=4326), "gb.geojson"


def _gadm(df, gaz):
    # GADM 3.6 has no ISO column: codes must come from English names (here the gazetteer's) and GID_0.
    names = [gaz.region(code).name for code in df["admin1_code"]]
    return gpd.GeoDataFrame({"GID_0": df["country_code"].map(ALPHA3), "GID_1": [f"X.{i}_1" for i in range(len(df))],
                             "NAME_1": names, "HASC_1": None},
                            geometry=df.geometry.values, crs=4326).to_crs(3857), "gadm.gpkg"


def _ocha(df, gaz):
    ua = df[df["country_code"] == "UA"]
    return gpd.GeoDataFrame({"ADM1_PCODE": ["UA" + iso[3:] for iso in ua["iso_code"]], "ADM1_EN": ua["name"],
                             "ADM0_EN": "Ukraine", "ADM0_PCODE": "UA"},
                            geometry=ua.geometry.values, crs=4326), "ocha.shp"


def _natural_earth(df, gaz):
    return gpd.GeoDataFrame({"iso_3166_2": df["iso_code"], "gn_a1_code": df["admin1_code"], "name": df["name"],
                             "adm0_a3": df["country_code"].map(ALPHA3), "iso_a2": df["country_code"]},
                            geometry=df.geometry.values, crs=4326), "ne.fgb"


@pytest.mark.parametrize("make", [_geoboundaries, _gadm, _ocha, _natural_earth], ids=lambda f: f.__name__[1:])
def test_user_file_in_another_schema(tmp_path, ua_ru, gaz, make):
    frame, name = make(ua_ru, gaz)
    path = tmp_path / name
    pyogrio.write_dataframe(frame, path)
    got = load_regions(path)
    assert tuple(got.columns) == COLUMNS and got.crs.equals("EPSG:4326")
    expected = ua_ru.set_index("admin1_code").loc[got["admin1_code"]]
    assert len(got) == len(frame)
    assert list(got["iso_code"]) == list(expected["iso_code"])
    assert list(got["country_code"]) == list(expected["country_code"])
    assert np.allclose(shapely.area(got.geometry.values), shapely.area(expected.geometry.values), rtol=1e-3)
    one = got["admin1_code"].iloc[0]
    assert shapely.equals_exact(region_polygon(one, path), got.geometry.iloc[0], tolerance=1e-6)


def test_user_file_gzipped(tmp_path, ua_ru, gaz):
    frame, _ = _geoboundaries(ua_ru, gaz)
    plain = tmp_path / "gb.geojson"
    pyogrio.write_dataframe(frame, plain)
    packed = tmp_path / "gb.geojson.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    got = load_regions(packed)
    assert list(got["admin1_code"]) == list(ua_ru["admin1_code"])
    assert countries(packed) == ("RU", "UA")


def _write(path, content):
    path.write_text(content, encoding="utf-8")
    return path


BAD_FILES = {
    "not_boundaries.txt": ("Kyiv was attacked overnight.\n", "not a boundary file"),
    "empty.geojson": ("", "not a boundary file"),
    "points.geojson": (json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Sumy"}, "geometry": {"type": "Point", "coordinates": [34.8, 50.9]}}]}),
        "has no polygons"),
    "no_columns.geojson": (json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"colour": "red"},
         "geometry": {"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 50]]]}}]}),
        "no ADM1 code or name column"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gives_clear_error_naming_it(tmp_path, name):
    content, problem = BAD_FILES[name]
    path = _write(tmp_path / name, content)
    with pytest.raises(RegionsError) as err:
        load_regions(path)
    assert isinstance(err.value, InputError)
    message = str(err.value)
    assert str(path) in message and problem in message
    assert "\n" not in message


def test_missing_file_gives_clear_error(tmp_path):
    path = tmp_path / "nowhere.shp"
    with pytest.raises(RegionsError) as err:
        load_regions(path)
    assert str(path) in str(err.value)
