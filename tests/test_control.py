"""Indicative control zones: inside the region, along the controller's border, sized to the claim."""

import pytest
import shapely
from shapely.geometry import Point, box

from geo.model import StrikemapError
from maps.control import geodesic_area_km2, indicative_zone

# Two boxes sharing the meridian 35°E (a claimed region east of it, the controller's country west).
REGION = box(35.0, 51.0, 37.0, 52.0)
CONTROLLER = box(33.0, 50.0, 35.0, 53.0)


@pytest.mark.parametrize("area", [5.0, 50.0, 200.0, 1000.0, 5000.0])
def test_zone_matches_area_and_hugs_border(area):
    zone = indicative_zone(REGION, CONTROLLER, area)
    assert geodesic_area_km2(zone) == pytest.approx(area, rel=0.01)
    assert REGION.buffer(1e-9).contains(zone)
    # Along the shared border: the zone touches 35°E and lies in the western part of the region.
    assert zone.bounds[0] == pytest.approx(35.0, abs=1e-6)
    assert zone.bounds[2] < 36.0


@pytest.mark.parametrize("toward", [Point(35.1, 51.9), Point(35.1, 51.1)])
def test_zone_moves_toward_named_place(toward):
    zone = indicative_zone(REGION, CONTROLLER, 100.0, toward=[toward])
    assert geodesic_area_km2(zone) == pytest.approx(100.0, rel=0.01)
    assert zone.distance(toward) < 0.05
    # Restricted to the stretch of border near the place, not the whole 111 km of it.
    assert abs(zone.centroid.y - toward.y) < 0.35


def test_zone_without_shared_border_grows_from_nearest_point():
    far_controller = box(30.0, 50.0, 32.0, 53.0)
    zone = indicative_zone(REGION, far_controller, 300.0)
    assert geodesic_area_km2(zone) == pytest.approx(300.0, rel=0.01)
    assert zone.bounds[0] == pytest.approx(35.0, abs=1e-6)


def test_claim_as_large_as_region_gives_whole_region():
    total = geodesic_area_km2(REGION)
    assert 14_000 < total < 16_000  # 2° x 1° at 51.5°N
    assert indicative_zone(REGION, CONTROLLER, total * 2).equals(REGION)


@pytest.mark.parametrize("region, area", [(shapely.Polygon(), 100.0), (REGION, 0.0), (REGION, -5.0), (REGION, None)])
def test_bad_inputs_raise_domain_error(region, area):
    with pytest.raises(StrikemapError):
        indicative_zone(region, CONTROLLER, area)


@pytest.fixture(scope="module")
def regions():
    from maps.regions import load_regions

    return load_regions()


@pytest.mark.parametrize("region_code, controller, area", [("RU.41", "UA", 200.0), ("RU.41", "UA", 1300.0), ("RU.10", "UA", 50.0)])
def test_zone_on_shipped_regions(regions, region_code, controller, area):
    """Real Natural Earth polygons: Kursk and Bryansk oblasts along the Ukrainian border."""
    region = regions.loc[regions["admin1_code"] == region_code].geometry.iloc[0]
    ua = shapely.union_all(regions.loc[regions["country_code"] == controller].geometry.values)
    zone = indicative_zone(region, ua, area)
    assert geodesic_area_km2(zone) == pytest.approx(area, rel=0.01)
    assert region.buffer(1e-6).contains(zone)
    assert zone.distance(ua) < 0.05  # degrees: on the border


def test_zone_toward_named_place_on_shipped_regions(regions):
    from gazetteer import default_gazetteer

    gaz = default_gazetteer()
    sudzha = [p for p in gaz.search("Sudzha", country="RU") if p.kind == "place"][0]
    region = regions.loc[regions["admin1_code"] == sudzha.admin1_code].geometry.iloc[0]
    ua = shapely.union_all(regions.loc[regions["country_code"] == "UA"].geometry.values)
    zone = indicative_zone(region, ua, 200.0, toward=[Point(sudzha.lon, sudzha.lat)])
    assert geodesic_area_km2(zone) == pytest.approx(200.0, rel=0.01)
    assert zone.distance(Point(sudzha.lon, sudzha.lat)) < 0.3
