"""GeoNames country dumps added to the store: format checks, the larger store, and the CLI that selects it."""

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from gazetteer import Gazetteer, districts, geonames, store
from geonames_dump import (CYRILLIC_VILLAGE_ID, RAION_ID, ROWS, SEAT_ID, STREAM_ID, SUMY_ID, VILLAGE_ID, row, write_txt,
                           write_zip)


def test_reads_txt_and_zip_alike(tmp_path):
    for path in (write_txt(tmp_path / "UA.txt"), write_zip(tmp_path / "UA.zip")):
        stats = {"rows": 0, "taken": 0, "skipped": 0}
        recs = list(geonames.records(path, stats))
        assert {r.geonameid for r in recs} == {VILLAGE_ID, CYRILLIC_VILLAGE_ID, SEAT_ID, RAION_ID, SUMY_ID}
        assert stats == {"rows": len(ROWS), "taken": 5, "skipped": 0}  # the stream (class H) is not taken
        village = next(r for r in recs if r.geonameid == VILLAGE_ID)
        assert (village.population, village.admin1, village.admin2, village.feature_code) == (212, "UA.21", "9901", "PPL")
        assert "Журавлинка Перша" in village.alternates


def test_bad_lines_are_skipped_and_counted(tmp_path, capsys):
    path = write_txt(tmp_path / "UA.txt", bad_line="990000099\tBroken row with five columns\t\t\t")
    stats = {"rows": 0, "taken": 0, "skipped": 0}
    assert len(list(geonames.records(path, stats))) == 5
    assert stats["skipped"] == 1
    assert f"{path}:3: skipped" in capsys.readouterr().err


@pytest.mark.parametrize("content, why", [
    ("name,lat,lon\nKyiv,50.45,30.52\n", "1 columns"),
    ("\n\n" + "\t".join(["x"] * 19) + "\n", "not a number"),
    ("", "empty"),
])
def test_a_file_that_is_not_a_dump_is_refused_with_file_and_line(tmp_path, content, why):
    path = tmp_path / "places.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(geonames.DumpError, match=why) as info:
        geonames.check_format(path)
    assert str(path) in str(info.value)
    if content.strip():
        assert f"{path}:{content.count(chr(10), 0, content.index(content.strip()[0])) + 1}:" in str(info.value)


def test_a_zip_without_a_dump_and_a_binary_file_are_refused(tmp_path):
    z = tmp_path / "UA.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("readme.txt", "no dump here")
    with pytest.raises(geonames.DumpError, match="no .txt dump"):
        geonames.check_format(z)
    b = tmp_path / "RU.txt"
    b.write_bytes(b"\xff\xfe\x00garbage\x00\x01" * 50)
    with pytest.raises(geonames.DumpError, match=f"{b}:1: not a GeoNames dump"):
        geonames.check_format(b)


def test_describe_records_name_size_and_hash(tmp_path):
    path = write_zip(tmp_path / "UA.zip")
    f = geonames.describe(path)
    assert (f.name, f.size, len(f.sha256)) == ("UA.zip", path.stat().st_size, 64)
    assert geonames.describe(path) == f


@pytest.fixture(scope="module")
def base_store(gazetteer) -> Path:
    """The real built-in store (built once per machine)."""
    return store._builtin(store.usable_dir(), store.input_hash(), rebuild=False)


