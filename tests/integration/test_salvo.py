"""One salvo told at two precisions: a country-level tally folded into its region-level events.

A nationwide figure ("Russia attacked Ukraine with 120 drones overnight") and a
figure for the same night split over named regions are one attack; the
country total must count it once and keep both figures as a disagreement.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from geo.events.fuse import fuse_events, fuse_partitioned
from geo.model import INTERCEPTION, STRIKE, Document, Event, Location, Source
from geo.outputs.summary import country_totals, region_summary
from geo.pipeline import parse_document
from geo.runner import parse_many

NIGHT = dt.date(2025, 5, 8)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
UA_REGIONS = ["Kharkiv", "Sumy", "Chernihiv", "Poltava", "Kyiv", "Odesa", "Mykolaiv", "Kherson", "Zhytomyr", "Lviv"]
RU_REGIONS = ["Kursk", "Bryansk", "Belgorod"]


def _place(g, name, kind):
    return g.search(name, kind=kind)[0]


def tally(g, doc, weapons, *, country="Ukraine", attacker="RU", date=NIGHT, type=STRIKE, killed=None, n=1):
    """A country-only report with a figure."""
    place = _place(g, country, "country")
    src = Source(doc, doc.upper(), f"{country} tally in {doc}", 0, 10, date)
    return Event(f"{doc}:e{n}", type, "air_drone_strike", attacker, date, "day", dict(weapons), killed=killed,
                 location=Location(place, 4, country), sources=(src,), qualifiers={"location": "country only"})


def group(g, doc, weapons, regions, *, attacker="RU", date=NIGHT, type=STRIKE, first=1, shared="weapons"):
    """Region-level reports sharing one tally, as event building flags them."""
    events = []
    for i, name in enumerate(regions):
        place = _place(g, name, "adm1")
        src = Source(doc, doc.upper(), f"regions sentence of {doc}", 100, 200, date)
        events.append(Event(
            f"{doc}:e{first + i}", type, "air_drone_strike", attacker, date, "day", dict(weapons),
            location=Location(place, 3, name), sources=(src,),
            qualifiers={"shared": shared, "group": f"{doc}:g{first}", "group_size": str(len(regions))},
        ))
    return events


def drones_total(events, country="UA") -> int:
    row = country_totals(events).set_index("country_code").loc[country]
    return int(row["launched_drones"])


@pytest.mark.parametrize("n_regions", [2, 3, 5, 10])
def test_a_country_tally_folds_into_a_group_of_any_size(gazetteer, n_regions):
    events = [tally(gazetteer, "a", {"drone": 150})] + group(gazetteer, "b", {"drone": 145}, UA_REGIONS[:n_regions])
    fused = fuse_events(events)
    assert len(fused) == n_regions  # the country-level report is no longer an event of its own
    for e in fused:
        assert {s.document for s in e.sources} == {"a", "b"}
        assert e.weapons["drone"] == 145  # the finer telling is the representative
        (dis,) = [d for d in e.disagreements if d.field == "weapons.drone"]
        assert dis.values == ((145, "B"), (150, "A"))
        assert e.qualifiers["salvo"] and e.qualifiers["group"] == "b:g1" and "location" not in e.qualifiers
        assert e.qualifiers["reports"] == "2"
    assert drones_total(fused) == 145
    assert drones_total(events) == 150 + 145  # unfused, the salvo is counted twice


def test_one_document_telling_a_salvo_twice(gazetteer):
    events = [tally(gazetteer, "a", {"drone": 90}, n=1)] + group(gazetteer, "a", {"drone": 85}, UA_REGIONS[:3], first=2)
    fused = fuse_events(events)
    assert len(fused) == 3 and drones_total(fused) == 85
    assert all(e.qualifiers["reports"] == "1" for e in fused)


@pytest.mark.parametrize("days, folds", [(0, True), (1, True), (-1, True), (2, False), (-3, False)])
def test_same_night_only(gazetteer, days, folds):
    events = [tally(gazetteer, "a", {"drone": 100}, date=NIGHT + dt.timedelta(days=days))]
    events += group(gazetteer, "b", {"drone": 100}, UA_REGIONS[:3])
    assert (len(fuse_events(events)) == 3) is folds


@pytest.mark.parametrize("country_weapons, group_weapons, folds", [
    ({"drone": 150}, {"drone": 145, "ballistic_missile": 2}, True),
    ({"drone": 150}, {"drone": 80}, True),  # same order: the smaller is more than half
    ({"drone": 150}, {"drone": 70}, False),  # a regional share, not the salvo
    ({"drone": 150}, {"drone": 12}, False),
    ({"cruise_missile": 10}, {"drone": 140}, False),  # other weapons: another attack
    ({"missile_unspecified": 10}, {"cruise_missile": 6, "ballistic_missile": 4}, True),  # missiles of every kind
    ({"drone": 100, "cruise_missile": 8}, {"drone": 96, "cruise_missile": 1}, False),  # one kind far apart
    ({"drone": 60}, {"drone": None}, False),  # a group with no figure is no tally
])
def test_compatible_weapons_and_figures_of_one_order(gazetteer, country_weapons, group_weapons, folds):
    events = [tally(gazetteer, "a", country_weapons)] + group(gazetteer, "b", group_weapons, UA_REGIONS[:3])
    assert (len(fuse_events(events)) == 3) is folds


@pytest.mark.parametrize("change", [
    {"attacker": "UA"},  # the other side
    {"type": INTERCEPTION},  # another kind of report
    {"attacker": "unknown"},
])
def test_different_attacks_stay_apart(gazetteer, change):
    events = [tally(gazetteer, "a", {"drone": 100}, **change)] + group(gazetteer, "b", {"drone": 100}, UA_REGIONS[:3])
    assert len(fuse_events(events)) == 4


def test_a_tally_for_another_country_stays_apart(gazetteer):
    events = [tally(gazetteer, "a", {"drone": 60}, country="Ukraine")]
    events += group(gazetteer, "b", {"drone": 60}, RU_REGIONS)
    assert len(fuse_events(events)) == 4


def test_ukrainian_salvo_over_russia_folds_too(gazetteer):
    events = [tally(gazetteer, "a", {"drone": 60}, country="Russia", attacker="UA")]
    events += group(gazetteer, "b", {"drone": 57}, RU_REGIONS, attacker="UA")
    fused = fuse_events(events)
    assert len(fused) == 3 and drones_total(fused, "RU") == 57


def test_an_interception_tally_folds_into_regions_sharing_it(gazetteer):
    events = [tally(gazetteer, "a", {"drone": 40}, country="Russia", attacker="UA", type=INTERCEPTION)]
    events += group(gazetteer, "b", {"drone": 38}, RU_REGIONS, attacker="UA", type=INTERCEPTION, shared="intercepted")
    assert len(fuse_events(events)) == 3


def test_two_nights_pair_each_tally_with_its_own_night(gazetteer):
    """A report recapping two nights with the same figure: each tally folds into its own night's group."""
    day2 = NIGHT + dt.timedelta(days=1)
    events = [tally(gazetteer, "a", {"drone": 100}, n=1), tally(gazetteer, "a", {"drone": 100}, date=day2, n=2)]
    events += group(gazetteer, "b", {"drone": 100}, UA_REGIONS[:2])
    events += group(gazetteer, "d", {"drone": 100}, UA_REGIONS[2:4], date=day2)
    fused = fuse_events(events)
    assert len(fused) == 4
    for e in fused:
        (tally_source,) = [s for s in e.sources if s.document == "a"]
        assert tally_source.published == e.date  # the tally of the group's own night
    assert drones_total(fused) == 200


