"""Rules as named tables: every mention and event says which rule decided it, and eval scores each rule."""

import json

from click.testing import CliRunner

from geo.cli.main import cli
from geo.events.building import EVENT_TYPE_RULES
from geo.model import INTERCEPTION, STRIKE
from geo.pipeline import Pipeline
from geo.places.readings import READING_RULES
from geo.places.roles import ROLE_PASSES, ROLE_RULES
from geo.rules import Rule, first, reasons

REPORT = (
    "Russian drones hit an energy facility in the Poltava region overnight, the regional governor said. "
    "Air defences shot down 12 drones over the Kyiv region. "
    "Ukrainian forces pushed Russian troops out of Nesterianka, a village south of Orikhiv, the military said."
)


def test_the_first_rule_that_holds_decides():
    table = (Rule("big", "over ten", lambda n: n > 10, "big"), Rule("any", "the rest", lambda n: True, "small"))
    assert first(table, 11).name == "big" and first(table, 3).value == "small"
    assert first(table[:1], 3) is None
    assert reasons(table) == {"big": "over ten", "any": "the rest"}


def test_every_table_has_unique_names_and_a_reason_for_each_rule():
    for table in (READING_RULES, ROLE_RULES + ROLE_PASSES, EVENT_TYPE_RULES):
        names = [r.name for r in table]
        assert len(names) == len(set(names))
        assert all(r.reason for r in table)
    assert READING_RULES[-1].test(None, False)  # the last reading rule catches every mention that got this far


def test_event_types_come_from_named_rules(gazetteer):
    events = Pipeline(gazetteer, cache=False)(REPORT).events
    value_of = {r.name: r.value for r in EVENT_TYPE_RULES}
    assert events
    for e in events:
        assert value_of[e.rule] == e.type, (e.rule, e.type)
    assert {STRIKE, INTERCEPTION} <= {e.type for e in events}


def test_parse_json_explain_names_a_rule_for_every_mention_and_event(tmp_path, gazetteer):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", str(path), "--json", "--explain", "--no-cache"])
    assert result.exit_code == 0, result.output
    (doc,) = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert doc["mentions"] and doc["events"]
    for item in doc["mentions"] + doc["events"]:
        assert item["rule"], item
        assert item["reason"], item
    assert {m["rule"] for m in doc["mentions"]} <= {r.name for r in READING_RULES}
    assert {m["role_rule"] for m in doc["mentions"]} <= {r.name for r in ROLE_RULES + ROLE_PASSES}


def test_parse_explain_table_shows_the_rule_column_and_event_lines(tmp_path, gazetteer):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", str(path), "--explain", "--no-cache"])
    assert result.exit_code == 0, result.output
    header, *rows = result.output.splitlines()
    assert "rule" in header
    assert any(line.lstrip().startswith("event ") and " rule " in line for line in rows)


def test_eval_prints_a_per_rule_table(tmp_path, gazetteer):
    text = "Russian missiles struck Odesa on Monday, officials said."
    start = text.index("Odesa")
    gold = {"id": "g1", "text": text, "published": "2025-02-03",
            "places": [{"surface": "Odesa", "offsets": [start], "n": 1, "kind": "city_or_town", "adm1": "Odesa Oblast",
                        "role": "event_location", "lat": 46.48, "lon": 30.73, "country": "UA"}],
            "events": [{"type": "strike", "status": "reported", "attacker": "RU", "locations": ["Odesa"]}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["rules"]
    reading = [r for r in rows if r["table"] == "reading"]
    assert reading and all(r["fired"] >= r["judged"] >= r["right"] for r in rows)
    assert sum(r["right"] for r in reading) >= 1
    table = CliRunner().invoke(cli, ["eval", str(path)])
    assert "rules (fired" in table.output


def test_role_rules_name_the_shape_that_decided(gazetteer):
    nlp = Pipeline(gazetteer, cache=False)
    text = ("Moscow accused Kyiv of shelling Belgorod, the governor of the Kursk region said, "
            "as talks between Washington and Ankara went on.")
    rule_of = {m.surface: m.role_rule for m in nlp(text).mentions}
    assert rule_of["Moscow"] == "state_subject"
    assert rule_of["Belgorod"] in ("war_place", "state_attacked")
    assert rule_of["Kursk region"] == "official_title"
    assert rule_of["Washington"] == "state_object_of_agency"  # "between" is one of the words of agency
    assert rule_of["Ankara"] == "state_between"
