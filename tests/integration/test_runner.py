"""The one guarded runner: a stage failing on one document never costs the others their results.

The fault is injected through the pipeline's public hook (``geo.pipeline.stage_added``),
so every command and the API are checked on the same path users take.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyogrio
import pytest
from click.testing import CliRunner

import geo
from geo.cli.main import cli
from geo.model import Document, ParsedDocument, StageError
from geo.pipeline import STAGES, add_stage, parse_text, remove_stage, stage_added
from geo.runner import parse_many, parse_stream, run

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
MARK = "Zzyzx-fault"
GOOD = [
    "Russian drones struck Kharkiv overnight, injuring three people, the regional governor said.",
    f"Officials in Odesa said a missile hit the port. {MARK}",
    "Ukrainian drones attacked an oil depot in Russia's Bryansk region on Tuesday, the governor said.",
]


def fail_on_mark(pd: ParsedDocument, gaz) -> ParsedDocument:
    """A test-only stage: raises on the document that carries the mark, passes the rest through."""
    if MARK in pd.document.text:
        raise KeyError("republics")
    return pd


@pytest.fixture
def faulty():
    with stage_added("fault", fail_on_mark, after="resolve"):
        yield


@pytest.fixture
def inputs(tmp_path) -> list[Path]:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    corpus = folder / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in zip(["a", 7, "c"], GOOD)) + "\n",
                      encoding="utf-8")
    return [folder]


def _invoke(args) -> object:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def _errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def _parse_json(inputs, *extra):
    result = _invoke(["parse", *inputs, "--json", *extra])
    return result, [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_parse_reports_one_line_and_keeps_every_other_result(inputs, workers, gazetteer):
    clean, expected = _parse_json(inputs, "-j", workers)
    assert clean.exit_code == 0, clean.stderr
    with stage_added("fault", fail_on_mark, after="resolve"):
        result, got = _parse_json(inputs, "-j", workers)
    assert result.exit_code == 1
    (line, summary) = _errors(result)
    corpus = str(inputs[0] / "corpus.jsonl")
    assert line == f"error: {corpus}:2: stage 'fault' failed: KeyError: 'republics'"
    assert "1 input failed" in summary
    # Every document comes out, in input order, ids as the input gave them.
    assert [d["id"] for d in got] == [d["id"] for d in expected] == [*sorted(p.stem for p in SEEDS.glob("*.txt")), "a", 7, "c"]
    failed = [d for d in got if "error" in d]
    assert [d["id"] for d in failed] == [7] and failed[0]["line"] == 2 and failed[0]["events"] == []
    assert [d for d in got if "error" not in d] == [d for d in expected if d["id"] != 7]


def test_map_export_summary_keep_the_other_documents(inputs, faulty, tmp_path, gazetteer):
    out = tmp_path / "out"
    result = _invoke(["map", *inputs, "-o", out, "-j", "1"])
    assert result.exit_code == 1 and "stage 'fault' failed" in _errors(result)[0]
    events = pyogrio.read_dataframe(out / "events.geojson")
    docs = {d for cell in events["documents"] for d in cell.split("; ")}
    assert {"000_1c2e4ae3be4a0e02", "004_1ea252ec2e887af5", "a", "c"} <= docs and "7" not in docs
    assert (out / "map.html").exists()
    for fmt in ("geojson", "csv"):
        target = tmp_path / f"events.{fmt}"
        result = _invoke(["export", *inputs, "--format", fmt, "-o", target, "-j", "1"])
        assert result.exit_code == 1 and len(_errors(result)) == 2 and target.exists()
    result = _invoke(["summary", *inputs, "-j", "1"])
    assert result.exit_code == 1 and "corpus.jsonl:2" in _errors(result)[0] and "Kharkiv" in result.stdout


def test_api_lists_the_failure_and_parses_the_rest(inputs, faulty):
    report = geo.analyze(inputs, workers=1)
    (failure,) = report.failures
    assert isinstance(failure, StageError) and failure.stage == "fault" and failure.where.endswith("corpus.jsonl:2")
    assert [p.document.id for p in report.documents][-3:] == ["a", 7, "c"]
    assert report.documents[-2].error and not report.documents[-1].error
    places = set(report.events["place_name"])
    assert {"Kharkiv", "Bryansk Oblast"} <= places


def test_failure_outside_any_stage_is_still_one_documents(gazetteer):
    docs = [Document("x", GOOD[0]), Document("y", GOOD[2])]
    with stage_added("fault", lambda pd, g: 1 / 0 if pd.document.id == "x" else pd):
        results = list(parse_stream(docs, workers=1))
    assert [type(r).__name__ for r in results] == ["StageError", "ParsedDocument", "ParsedDocument"]
    assert "ZeroDivisionError" in str(results[0]) and results[2].events


def test_stage_hook_refuses_a_duplicate_and_cleans_up():
    names = [n for n, _ in STAGES]
    assert names == ["sentences", "toponyms", "resolve", "events", "claims"]
    with pytest.raises(ValueError):
        add_stage("events", fail_on_mark)
    add_stage("extra", lambda pd, g: pd, after="sentences")
    try:
        assert [n for n, _ in STAGES][:3] == ["sentences", "extra", "toponyms"]
    finally:
        remove_stage("extra")
    assert [n for n, _ in STAGES] == names


def test_parse_many_keeps_order_and_collects_stage_errors(faulty, gazetteer):
    docs = [Document(str(i), t) for i, t in enumerate(GOOD)]
    errors: list = []
    parsed = parse_many(docs, workers=2, chunksize=1, errors=errors)
    assert [p.document.id for p in parsed] == ["0", "1", "2"]
    assert [e.stage for e in errors] == ["fault"] and parsed[1].error and parsed[2].events


def test_duplicate_ids_are_both_kept_with_a_visible_suffix(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "r.txt").write_text(GOOD[0], encoding="utf-8")
    (tmp_path / "b" / "r.txt").write_text(GOOD[2], encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "r", "text": GOOD[0]}) + "\n", encoding="utf-8")
    results = list(run([tmp_path / "a", tmp_path / "b", corpus], workers=1))
    ids = [r.document.id for r in results if isinstance(r, ParsedDocument)]
    assert ids == ["r", "r#2", "r#3"]
    warnings = [r for r in results if not isinstance(r, ParsedDocument)]
    assert [w.level for w in warnings] == ["warning", "warning"] and "'r#2'" in str(warnings[0])


def test_file_and_corpus_ids_round_trip_through_parse_json(tmp_path, gazetteer):
    (tmp_path / "Report 12.md").write_text(GOOD[0], encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    given = ["17", 17, "x/y:z", "ünï"]
    corpus.write_text("\n".join(json.dumps({"id": i, "text": GOOD[0]}) for i in given) + "\n"
                      + json.dumps({"text": GOOD[2]}) + "\n", encoding="utf-8")
    result, docs = _parse_json([tmp_path / "Report 12.md", corpus])
    assert result.exit_code == 0, result.stderr
    assert [d["id"] for d in docs] == ["Report 12", *given, "c:5"]
    assert [d["line"] for d in docs] == [None, 1, 2, 3, 4, 5]
    assert docs[0]["path"].endswith("Report 12.md") and all(d["path"] == str(corpus) for d in docs[1:])


def test_long_text_is_read_in_parts_with_whole_text_offsets(gazetteer):
    from geo.text.documents import split_parts

    filler = "Officials met to discuss the harvest and the weather again. " * 40
    text = filler + "\n\n" + GOOD[0] + "\n\n" + filler + "\n\n" + GOOD[2]
    whole = parse_text(text)
    parted = parse_text(text, part_chars=1500)
    assert len(split_parts(text, 1500)) > 2
    for pd in (whole, parted):
        for m in pd.mentions:
            assert text[m.start:m.end] == m.surface
    assert [(e.location.place.name, e.sources[0].start) for e in parted.events] == \
        [(e.location.place.name, e.sources[0].start) for e in whole.events]
    assert [e.id for e in parted.events] == [f"text:e{n}" for n in range(1, len(parted.events) + 1)]
