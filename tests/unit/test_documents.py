"""Reading reports: files, folders, jsonl corpora, sidecar metadata and bad input."""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import pytest

from geo.text.documents import (
    PART_CHARS, InputNote, InputWarning, is_failure, split_parts, iter_documents, load_documents, normalise_text,
)
from geo.model import Document, InputError

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ARTICLE = "Russian drones struck an energy facility in the Sumy region overnight, officials said.\n"


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_seeds_folder_reads_with_sidecar_metadata():
    docs, problems = load_documents([SEEDS])
    assert problems == []
    assert [d.id for d in docs] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    meta = {e["file"]: e for e in json.loads((SEEDS / "seeds.json").read_text())["documents"]}
    for doc in docs:
        entry = meta[Path(doc.path).name]
        assert doc.outlet == entry["outlet"]
        assert doc.published == dt.date.fromisoformat(entry["published"])
        assert doc.text == normalise_text(Path(doc.path).read_text(encoding="utf-8"))


def test_cli_defaults_fill_only_missing_metadata(tmp_path):
    _write(tmp_path / "a.txt", ARTICLE)
    _write(tmp_path / "b.txt", ARTICLE)
    _write(tmp_path / "meta.json", json.dumps({"documents": [{"file": "a.txt", "outlet": "Reuters"}]}))
    docs, problems = load_documents([tmp_path], published=dt.date(2024, 5, 1), outlet="Default")
    assert problems == []
    by_id = {d.id: d for d in docs}
    assert by_id["a"].outlet == "Reuters" and by_id["b"].outlet == "Default"
    assert by_id["a"].published == by_id["b"].published == dt.date(2024, 5, 1)


def test_markdown_title_and_offsets_kept(tmp_path):
    text = "# Strikes overnight\n\n" + ARTICLE
    (doc,) = load_documents([_write(tmp_path / "r.md", text)])[0]
    assert doc.title == "Strikes overnight"
    assert doc.text == text  # the heading stays: offsets index the whole file


@pytest.mark.parametrize("raw, expected", [
    ("a\r\nb\rc", "a\nb\nc"),
    ("Mariupo\u0301l", "Mariupól"),  # NFD accent composed
])
def test_minimal_normalisation(tmp_path, raw, expected):
    (doc,) = load_documents([_write(tmp_path / "n.txt", raw)])[0]
    assert doc.text == expected


def test_folder_recursion_sorted_hidden_and_other_suffixes_skipped(tmp_path):
    for name in ("b/2.txt", "a/1.md", "c.txt", ".hidden/x.txt", "notes.csv", ".dot.txt"):
        _write(tmp_path / name, ARTICLE)
    docs, problems = load_documents([tmp_path])
    assert problems == []
    assert [Path(d.path).relative_to(tmp_path).as_posix() for d in docs] == ["c.txt", "a/1.md", "b/2.txt"]


def test_jsonl_corpus_with_malformed_lines_continues(tmp_path):
    lines = [
        json.dumps({"id": "x1", "text": ARTICLE, "outlet": "AP", "published": "2025-03-19T08:00:00Z"}),
        "{not json",
        "",
        json.dumps(["a list"]),
        json.dumps({"id": "x2"}),
        json.dumps({"id": "x3", "text": 42}),
        json.dumps({"id": "x4", "text": "   "}),
        json.dumps({"text": ARTICLE, "published": "yesterday", "outlet": 7}),
        json.dumps({"id": "x1", "text": ARTICLE}),
    ]
    path = _write(tmp_path / "corpus.jsonl", "\n".join(lines) + "\n")
    docs, problems = load_documents([path], outlet="Fallback")
    assert [d.id for d in docs] == ["x1", "corpus:8", "x1#2"]  # ids as given; none: stem:line
    assert [d.line for d in docs] == [1, 8, 9]
    assert docs[0].outlet == "AP" and docs[0].published == dt.date(2025, 3, 19)
    assert docs[1].outlet == "Fallback" and docs[1].published is None
    failures = [p for p in problems if is_failure(p)]
    assert [p.where for p in failures] == [f"{path}:{n}" for n in (2, 4, 5, 6, 7)]
    warnings = [p for p in problems if not is_failure(p)]
    assert {p.where for p in warnings} == {f"{path}:8", f"{path}:9"}
    assert all(str(path) in str(p) for p in problems)


