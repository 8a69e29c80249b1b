"""Event and area-claim scoring against dev-set-shaped gold (geo.evaluate.events, `strikemap eval`)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from gazetteer import default_gazetteer
from geo.cli.main import cli
from geo.evaluate.events import EventScores, lies_at, score_document, score_events
from geo.model import RU, UA, AreaClaim, Event, Location
from geo.pipeline import parse_text


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def _place(gaz, name, kind):
    return gaz.search(name, kind=kind, limit=1)[0]


KHARKIV = {"surface": "Kharkiv", "kind": "city_or_town", "country": "UA", "adm1": "Kharkiv Oblast",
           "lat": 49.99, "lon": 36.23, "role": "event_location"}
SUMY_REGION = {"surface": "Sumy region", "kind": "adm1_region", "country": "UA", "adm1": "Sumy Oblast",
               "lat": 50.9, "lon": 34.8, "role": "event_location"}
UKRAINE = {"surface": "Ukraine", "kind": "country", "country": "UA", "adm1": None, "lat": 49.0, "lon": 32.0,
           "role": "event_location"}


def _event(place, precision=1, attacker=RU, **kw):
    return Event(id="e", type="strike", sub_type="air_drone_strike", attacker=attacker,
                 location=Location(place, precision), **kw)


@pytest.mark.parametrize(
    "name, kind, gold, expected",
    [
        ("Kharkiv", "place", KHARKIV, True),
        ("Chuhuiv", "place", KHARKIV, False),          # 35 km away: same region, not the place
        ("Kharkiv Oblast", "adm1", KHARKIV, False),    # a region does not lie at a city
        ("Sumy Oblast", "adm1", SUMY_REGION, True),
        ("Sumy", "place", SUMY_REGION, True),          # a place in the region lies in it
        ("Poltava Oblast", "adm1", SUMY_REGION, False),
        ("Ukraine", "country", UKRAINE, True),
        ("Kyiv", "place", UKRAINE, False),             # a gold country wants a country-level event
        ("Belgorod Oblast", "adm1", SUMY_REGION, False),
    ],
)
def test_lies_at(gaz, name, kind, gold, expected):
    assert lies_at(_place(gaz, name, kind), gold) is expected


def test_score_document_pairs_precision_counts_and_claims(gaz):
    gold = {
        "places": [KHARKIV, SUMY_REGION],
        "events": [
            {"status": "reported", "attacker": "RU", "locations": ["Kharkiv"],
             "weapons": [{"kind": "drone", "count": 12}, {"kind": "ballistic_missile", "count": 2}],
             "intercepted": 9, "killed": 3, "injured": 10},
            {"status": "reported", "attacker": "RU", "locations": ["Sumy region"], "weapons": [], "killed": 1},
            {"status": "background", "attacker": "UA", "locations": ["Sumy region"], "weapons": []},
        ],
        "area_claims": [{"controller": "UA", "area_km2": 518.0}, {"controller": "RU", "area_km2": None}],
    }
    events = [
        _event(_place(gaz, "Kharkiv", "place"), weapons={"drone": 12, "ballistic_missile": 2}, intercepted=9,
               killed=3, injured=11),
        _event(_place(gaz, "Sumy Oblast", "adm1"), 3, attacker=UA),      # right place, wrong side
        _event(_place(gaz, "Lviv", "place")),                            # nowhere the gold has an event
    ]
    claims = [AreaClaim(controller="UA", region=None, area_km2=518.0 * 1.01),
              AreaClaim(controller="RU", region=None, area_km2=40.0)]
    s = score_document(gold, events, claims)
    assert (s.pairs, s.pairs_found, s.pairs_found_attacker) == (2, 2, 1)
    assert (s.events, s.events_found) == (2, 1)
    assert (s.predicted, s.predicted_placed) == (3, 2)
    assert (s.weapons, s.weapons_exact, s.intercepted, s.intercepted_exact) == (1, 1, 1, 1)
    assert (s.killed, s.killed_exact, s.injured, s.injured_exact) == (1, 1, 1, 0)
    assert (s.claims, s.claims_found, s.claims_controller) == (1, 1, 1)
    assert (s.claims_predicted, s.claims_predicted_right) == (2, 1)


def test_finer_place_makes_its_container_found_by_events_inside(gaz):
    gold = {"places": [KHARKIV, UKRAINE],
            "events": [{"status": "reported", "attacker": "RU", "locations": ["Kharkiv", "Ukraine"], "weapons": []}]}
    s = score_document(gold, [_event(_place(gaz, "Kharkiv", "place"))], [])
    assert (s.pairs, s.pairs_found) == (2, 2)


def test_totals_add_and_ratios(gaz):
    gold = {"places": [KHARKIV], "events": [{"status": "reported", "attacker": "RU", "locations": ["Kharkiv"],
                                             "weapons": []}]}
    parsed = parse_text("Russian drones struck Kharkiv overnight, the mayor said.", gazetteer=gaz)
    total = score_events([gold, gold], [parsed, None])  # None: the parser failed on the second
    assert (total.pairs, total.pairs_found_attacker) == (2, 1)
    assert dict((r[0], r[3]) for r in total.rows())["gold (event, location) pairs found, right attacker"] == 0.5
    assert total.to_dict()["ratios"]["pairs_found_attacker"] == 0.5
    with pytest.raises(ValueError):
        score_events([gold], [])
    assert EventScores().rows()[0][3] is None


def test_strikemap_eval_scores_dev_set_events(tmp_path):
    text = "Russian drones struck Kharkiv overnight, killing three people, the mayor said."
    line = {"id": "x", "published": "2025-06-01", "text": text,
            "places": [dict(KHARKIV, offsets=[text.index("Kharkiv")], n=1)],
            "events": [{"status": "reported", "attacker": "RU", "locations": ["Kharkiv"],
                        "weapons": [{"kind": "drone", "count": None}], "killed": 3}],
            "area_claims": []}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(line) + "\n", encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(cli, ["eval", str(gold), "--json"])
    assert out.exit_code == 0, out.output
    ev = json.loads(out.output)["events"]
    assert (ev["pairs"], ev["pairs_found_attacker"], ev["killed"], ev["killed_exact"]) == (1, 1, 1, 1)
    table = runner.invoke(cli, ["eval", str(gold)])
    assert "dev set events and area claims" in table.output and "killed exact" in table.output
