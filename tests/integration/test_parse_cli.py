"""`strikemap parse`: JSON Lines and table output over files, folders and .jsonl corpora."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geo.cli.main import cli

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def run(*args):
    result = CliRunner().invoke(cli, ["parse", *args])
    return result


def json_lines(output):
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_json_one_object_per_document_with_mentions(gazetteer):
    path = next(SEEDS.glob("000_*.txt"))
    result = run(str(path), "--json")
    assert result.exit_code == 0, result.output
    (doc,) = json_lines(result.output)
    text = path.read_text(encoding="utf-8")
    assert doc["id"] and doc["mentions"]
    for m in doc["mentions"]:
        assert set(m) >= {"start", "end", "surface", "role", "precision", "place"}
        assert text[m["start"]:m["end"]] == m["surface"]
        assert m["role"] in ("event_location", "actor_metonym", "other")
        assert m["place"]["name"] and "lat" in m["place"] and "country_code" in m["place"]
    names = {m["place"]["name"] for m in doc["mentions"]}
    assert "Sumy Oblast" in names and "Kursk Oblast" in names
    # Outlet and date come from the seeds' sidecar.
    assert doc["outlet"] == "CNN" and doc["published"] == "2025-03-19"


def test_folder_gives_every_document(gazetteer):
    result = run(str(SEEDS), "--json")
    assert result.exit_code == 0, result.output
    assert len(json_lines(result.output)) == 2


def test_jsonl_corpus_and_defaults(tmp_path, gazetteer):
    corpus = tmp_path / "reports.jsonl"
    lines = [
        {"id": "a", "text": "Drones hit the Poltava region overnight, officials said."},
        {"id": "b", "text": "Moscow accused Kyiv of shelling Belgorod.", "outlet": "TASS"},
    ]
    corpus.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    result = run(str(corpus), "--json", "--outlet", "Wire", "--published", "2024-05-01")
    assert result.exit_code == 0, result.output
    a, b = json_lines(result.output)
    assert [m["surface"] for m in a["mentions"]] == ["Poltava region"]
    assert a["mentions"][0]["place"]["kind"] == "adm1" and a["mentions"][0]["precision"] == 3
    assert (a["outlet"], a["published"]) == ("Wire", "2024-05-01")
    assert b["outlet"] == "TASS"
    roles = {m["surface"]: m["role"] for m in b["mentions"]}
    assert roles == {"Moscow": "actor_metonym", "Kyiv": "actor_metonym", "Belgorod": "event_location"}


def test_table_output(tmp_path, gazetteer):
    report = tmp_path / "r.txt"
    report.write_text("KHARKIV - A drone struck a warehouse near Chuhuiv on Sunday.", encoding="utf-8")
    result = run(str(report))
    assert result.exit_code == 0, result.output
    header, *rows = result.output.splitlines()
    assert header.split()[:4] == ["doc", "surface", "role", "prec"]
    assert any("Chuhuiv" in r and "event_location" in r and " 2 " in r for r in rows), result.output
    assert any("KHARKIV" in r and "other" in r for r in rows), result.output


def test_bad_input_is_reported_and_the_rest_processed(tmp_path, gazetteer):
    good = tmp_path / "good.txt"
    good.write_text("Shelling hit Kherson.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\xff" * 100)
    result = run(str(good), str(bad), "--json")
    assert result.exit_code == 1
    assert "bad.txt" in result.output  # CliRunner mixes stderr into output
    assert len(json_lines(result.output)) == 1


@pytest.mark.parametrize("args", [["--published", "yesterday"], ["/no/such/file.txt"]])
def test_usage_errors_are_one_line(args, gazetteer):
    result = run(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_place_missing_from_the_gazetteer_shows_its_container(tmp_path, gazetteer):
    report = tmp_path / "v.txt"
    report.write_text("Russian drones struck the village of Stara Pavlivka in Sumy region overnight.", encoding="utf-8")
    result = run(str(report))
    assert result.exit_code == 0, result.output
    row = next(r for r in result.output.splitlines() if "Stara Pavlivka" in r)
    assert "not in gazetteer" in row and "Sumy" in row and "event_location" in row and " 3 " in row
    (doc,) = json_lines(run(str(report), "--json").output)
    (m,) = [m for m in doc["mentions"] if m["surface"] == "Stara Pavlivka"]
    assert m["place"] is None and m["container"]["admin1_code"] == "UA.21" and m["precision"] == 3
