"""Who struck whom when the report does not say: the side that does not hold the place (issue 20)."""

import csv
import datetime as dt
import json

from click.testing import CliRunner
from shapely.geometry import box, mapping

from geo.cli.main import cli
from geo.control import HELD_SINCE_2014_DONBAS, holder
from geo.model import RU, UA
from geo.pipeline import Pipeline


def _events(text, published=dt.date(2025, 6, 10)):
    return list(Pipeline()(text, id="t", published=published).events)


def _one(events, place_name):
    found = [e for e in events if e.location and e.location.place.name.startswith(place_name)]
    assert found, [(e.location.place.name if e.location else None) for e in events]
    return found[0]


def test_a_strike_on_crimea_is_ukraines_and_says_it_was_inferred(gazetteer):
    events = _events("Loud blasts shook Sevastopol before dawn and an oil terminal in Feodosia was set ablaze "
                     "by a drone, local officials said.")
    for name in ("Sevastopol", "Feodosi"):
        ev = _one(events, name)
        assert (ev.attacker, ev.attacker_basis, ev.attacker_inferred) == (UA, "held_by_other_side", True)


def test_a_named_attacker_is_never_inferred(gazetteer):
    ev = _one(_events("Russian missiles struck a warehouse in Vinnytsia on Monday, the governor said."), "Vinnyts")
    assert (ev.attacker, ev.attacker_basis, ev.attacker_inferred) == (RU, "grammar", False)


def test_a_strike_on_a_town_held_since_2014_is_ukraines_but_the_region_stays_open(gazetteer):
    ev = _one(_events("A market in Horlivka came under shelling on Saturday, killing two, the city's administration said."),
              "Horlivka")
    assert (ev.attacker, ev.attacker_inferred) == (UA, True)
    donetsk_oblast = next(p for p in gazetteer.search("Donetsk Oblast") if p.kind == "adm1")
    assert holder(donetsk_oblast) == UA  # a region held in part is placed by its own country
    assert HELD_SINCE_2014_DONBAS.is_valid


def test_retaken_ground_belongs_to_the_side_that_held_it(gazetteer):
    ev = _one(_events("Troops recaptured Kupiansk on Sunday, the general staff said."), "Kup")
    assert (ev.attacker, ev.attacker_basis, ev.attacker_inferred) == (UA, "regained", True)


def test_the_side_that_withdrew_did_not_advance(gazetteer):
    ev = _one(_events("Russian troops withdrew from positions around Lyman after fighting near the town on Thursday."), "Lyman")
    assert ev.attacker == UA


def test_a_side_that_pushed_back_an_assault_did_not_advance(gazetteer):
    ev = _one(_events("Ukrainian units pushed back an assault near Pokrovsk on Friday, the brigade said."), "Pokrovsk")
    assert ev.attacker == RU


def test_a_control_file_decides_who_holds_a_town_and_the_outputs_say_so(tmp_path, gazetteer):
    melitopol = next(p for p in gazetteer.search("Melitopol") if p.country_code == UA)
    area = box(melitopol.lon - 0.3, melitopol.lat - 0.3, melitopol.lon + 0.3, melitopol.lat + 0.3)
    control = tmp_path / "held_20250601.geojson"
    control.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": mapping(area)}]}), encoding="utf-8")
    report = tmp_path / "depot.txt"
    report.write_text("An ammunition depot in Melitopol exploded after a drone attack overnight, witnesses said.",
                      encoding="utf-8")

    def run(*extra):
        out = tmp_path / ("out" + "".join(extra).replace("/", "_")[-12:])
        result = CliRunner().invoke(cli, ["map", str(report), "-o", str(out), "--no-cache",
                                          "--published", "2025-06-10", *extra])
        assert result.exit_code == 0, result.output
        return out

    plain = run()
    feature = json.loads((plain / "events.geojson").read_text(encoding="utf-8"))["features"][0]["properties"]
    assert (feature["attacker"], feature["attacker_inferred"]) == (RU, True)  # held by Ukraine by default
    held = run("--control", str(control))
    feature = json.loads((held / "events.geojson").read_text(encoding="utf-8"))["features"][0]["properties"]
    assert (feature["attacker"], feature["attacker_basis"], feature["attacker_inferred"]) == (UA, "held_by_other_side", True)
    rows = list(csv.DictReader((held / "events.csv").open(encoding="utf-8")))
    assert "Attacker inferred" in rows[0]["notes"]
    assert "inferred: the report does not say who struck" in (held / "map.html").read_text(encoding="utf-8")


def test_a_communique_claiming_a_liberation_speaks_for_its_own_side(gazetteer):
    events = _events("The Russian Defence Ministry said on Sunday that its troops had recaptured Kupiansk.")
    assert {e.attacker for e in events if e.type == "ground_assault"} == {RU}