def _cache_with_base(base_store: Path, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(base_store, store.store_path(directory, store.input_hash()))
    return directory


@pytest.fixture(scope="module")
def larger(base_store, tmp_path_factory):
    """A store built from the built-in one and the test dump (zip), in a cache dir of its own."""
    directory = _cache_with_base(base_store, tmp_path_factory.mktemp("cache"))
    dump = write_zip(directory.parent / "UA.zip")
    path = store.use_geonames([dump], directory=directory)
    return Gazetteer(path), directory, dump


def test_the_larger_store_holds_the_villages(larger):
    gaz, _, _ = larger
    village = gaz.search("Zhuravlynka Persha")[0]
    assert (village.geonameid, village.population, village.feature_type) == (VILLAGE_ID, 212, "PPL")
    assert gaz.search("Журавлинка Перша")[0].geonameid == VILLAGE_ID
    assert gaz.reverse(51.1201, 34.8802).place.geonameid == VILLAGE_ID
    assert gaz.get(STREAM_ID) is None  # not class P or A


def test_cyrillic_alternates_bring_their_romanisations(larger):
    gaz, _, _ = larger
    top = gaz.search("Zhabotinka Vtoraya")[0]  # only "Жаботинка Вторая" is in the dump
    assert top.geonameid == CYRILLIC_VILLAGE_ID and top.match == "transliteration"


def test_adm2_units_and_their_seats(larger):
    gaz, _, _ = larger
    raion = gaz.search("Stepovyi Raion", kind="adm2")[0]
    assert raion.geonameid == RAION_ID and raion.admin1_code == "UA.21"
    seat = districts.centre(gaz, "Stepovyi raion", admin1="Sumy")
    assert seat is not None and seat.geonameid == SEAT_ID and seat.feature_type == "PPLA2"
    assert districts.centre(gaz, "Степовий район", admin1="UA.21").geonameid == SEAT_ID


def test_a_place_the_store_had_gets_its_feature_code(larger):
    gaz, _, _ = larger
    sumy = gaz.get(SUMY_ID)
    assert sumy.feature_type == "PPLA" and sumy.name == "Sumy" and sumy.population > 200_000
    assert gaz.search("Sumy")[0].geonameid == SUMY_ID


def test_info_says_which_dumps_the_store_was_built_from(larger):
    gaz, _, dump = larger
    info = gaz.info()
    [rec] = info["geonames_files"]
    assert (rec["name"], rec["size"], rec["path"]) == ("UA.zip", dump.stat().st_size, str(dump.resolve()))
    assert rec["sha256"] == geonames.describe(dump).sha256
    assert (rec["taken"], rec["skipped"], rec["added"]) == (5, 0, 4)
    assert "geonames_dumps" in info["sources"]
    dump_units = gaz._con.execute("SELECT count(*) FROM places WHERE kind = 'adm2' AND source = 'geonames'").fetchone()
    assert dump_units == (1,)  # the dump's one ADM2 unit, beside the codifier's raions and hromadas


def test_the_built_in_store_is_unchanged_beside_the_larger_one(larger, base_store):
    gaz, directory, _ = larger
    builtin = Gazetteer(store.store_path(directory, store.input_hash()))
    assert builtin.get(VILLAGE_ID) is None and builtin.info()["geonames_files"] == []
    assert not list(directory.glob(".gazetteer-*.tmp*"))


def _cli(directory: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, **{store.ENV_CACHE_DIR: str(directory)})
    return subprocess.run([sys.executable, "-c", "from geo.cli.main import cli; cli()", "gazetteer", *args],
                          env=env, capture_output=True, text=True, timeout=600)


def test_cli_build_with_dumps_is_kept_by_later_runs_until_build_without(base_store, tmp_path):
    directory = _cache_with_base(base_store, tmp_path / "cache")
    txt = write_txt(tmp_path / "UA.txt", bad_line="broken\tline")
    built = _cli(directory, "build", "--geonames", str(txt))
    assert built.returncode == 0, built.stderr
    assert "from GeoNames dumps" in built.stdout and "UA.txt:3: skipped" in built.stderr
    # A later run in a fresh process opens the larger store by itself.
    info = json.loads(_cli(directory, "info", "--json").stdout)
    assert [d["name"] for d in info["geonames_files"]] == ["UA.txt"] and info["geonames_files"][0]["skipped"] == 1
    assert "dump:       UA.txt" in _cli(directory, "info").stdout
    found = _cli(directory, "search", "Zhuravlynka Persha", "--json")
    assert json.loads(found.stdout)[0]["geonameid"] == VILLAGE_ID
    # `gazetteer build` without --geonames returns to the built-in store.
    back = _cli(directory, "build")
    assert back.returncode == 0, back.stderr
    assert json.loads(_cli(directory, "info", "--json").stdout)["geonames_files"] == []
    assert "dumps:      none" in _cli(directory, "info").stdout
    assert _cli(directory, "search", "Zhuravlynka Persha").returncode == 1
    assert not (directory / store.SELECTION_FILE).exists()


def test_cli_refuses_a_file_that_is_not_a_dump_and_keeps_the_store(base_store, tmp_path):
    directory = _cache_with_base(base_store, tmp_path / "cache")
    bad = tmp_path / "notes.txt"
    bad.write_text("these are my notes\nnot a gazetteer\n", encoding="utf-8")
    result = _cli(directory, "build", "--geonames", str(bad))
    assert result.returncode != 0
    assert f"{bad}:1: not a GeoNames dump" in result.stderr and "Traceback" not in result.stderr
    assert not (directory / store.SELECTION_FILE).exists()
    assert _cli(directory, "build", str(bad)).returncode == 2  # FILE without --geonames is a usage error


def test_a_missing_dump_stops_a_rebuild_with_a_clear_message(base_store, tmp_path, monkeypatch):
    directory = _cache_with_base(base_store, tmp_path / "cache")
    dump = write_txt(tmp_path / "UA.txt")
    path = store.use_geonames([dump], directory=directory)
    monkeypatch.setenv(store.ENV_CACHE_DIR, str(directory))
    assert store.ensure() == path  # the store stands while it is valid, the dump is not needed
    path.unlink()
    dump.unlink()
    with pytest.raises(store.StoreError, match="missing or changed.*gazetteer build"):
        store.ensure()
    store.use_builtin(directory, rebuild=False)
    assert store.ensure() == store.store_path(directory, store.input_hash())


def test_dump_row_helper_writes_the_exact_format():
    line = row(1, "A", ["Б"], 50.0, 30.0, "P", "PPL")
    assert line.count("\t") == 18 and geonames.parse(line.encode())[0].name == "A"
