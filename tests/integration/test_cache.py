"""The parse cache (geo.cache): hits, misses on a changed text or another pipeline version, --no-cache.

To see that a run read the cache rather than parsing, a test stores a result
the pipeline would never give (a marked event) under the document's key, through
the cache's own API, and checks whether it comes back.
"""

from __future__ import annotations

import json
import multiprocessing
import pickle
import shutil
import sqlite3
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from gazetteer import Gazetteer
from geo.cache import ENV_PARSE_CACHE, ParseCache, document_key
from geo.cli.main import cli
from geo.model import Document, ParsedDocument
from geo.pipeline import STAGES, Pipeline, parse_document, stage_added
from geo.runner import parse_many, run

TEXTS = [
    "Russian drones struck Kharkiv overnight, injuring three people, the regional governor said.",
    "Ukrainian drones attacked an oil depot in Russia's Bryansk region on Tuesday, the governor said.",
    "Officials in Odesa said a missile hit the port on Monday.",
    "Shelling hit the centre of Kherson on Sunday, killing two people, the regional governor said.",
]
MARK = "marked-by-the-test"


@pytest.fixture
def path(tmp_path, monkeypatch) -> Path:
    target = tmp_path / "parses.sqlite"
    monkeypatch.setenv(ENV_PARSE_CACHE, str(target))
    return target


@pytest.fixture
def cache(path, gazetteer) -> ParseCache:
    return ParseCache.open(gazetteer, path, STAGES)


def docs(texts=TEXTS) -> list[Document]:
    return [Document(id=f"d{i}", text=t, outlet="Test Wire") for i, t in enumerate(texts)]


def marked(pd: ParsedDocument) -> ParsedDocument:
    """The document's real result with its first event's id marked: no parse gives this."""
    (first, *rest) = pd.events
    return replace(pd, events=(replace(first, id=MARK), *rest))


def dump(parsed) -> list[str]:
    return [json.dumps(p.to_dict(), sort_keys=True, default=str) for p in parsed]


def entries(path: Path) -> int:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT COUNT(*) FROM parses").fetchone()[0]


def test_a_second_run_reads_the_cache(path, cache, gazetteer):
    first = parse_many(docs(), gazetteer=gazetteer, cache=path)
    assert entries(path) == len(TEXTS)
    assert dump(parse_many(docs(), gazetteer=gazetteer, cache=path)) == dump(first)
    cache.put([marked(first[0])])
    again = parse_many(docs(), gazetteer=gazetteer, cache=path)
    assert again[0].events[0].id == MARK  # read back, not parsed
    assert again[0].document == docs()[0]  # with the document as read this time
    assert again[0].sentences == first[0].sentences and again[0].mentions == first[0].mentions


@pytest.mark.parametrize("workers", [1, 2])
def test_hits_and_misses_keep_input_order(path, cache, gazetteer, workers):
    fresh = parse_many(docs(), gazetteer=gazetteer, cache=False)
    cache.put([marked(fresh[1]), fresh[3]])  # a mix of stored and new documents
    got = parse_many(docs(), gazetteer=gazetteer, cache=path, workers=workers, chunksize=1)
    assert [p.document.id for p in got] == ["d0", "d1", "d2", "d3"]
    assert got[1].events[0].id == MARK
    assert dump([got[i] for i in (0, 2, 3)]) == dump([fresh[i] for i in (0, 2, 3)])
    assert entries(path) == len(TEXTS)  # the misses were stored


def test_a_changed_text_or_metadata_misses(path, cache, gazetteer):
    (pd,) = parse_many(docs()[:1], gazetteer=gazetteer, cache=path)
    cache.put([marked(pd)])
    doc = docs()[0]
    for changed in (replace(doc, text=doc.text + " Two drones were shot down."), replace(doc, outlet="Other Wire"),
                    replace(doc, id="renamed")):
        assert cache.get(changed) is None
        (again,) = parse_many([changed], gazetteer=gazetteer, cache=path)
        assert MARK not in {e.id for e in again.events}
    assert document_key(doc) == document_key(replace(doc, path="elsewhere/d0.txt", line=3))  # where it was read: not content


def test_another_pipeline_version_never_reads_an_entry(path, cache, gazetteer):
    (pd,) = parse_many(docs()[:1], gazetteer=gazetteer, cache=path)
    cache.put([marked(pd)])
    assert ParseCache(path, "another-version").get(docs()[0]) is None


def upper_outlet(pd: ParsedDocument, gaz) -> ParsedDocument:
    """A test-only stage: changes nothing that matters, but is a new pipeline."""
    return pd


def test_an_added_stage_is_a_new_version(path, cache, gazetteer):
    (pd,) = parse_many(docs()[:1], gazetteer=gazetteer, cache=path)
    cache.put([marked(pd)])
    with stage_added("extra", upper_outlet):
        assert Pipeline(gazetteer).version != cache.version
        (again,) = parse_many(docs()[:1], gazetteer=gazetteer, cache=path)
    assert again.events[0].id != MARK
    (back,) = parse_many(docs()[:1], gazetteer=gazetteer, cache=path)
    assert back.events[0].id == MARK  # the old stages, the old version


