"""Control files as DeepStateMap publishes them, and the front line derived from their edge.

The occupied area is made from the shipped region polygons (see control_files.py), so we know
which parts of its boundary are the Russian border, which are coast and which are lines of contact.
"""

import datetime as dt

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import box

from control_files import cut_lines, occupied_shape, write_deepstate_like
from geo.model import InputError
from maps.frontline import FRONTLINE_TOLERANCE_M, derived_front_line
from maps.geodesy import geodesic_area_km2
from geo.overlays import label_from_name, read_control, read_controls

METRES = "EPSG:3035"  # ETRS89 LAEA Europe: distances in metres over the whole theatre


@pytest.fixture(scope="module")
def regions():
    from maps.regions import load_regions

    return load_regions()


@pytest.fixture(scope="module")
def countries():
    from maps.regions import countries, country_outline

    return {cc: country_outline(cc) for cc in countries()}


@pytest.fixture(scope="module")
def occupied(regions):
    return occupied_shape(regions)


@pytest.fixture(scope="module")
def front(occupied, countries):
    return derived_front_line(occupied, countries)


def _metres(geom):
    """In metres; long lon/lat edges are first split so they keep their course (a parallel stays curved)."""
    return gpd.GeoSeries([shapely.segmentize(geom, 0.01)], crs=4326).to_crs(METRES).iloc[0]


def _samples(line, step_m=2000.0):
    """Points every ``step_m`` along a projected line."""
    parts = shapely.get_parts(line)
    return [p.interpolate(d) for p in parts for d in np.arange(0, p.length, step_m)]


# ---------------------------------------------------------------- reading the file as published


@pytest.mark.parametrize("form", ["collection", "null-properties", "feature", "geometry"])
def test_deepstate_style_file_reads_as_one_dated_snapshot(tmp_path, occupied, form):
    path = write_deepstate_like(tmp_path, occupied, form=form)
    (snap,) = read_control(path)
    assert (snap.label, snap.date, snap.source) == ("deepstatemap data", dt.date(2025, 3, 19), path.name)
    assert snap.title == "deepstatemap data, 2025-03-19"
    assert geodesic_area_km2(snap.areas) == pytest.approx(geodesic_area_km2(occupied), rel=1e-3)
    assert not len(snap.lines)


def test_gzipped_snapshot_and_a_label_of_our_own(tmp_path, occupied):
    path = write_deepstate_like(tmp_path, occupied, compressed=True)
    (snap,) = read_control(path, "DeepStateMap.live https://deepstatemap.live")
    assert snap.date == dt.date(2025, 3, 19)
    assert snap.label == "DeepStateMap.live https://deepstatemap.live"
    assert snap.name == "DeepStateMap.live"  # the address is for the credit line, not the layer name


@pytest.mark.parametrize("name, label, date", [
    ("deepstatemap_data_20250319.geojson", "deepstatemap data", dt.date(2025, 3, 19)),
    ("front-2024-11-05.kml", "front", dt.date(2024, 11, 5)),
    ("2025_01_31_occupied.gpkg", "occupied", dt.date(2025, 1, 31)),
    ("occupied.geojson.gz", "occupied", None),
    ("areas_20251399.geojson", "areas 20251399", None),  # not a date
    ("20250319.geojson", "20250319", dt.date(2025, 3, 19)),
])
def test_label_and_date_from_the_file_name(name, label, date):
    assert label_from_name(name) == (label, date)


def test_several_files_become_snapshots_oldest_first(tmp_path, occupied):
    later = write_deepstate_like(tmp_path, occupied, "deepstatemap_data_20250319")
    earlier = write_deepstate_like(tmp_path, occupied.buffer(-0.05), "deepstatemap_data_20250301")
    snaps = read_controls([later, earlier], ["DeepStateMap"])
    assert [s.title for s in snaps] == ["DeepStateMap, 2025-03-01", "DeepStateMap, 2025-03-19"]
    labelled = read_controls([later, earlier], ["A", "B"])
    assert [s.label for s in labelled] == ["B", "A"]
    with pytest.raises(InputError, match="2 labels for 3 control files"):
        read_controls([later, earlier, later], ["A", "B"])