def test_a_tally_pairs_with_one_group_only(gazetteer):
    events = [tally(gazetteer, "a", {"drone": 100})]
    events += group(gazetteer, "b", {"drone": 100}, UA_REGIONS[:2])
    events += group(gazetteer, "c", {"drone": 90}, UA_REGIONS[5:7])
    fused = fuse_events(events)
    folded = [e for e in fused if "salvo" in e.qualifiers]
    assert {e.qualifiers["group"] for e in folded} == {"b:g1"}  # the closer figure


def test_a_whole_salvo_figure_from_the_country_telling_is_counted_once(gazetteer):
    events = [tally(gazetteer, "a", {"drone": 100}, killed=3)] + group(gazetteer, "b", {"drone": 95}, UA_REGIONS[:4])
    fused = fuse_events(events)
    assert fused and all(e.killed == 3 and "killed" in e.qualifiers["shared"].split(",") for e in fused)
    assert int(country_totals(fused).set_index("country_code").loc["UA", "killed"]) == 3
    assert region_summary(fused)["killed"].sum() == 0  # a salvo's toll belongs to no one region


def test_ids_do_not_depend_on_order_or_partitions(gazetteer):
    events = [tally(gazetteer, "a", {"drone": 150}), tally(gazetteer, "z", {"drone": 150})]
    events += group(gazetteer, "b", {"drone": 145}, UA_REGIONS[:3])
    events += group(gazetteer, "c", {"drone": 145}, UA_REGIONS[1:4])
    whole = [e.to_dict() for e in fuse_events(events)]
    assert [e.to_dict() for e in fuse_events(list(reversed(events)))] == whole
    for partitions in (2, 3, 8):
        assert [e.to_dict() for e in fuse_partitioned(events, partitions)] == whole


