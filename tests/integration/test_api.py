"""The Python API: geo.analyze -> Report with GeoDataFrames, summaries and writers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest

import geo
from geo.api import OUTPUTS, Report, gather_documents
from geo.model import StrikemapError

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
TEXT = "Russian drones struck Kharkiv overnight, injuring three people, the regional governor said."


@pytest.fixture(scope="module")
def report() -> Report:
    return geo.analyze([str(SEEDS)], workers=1)


def _map_available() -> bool:
    try:
        import maps
    except ImportError:
        return False
    return hasattr(maps, "render_map")


def test_report_tables(report):
    assert [p.document.id for p in report.documents] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert report.errors == []
    assert isinstance(report.events, gpd.GeoDataFrame) and report.events.crs.to_epsg() == 4326
    assert isinstance(report.area_claims, gpd.GeoDataFrame) and report.area_claims.crs.to_epsg() == 4326
    assert isinstance(report.regions, pd.DataFrame)
    assert len(report.events) == len(report.event_list)
    assert len(report.area_claims) == len(report.claim_list)
    assert report.events["id"].tolist() == [e.id for e in report.event_list]


def test_to_geojson_dict_and_file(report, tmp_path):
    data = report.to_geojson()
    assert data["type"] == "FeatureCollection" and len(data["features"]) == len(report.event_list)
    path = report.to_geojson(tmp_path / "e.geojson")
    assert len(pyogrio.read_dataframe(path)) == len(report.event_list)


def test_texts_paths_and_documents_mix(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(TEXT, encoding="utf-8")
    docs, problems = gather_documents([TEXT, str(path), path, "   "], published=dt.date(2025, 3, 19), outlet="X")
    assert [d.id for d in docs] == ["text-1", "r", "r#2"]
    assert all(d.published == dt.date(2025, 3, 19) and d.outlet == "X" for d in docs)
    assert [p.where for p in problems] == [str(path), "text 2"]  # a duplicate warning, an empty text
    report = geo.analyze(TEXT, published="2025-03-19", workers=1)
    assert [p.document.text for p in report.documents] == [TEXT]


def test_bad_published_is_a_user_error():
    with pytest.raises(StrikemapError, match="not a date"):
        geo.analyze(TEXT, published="19 March")


def test_write_all_outputs(report, tmp_path):
    out = tmp_path / "out"
    if _map_available():
        written = report.write(out)
        assert set(written) == set(OUTPUTS)
    else:
        with pytest.raises(StrikemapError, match="map"):
            report.write(out)
    for name in OUTPUTS[:-1]:
        assert (out / name).stat().st_size > 0
    events = pyogrio.read_dataframe(out / "events.geojson")
    assert len(events) == len(report.event_list)
    regions = pd.read_csv(out / "regions.csv")
    assert len(regions) == len(report.regions)
    assert "# Reported strikes" in (out / "summary.md").read_text()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp files left


def test_write_refuses_nonempty_outdir_without_force(report, tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(StrikemapError, match="--force"):
        report.write(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


def test_fuse_false_keeps_every_parsed_event(report):
    raw = geo.analyze([str(SEEDS)], workers=1, fuse=False)
    assert len(raw.event_list) == sum(len(p.events) for p in raw.documents)
    assert len(report.event_list) <= len(raw.event_list)


def test_geojson_of_report_is_valid_json_with_ids(report):
    text = json.dumps(report.to_geojson())
    features = json.loads(text)["features"]
    assert len(features) == len(report.event_list) > 0
    assert all(f["properties"]["id"] for f in features)