def test_dates_inside_one_file_give_one_snapshot_each(tmp_path):
    import json

    feats = [{"type": "Feature", "properties": {"date": d}, "geometry": shapely.geometry.mapping(box(37, 47, 38 + i, 48))}
             for i, d in enumerate(["2025-03-18", "2025-03-19"])]
    path = tmp_path / "history.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}))
    snaps = read_control(path)
    assert [s.date for s in snaps] == [dt.date(2025, 3, 18), dt.date(2025, 3, 19)]
    assert snaps[1].areas.bounds[2] == pytest.approx(39.0)


def test_a_file_of_points_only_is_refused_naming_it(tmp_path):
    path = tmp_path / "pins.geojson"
    path.write_text('{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [37, 48]}}')
    with pytest.raises(InputError, match="pins.geojson.*only points"):
        read_control(path)


# ---------------------------------------------------------------- the derived front line


def test_front_line_follows_the_lines_of_contact(regions, front):
    """Every stretch of the cuts, away from borders and coasts, is on the derived front line."""
    front_m = _metres(front)
    checked = hits = 0
    for cut in cut_lines(regions):
        for p in _samples(_metres(cut)):
            checked += 1
            hits += front_m.distance(p) < 1000
    assert checked > 100
    # The ends of each cut within the tolerance of a coast or border are not front line.
    assert hits / checked > 0.9


def test_front_line_is_not_the_border_or_the_coast(occupied, countries, front):
    """Boundary stretches on the Russian border or a coast are never called front line."""
    front_m = _metres(front)
    outlines = _metres(shapely.union_all([countries["UA"].boundary, countries["RU"].boundary]))
    boundary = _metres(occupied.boundary)
    on_border_or_coast = [p for p in _samples(boundary) if outlines.distance(p) < 500]
    assert len(on_border_or_coast) > 200  # most of this shape's edge is border or coast
    near_front = [p for p in on_border_or_coast if front_m.distance(p) < 1000]
    assert len(near_front) <= 0.02 * len(on_border_or_coast)  # at most the ends where the cuts meet them
    # And every point of the front line keeps its distance from borders and coasts.
    assert min(outlines.distance(p) for p in _samples(front_m, 1000)) >= FRONTLINE_TOLERANCE_M * 0.95


def test_front_line_lies_on_the_area_edge(occupied, front):
    boundary = _metres(occupied.boundary)
    assert max(boundary.distance(p) for p in _samples(_metres(front), 1000)) < 50


def test_front_line_of_an_area_with_no_known_land_is_empty(countries):
    assert derived_front_line(box(-40, 10, -39, 11), countries).is_empty  # mid-Atlantic
    assert derived_front_line(shapely.Polygon(), countries).is_empty


def test_a_pocket_inside_the_area_is_front_line_all_round(countries):
    """A held pocket inside occupied land: its whole rim is a line of contact."""
    outer = box(36.0, 47.5, 37.5, 48.5)
    pocket = box(36.6, 47.9, 36.9, 48.1)
    line = derived_front_line(outer.difference(pocket), countries)
    assert _metres(line).buffer(100).contains(_metres(pocket.exterior))


def test_a_long_history_keeps_its_latest_dates(tmp_path):
    import json

    from geo.overlays import MAX_SNAPSHOTS

    feats = [{"type": "Feature", "properties": {"date": (dt.date(2025, 1, 1) + dt.timedelta(days=i)).isoformat()},
              "geometry": shapely.geometry.mapping(box(37, 47, 37.5 + i / 100, 48))} for i in range(MAX_SNAPSHOTS + 6)]
    path = tmp_path / "history.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}))
    snaps = read_control(path)
    assert len(snaps) == MAX_SNAPSHOTS and snaps[0].dates_in_file == MAX_SNAPSHOTS + 6
    assert snaps[0].date == dt.date(2025, 1, 7) and snaps[-1].date == dt.date(2025, 1, 30)
