"""Bad input through the command line: one-line errors naming the file, the rest processed.

Also property tests: arbitrary text never crashes the pipeline, arbitrary bytes
never crash the reader.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pyogrio
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.cli.main import cli
from geo.text.documents import decode_bytes, is_failure, iter_documents, unique_ids
from geo.model import Document, InputError
from geo.pipeline import parse_document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOOD = "Russian drones struck Kharkiv overnight, injuring three people, the regional governor said.\n"

BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02binary\x00" * 50,
    "report.pdf.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
    "undecodable.txt": bytes(range(0xA0, 0x100)) * 40,
    "corpus.jsonl": (json.dumps({"id": "1", "text": GOOD}) + "\n{broken\n"
                     + json.dumps({"id": "3"}) + "\n").encode(),
}
EXPECTED_ERRORS = {  # file (and line) each bad input's error names
    "empty.txt": ["empty.txt"], "binary.txt": ["binary.txt"], "report.pdf.txt": ["report.pdf.txt"],
    "undecodable.txt": ["undecodable.txt"], "corpus.jsonl": ["corpus.jsonl:2", "corpus.jsonl:3"],
}


def _corpus(tmp_path: Path, bad: str | None) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    if bad:
        (folder / bad).write_bytes(BAD_INPUTS[bad])
    return folder


def _run(args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def _error_lines(result):
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def _map_available() -> bool:
    try:
        import maps
    except ImportError:
        return False
    return hasattr(maps, "render_map")


@pytest.mark.parametrize("bad", sorted(BAD_INPUTS))
def test_summary_reports_each_bad_input_and_processes_the_rest(tmp_path, bad):
    folder = _corpus(tmp_path, bad)
    result = _run(["summary", folder, "--format", "json", "-j", "1"])
    assert result.exit_code == 1
    errors = _error_lines(result)
    for where in EXPECTED_ERRORS[bad]:
        assert sum(where in line for line in errors) == 1, errors
    assert "failed" in errors[-1]
    data = json.loads(result.stdout)
    assert set(data) == {"regions", "countries"}


def test_good_inputs_exit_zero(tmp_path):
    result = _run(["summary", _corpus(tmp_path, None), "--format", "csv", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    assert _error_lines(result) == []
    assert result.stdout.startswith("admin1_code,region,country_code,")


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_other_encodings_are_read(tmp_path, encoding):
    path = tmp_path / "r.txt"
    path.write_bytes(("\u201cQuote\u201d: " + GOOD).encode(encoding))
    result = _run(["summary", path, "-j", "1"])
    assert result.exit_code == 0, result.stderr
    if encoding == "cp1252":
        assert "warning:" in result.stderr and "cp1252" in result.stderr


def test_map_writes_outputs_despite_bad_inputs(tmp_path):
    folder = _corpus(tmp_path, "binary.txt")
    out = tmp_path / "out"
    result = _run(["map", folder, "-o", out, "-j", "1"])
    assert result.exit_code == 1
    assert any("binary.txt" in line for line in _error_lines(result))
    for name in ("events.geojson", "area_claims.geojson", "events.csv", "regions.csv", "summary.md"):
        assert (out / name).exists(), name
    assert (out / "map.html").exists() == _map_available()
    events = pyogrio.read_dataframe(out / "events.geojson")
    regions = pd.read_csv(out / "regions.csv")
    located = events[events["admin1_code"].notna() & (events["precision"] <= 3)] if len(events) else events
    assert regions["events"].sum() == len(located)
    for col in ("killed", "injured", "intercepted"):
        # A tally shared by several region-level reports belongs to no one region.
        own = located[~located["shared_tally"].fillna("").str.split(",").map(lambda f: col in f)] \
            if len(located) else located
        assert regions[col].sum() == (own[col].fillna(0).sum() if len(own) else 0)


def test_map_default_corpus_is_the_seeds(tmp_path):
    out = tmp_path / "out"
    result = _run(["map", "-o", out, "-j", "1"])
    assert (out / "summary.md").exists()
    assert result.exit_code == (0 if _map_available() else 1), result.stderr
    assert "documents written" in result.stderr or "map" in result.stderr


def test_existing_outdir_not_clobbered_without_force(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "events.geojson").write_text("old")
    result = _run(["map", SEEDS, "-o", out, "-j", "1"])
    assert result.exit_code == 1 and "--force" in result.stderr
    assert (out / "events.geojson").read_text() == "old"
    result = _run(["map", SEEDS, "-o", out, "--force", "-j", "1"])
    assert json.loads((out / "events.geojson").read_text())["type"] == "FeatureCollection"


def test_outdir_that_is_a_file(tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    result = _run(["map", SEEDS, "-o", target, "--force"])
    assert result.exit_code != 0 and "Traceback" not in result.output


@pytest.mark.parametrize("fmt, suffix", [("geojson", "geojson"), ("gpkg", "gpkg"), ("csv", "csv"), ("parquet", "parquet")])
def test_export_formats(tmp_path, fmt, suffix):
    path = tmp_path / f"events.{suffix}"
    result = _run(["export", SEEDS, "--format", fmt, "-o", path, "-j", "1"])
    assert result.exit_code == 0, result.stderr
    assert path.stat().st_size > 0
    again = _run(["export", SEEDS, "--format", fmt, "-o", path, "-j", "1"])
    assert again.exit_code == 1 and "--force" in again.stderr


def test_export_geojson_to_stdout(tmp_path):
    result = _run(["export", SEEDS, "-j", "1"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["type"] == "FeatureCollection"


def test_three_megabyte_single_line_document_is_read_whole(tmp_path):
    big = tmp_path / "big.txt"
    sentence = "Officials said the talks would continue next week in a neutral venue. "
    big.write_text(sentence * (3_000_000 // len(sentence) + 1), encoding="utf-8")  # one line, no paragraphs
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = _run(["parse", big, tmp_path / "good.txt", "--json", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    assert "note:" in result.stderr and "big.txt" in result.stderr and "read whole" in result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["big", "good"]
    assert docs[1]["events"], "the document after the big one still gives its events"


def test_malformed_sidecar_warns_only(tmp_path):
    folder = _corpus(tmp_path, None)
    (folder / "seeds.json").write_text("{not json")
    result = _run(["summary", folder, "--published", "2025-03-19", "-j", "1"])
    assert result.exit_code == 0
    assert "warning:" in result.stderr and "seeds.json" in result.stderr


def test_bad_option_value_is_a_usage_error():
    result = _run(["summary", SEEDS, "--published", "yesterday"])
    assert result.exit_code == 2 and "not a date" in result.stderr


# -- properties ---------------------------------------------------------------

_texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
_newsy = st.lists(st.sampled_from([
    "Russian", "drones", "struck", "Kharkiv", "Sumy", "region", "oblast", "overnight", "killed", "145",
    "two", "ballistic", "missiles", "Ukraine's", "Air", "Force", "said", ".", ",", "\n", "in", "the",
    "of", "near", "Kursk", "at least", "square kilometres", "on Tuesday", "“", "’s", "(", ")", "-",
]), max_size=60).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(_texts, _newsy), published=st.one_of(st.none(), st.dates()))
def test_arbitrary_text_never_crashes_the_pipeline(text, published):
    parsed = parse_document(Document(id="h", text=text, published=published))
    assert parsed.document.text == text
    for m in parsed.mentions:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start:m.end] == m.surface
    for sentence in parsed.sentences:
        assert text[sentence.start:sentence.end] == sentence.text


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_the_reader(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("b") / "x.txt"
    path.write_bytes(data)
    items = list(iter_documents([path]))
    assert items and all(isinstance(i, (Document, InputError)) for i in items)
    assert sum(isinstance(i, Document) for i in items) <= 1
    try:
        text, _ = decode_bytes(data)
    except InputError:
        assert any(isinstance(i, InputError) and is_failure(i) for i in items)


@settings(max_examples=100, deadline=None)
@given(lines=st.lists(st.one_of(st.text(max_size=80), st.builds(
    lambda i, t: json.dumps({"id": i, "text": t}), st.integers(), st.text(max_size=80))), max_size=8))
def test_arbitrary_jsonl_never_crashes_the_reader(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("j") / "c.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(unique_ids(iter_documents([path])))
    assert all(isinstance(i, (Document, InputError)) for i in items)
    ids = [i.id for i in items if isinstance(i, Document)]
    assert len(ids) == len(set(ids))