# -- through the whole pipeline, with sentences written here ---------------------------------

NATIONWIDE = [
    "Russia attacked Ukraine with {n} drones overnight, the president said on Thursday.",
    "Ukrainian President Petro Hrytsenko said on Thursday that Russia had attacked Ukraine with {n} drones overnight.",
]
SPLIT = [
    "Ukraine's air force said Russia attacked with {n} drones overnight. The strikes targeted the {regions} regions.",
    "The air force said Russia launched {n} drones overnight at the {regions} regions.",
    "Overnight, Russia attacked Ukraine with {n} drones and 6 cruise missiles, the air force said. "
    "The strikes hit the {regions} regions.",
]


def _regions(names):
    return ", ".join(names[:-1]) + " and " + names[-1]


def _parse(g, texts):
    docs = [Document(id=f"r{i}", text=t, published=NIGHT, outlet=f"Outlet {i}") for i, t in enumerate(texts)]
    return [e for d in docs for e in parse_document(d, g).events]


@pytest.mark.parametrize("nationwide", NATIONWIDE)
@pytest.mark.parametrize("split", SPLIT)
@pytest.mark.parametrize("n_regions", [2, 4, 7])
def test_reports_in_two_outlets_count_the_salvo_once(gazetteer, nationwide, split, n_regions):
    events = _parse(gazetteer, [nationwide.format(n=120), split.format(n=110, regions=_regions(UA_REGIONS[:n_regions]))])
    assert any(e.location.precision == 4 for e in events), "the nationwide sentence is a country-level report"
    assert drones_total(events) == 120 + 110
    fused = fuse_events(events)
    assert drones_total(fused) == 110
    assert all(e.location.precision == 3 for e in fused)
    for e in fused:
        (dis,) = [d for d in e.disagreements if d.field == "weapons.drone"]
        assert sorted(v for v, _ in dis.values) == [110, 120]


def test_one_report_telling_the_salvo_twice(gazetteer):
    text = ("Russia struck Ukraine with 90 drones overnight, Ukraine's president said. The air force said "
            "85 drones were launched at the Poltava, Kyiv and Zhytomyr regions.")
    fused = fuse_events(_parse(gazetteer, [text]))
    assert drones_total(fused) == 85 and len(fused) == 3


@pytest.mark.parametrize("texts", [
    # a regional share of a nationwide tally: not the salvo's other telling
    ["Russia attacked Ukraine with 150 drones overnight, the president said on Thursday.",
     "Russian forces fired 12 drones at the Sumy and Kharkiv regions overnight, the air force said."],
    # the other side's salvo
    ["Russia attacked Ukraine with 60 drones overnight, the president said on Thursday.",
     "Ukraine launched 60 drones at the Kursk, Bryansk and Oryol regions overnight, Russia's defence ministry said."],
])
def test_sentences_that_must_not_fold(gazetteer, texts):
    events = _parse(gazetteer, texts)
    assert len(fuse_events(events)) == len(events)


def test_seeds_count_the_nights_drones_once(gazetteer):
    meta = json.loads((SEEDS / "seeds.json").read_text())["documents"]
    docs = [Document(m["file"], (SEEDS / m["file"]).read_text(encoding="utf-8"), m["outlet"],
                     dt.date.fromisoformat(m["published"])) for m in meta]
    events = [e for p in parse_many(docs, gazetteer=gazetteer) for e in p.events]
    fused = fuse_events(events)
    ru_drones = [e for e in fused if e.attacker == "RU" and e.type == STRIKE and e.weapons.get("drone")]
    # one salvo: every Russian drone strike that night is one group sharing one tally
    assert len({e.qualifiers.get("group") for e in ru_drones}) == 1
    tallies = {e.weapons["drone"] for e in ru_drones}
    assert len(tallies) == 1
    told = {v for e in ru_drones for d in e.disagreements if d.field == "weapons.drone" for v, _ in d.values}
    assert len(told) == 2 and tallies < told  # both tellings kept, one counted
    strikes = country_totals([e for e in fused if e.attacker == "RU" and e.type == STRIKE])
    assert int(strikes.set_index("country_code").loc["UA", "launched_drones"]) == tallies.pop()
