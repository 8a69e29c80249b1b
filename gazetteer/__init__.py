"""Offline gazetteer: GeoNames places, ADM1 regions and curated features in an embedded SQLite store.

Nothing happens at import time; the store is opened (and built on first use)
by :func:`default_gazetteer` or :meth:`Gazetteer.open`.

>>> from gazetteer import default_gazetteer            # doctest: +SKIP
>>> default_gazetteer().search("Sumy oblast")[0].name  # doctest: +SKIP
'Sumy Oblast'
"""

from gazetteer.gazetteer import Gazetteer, ReverseResult, default_gazetteer, distance_km, distances_km
from gazetteer.model import KINDS, Place
from gazetteer.names import normalize

__all__ = ["Gazetteer", "KINDS", "OfflineGazetteer", "Place", "ReverseResult", "default_gazetteer", "distance_km", "distances_km", "normalize"]


def __getattr__(name: str):
    # geopy is imported only when the geocoder is asked for (keeps `import gazetteer` light).
    if name == "OfflineGazetteer":
        from gazetteer.geocoder import OfflineGazetteer

        return OfflineGazetteer
    raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")