def test_a_rebuilt_store_is_a_new_version(tmp_path, gazetteer):
    copy = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(gazetteer.path, copy)
    with sqlite3.connect(copy) as con:
        con.execute("UPDATE meta SET value = 'rebuilt later' WHERE key = 'built'")
    assert Pipeline(Gazetteer(copy)).version != Pipeline(gazetteer).version


def test_no_cache_bypasses_it(path, cache, gazetteer, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text, "outlet": d.outlet}) + "\n" for d in docs()))
    first = CliRunner().invoke(cli, ["parse", str(corpus), "--json"])
    assert first.exit_code == 0 and entries(path) == len(TEXTS)
    (stored,) = [p for p in run([str(corpus)], cache=path, gazetteer=gazetteer) if p.document.id == "d0"][:1]
    cache.put([marked(stored)])
    cached = CliRunner().invoke(cli, ["parse", str(corpus), "--json"])
    assert MARK in cached.stdout
    bypassed = CliRunner().invoke(cli, ["parse", str(corpus), "--json", "--no-cache"])
    assert bypassed.exit_code == 0 and MARK not in bypassed.stdout
    assert bypassed.stdout == first.stdout
    out = tmp_path / "out"
    mapped = CliRunner().invoke(cli, ["map", str(corpus), "-o", str(out), "--no-cache", "-j", "1"])
    assert mapped.exit_code == 0 and MARK not in (out / "events.geojson").read_text()


def test_events_only_when_detail_is_not_needed(path, cache, gazetteer):
    full = parse_many(docs(), gazetteer=gazetteer, cache=path)
    lite = parse_many(docs(), gazetteer=gazetteer, cache=path, detail=False)
    assert [p.events for p in lite] == [p.events for p in full]
    assert any(p.events for p in lite) and any(p.mentions for p in full)
    assert all(not p.sentences and not p.mentions and not p.candidates for p in lite)


def test_failed_documents_are_not_kept(path, cache, gazetteer):
    def boom(pd, gaz):
        raise ValueError("no")

    with stage_added("boom", boom):
        errors: list = []
        parse_many(docs()[:2], gazetteer=gazetteer, cache=path, errors=errors)
        assert len(errors) == 2
    assert entries(path) == 0


def test_a_tampered_entry_is_refused_not_run(path, cache, gazetteer, tmp_path):
    (pd,) = parse_many(docs()[:1], gazetteer=gazetteer, cache=path)
    witness = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (witness,))

    blob = zlib.compress(pickle.dumps(Payload()))
    with sqlite3.connect(path) as con:
        con.execute("UPDATE parses SET summary = ?", (blob,))
    assert cache.get(docs()[0]) is None and not witness.exists()
    (again,) = parse_many(docs()[:1], gazetteer=gazetteer, cache=path)
    assert dump([again]) == dump([pd]) and not witness.exists()


def test_a_damaged_cache_file_never_fails_a_run(path, gazetteer, caplog):
    path.write_bytes(b"this is not an sqlite database" * 100)
    fresh = parse_many(docs()[:2], gazetteer=gazetteer, cache=False)
    with caplog.at_level("WARNING"):
        got = parse_many(docs()[:2], gazetteer=gazetteer, cache=path)
    assert dump(got) == dump(fresh)
    assert "parse cache" in caplog.text


def _writer(path: str, version: str, start: int, n: int, result: ParsedDocument) -> None:
    cache = ParseCache(path, version)
    for i in range(start, start + n, 5):
        cache.put([replace(result, document=replace(result.document, id=f"w{j}")) for j in range(i, i + 5)])


def test_processes_writing_at_once(path, cache, gazetteer):
    (pd,) = parse_many(docs()[:1], gazetteer=gazetteer, cache=False)
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(str(path), cache.version, k * 200, 200, pd)) for k in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    assert entries(path) == 600
    back = cache.get(replace(pd.document, id="w599"))
    assert back is not None and back.events == pd.events


def test_cache_info_and_clear(path, cache, gazetteer):
    parse_many(docs(), gazetteer=gazetteer, cache=path)
    ParseCache(path, "an-old-version").put([parse_document(docs()[0], gazetteer)])
    info = CliRunner().invoke(cli, ["cache", "info", "--json"])
    data = json.loads(info.stdout)
    assert data["path"] == str(path) and data["current_entries"] == len(TEXTS) and data["entries"] == len(TEXTS) + 1
    text = CliRunner().invoke(cli, ["cache", "info"]).stdout
    assert f"{len(TEXTS)} for this version" in text and "1 of 1 other version" in text
    stale = CliRunner().invoke(cli, ["cache", "clear", "--stale"])
    assert stale.exit_code == 0 and "removed 1 " in stale.stdout and entries(path) == len(TEXTS)
    cleared = CliRunner().invoke(cli, ["cache", "clear"])
    assert cleared.exit_code == 0 and entries(path) == 0


def test_cache_off_by_environment(tmp_path, monkeypatch, gazetteer):
    monkeypatch.setenv(ENV_PARSE_CACHE, "off")
    assert ParseCache.open(gazetteer, None, STAGES) is None
    assert parse_many(docs()[:1], gazetteer=gazetteer)[0].events
    assert "off" in CliRunner().invoke(cli, ["cache", "info"]).stdout
