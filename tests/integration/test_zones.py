"""Indicative control zones: compact, inside the region, grown from the controller's border, sized to the claim."""

import datetime as dt
from dataclasses import replace

import pytest
import shapely
from shapely.geometry import Point, box

from geo.model import RU, UA, UNKNOWN, AreaClaim, StrikemapError
from maps.geodesy import geodesic_area_km2, isoperimetric_quotient
from maps.zones import (
    BORDER, NEAREST_EDGE, SETTLEMENT, WHOLE_REGION, border_zone, claim_zone, claim_zones,
    settlement_population_km2, settlement_zone,
)

# Two boxes sharing the meridian 35°E (a claimed region east of it, the controller's country west).
REGION = box(35.0, 51.0, 37.0, 52.0)
CONTROLLER = box(33.0, 50.0, 35.0, 53.0)
#: The issue's bar for "compact": isoperimetric quotient 4πA/P² in an equal-area projection.
COMPACT = 0.2


@pytest.mark.parametrize("area", [5.0, 50.0, 200.0, 1000.0, 5000.0])
def test_zone_matches_area_is_compact_and_hugs_border(area):
    zone = border_zone(REGION, CONTROLLER, area)
    assert zone.basis == BORDER
    assert zone.geometry.geom_type == "Polygon"
    assert geodesic_area_km2(zone.geometry) == pytest.approx(area, rel=0.01)
    assert zone.drawn_km2 == pytest.approx(geodesic_area_km2(zone.geometry))
    assert isoperimetric_quotient(zone.geometry) >= COMPACT
    assert REGION.buffer(1e-9).contains(zone.geometry)
    assert zone.geometry.bounds[0] == pytest.approx(35.0, abs=1e-6)  # on the shared border
    if area <= 1000:  # a bulge, not a strip along the whole 111 km of border
        assert zone.geometry.bounds[3] - zone.geometry.bounds[1] < 0.7


@pytest.mark.parametrize("toward", [Point(35.1, 51.9), Point(35.1, 51.1), Point(35.6, 51.4)])
def test_named_place_moves_the_zone_along_the_border_without_a_corridor(toward):
    zone = border_zone(REGION, CONTROLLER, 100.0, toward=[toward]).geometry
    assert geodesic_area_km2(zone) == pytest.approx(100.0, rel=0.01)
    assert isoperimetric_quotient(zone) >= COMPACT
    # On the stretch of border level with the place ...
    assert abs(zone.centroid.y - toward.y) < 0.15
    assert zone.bounds[0] == pytest.approx(35.0, abs=1e-6)
    # ... and no line reaching out to a place deep inside the region.
    assert zone.bounds[2] < 35.25


def test_no_shared_border_grows_from_the_nearest_edge():
    far_controller = box(30.0, 50.0, 32.0, 53.0)
    zone = border_zone(REGION, far_controller, 300.0)
    assert zone.basis == NEAREST_EDGE
    assert geodesic_area_km2(zone.geometry) == pytest.approx(300.0, rel=0.01)
    assert zone.geometry.bounds[0] == pytest.approx(35.0, abs=1e-6)


def test_claim_as_large_as_region_gives_whole_region():
    total = geodesic_area_km2(REGION)
    assert 14_000 < total < 16_000  # 2° x 1° at 51.5°N
    zone = border_zone(REGION, CONTROLLER, total * 2)
    assert zone.basis == WHOLE_REGION and zone.geometry.equals(REGION)


@pytest.mark.parametrize("region, controller, area", [
    (shapely.Polygon(), CONTROLLER, 100.0), (REGION, CONTROLLER, 0.0), (REGION, CONTROLLER, -5.0),
    (REGION, CONTROLLER, None), (REGION, None, 100.0),
])
def test_bad_inputs_raise_domain_error(region, controller, area):
    with pytest.raises(StrikemapError):
        border_zone(region, controller, area)


def test_settlement_zone_is_sized_and_clipped_to_land():
    coast = box(30.0, 45.0, 31.0, 47.0)  # land west of 31°E; a settlement on the coast
    zone = settlement_zone([Point(30.99, 46.0)], 50.0, coast)
    assert zone.basis == SETTLEMENT
    assert geodesic_area_km2(zone.geometry) == pytest.approx(50.0, rel=0.01)
    assert coast.buffer(1e-9).contains(zone.geometry)
    assert zone.geometry.distance(Point(30.99, 46.0)) == 0


def test_settlement_area_from_population_is_bounded():
    assert settlement_population_km2([0]) == 2.0
    assert settlement_population_km2([70_000]) == pytest.approx(35.0)
    assert settlement_population_km2([5_000_000]) == 150.0
    assert settlement_population_km2([500, 70_000]) == pytest.approx(37.0)


# ---------------------------------------------------------------- claims on the shipped regions


@pytest.fixture(scope="module")
def regions():
    from maps.regions import load_regions

    return load_regions()


def _country(cc):
    from maps.regions import country_outline

    return country_outline(cc)


def _adm1(gazetteer, name, cc):
    return next(p for p in gazetteer.search(name, country=cc, kind="adm1") if p.kind == "adm1")


def _place(gazetteer, name, cc):
    return next(p for p in gazetteer.search(name, country=cc) if p.kind == "place")


def _claim(controller, region, area, near=()):
    return AreaClaim(controller, region, area, None, "a commander", dt.date(2025, 3, 19), (), None, tuple(near), "c1")


