"""Fusion of reports of the same attack across documents (geo.events.fuse), on hand-made events."""

import datetime as dt
from dataclasses import replace

import pytest

from geo.events.fuse import fuse_events
from geo.model import INTERCEPTION, STRIKE, Event, Location, Source

NIGHT = dt.date(2025, 3, 19)


@pytest.fixture(scope="module")
def g(gazetteer):
    return gazetteer


def ev(g, doc, name, kind=None, *, n=1, attacker="RU", date=NIGHT, weapons=None, killed=None, targets=(), type=STRIKE, precision=None, outlet=None):
    p = g.search(name, kind=kind)[0]
    prec = precision or (4 if p.kind == "country" else 3 if p.kind == "adm1" else 1)
    src = Source(doc, outlet or doc.upper(), f"sentence {n} of {doc}", 0, 10, date)
    return Event(f"{doc}:e{n}", type, "air_drone_strike", attacker, date, "day", weapons or {}, killed=killed,
                 targets=tuple(targets), location=Location(p, prec, name), sources=(src,))


def test_same_place_two_outlets_merge_and_keep_disagreements(g):
    a = ev(g, "a", "Sumy", "adm1", weapons={"drone": 150}, killed=1)
    b = ev(g, "b", "Sumy", "adm1", weapons={"drone": 145}, killed=2)
    (f,) = fuse_events([a, b])
    assert {s.document for s in f.sources} == {"a", "b"}
    assert f.qualifiers["reports"] == "2"
    dis = {d.field: d.values for d in f.disagreements}
    assert dis["weapons.drone"] == ((150, "A"), (145, "B"))
    assert dis["killed"] == ((1, "A"), (2, "B"))
    assert f.weapons == {"drone": 150} and f.killed == 1  # the representative (first by precision, date, document)
    assert f.id.startswith("fused:")


def test_fused_ids_and_order_are_deterministic(g):
    a = ev(g, "a", "Sumy", "adm1", weapons={"drone": 150})
    b = ev(g, "b", "Sumy", "adm1", weapons={"drone": 145})
    c = ev(g, "c", "Odesa", "adm1")
    assert [e.to_dict() for e in fuse_events([a, b, c])] == [e.to_dict() for e in fuse_events([c, b, a])]


def test_place_inside_region_merges_onto_the_precise_place(g):
    town = ev(g, "a", "Tikhoretsk", precision=2, attacker="UA", targets=("oil_fuel",))
    region = ev(g, "b", "Krasnodar", "adm1", attacker="UA", weapons={"drone": 3}, targets=("energy",))
    (f,) = fuse_events([region, town])
    assert f.location.place.name == "Tikhoretsk" and f.location.precision == 2
    assert set(f.targets) == {"oil_fuel", "energy"}
    assert f.weapons == {"drone": 3}


@pytest.mark.parametrize("change", [
    {"date": NIGHT + dt.timedelta(days=2)},  # another night
    {"attacker": "UA"},  # another side
    {"type": INTERCEPTION},
    {"date": None},  # undated: never merged
])
def test_different_attacks_stay_apart(g, change):
    a = ev(g, "a", "Sumy", "adm1")
    kwargs = {"attacker": "RU", "date": NIGHT, "type": STRIKE, **change}
    b = ev(g, "b", "Sumy", "adm1", **kwargs)
    assert len(fuse_events([a, b])) == 2


def test_one_day_apart_is_the_same_night(g):
    assert len(fuse_events([ev(g, "a", "Sumy", "adm1"), ev(g, "b", "Sumy", "adm1", date=NIGHT - dt.timedelta(days=1))])) == 1


def test_same_document_never_merges(g):
    assert len(fuse_events([ev(g, "a", "Sumy", "adm1", n=1), ev(g, "a", "Sumy", "adm1", n=2)])) == 2


def test_country_only_report_is_not_pinned_to_a_region(g):
    assert len(fuse_events([ev(g, "a", "Ukraine", "country"), ev(g, "b", "Sumy", "adm1")])) == 2


def test_two_towns_of_one_region_need_compatible_targets(g):
    a = ev(g, "a", "Kharkiv", "place", targets=("medical",))
    b = ev(g, "b", "Chuhuiv", "place", targets=("oil_fuel",))
    c = ev(g, "c", "Chuhuiv", "place", targets=("medical",))
    assert len(fuse_events([a, b])) == 2
    assert len(fuse_events([a, c])) == 1


def test_stated_count_beats_a_singular_noun(g):
    a = ev(g, "a", "Sumy", "adm1", weapons={"drone": 1})
    a = replace(a, qualifiers={"weapons.drone": "singular"})
    b = ev(g, "b", "Sumy", "adm1", weapons={"drone": 4})
    (f,) = fuse_events([a, b])
    assert f.weapons == {"drone": 4} and "weapons.drone" not in f.qualifiers
    assert {d.field for d in f.disagreements} == {"weapons.drone"}


def test_empty_input():
    assert fuse_events([]) == []
