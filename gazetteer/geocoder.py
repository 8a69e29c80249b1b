"""A geopy ``Geocoder`` over the offline gazetteer, so users can swap it with Nominatim."""

from __future__ import annotations

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer.model import Place


def to_location(place: Place) -> Location:
    """A geopy Location for a Place (``raw`` holds the Place's fields)."""
    parts = [place.name]
    if place.admin1_name and place.kind in ("place", "feature"):
        parts.append(place.admin1_name)
    if place.country_code and place.kind != "country":
        parts.append(place.country_code)
    return Location(", ".join(parts), Point(place.lat, place.lon), place.to_dict())


class OfflineGazetteer(Geocoder):
    """Geocode and reverse-geocode with the offline gazetteer; no network.

    >>> from gazetteer import OfflineGazetteer       # doctest: +SKIP
    >>> OfflineGazetteer().geocode("Kharkov").raw["country_code"]  # doctest: +SKIP
    'UA'
    """

    def __init__(self, gazetteer=None, *, country_codes=None, user_agent="strikemap", **kwargs):
        super().__init__(user_agent=user_agent, **kwargs)
        self._gazetteer = gazetteer
        self.country_codes = country_codes

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            from gazetteer.gazetteer import default_gazetteer

            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def geocode(self, query, *, exactly_one=True, limit=None, country_codes=None, kind=None, timeout=None):
        """Locations for ``query`` (a string), best first; ``None`` when nothing matches."""
        if not isinstance(query, str):
            raise TypeError("OfflineGazetteer.geocode takes a place name string")
        codes = country_codes or self.country_codes
        if isinstance(codes, str):
            codes = [codes]
        n = 1 if exactly_one else (limit or 10)
        places = []
        for cc in codes or [None]:
            places += self.gazetteer.search(query, country=cc, kind=kind, limit=n)
        places.sort(key=lambda p: -p.score)
        locations = [to_location(p) for p in places[:n]]
        if not locations:
            return None
        return locations[0] if exactly_one else locations

    def reverse(self, query, *, exactly_one=True, timeout=None):
        """The nearest populated place to ``query`` ("lat, lon", a (lat, lon) pair or a geopy Point)."""
        point = Point(query)
        result = self.gazetteer.reverse(point.latitude, point.longitude)
        loc = to_location(result.place)
        loc.raw["distance_km"] = result.distance_km
        return loc if exactly_one else [loc]
