"""Reading --control / --frontline files: GeoJSON (DeepState-style mixed), KML, bad files."""

import datetime as dt
import json

import pytest

from geo.model import InputError
from maps import read_overlay


def _square(x, y, d=0.2):
    return [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]


DEEPSTATE_LIKE = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "properties": {"name": "Occupied", "updated": "2025-03-18T21:00:00Z"},
         "geometry": {"type": "Polygon", "coordinates": _square(37.5, 47.5)}},
        {"type": "Feature", "properties": {"name": "Occupied 2", "updated": "2025-03-18T21:00:00Z"},
         "geometry": {"type": "MultiPolygon", "coordinates": [_square(38.0, 48.0), _square(38.5, 48.5)]}},
        {"type": "Feature", "properties": {"name": "Airfield icon", "updated": "2025-03-17"},
         "geometry": {"type": "Point", "coordinates": [37.6, 47.6]}},
        {"type": "Feature", "properties": {"name": "Line", "date": "2025-03-19"},
         "geometry": {"type": "LineString", "coordinates": [[37.5, 47.5], [38.0, 48.0]]}},
    ],
}

KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Folder><name>Areas</name><Placemark><name>Held &lt;b&gt;area&lt;/b&gt;</name>
<TimeStamp><when>2025-03-18</when></TimeStamp>
<Polygon><outerBoundaryIs><LinearRing><coordinates>35,51 35.3,51 35.3,51.3 35,51.3 35,51</coordinates>
</LinearRing></outerBoundaryIs></Polygon></Placemark></Folder>
<Folder><name>Lines</name><Placemark><name>Front</name><TimeSpan><begin>2025-03-10</begin><end>2025-03-19</end></TimeSpan>
<LineString><coordinates>35,51 35.2,51.2 35.4,51.1</coordinates></LineString></Placemark>
<Placemark><name>Pin</name><Point><coordinates>35.1,51.1</coordinates></Point></Placemark></Folder>
</Document></kml>
"""


def test_deepstate_like_geojson_mixes_areas_points_and_lines(tmp_path):
    path = tmp_path / "deepstate.geojson"
    path.write_text(json.dumps(DEEPSTATE_LIKE))
    gdf = read_overlay(path)
    assert list(gdf.columns) == ["kind", "name", "date", "geometry"]
    assert gdf.crs.to_epsg() == 4326
    assert sorted(gdf["kind"]) == ["area", "area", "line", "point"]
    assert set(gdf.loc[gdf["kind"] == "area", "date"]) == {dt.date(2025, 3, 18)}
    assert gdf.loc[gdf["kind"] == "line", "date"].iloc[0] == dt.date(2025, 3, 19)


def test_kml_folders_are_all_read_with_dates(tmp_path):
    path = tmp_path / "holdings.kml"
    path.write_text(KML)
    gdf = read_overlay(path)
    by_kind = {k: g for k, g in gdf.groupby("kind")}
    assert set(by_kind) == {"area", "line", "point"}
    area = by_kind["area"].iloc[0]
    assert area["date"] == dt.date(2025, 3, 18)
    assert area["name"] == "Held <b>area</b>"  # read as text; the map escapes it
    assert by_kind["line"].iloc[0]["date"] == dt.date(2025, 3, 19)  # end of the TimeSpan


def test_kml_with_entities_is_refused_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    path = tmp_path / "evil.kml"
    path.write_text(KML.replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file://{secret}">]>',
    ).replace("<name>Front</name>", "<name>Front &xxe;</name>"))
    try:
        gdf = read_overlay(path)
    except InputError as exc:
        assert str(path) in str(exc)
    else:
        assert not gdf["name"].fillna("").str.contains("TOP-SECRET").any()


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("missing.geojson", None, "no such file"),
        ("garbage.geojson", "this is not json {", "not a vector file"),
        ("empty.geojson", json.dumps({"type": "FeatureCollection", "features": []}), "no features"),
        ("binary.kml", "\x00\x01\x02PK\x03\x04", "not a vector file"),
    ],
)
def test_bad_files_raise_input_error_naming_the_file(tmp_path, name, content, problem):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(InputError) as info:
        read_overlay(path)
    assert str(path) in str(info.value)
    assert problem in str(info.value)