def test_jsonl_line_not_utf8(tmp_path):
    good = json.dumps({"id": "ok", "text": ARTICLE}).encode()
    bad = b'{"id": "bad", "text": "caf\xe9"}'
    path = _write(tmp_path / "c.jsonl", good + b"\n" + bad + b"\n")
    docs, problems = load_documents([path])
    assert [d.id for d in docs] == ["ok"]
    assert len(problems) == 1 and problems[0].where == f"{path}:2" and "UTF-8" in problems[0].problem


BAD_FILES = {
    "empty": (b"", "empty"),
    "whitespace": (b"  \n\n\t ", "whitespace"),
    "nul_bytes": (b"Kyiv\x00\x00\x01binary\x00data" * 20, "binary"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    "png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
    "control_bytes": (bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 50 + b"abc", "binary"),
    "undecodable": (bytes(range(0xA0, 0x100)) * 50, "not UTF-8"),
    "bad_bom": (codecs.BOM_UTF8 + b"abc \xff\xfe def", "byte-order mark"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_bad_files_give_one_error_naming_the_file_and_the_rest_continues(tmp_path, case, suffix):
    data, words = BAD_FILES[case]
    bad = _write(tmp_path / f"bad{suffix}", data)
    good = _write(tmp_path / "good.txt", ARTICLE)
    items = list(iter_documents([bad, good]))
    assert isinstance(items[-1], Document) and items[-1].id == "good"
    (error,) = items[:-1]
    assert is_failure(error) and error.where == str(bad)
    assert words in str(error) and str(bad) in str(error)
    assert "\n" not in str(error)


@pytest.mark.parametrize("case", ["empty", "nul_bytes", "pdf"])
def test_bad_jsonl_files(tmp_path, case):
    bad = _write(tmp_path / "bad.jsonl", BAD_FILES[case][0])
    (error,) = list(iter_documents([bad]))
    assert isinstance(error, InputError) and is_failure(error) and error.where == str(bad)


@pytest.mark.parametrize("encoding, warns", [
    ("utf-8-sig", False),
    ("utf-16", False),        # with BOM
    ("utf-32", False),        # with BOM
    ("utf-16-le", True),      # no BOM: guessed from the NUL pattern
    ("utf-16-be", True),
    ("cp1252", True),         # curly quotes and an e-acute
    ("latin-1", True),
])
def test_encodings_decoded_and_guesses_reported(tmp_path, encoding, warns):
    text = "Officials in Kharkiv said \u201cthe caf\u00e9 was hit\u201d overnight.\n" * 3
    if encoding == "latin-1":
        text = text.replace("\u201c", '"').replace("\u201d", '"')
    path = _write(tmp_path / "enc.txt", text.encode(encoding))
    docs, problems = load_documents([path])
    assert [d.text for d in docs] == [text]
    assert [is_failure(p) for p in problems] == ([False] if warns else [])
    if warns:
        assert isinstance(problems[0], InputWarning) and "guessed" in problems[0].problem


def test_fifty_megabyte_file_is_read_whole_and_said_so(tmp_path):
    para = ("Shelling hit a residential area of Kherson on Monday, the regional governor said. " * 10) + "\n\n"
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as fh:
        while fh.tell() < 50_000_000:
            fh.write(para * 100)
    good = _write(tmp_path / "z.txt", ARTICLE)
    docs, problems = load_documents([path, good])
    assert [d.id for d in docs] == ["huge", "z"]
    assert len(docs[0].text) == path.stat().st_size  # nothing cut
    (note,) = problems
    assert isinstance(note, InputNote) and not is_failure(note) and note.where == str(path)
    assert "parts" in note.problem and "read whole" in note.problem


def test_long_jsonl_text_read_whole(tmp_path):
    text = "word. " * (PART_CHARS // 6 + 10)
    path = _write(tmp_path / "big.jsonl", json.dumps({"id": "1", "text": text}) + "\n")
    docs, problems = load_documents([path])
    assert docs[0].text == text and docs[0].id == "1" and docs[0].line == 1
    assert problems[0].where == f"{path}:1" and isinstance(problems[0], InputNote)


def test_jsonl_ids_round_trip_exactly(tmp_path):
    lines = [{"id": "17", "text": ARTICLE}, {"id": 17, "text": ARTICLE}, {"id": " a b ", "text": ARTICLE},
             {"id": "ünï/cødé:1", "text": ARTICLE}]
    path = _write(tmp_path / "c.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    docs, problems = load_documents([path])
    assert [d.id for d in docs] == ["17", 17, " a b ", "ünï/cødé:1"]
    assert [d.line for d in docs] == [1, 2, 3, 4] and all(d.path == str(path) for d in docs)
    assert problems == []


@pytest.mark.parametrize("sidecar, words", [
    ("{broken", "not valid JSON"),
    (json.dumps({"documents": {"file": "a.txt"}}), "not a list"),
    (json.dumps({"documents": [{"outlet": "x"}]}), "no 'file'"),
    (json.dumps({"documents": [{"file": "a.txt", "published": "19/03/2025"}]}), "not a date"),
    (json.dumps({"documents": [{"file": "a.txt", "outlet": ["CNN"]}]}), "not a string"),
])
def test_malformed_sidecar_warns_and_continues(tmp_path, sidecar, words):
    _write(tmp_path / "a.txt", ARTICLE)
    side = _write(tmp_path / "meta.json", sidecar)
    docs, problems = load_documents([tmp_path], outlet="Default", published=dt.date(2025, 1, 1))
    assert [d.id for d in docs] == ["a"]
    assert docs[0].outlet == "Default" and docs[0].published == dt.date(2025, 1, 1)
    (warning,) = problems
    assert not is_failure(warning) and words in warning.problem
    assert warning.where in (str(side), str(tmp_path / "a.txt"))


def test_unrelated_json_in_folder_is_not_a_sidecar(tmp_path):
    _write(tmp_path / "a.txt", ARTICLE)
    _write(tmp_path / "config.json", json.dumps({"colour": "red"}))
    assert load_documents([tmp_path]) == ([load_documents([tmp_path / "a.txt"])[0][0]], [])


def test_sidecar_applies_to_a_file_named_directly(tmp_path):
    path = _write(tmp_path / "a.txt", ARTICLE)
    _write(tmp_path / "meta.json", json.dumps({"documents": [{"file": "a.txt", "outlet": "BBC", "url": "http://x"}]}))
    (doc,) = load_documents([path])[0]
    assert (doc.outlet, doc.url) == ("BBC", "http://x")


@pytest.mark.parametrize("make", ["missing", "empty_folder"])
def test_missing_path_and_empty_folder(tmp_path, make):
    target = tmp_path / "nothing"
    if make == "empty_folder":
        target.mkdir()
    (error,) = list(iter_documents([target]))
    assert is_failure(error) and error.where == str(target)


def test_ids_unique_across_folders(tmp_path):
    _write(tmp_path / "a/r.txt", ARTICLE)
    _write(tmp_path / "b/r.txt", ARTICLE)
    docs, problems = load_documents([tmp_path])
    assert [d.id for d in docs] == ["r", "r#2"]
    assert len(problems) == 1 and not is_failure(problems[0])


@pytest.mark.parametrize("n, expected", [
    (7, [(0, 6), (6, 10)]),      # cut after the last sentence end that fits
    (100, [(0, 10)]),            # short enough: one part
    (3, [(0, 3), (3, 6), (6, 9), (9, 10)]),
])
def test_split_parts(n, expected):
    assert split_parts("a. b. c. d", n) == expected


def test_split_parts_prefers_paragraphs_and_cuts_hard_only_without_boundaries():
    text = "One. Two.\n\nThree. Four. Five."
    assert split_parts(text, 20) == [(0, 11), (11, len(text))]
    assert split_parts("x" * 50, 10) == [(i, i + 10) for i in range(0, 50, 10)]
