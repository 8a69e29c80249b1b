"""Who holds a place: a small built-in default, and the control files a user gives.

When a report does not say who struck, the side that does not hold the
struck place is the attacker; when it does not say who advanced, the side
that gains ground is the one that did not hold it. ``holder`` answers "who
holds this point on this day".

The built-in default (:data:`HELD_SINCE_2014_ADM1`, :data:`HELD_SINCE_2014_DONBAS`)
is the territory of Ukraine held by Russia since 2014, as it stood from the
Minsk II ceasefire of February 2015 until February 2022: Crimea and Sevastopol
whole (GeoNames first-level codes UA.11 and UA.20), and the parts of Donetsk and
Luhansk oblasts behind the 2015 line of contact, drawn as a coarse polygon
(about 10 km) through the towns that lay on either side of it (Shchastia,
Stanytsia Luhanska, Popasna, Svitlodarsk, Avdiivka, Marinka and Mariupol on
Ukraine's side; Luhansk, Pervomaisk, Debaltseve, Horlivka, Yasynuvata, Donetsk,
Dokuchaievsk and Novoazovsk on Russia's), after the OSCE Special Monitoring
Mission's maps of the contact line (2015-2022). Everything else in Ukraine is
Ukraine's and everything in Russia is Russia's unless a control file says
otherwise: its areas are held by the side that is not the country's own
(what DeepStateMap-style files map), in the snapshot dated nearest before the day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from shapely.geometry import Point, Polygon
from shapely.prepared import prep

from geo.model import RU, UA

#: First-level units held whole since 2014 (GeoNames admin1 codes): Crimea, Sevastopol.
HELD_SINCE_2014_ADM1 = frozenset({"UA.11", "UA.20"})

#: The parts of Donetsk and Luhansk oblasts held since 2014, coarse (lon, lat), see the module docstring.
HELD_SINCE_2014_DONBAS = Polygon([
    (37.86, 47.08), (37.74, 47.36), (37.62, 47.70), (37.60, 47.90), (37.80, 48.09), (37.95, 48.33),
    (38.25, 48.38), (38.46, 48.60), (38.60, 48.67), (39.00, 48.62), (39.26, 48.67), (39.52, 48.61),
    (39.95, 48.62), (40.20, 48.25), (39.85, 47.88), (38.90, 47.62), (38.25, 47.08), (37.86, 47.08),
])
_DONBAS = prep(HELD_SINCE_2014_DONBAS)
_OTHER = {UA: RU, RU: UA}


def other_side(side: str | None) -> str | None:
    """RU for UA, UA for RU, None otherwise."""
    return _OTHER.get(side)


def snapshot_for(day: dt.date | None, snapshots: Sequence):
    """The snapshot a ``day`` is compared with: the latest on or before it, else the earliest after."""
    if not snapshots:
        return None
    dated = [s for s in snapshots if s.date is not None]
    if day is None or not dated:
        return snapshots[-1]
    before = [s for s in dated if s.date <= day]
    return before[-1] if before else dated[0]


def held_since_2014(place) -> bool:
    """Whether a place in Ukraine lies in the built-in default's Russian-held areas."""
    if place.country_code != UA:
        return False
    if place.admin1_code in HELD_SINCE_2014_ADM1:
        return True
    return _finer_than_region(place) and _DONBAS.contains(Point(place.lon, place.lat))


def _finer_than_region(place) -> bool:
    """A region or country held in part is held by neither side: only finer places are placed by their point."""
    return place.kind not in ("country", "adm1")


def holder(place, day: dt.date | None = None, snapshots: Sequence = ()) -> str | None:
    """The side (UA or RU) that holds ``place`` on ``day``, or None outside the two countries.

    A place inside the areas of the snapshot for ``day`` is held by the side
    that is not its country's own; otherwise the built-in default decides.
    """
    if place is None or place.country_code not in _OTHER:
        return None
    if held_since_2014(place):
        return RU
    snap = snapshot_for(day, snapshots)
    if snap is not None and _finer_than_region(place) and not snap.areas.is_empty and snap.areas.contains(Point(place.lon, place.lat)):
        return other_side(place.country_code)
    return place.country_code


def infer_attackers(events: Sequence, snapshots: Sequence) -> list:
    """Events whose attacker the report did not name, re-inferred from control files (``--control``).

    An event whose attacker was inferred or unknown takes the side that does
    not hold its place in the snapshot for its date; an attacker the report
    names is never changed.
    """
    from dataclasses import replace

    from geo.model import INFERRED_BASES, STRIKE, INTERCEPTION

    out = []
    for ev in events:
        inferable = ev.attacker_basis in INFERRED_BASES or ev.attacker_basis in (None, "none")
        if not snapshots or ev.location is None or not inferable or ev.type not in (STRIKE, INTERCEPTION):
            out.append(ev)
            continue
        held = holder(ev.location.place, ev.date, snapshots)
        side = other_side(held)
        if side is None or (side == ev.attacker and ev.attacker_inferred):
            out.append(ev)
            continue
        basis = "held_by_other_side" if held != ev.location.place.country_code else "target_country"
        out.append(replace(ev, attacker=side, attacker_basis=basis, attacker_inferred=True))
    return out
