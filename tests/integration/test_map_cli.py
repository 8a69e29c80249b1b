"""`strikemap map --control FILE [--control FILE ...] --control-label TEXT`, and the claims' export."""

from __future__ import annotations

import json
from pathlib import Path

import pyogrio
import pytest
from click.testing import CliRunner
from shapely.geometry import box, mapping

from control_files import occupied_shape, write_deepstate_like
from geo.cli.main import cli
from maps.geodesy import geodesic_area_km2, isoperimetric_quotient

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


@pytest.fixture(scope="module")
def mapped(tmp_path_factory):
    """The seeds mapped with a DeepStateMap-style snapshot and an older one, credited by label."""
    from maps.regions import load_regions

    folder = tmp_path_factory.mktemp("control")
    occupied = occupied_shape(load_regions())
    new = write_deepstate_like(folder, occupied, "deepstatemap_data_20250319")
    old = write_deepstate_like(folder, occupied.buffer(-0.05), "deepstatemap_data_20250312", compressed=True)
    out = folder / "out"
    result = _run("map", SEEDS, "-o", out, "-j", "1", "--control", new, "--control", old,
                  "--control-label", "DeepStateMap.live https://deepstatemap.live")
    assert result.exit_code == 0, result.output
    return out


def test_control_files_become_dated_layers_with_derived_front_lines(mapped):
    html = (mapped / "map.html").read_text(encoding="utf-8")
    for name in ("Control: DeepStateMap.live, 2025-03-19", "Control: DeepStateMap.live, 2025-03-12",
                 "Front line: DeepStateMap.live, 2025-03-19 (derived)", "Front line: DeepStateMap.live, 2025-03-12 (derived)"):
        assert name in html
    assert '\\u003ca href=\\"https://deepstatemap.live\\"\\u003e' in html  # the credit line, linked


def test_area_claims_export_the_indicative_zone(mapped):
    claims = pyogrio.read_dataframe(mapped / "area_claims.geojson")
    kursk = claims[claims["admin1_code"] == "RU.41"].iloc[0]
    assert kursk["indicative"] and kursk["zone_basis"] == "border"
    assert kursk["claimed_km2"] == kursk["area_km2"] == 200.0
    assert kursk["drawn_km2"] == pytest.approx(200.0, rel=0.01)
    assert kursk.geometry.geom_type == "Polygon"
    assert geodesic_area_km2(kursk.geometry) == pytest.approx(200.0, rel=0.01)
    assert isoperimetric_quotient(kursk.geometry) >= 0.2
    for col in ("id", "controller", "region", "area_text", "qualifier", "claimant", "date", "evidence", "outlets"):
        assert col in claims.columns  # the columns it always had


def test_claims_csv_locates_each_zone_inside_it(tmp_path):
    out = tmp_path / "claims.csv"
    assert _run("export", SEEDS, "--claims", "--format", "csv", "-o", out, "-j", "1").exit_code == 0
    import pandas as pd
    from shapely.geometry import Point

    row = pd.read_csv(out).iloc[0]
    zone = pyogrio.read_dataframe(_run_geojson(tmp_path)).geometry.iloc[0]
    assert zone.contains(Point(row["longitude"], row["latitude"]))
    assert bool(row["indicative"]) and row["drawn_km2"] == pytest.approx(200.0, rel=0.01)


def _run_geojson(tmp_path):
    path = tmp_path / "claims.geojson"
    assert _run("export", SEEDS, "--claims", "-o", path, "-j", "1").exit_code == 0
    return path


def test_bad_control_file_fails_before_the_analysis_naming_it(tmp_path):
    bad = tmp_path / "occupied.geojson"
    bad.write_text("{not json")
    out = tmp_path / "out"
    result = _run("map", SEEDS, "-o", out, "--control", bad)
    assert result.exit_code == 1
    assert "occupied.geojson" in result.output and len(result.output.strip().splitlines()) == 1
    assert not out.exists() or not any(out.iterdir())


def test_label_count_must_match(tmp_path):
    a, b = tmp_path / "a.geojson", tmp_path / "b.geojson"
    for p in (a, b):
        p.write_text(json.dumps({"type": "Feature", "properties": {}, "geometry": mapping(box(37, 47, 38, 48))}))
    result = _run("map", SEEDS, "-o", tmp_path / "out", "--control", a, "--control", b,
                  "--control-label", "x", "--control-label", "y", "--control-label", "z")
    assert result.exit_code == 1 and "3 labels for 2 control files" in result.output