@pytest.mark.parametrize("region_name, area", [("Kursk", 200.0), ("Kursk", 1300.0), ("Bryansk", 50.0), ("Belgorod", 400.0)])
def test_region_claim_on_shipped_regions(gazetteer, regions, region_name, area):
    """Real Natural Earth polygons: Russian regions along the Ukrainian border."""
    region = _adm1(gazetteer, region_name, "RU")
    zone = claim_zone(_claim(UA, region, area), regions, _country)
    poly = regions.loc[regions["admin1_code"] == region.admin1_code].geometry.iloc[0]
    assert zone.basis == BORDER and zone.geometry.geom_type == "Polygon"
    assert geodesic_area_km2(zone.geometry) == pytest.approx(area, rel=0.01)
    assert isoperimetric_quotient(zone.geometry) >= COMPACT
    assert poly.buffer(1e-6).contains(zone.geometry)
    assert zone.geometry.distance(_country("UA")) < 0.01  # degrees: on the border
    assert "INDICATIVE" not in zone.note and "border with Ukraine" in zone.note


def test_city_far_inside_the_region_picks_the_border_stretch_not_a_corridor(gazetteer, regions):
    """A claim naming the regional capital (100 km from the border) gets no corridor to it."""
    kursk = _adm1(gazetteer, "Kursk", "RU")
    city = _place(gazetteer, "Kursk", "RU")
    zone = claim_zone(_claim(UA, kursk, 200.0, [city]), regions, _country)
    assert geodesic_area_km2(zone.geometry) == pytest.approx(200.0, rel=0.01)
    assert isoperimetric_quotient(zone.geometry) >= COMPACT
    assert zone.geometry.distance(Point(city.lon, city.lat)) > 0.5  # degrees: it stays by the border
    assert zone.geometry.distance(_country("UA")) < 0.01
    assert city.name in zone.note


def test_named_border_town_places_the_zone_around_it(gazetteer, regions):
    kursk = _adm1(gazetteer, "Kursk", "RU")
    town = _place(gazetteer, "Sudzha", "RU")
    zone = claim_zone(_claim(UA, kursk, 200.0, [town]), regions, _country)
    assert zone.geometry.distance(Point(town.lon, town.lat)) < 0.15
    assert geodesic_area_km2(zone.geometry) == pytest.approx(200.0, rel=0.01)


def test_settlement_claim_gives_a_small_zone_around_it(gazetteer, regions):
    town = _place(gazetteer, "Avdiivka", "UA")
    zone = claim_zone(_claim(RU, town, None), regions, _country)
    assert zone.basis == SETTLEMENT
    assert zone.geometry.distance(Point(town.lon, town.lat)) == 0
    assert geodesic_area_km2(zone.geometry) == pytest.approx(settlement_population_km2([town.population]), rel=0.01)
    assert "states no area" in zone.note
    stated = claim_zone(_claim(RU, town, 30.0), regions, _country)
    assert geodesic_area_km2(stated.geometry) == pytest.approx(30.0, rel=0.01)
    # A claimed area far larger than a town cannot be placed from the town: the zone only marks it.
    vast = claim_zone(_claim(RU, town, 8000.0), regions, _country)
    assert vast.drawn_km2 == pytest.approx(zone.drawn_km2, rel=0.01)
    assert "claimed 8,000 km² cannot be placed" in vast.note


def test_claim_naming_places_in_several_regions_draws_around_them(gazetteer, regions):
    kursk = _adm1(gazetteer, "Kursk", "RU")
    a, b = _place(gazetteer, "Sudzha", "RU"), _place(gazetteer, "Vovchansk", "UA")
    zone = claim_zone(_claim(RU, kursk, 60.0, [a, b]), regions, _country)
    assert zone.basis == SETTLEMENT and "several regions" in zone.note
    parts = list(shapely.get_parts(zone.geometry))
    assert len(parts) == 2 and all(p.distance(Point(x.lon, x.lat)) < 0.05 for p, x in zip(
        sorted(parts, key=lambda p: p.centroid.x), sorted([a, b], key=lambda x: x.lon)))
    assert geodesic_area_km2(zone.geometry) == pytest.approx(60.0, rel=0.01)


def test_claims_without_a_place_to_draw_are_left_out(gazetteer, regions):
    kharkiv = _adm1(gazetteer, "Kharkiv", "UA")
    ukraine = gazetteer.country("UA")
    assert claim_zone(_claim(UA, kharkiv, 50.0), regions, _country) is None  # own country, no settlement
    assert claim_zone(_claim(UNKNOWN, _adm1(gazetteer, "Kursk", "RU"), 50.0), regions, _country) is None
    assert claim_zone(_claim(RU, ukraine, 4000.0), regions, _country) is None  # a whole country
    assert claim_zone(_claim(UA, None, 50.0), regions, _country) is None
    sea = next(p for p in gazetteer.search("Black Sea") if p.kind == "feature")
    assert claim_zone(_claim(RU, sea, 100.0), regions, _country) is None  # no site to draw around
    town = _place(gazetteer, "Balakliia", "UA")
    home = claim_zone(_claim(UA, kharkiv, 50.0, [town]), regions, _country)
    assert home.basis == SETTLEMENT and "own country" in home.note


def test_claim_zones_on_builtin_regions_are_cached_and_shared_by_repeats(gazetteer):
    kursk = _adm1(gazetteer, "Kursk", "RU")
    claim = _claim(UA, kursk, 200.0)
    again = replace(claim, id="other", claimant="someone else")
    first, second = claim_zones([claim, again])
    assert first is second
    assert geodesic_area_km2(first.geometry) == pytest.approx(200.0, rel=0.01)

