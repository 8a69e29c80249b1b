"""Region summaries: totals per ADM1 unit and per country equal the sums over events."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from geo.outputs.export import events_frame
from geo.model import AreaClaim, Source
from geo.outputs.summary import (
    COUNTRY_COLUMNS, REGION_COLUMNS, country_totals, markdown_table, region_summary, to_markdown,
)

from .test_export import sample_events  # one set of sample events for both files


@pytest.fixture(scope="module")
def places(gazetteer):
    gaz = gazetteer
    pick = lambda name, cc, kind: gaz.search(name, country=cc, kind=kind, limit=3)[0]  # noqa: E731
    return {
        "sumy": pick("Sumy", "UA", "place"), "sumy_obl": pick("Sumy oblast", "UA", "adm1"),
        "odesa": pick("Odesa", "UA", "place"), "kharkiv": pick("Kharkiv", "UA", "place"),
        "kursk_obl": pick("Kursk oblast", "RU", "adm1"), "krasnodar_obl": pick("Krasnodar Krai", "RU", "adm1"),
        "ukraine": gaz.country("UA"),
    }


@pytest.fixture(scope="module")
def events(places):
    return sample_events(places)


@pytest.fixture(scope="module")
def claims(places):
    src = Source("c", "Reuters", "Ukraine holds about 200 square km of Kursk.", 0, 10, dt.date(2025, 3, 20))
    return [AreaClaim("UA", places["kursk_obl"], 200.0, "about", "Russia", dt.date(2025, 3, 20), (src,), id="c:1")]


SUMMED = ("intercepted", "killed", "injured")


def test_region_totals_equal_sums_over_events(events, claims):
    regions = region_summary(events, claims)
    assert list(regions.columns) == list(REGION_COLUMNS)
    frame = events_frame(events)
    located = frame[frame["admin1_code"].notna() & (frame["precision"] <= 3)]
    assert regions["events"].sum() == len(located)
    for col in SUMMED:
        assert regions[col].sum() == located[col].fillna(0).sum()
    weapon_cols = [c for c in frame.columns if c.startswith("w_")]
    assert regions["launched"].sum() == located[weapon_cols].fillna(0).to_numpy().sum()
    assert regions["launched_drones"].sum() == located["w_drone"].fillna(0).sum()
    by_region = located.groupby("admin1_code").size()
    assert regions.set_index("admin1_code")["events"].loc[by_region.index].tolist() == by_region.tolist()
    for side, col in (("RU", "events_ru"), ("UA", "events_ua")):
        assert regions[col].sum() == (located["attacker"] == side).sum()
    assert (regions["events_ru"] + regions["events_ua"] + regions["events_unknown"] == regions["events"]).all()


def test_region_rows_one_per_unit_with_any_report(events, claims, places):
    regions = region_summary(events, claims)
    assert regions["admin1_code"].is_unique
    expected = {places[k].admin1_code for k in ("sumy", "odesa", "kharkiv", "krasnodar_obl", "kursk_obl")}
    assert set(regions["admin1_code"]) == expected
    sumy = regions.set_index("admin1_code").loc[places["sumy"].admin1_code]
    # Sumy city (place) and the Sumy region (adm1) are one unit: two events, two documents.
    assert (sumy["events"], sumy["killed"], sumy["injured"], sumy["n_sources"]) == (2, 3, 8, 2)
    assert (sumy["first_date"], sumy["last_date"]) == ("2025-03-17", "2025-03-19")
    kursk = regions.set_index("admin1_code").loc[places["kursk_obl"].admin1_code]
    assert (kursk["events"], kursk["area_claims"]) == (0, 1)


def test_country_totals_cover_every_event(events, claims):
    countries = country_totals(events, claims)
    assert list(countries.columns) == list(COUNTRY_COLUMNS)
    assert countries["events"].sum() == len(events)
    for col in SUMMED:
        assert countries[col].sum() == sum(getattr(e, col) or 0 for e in events)
    by_cc = countries.set_index("country")
    assert by_cc.loc["Ukraine", "events"] == 5  # four located in oblasts + one country-only
    assert countries.iloc[-1]["country_code"] is None or pd.isna(countries.iloc[-1]["country_code"])
    assert countries.iloc[-1]["events"] == 1  # the unlocated interception report
    regions = region_summary(events, claims)
    for cc, n in regions.groupby("country_code").size().items():
        assert countries.set_index("country_code").loc[cc, "regions"] == n


def test_empty_inputs():
    assert list(region_summary([]).columns) == list(REGION_COLUMNS) and region_summary([]).empty
    assert country_totals([]).empty
    assert "No located reports" in to_markdown(region_summary([]), country_totals([]))


def test_markdown_has_every_row_and_escapes_pipes(events, claims):
    regions, countries = region_summary(events, claims), country_totals(events, claims)
    md = to_markdown(regions, countries)
    for name in regions["region"]:
        assert f"| {name} |" in md
    table = markdown_table(pd.DataFrame({"a": ["x|y"], "n": [1]}))
    assert table.splitlines() == ["| a | n |", "| --- | ---: |", "| x\\|y | 1 |"]


def _ev(eid, place, *, drones=None, intercepted=None, precision=1, shared=False, attacker="RU", date=dt.date(2025, 3, 19)):
    from geo.model import Event, Location

    quals = {"shared": "weapons", "group": "d:g0", "group_size": "2"} if shared else {}
    return Event(id=eid, type="strike", sub_type="air_drone_strike", attacker=attacker, date=date,
                 date_precision="day", weapons={"drone": drones} if drones is not None else {},
                 intercepted=intercepted, location=Location(place, precision, place.name),
                 sources=(Source("d", None, "s", 0, 1),), qualifiers=quals)


@pytest.mark.parametrize("parts, expected", [
    ([7], 145),          # a part inside the whole
    ([100, 60], 160),    # parts adding up to more than the whole: the parts
    ([], 145),
])
def test_a_salvo_and_its_parts_count_once(places, parts, expected):
    whole = [_ev("w1", places["sumy_obl"], drones=145, precision=3, shared=True),
             _ev("w2", places["sumy"], drones=145, precision=3, shared=True)]
    split = [_ev(f"p{i}", places["kharkiv"], drones=n) for i, n in enumerate(parts)]
    other_night = [_ev("x", places["kharkiv"], drones=20, date=dt.date(2025, 3, 25))]
    totals = country_totals(whole + split + other_night).set_index("country_code")
    assert totals.loc["UA", "launched_drones"] == expected + 20
