"""OfflineGazetteer behaves as a geopy geocoder (drop-in for Nominatim), on the real store."""

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer import OfflineGazetteer


@pytest.fixture(scope="module")
def geocoder(gazetteer):
    return OfflineGazetteer(gazetteer)


def test_is_a_geopy_geocoder(geocoder):
    assert isinstance(geocoder, Geocoder)


@pytest.mark.parametrize("query, cc, lat, lon", [
    ("Kharkov", "UA", 49.98, 36.25), ("Kursk region", "RU", 51.73, 36.19), ("Odessa", "UA", 46.48, 30.73),
])
def test_geocode_returns_a_location(geocoder, query, cc, lat, lon):
    loc = geocoder.geocode(query)
    assert isinstance(loc, Location)
    assert loc.raw["country_code"] == cc
    assert abs(loc.latitude - lat) < 0.2 and abs(loc.longitude - lon) < 0.2
    assert loc.address.startswith(loc.raw["name"])


def test_geocode_many_and_country_filter(geocoder):
    locs = geocoder.geocode("Odessa", exactly_one=False, limit=5, country_codes=["US"])
    assert 1 < len(locs) <= 5 and all(loc.raw["country_code"] == "US" for loc in locs)


def test_geocode_nothing(geocoder):
    assert geocoder.geocode("") is None
    assert geocoder.geocode("Qwzxv Plkjh") is None


@pytest.mark.parametrize("query", ["50.4501, 30.5234", (50.4501, 30.5234), Point(50.4501, 30.5234)])
def test_reverse_returns_a_location(geocoder, query):
    loc = geocoder.reverse(query)
    assert isinstance(loc, Location)
    assert loc.raw["name"] == "Kyiv" and loc.raw["distance_km"] < 5


def test_default_geocoder_uses_the_default_gazetteer(gazetteer):
    assert OfflineGazetteer().gazetteer is gazetteer
